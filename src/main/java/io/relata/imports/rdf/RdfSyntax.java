package io.relata.imports.rdf;

import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.Lang;

/** The RDF syntaxes relata imports, and how an upload's media type or file name says which one it is. */
public enum RdfSyntax {
    NTRIPLES(Lang.NTRIPLES, "application/n-triples", ".nt"),
    NQUADS(Lang.NQUADS, "application/n-quads", ".nq"),
    TURTLE(Lang.TURTLE, "text/turtle", ".ttl"),
    RDFXML(Lang.RDFXML, "application/rdf+xml", ".rdf", ".owl", ".xml");

    private static final String GZIP_SUFFIX = ".gz";

    private final Lang lang;
    private final String mediaType;
    private final String[] suffixes;

    RdfSyntax(Lang lang, String mediaType, String... suffixes) {
        this.lang = lang;
        this.mediaType = mediaType;
        this.suffixes = suffixes;
    }

    /** The syntax of a Content-Type such as {@code text/turtle; charset=utf-8}; its parameters do not matter. */
    public static Optional<RdfSyntax> ofMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        for (RdfSyntax syntax : values()) {
            if (syntax.mediaType.equals(type)) {
                return Optional.of(syntax);
            }
        }
        return Optional.empty();
    }

    /** The syntax a file name's extension says: .nt, .nq, .ttl, .rdf, .owl or .xml, each also with .gz after it. */
    public static Optional<RdfSyntax> ofFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(GZIP_SUFFIX)) {
            lower = lower.substring(0, lower.length() - GZIP_SUFFIX.length());
        }
        for (RdfSyntax syntax : values()) {
            for (String suffix : syntax.suffixes) {
                if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                    return Optional.of(syntax);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the syntax has one statement a line, so that a broken line can be skipped rather than end the file. */
    boolean isLineBased() {
        return this == NTRIPLES || this == NQUADS;
    }

    Lang lang() {
        return lang;
    }
}
