package org.reetrace.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.flywaydb.core.api.migration.JavaMigration;
import org.reetrace.app.UseCase;
import org.reetrace.app.ledger.LedgerWriter;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * app's layers: entry points (controllers, the command line, the demo) call use cases; use cases call the stores
 * ({@code @Repository}) and the ledger writer; only stores speak SQL. No package of app depends on another in a
 * circle.
 */
@AnalyzeClasses(packages = "org.reetrace.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    private static final DescribedPredicate<JavaClass> ENTRY_POINTS = DescribedPredicate.describe(
            "entry points (controllers, command line, demo)",
            c -> c.isAnnotatedWith(RestController.class) || c.isMetaAnnotatedWith(Controller.class)
                    || c.getPackageName().startsWith("org.reetrace.app.cli")
                    || c.getPackageName().startsWith("org.reetrace.app.demo"));

    private static final DescribedPredicate<JavaClass> STORES_AND_WRITER = DescribedPredicate.describe(
            "stores and the ledger writer",
            c -> c.isAnnotatedWith(Repository.class) || c.isAssignableTo(LedgerWriter.class));

    /** JDBC and SQL, but not its failures: naming a database error to the user is not speaking SQL. */
    private static final DescribedPredicate<JavaClass> SQL = DescribedPredicate.describe("JDBC and SQL types",
            c -> (c.getPackageName().startsWith("org.springframework.jdbc") || c.getPackageName().startsWith("javax.sql")
                    || c.getPackageName().startsWith("java.sql")) && !c.isAssignableTo(Throwable.class));

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.reetrace.app.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule entryPointsCallUseCases = noClasses().that(ENTRY_POINTS)
            .should().dependOnClassesThat(STORES_AND_WRITER)
            .orShould().dependOnClassesThat(SQL)
            .because("an entry point asks a use case, which decides who may do what and asks the stores");

    @ArchTest
    static final ArchRule onlyStoresSpeakSql = noClasses()
            .that().areNotAnnotatedWith(Repository.class)
            .and().resideOutsideOfPackage("org.reetrace.app.database..")
            .and().areNotAssignableTo(JavaMigration.class) // a migration written in Java is SQL by nature
            .should().dependOnClassesThat(SQL)
            .because("SQL has one place per capability: its store");

    @ArchTest
    static final ArchRule useCasesKnowNoHttp = noClasses().that().areAnnotatedWith(UseCase.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.bind..", "jakarta.servlet..")
            .orShould().dependOnClassesThat(ENTRY_POINTS)
            .because("the same use case serves the API, the command line and the pages");
}
