package io.relata.imports.rdf;

import static io.relata.imports.rdf.MappingDirection.FORWARD;
import static io.relata.imports.rdf.MappingDirection.INVERSE;
import static io.relata.imports.rdf.MappingDirection.SYMMETRIC;

import io.relata.imports.rdf.ImportProfile.PredicateMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles relata ships for the family facts of Wikidata, DBpedia and schema.org. Where the source says which
 * parent (Wikidata P22 father, P25 mother) that is the fact; where it only says "child" (P40, schema:children), the
 * fact is the relation "parent" read from the child, and the store tells mothers from fathers by the parent's gender.
 */
final class BuiltInProfiles {

    static final String DEFAULT = "default";
    static final String WIKIDATA = "wikidata";
    static final String DBPEDIA = "dbpedia";
    static final String SCHEMA = "schema";

    private static final ImportProfile DEFAULT_PROFILE =
            new ImportProfile(DEFAULT, List.of(), List.of(), List.of(), List.of());
    private static final Map<String, ImportProfile> BY_NAME = Map.of(
            DEFAULT, DEFAULT_PROFILE, WIKIDATA, wikidata(), DBPEDIA, dbpedia(), SCHEMA, schema());

    private BuiltInProfiles() {}

    static Optional<ImportProfile> named(String name) {
        return Optional.ofNullable(name == null ? DEFAULT_PROFILE : BY_NAME.get(name));
    }

    /** Whether a profile of one's own may not be called {@code name}, which would shadow a built-in one. */
    static boolean isReserved(String name) {
        return BY_NAME.containsKey(name);
    }

    /**
     * Wikidata's truthy ({@code wdt:}) and claim ({@code p:}) properties of family. An unmapped property keeps its id
     * as relation name ("P27") between entities; with a literal value it is left out, see {@link PredicateRules}.
     */
    private static ImportProfile wikidata() {
        List<PredicateMapping> relations = new ArrayList<>();
        for (String namespace : List.of(RdfTerms.WIKIDATA_DIRECT, RdfTerms.WIKIDATA_CLAIM)) {
            relations.add(new PredicateMapping(namespace + "P22", "father", FORWARD));
            relations.add(new PredicateMapping(namespace + "P25", "mother", FORWARD));
            relations.add(new PredicateMapping(namespace + "P40", "parent", INVERSE));
            relations.add(new PredicateMapping(namespace + "P26", "spouse", SYMMETRIC));
            relations.add(new PredicateMapping(namespace + "P3373", "sibling", SYMMETRIC));
            relations.add(new PredicateMapping(namespace + "P21", AttributeValues.GENDER, FORWARD));
            relations.add(new PredicateMapping(namespace + "P569", AttributeValues.BORN, FORWARD));
            relations.add(new PredicateMapping(namespace + "P570", AttributeValues.DIED, FORWARD));
        }
        // What the truthy dump says about its sitelinks and its own bookkeeping is no fact about anyone.
        List<String> drop = new ArrayList<>();
        for (String term : List.of("about", "version", "dateModified", "isPartOf", "inLanguage")) {
            drop.addAll(RdfTerms.inSchema(term));
        }
        drop.addAll(List.of("http://wikiba.se/ontology#rank", "http://wikiba.se/ontology#statements",
                "http://wikiba.se/ontology#sitelinks", "http://wikiba.se/ontology#identifiers",
                RdfTerms.PROV + "wasDerivedFrom"));
        return new ImportProfile(WIKIDATA, relations, List.of(), List.of(), drop);
    }

    /** DBpedia's ontology ({@code dbo:}) and raw infobox ({@code dbp:}) properties of one name are one relation. */
    private static ImportProfile dbpedia() {
        Map<String, Reading> byLocalName = new LinkedHashMap<>();
        byLocalName.put("parent", new Reading("parent", FORWARD));
        byLocalName.put("mother", new Reading("mother", FORWARD));
        byLocalName.put("father", new Reading("father", FORWARD));
        byLocalName.put("child", new Reading("parent", INVERSE));
        byLocalName.put("spouse", new Reading("spouse", SYMMETRIC));
        byLocalName.put("sibling", new Reading("sibling", SYMMETRIC));
        byLocalName.put("relative", new Reading("relative", SYMMETRIC));
        byLocalName.put("successor", new Reading("successor", FORWARD));
        byLocalName.put("predecessor", new Reading("predecessor", FORWARD));
        byLocalName.put("birthDate", new Reading(AttributeValues.BORN, FORWARD));
        byLocalName.put("birthYear", new Reading(AttributeValues.BORN, FORWARD));
        byLocalName.put("deathDate", new Reading(AttributeValues.DIED, FORWARD));
        byLocalName.put("deathYear", new Reading(AttributeValues.DIED, FORWARD));
        List<PredicateMapping> relations = new ArrayList<>();
        for (String namespace : List.of(RdfTerms.DBPEDIA_ONTOLOGY, RdfTerms.DBPEDIA_PROPERTY)) {
            byLocalName.forEach((localName, reading) -> relations.add(reading.of(namespace + localName)));
        }
        // Page bookkeeping, pictures, links and long texts: nothing a family question asks about.
        List<String> drop = new ArrayList<>();
        for (String term : List.of("abstract", "wikiPageWikiLink", "wikiPageID", "wikiPageRevisionID", "wikiPageLength",
                "wikiPageExternalLink", "wikiPageRedirects", "wikiPageDisambiguates", "thumbnail")) {
            drop.add(RdfTerms.DBPEDIA_ONTOLOGY + term);
        }
        drop.add(RdfTerms.DBPEDIA_PROPERTY + "wikiPageUsesTemplate");
        drop.addAll(List.of(RdfTerms.RDFS + "comment", RdfTerms.FOAF + "depiction", RdfTerms.FOAF + "isPrimaryTopicOf",
                RdfTerms.PROV + "wasDerivedFrom", RdfTerms.OWL + "sameAs"));
        return new ImportProfile(DBPEDIA, relations, List.of(), List.of(), drop);
    }

    /** schema.org's Person, under http and https alike; name, description and alternateName every profile reads. */
    private static ImportProfile schema() {
        List<PredicateMapping> relations = new ArrayList<>();
        for (var entry : List.of(
                Map.entry("parent", new Reading("parent", FORWARD)),
                Map.entry("parents", new Reading("parent", FORWARD)),
                Map.entry("children", new Reading("parent", INVERSE)),
                Map.entry("spouse", new Reading("spouse", SYMMETRIC)),
                Map.entry("sibling", new Reading("sibling", SYMMETRIC)),
                Map.entry("gender", new Reading(AttributeValues.GENDER, FORWARD)),
                Map.entry("birthDate", new Reading(AttributeValues.BORN, FORWARD)),
                Map.entry("deathDate", new Reading(AttributeValues.DIED, FORWARD)))) {
            for (String predicate : RdfTerms.inSchema(entry.getKey())) {
                relations.add(entry.getValue().of(predicate));
            }
        }
        return new ImportProfile(SCHEMA, relations, List.of(), List.of(), List.of());
    }

    /** A relation and direction that several predicates of a source share. */
    private record Reading(String relation, MappingDirection direction) {

        PredicateMapping of(String predicate) {
            return new PredicateMapping(predicate, relation, direction);
        }
    }
}
