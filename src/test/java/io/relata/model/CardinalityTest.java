package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** How many answers a slot has, learned from stated facts, and what a filled slot leaves its rivals. */
class CardinalityTest {

    private static final int FAMILIES = 10;
    private final Cardinality cardinality = Cardinality.of(FamilyGraph.facts(FAMILIES, 1), FamilyGraph.RELATIONS);

    @Test
    void aPersonsOneStatedMotherLeavesARivalAlmostNoChance() {
        // 30 children, each with exactly one mother: (0 + 1) / (30 + 2)
        assertThat(cardinality.rivalLogFactor(FamilyGraph.MOTHER, false, 1)).isCloseTo(Math.log(1.0 / 32), within(1e-12));
    }

    @Test
    void aMotherWithOneStatedChildMayWellHaveAnother() {
        // every mother has three children: past one stated child, another is likely; past three, not
        assertThat(cardinality.rivalLogFactor(FamilyGraph.MOTHER, true, 1)).isCloseTo(Math.log(11.0 / 12), within(1e-12));
        assertThat(cardinality.rivalLogFactor(FamilyGraph.MOTHER, true, 3)).isCloseTo(Math.log(1.0 / 12), within(1e-12));
    }

    @Test
    void anEmptySlotOrAnUnknownRelationHasNoRivals() {
        assertThat(cardinality.rivalLogFactor(FamilyGraph.MOTHER, false, 0)).isZero();
        assertThat(cardinality.rivalLogFactor(FamilyGraph.RELATIONS + 3, false, 2)).isZero();
        assertThat(Cardinality.none().rivalLogFactor(FamilyGraph.MOTHER, false, 1)).isZero();
    }

    @Test
    void aPersonsMotherIsOneAnswerAMothersChildrenAreMany() {
        // 30 children with one mother each; 10 mothers with three children each
        assertThat(cardinality.singleAnswerShare(FamilyGraph.MOTHER, false)).isCloseTo(30.5 / 31, within(1e-12));
        assertThat(cardinality.singleAnswerShare(FamilyGraph.MOTHER, true)).isCloseTo(0.5 / 11, within(1e-12));
        assertThat(cardinality.singleAnswerShare(FamilyGraph.RELATIONS + 3, false)).isZero();
        assertThat(Cardinality.none().singleAnswerShare(FamilyGraph.MOTHER, false)).isZero();
    }
}
