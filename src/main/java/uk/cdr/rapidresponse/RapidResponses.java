package uk.cdr.rapidresponse;

import static uk.cdr.rapidresponse.RapidResponseVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;
import uk.cdr.web.UkDates;
import uk.cdr.reportingyears.YearChanges;

/**
 * The Designated Doctor's rapid response: started once per unexpected death, the initial
 * information sharing, the rapid response meeting and what it decided. Each step validates the
 * doctor's answers and keeps them in the app's tables.
 */
@Service
public class RapidResponses {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int LONG_TEXT = 4000;

    private final JdbcClient jdbc;
    private final YearChanges yearChanges;
    private final AuditLog auditLog;
    private final Clock clock;

    public RapidResponses(JdbcClient jdbc,
            AuditLog auditLog, Clock clock, YearChanges yearChanges) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.yearChanges = yearChanges;
    }

    /**
     * The case's rapid response has begun (its process, called by the case's, is starting): its record
     * opens, once, however often the stage is entered.
     */
    @Transactional
    public void open(UUID caseId, String caseReference) {
        int opened = jdbc.sql("""
                insert into rapid_response (case_id, started_at, started_out_of_hours)
                select ?, ?, false where not exists (select 1 from rapid_response where case_id = ?)""")
                .params(caseId, OffsetDateTime.now(clock), caseId).update();
        yearChanges.caseChanged(caseId);
        if (opened > 0) {
            auditLog.record("system", AuditAction.CASE_CHANGED, caseReference, "rapid response started");
        }
    }

    public record InitialSharing(String participants, String agreed, String homeVisit, String siblingsSafeguarding,
            String referredToSocialCare, Boolean conveneMeeting, Boolean startedEarlier, LocalDate startedEarlierOn) {
    }

    @Transactional
    public void recordInitialSharing(UUID caseId, String caseReference, InitialSharing answers, String by) {
        List<FieldError> errors = new ArrayList<>();
        requiredText(errors, "participants", answers.participants(), 2000);
        requiredText(errors, "agreed", answers.agreed(), LONG_TEXT);
        code(errors, "homeVisit", answers.homeVisit(), List.of("yes", "no", "not-applicable"));
        optionalText(errors, "siblingsSafeguarding", answers.siblingsSafeguarding(), LONG_TEXT);
        code(errors, "referredToSocialCare", answers.referredToSocialCare(), List.of("yes", "no", "already-known"));
        if (answers.conveneMeeting() == null) {
            errors.add(new FieldError("conveneMeeting", "is required"));
        }
        LocalDate today = LocalDate.now(clock);
        if (Boolean.TRUE.equals(answers.startedEarlier())) {
            if (answers.startedEarlierOn() == null) {
                errors.add(new FieldError("startedEarlierOn", "is required when the rapid response started out of hours"));
            } else if (answers.startedEarlierOn().isAfter(today)) {
                errors.add(new FieldError("startedEarlierOn", "must not be in the future"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean earlier = Boolean.TRUE.equals(answers.startedEarlier());
        jdbc.sql("""
                update rapid_response set participants = ?, agreed = ?, home_visit = ?, siblings_safeguarding = ?,
                    referred_to_social_care = ?, meeting_convened = ?, recorded_by = ?, recorded_at = ?,
                    started_out_of_hours = ?, started_at = coalesce(?, started_at)
                where case_id = ?""")
                .params(answers.participants().trim(), answers.agreed().trim(), answers.homeVisit(),
                        blankToNull(answers.siblingsSafeguarding()), answers.referredToSocialCare(),
                        answers.conveneMeeting(), by, now, earlier,
                        earlier ? answers.startedEarlierOn().atStartOfDay(UK).toOffsetDateTime() : null, caseId)
                .update();
        yearChanges.caseChanged(caseId);
        auditLog.record(by, AuditAction.CASE_CHANGED, caseReference, "initial information sharing recorded"
                + (earlier ? " (started out of hours on " + answers.startedEarlierOn() + ")" : ""));
    }

    public record MeetingPlan(LocalDate date, LocalTime time, String place, String invitees) {
    }

    /** @return the meeting's id and its date and time */
    @Transactional
    public Scheduled scheduleMeeting(UUID caseId, String caseReference, MeetingPlan plan, String by) {
        return scheduleMeeting(caseId, caseReference, MeetingKind.RAPID_RESPONSE, plan, by);
    }

    /** Meetings of either stage: the rapid response meeting and the final case discussion share the rules. */
    @Transactional
    public Scheduled scheduleMeeting(UUID caseId, String caseReference, MeetingKind kind, MeetingPlan plan, String by) {
        List<FieldError> errors = new ArrayList<>();
        if (plan.date() == null) {
            errors.add(new FieldError("meetingDate", "is required"));
        }
        if (plan.time() == null) {
            errors.add(new FieldError("meetingTime", "is required"));
        }
        LocalDateTime at = plan.date() == null || plan.time() == null ? null : plan.date().atTime(plan.time());
        if (at != null && at.atZone(UK).toInstant().isBefore(clock.instant())) {
            errors.add(new FieldError("meetingDate", "must not be in the past"));
        }
        requiredText(errors, "meetingPlace", plan.place(), 200);
        List<String> invitees = lines(plan.invitees());
        if (invitees.isEmpty()) {
            errors.add(new FieldError("invitees", "is required: one email address per line"));
        }
        for (String invitee : invitees) {
            if (!EMAIL.matcher(invitee).matches() || invitee.length() > 200) {
                errors.add(new FieldError("invitees", "'" + invitee + "' is not an email address"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        UUID meetingId = UUID.randomUUID();
        jdbc.sql("""
                insert into case_meeting (id, case_id, kind, scheduled_at, place, invitees, scheduled_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingId, caseId, kind.name(), at.atZone(UK).toOffsetDateTime(), plan.place().trim(),
                        String.join("\n", invitees), by)
                .update();
        yearChanges.caseChanged(caseId);
        auditLog.record(by, AuditAction.CASE_CHANGED, caseReference, kind.words() + " scheduled for " + at);
        return new Scheduled(meetingId, Date.from(at.atZone(UK).toInstant()));
    }

    /**
     * The case's meeting of this kind: a case has one rapid response and one final case discussion,
     * each with at most one meeting, so the process that scheduled it needs no meeting id of its own.
     */
    public UUID meetingOf(UUID caseId, MeetingKind kind) {
        return jdbc.sql("select id from case_meeting where case_id = ? and kind = ? order by scheduled_at desc")
                .params(caseId, kind.name()).query(UUID.class).list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + kind + " meeting scheduled for case " + caseId));
    }

    public record Scheduled(UUID meetingId, Date at) {
    }


    /**
     * A meeting's outcome is what happened at it: it cannot be recorded before the meeting's day
     * (UK time), however the completion comes in (Tasklist, /engine-rest, our pages).
     */
    public void refuseBeforeTheMeetingDay(UUID meetingId, List<FieldError> errors) {
        OffsetDateTime at = jdbc.sql("select scheduled_at from case_meeting where id = ?").param(meetingId)
                .query(OffsetDateTime.class).single();
        LocalDate meetingDay = at.atZoneSameInstant(UK).toLocalDate();
        if (LocalDate.now(clock.withZone(UK)).isBefore(meetingDay)) {
            errors.add(new FieldError("outcome", outcomeFromTheMeetingDay(meetingDay)));
        }
    }

    /**
     * The rule an outcome recorded too early breaks, naming the day, as a whole sentence: the form
     * that records a meeting has no field called "outcome" whose label could start it.
     */
    public static String outcomeFromTheMeetingDay(LocalDate meetingDay) {
        return "The meeting's outcome can be recorded from " + UkDates.inWords(meetingDay) + ", the day of the meeting";
    }

    /**
     * An action's due date as typed: day first (3/4/2027 is 3 April, never 4 March), or yyyy-mm-dd;
     * null when it is neither or not a real date.
     */
    static LocalDate dueDate(String typed) {
        String text = typed.trim();
        try {
            java.util.regex.Matcher dayFirst = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})").matcher(text);
            if (dayFirst.matches()) {
                return LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                        Integer.parseInt(dayFirst.group(1)));
            }
            return text.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(text) : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    public record MeetingOutcome(String attendees, String actions, Boolean scrCriteriaMayBeMet) {
    }

    /**
     * Attendees one per line as "agency: name"; actions one per line as
     * "what; owner agency; due date", the date day first (30/11/2026; yyyy-mm-dd from API clients).
     */
    @Transactional
    public void recordMeetingOutcome(UUID caseId, String caseReference, UUID meetingId, MeetingOutcome outcome, String by) {
        List<FieldError> errors = new ArrayList<>();
        refuseBeforeTheMeetingDay(meetingId, errors);
        List<String> attendees = attendees(outcome.attendees(), errors);
        List<String[]> actions = new ArrayList<>();
        List<String> actionLines = lines(outcome.actions());
        for (int i = 0; i < actionLines.size(); i++) {
            String[] parts = actionLines.get(i).split(";", -1);
            String field = "actions[" + (i + 1) + "]";
            if (parts.length < 3 || parts[0].isBlank()) {
                errors.add(new FieldError(field, "must be: what; owner agency; due date, for example: Share records; Police; 30/11/2026"));
                continue;
            }
            if (parts[1].isBlank()) {
                errors.add(new FieldError(field, "needs an owner agency"));
            }
            if (dueDate(parts[2]) == null) {
                errors.add(new FieldError(field, "needs a due date, day first, for example 30/11/2026"));
            }
            if (parts[0].trim().length() > 1000) {
                errors.add(new FieldError(field, "must be at most 1000 characters"));
            }
            actions.add(parts);
        }
        if (outcome.scrCriteriaMayBeMet() == null) {
            errors.add(new FieldError("scrCriteriaMayBeMet", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        saveAttendees(meetingId, attendees);
        for (String[] action : actions) {
            jdbc.sql("""
                    insert into case_action (id, case_id, meeting_id, description, owner_agency, due_date)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), caseId, meetingId, action[0].trim(), clip(action[1].trim(), 200),
                            dueDate(action[2]))
                    .update();
        }
        markHeld(meetingId, by);
        if (outcome.scrCriteriaMayBeMet()) {
            jdbc.sql("update case_file set scr_under_consideration = true, updated_at = ? where id = ?")
                    .params(now, caseId).update();
            yearChanges.caseChanged(caseId);
        }
        auditLog.record(by, AuditAction.CASE_CHANGED, caseReference, "rapid response meeting outcome recorded: "
                + attendees.size() + " attendees, " + actions.size() + " actions"
                + (outcome.scrCriteriaMayBeMet() ? ", SCR under consideration" : ""));
    }

    /** Attendees one per line as "agency: name"; at least one is required. */
    public static List<String> attendees(String text, List<FieldError> errors) {
        List<String> attendees = lines(text);
        if (attendees.isEmpty()) {
            errors.add(new FieldError("attendees", "is required: one attendee per line, as agency: name"));
        }
        for (String attendee : attendees) {
            if (attendee.length() > 400) {
                errors.add(new FieldError("attendees", "must be at most 400 characters a line"));
            }
        }
        return attendees;
    }

    public void saveAttendees(UUID meetingId, List<String> attendees) {
        for (String attendee : attendees) {
            int colon = attendee.indexOf(':');
            String agency = colon < 0 ? attendee : attendee.substring(0, colon);
            String name = colon < 0 ? null : attendee.substring(colon + 1).trim();
            jdbc.sql("insert into meeting_attendee (id, meeting_id, agency, name) values (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), meetingId, clip(agency.trim(), 200), name == null || name.isBlank() ? null : clip(name, 200))
                    .update();
        }
    }

    public void markHeld(UUID meetingId, String by) {
        jdbc.sql("update case_meeting set held = true, outcome_by = ?, outcome_at = ? where id = ?")
                .params(by, OffsetDateTime.now(clock), meetingId).update();
        jdbc.sql("select case_id from case_meeting where id = ?").param(meetingId).query(UUID.class).optional()
                .ifPresent(yearChanges::caseChanged);
    }

    public static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    private static void requiredText(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            optionalText(errors, field, value, max);
        }
    }

    private static void optionalText(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void code(List<FieldError> errors, String field, String value, List<String> codes) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!codes.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", codes)));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
