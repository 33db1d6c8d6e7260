package uk.cdr.caselist;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.cdr.area.Area;
import uk.cdr.area.Areas;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.caseprocess.CaseStage;
import uk.cdr.caseprocess.CaseStages;
import uk.cdr.child.Age;
import uk.cdr.child.AgeBand;
import uk.cdr.panel.CdopQueue;
import uk.cdr.panel.QueuedCase;

/**
 * One case as an API client needs it to act: where it is, what it waits for, its open tasks and
 * the dates that matter. The panel gets it anonymised, as everywhere: no name, NHS number, date of
 * birth or exact date of death. Every read is audited.
 */
@Service
class CaseOverviews {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final JdbcClient jdbc;
    private final CaseStages caseStages;
    private final CdopQueue queue;
    private final OpenTasks openTasks;
    private final AuditLog auditLog;
    private final Areas areas;

    CaseOverviews(JdbcClient jdbc, CaseStages caseStages, CdopQueue queue, OpenTasks openTasks, AuditLog auditLog,
            Areas areas) {
        this.areas = areas;
        this.jdbc = jdbc;
        this.caseStages = caseStages;
        this.queue = queue;
        this.openTasks = openTasks;
        this.auditLog = auditLog;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Child(String firstName, String lastName, String nhsNumber, LocalDate dateOfBirth, String ageAtDeath) {
    }

    /** Each date is absent until it happened. Days are yyyy-mm-dd; moments carry their UK offset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyDates(@Schema(description = "SPOC and Designated Doctor only") LocalDate dateOfDeath,
            @Schema(description = "Month and year, e.g. \"November 2014\"") String monthOfDeath,
            @Schema(description = "SPOC and Designated Doctor only") OffsetDateTime notifiedAt,
            @Schema(description = "When the Designated Doctor confirmed the death expected or unexpected") OffsetDateTime classifiedAt,
            OffsetDateTime finalCaseDiscussionDoneAt, LocalDate cdopMeetingOn, LocalDate reviewCompletedOn,
            OffsetDateTime closedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CaseOverview(UUID id, String reference, String reportingYear,
            @Schema(description = "The area the child lived in: its code and name") Area area,
            @Schema(description = "SPOC and Designated Doctor only") Child child,
            @Schema(description = "Age band, e.g. \"1 to 4 years\"") String ageBand,
            @Schema(description = "expected or unexpected; absent until the Designated Doctor decided") String deathClassification,
            boolean closed,
            @Schema(description = "Where the case is: one or more stages, each as code and words") List<ListedCase.Stage> stages,
            @Schema(description = "What the case waits for, in words") String waitingFor,
            @Schema(description = "The tasks open on the case, oldest first") List<OpenTasks.OpenTask> openTasks,
            KeyDates keyDates,
            @Schema(description = "The page of the app this user may open for the case") String url) {
    }

    private record Row(String reference, String reportingYear, String status, String firstName, String lastName,
            String nhsNumber, LocalDate dateOfBirth, LocalDate dateOfDeath, OffsetDateTime notifiedAt,
            OffsetDateTime classifiedAt, String classification, OffsetDateTime finalCaseDiscussionDoneAt,
            LocalDate reviewCompletedOn, OffsetDateTime closedAt, LocalDate meetingOn, String area) {
    }

    Optional<CaseOverview> find(UUID caseId, Viewer viewer, String actor) {
        Optional<Row> found = jdbc.sql("""
                select c.case_reference, c.reporting_year, c.status, c.child_first_name, c.child_last_name, c.nhs_number,
                       c.date_of_birth, c.date_of_death, c.notified_at, c.classified_at, c.death_classification,
                       c.final_case_discussion_done_at, c.review_completed_on, c.closed_at, m.held_on, c.area
                from case_file c
                left join panel_assignment a on a.case_id = c.id
                left join panel_meeting m on m.id = a.meeting_id
                where c.id = ?""")
                .param(caseId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                        uk(rs.getObject(9, OffsetDateTime.class)), uk(rs.getObject(10, OffsetDateTime.class)),
                        rs.getString(11), uk(rs.getObject(12, OffsetDateTime.class)), rs.getObject(13, LocalDate.class),
                        uk(rs.getObject(14, OffsetDateTime.class)), rs.getObject(15, LocalDate.class), rs.getString(16)))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row r = found.get();
        boolean closed = "CLOSED".equals(r.status());
        List<ListedCase.Stage> stages = new ArrayList<>();
        var current = caseStages.of(caseId);
        if (closed) {
            stages.add(ListedCase.Stage.of(ListedStage.CLOSED));
        } else if (current.isEmpty()) {
            stages.add(ListedCase.Stage.of(ListedStage.STOPPED));
        } else {
            for (CaseStage stage : current) {
                stages.add(ListedCase.Stage.of(ListedStage.of(stage)));
            }
        }
        String waitingFor = closed ? "Nothing: the case is closed"
                : queue.queued(caseId).map(QueuedCase::waitingFor).orElse(ListedStage.STOPPED.words());
        boolean identifies = viewer.identifies();
        Child child = identifies ? new Child(r.firstName(), r.lastName(), r.nhsNumber(), r.dateOfBirth(),
                Age.inWords(r.dateOfBirth(), r.dateOfDeath())) : null;
        KeyDates dates = new KeyDates(identifies ? r.dateOfDeath() : null, MONTH.format(r.dateOfDeath()),
                identifies ? r.notifiedAt() : null, r.classifiedAt(), r.finalCaseDiscussionDoneAt(), r.meetingOn(),
                r.reviewCompletedOn(), r.closedAt());
        String ageBand = r.dateOfBirth() == null ? null : AgeBand.inWords(r.dateOfBirth(), r.dateOfDeath());
        auditLog.record(actor, AuditAction.CASE_VIEWED, r.reference(),
                identifies ? "case summary (API)" : "anonymised case summary (API)");
        return Optional.of(new CaseOverview(caseId, r.reference(), r.reportingYear(), areas.of(r.area()), child, ageBand, r.classification(),
                closed, stages, waitingFor, openTasks.of(r.reference()), dates, viewer.url(caseId)));
    }

    private static OffsetDateTime uk(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(UK).toOffsetDateTime();
    }
}
