package io.relata.archfixture.layered.lower;

/** A package that depends on nothing, for ArchitectureRulesTest. */
public class Lower {}
