package io.relata.imports;

import io.relata.imports.rdf.RdfSyntax;
import java.util.Locale;
import java.util.Optional;

/** The formats of knowledge people already have that an import reads: RDF in four syntaxes, and GEDCOM family trees. */
public enum KnowledgeFormat {
    NTRIPLES(RdfSyntax.NTRIPLES),
    NQUADS(RdfSyntax.NQUADS),
    TURTLE(RdfSyntax.TURTLE),
    RDFXML(RdfSyntax.RDFXML),
    GEDCOM(null);

    /** The media types of GEDCOM: the common one and the one FamilySearch registered. */
    public static final String GEDCOM_TYPE = "application/x-gedcom";
    public static final String GEDCOM_FAMILYSEARCH_TYPE = "text/vnd.familysearch.gedcom";

    private final RdfSyntax rdf;

    KnowledgeFormat(RdfSyntax rdf) {
        this.rdf = rdf;
    }

    /** The RDF syntax, or null for GEDCOM. */
    RdfSyntax rdf() {
        return rdf;
    }

    /** The format of a Content-Type header value, parameters ignored. */
    public static Optional<KnowledgeFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals(GEDCOM_TYPE) || type.equals(GEDCOM_FAMILYSEARCH_TYPE)) {
            return Optional.of(GEDCOM);
        }
        return RdfSyntax.ofMediaType(type).map(KnowledgeFormat::of);
    }

    /** The format of a file by its name: .ged, and the RDF extensions (.nt, .nq, .ttl, .rdf, .owl), each maybe .gz. */
    public static Optional<KnowledgeFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ged") || lower.endsWith(".ged.gz") || lower.endsWith(".gedcom")) {
            return Optional.of(GEDCOM);
        }
        return RdfSyntax.ofFileName(lower).map(KnowledgeFormat::of);
    }

    private static KnowledgeFormat of(RdfSyntax syntax) {
        for (KnowledgeFormat format : values()) {
            if (format.rdf == syntax) {
                return format;
            }
        }
        throw new IllegalArgumentException("no format for " + syntax);
    }
}
