package io.relata.imports.gedcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.InvalidInputException;
import io.relata.TextInput;
import io.relata.facts.Alias;
import io.relata.facts.EntityMention;
import io.relata.facts.EntityNaming;
import io.relata.facts.KeyedFact;
import io.relata.facts.LabelRank;
import io.relata.imports.ImportRecord;
import io.relata.imports.gedcom.ImportedRecords.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GedcomImporterTest {

    private static ImportedRecords royal() throws IOException {
        return ImportedRecords.fixture("royal", "royal-family.ged");
    }

    private static ImportedRecords text(String gedcom) throws IOException {
        return ImportedRecords.of("t", gedcom.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Alias> aliases(String... names) {
        return Arrays.stream(names).map(name -> new Alias(name, null)).toList();
    }

    @Test
    void individualIsKeyedBySourceAndXrefAndLabelledByItsFirstName() throws IOException {
        EntityNaming victoria = royal().naming("royal:I1");

        assertThat(victoria.label()).isEqualTo("Victoria Hanover");
        assertThat(victoria.rank()).isEqualTo(LabelRank.GIVEN);
    }

    @Test
    void furtherNamesAndTheStyledFormAreAliases() throws IOException {
        assertThat(royal().naming("royal:I1").aliases())
                .containsExactly(new Alias("Queen Victoria", null), new Alias("Alexandrina Victoria Hanover", null));
        assertThat(royal().naming("royal:I2").aliases()).isEqualTo(aliases("Prince Albert"));
    }

    @Test
    void nicknameIsAnAlias() throws IOException {
        assertThat(royal().naming("royal:I3").aliases())
                .isEqualTo(aliases("Vicky", "Princess Victoria Adelaide Mary Louisa"));
    }

    @Test
    void monarchIsStyledByTheRegnalNameEvenWhenAnotherOfTheirNamesHoldsIt() throws IOException {
        EntityNaming edward = royal().naming("royal:I4");

        assertThat(edward.label()).isEqualTo("Albert Edward Saxe-Coburg and Gotha");
        assertThat(edward.aliases()).isEqualTo(
                aliases("Bertie", "Edward VII Saxe-Coburg and Gotha", "Edward VII", "King Edward VII"));
    }

    @Test
    void descriptionIsTheLifeYearsAndTheTitle() throws IOException {
        ImportedRecords royal = royal();

        assertThat(royal.naming("royal:I1").description()).isEqualTo("1819–1901, Queen of the United Kingdom");
        assertThat(royal.naming("royal:I5").description()).isEqualTo("1843–1878");
    }

    @Test
    void descriptionWithOneYearSaysWhichAndWithoutAnythingIsNull() {
        assertThat(GedcomRecords.description(Optional.of("1948"), Optional.empty(), null))
                .isEqualTo("b. 1948");
        assertThat(GedcomRecords.description(Optional.empty(), Optional.of("1901"), "Queen"))
                .isEqualTo("d. 1901, Queen");
        assertThat(GedcomRecords.description(Optional.empty(), Optional.empty(), "Lord Mayor"))
                .isEqualTo("Lord Mayor");
        assertThat(GedcomRecords.description(Optional.empty(), Optional.empty(), null)).isNull();
    }

    @Test
    void individualStatesGenderAndTheYearsOfBirthAndDeath() throws IOException {
        ImportRecord victoria = royal().recordOf("royal:I1");
        EntityMention subject = new EntityMention("royal:I1", "Victoria Hanover");

        assertThat(victoria.line()).isEqualTo(10);
        assertThat(victoria.facts()).containsExactly(
                new KeyedFact(subject, "gender", EntityMention.ofLabel("female")),
                new KeyedFact(subject, "born", EntityMention.ofLabel("1819")),
                new KeyedFact(subject, "died", EntityMention.ofLabel("1901")));
    }

    @Test
    void familyStatesTheSpousesAndEachChildsFatherAndMother() throws IOException {
        ImportRecord family = royal().accepted.stream().filter(record -> record.entities().isEmpty())
                .findFirst().orElseThrow();

        assertThat(family.line()).isEqualTo(63);
        assertThat(family.facts().stream().map(ImportedRecords::text)).containsExactly(
                "royal:I2 spouse royal:I1",
                "royal:I3 father royal:I2", "royal:I3 mother royal:I1",
                "royal:I4 father royal:I2", "royal:I4 mother royal:I1",
                "royal:I5 father royal:I2", "royal:I5 mother royal:I1");
        assertThat(family.facts().get(0)).isEqualTo(new KeyedFact(new EntityMention("royal:I2", "royal:I2"), "spouse",
                new EntityMention("royal:I1", "royal:I1")));
    }

    @Test
    void onlyIndividualsAndFamiliesAreHandedToTheSink() throws IOException {
        ImportedRecords royal = royal();

        assertThat(royal.individuals()).isEqualTo(5);
        assertThat(royal.families()).isEqualTo(1);
        assertThat(royal.accepted).hasSize(6);
        assertThat(royal.rejected).isEmpty();
    }

    @Test
    void homonymsAreTwoEntitiesToldApartByTheirDescriptions() throws IOException {
        ImportedRecords stuarts = ImportedRecords.fixture("stuart", "homonyms.ged");

        EntityNaming queen = stuarts.naming("stuart:I1");
        EntityNaming princess = stuarts.naming("stuart:I2");
        assertThat(queen.label()).isEqualTo("Mary Stuart").isEqualTo(princess.label());
        assertThat(queen.description()).isEqualTo("1542–1587, Queen of Scots");
        assertThat(princess.description()).isEqualTo("1631–1660, Princess Royal");
        assertThat(queen.aliases()).isEqualTo(aliases("Queen Mary"));
        assertThat(princess.aliases()).isEqualTo(aliases("Princess Mary"));
    }

    @Test
    void individualWithoutAnyNameIsImportedUnderItsKey() throws IOException {
        ImportedRecords stuarts = ImportedRecords.fixture("stuart", "homonyms.ged");

        assertThat(stuarts.naming("stuart:I3")).isEqualTo(
                new EntityNaming("stuart:I3", "stuart:I3", LabelRank.FROM_KEY, List.of(), "b. 1700"));
        assertThat(stuarts.recordOf("stuart:I3").facts().stream().map(ImportedRecords::text))
                .containsExactly("stuart:I3 gender male", "stuart:I3 born 1700");
    }

    @Test
    void emptyNameIsLabelledByItsGivenNameAndSurnamePieces() throws IOException {
        EntityNaming james = ImportedRecords.fixture("stuart", "homonyms.ged").naming("stuart:I4");

        assertThat(james.label()).isEqualTo("James Stuart");
        assertThat(james.rank()).isEqualTo(LabelRank.GIVEN);
        assertThat(james.description()).isEqualTo("d. 1766");
    }

    @Test
    void brokenIndividualOrFamilyIsRejectedByItsStartLineAndTheRestImported() throws IOException {
        ImportedRecords read = ImportedRecords.fixture("b", "broken-record.ged");

        assertThat(read.rejected).containsExactly(
                new Rejection(6, "line 9 has no level number"), new Rejection(14, "line 17 has no tag"));
        assertThat(read.accepted.stream().map(ImportRecord::line)).containsExactly(3L, 11L, 18L);
        assertThat(read.facts()).contains("b:I3 gender female");
    }

    @Test
    void brokenRecordOfAnotherKindIsSkippedUnreported() throws IOException {
        ImportedRecords read = text("0 HEAD\n0 @S1@ SOUR\nnot a line\n0 @I1@ INDI\n1 NAME Ada\n");

        assertThat(read.rejected).isEmpty();
        assertThat(read.naming("t:I1").label()).isEqualTo("Ada");
    }

    @Test
    void brokenRecordOfUnknownKindIsReported() throws IOException {
        ImportedRecords read = text("0 HEAD\n0 @I1@\n1 NAME Ada\n0 TRLR\n");

        assertThat(read.rejected).containsExactly(new Rejection(2, "line 2 has no tag"));
    }

    @Test
    void individualWithoutXrefIsRejected() throws IOException {
        ImportedRecords read = text("0 HEAD\n0 INDI\n1 NAME Ada\n");

        assertThat(read.rejected).containsExactly(
                new Rejection(2, "the INDI record has no cross-reference identifier to key it by"));
    }

    @Test
    void familyWithOneParentStatesOnlyThatParentAndNoSpouse() throws IOException {
        ImportedRecords read = text("0 HEAD\n0 @F1@ FAM\n1 WIFE @I2@\n1 CHIL @I3@\n1 CHIL @I3@\n1 CHIL junk\n");

        assertThat(read.facts()).containsExactly("t:I3 mother t:I2");
    }

    @Test
    void gedcom7FileIsReadWithTranslationsAsAliasesInTheirLanguage() throws IOException {
        ImportedRecords windsors = ImportedRecords.fixture("w", "gedcom7.ged");

        EntityNaming elizabeth = windsors.naming("w:I1");
        assertThat(elizabeth.label()).isEqualTo("Elizabeth II Alexandra Mary Windsor");
        assertThat(elizabeth.aliases()).containsExactly(new Alias("Елизавета II Виндзор", "ru"),
                new Alias("Elizabeth II", null), new Alias("Queen Elizabeth II", null));
        assertThat(elizabeth.description()).isEqualTo("1926–2022, Queen of the United Kingdom");
        assertThat(windsors.naming("w:I2").description()).isEqualTo("b. 1948");
    }

    @Test
    void gedcom7VoidPointerIsNoOneAndExtensionRecordsAreIgnored() throws IOException {
        ImportedRecords windsors = ImportedRecords.fixture("w", "gedcom7.ged");

        assertThat(windsors.facts()).containsExactly(
                "w:I1 gender female", "w:I1 born 1926", "w:I1 died 2022",
                "w:I2 gender male", "w:I2 born 1948",
                "w:I3 gender male", "w:I3 born 1921", "w:I3 died 2021",
                "w:I3 spouse w:I1", "w:I2 father w:I3", "w:I2 mother w:I1",
                "w:I6 mother w:I5");
        assertThat(windsors.accepted).hasSize(5);
        assertThat(windsors.rejected).isEmpty();
    }

    @Test
    void sameRecordsWhateverTheLineEndsOrUnicodeEncoding() throws IOException {
        String lf;
        try (InputStream in = getClass().getResourceAsStream("/imports/gedcom/royal-family.ged")) {
            lf = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<ImportRecord> expected = royal().accepted;
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] utf16 = lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[bom.length + utf16.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf16, 0, withBom, bom.length, utf16.length);

        assertThat(ImportedRecords.of("royal", lf.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)).accepted)
                .isEqualTo(expected);
        assertThat(ImportedRecords.of("royal", lf.replace("\n", "\n\r").getBytes(StandardCharsets.UTF_8)).accepted)
                .isEqualTo(expected);
        assertThat(ImportedRecords.of("royal", withBom).accepted).isEqualTo(expected);
    }

    @Test
    void codePage437FileGivesLabelsWithUmlauts() throws IOException {
        byte[] file = Bytes.of().text("0 HEAD\r\n1 CHAR IBMPC\r\n0 @I1@ INDI\r\n1 NAME J").bytes(0x81)
                .text("rgen /M").bytes(0x94).text("ller/\r\n0 TRLR\r\n").toArray();

        assertThat(ImportedRecords.of("dos", file).naming("dos:I1").label()).isEqualTo("Jürgen Möller");
    }

    @Test
    void anselFileGivesLabelsWithTheirAccentsInNfc() throws IOException {
        byte[] file = Bytes.of().text("0 HEAD\r1 CHAR ANSEL\r0 @I1@ INDI\r1 NAME Ren").bytes(0xE2)
                .text("ee /Fran").bytes(0xF0).text("cois/\r2 NICK J").bytes(0xE8).text("urg\r0 TRLR\r").toArray();

        EntityNaming renee = ImportedRecords.of("a", file).naming("a:I1");

        assertThat(renee.label()).isEqualTo("Ren\u00E9e Fran\u00E7ois");
        assertThat(renee.aliases()).isEqualTo(aliases("J\u00FCrg"));
    }

    @Test
    void labelAndAliasLongerThanTheLimitAreCut() throws IOException {
        String longName = "Ann " + "Marie ".repeat(100) + "/Smith/";
        ImportedRecords read = text("0 HEAD\n0 @I1@ INDI\n1 NAME " + longName + "\n2 NICK " + "N".repeat(600) + "\n");

        EntityNaming ann = read.naming("t:I1");
        assertThat(ann.label()).hasSize(TextInput.LABEL_LENGTH).startsWith("Ann Marie").endsWith(" Mari");
        assertThat(ann.aliases()).singleElement().satisfies(alias ->
                assertThat(alias.name()).hasSize(TextInput.LABEL_LENGTH));
    }

    @Test
    void sourceMustNotBeBlank() {
        assertThatThrownBy(() -> GedcomImporter.forSource(" ")).isInstanceOf(InvalidInputException.class);
    }
}
