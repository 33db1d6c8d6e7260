package uk.cdr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * Package by feature, and Camunda internals only where architecture.md allows them, so a later
 * move to the Operaton fork stays mechanical.
 */
@AnalyzeClasses(packages = "uk.cdr", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineInternalsOnlyInConfiguration = noClasses()
            .that().resideOutsideOfPackages("uk.cdr.config..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
            .because("Camunda CE has ended: engine internals stay in configuration and tests");

    @ArchTest
    static final ArchRule webappInternalsOnlyInSecurity = noClasses()
            .that().resideOutsideOfPackages("uk.cdr.security..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.webapp..")
            .because("single sign-on for the Camunda webapps is the only reason to touch them");

    @ArchTest
    static final ArchRule featuresDoNotFormCycles = SlicesRuleDefinition.slices()
            .matching("uk.cdr.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingDependsOnTheCaseImport = noClasses()
            .that().resideOutsideOfPackages("uk.cdr.caseimport..")
            .should().dependOnClassesThat().resideInAPackage("uk.cdr.caseimport..")
            .because("the import writes what the live stages write; the stages must not know about it");

    @ArchTest
    static final ArchRule noLayerPackages = noClasses()
            .should().resideInAnyPackage("..controller..", "..controllers..", "..service..", "..services..",
                    "..repository..", "..repositories..", "..model..", "..entity..", "..dto..")
            .because("we package by feature (domain.md words), not by layer");
}
