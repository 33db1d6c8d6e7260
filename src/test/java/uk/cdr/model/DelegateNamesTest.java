package uk.cdr.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every {@code camunda:delegateExpression="${x}"} in bpmn/ names a {@code @Component("x")} class called
 * {@code X}, of the kind its place in the model needs, so a stack trace names the step (issue 13).
 * Read from the files and the class files alone, without starting Spring.
 */
class DelegateNamesTest {

    private static final Path BPMN = Path.of("bpmn");
    private static final Pattern BEAN_NAME = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    /** One use of a delegate expression: where it is and which interface the engine will call. */
    private record Use(String where, String beanName, Class<?> kind) {
    }

    @Test
    void everyDelegateExpressionNamesAComponentCalledAfterIt() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Use> uses = delegateExpressions(violations);
        assertThat(uses).as("delegate expressions found in " + BPMN.toAbsolutePath()).isNotEmpty();

        Map<String, JavaClass> components = componentsByBeanName();
        for (Use use : uses) {
            JavaClass bean = components.get(use.beanName());
            String expectedClass = Character.toUpperCase(use.beanName().charAt(0)) + use.beanName().substring(1);
            if (bean == null) {
                violations.add(use.where() + ": no @Component(\"" + use.beanName() + "\") in uk.cdr");
                continue;
            }
            if (!bean.getSimpleName().equals(expectedClass)) {
                violations.add(use.where() + ": bean " + use.beanName() + " is class " + bean.getName()
                        + ", expected one named " + expectedClass);
            }
            if (!bean.isAssignableTo(use.kind())) {
                violations.add(use.where() + ": " + bean.getName() + " is not a " + use.kind().getSimpleName());
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Each delegate expression in the models, found by walking every element the model API read. */
    private static List<Use> delegateExpressions(List<String> violations) throws IOException {
        List<Use> uses = new ArrayList<>();
        for (File model : models()) {
            walk(Bpmn.readModelFromFile(model).getDocument().getRootElement(), model.getName(), null, uses, violations);
        }
        return uses;
    }

    private static void walk(DomElement element, String file, String enclosingId, List<Use> uses, List<String> violations) {
        String id = element.getAttribute("id") != null ? element.getAttribute("id") : enclosingId;
        String expression = element.getAttribute(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
        if (expression != null) {
            String where = file + ": " + element.getLocalName() + " of " + id;
            Matcher name = BEAN_NAME.matcher(expression.trim());
            if (name.matches()) {
                uses.add(new Use(where, name.group(1), kindOf(element.getLocalName())));
            } else {
                violations.add(where + ": delegateExpression " + expression + " is not ${beanName}");
            }
        }
        for (DomElement child : element.getChildElements()) {
            walk(child, file, id, uses, violations);
        }
    }

    private static Class<?> kindOf(String elementName) {
        return switch (elementName) {
            case "taskListener" -> TaskListener.class;
            case "executionListener" -> ExecutionListener.class;
            default -> JavaDelegate.class;
        };
    }

    /** Our @Component classes by bean name: the annotation's value, or Spring's default when it has none. */
    private static Map<String, JavaClass> componentsByBeanName() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.cdr");
        Map<String, JavaClass> byName = new HashMap<>();
        for (JavaClass clazz : classes) {
            clazz.tryGetAnnotationOfType(Component.class).ifPresent(component -> byName.put(
                    component.value().isEmpty() ? Introspector.decapitalize(clazz.getSimpleName()) : component.value(),
                    clazz));
        }
        return byName;
    }

    private static List<File> models() throws IOException {
        assertThat(BPMN).as("the models folder").isDirectory();
        try (Stream<Path> files = Files.walk(BPMN)) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().map(Path::toFile).toList();
        }
    }
}
