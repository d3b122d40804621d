package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roles learned from stated facts: who can fill each end of a relation, and who never can. */
class RolesTest {

    private static final int FAMILIES = 12;
    private static final int BORN = FamilyGraph.RELATIONS;
    private static final int YEAR = FamilyGraph.entityCount(FAMILIES);
    private static final int FIRST_MOTHER = 2;
    private static final int FIRST_FATHER = 3;
    private static final int FIRST_CHILD = 4;

    /** The family graph, with a birth year (a value no fact starts from) for the first child of every family. */
    private static Triples facts() {
        Triples families = FamilyGraph.facts(FAMILIES, 3);
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            rows.add(families.row(i));
        }
        for (int f = 0; f < FAMILIES; f++) {
            rows.add(new int[] {FIRST_CHILD + 5 * f, BORN, YEAR + f});
        }
        return Triples.of(rows);
    }

    private static Roles roles() {
        return Roles.of(facts(), YEAR + FAMILIES, BORN + 1);
    }

    @Test
    void anAttributeValueOrAYearNeverFillsAPersonsRole() {
        Roles roles = roles();

        // "male" as somebody's child, "female" as somebody's mother, a year as somebody's son or mother
        assertThat(roles.canAnswer(FamilyGraph.MALE, FamilyGraph.MOTHER, true)).isFalse();
        assertThat(roles.canAnswer(FamilyGraph.FEMALE, FamilyGraph.MOTHER, false)).isFalse();
        assertThat(roles.canAnswer(YEAR, FamilyGraph.MOTHER, true)).isFalse();
        assertThat(roles.canAnswer(YEAR, FamilyGraph.MOTHER, false)).isFalse();
        // nor can they be asked about: a year has no mother
        assertThat(roles.canAsk(YEAR, FamilyGraph.MOTHER, false)).isFalse();
        assertThat(roles.canAsk(FamilyGraph.MALE, FamilyGraph.FATHER, false)).isFalse();
    }

    @Test
    void anAttributeValueNoFillerHasExcludesTheEntity() {
        Roles roles = roles();

        // every stated mother is female: a father is nobody's mother, and "whose mother is he?" has no answer
        assertThat(roles.canAnswer(FIRST_FATHER, FamilyGraph.MOTHER, false)).isFalse();
        assertThat(roles.canAsk(FIRST_FATHER, FamilyGraph.MOTHER, true)).isFalse();
        assertThat(roles.canAnswer(FIRST_MOTHER, FamilyGraph.FATHER, false)).isFalse();
    }

    @Test
    void howOftenASlotIsFilledIsCountedAmongTheEntitiesThatFitIt() {
        Roles roles = roles();

        // 60 people can have a mother (values and years cannot); the 36 children have one stated
        assertThat(roles.fillLogOdds(Candidates.end(FamilyGraph.MOTHER, false))).isCloseTo(Math.log(36.5 / 24.5), within(1e-12));
        // every person has a stated gender
        assertThat(roles.fillLogOdds(Candidates.end(FamilyGraph.GENDER, false))).isCloseTo(Math.log(60.5 / 0.5), within(1e-12));
    }

    @Test
    void peopleFitThePeopleRolesTheyCouldFill() {
        Roles roles = roles();

        assertThat(roles.canAnswer(FIRST_MOTHER + 5, FamilyGraph.MOTHER, false)).isTrue();
        assertThat(roles.canAnswer(FIRST_CHILD, FamilyGraph.MOTHER, true)).isTrue();
        assertThat(roles.canAsk(FIRST_CHILD, FamilyGraph.MOTHER, false)).isTrue();
        // a mother has no stated mother, but she is a person: she may be asked about hers
        assertThat(roles.canAsk(FIRST_MOTHER, FamilyGraph.MOTHER, false)).isTrue();
        assertThat(roles.canAnswer(YEAR + 1, BORN, false)).isTrue();
    }

    @Test
    void aRelationNoFactUsesConstrainsNothing() {
        Roles roles = Roles.of(FamilyGraph.facts(2, 1), FamilyGraph.entityCount(2), FamilyGraph.RELATIONS + 1);

        assertThat(roles.canAnswer(FamilyGraph.MALE, FamilyGraph.RELATIONS, false)).isTrue();
        assertThat(Roles.none(10, 2).canAnswer(3, 1, true)).isTrue();
    }

    @Test
    void rolesReadBackAsWritten() throws Exception {
        Roles roles = roles();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        roles.write(out);

        Roles read = Roles.read(new ByteArrayInputStream(out.toByteArray()), YEAR + FAMILIES, BORN + 1);

        for (int e = 0; e < YEAR + FAMILIES; e++) {
            for (int r = 0; r <= BORN; r++) {
                assertThat(read.canAnswer(e, r, true)).isEqualTo(roles.canAnswer(e, r, true));
                assertThat(read.canAnswer(e, r, false)).isEqualTo(roles.canAnswer(e, r, false));
            }
        }
    }
}
