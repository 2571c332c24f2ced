package org.outreachdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.outreachdesk.ui.common.Status;

/** The layering of DEVELOPERS.md, checked on every build. */
@AnalyzeClasses(packages = "org.outreachdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.outreachdesk";

    @ArchTest
    static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage(ROOT + ".domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx.scene..", "javafx.stage..", "org.jooq..", "org.apache.poi..", "org.h2..",
                    "org.flywaydb..", "picocli..", ROOT + ".store..", ROOT + ".app..", ROOT + ".ui..", ROOT + ".cli..")
            .because("the domain holds the rules every layer shares; it must not depend on a UI toolkit, "
                    + "a database, a spreadsheet library or any other layer");

    @ArchTest
    static final ArchRule generatedJooqStaysInStore = noClasses().that().resideOutsideOfPackage(ROOT + ".store..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".store.jooq..")
            .because("generated jOOQ classes mirror the tables; only the store maps them to domain records, "
                    + "so a schema change touches one package");

    @ArchTest
    static final ArchRule sqlStaysInStore = noClasses().that().resideOutsideOfPackage(ROOT + ".store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.h2..", "org.flywaydb..", "java.sql..")
            .because("queries belong to the store's repositories; features get domain records back");

    @ArchTest
    static final ArchRule uiGoesThroughApp = noClasses().that().resideInAPackage(ROOT + ".ui..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".vault..",
                    ROOT + ".report..", ROOT + ".importer..", ROOT + ".sync..", ROOT + ".cli..")
            .because("the app services check the caller's role and own transactions; the UI calls only them");

    @ArchTest
    static final ArchRule cliGoesThroughApp = noClasses().that().resideInAPackage(ROOT + ".cli..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".vault..",
                    ROOT + ".report..", ROOT + ".importer..", ROOT + ".sync..", ROOT + ".ui..")
            .because("the command line runs the same app services as the desktop, with the same role checks");

    @ArchTest
    static final ArchRule lowerLayersKnowNoFrontEnd = noClasses().that().resideInAnyPackage(ROOT + ".store..",
                    ROOT + ".vault..", ROOT + ".app..", ROOT + ".report..", ROOT + ".importer..", ROOT + ".sync..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ui..", ROOT + ".cli..", "javafx..", "picocli..")
            .because("services run the same under the desktop, the command line and tests");

    @ArchTest
    static final ArchRule poiOnlyInReportAndImporter = noClasses().that()
            .resideOutsideOfPackages(ROOT + ".report..", ROOT + ".importer..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.poi..")
            .because("Excel reading and writing belongs to the report and import features");

    @ArchTest
    static final ArchRule onlyTheCliWritesToTheConsole = noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
            .should(ACCESS_STANDARD_STREAMS)
            .because("System.out/err bypass the log's rules; messages for people go through the CLI or the UI, "
                    + "diagnostics through SLF4J, which never records content");

    @ArchTest
    static final ArchRule noCyclesBetweenLayers = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
            .because("each layer depends only on those below it; a cycle makes two layers one");

    @ArchTest
    static final ArchRule noCyclesBetweenPackagesBelowTheUi = slices().matching(ROOT + ".(**)").should()
            .beFreeOfCycles()
            .ignoreDependency(resideInAPackage(ROOT + ".ui.."), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAPackage(ROOT + ".ui.."))
            // generated jOOQ code (tables and records refer to each other) is not ours to arrange
            .ignoreDependency(resideInAPackage(ROOT + ".store.jooq.."), resideInAPackage(ROOT + ".store.jooq.."))
            .because("a package and its sub-packages (app and app.demo, app.bench) depend one way, so that each "
                    + "can be read and changed on its own (the ui packages have a rule of their own)");

    @ArchTest
    static final ArchRule uiPackagesFormNoCycle = slices().matching(ROOT + ".ui.(*)..")
            .should().beFreeOfCycles()
            .because("screens share their parts through ui.common; a feature package uses another only where "
                    + "one window opens another (docs/decisions/0006-ui-common-and-shared-parts.md)");

    @ArchTest
    static final ArchRule busyIsKeptByStatusAlone = fields().that().areDeclaredInClassesThat()
            .resideInAPackage(ROOT + ".ui..").and().haveName("busy")
            .should().beDeclaredIn(Status.class)
            .because("a screen's busy flag, its message line and its failure in words are one shared model "
                    + "(ui.common.Status, run through it or BackgroundTask); a flag of a view-model's own is "
                    + "a copy of that plumbing (issue 13)");
}
