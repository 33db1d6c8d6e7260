package uk.cdr.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Whatever a task form refuses, the person reads the field's label, never its key: every field of
 * every form in forms/, refused as TaskAnswersGuard refuses it, and a rule naming another field.
 */
class RefusalsNameTheirFieldsTest {

    @Test
    void everyFieldOfEveryFormIsRefusedByItsLabel() throws IOException {
        List<String> byKey = new ArrayList<>();
        int fields = 0;
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path file : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                FormFields form = FormFields.parse(Files.readAllBytes(file));
                for (FormFields.Field field : form.fields().values()) {
                    fields++;
                    for (String rule : List.of("is required", "must be at most 200 characters", "must be a date")) {
                        RefusedAnswers refused = new RefusedAnswers(List.of(new RefusedAnswers.Refusal(field.key(), rule)));
                        refused.nameFieldsBy(form);
                        String message = refused.worded().get(0).rule();
                        String name = field.name();
                        if (!message.startsWith(name) && !message.startsWith("\u201c" + name)
                                || (!name.equals(field.key()) && message.startsWith(field.key() + " "))) {
                            byKey.add(file.getFileName() + " " + field.key() + ": " + message);
                        }
                        assertThat(refused.getMessage()).as(file + " " + field.key()).contains(message)
                                .doesNotContain(field.key() + " " + message);
                    }
                }
            }
        }
        assertThat(fields).as("fields read from forms/").isGreaterThan(50);
        assertThat(byKey).as("refusals that do not start with the field's label").isEmpty();
    }

    @Test
    void aRuleThatNamesAnotherFieldNamesItByItsLabelToo() throws IOException {
        FormFields formA = FormFields.parse(Files.readAllBytes(Path.of("forms", "form-a.form")));
        assertThat(formA.sentence("dateOfDeath", "must not be before dateOfBirth"))
                .isEqualTo("Date of death must not be before date of birth");
        assertThat(formA.sentence("dateOfDeath", "Date of death must not be in the future"))
                .as("a rule already a sentence is left as it is").isEqualTo("Date of death must not be in the future");
        assertThat(formA.sentence("caseId", "is not a field of this task's form"))
                .as("a key the form does not have stays a key").isEqualTo("caseId is not a field of this task's form");
    }
}
