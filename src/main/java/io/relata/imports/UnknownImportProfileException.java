package io.relata.imports;

/** No import profile has the name asked for (404). */
public class UnknownImportProfileException extends RuntimeException {

    public UnknownImportProfileException(String name) {
        super("no import profile '" + name + "'; the built-in ones are wikidata, dbpedia and schema, "
                + "and others are posted to /v1/import-profiles");
    }
}
