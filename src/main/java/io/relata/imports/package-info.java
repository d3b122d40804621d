/**
 * Knowledge in as people have it: RDF graphs ({@code rdf}) and GEDCOM family trees ({@code gedcom}) read as whole
 * records, stored in batches through the facts store, with import profiles that map a vocabulary to relations and
 * the relation declarations a file makes given to the lexicon.
 */
package io.relata.imports;
