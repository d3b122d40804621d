package io.relata.imports.gedcom;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The year a GEDCOM date states, as the plain number a "born" or "died" fact holds. */
final class GedcomDates {

    private static final Pattern YEAR = Pattern.compile("(\\d{1,4})(?:/\\d{1,4})?");
    private static final Pattern PHRASE = Pattern.compile("\\(.*\\)\\s*$");
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    private static final Set<String> SECOND_DATE = Set.of("AND", "TO");
    private static final Set<String> CHRISTIAN_ERA = Set.of("@#DGREGORIAN@", "@#DJULIAN@", "GREGORIAN", "JULIAN");
    private static final Set<String> BEFORE_CHRIST = Set.of("BC", "B.C.", "BCE", "B.C.E.");
    private static final Set<String> MONTHS = Set.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    /** Hebrew and French republican months: their years are not years of the Christian era. */
    private static final Set<String> OTHER_CALENDAR_MONTHS = Set.of("TSH", "CSH", "KSL", "TVT", "SHV", "ADR", "ADS",
            "NSN", "IYR", "SVN", "TMZ", "AAV", "ELL", "VEND", "BRUM", "FRIM", "NIVO", "PLUV", "VENT", "GERM", "FLOR",
            "PRAI", "MESS", "THER", "FRUC", "COMP");

    private GedcomDates() {}

    /**
     * The year of the date, or of the first of a range or period ("BET 1800 AND 1810" is 1800), without leading
     * zeros; empty for a date phrase in parentheses, a date before Christ, a date in another calendar, or no year.
     * A dual year ("1699/00") is its first year. A number followed by a month is a day, not a year. Other words
     * ("ABT", "BEF", "Spring") say how the date is meant and are passed over.
     */
    static Optional<String> year(String date) {
        String text = PHRASE.matcher(date.strip()).replaceFirst("").strip().toUpperCase(Locale.ROOT);
        String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
        String year = null;
        boolean dated = false;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (dated && SECOND_DATE.contains(word)) {
                break;
            }
            if (word.startsWith("@#D") || word.equals("HEBREW") || word.equals("FRENCH_R") || word.startsWith("_")) {
                if (!CHRISTIAN_ERA.contains(word)) {
                    return Optional.empty();
                }
            } else if (OTHER_CALENDAR_MONTHS.contains(word) || BEFORE_CHRIST.contains(word)) {
                return Optional.empty();
            } else if (YEAR.matcher(word).matches()) {
                dated = true;
                if (year == null && !(i + 1 < words.length && isMonth(words[i + 1]))) {
                    year = YEAR.matcher(word).replaceFirst("$1");
                }
            } else if (isMonth(word)) {
                dated = true;
            }
        }
        if (year == null || Integer.parseInt(year) == 0) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(Integer.parseInt(year)));
    }

    /** GEDCOM's three-letter months, and the English names that some programs write in full ("June", "Sept"). */
    private static boolean isMonth(String word) {
        return WORD.matcher(word).matches() && MONTHS.contains(word.substring(0, 3));
    }
}
