package io.relata.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhrasesTest {

    @Test
    void normalizeIgnoresCaseSpacingAndALeadingThe() {
        assertThat(Phrases.normalize("  The   Mother\tIn  Law ")).isEqualTo("mother in law");
        assertThat(Phrases.normalize("MOTHER")).isEqualTo("mother");
        assertThat(Phrases.normalize("the mother")).isEqualTo(Phrases.normalize("Mother"));
    }

    @Test
    void normalizeKeepsWordsThatOnlyStartWithThe() {
        assertThat(Phrases.normalize("theologian")).isEqualTo("theologian");
        assertThat(Phrases.normalize("there")).isEqualTo("there");
    }

    @Test
    void lookupFormsTryTheLiteralPhraseFirst() {
        assertThat(Phrases.lookupForms("sons")).containsExactly("sons", "son");
        assertThat(Phrases.lookupForms("grandchildren")).containsExactly("grandchildren");
        assertThat(Phrases.lookupForms("mother")).containsExactly("mother");
    }

    @Test
    void lookupFormsUndoEnglishPluralEndings() {
        assertThat(Phrases.lookupForms("nannies")).startsWith("nannies").contains("nanny");
        assertThat(Phrases.lookupForms("bosses")).contains("boss");
        assertThat(Phrases.lookupForms("daughters")).contains("daughter");
        assertThat(Phrases.lookupForms("films directed by")).containsExactly("films directed by");
    }

    @Test
    void lookupFormsLeaveDoubleSAndShortWordsAlone() {
        assertThat(Phrases.lookupForms("boss")).containsExactly("boss");
        assertThat(Phrases.lookupForms("us")).containsExactly("us");
        assertThat(Phrases.lookupForms("s")).containsExactly("s");
    }
}
