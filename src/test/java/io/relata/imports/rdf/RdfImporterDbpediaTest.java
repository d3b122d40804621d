package io.relata.imports.rdf;

import static io.relata.imports.rdf.RdfRecords.builtIn;
import static io.relata.imports.rdf.RdfRecords.entity;
import static io.relata.imports.rdf.RdfRecords.fact;
import static io.relata.imports.rdf.RdfRecords.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.facts.EntityMention;
import io.relata.imports.RelationDeclaration.Symmetric;
import org.junit.jupiter.api.Test;

class RdfImporterDbpediaTest {

    private static final String DBR = "http://dbpedia.org/resource/";
    private static final EntityMention VICTORIA = entity(DBR + "Victoria,_Princess_Royal", "Victoria, Princess Royal");
    private static final EntityMention FREDERICK = entity(DBR + "Frederick_III,_German_Emperor", "Frederick III, German Emperor");
    private static final EntityMention WILHELM = entity(DBR + "Wilhelm_II,_German_Emperor", "Wilhelm II, German Emperor");

    private final RecordingSink sink = RdfRecords.read(builtIn("dbpedia"), "dbpedia-sample.nt", RdfSyntax.NTRIPLES);

    @Test
    void namesEntitiesByTheirLocalNamesAndMergesOntologyAndInfoboxPropertiesOfOneName() {
        assertThat(sink.records).containsExactly(
                fact(2, VICTORIA, "spouse", FREDERICK),
                fact(3, VICTORIA, "spouse", FREDERICK),
                fact(4, VICTORIA, "parent", entity(DBR + "Queen_Victoria", "Queen Victoria")),
                fact(5, VICTORIA, "parent", entity(DBR + "Queen_Victoria", "Queen Victoria")),
                fact(6, WILHELM, "mother", VICTORIA),
                fact(8, VICTORIA, "born", value("1840")),
                fact(9, VICTORIA, "died", value("1901")),
                fact(10, VICTORIA, "birth place", entity(DBR + "Buckingham_Palace", "Buckingham Palace")),
                fact(11, WILHELM, "death place", entity(DBR + "Huis_Doorn", "Huis Doorn")),
                fact(12, WILHELM, "residence", entity(DBR + "Sch%C3%B6nbrunn_Palace", "Schönbrunn Palace")));
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void declaresSpouseSymmetricOnceThoughTwoPredicatesMapToIt() {
        assertThat(sink.declarations).containsExactly(new Symmetric("spouse"));
    }

    @Test
    void withoutTheProfileBirthDatesAreStillYearsUnderTheirOwnNameAndOwlSameAsIsStillLeftOut() {
        RecordingSink generic = RdfRecords.read(builtIn(null), "dbpedia-sample.nt", RdfSyntax.NTRIPLES);

        assertThat(generic.facts()).extracting(fact -> fact.relation() + ": " + fact.object().label()).containsExactly(
                "spouse: Frederick III, German Emperor", "spouse: Frederick III, German Emperor",
                "child: Victoria, Princess Royal", "child: Victoria, Princess Royal",
                "mother: Victoria, Princess Royal", "birth date: 1840", "death year: 1901",
                "birth place: Buckingham Palace", "death place: Huis Doorn", "residence: Schönbrunn Palace",
                "abstract: Victoria, Princess Royal was German Empress and Queen of Prussia as the wife of Frederick III.",
                "wiki page wiki link: Prussia");
        assertThat(generic.declarations).isEmpty();
    }
}
