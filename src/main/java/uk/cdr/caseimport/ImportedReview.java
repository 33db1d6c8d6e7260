package uk.cdr.caseimport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A closed case's CDOP review as PanelMeetings and CdopReviews record a live one: the panel
 * meeting (one per day and kind, shared by the cases it reviewed), the assignment, the review
 * reviewed and ratified, the Form C, and the case closed with the meeting's date (written with
 * the case file, see {@link #closedAt}).
 */
@Component
class ImportedReview {

    static final String PANEL_MEETING = """
            insert into panel_meeting (id, held_on, kind, place, created_by, created_at)
            values (?, ?, ?, ?, ?, ?)""";
    static final String ASSIGNMENT = """
            insert into panel_assignment (case_id, meeting_id, assigned_by, assigned_at) values (?, ?, ?, ?)""";
    static final String REVIEW = """
            insert into cdop_review (id, case_id, meeting_id, outcome, decided_by, decided_at, ratified_by, ratified_at)
            values (?, ?, ?, 'REVIEWED', ?, ?, ?, ?)""";
    static final String FORM_C = """
            insert into form_c (case_id, domain_child, domain_family, domain_parenting, domain_services, category,
                modifiable, scr_considered, version, saved_by, saved_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""";
    static final List<String> STATEMENTS = List.of(PANEL_MEETING, ASSIGNMENT, REVIEW, FORM_C);

    private record Meeting(LocalDate heldOn, String kind) {
    }

    private final JdbcClient jdbc;

    ImportedReview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param cases by the id of their case file, which is in the batch before these rows; open ones are skipped */
    void add(ImportBatch batch, Map<UUID, ImportedCase> cases, String by, OffsetDateTime now) {
        Map<Meeting, UUID> meetings = existingMeetings(cases.values());
        cases.forEach((caseId, c) -> {
            if (!c.closed()) {
                return;
            }
            ImportedCase.Review review = c.review();
            OffsetDateTime at = closedAt(c);
            UUID meetingId = meetings.computeIfAbsent(meetingOf(review), m -> newMeeting(batch, m, by, now));
            batch.add(ASSIGNMENT, caseId, meetingId, by, at);
            batch.add(REVIEW, UUID.randomUUID(), caseId, meetingId, by, at, by, at);
            batch.add(FORM_C, caseId, review.domainChild(), review.domainFamily(), review.domainParenting(),
                    review.domainServices(), review.category(), review.modifiable(), review.scrConsidered(), by, at);
        });
    }

    /** Closed on the day the panel completed the review; null for an open case. */
    static OffsetDateTime closedAt(ImportedCase c) {
        return c.closed() ? Dates.noon(c.review().completedOn()) : null;
    }

    /**
     * The meetings of the file's review days and kinds the app has already (an earlier case, or a
     * live meeting), the earliest created of each: fetched once per file, not once per case. Only the
     * whole CDOP's: a meeting held for one area's cases takes no other area's (PanelMeetings.assign).
     */
    private Map<Meeting, UUID> existingMeetings(Collection<ImportedCase> cases) {
        Set<LocalDate> days = cases.stream().filter(ImportedCase::closed).map(c -> c.review().completedOn())
                .collect(Collectors.toSet());
        Map<Meeting, UUID> meetings = new HashMap<>();
        for (List<LocalDate> chunk : InChunks.of(days)) {
            jdbc.sql("select id, held_on, kind from panel_meeting where held_on in (:days) and area is null order by created_at")
                    .param("days", chunk)
                    .query((rs, row) -> Map.entry(new Meeting(rs.getObject(2, LocalDate.class), rs.getString(3)),
                            rs.getObject(1, UUID.class)))
                    .list().forEach(m -> meetings.putIfAbsent(m.getKey(), m.getValue()));
        }
        return meetings;
    }

    private static Meeting meetingOf(ImportedCase.Review review) {
        return new Meeting(review.completedOn(), review.meetingType().toUpperCase(Locale.ROOT));
    }

    private static UUID newMeeting(ImportBatch batch, Meeting meeting, String by, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        batch.add(PANEL_MEETING, id, meeting.heldOn(), meeting.kind(), ImportedCaseWriter.PLACE, by, now);
        return id;
    }
}
