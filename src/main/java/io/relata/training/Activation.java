package io.relata.training;

import java.util.Arrays;
import java.util.Locale;

/** Whether a training job makes its new model the one that answers. */
public enum Activation {

    /** Activate unless the new model validates worse than the active one (on the same data). */
    IF_NOT_WORSE,
    /** Activate whatever the metrics say. */
    ALWAYS,
    /** Only save the new version; activate it later by hand. */
    NEVER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value of a wire name ("if-not-worse", "always", "never"). */
    public static Activation fromWire(String name) {
        return Arrays.stream(values())
                .filter(a -> a.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("activate must be if-not-worse, always or never; was " + name));
    }
}
