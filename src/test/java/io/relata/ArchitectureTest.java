package io.relata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Pins the dependency rules of architecture.md, so the layout cannot rot quietly. */
@AnalyzeClasses(packages = "io.relata", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule djlStaysInsideModel = noClasses()
            .that().resideOutsideOfPackage("io.relata.model..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");

    @ArchTest
    static final ArchRule theEmbeddingModelStaysInsideLexicon = noClasses()
            .that().resideOutsideOfPackage("io.relata.lexicon..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "ai.onnxruntime..");

    @ArchTest
    static final ArchRule nothingDependsOnWeb = noClasses()
            .that().resideOutsideOfPackage("io.relata.web..")
            .should().dependOnClassesThat().resideInAPackage("io.relata.web..");

    @ArchTest
    static final ArchRule onlyWebKnowsHttp = noClasses()
            .that().resideInAnyPackage("io.relata.query..", "io.relata.lexicon..", "io.relata.facts..", "io.relata.model..",
                    "io.relata.training..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..");

    @ArchTest
    static final ArchRule onlyWebAndTheCommandLineStartTraining = noClasses()
            .that().resideOutsideOfPackages("io.relata.web..", "io.relata.cli..", "io.relata.training..")
            .should().dependOnClassesThat().resideInAPackage("io.relata.training..");

    @ArchTest
    static final ArchRule queryKnowsNoSql = noClasses()
            .that().resideInAPackage("io.relata.query..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule tierKnowsNoSqlNorStore = noClasses()
            .that().resideInAPackage("io.relata.tier..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "org.springframework.jdbc..", "io.relata.facts..", "io.relata.training..");

    @ArchTest
    static final ArchRule modelKnowsNoSqlNorStore = noClasses()
            .that().resideInAPackage("io.relata.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "org.springframework.jdbc..", "io.relata.facts..", "io.relata.query..", "io.relata.lexicon..");

    @ArchTest
    static final ArchRule factsKnowNoQuestions = noClasses()
            .that().resideInAPackage("io.relata.facts..")
            .should().dependOnClassesThat().resideInAnyPackage("io.relata.query..", "io.relata.model..");

    @ArchTest
    static final ArchRule onlyTheLauncherKnowsTheCommandLine = noClasses()
            .that().resideOutsideOfPackage("io.relata.cli..")
            .and().doNotHaveFullyQualifiedName("io.relata.RelataApplication")
            .should().dependOnClassesThat().resideInAPackage("io.relata.cli..");
}
