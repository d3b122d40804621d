package io.relata.training;

import io.relata.model.Triples;
import io.relata.model.Vocabulary;

/**
 * The stored facts as a model sees them: entities and relations as dense indexes, the facts as index triples, and a
 * fingerprint that names exactly this set of facts.
 *
 * @param vocabulary which entity id and relation name each index stands for
 * @param triples every stored fact, in a canonical order
 * @param fingerprint SHA-256 (hex) of the facts sorted by (subject id, relation, object id)
 */
record TrainingData(Vocabulary vocabulary, Triples triples, String fingerprint) {

    int entityCount() {
        return vocabulary.entityIds().length;
    }

    int relationCount() {
        return vocabulary.relations().size();
    }
}
