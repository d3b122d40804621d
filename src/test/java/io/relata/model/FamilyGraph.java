package io.relata.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic, deterministic family graph for model tests: families of two parents and three children, with mother,
 * father, spouse, sibling and gender facts. Held-out facts are inferable from the rest (a child's mother is its
 * siblings' mother), which is what a relation model should learn.
 */
final class FamilyGraph {

    static final int MOTHER = 0;
    static final int FATHER = 1;
    static final int SPOUSE = 2;
    static final int SIBLING = 3;
    static final int GENDER = 4;
    static final int RELATIONS = 5;
    static final int MALE = 0;
    static final int FEMALE = 1;

    private FamilyGraph() {}

    /** Entities 0 and 1 are the values male and female; each family adds five people. */
    static int entityCount(int families) {
        return 2 + 5 * families;
    }

    static Triples facts(int families, long seed) {
        Random random = new Random(seed);
        List<int[]> facts = new ArrayList<>();
        for (int f = 0; f < families; f++) {
            int mother = 2 + 5 * f;
            int father = mother + 1;
            facts.add(new int[] {mother, GENDER, FEMALE});
            facts.add(new int[] {father, GENDER, MALE});
            facts.add(new int[] {father, SPOUSE, mother});
            int[] children = {mother + 2, mother + 3, mother + 4};
            for (int child : children) {
                facts.add(new int[] {child, MOTHER, mother});
                facts.add(new int[] {child, FATHER, father});
                facts.add(new int[] {child, GENDER, random.nextBoolean() ? MALE : FEMALE});
            }
            facts.add(new int[] {children[0], SIBLING, children[1]});
            facts.add(new int[] {children[1], SIBLING, children[2]});
            facts.add(new int[] {children[0], SIBLING, children[2]});
        }
        return Triples.of(facts);
    }
}
