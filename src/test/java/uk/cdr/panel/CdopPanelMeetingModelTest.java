package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.CamundaMockito.registerMockInstance;
import static org.camunda.community.mockito.DelegateExpressions.registerExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.cdr.support.ModelEngine;

/** bpmn/cdop-panel-meeting.bpmn alone: the agenda timer and the agenda email, with its retries. */
class CdopPanelMeetingModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("cdop-panel-meeting.bpmn");

    private static final Date HELD_ON = ModelEngine.at(LocalDateTime.of(2015, 4, 22, 0, 0));
    private static final Date AGENDA_AT = ModelEngine.at(LocalDateTime.of(2015, 4, 15, 9, 0));

    private PanelTimers panelTimers;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        panelTimers = registerMockInstance("panelTimers", PanelTimers.class);
        when(panelTimers.agendaAt(HELD_ON)).thenReturn(AGENDA_AT);
        registerJavaDelegateMock("sendPanelAgenda");
        registerExecutionListenerMock("meetingDayTakesItsTurn");
    }

    @Test
    void theAgendaWaitsForTheMomentPanelTimersGivesThenGoesOnceAndTheProcessEndsOnTheMeetingDay() {
        engine.clockAt(LocalDateTime.of(2015, 4, 1, 10, 0));
        ProcessInstance meeting = meetingSet();

        assertThat(meeting).isWaitingAt("Timer_AgendaDue");
        verify(panelTimers).agendaAt(HELD_ON);
        assertThat(job(meeting)).hasDueDate(AGENDA_AT);
        engine.clockAt(LocalDateTime.of(2015, 4, 15, 8, 59));
        engine.runDueJobs();
        assertThat(meeting).isWaitingAt("Timer_AgendaDue");
        verifyJavaDelegateMock("sendPanelAgenda").executedNever();

        engine.clockAt(LocalDateTime.of(2015, 4, 15, 9, 0));
        execute(job(meeting));
        assertThat(meeting).isWaitingAt("Send_PanelAgenda");
        execute(job(meeting));

        assertThat(meeting).hasPassedInOrder("Start_MeetingSet", "Timer_AgendaDue", "Send_PanelAgenda")
                .isWaitingAt("Gateway_UntilTheMeeting");
        verifyJavaDelegateMock("sendPanelAgenda").executed(times(1));

        engine.clockAt(LocalDateTime.of(2015, 4, 22, 0, 0));
        engine.runDueJobs();
        assertThat(meeting).hasPassed("Timer_MeetingDay", "End_AgendaSent").isEnded();
        verifyJavaDelegateMock("sendPanelAgenda").executed(times(1));
    }

    /** Issue 14: a case assigned once the agenda is due sends it (again); after the meeting's day, nothing. */
    @Test
    void eachCaseAssignedAfterTheAgendaWasDueSendsItAgainUntilTheMeetingDay() {
        engine.clockAt(LocalDateTime.of(2015, 4, 1, 10, 0));
        ProcessInstance meeting = meetingSet();
        agendaChanged();
        assertThat(meeting).as("before the agenda is due, nothing waits for a change").isWaitingAt("Timer_AgendaDue");

        engine.clockAt(LocalDateTime.of(2015, 4, 15, 9, 0));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendPanelAgenda").executed(times(1));
        for (int change = 2; change <= 3; change++) {
            agendaChanged();
            assertThat(meeting).isWaitingAt("Send_PanelAgenda");
            engine.runDueJobs();
            verifyJavaDelegateMock("sendPanelAgenda").executed(times(change));
            assertThat(meeting).isWaitingAt("Gateway_UntilTheMeeting");
        }

        engine.clockAt(LocalDateTime.of(2015, 4, 22, 0, 0));
        engine.runDueJobs();
        assertThat(meeting).isEnded();
        agendaChanged();
        verifyJavaDelegateMock("sendPanelAgenda").executed(times(3));
    }

    private static void agendaChanged() {
        runtimeService().createMessageCorrelation("PanelAgendaChanged").processInstanceBusinessKey("meeting-1").correlateAll();
    }

    @Test
    void aMeetingSetAfterItsAgendaMomentGetsTheAgendaAtOnceRatherThanNever() {
        engine.clockAt(LocalDateTime.of(2015, 4, 18, 14, 0));
        ProcessInstance meeting = meetingSet();

        engine.runDueJobs();

        assertThat(meeting).hasPassed("Send_PanelAgenda").isWaitingAt("Gateway_UntilTheMeeting");
        verifyJavaDelegateMock("sendPanelAgenda").executed(times(1));
    }

    @Test
    void anAgendaThatCannotBeSentIsRetriedEveryTenMinutesThenBecomesAnIncidentThatARetryClears() {
        registerJavaDelegateMock("sendPanelAgenda").onExecutionThrowException(new IllegalStateException("mail server down"));
        engine.clockAt(LocalDateTime.of(2015, 4, 15, 9, 0));
        ProcessInstance meeting = meetingSet();
        execute(job(meeting));
        assertThat(meeting).isWaitingAt("Send_PanelAgenda");

        assertThatThrownBy(() -> execute(job(meeting))).hasMessage("mail server down");
        assertThat(job(meeting)).hasRetries(4).hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 4, 15, 9, 10)));

        assertThat(engine.failUntilIncident(meeting)).as("attempts after the first").isEqualTo(4);
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(meeting.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Send_PanelAgenda");
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(meeting).isWaitingAt("Send_PanelAgenda");

        // An administrator retries it in Cockpit once the mail server is back.
        registerJavaDelegateMock("sendPanelAgenda");
        engine.getManagementService().setJobRetries(job(meeting).getId(), 1);
        execute(job(meeting));
        assertThat(meeting).hasPassed("Send_PanelAgenda").isWaitingAt("Gateway_UntilTheMeeting");
    }

    private ProcessInstance meetingSet() {
        return runtimeService().startProcessInstanceByKey(PanelMeetings.PROCESS_KEY, "meeting-1",
                withVariables("heldOn", HELD_ON));
    }
}
