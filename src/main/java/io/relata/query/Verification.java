package io.relata.query;

import io.relata.facts.EntityRef;
import java.util.List;

/**
 * The verdict on a yes/no question ("Is Mary Lee Pfeiffer Tom Cruise's mother?"): whether the candidate is an answer,
 * the calibrated probability of that verdict (at least 0.5), the kinds of evidence it rests on (stated, derived,
 * inferred; none when nothing is known), and the answers that support or contradict it.
 */
public record Verification(EntityRef candidate, boolean holds, double confidence, List<Evidence> evidence,
        List<Support> support) {

    public Verification {
        evidence = List.copyOf(evidence);
        support = List.copyOf(support);
    }

    /**
     * One thing the verdict rests on: the candidate found as an answer (for it), or another answer that fills the
     * slot (against it), with its source and confidence.
     */
    public record Support(Answer answer, boolean forCandidate) {}
}
