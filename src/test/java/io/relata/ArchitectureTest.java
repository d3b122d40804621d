package io.relata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.HashSet;
import java.util.Set;

/** Pins the dependency rules of architecture.md, so the layout cannot rot quietly. */
@AnalyzeClasses(packages = "io.relata", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] HTTP = {"jakarta.servlet..", "org.springframework.web..", "org.springframework.http.."};
    private static final String[] STORAGE = {"java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.flywaydb..",
        "org.h2..", "org.postgresql.."};

    /**
     * No cycle between the capabilities under {@code base}: each package {@code base.X} (with its subpackages) is one
     * slice, the root package (settings, shared input rules) another.
     */
    static ArchRule capabilitiesAreFreeOfCycles(String base) {
        return SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals(base)) {
                    return SliceIdentifier.of("root");
                }
                if (name.startsWith(base + ".")) {
                    return SliceIdentifier.of(name.substring(base.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "capabilities of " + base;
            }
        }).should().beFreeOfCycles();
    }

    @ArchTest
    static final ArchRule noCyclesBetweenCapabilities = capabilitiesAreFreeOfCycles("io.relata");

    @ArchTest
    static final ArchRule djlStaysInsideModel = noClasses()
            .that().resideOutsideOfPackage("io.relata.model..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");

    /** What can be called from outside a package (public members of public types) speaks no DJL, in model too. */
    @ArchTest
    static final ArchRule noPublicSignatureExposesDjl = members()
            .that().arePublic()
            .and().areDeclaredInClassesThat().arePublic()
            .should(exposeNoTypeFrom("ai.djl"));

    @ArchTest
    static final ArchRule theEmbeddingModelStaysInsideLexicon = noClasses()
            .that().resideOutsideOfPackage("io.relata.lexicon..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "ai.onnxruntime..");

    @ArchTest
    static final ArchRule nothingDependsOnWeb = noClasses()
            .that().resideOutsideOfPackage("io.relata.web..")
            .should().dependOnClassesThat().resideInAPackage("io.relata.web..");

    @ArchTest
    static final ArchRule webKnowsNoStorage = noClasses()
            .that().resideInAPackage("io.relata.web..")
            .should().dependOnClassesThat().resideInAnyPackage(STORAGE);

    @ArchTest
    static final ArchRule onlyWebKnowsHttp = noClasses()
            .that().resideInAnyPackage("io.relata.query..", "io.relata.lexicon..", "io.relata.facts..", "io.relata.model..",
                    "io.relata.training..", "io.relata.imports..")
            .should().dependOnClassesThat().resideInAnyPackage(HTTP);

    @ArchTest
    static final ArchRule queryKnowsNoHttpNorSqlNorDjl = noClasses()
            .that().resideInAPackage("io.relata.query..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(concat(HTTP, STORAGE), "ai.djl.."));

    @ArchTest
    static final ArchRule onlyWebAndTheCommandLineStartTraining = noClasses()
            .that().resideOutsideOfPackages("io.relata.web..", "io.relata.cli..", "io.relata.training..")
            .should().dependOnClassesThat().resideInAPackage("io.relata.training..");

    @ArchTest
    static final ArchRule trainingUsesTheModelThroughItsPorts = noClasses()
            .that().resideInAPackage("io.relata.training..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.relata.model.ServingModel");

    @ArchTest
    static final ArchRule tierKnowsNoSqlNorStore = noClasses()
            .that().resideInAPackage("io.relata.tier..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "org.springframework.jdbc..", "io.relata.facts..", "io.relata.training..");

    @ArchTest
    static final ArchRule modelKnowsNoSqlNorStore = noClasses()
            .that().resideInAPackage("io.relata.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    concat(STORAGE, "io.relata.facts..", "io.relata.query..", "io.relata.lexicon.."));

    @ArchTest
    static final ArchRule factsKnowNoQuestions = noClasses()
            .that().resideInAPackage("io.relata.facts..")
            .should().dependOnClassesThat().resideInAnyPackage("io.relata.query..", "io.relata.model..");

    @ArchTest
    static final ArchRule nothingDependsOnTheCommandLine = noClasses()
            .that().resideOutsideOfPackage("io.relata.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.relata.cli..");

    /** A member whose type, parameters, return type, type arguments or declared exceptions come from {@code prefix}. */
    static ArchCondition<JavaMember> exposeNoTypeFrom(String prefix) {
        DescribedPredicate<JavaClass> foreign = DescribedPredicate.describe("in " + prefix,
                type -> type.getPackageName().equals(prefix) || type.getPackageName().startsWith(prefix + "."));
        return new ArchCondition<>("expose no type from " + prefix) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                Set<JavaClass> exposed = new HashSet<>();
                if (member instanceof JavaField field) {
                    exposed.addAll(field.getType().getAllInvolvedRawTypes());
                } else if (member instanceof JavaCodeUnit code) {
                    exposed.addAll(code.getReturnType().getAllInvolvedRawTypes());
                    code.getParameterTypes().forEach(type -> exposed.addAll(type.getAllInvolvedRawTypes()));
                    exposed.addAll(code.getThrowsClause().getTypes());
                }
                exposed.stream().filter(foreign).forEach(type -> events.add(SimpleConditionEvent.violated(member,
                        member.getFullName() + " exposes " + type.getName())));
            }
        };
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
