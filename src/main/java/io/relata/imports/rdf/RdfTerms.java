package io.relata.imports.rdf;

import java.util.List;
import java.util.Set;

/** The IRIs of the vocabularies relata reads itself: RDF, RDFS, OWL, the label vocabularies, Wikidata and DBpedia. */
final class RdfTerms {

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String OWL = "http://www.w3.org/2002/07/owl#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final List<String> SCHEMA = List.of("http://schema.org/", "https://schema.org/");
    static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";
    static final String WIKIDATA_DIRECT = "http://www.wikidata.org/prop/direct/";
    static final String WIKIDATA_CLAIM = "http://www.wikidata.org/prop/";
    static final String DBPEDIA_ONTOLOGY = "http://dbpedia.org/ontology/";
    static final String DBPEDIA_PROPERTY = "http://dbpedia.org/property/";

    static final String RDF_TYPE = RDF + "type";
    static final String RDFS_SUB_PROPERTY_OF = RDFS + "subPropertyOf";
    static final String OWL_INVERSE_OF = OWL + "inverseOf";
    static final String OWL_SYMMETRIC_PROPERTY = OWL + "SymmetricProperty";

    /** Predicates whose literal is a label in every profile. */
    static final Set<String> LABELS = Set.copyOf(concat(List.of(RDFS + "label", SKOS + "prefLabel", FOAF + "name"),
            inSchema("name")));
    /** Predicates whose literal is another name, never the label. */
    static final Set<String> ALIASES = Set.copyOf(concat(List.of(SKOS + "altLabel"), inSchema("alternateName")));
    /** Predicates whose literal is the description in every profile. */
    static final Set<String> DESCRIPTIONS = Set.copyOf(inSchema("description"));

    private RdfTerms() {}

    /** Whether the IRI names a term of RDF, RDFS or OWL: schema, not data. */
    static boolean isVocabulary(String iri) {
        return iri.startsWith("http://www.w3.org/") && (iri.startsWith(RDF) || iri.startsWith(RDFS) || iri.startsWith(OWL));
    }

    /** A schema.org term under both the http and the https namespace, which sources use interchangeably. */
    static List<String> inSchema(String localName) {
        return SCHEMA.stream().map(namespace -> namespace + localName).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
