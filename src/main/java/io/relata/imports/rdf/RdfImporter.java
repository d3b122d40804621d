package io.relata.imports.rdf;

import io.relata.imports.RecordSink;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads RDF into import records under a profile, streaming: nothing about an entity is held from one triple to the
 * next, so a file of any size needs the same heap.
 *
 * <p>An IRI is the entity it names, keyed by the IRI and labelled, until a label triple says better, by its local
 * name. A blank node is an entity of this read only: its key is {@code _:}, a prefix drawn anew for every read, and
 * its label, so importing the same file twice gives its blank nodes twice. Label predicates ({@code rdfs:label},
 * {@code skos:prefLabel}, {@code schema:name}, {@code foaf:name} and the profile's) give a label ranked by language
 * and an alias; {@code skos:altLabel} and {@code schema:alternateName} aliases; {@code schema:description} and the
 * profile's description predicates, in the asked language or none, the description. Any other predicate is a
 * relation, named by the profile or by its local name in words ({@code birthPlace} is "birth place"). RDF, RDFS and
 * OWL triples are schema, not facts: {@code owl:inverseOf}, {@code owl:SymmetricProperty} and
 * {@code rdfs:subPropertyOf} become declarations, and the rest, class membership ({@code rdf:type}) included, is left
 * out.
 */
public final class RdfImporter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImportProfile profile;
    private final String lang;

    /** {@code lang} is the language labels are asked in; null or blank asks for English. */
    public RdfImporter(ImportProfile profile, String lang) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.lang = lang == null || lang.isBlank() ? "en" : lang.strip().toLowerCase(Locale.ROOT);
    }

    /** Streams the RDF through Jena RIOT into the sink; returns the number of triples read. */
    public long read(InputStream in, RdfSyntax syntax, RecordSink sink) throws IOException {
        TripleMapper mapper = new TripleMapper(new PredicateRules(profile), sink, lang, blankKeyPrefix());
        return syntax.isLineBased()
                ? new LineBasedParser(syntax.lang()).parse(in, mapper, sink)
                : new DocumentParser(syntax.lang()).parse(in, mapper, sink);
    }

    private static String blankKeyPrefix() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "_:" + HexFormat.of().formatHex(random) + "-";
    }
}
