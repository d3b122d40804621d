package io.relata.facts;

import java.util.Locale;
import java.util.Optional;

/** The file formats a fact import accepts, by media type. */
public enum FactFormat {
    TSV("text/tab-separated-values"),
    CSV("text/csv"),
    NDJSON("application/x-ndjson");

    private final String mediaType;

    FactFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a Content-Type header value, parameters such as charset ignored. */
    public static Optional<FactFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (FactFormat format : values()) {
            if (format.mediaType.equals(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
