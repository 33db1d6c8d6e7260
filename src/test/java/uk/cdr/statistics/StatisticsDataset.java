package uk.cdr.statistics;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.casefile.ReportingYear;

/**
 * About 40 deaths over three reporting years, 2009-10, 2010-11 and 2011-12, written straight into
 * the app's tables as the processes (or an import) would leave them. No other test has deaths,
 * meetings or requests in these years, so the shared database does not disturb the figures.
 * StatisticsDatasetTest works out every figure of 2010-11 (and 2009-10 beside it) by hand from
 * the comments here.
 */
final class StatisticsDataset {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String FIRST_CASE = "2009-10/901";

    private final JdbcClient jdbc;
    private final Map<LocalDate, UUID> panelMeetings = new HashMap<>();

    private StatisticsDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the dataset once per database; later calls find it there. */
    static synchronized void loadInto(JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from case_file where case_reference = ?").param(FIRST_CASE).query(Integer.class)
                .single() == 0) {
            new StatisticsDataset(jdbc).load();
            // Written straight into the tables, past the services that count each change: counted here,
            // so that no report of these years kept before the load outlives it.
            jdbc.sql("update statistics_generation set generation = generation + 1 where from_year = 2009").update();
        }
    }

    private void load() {
        // CDOP meetings. 2009-10: 4 routine, 1 neonatal. 2010-11: 4 routine (the last on 31 March), 2 neonatal.
        // 2011-12: 4 routine (the first on 1 April), 1 neonatal.
        routine(d("2009-06-15"), d("2009-09-14"), d("2009-12-14"), d("2010-03-15"));
        neonatal(d("2009-11-02"));
        routine(d("2010-06-14"), d("2010-09-13"), d("2010-12-13"), d("2011-03-31"));
        neonatal(d("2010-10-04"), d("2011-02-07"));
        routine(d("2011-04-01"), d("2011-07-11"), d("2011-10-10"), d("2012-01-09"));
        neonatal(d("2011-11-07"));

        deathsIn2009To10();
        deathsIn2010To11();
        deathsIn2011To12();
    }

    private void deathsIn2009To10() {
        // 901: first day of the year; 12 days old (neonatal).
        death("2009-10/901", "2009-03-20", "2009-04-01", "female", "white-british", "neonatal-unit", "expected")
                .reviewed("2009-11-02", "2009-11-05", 8, "no", false);
        death("2009-10/902", "2009-06-01", "2009-06-20", "male", "asian-pakistani", "neonatal-unit", "expected")
                .reviewed("2009-11-02", "2009-11-05", 7, "no", false);
        death("2009-10/903", "2008-05-10", "2009-07-15", "male", "white-british", "home", "unexpected")
                .rapidResponse(at("2009-07-15", "10:00")).rapidResponseMeeting("2009-07-20", true)
                .formB("2009-07-16", "RETURNED", at("2009-08-01", "15:00"), null, null)
                .formB("2009-07-16", "RETURNED", at("2009-08-20", "15:00"), null, null)
                .discussionHeld("2009-09-30", "2009-10-01")
                .reviewed("2009-12-14", "2009-12-18", 10, "insufficient-information", false);
        death("2009-10/904", "2000-02-02", "2009-08-20", "female", "black-african", "hospital-ward", "expected")
                .reviewed("2010-03-15", "2010-03-19", 4, "no", false);
        // 905: reviewed exactly 6 months after the death (band 6-12 months).
        death("2009-10/905", "1996-10-10", "2009-09-15", "male", "white-other", "public-place", "unexpected")
                .scrUnderConsideration()
                .rapidResponse(at("2009-09-15", "10:00")).rapidResponseMeeting("2009-09-21", true)
                .formB("2009-09-16", "RETURNED", at("2009-09-26", "15:00"), null, null)
                .discussionHeld("2009-11-20", "2009-11-21")
                .reviewed("2010-03-15", "2010-03-19", 3, "yes", true);
        // 906: reviewed in the year after the death.
        death("2009-10/906", "1993-03-03", "2009-10-10", "female", "mixed-other", "home", "unexpected")
                .rapidResponse(at("2009-10-10", "10:00"))
                .discussionNotConvened("logistical", "2010-01-15")
                .reviewed("2010-06-14", "2010-06-17", 2, "yes", false);
        death("2009-10/907", "2009-01-15", "2009-11-11", "male", "white-british", "hospital-emergency-department", "unexpected")
                .rapidResponse(at("2009-11-11", "10:00")).rapidResponseMeeting("2009-11-16", true)
                .discussionHeld("2010-02-10", "2010-02-11")
                .reviewed("2010-09-13", "2010-09-16", 9, "no", false);
        // 908: reviewed in 2009-10, reopened and reviewed again in 2010-11: counts once, in 2010-11, with its final Form C.
        death("2009-10/908", "2006-12-01", "2009-12-24", "female", "asian-indian", "hospital-ward", "expected")
                .reviewed("2010-03-15", "2010-03-19", 6, "no", false)
                .reopened("2010-05-10")
                .reviewed("2010-12-13", "2010-12-16", 5, "yes", false);
        death("2009-10/909", "2002-07-07", "2010-01-05", "male", "white-british", "hospice", "expected")
                .reviewed("2010-09-13", "2010-09-16", 6, "no", false);
        // 910: Form Bs: one returned after year end, one withdrawn, one extended past year end; deferred, never reviewed.
        death("2009-10/910", "2009-12-01", "2010-01-10", "female", "black-caribbean", "home", "unexpected")
                .rapidResponse(at("2010-01-10", "10:00")).rapidResponseMeeting("2010-01-14", true)
                .formB("2010-01-11", "RETURNED", at("2010-04-12", "15:00"), null, null)
                .formB("2010-01-11", "WITHDRAWN", null, at("2010-02-15", "12:00"), null)
                .formB("2010-03-01", "RETURNED", at("2010-04-02", "15:00"), null, d("2010-04-05"))
                .discussionHeld("2010-03-25", "2010-03-26")
                .deferred("2010-12-13");
        // 911: 14 on the day before the 15th birthday; rapid response late on 30 March, its meeting in April;
        // Form B asked for on the last afternoon of the year; reviewed 31 March 2011, ratified after year end.
        death("2009-10/911", "1995-03-31", "2010-03-30", "male", "not-known", "public-place", "unexpected")
                .scrUnderConsideration()
                .rapidResponse(at("2010-03-30", "22:00")).rapidResponseMeeting("2010-04-06", true)
                .formB(at("2010-03-31", "15:00"), "RETURNED", at("2010-04-15", "15:00"), null, null)
                .discussionNotConvened("family-wishes", "2010-07-01")
                .reviewed("2011-03-31", "2011-04-04", 3, "yes", true);
        // 912: last day of the year.
        death("2009-10/912", "2005-05-05", "2010-03-31", "female", "white-british", "home", "expected")
                .reviewed("2010-09-13", "2010-09-16", 7, "no", false);
    }

    private void deathsIn2010To11() {
        // 901: first day of the year; 31 days old.
        death("2010-11/901", "2010-03-01", "2010-04-01", "male", "white-british", "home", "unexpected")
                .rapidResponse(at("2010-04-01", "10:00")).rapidResponseMeeting("2010-04-06", true)
                .formB("2010-04-02", "RETURNED", at("2010-04-20", "15:00"), null, null)
                .discussionHeld("2010-06-30", "2010-07-01")
                .reviewed("2010-09-13", "2010-09-16", 10, "yes", false);
        // 902 and 903: twins, 27 days (neonatal) and 28 days (not).
        death("2010-11/902", "2010-04-20", "2010-05-17", "female", "asian-bangladeshi", "neonatal-unit", "expected")
                .reviewed("2010-10-04", "2010-10-07", 8, "no", false);
        death("2010-11/903", "2010-04-20", "2010-05-18", "male", "asian-bangladeshi", "intensive-care", "expected")
                .reviewed("2010-12-13", "2010-12-16", 7, "no", false);
        // 904: 364 days old; one Form B withdrawn after it fell due.
        death("2010-11/904", "2009-06-11", "2010-06-10", "female", "white-british", "home", "unexpected")
                .rapidResponse(at("2010-06-10", "10:00")).rapidResponseMeeting("2010-06-15", true)
                .formB("2010-06-11", "RETURNED", at("2010-06-25", "15:00"), null, null)
                .formB("2010-06-11", "WITHDRAWN", null, at("2010-07-10", "12:00"), null)
                .discussionHeld("2010-08-25", "2010-08-26")
                .reviewed("2010-12-13", "2010-12-16", 10, "insufficient-information", false);
        // 905: 365 days old, the first birthday: 1 year.
        death("2010-11/905", "2009-06-10", "2010-06-10", "male", "mixed-white-and-black-caribbean",
                "hospital-emergency-department", "unexpected")
                .rapidResponse(at("2010-06-10", "10:00"))
                .discussionNotConvened("logistical", "2010-09-01")
                .reviewed("2011-03-31", "2011-04-04", 5, "no", false);
        // 906: the day before the 5th birthday: 4.
        death("2010-11/906", "2005-09-01", "2010-08-31", "female", "white-irish", "hospital-ward", "expected")
                .reviewed("2011-07-11", "2011-07-14", 6, "no", false);
        // 907: on the 15th birthday.
        death("2010-11/907", "1995-05-05", "2010-05-05", "male", "black-african", "public-place", "unexpected")
                .scrUnderConsideration()
                .rapidResponse(at("2010-05-05", "10:00")).rapidResponseMeeting("2010-05-10", true)
                .formB("2010-05-06", "RETURNED", at("2010-06-01", "15:00"), null, null)
                .discussionHeld("2010-08-04", "2010-08-05")
                .reviewed("2010-12-13", "2010-12-16", 1, "yes", true);
        // 908: the day before the 18th birthday: 17. Two Form Bs overdue at year end (one returned in April).
        death("2010-11/908", "1993-01-20", "2011-01-19", "female", "white-british", "home", "unexpected")
                .rapidResponse(at("2011-01-19", "10:00")).rapidResponseMeeting("2011-01-24", true)
                .formB("2011-01-20", "OVERDUE", null, null, null)
                .formB("2011-01-20", "RETURNED", at("2011-04-05", "15:00"), null, null)
                .discussionHeld("2011-04-20", "2011-04-21");
        // 909: on the 7th birthday.
        death("2010-11/909", "2003-11-11", "2010-11-11", "male", "white-british", "hospital-ward", "expected")
                .reviewed("2011-10-10", "2011-10-13", 6, "no", false);
        // 910: reviewed one day before 6 months after the death.
        death("2010-11/910", "1999-12-12", "2010-10-01", "female", "asian-other", "hospice", "expected")
                .reviewed("2011-03-31", "2011-04-04", 4, "no", false);
        // 911: died on the day of birth.
        death("2010-11/911", "2010-12-01", "2010-12-01", "male", "white-british", "neonatal-unit", "expected")
                .reviewed("2011-02-07", "2011-02-10", 8, "no", false);
        // 912: final case discussion met on 30 March 2011, recorded on 2 April.
        death("2010-11/912", "2010-12-20", "2010-12-25", "female", "black-other", "hospital-ward", "unexpected")
                .rapidResponse(at("2010-12-25", "03:00")).rapidResponseMeeting("2010-12-30", true)
                .discussionHeld("2011-03-30", "2011-04-02")
                .reviewed("2011-11-07", "2011-11-10", 10, "insufficient-information", false);
        // 913: the doctor has not decided expected or unexpected.
        death("2010-11/913", "2008-02-14", "2011-02-14", "male", "white-british", "home", null);
        // 914: last day of the year, 26 days old; a Form B asked for that morning.
        death("2010-11/914", "2011-03-05", "2011-03-31", "female", "white-british", "neonatal-unit", "expected")
                .formB(at("2011-03-31", "10:00"), "SENT", null, null, null)
                .reviewed("2011-11-07", "2011-11-10", 8, "no", false);
        // 915: reviewed in 2010-11, reopened in 2011-12 and not yet reviewed again.
        death("2010-11/915", "2001-06-30", "2010-07-15", "female", "other-arab", "abroad", "expected")
                .reviewed("2010-12-13", "2010-12-16", 9, "no", false)
                .reopened("2011-05-01");
        // 916: one Form B returned on time, one late at 23:30 on 31 March (BST); deferred at the last meeting.
        death("2010-11/916", "1997-08-08", "2010-09-20", "male", "white-british", "public-place", "unexpected")
                .scrUnderConsideration()
                .rapidResponse(at("2010-09-20", "10:00")).rapidResponseMeeting("2010-09-24", true)
                .formB("2010-09-21", "RETURNED", at("2010-10-12", "15:00"), null, null)
                .formB("2010-09-21", "RETURNED", at("2011-03-31", "23:30"), null, null)
                .discussionNotConvened("criminal-proceedings", "2011-01-10")
                .deferred("2011-03-31");
        death("2010-11/917", "2009-09-09", "2010-10-10", "not-known", "not-known", "other", "unexpected")
                .rapidResponse(at("2010-10-10", "10:00"))
                .discussionNotConvened("other", "2011-02-01")
                .reviewed("2011-07-11", "2011-07-14", 3, "no", false);
        // 918: the rapid response meeting was set but not held; a Form B withdrawn after year end; discussion pending.
        death("2010-11/918", "1994-04-04", "2011-02-28", "male", "white-british", "hospital-emergency-department", "unexpected")
                .rapidResponse(at("2011-02-28", "10:00")).rapidResponseMeeting("2011-03-04", false)
                .formB("2011-03-01", "WITHDRAWN", null, at("2011-05-01", "12:00"), null)
                .discussionPending();
    }

    private void deathsIn2011To12() {
        // Ages across the leap day of 2012; all still open. 901 died on the first day of the year, its Form B
        // asked for half an hour into it.
        death("2011-12/901", "2011-03-10", "2011-04-01", "male", "white-british", "hospital-ward", "expected")
                .formB(at("2011-04-01", "00:30"), "SENT", null, null, null);
        death("2011-12/902", "2011-03-05", "2012-03-04", "female", "white-british", "hospital-ward", "expected");
        death("2011-12/903", "2011-03-05", "2012-03-05", "male", "white-british", "hospital-ward", "expected");
        death("2011-12/904", "2008-02-29", "2012-02-28", "female", "white-british", "hospital-ward", "expected");
        death("2011-12/905", "2006-06-06", "2011-06-06", "male", "white-british", "hospital-ward", "expected");
        death("2011-12/906", "1996-07-07", "2011-08-08", "female", "white-british", "hospital-ward", "expected");
        death("2011-12/907", "1999-01-01", "2011-12-31", "male", "white-british", "hospital-ward", "expected");
        death("2011-12/908", "1994-03-31", "2012-03-30", "female", "white-british", "hospital-ward", "expected");
    }

    private void routine(LocalDate... days) {
        meetings("ROUTINE", days);
    }

    private void neonatal(LocalDate... days) {
        meetings("NEONATAL", days);
    }

    private void meetings(String kind, LocalDate... days) {
        for (LocalDate day : days) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into panel_meeting (id, held_on, kind, place, created_by, created_at)
                    values (?, ?, ?, 'Town Hall', 'spoc', ?)""")
                    .params(id, day, kind, at(day.minusDays(30).toString(), "09:00")).update();
            panelMeetings.put(day, id);
        }
    }

    private Death death(String reference, String born, String died, String sex, String ethnicity, String place,
            String classification) {
        LocalDate dateOfBirth = d(born);
        LocalDate dateOfDeath = d(died);
        String year = ReportingYear.of(dateOfDeath);
        if (!reference.startsWith(year + "/")) {
            throw new IllegalArgumentException(reference + " died in " + year);
        }
        long ageDays = ChronoUnit.DAYS.between(dateOfBirth, dateOfDeath);
        UUID id = UUID.randomUUID();
        OffsetDateTime notified = at(died, "18:00");
        jdbc.sql("""
                insert into case_file (id, case_reference, reporting_year, sequence_in_year, date_of_death, notified_at,
                    status, created_at, updated_at, child_first_name, child_last_name, date_of_birth, sex, ethnicity,
                    place_of_death, age_at_death_days, neonatal, out_of_hours, notified_expected, death_classification, area)
                values (:id, :reference, :year, :sequence, :died, :notified, 'NOTIFIED', :notified, :notified, 'Statistics',
                    :lastName, :born, :sex, :ethnicity, :place, :age, :neonatal, false, 'not-sure', :classification, 'north')""")
                .param("id", id).param("reference", reference).param("year", year)
                .param("sequence", Integer.parseInt(reference.substring(8)))
                .param("died", dateOfDeath).param("notified", notified)
                .param("lastName", "Case" + reference.replace("/", "-")).param("born", dateOfBirth)
                .param("sex", sex).param("ethnicity", ethnicity).param("place", place).param("age", (int) ageDays)
                .param("neonatal", ageDays < 28).param("classification", classification)
                .update();
        return new Death(id, dateOfDeath);
    }

    /** One case, and what happened to it, in the order it happened. */
    private final class Death {

        private final UUID id;
        private final LocalDate dateOfDeath;

        Death(UUID id, LocalDate dateOfDeath) {
            this.id = id;
            this.dateOfDeath = dateOfDeath;
        }

        Death scrUnderConsideration() {
            jdbc.sql("update case_file set scr_under_consideration = true where id = ?").param(id).update();
            return this;
        }

        Death rapidResponse(OffsetDateTime startedAt) {
            jdbc.sql("""
                    insert into rapid_response (case_id, started_at, started_out_of_hours, meeting_convened)
                    values (?, ?, false, false)""").params(id, startedAt).update();
            return this;
        }

        Death rapidResponseMeeting(String day, boolean held) {
            caseMeeting("RAPID_RESPONSE", day, held);
            jdbc.sql("update rapid_response set meeting_convened = true where case_id = ?").param(id).update();
            return this;
        }

        private UUID caseMeeting(String kind, String day, boolean held) {
            UUID meetingId = UUID.randomUUID();
            jdbc.sql("""
                    insert into case_meeting (id, case_id, kind, scheduled_at, place, invitees, scheduled_by, held)
                    values (?, ?, ?, ?, 'Hospital', 'police@example.org', 'doctor', ?)""")
                    .params(meetingId, id, kind, at(day, "10:00"), held).update();
            return meetingId;
        }

        Death formB(String requestedOn, String status, OffsetDateTime returnedAt, OffsetDateTime withdrawnAt,
                LocalDate extendedTo) {
            return formB(at(requestedOn, "10:00"), status, returnedAt, withdrawnAt, extendedTo);
        }

        /** Due 21 days after the request at the same time, unless extended to a later day. */
        Death formB(OffsetDateTime requestedAt, String status, OffsetDateTime returnedAt, OffsetDateTime withdrawnAt,
                LocalDate extendedTo) {
            OffsetDateTime due = extendedTo == null ? requestedAt.plusDays(21)
                    : at(extendedTo.toString(), requestedAt.atZoneSameInstant(UK).toLocalTime().toString());
            jdbc.sql("""
                    insert into agency_report_request (id, case_id, agency, contact_email, status, requested_at,
                        requested_by, due_at, returned_at, withdrawn_at, extended_at)
                    values (?, ?, 'GP', 'gp@example.org', ?, ?, 'spoc', ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), id, status, requestedAt, due, returnedAt, withdrawnAt,
                            extendedTo == null ? null : requestedAt.plusDays(21))
                    .update();
            return this;
        }

        Death discussionHeld(String meetingOn, String recordedOn) {
            UUID meetingId = caseMeeting("FINAL_CASE_DISCUSSION", meetingOn, true);
            jdbc.sql("""
                    insert into final_case_discussion (case_id, started_at, outcome, meeting_id, recorded_by, recorded_at)
                    values (?, ?, 'HELD', ?, 'doctor', ?)""")
                    .params(id, at(dateOfDeath.plusDays(1).toString(), "09:00"), meetingId, at(recordedOn, "16:00"))
                    .update();
            return this;
        }

        Death discussionNotConvened(String reason, String recordedOn) {
            jdbc.sql("""
                    insert into final_case_discussion (case_id, started_at, outcome, not_convened_reason,
                        not_convened_detail, recorded_by, recorded_at)
                    values (?, ?, 'NOT_CONVENED', ?, ?, 'doctor', ?)""")
                    .params(id, at(dateOfDeath.plusDays(1).toString(), "09:00"), reason,
                            "other".equals(reason) ? "Key professionals had left the area" : null, at(recordedOn, "16:00"))
                    .update();
            return this;
        }

        Death discussionPending() {
            jdbc.sql("insert into final_case_discussion (case_id, started_at) values (?, ?)")
                    .params(id, at(dateOfDeath.plusDays(1).toString(), "09:00")).update();
            return this;
        }

        /** Reviewed at the meeting of that day, with this Form C; the chair ratifies later, closing the case. */
        Death reviewed(String meetingOn, String ratifiedOn, int category, String modifiable, boolean scrConsidered) {
            UUID meetingId = meeting(meetingOn);
            OffsetDateTime ratified = at(ratifiedOn, "12:00");
            saveFormC(category, modifiable, scrConsidered, at(meetingOn, "11:00"));
            jdbc.sql("""
                    insert into cdop_review (id, case_id, meeting_id, outcome, decided_by, decided_at, ratified_by, ratified_at)
                    values (?, ?, ?, 'REVIEWED', 'panel', ?, 'chair', ?)""")
                    .params(UUID.randomUUID(), id, meetingId, at(meetingOn, "12:00"), ratified).update();
            jdbc.sql("update case_file set status = 'CLOSED', review_completed_on = ?, closed_at = ? where id = ?")
                    .params(d(meetingOn), ratified, id).update();
            return this;
        }

        Death deferred(String meetingOn) {
            jdbc.sql("""
                    insert into cdop_review (id, case_id, meeting_id, outcome, deferral_reason, review_by, decided_by, decided_at)
                    values (?, ?, ?, 'DEFERRED', 'awaiting-inquest', ?, 'panel', ?)""")
                    .params(UUID.randomUUID(), id, meeting(meetingOn), d(meetingOn).plusMonths(3), at(meetingOn, "12:00"))
                    .update();
            return this;
        }

        /** As the SPOC's reopening does: the case leaves CLOSED and loses closed_at, but keeps its review date. */
        Death reopened(String on) {
            jdbc.sql("insert into case_reopening (id, case_id, reason, reopened_by, reopened_at) values (?, ?, ?, 'spoc', ?)")
                    .params(UUID.randomUUID(), id, "The inquest found new facts", at(on, "10:00")).update();
            jdbc.sql("update case_file set status = 'REOPENED', closed_at = null where id = ?").param(id).update();
            return this;
        }

        private void saveFormC(int category, String modifiable, boolean scrConsidered, OffsetDateTime savedAt) {
            int updated = jdbc.sql("""
                    update form_c set category = ?, modifiable = ?, scr_considered = ?, version = version + 1, saved_at = ?
                    where case_id = ?""").params(category, modifiable, scrConsidered, savedAt, id).update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into form_c (case_id, domain_child, domain_family, domain_parenting, domain_services, category,
                            modifiable, scr_considered, version, saved_by, saved_at)
                        values (?, '2', '1', '1', '0', ?, ?, ?, 1, 'panel', ?)""")
                        .params(id, category, modifiable, scrConsidered, savedAt).update();
            }
        }

        private UUID meeting(String day) {
            UUID meetingId = panelMeetings.get(d(day));
            if (meetingId == null) {
                throw new IllegalArgumentException("no CDOP meeting on " + day);
            }
            return meetingId;
        }
    }

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    /** A moment in UK local time, as the app records it. */
    static OffsetDateTime at(String day, String time) {
        return d(day).atTime(LocalTime.parse(time)).atZone(UK).toOffsetDateTime();
    }
}
