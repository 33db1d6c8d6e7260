package uk.cdr.caseimport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A closed case's CDOP review as PanelMeetings and CdopReviews record a live one: the panel
 * meeting (one per day and kind, shared by the cases it reviewed), the assignment, the review
 * reviewed and ratified, the Form C, and the case closed with the meeting's date.
 */
@Component
class ImportedReview {

    private final JdbcClient jdbc;

    ImportedReview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(UUID caseId, ImportedCase c, String by, OffsetDateTime now) {
        ImportedCase.Review review = c.review();
        OffsetDateTime at = Dates.noon(review.completedOn());
        UUID meetingId = meeting(review.completedOn(), review.meetingType().toUpperCase(Locale.ROOT), by, now);
        jdbc.sql("insert into panel_assignment (case_id, meeting_id, assigned_by, assigned_at) values (?, ?, ?, ?)")
                .params(caseId, meetingId, by, at).update();
        jdbc.sql("""
                insert into cdop_review (id, case_id, meeting_id, outcome, decided_by, decided_at, ratified_by, ratified_at)
                values (?, ?, ?, 'REVIEWED', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), caseId, meetingId, by, at, by, at).update();
        jdbc.sql("""
                insert into form_c (case_id, domain_child, domain_family, domain_parenting, domain_services, category,
                    modifiable, scr_considered, version, saved_by, saved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
                .params(caseId, review.domainChild(), review.domainFamily(), review.domainParenting(),
                        review.domainServices(), review.category(), review.modifiable(), review.scrConsidered(), by, at)
                .update();
        jdbc.sql("update case_file set status = 'CLOSED', review_completed_on = ?, closed_at = ? where id = ?")
                .params(review.completedOn(), at, caseId).update();
    }

    /** The meeting of that day and kind, if the app has it already (an earlier case, or a live meeting). */
    private UUID meeting(LocalDate heldOn, String kind, String by, OffsetDateTime now) {
        return jdbc.sql("select id from panel_meeting where held_on = ? and kind = ? order by created_at limit 1")
                .params(heldOn, kind).query(UUID.class).optional().orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql("""
                            insert into panel_meeting (id, held_on, kind, place, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?)""")
                            .params(id, heldOn, kind, ImportedCaseWriter.PLACE, by, now).update();
                    return id;
                });
    }
}
