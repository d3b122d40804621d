package io.relata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link NameLookupTests} on the embedded H2 store, which spells through the word_variant table. */
class EmbeddedNameLookupTest extends NameLookupTests {

    @Test
    void aNewWordIsStoredUnderItsOneDeletionVariantsOnce() {
        postFacts("""
                [{"subject":"Ottoline Brackenbury","relation":"gender","object":"female"},
                 {"subject":"Piers Brackenbury","relation":"gender","object":"male"}]""");

        assertThat(jdbc.sql("select variant from word_variant where word = 'brackenbury' order by variant").query(String.class).list())
                .contains("brackenbury", "rackenbury", "brckenbury", "brackenbur")
                .doesNotHaveDuplicates()
                .hasSize(NameWords.variants("brackenbury").size());
    }

    @Test
    void numbersAreNotSpelled() {
        postFacts("[{\"subject\":\"Ledger 0042917\",\"relation\":\"gender\",\"object\":\"male\"}]");

        assertThat(jdbc.sql("select count(*) from word_variant where word = '0042917'").query(Long.class).single()).isZero();
        assertThat(get("/v1/entities/resolve?q=Ledger%200042971").status().value()).as("a number is not a typo").isEqualTo(404);
    }
}
