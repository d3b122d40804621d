package io.relata;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The architecture rules catch what they are there for, on small fixtures under io.relata.archfixture. */
class ArchitectureRulesTest {

    @Test
    void theCycleRuleReportsACycleBetweenTwoPackages() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.relata.archfixture.cycle");

        EvaluationResult result = ArchitectureTest.capabilitiesAreFreeOfCycles("io.relata.archfixture.cycle").evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("first").contains("second");
    }

    @Test
    void theCycleRulePassesDependenciesThatRunOneWay() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.relata.archfixture.layered");

        EvaluationResult result = ArchitectureTest.capabilitiesAreFreeOfCycles("io.relata.archfixture.layered").evaluate(classes);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void theSignatureRuleReportsAPublicMethodThatExposesAForeignType() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.relata.archfixture.layered");

        EvaluationResult result = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members()
                .that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should(ArchitectureTest.exposeNoTypeFrom("io.relata.archfixture.layered.lower"))
                .evaluate(classes);

        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("Upper.lower()").contains("exposes io.relata.archfixture.layered.lower.Lower");
    }
}
