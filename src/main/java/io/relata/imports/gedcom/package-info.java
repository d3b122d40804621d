/** Reads GEDCOM genealogy files as a stream of records and maps their people and families to import records. */
package io.relata.imports.gedcom;
