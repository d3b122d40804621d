package io.relata.imports.gedcom;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.TextInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class GedcomNamesTest {

    private static GedcomNode name(String value, GedcomNode... pieces) {
        return new GedcomNode(1, null, "NAME", value, List.of(pieces));
    }

    private static GedcomNode piece(String tag, String value) {
        return new GedcomNode(2, null, tag, value, List.of());
    }

    @Test
    void labelDropsTheSurnameSlashesReadsUnderscoresAsSpacesAndCollapsesSpaces() {
        assertThat(GedcomNames.label("Elizabeth_II Alexandra Mary/Windsor/"))
                .contains("Elizabeth II Alexandra Mary Windsor");
        assertThat(GedcomNames.label("Victoria  /Hanover/")).contains("Victoria Hanover");
        assertThat(GedcomNames.label("  /de la Tour/  ")).contains("de la Tour");
        assertThat(GedcomNames.label("Anna\u200B /Smith\u0007/")).contains("Anna Smith");
    }

    @Test
    void labelIsNfc() {
        assertThat(GedcomNames.label("Rene\u0301e")).contains("Ren\u00E9e");
    }

    @Test
    void nameOfOnlySlashesAndSpacesHasNoLabel() {
        assertThat(GedcomNames.label(" // ")).isEmpty();
        assertThat(GedcomNames.label("")).isEmpty();
    }

    @Test
    void emptyNameIsLabelledByItsGivenNameAndSurnamePieces() {
        assertThat(GedcomNames.label(name("", piece("GIVN", "Ada"), piece("SURN", "Lovelace"))))
                .contains("Ada Lovelace");
        assertThat(GedcomNames.label(name("//", piece("SURN", "Lovelace")))).contains("Lovelace");
    }

    @Test
    void labelLongerThanTheLimitIsCutBetweenCharacters() {
        String name = "a".repeat(TextInput.LABEL_LENGTH - 1) + "e\u0301\u0323" + "b";

        String label = GedcomNames.label(name).orElseThrow();

        assertThat(label).isEqualTo("a".repeat(TextInput.LABEL_LENGTH - 1));
        assertThat(GedcomNames.cut("x".repeat(TextInput.LABEL_LENGTH - 1) + "😀", TextInput.LABEL_LENGTH))
                .isEqualTo("x".repeat(TextInput.LABEL_LENGTH - 1));
    }

    @Test
    void givenNamesAreGivnElseWhatComesBeforeTheSurname() {
        assertThat(GedcomNames.givenNames(name("Victoria /Hanover/"))).isEqualTo("Victoria");
        assertThat(GedcomNames.givenNames(name("Joseph Tag /Torture/", piece("GIVN", "Joseph")))).isEqualTo("Joseph");
        assertThat(GedcomNames.givenNames(name("Ada"))).isEqualTo("Ada");
        assertThat(GedcomNames.givenNames(name("", piece("GIVN", "Anne,Marie")))).isEqualTo("Anne Marie");
    }

    @Test
    void regnalNameRunsToTheRegnalNumberAmongTheGivenNames() {
        assertThat(GedcomNames.regnalName(name("Elizabeth_II Alexandra Mary/Windsor/"))).contains("Elizabeth II");
        assertThat(GedcomNames.regnalName(name("Ivan VI Antonovich /Braunshvejg-Volfenbjuttelskij/")))
                .contains("Ivan VI");
        assertThat(GedcomNames.regnalName(name("Ekaterina II /Alekseevna/"))).contains("Ekaterina II");
        assertThat(GedcomNames.regnalName(name("Louis XIV /de Bourbon/"))).contains("Louis XIV");
    }

    @Test
    void regnalNumberMayBeTheNamesSuffix() {
        assertThat(GedcomNames.regnalName(name("Henry /Tudor/ VIII"))).contains("Henry VIII");
        assertThat(GedcomNames.regnalName(name("Henry /Tudor/", piece("NSFX", "VIII")))).contains("Henry VIII");
    }

    @Test
    void nameWithoutRegnalNumberHasNoRegnalName() {
        assertThat(GedcomNames.regnalName(name("Victoria /Hanover/"))).isEmpty();
        assertThat(GedcomNames.regnalName(name("Joseph Tag /Torture/ Jr."))).isEmpty();
        assertThat(GedcomNames.regnalName(name("John D /Rockefeller/"))).isEmpty();
        assertThat(GedcomNames.regnalName(name("Vi /Hart/"))).isEmpty();
        assertThat(GedcomNames.regnalName(name("II /Nobody/"))).isEmpty();
    }

    @Test
    void styleIsTheTitlesFirstWordsWhenPeopleSayThemBeforeAName() {
        assertThat(GedcomNames.style("Queen of England")).contains("Queen");
        assertThat(GedcomNames.style("queen")).contains("Queen");
        assertThat(GedcomNames.style("Prince Consort")).contains("Prince");
        assertThat(GedcomNames.style("Princess Royal")).contains("Princess");
        assertThat(GedcomNames.style("Grand Duke of Tuscany")).contains("Grand Duke");
        assertThat(GedcomNames.style("Tsar of All Russia")).contains("Tsar");
    }

    @Test
    void otherTitlesHaveNoStyle() {
        assertThat(GedcomNames.style("Prof.")).isEmpty();
        assertThat(GedcomNames.style("Nobility title")).isEmpty();
        assertThat(GedcomNames.style("Kingmaker")).isEmpty();
        assertThat(GedcomNames.style("")).isEmpty();
    }

    @Test
    void commaSeparatedNicknamesAreEachOne() {
        assertThat(GedcomNames.parts("Joe, Joey ,,")).containsExactly("Joe", "Joey");
    }
}
