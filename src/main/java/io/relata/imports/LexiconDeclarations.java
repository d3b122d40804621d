package io.relata.imports;

import io.relata.InvalidInputException;
import io.relata.lexicon.Lexicon;
import io.relata.lexicon.Reading;
import io.relata.lexicon.RelationInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gives the lexicon what an imported file declares about its relations: a symmetric relation is read both ways; the
 * converse of a relation ({@code owl:inverseOf}) is a phrase answered by the relation read backwards, and the other
 * way round; a broader relation ({@code rdfs:subPropertyOf}) is answered by its narrower ones too. A declaration the lexicon
 * refuses (it is full, a name is not allowed) is skipped and counted, never a reason to lose the import.
 */
@Component
class LexiconDeclarations {

    private static final String ORIGIN = "user";

    private final Lexicon lexicon;

    LexiconDeclarations(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Applies the declarations; returns how many could not be. */
    int apply(Iterable<RelationDeclaration> declarations) {
        int skipped = 0;
        for (RelationDeclaration declaration : declarations) {
            try {
                if (declaration instanceof RelationDeclaration.Symmetric s) {
                    symmetric(s.relation());
                } else if (declaration instanceof RelationDeclaration.Inverse i) {
                    inverse(i.relation(), i.converse());
                } else if (declaration instanceof RelationDeclaration.Narrower n) {
                    narrower(n.relation(), n.broader());
                }
            } catch (InvalidInputException | IllegalStateException e) {
                skipped++;
            }
        }
        return skipped;
    }

    private void symmetric(String name) {
        lexicon.relation(name).filter(known -> !known.symmetric()).ifPresent(known -> lexicon.declare(
                new RelationInfo(known.name(), true, known.description(), known.origin()), List.of(), List.of()));
    }

    private void inverse(String relation, String converse) {
        if (relation.equals(converse)) {
            symmetric(relation);
            return;
        }
        Optional<Reading> forward = lexicon.relation(relation).map(RelationInfo::ownReading);
        Optional<Reading> backward = lexicon.relation(converse).map(RelationInfo::ownReading);
        phrase(converse, backward, forward.map(Reading::turnedAround));
        phrase(relation, forward, backward.map(Reading::turnedAround));
    }

    private void narrower(String relation, String broader) {
        phrase(broader, lexicon.relation(broader).map(RelationInfo::ownReading),
                lexicon.relation(relation).map(RelationInfo::ownReading));
    }

    /**
     * Gives the phrase its own relation's reading (as the bare relation name reads when facts name it) and the
     * declared one, those of relations facts name; a relation no fact names is not made up, its name is only a
     * phrase. Nothing is added when the declared side names no stored relation either.
     */
    private void phrase(String phrase, Optional<Reading> own, Optional<Reading> declared) {
        if (declared.isEmpty()) {
            return;
        }
        List<Reading> readings = new ArrayList<>();
        own.ifPresent(readings::add);
        readings.add(declared.get());
        lexicon.addPhrase(phrase, readings, ORIGIN);
    }
}
