package uk.cdr.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Process tests: the real BPMN on the real engine, app and PostgreSQL. The job executor is off in
 * tests; time passes only when a test moves the engine clock, and jobs run when it says so.
 */
public abstract class ProcessTest extends IntegrationTest {

    protected static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    protected ProcessEngine engine;

    @Autowired
    protected ManagementService managementService;

    @BeforeEach
    void bindAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    protected static void clockAt(LocalDateTime ukLocalTime) {
        ClockUtil.setCurrentTime(Date.from(ukLocalTime.atZone(UK).toInstant()));
    }

    protected static Date at(LocalDateTime ukLocalTime) {
        return Date.from(ukLocalTime.atZone(UK).toInstant());
    }

    /**
     * What a person does through the engine's own ways in (Tasklist, /engine-rest): the engine's
     * authorizations for the person's groups apply. The user's group is named like the user, except
     * the doctor's (designated-doctor) and the nurse's (cdr-nurse).
     */
    protected void inTasklistAs(String user, Runnable action) {
        engine.getIdentityService().setAuthentication(user, groupsOf(user));
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** What a person does on our pages or /api: the app has checked the role, and acts for itself. */
    protected void onOurPagesAs(String user, Runnable action) {
        inTasklistAs(user, () -> servedByTheApp(action));
    }

    /** Runs as one request of our pages or /api does (whoever the engine's current user is). */
    public static void servedByTheApp(Runnable action) {
        try {
            uk.cdr.config.AppRequests.serve(() -> {
                action.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> groupsOf(String user) {
        return switch (user) {
            case "doctor" -> List.of("designated-doctor");
            case "nurse" -> List.of("cdr-nurse");
            case "chair" -> List.of("cdop-panel", "cdop-chair");
            case "panel" -> List.of("cdop-panel");
            case "admin" -> List.of("camunda-admin");
            default -> List.of(user);
        };
    }

    /**
     * None of these variables is in the engine's history of the process: not as a variable (deleted
     * ones included), not as an update in the history detail, not as a submitted form field.
     */
    protected void assertNotInEngineHistory(String processInstanceId, String... names) {
        List<String> kept = List.of(names);
        org.assertj.core.api.Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).includeDeleted().variableNameIn(names).count())
                .as("historic variables " + kept).isZero();
        org.assertj.core.api.Assertions.assertThat(engine.getHistoryService().createHistoricDetailQuery()
                .processInstanceId(processInstanceId).list().stream().filter(detail ->
                        detail instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate update
                                && kept.contains(update.getVariableName())
                        || detail instanceof org.camunda.bpm.engine.history.HistoricFormField field
                                && kept.contains(field.getFieldId())).toList())
                .as("history detail of " + kept).isEmpty();
    }

    /** Runs every job that is due now on the engine clock, including those the first ones create. */
    protected void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = managementService.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                // An earlier job of this round may have ended this one's process or cancelled its timer.
                if (managementService.createJobQuery().jobId(job.getId()).executable().count() > 0) {
                    managementService.executeJob(job.getId());
                }
            }
        }
        throw new AssertionError("jobs keep coming after 50 rounds");
    }

    /**
     * Runs the due jobs of one process only, found by its business key (a Form B request's id):
     * for tests that must not run other tests' jobs in the shared database.
     */
    protected void runJobsOf(java.util.UUID businessKey) {
        String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey.toString()).singleResult().getId();
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** The token of the latest Form B link emailed to this agency address. */
    protected static String formBTokenSentTo(String address) {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("/form-b/([A-Za-z0-9_-]{43})");
        String token = null;
        for (MimeMessage message : mail().getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
                    java.util.regex.Matcher m = link.matcher((String) message.getContent());
                    if (m.find()) {
                        token = m.group(1);
                    }
                }
            } catch (MessagingException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (token == null) {
            throw new AssertionError("no Form B link emailed to " + address);
        }
        return token;
    }

    protected static GreenMail mail() {
        return SharedMailServer.instance();
    }

    /** Other tests' cases share the inbox: only emails whose subject names this case and says this. */
    protected static List<MimeMessage> emailsAbout(String caseReference, String recipient, String subjectPart) {
        return Arrays.stream(mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(caseReference) && m.getSubject().contains(subjectPart)
                        && Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    protected static MimeMessage onlyEmailAbout(String caseReference, String recipient, String subjectPart) {
        List<MimeMessage> found = emailsAbout(caseReference, recipient, subjectPart);
        if (found.size() != 1) {
            throw new AssertionError("expected one email '" + subjectPart + "' about " + caseReference + " to "
                    + recipient + ", found " + found.size());
        }
        return found.get(0);
    }
}
