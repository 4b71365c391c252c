package org.reetrace.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** core is the domain: no framework, no JSON, no JDBC, and nothing of the modules built on it. */
@AnalyzeClasses(packages = "org.reetrace.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNoSpring = noClasses().that().resideInAPackage("org.reetrace.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("the framework waits outside the domain (STYLE.md, core)");

    @ArchTest
    static final ArchRule coreKnowsNoJackson = noClasses().that().resideInAPackage("org.reetrace.core..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "tools.jackson..")
            .because("the domain model knows nothing of JSON (docs/design.md, principle 4)");

    @ArchTest
    static final ArchRule coreKnowsNoJdbc = noClasses().that().resideInAPackage("org.reetrace.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("SQL lives in app's adapters");

    @ArchTest
    static final ArchRule coreDependsOnNoOtherReetraceModule = noClasses().that().resideInAPackage("org.reetrace.core..")
            .should().dependOnClassesThat(resideInAPackage("org.reetrace..").and(resideOutsideOfPackage("org.reetrace.core..")))
            .because("epcis, app, sim and bench build on core, never the other way");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.reetrace.core.(*)..")
            .should().beFreeOfCycles()
            .because("each package of the domain builds on the ones below it");
}
