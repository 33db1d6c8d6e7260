package uk.cdr.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.cdr.area.Areas;
import uk.cdr.web.UkDates;

/**
 * Reads a case and everything that happened to it, in time order: notifications (merged ones
 * too), emails sent, Form B requests and returns, and tasks with who did them. All from the case's
 * own rows (the tasks from case_task, which {@link CaseTasks} keeps), never from the
 * engine's history, which is cleaned up by design.
 */
@Service
public class CaseFiles {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final Areas areas;

    public CaseFiles(JdbcClient jdbc, Areas areas) {
        this.jdbc = jdbc;
        this.areas = areas;
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
                rs.getString("classified_by"), rs.getBoolean("scr_under_consideration"), areas.of(rs.getString("area"))))
                .optional();
    }

    public List<TimelineEvent> timeline(CaseView c) {
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
        events.addAll(tasks(c.id()));
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

    /** Each task of the case (its Form B requests' overdue tasks too): created, then done or closed, and by whom. */
    private List<TimelineEvent> tasks(UUID caseId) {
        List<TimelineEvent> events = new ArrayList<>();
        jdbc.sql("select name, created_at, due_at, ended_at, ended_by, end_reason from case_task where case_id = ?")
                .param(caseId)
                .query((rs, row) -> {
                    String name = rs.getString("name");
                    OffsetDateTime due = uk(rs.getObject("due_at", OffsetDateTime.class));
                    events.add(new TimelineEvent(uk(rs.getObject("created_at", OffsetDateTime.class)), "Task",
                            "“" + name + "” created" + (due == null ? "" : ", due " + UkDates.withTime(due)), "system"));
                    OffsetDateTime ended = uk(rs.getObject("ended_at", OffsetDateTime.class));
                    if (ended != null) {
                        String reason = rs.getString("end_reason");
                        String how = "completed".equals(reason) ? "done" : "closed (" + reason + ")";
                        String by = rs.getString("ended_by");
                        events.add(new TimelineEvent(ended, "Task", "“" + name + "” " + how, by == null ? "unknown" : by));
                    }
                    return null;
                })
                .list();
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
}
