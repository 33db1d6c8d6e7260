package uk.cdr.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.cdr.config.TasksNameTheirCase;
import uk.cdr.web.UkDates;

/**
 * Reads a case and everything that happened to it, in time order: notifications (merged ones
 * too), emails sent, and tasks with who did them. The tasks come from the engine's history as
 * the logged-in user is allowed to read it.
 */
@Service
public class CaseFiles {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final HistoryService historyService;

    public CaseFiles(JdbcClient jdbc, HistoryService historyService) {
        this.jdbc = jdbc;
        this.historyService = historyService;
    }

    public Optional<CaseView> find(UUID caseId) {
        return jdbc.sql("select * from case_file where id = ?").param(caseId).query((rs, row) -> new CaseView(
                rs.getObject("id", UUID.class), rs.getString("case_reference"), rs.getString("status"),
                rs.getString("child_first_name"), rs.getString("child_last_name"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getObject("date_of_death", LocalDate.class),
                rs.getString("nhs_number"), rs.getString("sex"), rs.getString("place_of_death"),
                rs.getInt("age_at_death_days"), rs.getBoolean("neonatal"), rs.getBoolean("out_of_hours"),
                uk(rs.getObject("notified_at", OffsetDateTime.class)), rs.getString("notified_expected"),
                rs.getString("suggested_classification"), rs.getString("death_classification"),
                rs.getString("classified_by"), rs.getBoolean("scr_under_consideration"))).optional();
    }

    /**
     * @param requestIds the case's Form B requests, whose own processes (keyed by request id) hold
     *                   the SPOC's overdue tasks
     */
    public List<TimelineEvent> timeline(CaseView c, List<String> requestIds) {
        List<TimelineEvent> events = new ArrayList<>();
        jdbc.sql("""
                select received_at, notifier_name, notifier_role, notifier_organisation, received_by, status
                from notification where case_id = ? or possible_duplicate_of = ?""")
                .params(c.id(), c.id())
                .query((rs, row) -> new TimelineEvent(uk(rs.getObject(1, OffsetDateTime.class)), "Notification",
                        "Form A from " + rs.getString(2) + " (" + rs.getString(3) + ", " + rs.getString(4) + ")"
                                + statusNote(rs.getString(6)),
                        rs.getString(5)))
                .list().forEach(events::add);
        jdbc.sql("select sent_at, subject, recipient from sent_email where case_id = ?").param(c.id())
                .query((rs, row) -> new TimelineEvent(uk(rs.getObject(1, OffsetDateTime.class)), "Email sent",
                        rs.getString(2) + " → " + rs.getString(3), "system"))
                .list().forEach(events::add);
        events.addAll(tasks(c.reference()));
        if (!requestIds.isEmpty()) {
            events.addAll(tasks(requestIds.toArray(String[]::new)));
        }
        jdbc.sql("select requested_at, agency, requested_by from agency_report_request where case_id = ?").param(c.id())
                .query((rs, row) -> new TimelineEvent(uk(rs.getObject(1, OffsetDateTime.class)), "Form B",
                        "Requested from " + rs.getString(2), rs.getString(3)))
                .list().forEach(events::add);
        jdbc.sql("select returned_at, agency from agency_report_request where case_id = ? and returned_at is not null")
                .param(c.id())
                .query((rs, row) -> new TimelineEvent(uk(rs.getObject(1, OffsetDateTime.class)), "Form B",
                        "Returned by " + rs.getString(2), rs.getString(2)))
                .list().forEach(events::add);
        events.sort(Comparator.comparing(TimelineEvent::at));
        return events;
    }

    private List<TimelineEvent> tasks(String... businessKeys) {
        List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKeyIn(businessKeys).list();
        Map<String, String> completedBy = new HashMap<>();
        for (HistoricTaskInstance task : tasks) {
            historyService.createUserOperationLogQuery().taskId(task.getId())
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream().findFirst()
                    .ifPresent(entry -> completedBy.put(task.getId(), entry.getUserId()));
        }
        List<TimelineEvent> events = new ArrayList<>();
        for (HistoricTaskInstance task : tasks) {
            events.add(new TimelineEvent(at(task.getStartTime()), "Task", "“" + TasksNameTheirCase.withoutCase(task.getName()) + "” created"
                    + (task.getDueDate() == null ? "" : ", due " + UkDates.withTime(task.getDueDate())), "system"));
            if (task.getEndTime() != null) {
                String who = Optional.ofNullable(completedBy.get(task.getId())).orElse(
                        task.getAssignee() == null ? "unknown" : task.getAssignee());
                String how = "completed".equals(task.getDeleteReason()) ? "done" : "closed (" + task.getDeleteReason() + ")";
                events.add(new TimelineEvent(at(task.getEndTime()), "Task", "“" + TasksNameTheirCase.withoutCase(task.getName()) + "” " + how, who));
            }
        }
        return events;
    }

    private static String statusNote(String status) {
        return switch (status) {
            case "POSSIBLE_DUPLICATE" -> ": possible duplicate, awaiting the SPOC";
            case "MERGED" -> ": merged into this case";
            default -> "";
        };
    }

    /** Databases hand back UTC offsets; people read UK time. */
    static OffsetDateTime uk(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(UK).toOffsetDateTime();
    }

    private static OffsetDateTime at(Date date) {
        return date.toInstant().atZone(UK).toOffsetDateTime();
    }
}
