package uk.cdr.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.community.mockito.DelegateExpressions.registerExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyExecutionListenerMock;
import static org.mockito.Mockito.times;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.cdr.config.RefusedAnswers;
import uk.cdr.support.ModelEngine;

/** bpmn/log-death-from-tasklist.bpmn alone: Form A started in Tasklist is recorded within the submit, or refused. */
class LogDeathFromTasklistModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("log-death-from-tasklist.bpmn");

    private static final String KEY = "logDeathFromTasklist";

    @BeforeEach
    void loggedInAsTheSpoc() {
        registerExecutionListenerMock("recordFormAFromTasklist");
        engine.getIdentityService().setAuthenticatedUserId("spoc");
    }

    @Test
    void aSubmittedFormAIsRecordedForWhoeverSubmittedItAndTheProcessHasEndedWhenTheSubmitReturns() {
        ProcessInstance started = engine.getFormService().submitStartForm(definition().getId(),
                Map.of("nhsNumber", "4010232137", "dateOfDeath", "2014-11-30"));

        verifyExecutionListenerMock("recordFormAFromTasklist").executed(times(1));
        assertThat(started).hasPassedInOrder("Start_FormA", "End_Recorded").isEnded();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(started.getId())
                .variableName("notifiedBy").singleResult().getValue()).isEqualTo("spoc");
    }

    @Test
    void aRefusedFormAStartsNothingAndLeavesNoHistory() {
        registerExecutionListenerMock("recordFormAFromTasklist").onExecutionThrowException(
                new RefusedAnswers(List.of(new RefusedAnswers.Refusal("nhsNumber", "must be 10 digits with a valid check digit"))));

        assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition().getId(),
                Map.of("nhsNumber", "4010232138"))).isInstanceOf(RefusedAnswers.class).hasMessageContaining("nhsNumber");

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void itIsStartedInTasklistWithFormAAndItsHistoryIsKeptOneDay() throws IOException {
        ProcessDefinition definition = definition();

        assertThat(definition.isStartableInTasklist()).isTrue();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(1);
        try (InputStream form = engine.getFormService().getDeployedStartForm(definition.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"form-a\"").contains("\"key\": \"nhsNumber\"");
        }
    }

    private static ProcessDefinition definition() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).singleResult();
    }
}
