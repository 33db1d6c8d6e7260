package uk.cdr.panel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.area.Areas;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.child.AgeBand;
import uk.cdr.guidance.Edition;
import uk.cdr.paging.Page;
import uk.cdr.web.CodeLabels;
import uk.cdr.web.UkDates;
import uk.cdr.reportingyears.YearChanges;

/**
 * The CDOP case queue: every open case and what it waits for, as its process keeps it (case_stage,
 * written by bpmn/child-death-review.bpmn as the case moves). A case is ready for review once its
 * Form Bs are in (or the SPOC decided to go on without the missing ones) and, where a rapid
 * response happened, the final case discussion stage is done: the model's "Ready for the CDOP" join.
 * People and clients read it a page at a time, filtered, sorted and counted by the database: a
 * national CDOP has thousands of open cases, and nobody reads them in one answer.
 */
@Service
public class CdopQueue {

    /**
     * A case's earliest unfinished stage, as a rank: a case moves through its stages in this order,
     * so the earliest one running is what it waits for ({@link #stateOf}). Null: no stage runs.
     */
    private static final String RANK = """
            min(case stage when 'CLASSIFICATION' then 1 when 'FORM_B' then 2
                when 'RAPID_RESPONSE' then 3 when 'FINAL_CASE_DISCUSSION' then 3 when 'JOINT_AGENCY_RESPONSE' then 3
                when 'CHILD_DEATH_REVIEW_MEETING' then 3 when 'SERIOUS_INCIDENT' then 3 when 'LOOKED_AFTER_NOTIFICATION' then 3
                when 'NCMD_NOTIFICATION' then 3 when 'RATIFICATION' then 4
                when 'REVIEW' then 5 when 'DEFERRED' then 6 when 'READY' then 7 when 'NEONATAL_REVIEWED' then 8 end)""";

    /** A 2018 case's first step still to do before the queue, by the rank of the case's second stage column. */
    private static final Map<Integer, String> STEPS_OF_2018 = Map.of(1, "Joint Agency Response under way",
            2, "Child Death Review Meeting pending", 3, "Serious incident: national panel notification and rapid review pending",
            4, "Secretary of State and Ofsted to be notified", 5, "National Child Mortality Database to be notified");

    /** The ranks of RANK, by the state they put a case in (STOPPED: none). */
    private static final Map<QueueState, Integer> RANKS = Map.of(
            QueueState.WAITING_FOR_CLASSIFICATION, 1, QueueState.WAITING_FOR_FORM_B, 2,
            QueueState.WAITING_FOR_FINAL_CASE_DISCUSSION, 3, QueueState.AWAITING_RATIFICATION, 4,
            QueueState.ASSIGNED, 5, QueueState.DEFERRED, 6, QueueState.READY_FOR_REVIEW, 7,
            QueueState.REVIEWED_BY_NEONATAL_PANEL, 8);

    /**
     * What the queue shows of each open case it is given (c restricted by the caller): Form Bs,
     * rapid response, meeting, stage, the deferral in force. Per case, through the case_id indexes,
     * so a page of 50 costs 50 cases' rows, not the whole queue's.
     */
    private static final String OPEN_CASES = """
                select c.id, c.case_reference, c.reporting_year, c.date_of_death, c.date_of_birth, c.neonatal,
                       c.death_classification, c.form_b_proceed_reason, c.final_case_discussion_done_at,
                       (select count(*) from agency_report_request r where r.case_id = c.id and r.status <> 'WITHDRAWN'),
                       (select count(*) from agency_report_request r where r.case_id = c.id and r.status = 'RETURNED'),
                       rr.case_id, m.held_on, a.meeting_id,
                       (select\s""" + RANK + """
                        from case_stage st where st.case_id = c.id),
                       d.deferral_reason, d.review_by, c.status, c.area, c.edition,
                       (select min(case stage when 'JOINT_AGENCY_RESPONSE' then 1 when 'CHILD_DEATH_REVIEW_MEETING' then 2
                           when 'SERIOUS_INCIDENT' then 3 when 'LOOKED_AFTER_NOTIFICATION' then 4 when 'NCMD_NOTIFICATION' then 5
                           end) from case_stage st where st.case_id = c.id)
                from case_file c
                left join rapid_response rr on rr.case_id = c.id
                left join panel_assignment a on a.case_id = c.id
                left join panel_meeting m on m.id = a.meeting_id
                left join cdop_review d on d.case_id = c.id and d.outcome = 'DEFERRED' and not exists (
                    select 1 from cdop_review later where later.case_id = c.id and later.decided_at > d.decided_at)
                    and not exists (select 1 from case_reopening o where o.case_id = c.id and o.reopened_at > d.decided_at)
                where c.status <> 'CLOSED'""";

    private final JdbcClient jdbc;
    private final YearChanges yearChanges;
    private final CaseProcess caseProcess;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Period reviewTarget;
    private final Period escalation;
    private final Areas areas;

    public CdopQueue(JdbcClient jdbc, CaseProcess caseProcess, AuditLog auditLog, Clock clock,
            @Value("${cdr.timers.cdop.review-target:P6M}") Period reviewTarget,
            @Value("${cdr.timers.cdop.escalation:P12M}") Period escalation, YearChanges yearChanges, Areas areas) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.caseProcess = caseProcess;
        this.auditLog = auditLog;
        this.clock = clock;
        this.reviewTarget = reviewTarget;
        this.escalation = escalation;
        this.yearChanges = yearChanges;
    }

    /** What the queue keeps: each part optional; the area a configured area's code (none: the whole CDOP). */
    public record Filter(QueueState state, String reportingYear, String sort, UUID meetingId, String area) {

        public Filter(QueueState state, String reportingYear, String sort) {
            this(state, reportingYear, sort, null, null);
        }

        public Filter(QueueState state, String reportingYear, String sort, UUID meetingId) {
            this(state, reportingYear, sort, meetingId, null);
        }
    }

    public static final int PAGE_SIZE = Page.DEFAULT_SIZE;
    public static final int MAX_PAGE_SIZE = 500;

    /** Every case the filter keeps, in its order: for a meeting's agenda and the cases a meeting may take. */
    public List<QueuedCase> cases(Filter filter) {
        Where where = where(filter);
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(OPEN_CASES + " and c.id in (select c.id" + where.from() + where.sql() + ")" + orderBy(filter))
                .params(where.params()).query((rs, row) -> queued(rs, today)).list();
    }

    /**
     * One page of the cases the filter keeps, and how many it keeps in all. The page's cases are
     * picked from case_file alone (an index of open cases in date of death order on PostgreSQL),
     * then only they are described.
     */
    @Transactional(readOnly = true)
    public Page<QueuedCase> page(Filter filter, int page, int size) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*)" + where.from() + where.sql()).params(where.params())
                .query(Long.class).single();
        if (total == 0) {
            return new Page<>(List.of(), page, size, 0);
        }
        List<Object> paged = new ArrayList<>(where.params());
        paged.add(size);
        paged.add(Page.offset(page, size));
        List<UUID> ids = jdbc.sql("select c.id" + where.from() + where.sql() + orderBy(filter) + " limit ? offset ?")
                .params(paged).query(UUID.class).list();
        if (ids.isEmpty()) {
            return new Page<>(List.of(), page, size, total);
        }
        LocalDate today = LocalDate.now(clock);
        Map<UUID, QueuedCase> described = new HashMap<>();
        jdbc.sql(OPEN_CASES + " and c.id in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
                .params(new ArrayList<Object>(ids)).query((rs, row) -> queued(rs, today))
                .list().forEach(q -> described.put(q.caseId(), q));
        return new Page<>(ids.stream().map(described::get).filter(Objects::nonNull).toList(), page, size, total);
    }

    /** The open cases the filter keeps: from and where clauses on case_file c (with a and s only when filtered by them). */
    private record Where(String from, String sql, List<Object> params) {
    }

    private static Where where(Filter filter) {
        StringBuilder from = new StringBuilder(" from case_file c");
        StringBuilder sql = new StringBuilder(" where c.status <> 'CLOSED'");
        List<Object> params = new ArrayList<>();
        if (filter.state() != null) {
            from.append(" left join (select case_id, ").append(RANK).append(" as earliest from case_stage group by case_id) s")
                    .append(" on s.case_id = c.id");
            if (filter.state() == QueueState.STOPPED) {
                sql.append(" and s.earliest is null");
            } else {
                sql.append(" and s.earliest = ?");
                params.add(RANKS.get(filter.state()));
            }
        }
        if (filter.reportingYear() != null && !filter.reportingYear().isBlank()) {
            sql.append(" and c.reporting_year = ?");
            params.add(filter.reportingYear().trim());
        }
        if (filter.area() != null) {
            sql.append(" and c.area = ?");
            params.add(filter.area());
        }
        if (filter.meetingId() != null) {
            sql.append(" and exists (select 1 from panel_assignment a where a.case_id = c.id and a.meeting_id = ?)");
            params.add(filter.meetingId());
        }
        return new Where(from.toString(), sql.toString(), params);
    }

    /** Oldest death first, or by reference (its year, then its number: 2014-15/1000 after 2014-15/999). */
    private static String orderBy(Filter filter) {
        return "reference".equals(filter.sort()) ? " order by c.reporting_year, c.sequence_in_year"
                : " order by c.date_of_death, c.reporting_year, c.sequence_in_year";
    }

    /** One case as the queue shows it; empty when the case is closed or unknown. */
    public Optional<QueuedCase> queued(UUID caseId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(OPEN_CASES + " and c.id = ?").param(caseId).query((rs, row) -> queued(rs, today)).optional();
    }

    private QueuedCase queued(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate dateOfDeath = rs.getObject(4, LocalDate.class);
        int requested = rs.getInt(10);
        int returned = rs.getInt(11);
        boolean rapidResponse = rs.getObject(12) != null;
        QueueState state = stateOf((Integer) rs.getObject(15, Integer.class));
        boolean of2018 = Edition.ofRecord(rs.getString(20)) == Edition.STATUTORY_GUIDANCE_2018;
        String waitingFor;
        if (state == null) {
            state = QueueState.STOPPED;
            waitingFor = state.words();
        } else if (of2018 && state == QueueState.WAITING_FOR_CLASSIFICATION) {
            waitingFor = "Awaiting the Designated Doctor's Joint Agency Response decision";
        } else if (of2018 && state == QueueState.WAITING_FOR_FINAL_CASE_DISCUSSION) {
            waitingFor = STEPS_OF_2018.get(rs.getInt(21));
        } else if (state == QueueState.WAITING_FOR_CLASSIFICATION || state == QueueState.WAITING_FOR_FINAL_CASE_DISCUSSION) {
            waitingFor = state.words();
        } else if (state == QueueState.WAITING_FOR_FORM_B) {
            String forms = of2018 ? "Reporting form" : "Form B";
            waitingFor = requested == 0 ? forms + " requests not yet sent"
                    : forms + "s outstanding: " + returned + " of " + requested + " returned";
        } else if (state == QueueState.AWAITING_RATIFICATION) {
            state = QueueState.AWAITING_RATIFICATION;
            waitingFor = "Reviewed at the CDOP meeting of " + UkDates.inWords(rs.getObject(13, LocalDate.class))
                    + ", awaiting the chair's ratification";
        } else if (state == QueueState.ASSIGNED) {
            waitingFor = "Assigned to the CDOP meeting of " + UkDates.inWords(rs.getObject(13, LocalDate.class));
        } else if (state == QueueState.DEFERRED) {
            waitingFor = "Deferred (" + CodeLabels.label(rs.getString(16)) + "), to be reviewed by "
                    + UkDates.inWords(rs.getObject(17, LocalDate.class));
        } else {
            waitingFor = "REOPENED".equals(rs.getString(18)) ? "Reopened with new information: ready for review again"
                    : state.words();
        }
        return new QueuedCase(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), MonthOfDeath.of(dateOfDeath),
                AgeBand.inWords(rs.getObject(5, LocalDate.class), dateOfDeath), rs.getBoolean(6), state, waitingFor,
                requested, returned, rapidResponse, MonthOfDeath.monthsSince(dateOfDeath, today),
                !dateOfDeath.plus(reviewTarget).isAfter(today),
                !dateOfDeath.plus(escalation).isAfter(today), rs.getObject(13, LocalDate.class),
                rs.getObject(14, UUID.class), state == QueueState.DEFERRED ? rs.getString(16) : null,
                state == QueueState.DEFERRED ? rs.getObject(17, LocalDate.class) : null,
                "REOPENED".equals(rs.getString(18)), areas.of(rs.getString(19)));
    }

    /** The queue state of the case's earliest unfinished stage (EARLIEST_STAGE's rank); null when no stage runs. */
    private static QueueState stateOf(Integer earliest) {
        return earliest == null ? null : RANKS.entrySet().stream().filter(e -> e.getValue().equals(earliest))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The SPOC sends the case on without the missing Form Bs (or none was needed), giving the reason. */
    @Transactional
    public void proceedWithoutFormBs(UUID caseId, String reason, String by) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidQuery("reason", "is required, at most 1000 characters");
        }
        String reference = jdbc.sql("select case_reference from case_file where id = ?").param(caseId)
                .query(String.class).optional().orElseThrow(() -> new UnknownCase(caseId));
        if (!caseProcess.waitsFor(reference, CaseProcess.PROCEED_WITHOUT_FORM_BS)) {
            throw new CdopReviews.Conflict("Case " + reference + " is not waiting for Form Bs: there is nothing to go on without.");
        }
        jdbc.sql("update case_file set form_b_proceed_reason = ?, form_b_proceed_by = ?, form_b_proceed_at = ? where id = ?")
                .params(reason.trim(), by, OffsetDateTime.now(clock), caseId).update();
        yearChanges.caseChanged(caseId);
        // Its process withdraws the requests still out and moves the case on.
        caseProcess.tell(reference, CaseProcess.PROCEED_WITHOUT_FORM_BS, Map.of());
        auditLog.record(by, AuditAction.CASE_CHANGED, reference, "to the CDOP without the missing Form Bs: " + reason.trim());
    }

    /** A parameter of a queue request that breaks its rule: a 400 naming the field. */
    public static class InvalidQuery extends RuntimeException {
        private final String field;
        private final String rule;

        public InvalidQuery(String field, String rule) {
            super(field + " " + rule);
            this.field = field;
            this.rule = rule;
        }

        public String field() {
            return field;
        }

        public String rule() {
            return rule;
        }
    }

    public static class UnknownCase extends RuntimeException {
        UnknownCase(UUID caseId) {
            super("No case " + caseId);
        }
    }
}
