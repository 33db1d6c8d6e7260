package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;

/**
 * 2010-11 looked at on 5 February 2011 at noon, before it ended: its figures are as of that day, cases
 * open and Form Bs overdue are counted then, and a Form B not yet due is not overdue. The year before
 * (2009-10, ended) is at its year end as always. Worked out by hand from StatisticsDataset.
 */
class StatisticsAsOfTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHEN = "on 5 February 2011 (2009-10: at year end)";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fiveFebruary2011() {
        StatisticsDataset.loadInto(jdbc);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2011-02-05T12:00").atZone(ZoneId.of("Europe/London"))
                .toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aYearNotYetEndedIsAsOfTodayWithOpenAndOverdueCountedToday() throws Exception {
        HttpSession.Response response = api().get("/api/statistics/2010-11");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("asOf").asText()).isEqualTo("2011-02-05");
        assertThat(report.get("yearHeading").asText()).isEqualTo("2010-11 as of 5 February 2011");

        // Open on 5 February 2011 (deaths up to that day): of 2009-10, 910 (never reviewed) and 911 (ratified
        // 4 April 2011); of 2010-11, 905 910 (ratified April), 906 909 912 917 (reviewed later), 908 916 (not
        // reviewed), and 911: reviewed 7 February, ratified 10 February, after today = 11. Not 913, 914, 918 (died
        // later), nor 915 (closed in December; its reopening is in May). Over 12 months (died by 5 February
        // 2010): 2009-10/910 only; 911 died on 30 March 2010. 2009-10 at its year end as before: 6 and 0.
        assertThat(rows(report, "open-cases")).containsExactly(
                List.of("Open " + WHEN, "11", "6"),
                List.of("Of which over 12 months since the death", "1", "0"));
        assertThat(title(report, "open-cases")).isEqualTo("Cases open " + WHEN);
        // Overdue on 5 February 2011: 2010-11/916's second report (due 12 October 2010, returned only on 31 March
        // 2011). Not 908's two: asked for on 20 January, due 10 February, not yet due (at the year end they are
        // the 2 overdue). 2009-10 at its year end: 1, as before.
        assertThat(rows(report, "form-b")).last().isEqualTo(List.of("Overdue " + WHEN, "1", "1"));

        assertThat(api().get("/api/statistics/2010-11/open-cases.csv").body())
                .isEqualTo("Figure,2010-11 as of 5 February 2011,2009-10\r\n"
                        + "Open on 5 February 2011 (2009-10: at year end),11,6\r\n"
                        + "Of which over 12 months since the death,1,0\r\n");
        assertThat(api().get("/api/statistics/2010-11/form-b.csv?version=public").body())
                .startsWith("Figure,2010-11 as of 5 February 2011,2009-10\r\n")
                .endsWith("\r\nOverdue on 5 February 2011 (2009-10: at year end),<5,<5\r\n");

        String page = loggedIn("spoc").get("/statistics?year=2010-11").body();
        assertThat(page).contains("2010-11 has not ended: its figures are as of 5 February 2011.",
                ">as of 5 February 2011<", ">2010-11 as of 5 February 2011</th>",
                ">Open on 5 February 2011 (2009-10: at year end)</th>", ">Overdue on 5 February 2011 (2009-10: at year end)</th>");
    }

    @Test
    void aYearThatHasEndedIsAtItsYearEndAsBefore() throws Exception {
        JsonNode report = JSON.readTree(api().get("/api/statistics/2009-10").body());
        assertThat(report.get("asOf").isNull()).isTrue();
        assertThat(report.get("yearHeading").asText()).isEqualTo("2009-10");
        // At the end of 31 March 2010: 906 907 909 910 911 912 (StatisticsDatasetTest); 2008-09 has no cases.
        assertThat(rows(report, "open-cases")).containsExactly(List.of("Open at year end", "6", "0"),
                List.of("Of which over 12 months since the death", "0", "0"));
        assertThat(rows(report, "form-b")).last().isEqualTo(List.of("Overdue at year end", "1", "0"));
        String page = loggedIn("spoc").get("/statistics?year=2009-10").body();
        assertThat(page).doesNotContain("has not ended", "report-as-of").contains(">Open at year end</th>");
    }

    private HttpSession api() {
        return browser().withBasicAuth("spoc", DEMO_PASSWORD);
    }

    private static JsonNode table(JsonNode report, String name) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name);
    }

    private static String title(JsonNode report, String name) {
        return table(report, name).get("title").asText();
    }

    private static List<List<String>> rows(JsonNode report, String name) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table(report, name).get("rows")) {
            rows.add(List.of(row.get("label").asText(), row.get("thisYear").asText(), row.get("previousYear").asText()));
        }
        return rows;
    }
}
