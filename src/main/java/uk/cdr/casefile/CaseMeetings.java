package uk.cdr.casefile;

import static uk.cdr.casefile.CaseFiles.uk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads a case's rapid response and its meetings from the app's tables. Read with SQL here rather
 * than asked of uk.cdr.rapidresponse, which may come to depend on the case file: no cycle.
 */
@Service
public class CaseMeetings {

    private final JdbcClient jdbc;

    public CaseMeetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when no rapid response started: the death was expected, or is not yet classified. */
    public Optional<RapidResponseSummary> rapidResponse(UUID caseId) {
        return jdbc.sql("select * from rapid_response where case_id = ?").param(caseId)
                .query((rs, row) -> new RapidResponseSummary(uk(rs.getObject("started_at", OffsetDateTime.class)),
                        rs.getBoolean("started_out_of_hours"), rs.getString("participants"), rs.getString("agreed"),
                        rs.getString("home_visit"), rs.getString("siblings_safeguarding"),
                        rs.getString("referred_to_social_care"), rs.getObject("meeting_convened", Boolean.class),
                        rs.getString("recorded_by"), uk(rs.getObject("recorded_at", OffsetDateTime.class))))
                .optional();
    }

    /** Every meeting of the case, of whatever kind, in date order. */
    public List<CaseMeeting> meetings(UUID caseId) {
        Map<UUID, List<CaseMeeting.Attendee>> attendees = new LinkedHashMap<>();
        jdbc.sql("""
                select a.meeting_id, a.agency, a.name from meeting_attendee a join case_meeting m on m.id = a.meeting_id
                where m.case_id = ? order by a.agency, a.name""").param(caseId)
                .query(rs -> {
                    attendees.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new CaseMeeting.Attendee(rs.getString(2), rs.getString(3)));
                });
        return jdbc.sql("""
                select id, kind, scheduled_at, place, held, outcome_by from case_meeting
                where case_id = ? order by scheduled_at, id""").param(caseId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new CaseMeeting(id, rs.getString("kind"), uk(rs.getObject("scheduled_at", OffsetDateTime.class)),
                            rs.getString("place"), rs.getBoolean("held"), rs.getString("outcome_by"),
                            List.copyOf(attendees.getOrDefault(id, List.of())));
                }).list();
    }

    /** Empty until a rapid response has required one. */
    public java.util.Optional<FinalCaseDiscussionSummary> finalCaseDiscussion(java.util.UUID caseId) {
        return jdbc.sql("""
                select f.outcome, f.not_convened_reason, f.not_convened_detail, f.proceeded_without_results,
                       f.domain_child, f.domain_family, f.domain_parenting, f.domain_services, f.proposed_category,
                       f.proposed_modifiable, f.learning_points, p.required, p.final_results_on, p.inquest_opened_on,
                       p.inquest_concluded_on, c.final_case_discussion_done_at
                from final_case_discussion f join case_file c on c.id = f.case_id
                left join post_mortem p on p.case_id = f.case_id
                where f.case_id = ?""")
                .param(caseId)
                .query((rs, row) -> new FinalCaseDiscussionSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        (Integer) rs.getObject(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getObject(13, java.time.LocalDate.class), rs.getObject(14, java.time.LocalDate.class),
                        rs.getObject(15, java.time.LocalDate.class),
                        CaseFiles.uk(rs.getObject(16, java.time.OffsetDateTime.class))))
                .optional();
    }
}
