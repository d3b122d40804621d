package io.relata.archfixture.layered.upper;

import io.relata.archfixture.layered.lower.Lower;

/** Depends on the lower package one way only; its public method exposes a type of it. */
public class Upper {

    public Lower lower() {
        return new Lower();
    }

    Lower hidden() {
        return new Lower();
    }
}
