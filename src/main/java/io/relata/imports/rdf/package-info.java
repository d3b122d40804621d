/** The RDF reader of relata's import: N-Triples, N-Quads, Turtle and RDF/XML streamed through Jena RIOT as records. */
package io.relata.imports.rdf;
