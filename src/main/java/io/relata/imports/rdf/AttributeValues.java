package io.relata.imports.rdf;

import java.util.Map;
import java.util.Optional;

/**
 * The values relata reads rather than stores as written: a birth or death date as its year, so that "born 1819" matches
 * whichever precision the source had, and the gender entities and words of Wikidata and schema.org as "male" and
 * "female", the values the store reads a parent's gender from.
 */
final class AttributeValues {

    static final String BORN = "born";
    static final String DIED = "died";
    static final String GENDER = "gender";

    private static final Map<String, String> GENDER_ENTITIES = Map.of(
            RdfTerms.WIKIDATA_ENTITY + "Q6581097", "male",
            RdfTerms.WIKIDATA_ENTITY + "Q6581072", "female",
            "http://schema.org/Male", "male",
            "https://schema.org/Male", "male",
            "http://schema.org/Female", "female",
            "https://schema.org/Female", "female");

    private AttributeValues() {}

    /** "male" or "female" for the IRIs that mean them, else empty: the entity is kept as it is. */
    static Optional<String> genderOf(String iri) {
        return Optional.ofNullable(GENDER_ENTITIES.get(iri));
    }

    /** "male"/"female" whatever their case; another gender's text as it is. */
    static String genderWord(String text) {
        if (text.equalsIgnoreCase("male")) {
            return "male";
        }
        return text.equalsIgnoreCase("female") ? "female" : text;
    }

    /**
     * The year a date's text starts with, as a number without leading zeros ("1819-05-24", "+1819-05-24T00:00:00Z",
     * "1819" give "1819"); empty for year 0 and the years before it, which no question of relata's compares; the
     * text itself when it does not start with a year ("about 1820").
     */
    static Optional<String> year(String text) {
        int start = 0;
        boolean negative = false;
        if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            start = 1;
        }
        int end = start;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        boolean isYear = end - start >= 4 && (end == text.length() || text.charAt(end) == '-');
        if (!isYear) {
            return Optional.of(text);
        }
        while (start < end && text.charAt(start) == '0') {
            start++;
        }
        return negative || start == end ? Optional.empty() : Optional.of(text.substring(start, end));
    }
}
