package io.relata.archfixture.cycle.second;

import io.relata.archfixture.cycle.first.First;

/** The other half of the deliberate package cycle. */
public class Second {

    public First back() {
        return new First();
    }
}
