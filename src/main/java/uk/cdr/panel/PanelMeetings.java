package uk.cdr.panel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.area.Area;
import uk.cdr.area.Areas;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;
import uk.cdr.web.PlainText;
import uk.cdr.reportingyears.YearChanges;

/**
 * CDOP panel meetings: routine meetings and special neonatal panels, and the ready cases the SPOC
 * or chair assigns to them. Each meeting has a process that sends the panel its agenda.
 */
@Service
public class PanelMeetings {

    /** How far ahead a meeting may be set. */
    static final int MAX_YEARS_AHEAD = 5;

    public static final String PROCESS_KEY = "cdopPanelMeeting";
    public static final String REVIEW_PROCESS_KEY = "cdopReview";
    /** The same review of a 2018 case, with the analysis form's name (cdop-review-2018.bpmn). */
    public static final String REVIEW_PROCESS_KEY_2018 = "cdopReview2018";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    public enum Kind {
        ROUTINE("Routine panel meeting"), NEONATAL("Special neonatal panel");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A meeting; its area, where it is held for one area's cases only (none: the whole CDOP's). */
    public record Meeting(UUID id, LocalDate heldOn, Kind kind, String place, Area area) {
    }

    private final JdbcClient jdbc;
    private final YearChanges yearChanges;
    private final CdopQueue queue;
    private final RuntimeService runtimeService;
    private final AuditLog auditLog;
    private final Clock clock;
    private final CdopReviews reviews;
    private final CaseProcess caseProcess;
    private final String baseUrl;
    private final Areas areas;

    public PanelMeetings(JdbcClient jdbc, CdopQueue queue, RuntimeService runtimeService, AuditLog auditLog, Clock clock,
            CdopReviews reviews, CaseProcess caseProcess, @Value("${cdr.public-base-url}") String baseUrl,
            YearChanges yearChanges, Areas areas) {
        this.areas = areas;
        this.caseProcess = caseProcess;
        this.reviews = reviews;
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
        this.queue = queue;
        this.runtimeService = runtimeService;
        this.auditLog = auditLog;
        this.clock = clock;
        this.yearChanges = yearChanges;
    }

    /**
     * Another meeting is already set for that day: most likely a slip (the day of a meeting already
     * set), so the second one is set only when the person confirms it.
     */
    public static class AnotherMeetingThatDay extends RuntimeException {

        public static final String CONFIRMATION = "sameDayConfirmed";

        private final List<Meeting> others;

        AnotherMeetingThatDay(LocalDate day, List<Meeting> others) {
            super("A CDOP meeting is already set for " + MeetingCase.day(day) + ": "
                    + others.stream().map(m -> m.kind().words().toLowerCase(java.util.Locale.UK) + " at " + m.place())
                            .collect(java.util.stream.Collectors.joining("; "))
                    + ". Nothing was saved. To set a second meeting that day, confirm it (" + CONFIRMATION + ": true).");
            this.others = List.copyOf(others);
        }

        public List<Meeting> others() {
            return others;
        }
    }

    /** A meeting for the whole CDOP. */
    @Transactional
    public Meeting create(LocalDate heldOn, String kind, String place, String by, boolean secondThatDayConfirmed) {
        return create(heldOn, kind, place, null, by, secondThatDayConfirmed);
    }

    /**
     * @param area                   the area whose cases alone it reviews, as code or name; blank: the whole CDOP
     * @param secondThatDayConfirmed the person has been told of another meeting that day and sets this one anyway
     */
    @Transactional
    public Meeting create(LocalDate heldOn, String kind, String place, String area, String by,
            boolean secondThatDayConfirmed) {
        List<FieldError> errors = new ArrayList<>();
        Areas.Filter filter = areas.filter(area);
        Area forArea = filter.area();
        if (filter.rule() != null) {
            errors.add(new FieldError("area", filter.rule()));
        }
        if (heldOn == null) {
            errors.add(new FieldError("heldOn", "is required"));
        } else if (heldOn.isBefore(LocalDate.now(clock))) {
            errors.add(new FieldError("heldOn", "must not be in the past"));
        } else if (heldOn.isAfter(LocalDate.now(clock).plusYears(MAX_YEARS_AHEAD))) {
            // A date like +999999999-12-31 would overflow the engine's timer after the row was written.
            errors.add(new FieldError("heldOn", "must be within " + MAX_YEARS_AHEAD + " years"));
        }
        Kind parsed = null;
        try {
            parsed = kind == null ? null : Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (parsed == null) {
            errors.add(new FieldError("kind", "must be ROUTINE or NEONATAL"));
        }
        if (place == null || place.isBlank() || place.length() > 200) {
            errors.add(new FieldError("place", "is required, at most 200 characters"));
        } else if (!PlainText.isSingleLine(place)) {
            errors.add(new FieldError("place", PlainText.SINGLE_LINE_RULE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        if (!secondThatDayConfirmed) {
            List<Meeting> sameDay = jdbc.sql("select id, held_on, kind, place, area from panel_meeting where held_on = ? order by created_at")
                    .param(heldOn).query(this::meetingOf).list();
            if (!sameDay.isEmpty()) {
                throw new AnotherMeetingThatDay(heldOn, sameDay);
            }
        }
        Meeting meeting = new Meeting(UUID.randomUUID(), heldOn, parsed, place.trim(), forArea);
        jdbc.sql("insert into panel_meeting (id, held_on, kind, place, area, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(meeting.id(), heldOn, parsed.name(), meeting.place(), forArea == null ? null : forArea.code(), by,
                        OffsetDateTime.now(clock)).update();
        yearChanges.dayChanged(heldOn);
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, meeting.id().toString(), Map.of("meetingId",
                meeting.id().toString(), "heldOn", Date.from(heldOn.atStartOfDay(UK).toInstant())));
        auditLog.record(by, AuditAction.CASE_CHANGED, null, "CDOP " + parsed.name().toLowerCase() + " panel meeting set for "
                + heldOn + (forArea == null ? "" : ", for " + forArea.name() + "'s cases"));
        return meeting;
    }

    public List<Meeting> upcoming() {
        return jdbc.sql("select id, held_on, kind, place, area from panel_meeting where held_on >= ? order by held_on")
                .param(LocalDate.now(clock))
                .query(this::meetingOf)
                .list();
    }

    /** Only a case ready for review, to a meeting not yet past; a special neonatal panel takes neonatal deaths only. */
    @Transactional
    public void assign(UUID meetingId, UUID caseId, String by) {
        takeTurn(meetingId);
        Meeting meeting = meeting(meetingId).orElseThrow(() -> new CdopQueue.UnknownCase(meetingId));
        QueuedCase queued = queue.queued(caseId).orElseThrow(() -> new CdopQueue.UnknownCase(caseId));
        List<FieldError> errors = new ArrayList<>();
        if (meeting.heldOn().isBefore(LocalDate.now(clock))) {
            errors.add(new FieldError("meetingId", "the meeting is in the past"));
        }
        if (!queued.state().assignable()) {
            errors.add(new FieldError("caseId", "is not ready for review: " + queued.waitingFor()));
        }
        if (meeting.kind() == Kind.NEONATAL && !queued.neonatal()) {
            errors.add(new FieldError("caseId", "a special neonatal panel reviews neonatal deaths only"));
        } else if (meeting.kind() == Kind.NEONATAL && queued.state() == QueueState.REVIEWED_BY_NEONATAL_PANEL) {
            errors.add(new FieldError("caseId", "has been reviewed by the neonatal panel: assign it to a routine CDOP "
                    + "meeting, which completes the review"));
        }
        if (meeting.area() != null && !meeting.area().code().equals(queued.area().code())) {
            errors.add(new FieldError("caseId", "is of " + queued.area().name() + ": this meeting reviews "
                    + meeting.area().name() + "'s cases only"));
        }
        if (errors.isEmpty() && !caseProcess.waitsFor(queued.caseReference(), CaseProcess.ASSIGNED_TO_MEETING)) {
            errors.add(new FieldError("caseId", "is not waiting for a meeting: " + queued.waitingFor()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        jdbc.sql("insert into panel_assignment (case_id, meeting_id, assigned_by, assigned_at) values (?, ?, ?, ?)")
                .params(caseId, meetingId, by, OffsetDateTime.now(clock)).update();
        reviews.open(caseId, meetingId);
        // The case's process starts the review (cdopReview), which links itself to the row just opened.
        caseProcess.tell(queued.caseReference(), CaseProcess.ASSIGNED_TO_MEETING, Map.of(
                "meetingId", meetingId.toString(), "meetingDate", meeting.heldOn().toString(),
                "meetingPage", baseUrl + "/cdop/meetings/" + meetingId,
                "heldOn", Date.from(meeting.heldOn().atStartOfDay(UK).toInstant())));
        auditLog.record(by, AuditAction.CASE_CHANGED, queued.caseReference(), "assigned to the CDOP meeting of " + meeting.heldOn());
        // The meeting's process sends the agenda with this case (again, marked updated, if it went out already);
        // before the agenda is due nothing waits for the message, and the agenda will list the case anyway.
        runtimeService.createMessageCorrelation(AGENDA_CHANGED).processInstanceBusinessKey(meetingId.toString())
                .correlateAll();
    }

    /**
     * One change to a meeting's agenda at a time, until its transaction ends: an assignment tells the
     * meeting's process its agenda changed, and the process then sends the agenda (a job). Two
     * assignments at once, or one while the agenda job moved the process on, met in the engine: a
     * message correlated to an execution the other had just replaced (a conflict, or a null pointer
     * inside the engine), which the SPOC saw as a 409 or a 500.
     */
    void takeTurn(UUID meetingId) {
        jdbc.sql("select id from panel_meeting where id = ? for update").param(meetingId).query(UUID.class).optional();
    }

    /** cdop-panel-meeting.bpmn: the meeting's list of cases changed. */
    static final String AGENDA_CHANGED = "PanelAgendaChanged";

    /** The agenda: the meeting's cases, anonymised. */
    public List<QueuedCase> agenda(UUID meetingId) {
        return queue.cases(new CdopQueue.Filter(null, null, "reference", meetingId));
    }

    /** A meeting as the list of meetings shows it: with how many cases it has had on its agenda. */
    public record Listed(Meeting meeting, int cases) {
    }

    /** Meetings still to come, soonest first. */
    public List<Listed> upcomingWithCaseCounts() {
        return upcomingWithCaseCounts(null);
    }

    /** The same, of one area: the meetings that take its cases (its own and the whole CDOP's), counting its cases only. */
    public List<Listed> upcomingWithCaseCounts(Area area) {
        return listed(area, "m.held_on >= ?", " order by m.held_on", LocalDate.now(clock));
    }

    /**
     * Meetings held in the past year, latest first: the chair ratifies and the panel follows up
     * recommendations after the meeting's day, so those pages stay within reach.
     */
    public List<Listed> recent() {
        return recent(null);
    }

    public List<Listed> recent(Area area) {
        LocalDate today = LocalDate.now(clock);
        return listed(area, "m.held_on < ? and m.held_on >= ?", " order by m.held_on desc", today, today.minusYears(1));
    }

    private List<Listed> listed(Area area, String condition, String order, Object... given) {
        List<Object> params = new ArrayList<>();
        String ofArea = "";
        if (area != null) {
            ofArea = " and c.area = ?";
            params.add(area.code());
        }
        params.addAll(List.of(given));
        String meetingsOfArea = "";
        if (area != null) {
            meetingsOfArea = " and (m.area = ? or m.area is null)";
            params.add(area.code());
        }
        return jdbc.sql("""
                select m.id, m.held_on, m.kind, m.place, m.area,
                       (select count(distinct r.case_id) from cdop_review r join case_file c on c.id = r.case_id
                        where r.meeting_id = m.id""" + ofArea + ")"
                + " from panel_meeting m where " + condition + meetingsOfArea + order)
                .params(params)
                .query((rs, row) -> new Listed(meetingOf(rs, row), rs.getInt(6)))
                .list();
    }

    public record AgendaEntry(UUID caseId, String caseReference) {
    }

    /**
     * Every case put to the meeting, by reference: unlike {@link #agenda}, also those whose review
     * there has ended (reviewed, deferred or closed), so the meeting page keeps its record.
     */
    public List<AgendaEntry> casesPutTo(UUID meetingId) {
        return jdbc.sql("""
                select distinct c.id, c.case_reference from cdop_review r join case_file c on c.id = r.case_id
                where r.meeting_id = ? order by c.case_reference""")
                .param(meetingId)
                .query((rs, row) -> new AgendaEntry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    /** Meetings that open cases are assigned to, soonest first: what the queue can be narrowed to. */
    public List<Meeting> withOpenCases() {
        return jdbc.sql("""
                select distinct m.id, m.held_on, m.kind, m.place, m.area from panel_meeting m
                join panel_assignment a on a.meeting_id = m.id join case_file c on c.id = a.case_id
                where c.status <> 'CLOSED' order by m.held_on""")
                .query(this::meetingOf)
                .list();
    }

    private Meeting meetingOf(ResultSet rs, int row) throws SQLException {
        return new Meeting(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), Kind.valueOf(rs.getString(3)),
                rs.getString(4), areas.of(rs.getString(5)));
    }

    public Optional<Meeting> meeting(UUID meetingId) {
        return jdbc.sql("select id, held_on, kind, place, area from panel_meeting where id = ?").param(meetingId)
                .query(this::meetingOf)
                .optional();
    }
}
