package io.relata.archfixture.cycle.first;

import io.relata.archfixture.cycle.second.Second;

/** Half of a deliberate package cycle that ArchitectureRulesTest expects the cycle rule to report. */
public class First {

    public Second next() {
        return new Second();
    }
}
