package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cdr.statistics.ReportJson.figure;
import static uk.cdr.statistics.ReportJson.figures;
import static uk.cdr.statistics.ReportJson.json;
import static uk.cdr.statistics.ReportJson.row;
import static uk.cdr.statistics.StatisticsDataset.d;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Issue 17: the annual statistics of one area, and of the whole CDOP, worked out by hand from five
 * deaths of 2000-01 (a year no other test uses) in the tests' two areas:
 *
 * <pre>
 * 2000-01/901 North: born 1 May 1999, died 10 May 2000 (1 year), female, white British, at home, unexpected;
 *             rapid response 10 May; Form B asked 11 May, returned 25 May; reviewed at North Borough's own
 *             meeting of 15 September 2000 (category 10, modifiable factors), ratified 18 September.
 * 2000-01/902 North: born 25 May 2000, died 1 June 2000 (7 days), male, Indian, neonatal unit, expected;
 *             open at the year end (reviewed 11 June 2001).
 * 2000-01/903 South: born 1 January 1990, died 1 July 2000 (10 years), male, black African, hospital ward,
 *             expected; Form B asked 2 July, returned 1 May 2001 (overdue at the year end); reviewed at the whole
 *             CDOP's meeting of 10 January 2001 (category 6, no modifiable factors), ratified 12 January.
 * 2000-01/904 South: born 1 February 2000, died 1 August 2000 (6 months), female, white British, at home,
 *             unexpected; rapid response 1 August; open at the year end (reviewed 11 June 2001).
 * 2000-01/905 South: born 3 March 1995, died 1 September 2000 (5 years), female, white British, hospice,
 *             expected; open at the year end (reviewed 11 June 2001).
 * Meetings: North Borough's routine meeting 15 September 2000; the whole CDOP's routine meeting 10 January
 * 2001 (South's case only) and its neonatal panel 5 February 2001 (no case). Every case is closed and every
 * Form B in by June 2001: a case open, or a Form B overdue, at later year ends would be counted in them by the
 * other statistics tests.
 * </pre>
 *
 * By hand: deaths 2 North, 3 South, 5 in all; expected 1 / 2 / 3, unexpected 1 / 1 / 2; rapid responses
 * 1 / 1 / 2; Form Bs sent 1 / 1 / 2, returned 1 / 0 / 1, overdue at year end 0 / 1 / 1; meetings held
 * 1 routine (its own) / 1 routine (the whole CDOP's that reviewed its case) / 2 routine and 1 neonatal;
 * reviews 1 (category 10, modifiable) / 1 (category 6, not) / 2 (50% with modifiable factors); open at
 * year end 1 / 2 / 3. The area's figures are as small as this, so the public version hides them all.
 */
class AreaStatisticsTest extends ProcessTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void load() {
        clockAt(LocalDateTime.of(2026, 12, 1, 12, 0));
        loadOnce(jdbc);
    }

    @Test
    void eachAreaAndTheWholeCdopHaveTheirOwnFigures() throws Exception {
        JsonNode north = report("?area=north");
        JsonNode south = report("?area=South%20Borough");
        JsonNode all = report("");

        assertThat(north.at("/area/name").asText()).isEqualTo("North Borough");
        assertThat(south.at("/area/code").asText()).isEqualTo("south");
        assertThat(all.has("area") && !all.get("area").isNull()).isFalse();

        assertThat(figures(north, "deaths")).isEqualTo("Expected=1 Unexpected=1 Not yet decided=0 All deaths=2");
        assertThat(figures(south, "deaths")).isEqualTo("Expected=2 Unexpected=1 Not yet decided=0 All deaths=3");
        assertThat(figures(all, "deaths")).isEqualTo("Expected=3 Unexpected=2 Not yet decided=0 All deaths=5");
        assertThat(figure(north, "deaths-by-age", "1-4 years")).isEqualTo(1);
        assertThat(figure(north, "deaths-by-age", "0-27 days (neonatal)")).isEqualTo(1);
        assertThat(figure(south, "deaths-by-age", "10-14 years")).isEqualTo(1);

        assertThat(figures(north, "rapid-response")).isEqualTo("Rapid responses initiated=1 Rapid response meetings held=0");
        assertThat(figures(all, "rapid-response")).isEqualTo("Rapid responses initiated=2 Rapid response meetings held=0");

        assertThat(figure(north, "form-b", "Requests sent")).isEqualTo(1);
        assertThat(figure(north, "form-b", "Reports returned")).isEqualTo(1);
        assertThat(figure(north, "form-b", "Median days from request to return")).isEqualTo(14);
        assertThat(figure(north, "form-b", "Overdue at year end")).isZero();
        assertThat(figure(south, "form-b", "Reports returned")).isZero();
        assertThat(figure(south, "form-b", "Overdue at year end")).isEqualTo(1);
        assertThat(figure(all, "form-b", "Requests sent")).isEqualTo(2);
        assertThat(figure(all, "form-b", "Overdue at year end")).isEqualTo(1);

        assertThat(figures(north, "cdop-meetings")).isEqualTo("Routine meetings=1 Special neonatal meetings=0 CDOP meetings held=1");
        assertThat(figures(south, "cdop-meetings")).isEqualTo("Routine meetings=1 Special neonatal meetings=0 CDOP meetings held=1");
        assertThat(figures(all, "cdop-meetings")).isEqualTo("Routine meetings=2 Special neonatal meetings=1 CDOP meetings held=3");

        assertThat(figure(north, "reviews-by-category", "10 Sudden unexpected, unexplained death")).isEqualTo(1);
        assertThat(figure(north, "reviews-by-category", "Reviews completed")).isEqualTo(1);
        assertThat(figure(south, "reviews-by-category", "6 Chronic medical condition")).isEqualTo(1);
        assertThat(figure(all, "reviews-by-category", "Reviews completed")).isEqualTo(2);
        assertThat(row(north, "reviews-by-modifiable", "Percentage with modifiable factors").toString()).contains("100");
        assertThat(row(all, "reviews-by-modifiable", "Percentage with modifiable factors").toString()).contains("50");

        assertThat(figure(north, "open-cases", "Open at year end")).isEqualTo(1);
        assertThat(figure(south, "open-cases", "Open at year end")).isEqualTo(2);
        assertThat(figure(all, "open-cases", "Open at year end")).isEqualTo(3);

        // The same small-number rule: every count of an area here is 1 to 4.
        JsonNode publicNorth = json(api().get("/api/statistics/2000-01?version=public&area=north"));
        assertThat(row(publicNorth, "deaths", "All deaths").get("thisYear").asText()).isEqualTo("<5");
        assertThat(publicNorth.at("/area/code").asText()).isEqualTo("north");

        // A table as CSV, of one area, named so.
        HttpSession.Response csv = api().get("/api/statistics/2000-01/deaths.csv?area=south");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("All deaths,3,0");
        assertThat(csv.header("Content-Disposition")).hasValueSatisfying(
                header -> assertThat(header).contains("cdop-statistics-2000-01-south-deaths.csv"));
        // The page, narrowed.
        String page = loggedIn("spoc").get("/statistics?year=2000-01&area=south").body();
        assertThat(page).contains("South Borough", "id=\"report-area\"");
    }

    @Test
    void anAreaTheCdopDoesNotServeIsRefusedNamingIt() {
        for (String path : new String[] { "/api/statistics/2000-01?area=westshire",
                "/api/statistics/2000-01/deaths.csv?area=westshire" }) {
            HttpSession.Response refused = api().get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.body()).as(path).contains("\"field\":\"area\"", "westshire");
        }
        HttpSession.Response page = loggedIn("spoc").get("/statistics?year=2000-01&area=westshire");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("westshire");
    }

    private HttpSession api() {
        return browser().withBasicAuth("spoc", DEMO_PASSWORD);
    }

    private JsonNode report(String query) throws Exception {
        return json(api().get("/api/statistics/2000-01" + query));
    }






    private static synchronized void loadOnce(JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from case_file where case_reference = '2000-01/901'").query(Integer.class).single() > 0) {
            return;
        }
        UUID northMeeting = meeting(jdbc, "2000-09-15", "ROUTINE", "north");
        UUID nextYear = meeting(jdbc, "2001-06-11", "ROUTINE", null);
        UUID wholeCdop = meeting(jdbc, "2001-01-10", "ROUTINE", null);
        meeting(jdbc, "2001-02-05", "NEONATAL", null);

        UUID n1 = death(jdbc, "2000-01/901", "north", "1999-05-01", "2000-05-10", "female", "white-british", "home", "unexpected");
        rapidResponse(jdbc, n1, "2000-05-10");
        formB(jdbc, n1, "2000-05-11", StatisticsDataset.at("2000-05-25", "10:00"));
        reviewed(jdbc, n1, northMeeting, "2000-09-15", "2000-09-18", 10, "yes");
        UUID n2 = death(jdbc, "2000-01/902", "north", "2000-05-25", "2000-06-01", "male", "asian-indian", "neonatal-unit",
                "expected");
        reviewed(jdbc, n2, nextYear, "2001-06-11", "2001-06-15", 8, "no");
        UUID s1 = death(jdbc, "2000-01/903", "south", "1990-01-01", "2000-07-01", "male", "black-african", "hospital-ward",
                "expected");
        formB(jdbc, s1, "2000-07-02", StatisticsDataset.at("2001-05-01", "10:00"));
        reviewed(jdbc, s1, wholeCdop, "2001-01-10", "2001-01-12", 6, "no");
        UUID s2 = death(jdbc, "2000-01/904", "south", "2000-02-01", "2000-08-01", "female", "white-british", "home", "unexpected");
        rapidResponse(jdbc, s2, "2000-08-01");
        reviewed(jdbc, s2, nextYear, "2001-06-11", "2001-06-15", 10, "no");
        UUID s3 = death(jdbc, "2000-01/905", "south", "1995-03-03", "2000-09-01", "female", "white-british", "hospice",
                "expected");
        reviewed(jdbc, s3, nextYear, "2001-06-11", "2001-06-15", 4, "no");
        // Written past the services that count each change: counted here, so no report kept before outlives it.
        jdbc.sql("update statistics_generation set generation = generation + 1 where from_year = 2000").update();
    }

    private static UUID meeting(JdbcClient jdbc, String day, String kind, String area) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into panel_meeting (id, held_on, kind, place, area, created_by, created_at)
                values (?, ?, ?, 'Town Hall', ?, 'spoc', ?)""")
                .params(id, d(day), kind, area, StatisticsDataset.at(day, "09:00").minusDays(30)).update();
        return id;
    }

    private static UUID death(JdbcClient jdbc, String reference, String area, String born, String died, String sex,
            String ethnicity, String place, String classification) {
        UUID id = UUID.randomUUID();
        long age = ChronoUnit.DAYS.between(d(born), d(died));
        OffsetDateTime notified = StatisticsDataset.at(died, "18:00");
        jdbc.sql("""
                insert into case_file (id, case_reference, reporting_year, sequence_in_year, date_of_death, notified_at,
                    status, created_at, updated_at, child_first_name, child_last_name, date_of_birth, sex, ethnicity,
                    place_of_death, age_at_death_days, neonatal, out_of_hours, notified_expected, death_classification, area)
                values (?, ?, '2000-01', ?, ?, ?, 'CLASSIFIED', ?, ?, 'Area', ?, ?, ?, ?, ?, ?, ?, false, 'not-sure', ?, ?)""")
                .params(id, reference, Integer.parseInt(reference.substring(8)), d(died), notified, notified, notified,
                        "Statistics" + reference.substring(8), d(born), sex, ethnicity, place, (int) age, age < 28,
                        classification, area)
                .update();
        return id;
    }

    private static void rapidResponse(JdbcClient jdbc, UUID caseId, String day) {
        jdbc.sql("insert into rapid_response (case_id, started_at, started_out_of_hours, meeting_convened) values (?, ?, false, false)")
                .params(caseId, StatisticsDataset.at(day, "10:00")).update();
    }

    private static void formB(JdbcClient jdbc, UUID caseId, String requestedOn, OffsetDateTime returnedAt) {
        OffsetDateTime requested = StatisticsDataset.at(requestedOn, "10:00");
        jdbc.sql("""
                insert into agency_report_request (id, case_id, agency, contact_email, status, requested_at, requested_by,
                    due_at, returned_at)
                values (?, ?, 'GP', 'gp@example.org', ?, ?, 'spoc', ?, ?)""")
                .params(UUID.randomUUID(), caseId, returnedAt == null ? "OVERDUE" : "RETURNED", requested,
                        requested.plusDays(21), returnedAt)
                .update();
    }

    private static void reviewed(JdbcClient jdbc, UUID caseId, UUID meetingId, String meetingOn, String ratifiedOn,
            int category, String modifiable) {
        jdbc.sql("""
                insert into form_c (case_id, domain_child, domain_family, domain_parenting, domain_services, category,
                    modifiable, scr_considered, version, saved_by, saved_at)
                values (?, '1', '1', '1', '1', ?, ?, false, 1, 'panel', ?)""")
                .params(caseId, category, modifiable, StatisticsDataset.at(meetingOn, "11:00")).update();
        jdbc.sql("""
                insert into cdop_review (id, case_id, meeting_id, outcome, decided_by, decided_at, ratified_by, ratified_at)
                values (?, ?, ?, 'REVIEWED', 'panel', ?, 'chair', ?)""")
                .params(UUID.randomUUID(), caseId, meetingId, StatisticsDataset.at(meetingOn, "12:00"), StatisticsDataset.at(ratifiedOn, "12:00")).update();
        jdbc.sql("update case_file set status = 'CLOSED', review_completed_on = ?, closed_at = ? where id = ?")
                .params(LocalDate.parse(meetingOn), StatisticsDataset.at(ratifiedOn, "12:00"), caseId).update();
    }
}
