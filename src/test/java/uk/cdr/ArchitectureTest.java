package uk.cdr;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * Package by feature, and Camunda internals only where architecture.md allows them, so a later
 * move to the Operaton fork stays mechanical. Each BPMN step is a named class, so a stack trace names it.
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

    /**
     * Issue 13: a case's stages, the resolution of a possible duplicate of it included, are started
     * by its process (bpmn/child-death-review.bpmn), so its path is in BPMN, not in code. Java starts
     * only the case's own process, and a panel meeting's (one per meeting, of no single case).
     */
    @ArchTest
    static final ArchRule onlyTheCaseProcessIsStartedFromJava = noClasses()
            .that().doNotHaveFullyQualifiedName("uk.cdr.caseprocess.CaseProcess")
            .and().doNotHaveFullyQualifiedName("uk.cdr.panel.PanelMeetings")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                            "startProcessInstance.*|createProcessInstanceBy(Key|Id)"))
                    .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                    assignableTo(org.camunda.bpm.engine.RuntimeService.class)))))
            .because("no Java code starts a stage of a case: the case's process does");

    @ArchTest
    static final ArchRule noLayerPackages = noClasses()
            .should().resideInAnyPackage("..controller..", "..controllers..", "..service..", "..services..",
                    "..repository..", "..repositories..", "..model..", "..entity..", "..dto..")
            .because("we package by feature (domain.md words), not by layer");

    private static final DescribedPredicate<JavaClass> A_DELEGATE_OR_LISTENER = assignableTo(JavaDelegate.class)
            .or(assignableTo(TaskListener.class)).or(assignableTo(ExecutionListener.class))
            .as("a JavaDelegate, TaskListener or ExecutionListener");

    @ArchTest
    static final ArchRule noDelegateIsABeanMethod = noMethods()
            .that().areAnnotatedWith(Bean.class)
            .should().haveRawReturnType(A_DELEGATE_OR_LISTENER)
            .because("a lambda from a @Bean method shows in a stack trace as XSteps$$Lambda$123; "
                    + "a delegate is its own @Component class named after its BPMN step (issue 13)");

    @ArchTest
    static final ArchRule everyDelegateIsAComponent = classes()
            .that(A_DELEGATE_OR_LISTENER)
            .should().beAnnotatedWith(Component.class)
            .because("the BPMN reaches delegates and listeners by bean name (camunda:delegateExpression)");
}
