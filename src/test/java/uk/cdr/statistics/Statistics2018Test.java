package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cdr.statistics.ReportJson.figure;
import static uk.cdr.statistics.ReportJson.figures;
import static uk.cdr.statistics.ReportJson.json;
import static uk.cdr.statistics.ReportJson.names;
import static uk.cdr.statistics.ReportJson.row;
import static uk.cdr.statistics.ReportJson.table;
import static uk.cdr.statistics.StatisticsDataset.d;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Issue 17: the statistics of a year of cases under the 2018 guidance, in the tests' two areas, worked
 * out by hand. 2007-08 is a year no other test has data in, nor the year before it, nor reports the year after:
 * each case counts by its own edition, whatever its date.
 *
 * <pre>
 * 2007-08/901 North, 2018: died 10 May 2007 at home, unexpected; notified 10 May 18:00, NCMD 11 May 09:00
 *             (within 48 hours); Joint Agency Response decided 10 May, its meeting held 14 May, a joint home
 *             visit; Child Death Review Meeting held 20 August.
 * 2007-08/902 North, 2018: died 1 July 2007 in a hospital ward, expected; notified 1 July 18:00, NCMD 4 July
 *             10:00 (later); no JAR; the CDRM not convened, the family's wishes (recorded 1 October).
 * 2007-08/903 South, 2018: died 5 August 2007 at home, unexpected; notified 5 August 18:00, NCMD 6 August 12:00
 *             (within); JAR decided 5 August, no meeting, no home visit; CDRM held 2 November.
 * 2007-08/904 South, 2018: died 1 September 2007 in a hospice, expected; notified 1 September 18:00, never
 *             submitted to the NCMD; no JAR; no CDRM yet.
 * 2007-08/905 South, 2018: died 1 December 2007 in a public place, unexpected; notified 1 December 18:00, NCMD
 *             3 December 17:59 (47 hours 59 minutes: within); JAR decided 1 December, meeting held 4 December, a
 *             joint home visit; CDRM held 15 March 2008.
 * 2007-08/906 South, 2013: died 1 February 2008 at home, unexpected; rapid response 1 February, its meeting held
 *             4 February; final case discussion held 20 March.
 * Every case is reviewed at the whole CDOP's meeting of 25 March 2008 and closed the next day: no meeting or open
 * case of this data set falls in a later year, which other tests count.
 * </pre>
 *
 * By hand (North / South / the whole CDOP): deaths 2 / 4 / 6. Joint Agency Responses decided 1 / 2 / 3, deaths
 * decided on without one 1 / 1 / 2, JAR meetings held 1 / 1 / 2 (906's is a rapid response meeting: not
 * counted), joint home visits 1 / 1 / 2. Child Death Review Meetings held 1 / 2 / 3, not convened (the family's
 * wishes) 1 / 0 / 1, in all 2 / 2 / 4 (906's final case discussion is not one). NCMD: deaths notified 2 / 3 / 5,
 * within 48 hours 1 / 2 / 3, later 1 / 0 / 1, not yet 0 / 1 / 1, so 50% / 67% / 60% within 48 hours. South's
 * 2013 tables count 906 alone: one rapid response, one meeting, one final case discussion held.
 */
class Statistics2018Test extends ProcessTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void load() {
        clockAt(LocalDateTime.of(2026, 12, 1, 12, 0));
        loadOnce(jdbc);
    }

    @Test
    void aYearOfThe2018GuidanceCountsJointAgencyResponsesReviewMeetingsAndNcmdNotificationsPerAreaAndInTotal()
            throws Exception {
        JsonNode north = report("?area=north");
        JsonNode south = report("?area=south");
        JsonNode all = report("");

        assertThat(figure(north, "deaths", "All deaths")).isEqualTo(2);
        assertThat(figure(south, "deaths", "All deaths")).isEqualTo(4);
        assertThat(figure(all, "deaths", "All deaths")).isEqualTo(6);

        assertThat(figures(north, "joint-agency-responses")).isEqualTo("Joint Agency Responses decided=1 "
                + "Deaths decided on without a Joint Agency Response=1 Joint Agency Response meetings held=1 "
                + "Joint home or scene visits=1");
        assertThat(figures(south, "joint-agency-responses")).isEqualTo("Joint Agency Responses decided=2 "
                + "Deaths decided on without a Joint Agency Response=1 Joint Agency Response meetings held=1 "
                + "Joint home or scene visits=1");
        assertThat(figures(all, "joint-agency-responses")).isEqualTo("Joint Agency Responses decided=3 "
                + "Deaths decided on without a Joint Agency Response=2 Joint Agency Response meetings held=2 "
                + "Joint home or scene visits=2");

        assertThat(figures(north, "child-death-review-meetings")).isEqualTo("Held=1 Not convened: logistical reasons=0 "
                + "Not convened: the family's wishes=1 Not convened: awaiting criminal proceedings=0 "
                + "Not convened: other reasons=0 Held or not convened=2");
        assertThat(figure(south, "child-death-review-meetings", "Held")).isEqualTo(2);
        assertThat(figure(south, "child-death-review-meetings", "Held or not convened")).isEqualTo(2);
        assertThat(figure(all, "child-death-review-meetings", "Held")).isEqualTo(3);
        assertThat(figure(all, "child-death-review-meetings", "Not convened: the family's wishes")).isEqualTo(1);
        assertThat(figure(all, "child-death-review-meetings", "Held or not convened")).isEqualTo(4);

        assertThat(figures(north, "ncmd-notifications")).isEqualTo("Notified within 48 hours=1 Notified after 48 hours=1 "
                + "Not yet notified=0 Deaths notified to the CDOP=2 Percentage notified within 48 hours=50");
        assertThat(figures(south, "ncmd-notifications")).isEqualTo("Notified within 48 hours=2 Notified after 48 hours=0 "
                + "Not yet notified=1 Deaths notified to the CDOP=3 Percentage notified within 48 hours=67");
        assertThat(figures(all, "ncmd-notifications")).isEqualTo("Notified within 48 hours=3 Notified after 48 hours=1 "
                + "Not yet notified=1 Deaths notified to the CDOP=5 Percentage notified within 48 hours=60");
        assertThat(row(all, "ncmd-notifications", "Percentage notified within 48 hours").at("/thisYear/text").asText())
                .isEqualTo("60% (3 of 5 deaths notified to the CDOP)");

        // South's one 2013 case is counted in the 2013 tables, and only there.
        assertThat(figures(south, "rapid-response")).isEqualTo("Rapid responses initiated=1 Rapid response meetings held=1");
        assertThat(figure(south, "final-case-discussions", "Held")).isEqualTo(1);
        assertThat(table(south, "form-b").get("title").asText()).isEqualTo("Agency reports (Form B) and reporting forms");

        // The same small-number rule: counts of 1 to 4 are hidden, and with them the percentage they make.
        JsonNode publicAll = json(api().get("/api/statistics/2007-08?version=public"));
        assertThat(row(publicAll, "ncmd-notifications", "Notified within 48 hours").get("thisYear").asText()).isEqualTo("<5");
        assertThat(row(publicAll, "ncmd-notifications", "Deaths notified to the CDOP").get("thisYear").asText()).isEqualTo("5");
        assertThat(row(publicAll, "ncmd-notifications", "Percentage notified within 48 hours").get("thisYear").asText())
                .isEqualTo("*");

        HttpSession.Response csv = api().get("/api/statistics/2007-08/ncmd-notifications.csv?area=south");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Deaths notified to the CDOP,3,");
        assertThat(csv.header("Content-Disposition")).hasValueSatisfying(
                header -> assertThat(header).contains("cdop-statistics-2007-08-south-ncmd-notifications.csv"));
        String page = loggedIn("spoc").get("/statistics?year=2007-08").body();
        assertThat(page).contains("id=\"table-joint-agency-responses\"", "id=\"table-child-death-review-meetings\"",
                "id=\"table-ncmd-notifications\"");
    }

    @Test
    void aYearWithoutCasesOfAnEditionLeavesItsTablesOut() throws Exception {
        // The year before has no 2018 death: no 2018 table (and the 2013 tables, as a deployment that never ran
        // 2018 has them); the year has both editions' tables.
        List<String> yearBefore = names(json(api().get("/api/statistics/2006-07?area=south")));
        assertThat(yearBefore).doesNotContain("joint-agency-responses", "child-death-review-meetings", "ncmd-notifications")
                .contains("rapid-response", "final-case-discussions");
        List<String> south = names(report("?area=south"));
        assertThat(south).contains("rapid-response", "joint-agency-responses", "ncmd-notifications");
    }

    private HttpSession api() {
        return browser().withBasicAuth("spoc", DEMO_PASSWORD);
    }

    private JsonNode report(String query) throws Exception {
        return json(api().get("/api/statistics/2007-08" + query));
    }







    /** Into any database of ours (the H2 comparison loads it too); once. */
    static synchronized void loadOnce(JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from case_file where case_reference = '2007-08/901'").query(Integer.class).single() > 0) {
            return;
        }
        UUID reviews = meeting(jdbc, "2008-03-25");
        UUID n1 = death(jdbc, "2007-08/901", "north", "2018", "2007-01-01", "2007-05-10", "home", "unexpected");
        decided(jdbc, n1, true, "2007-05-10", "2007-05-11", "09:00");
        jar(jdbc, n1, "2007-05-10", "yes", "2007-05-14");
        cdrmHeld(jdbc, n1, "2007-08-20");
        UUID n2 = death(jdbc, "2007-08/902", "north", "2018", "1995-06-01", "2007-08-01", "hospital-ward", "expected");
        decided(jdbc, n2, false, "2007-08-01", "2007-08-04", "10:00");
        jdbc.sql("""
                insert into final_case_discussion (case_id, started_at, outcome, not_convened_reason, recorded_by, recorded_at)
                values (?, ?, 'NOT_CONVENED', 'family-wishes', 'doctor', ?)""")
                .params(n2, StatisticsDataset.at("2007-08-02", "09:00"), StatisticsDataset.at("2007-10-01", "10:00")).update();
        UUID s1 = death(jdbc, "2007-08/903", "south", "2018", "2007-03-01", "2007-08-05", "home", "unexpected");
        decided(jdbc, s1, true, "2007-08-05", "2007-08-06", "12:00");
        jar(jdbc, s1, "2007-08-05", "no", null);
        cdrmHeld(jdbc, s1, "2007-11-02");
        UUID s2 = death(jdbc, "2007-08/904", "south", "2018", "2000-01-01", "2007-09-01", "hospice", "expected");
        decided(jdbc, s2, false, "2007-09-01", null, null);
        UUID s3 = death(jdbc, "2007-08/905", "south", "2018", "1990-03-03", "2007-12-01", "public-place", "unexpected");
        decided(jdbc, s3, true, "2007-12-01", "2007-12-03", "17:59");
        jar(jdbc, s3, "2007-12-01", "yes", "2007-12-04");
        cdrmHeld(jdbc, s3, "2008-03-15");
        UUID s4 = death(jdbc, "2007-08/906", "south", "2013", "2001-02-01", "2008-02-01", "home", "unexpected");
        jar(jdbc, s4, "2008-02-01", "no", "2008-02-04");
        cdrmHeld(jdbc, s4, "2008-03-20");
        for (UUID c : List.of(n1, n2, s1, s2, s3, s4)) {
            reviewed(jdbc, c, reviews);
        }
        // Written past the services that count each change: counted here, so no report kept before outlives it.
        jdbc.sql("update statistics_generation set generation = generation + 1 where from_year = 2007").update();
    }

    private static UUID meeting(JdbcClient jdbc, String day) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into panel_meeting (id, held_on, kind, place, area, created_by, created_at)
                values (?, ?, 'ROUTINE', 'Town Hall', null, 'spoc', ?)""")
                .params(id, d(day), StatisticsDataset.at(day, "09:00").minusDays(30)).update();
        return id;
    }

    /** Notified at 18:00 on the day of the death. */
    private static UUID death(JdbcClient jdbc, String reference, String area, String edition, String born, String died,
            String place, String classification) {
        UUID id = UUID.randomUUID();
        long age = ChronoUnit.DAYS.between(d(born), d(died));
        OffsetDateTime notified = StatisticsDataset.at(died, "18:00");
        jdbc.sql("""
                insert into case_file (id, case_reference, reporting_year, sequence_in_year, date_of_death, notified_at,
                    status, created_at, updated_at, child_first_name, child_last_name, date_of_birth, sex, ethnicity,
                    place_of_death, age_at_death_days, neonatal, out_of_hours, notified_expected, death_classification, area,
                    edition)
                values (?, ?, '2007-08', ?, ?, ?, 'CLASSIFIED', ?, ?, 'Edition', ?, ?, 'female', 'white-british', ?, ?, ?,
                    false, 'not-sure', ?, ?, ?)""")
                .params(id, reference, Integer.parseInt(reference.substring(8)), d(died), notified, notified, notified,
                        "Statistics" + reference.substring(8), d(born), place, (int) age, age < 28, classification, area,
                        edition)
                .update();
        return id;
    }

    /** The doctor's decision at 20:00 on the day of the death; the NCMD submission, if any. */
    private static void decided(JdbcClient jdbc, UUID caseId, boolean jar, String on, String ncmdOn, String ncmdAt) {
        jdbc.sql("""
                insert into case_review_2018 (case_id, jar_decided, jar_decided_by, jar_decided_at, ncmd_notified_at)
                values (?, ?, 'doctor', ?, ?)""")
                .params(caseId, jar, StatisticsDataset.at(on, "20:00"), ncmdOn == null ? null : StatisticsDataset.at(ncmdOn, ncmdAt)).update();
    }

    /** The response (rapid response or JAR: the same record), with its meeting held on a day, if any. */
    private static void jar(JdbcClient jdbc, UUID caseId, String startedOn, String homeVisit, String meetingOn) {
        jdbc.sql("""
                insert into rapid_response (case_id, started_at, started_out_of_hours, home_visit, meeting_convened)
                values (?, ?, false, ?, ?)""")
                .params(caseId, StatisticsDataset.at(startedOn, "21:00"), homeVisit, meetingOn != null).update();
        if (meetingOn != null) {
            meeting(jdbc, caseId, "RAPID_RESPONSE", meetingOn);
        }
    }

    /** The Child Death Review Meeting, or for a 2013 case the final case discussion: held on the day. */
    private static void cdrmHeld(JdbcClient jdbc, UUID caseId, String on) {
        UUID meeting = meeting(jdbc, caseId, "FINAL_CASE_DISCUSSION", on);
        jdbc.sql("""
                insert into final_case_discussion (case_id, started_at, outcome, meeting_id, recorded_by, recorded_at)
                values (?, ?, 'HELD', ?, 'doctor', ?)""")
                .params(caseId, StatisticsDataset.at(on, "08:00").minusDays(40), meeting, StatisticsDataset.at(on, "16:00")).update();
    }

    private static UUID meeting(JdbcClient jdbc, UUID caseId, String kind, String on) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into case_meeting (id, case_id, kind, scheduled_at, place, invitees, scheduled_by, held)
                values (?, ?, ?, ?, 'Civic Centre', 'x@example.org', 'doctor', true)""")
                .params(id, caseId, kind, StatisticsDataset.at(on, "10:00")).update();
        return id;
    }

    private static void reviewed(JdbcClient jdbc, UUID caseId, UUID meetingId) {
        jdbc.sql("""
                insert into form_c (case_id, domain_child, domain_family, domain_parenting, domain_services, category,
                    modifiable, scr_considered, version, saved_by, saved_at)
                values (?, '1', '1', '1', '1', 10, 'no', false, 1, 'panel', ?)""")
                .params(caseId, StatisticsDataset.at("2008-03-25", "11:00")).update();
        jdbc.sql("""
                insert into cdop_review (id, case_id, meeting_id, outcome, decided_by, decided_at, ratified_by, ratified_at)
                values (?, ?, ?, 'REVIEWED', 'panel', ?, 'chair', ?)""")
                .params(UUID.randomUUID(), caseId, meetingId, StatisticsDataset.at("2008-03-25", "12:00"), StatisticsDataset.at("2008-03-26", "12:00")).update();
        jdbc.sql("update case_file set status = 'CLOSED', review_completed_on = ?, closed_at = ? where id = ?")
                .params(d("2008-03-25"), StatisticsDataset.at("2008-03-26", "12:00"), caseId).update();
    }
}
