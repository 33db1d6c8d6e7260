package uk.cdr.config;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every user task says which case it is for: Tasklist listed four identical "Confirm expected or
 * unexpected" entries side by side. Its name gets the case reference ("Confirm expected or
 * unexpected · 2026-27/042"), and its form the reference and a link to the page where the case is
 * seen, as task-local variables its form's text shows:
 * <ul>
 * <li>{@code caseReference}: the case's reference;</li>
 * <li>{@code casePage}: the case page for the SPOC, the doctor and the nurse; for the panel, which
 * never sees a case page (it identifies the child), the page of the meeting that reviews it;</li>
 * <li>{@code agenciesPage}: the case's agencies page (the SPOC's Form B requests);</li>
 * <li>{@code meetingDateInWords}: the panel meeting's date as people read it ("30 November 2026").</li>
 * </ul>
 * The case is found from the process's business key and the app's tables, as every delegate finds
 * it ({@link CaseOfProcess}), never from a variable someone could have written. None of these is
 * personal data: a reference, ids and a meeting date.
 */
@Component
public class TasksNameTheirCase extends AbstractProcessEnginePlugin {

    /** As uk.cdr.web.UkDates words a day: configuration may not depend on the web layer (which depends on it). */
    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** Between a task's own name and its case's reference. */
    public static final String SEPARATOR = " · ";


    private final CaseOfProcess caseOfProcess;
    private final JdbcClient jdbc;

    TasksNameTheirCase(CaseOfProcess caseOfProcess, JdbcClient jdbc) {
        this.caseOfProcess = caseOfProcess;
        this.jdbc = jdbc;
    }

    /** A task's name as its model gives it, for pages that already say which case they show. */
    public static String withoutCase(String taskName) {
        if (taskName == null) {
            return null;
        }
        int at = taskName.lastIndexOf(SEPARATOR);
        return at < 0 ? taskName : taskName.substring(0, at);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        TaskListener nameTheCase = this::nameTheCase;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, nameTheCase);
            }
        });
    }

    private void nameTheCase(DelegateTask task) {
        String businessKey = task.getExecution().getProcessBusinessKey();
        if (businessKey == null) {
            return;
        }
        UUID caseId;
        String reference;
        try {
            caseId = caseOfProcess.caseId(businessKey);
            reference = caseOfProcess.caseReference(businessKey);
        } catch (IllegalStateException e) {
            // A process of no case (the benchmark's bare engine process): its task keeps the model's name.
            return;
        }
        if (task.getName() != null && !task.getName().endsWith(SEPARATOR + reference)) {
            task.setName(task.getName() + SEPARATOR + reference);
        }
        task.setVariableLocal("caseReference", reference);
        task.setVariableLocal("agenciesPage", "/cases/" + caseId + "/agencies");
        String casePage = "/cases/" + caseId;
        if (forThePanel(task)) {
            record Meeting(UUID id, LocalDate heldOn) {
            }
            Meeting meeting = jdbc.sql("""
                    select m.id, m.held_on from panel_assignment a join panel_meeting m on m.id = a.meeting_id
                    where a.case_id = ?""").param(caseId).query(Meeting.class).optional().orElse(null);
            casePage = meeting == null ? "/cdop/meetings" : "/cdop/meetings/" + meeting.id();
            if (meeting != null) {
                task.setVariableLocal("meetingDateInWords", IN_WORDS.format(meeting.heldOn()));
            }
        }
        task.setVariableLocal("casePage", casePage);
    }

    private static boolean forThePanel(DelegateTask task) {
        return task.getCandidates().stream().anyMatch(link -> link.getGroupId() != null
                && link.getGroupId().startsWith("cdop-"));
    }
}
