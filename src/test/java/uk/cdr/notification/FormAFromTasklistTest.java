package uk.cdr.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.support.IntegrationTest;

/** Form A started from Tasklist goes through the same validator and service as the page and the API. */
class FormAFromTasklistTest extends IntegrationTest {

    @Autowired
    FormService formService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void theSpocStartsFormAInTasklistAndACaseOpens() {
        Map<String, Object> answers = answers(TestForms.aNotification());
        answers.put("agenciesKnown", "GP; Dr Who; gp@nhs.example\nSchool");
        // Tasklist's field takes the area as people name it.
        answers.put("area", "south borough");
        ProcessInstance started = submitAsSpoc(answers);

        String reference = jdbc.sql("""
                select c.case_reference from case_file c join notification n on n.case_id = c.id
                where n.nhs_number = ?""").param(answers.get("nhsNumber")).query(String.class).single();
        assertThat(reference).matches("2014-15/\\d{3}");
        assertThat(jdbc.sql("""
                select a.agency from notification_agency a join notification n on n.id = a.notification_id
                where n.nhs_number = ? order by a.position""").param(answers.get("nhsNumber")).query(String.class).list())
                .containsExactly("GP", "School");
        assertThat(jdbc.sql("select area from case_file where case_reference = ?").param(reference).query(String.class)
                .single()).isEqualTo("south");
        assertThat(jdbc.sql("select received_by from notification where nhs_number = ?").param(answers.get("nhsNumber"))
                .query(String.class).single()).isEqualTo("spoc");
        // The answers did not stay in the engine.
        assertThat(runtimeService
                .createProcessInstanceQuery().processInstanceId(started.getId()).count()).isZero();
    }

    @Test
    void anInvalidFormAIsRefusedInTasklistFieldByFieldAndNothingIsSaved() {
        long cases = jdbc.sql("select count(*) from case_file").query(Long.class).single();
        Map<String, Object> answers = answers(TestForms.aNotification());
        answers.put("nhsNumber", "4010232138");
        answers.put("dateOfDeath", "2014-01-01");
        answers.put("area", "Westshire");
        assertThatThrownBy(() -> submitAsSpoc(answers))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("NHS number must be 10 digits with a valid check digit")
                .hasMessageContaining("Area where the child lived must be one of the CDOP's areas, not 'Westshire'")
                .hasMessageContaining("Date of death must not be before the date of birth");
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(cases);
    }

    /** Issue 16: Tasklist's start form asks about signs of life, and refuses a stillbirth as the API does. */
    @Test
    void aStillbirthIsRefusedInTasklist() {
        long cases = jdbc.sql("select count(*) from case_file").query(Long.class).single();
        Map<String, Object> answers = answers(TestForms.aNotification());
        answers.put("dateOfBirth", answers.get("dateOfDeath"));
        answers.put("signsOfLife", "no");
        assertThatThrownBy(() -> submitAsSpoc(answers))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Signs of life at birth must be yes")
                .hasMessageContaining("stillbirths are not reviewed");
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(cases);
    }

    @Test
    void onlyFormAIsOfferedForStartingInTasklist() {
        assertThat(repositoryService.createProcessDefinitionQuery().startableInTasklist().latestVersion().list())
                .extracting(d -> d.getKey()).containsExactly("logDeathFromTasklist");
    }

    private ProcessInstance submitAsSpoc(Map<String, Object> answers) {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("logDeathFromTasklist")
                .latestVersion().singleResult().getId();
        identityService.setAuthentication("spoc", List.of("spoc"));
        return formService.submitStartForm(definitionId, answers);
    }

    /** What Tasklist's form sends: strings, dates as yyyy-mm-dd. */
    private static Map<String, Object> answers(FormA form) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("notifierName", form.notifierName());
        answers.put("notifierRole", form.notifierRole());
        answers.put("notifierOrganisation", form.notifierOrganisation());
        answers.put("notifierEmail", form.notifierEmail());
        answers.put("childFirstName", form.childFirstName());
        answers.put("childLastName", form.childLastName());
        answers.put("dateOfBirth", form.dateOfBirth().toString());
        answers.put("sex", form.sex());
        answers.put("nhsNumber", form.nhsNumber());
        answers.put("ethnicity", form.ethnicity());
        answers.put("dateOfDeath", form.dateOfDeath().toString());
        answers.put("timeOfDeath", "23:40");
        answers.put("placeOfDeath", form.placeOfDeath());
        answers.put("area", form.area());
        answers.put("notifiedExpected", form.notifiedExpected());
        answers.put("circumstances", form.circumstances());
        answers.put("postMortemRequired", form.postMortemRequired());
        answers.put("coronerInformed", form.coronerInformed());
        return answers;
    }
}
