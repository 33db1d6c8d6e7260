package uk.cdr.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import uk.cdr.casefile.ReportingYear;

/**
 * Writes generated cases straight into the app's tables with batched JDBC, as the live services
 * and the case import (uk.cdr.caseimport) record them: case file, notification, rapid response
 * and its meeting, final case discussion, Form B requests, CDOP panel meeting, assignment,
 * review (ratified), Form C, audit log. No engine process is started: the queue and the
 * statistics read only the app's tables.
 */
final class NationalData implements AutoCloseable {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String BY = "bench";
    private static final int COMMIT_EVERY = 500;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    private final Map<String, UUID> panelMeetings = new HashMap<>();
    private final Map<String, Integer> sequences = new HashMap<>();
    private final OffsetDateTime now = OffsetDateTime.now(UK);
    private int pending;
    long rows;

    NationalData(DataSource dataSource) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        prepare("case_file", """
                insert into case_file (id, case_reference, reporting_year, sequence_in_year, date_of_death, notified_at,
                    status, created_at, updated_at, child_first_name, child_last_name, date_of_birth, nhs_number, sex,
                    ethnicity, place_of_death, age_at_death_days, neonatal, out_of_hours, notified_expected,
                    death_classification, classified_by, classified_at, final_case_discussion_done_at,
                    form_b_proceed_reason, form_b_proceed_by, form_b_proceed_at, review_completed_on, closed_at, area)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'north')""");
        prepare("notification", """
                insert into notification (id, case_id, received_at, received_by, notifier_name, notifier_role,
                    notifier_organisation, notifier_email, child_first_name, child_last_name, date_of_birth, sex,
                    nhs_number, ethnicity, date_of_death, place_of_death, notified_expected, circumstances,
                    post_mortem_required, coroner_informed, status)
                values (?, ?, ?, 'spoc', ?, 'Consultant paediatrician', ?, 'notifier@nhs.example', ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, 'Generated for the national-scale benchmark', 'not-known', 'not-known', 'RECORDED')""");
        prepare("rapid_response", """
                insert into rapid_response (case_id, started_at, started_out_of_hours, meeting_convened, recorded_by, recorded_at)
                values (?, ?, ?, ?, 'spoc', ?)""");
        prepare("case_meeting", """
                insert into case_meeting (id, case_id, kind, scheduled_at, place, invitees, scheduled_by, held, outcome_by,
                    outcome_at)
                values (?, ?, 'RAPID_RESPONSE', ?, 'Children''s hospital', 'police; social care; GP', 'spoc', true, 'spoc', ?)""");
        prepare("final_case_discussion", """
                insert into final_case_discussion (case_id, started_at, outcome, not_convened_reason, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""");
        prepare("agency_report_request", """
                insert into agency_report_request (id, case_id, agency, contact_email, status, requested_at, requested_by,
                    due_at, returned_at)
                values (?, ?, ?, 'agency@example.org', ?, ?, 'spoc', ?, ?)""");
        prepare("panel_meeting", """
                insert into panel_meeting (id, held_on, kind, place, created_by, created_at) values (?, ?, ?, 'Town hall', 'spoc', ?)""");
        prepare("panel_assignment", "insert into panel_assignment (case_id, meeting_id, assigned_by, assigned_at) values (?, ?, 'spoc', ?)");
        prepare("cdop_review", """
                insert into cdop_review (id, case_id, meeting_id, outcome, decided_by, decided_at, ratified_by, ratified_at)
                values (?, ?, ?, 'REVIEWED', 'panel', ?, 'chair', ?)""");
        prepare("form_c", """
                insert into form_c (case_id, domain_child, domain_family, domain_parenting, domain_services, category,
                    modifiable, scr_considered, version, saved_by, saved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 1, 'panel', ?)""");
        prepare("audit_log", """
                insert into audit_log (occurred_at, actor, action, case_reference, detail) values (?, 'spoc', 'CASE_CREATED', ?, ?)""");
    }

    private void prepare(String table, String sql) throws SQLException {
        statements.put(table, connection.prepareStatement(sql));
    }

    void write(CaseGenerator.Generated c) throws SQLException {
        UUID caseId = UUID.randomUUID();
        String year = ReportingYear.of(c.dateOfDeath());
        int sequence = sequences.merge(year, 1, Integer::sum);
        String reference = year + "/" + String.format("%03d", sequence);
        OffsetDateTime notifiedAt = at(c.notifiedOn(), 9 + c.index() % 9);
        OffsetDateTime reviewedAt = c.closed() ? at(c.reviewCompletedOn(), 11) : null;
        OffsetDateTime ratifiedAt = c.closed() ? at(c.reviewCompletedOn().plusDays(7), 10) : null;

        add("case_file", caseId, reference, year, sequence, c.dateOfDeath(), notifiedAt,
                c.closed() ? "CLOSED" : c.classification() == null ? "NOTIFIED" : "CLASSIFIED", notifiedAt,
                c.closed() ? ratifiedAt : notifiedAt, c.firstName(), c.lastName(), c.dateOfBirth(), c.nhsNumber(), c.sex(),
                c.ethnicity(), c.placeOfDeath(), c.ageDays(), c.neonatal(), c.index() % 5 == 0,
                c.classification() == null ? "not-sure" : c.classification(), c.classification(),
                c.classification() == null ? null : "doctor",
                c.classification() == null ? null : notifiedAt.plusHours(20),
                c.finalCaseDiscussionOn() == null ? null : at(c.finalCaseDiscussionOn(), 15), c.formBProceedReason(),
                c.formBProceedReason() == null ? null : "spoc",
                c.formBProceedReason() == null ? null : at(c.formBReturnedOn().plusDays(30), 10),
                c.reviewCompletedOn(), ratifiedAt);
        add("notification", UUID.randomUUID(), caseId, notifiedAt, "Dr Notifier " + c.index() % 97,
                "NHS Trust " + c.index() % 23, c.firstName(), c.lastName(), c.dateOfBirth(), c.sex(), c.nhsNumber(),
                c.ethnicity(), c.dateOfDeath(), c.placeOfDeath(),
                c.classification() == null ? "not-sure" : c.classification());
        add("audit_log", notifiedAt, reference, "generated");
        if (c.rapidResponse()) {
            add("rapid_response", caseId, notifiedAt.plusHours(2), c.index() % 5 == 0, c.rapidResponseMeetingOn() != null,
                    notifiedAt.plusHours(3));
            if (c.rapidResponseMeetingOn() != null) {
                OffsetDateTime meetingAt = at(c.rapidResponseMeetingOn(), 14);
                add("case_meeting", UUID.randomUUID(), caseId, meetingAt, meetingAt);
            }
            String outcome = switch (c.finalCaseDiscussion()) {
                case "held" -> "HELD";
                case "not-convened" -> "NOT_CONVENED";
                default -> null;
            };
            OffsetDateTime recordedAt = c.finalCaseDiscussionOn() == null ? null : at(c.finalCaseDiscussionOn(), 15);
            add("final_case_discussion", caseId, notifiedAt.plusHours(2), outcome, c.finalCaseDiscussionReason(),
                    outcome == null ? null : "spoc", recordedAt);
        }
        for (int i = 1; i <= c.formBRequested(); i++) {
            OffsetDateTime requestedAt = at(c.formBRequestedOn(), 10);
            boolean returned = i <= c.formBReturned();
            add("agency_report_request", UUID.randomUUID(), caseId, AGENCIES[(c.index() + i) % AGENCIES.length] + " " + i,
                    returned ? "RETURNED" : "SENT", requestedAt, requestedAt.plusDays(21),
                    returned ? at(c.formBReturnedOn(), 16) : null);
        }
        if (c.closed()) {
            UUID meetingId = panelMeeting(c.reviewCompletedOn(), c.meetingType().toUpperCase());
            add("panel_assignment", caseId, meetingId, reviewedAt.minusDays(14));
            add("cdop_review", UUID.randomUUID(), caseId, meetingId, reviewedAt, ratifiedAt);
            String[] d = c.domains();
            add("form_c", caseId, d[0], d[1], d[2], d[3], c.category(), c.modifiable(), c.scrConsidered(), reviewedAt);
        }
        if (++pending >= COMMIT_EVERY) {
            flush();
        }
    }

    private static final String[] AGENCIES = { "GP surgery", "Health visiting", "Children's social care", "Police",
            "School", "Maternity unit", "Ambulance service", "Mental health service" };

    private UUID panelMeeting(LocalDate heldOn, String kind) throws SQLException {
        String key = heldOn + kind;
        UUID id = panelMeetings.get(key);
        if (id == null) {
            id = UUID.randomUUID();
            panelMeetings.put(key, id);
            add("panel_meeting", id, heldOn, kind, at(heldOn.minusDays(60), 9));
        }
        return id;
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(UK).toOffsetDateTime();
    }

    private void add(String table, Object... values) throws SQLException {
        PreparedStatement statement = statements.get(table);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof OffsetDateTime moment) {
                statement.setObject(i + 1, moment);
            } else if (value instanceof LocalDate day) {
                statement.setObject(i + 1, day);
            } else if (value instanceof Timestamp timestamp) {
                statement.setTimestamp(i + 1, timestamp);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        statement.addBatch();
        rows++;
    }

    /** Sends every batch (parents first: the statements were prepared in that order) and commits. */
    void flush() throws SQLException {
        PreparedStatement meetings = statements.get("panel_meeting");
        meetings.executeBatch();
        for (Map.Entry<String, PreparedStatement> entry : statements.entrySet()) {
            if (!entry.getKey().equals("panel_meeting")) {
                entry.getValue().executeBatch();
            }
        }
        connection.commit();
        pending = 0;
    }

    /**
     * perYear deaths in each reporting year from the one starting in firstYear to the one starting
     * in openYear, closed except those of openYear; then {@link #finish()}.
     *
     * @return the number of cases written
     */
    long writeYears(CaseGenerator generator, int firstYear, int openYear, int perYear) throws SQLException {
        long cases = 0;
        for (int year = firstYear; year <= openYear; year++) {
            for (int i = 0; i < perYear; i++) {
                write(generator.next(year, year < openYear));
                cases++;
            }
        }
        finish();
        return cases;
    }

    /** Every reference given counts as used, so a live case later gets the next number. */
    void finish() throws SQLException {
        flush();
        try (PreparedStatement counter = connection.prepareStatement(
                "insert into case_reference_sequence (reporting_year, last_sequence) values (?, ?)")) {
            for (Map.Entry<String, Integer> entry : sequences.entrySet()) {
                counter.setString(1, entry.getKey());
                counter.setInt(2, entry.getValue());
                counter.addBatch();
            }
            counter.executeBatch();
        }
        try (var analyze = connection.createStatement()) {
            analyze.execute("analyze");
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        connection.close();
    }

    OffsetDateTime now() {
        return now;
    }
}
