package io.relata.facts;

import io.relata.InvalidInputException;
import java.util.Locale;

/**
 * Whether an import starts with the header line subject, relation, object: as the media type's {@code header}
 * parameter declares (RFC 4180: {@code header=present} or {@code header=absent}), else the format's default: CSV
 * has one, TSV may have one and it is detected (only exactly those three names, in any case, count).
 */
public enum HeaderLine {
    /** The format's default. */
    DEFAULT,
    /** Declared present: the first line must be the header. */
    PRESENT,
    /** Declared absent: the first line is data, whatever it says. */
    ABSENT;

    /** What a reader of this format expects of its first line. */
    enum Expected { PRESENT, ABSENT, DETECTED }

    Expected expected(FactFormat format) {
        return switch (this) {
            case PRESENT -> Expected.PRESENT;
            case ABSENT -> Expected.ABSENT;
            case DEFAULT -> format == FactFormat.CSV ? Expected.PRESENT
                    : format == FactFormat.TSV ? Expected.DETECTED : Expected.ABSENT;
        };
    }

    /** The declaration in a Content-Type's {@code header} parameter; none is DEFAULT. */
    public static HeaderLine ofContentType(String contentType) {
        if (contentType == null) {
            return DEFAULT;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("header")) {
                String value = parameter[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
                return switch (value) {
                    case "present" -> PRESENT;
                    case "absent" -> ABSENT;
                    default -> throw new InvalidInputException("the header parameter is present or absent");
                };
            }
        }
        return DEFAULT;
    }
}
