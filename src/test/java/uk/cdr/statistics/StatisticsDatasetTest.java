package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;

/**
 * The annual statistics of StatisticsDataset, on PostgreSQL, through the API. Every figure below
 * was worked out by hand from the dataset's cases (references 2009-10/9xx, 2010-11/9xx,
 * 2011-12/9xx; "Y0" is 2009-10, "Y1" 2010-11): the comments say which cases make each number.
 */
class StatisticsDatasetTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void dataset() {
        StatisticsDataset.loadInto(jdbc);
    }

    @Test
    void everyFigureOf2010To11WithTheYearBefore() {
        JsonNode report = get("panel", "/api/statistics/2010-11");
        assertThat(report.get("year").asText()).isEqualTo("2010-11");
        assertThat(report.get("previousYear").asText()).isEqualTo("2009-10");
        assertThat(report.get("version").asText()).isEqualTo("internal");
        assertThat(names(report)).containsExactly("deaths", "deaths-by-age", "deaths-by-sex", "deaths-by-ethnicity",
                "deaths-by-place", "rapid-response", "final-case-discussions", "form-b", "cdop-meetings",
                "reviews-by-year-of-death", "reviews-by-category", "reviews-by-modifiable", "reviews-scr",
                "time-to-review", "open-cases");

        // Y1 deaths 1 Apr 2010 - 31 Mar 2011: 2010-11/901..918 (901 on 1 April, 914 on 31 March; 2011-12/901 on
        // 1 April 2011 is not counted). Y0: 2009-10/901..912 (912 on 31 March 2010 counts in Y0, not Y1).
        // Expected Y1: 902 903 906 909 910 911 914 915; unexpected: 901 904 905 907 908 912 916 917 918; 913 undecided.
        // Y0 expected: 901 902 904 908 909 912; unexpected 903 905 906 907 910 911.
        assertRows(report, "deaths",
                row("Expected", 8, 6),
                row("Unexpected", 9, 6),
                row("Not yet decided", 1, 0),
                row("All deaths", 18, 12));
        // Y1 0-27 days: 902 (27 days), 911 (0), 912 (5), 914 (26); 28-364 days: 901 (31), 903 (28), 904 (364);
        // 1-4: 905 (365 days, the 1st birthday), 906 (day before 5th birthday), 913 (3), 917 (1);
        // 5-9: 909 (7th birthday), 915 (9); 10-14: 910 (10), 916 (13); 15-17: 907 (15th birthday),
        // 908 (the day before the 18th birthday), 918 (16).
        // Y0 0-27: 901 (12 days), 902 (19); 28-364: 907 (300), 910 (40); 1-4: 903 (1), 908 (3), 912 (4);
        // 5-9: 904, 909; 10-14: 905 (12), 911 (the day before the 15th birthday); 15-17: 906.
        assertRows(report, "deaths-by-age",
                row("0-27 days (neonatal)", 4, 2),
                row("28-364 days", 3, 2),
                row("1-4 years", 4, 3),
                row("5-9 years", 2, 2),
                row("10-14 years", 2, 2),
                row("15-17 years", 3, 1),
                row("All deaths", 18, 12));
        // Y1 male: 901 903 905 907 909 911 913 916 918; female: 902 904 906 908 910 912 914 915; 917 not known.
        // Y0: male 902 903 905 907 909 911; female 901 904 906 908 910 912.
        assertRows(report, "deaths-by-sex",
                row("Male", 9, 6),
                row("Female", 8, 6),
                row("Indeterminate", 0, 0),
                row("Not known", 1, 0),
                row("All deaths", 18, 12));
        // Y1 White British: 901 904 908 909 911 913 914 916 918; Bangladeshi 902 903; one each for the rest.
        // Y0 White British: 901 903 907 909 912; one each: 905 white other, 906 mixed other, 908 Indian,
        // 902 Pakistani, 904 African, 910 Caribbean, 911 not known.
        assertRows(report, "deaths-by-ethnicity",
                row("White: British", 9, 5),
                row("White: Irish", 1, 0), // Y1 906
                row("White: Gypsy or Irish Traveller", 0, 0),
                row("White: any other White background", 0, 1),
                row("Mixed: White and Black Caribbean", 1, 0), // Y1 905
                row("Mixed: White and Black African", 0, 0),
                row("Mixed: White and Asian", 0, 0),
                row("Mixed: any other Mixed background", 0, 1),
                row("Asian: Indian", 0, 1),
                row("Asian: Pakistani", 0, 1),
                row("Asian: Bangladeshi", 2, 0),
                row("Asian: Chinese", 0, 0),
                row("Asian: any other Asian background", 1, 0), // Y1 910
                row("Black: African", 1, 1), // Y1 907, Y0 904
                row("Black: Caribbean", 0, 1),
                row("Black: any other Black background", 1, 0), // Y1 912
                row("Other: Arab", 1, 0), // Y1 915
                row("Other: any other ethnic group", 0, 0),
                row("Not known", 1, 1), // Y1 917, Y0 911
                row("All deaths", 18, 12));
        // Y1 home: 901 904 908 913; ED: 905 918; ward: 906 909 912; neonatal unit: 902 911 914; ICU 903; hospice 910;
        // public place: 907 916; abroad 915; other 917.
        // Y0 home: 903 906 910 912; ED 907; ward 904 908; neonatal unit 901 902; hospice 909; public place 905 911.
        assertRows(report, "deaths-by-place",
                row("Home", 4, 4),
                row("Other private residence", 0, 0),
                row("Hospital emergency department", 2, 1),
                row("Hospital ward", 3, 2),
                row("Neonatal unit", 3, 2),
                row("Intensive care", 1, 0),
                row("Hospice", 1, 1),
                row("Public place", 2, 2),
                row("School", 0, 0),
                row("Abroad", 1, 0),
                row("Other", 1, 0),
                row("Not known", 0, 0),
                row("All deaths", 18, 12));
        // Rapid responses by the day they started: Y1 every unexpected Y1 death (9); Y0 every unexpected Y0 death,
        // 2009-10/911's on 30 March 2010 included (6).
        // Meetings held by their day: Y1 2009-10/911 (6 April 2010), 901, 904, 907, 908, 912, 916 (918's was not held;
        // 905 and 917 convened none); Y0 903, 905, 907, 910.
        assertRows(report, "rapid-response",
                row("Rapid responses initiated", 9, 6),
                row("Rapid response meetings held", 7, 4));
        // Y1 held: 901, 904, 907, 912 (met 30 March, recorded 2 April); 908's met in April 2011 (Y2).
        // Not convened Y1: 905 logistical, 2009-10/911 family's wishes (recorded July 2010), 916 criminal proceedings,
        // 917 other. Y0 held: 903 905 907 910; 906 not convened, logistical.
        assertRows(report, "final-case-discussions",
                row("Held", 4, 4),
                row("Not convened: logistical reasons", 1, 1),
                row("Not convened: the family's wishes", 1, 0),
                row("Not convened: awaiting criminal proceedings", 1, 0),
                row("Not convened: other reasons", 1, 0),
                row("Held or not convened", 8, 5));
        // Sent Y1: 901, 907, 904 x2, 916 x2, 908 x2, 918, 914 (31 March 10:00) = 10; 2011-12/901's at 00:30 on
        // 1 April 2011 is Y2. Sent Y0: 903 x2, 905, 910 x3, 911 (31 March 15:00) = 7.
        // Returned Y1 (days): 910 extended (32), 910 (91), 911 (15), 901 (18), 907 (26), 904 (14), 916 (21),
        // 916 at 23:30 BST on 31 March 2011 (191) = 8; median of 14 15 18 21 | 26 32 91 191 = (21 + 26) / 2 = 23.5.
        // 908's second came back 5 April 2011 (Y2). Returned Y0: 903 (16, 35), 905 (10): median 16.
        // Overdue at the end of 31 March 2011: 908's two (due 10 February; one never returned, one returned in
        // April). Not: 904's and 918's withdrawn (918's only in May 2011: withdrawn never counts), 914's not yet due.
        // Overdue at the end of 31 March 2010: 910's returned 12 April; not 910's withdrawn one, nor the one
        // extended to 5 April, nor 911's due 21 April.
        assertRows(report, "form-b",
                row("Requests sent", 10, 7),
                row("Reports returned", 8, 3),
                row("Median days from request to return", 23.5, 16),
                row("Overdue at year end", 2, 1));
        // Y1: routine 14 June, 13 Sept, 13 Dec 2010, 31 March 2011 (not 1 April 2011); neonatal 4 Oct 2010, 7 Feb 2011.
        assertRows(report, "cdop-meetings",
                row("Routine meetings", 4, 4),
                row("Special neonatal meetings", 2, 1),
                row("CDOP meetings held", 6, 5));
        // Reviews completed in Y1 (by meeting day): of Y0 deaths 906 907 908 (reviewed again after reopening: its
        // March 2010 review no longer counts in Y0) 909 911 (31 March 2011, ratified in April) 912 = 6;
        // of Y1 deaths 901 902 903 904 905 907 910 911 915 (reopened in May 2011, not yet reviewed again) = 9.
        // In Y0: 2009-10/901 902 903 904 905 = 5.
        assertRows(report, "reviews-by-year-of-death",
                row("Deaths in 2009-10", 6, 5),
                row("Deaths in 2010-11", 9, 0),
                row("Reviews completed", 15, 5));
        // Y1 categories: 1: 907; 2: Y0-906; 3: Y0-911; 4: 910; 5: Y0-908 (its latest Form C), 905; 6: Y0-909;
        // 7: Y0-912, 903; 8: 902, 911; 9: Y0-907, 915; 10: 901, 904. Y0: 905 (3), 904 (4), 902 (7), 901 (8), 903 (10).
        assertRows(report, "reviews-by-category",
                row("1 Deliberately inflicted injury, abuse or neglect", 1, 0),
                row("2 Suicide or deliberate self-inflicted harm", 1, 0),
                row("3 Trauma and other external factors", 1, 1),
                row("4 Malignancy", 1, 1),
                row("5 Acute medical or surgical condition", 2, 0),
                row("6 Chronic medical condition", 1, 0),
                row("7 Chromosomal, genetic and congenital anomalies", 2, 1),
                row("8 Perinatal/neonatal event", 2, 1),
                row("9 Infection", 2, 0),
                row("10 Sudden unexpected, unexplained death", 2, 1),
                row("Reviews completed", 15, 5));
        // Y1 yes: Y0-906, Y0-908, Y0-911, 901, 907; insufficient: 904; no: the other 9. Y0 yes 905, insufficient 903.
        // Percentage as NHS Digital's (28% = 991 of 3,540): of the reviews answered yes or no, Y1 5 of 14 = 35.7%,
        // Y0 1 of 4 = 25%.
        assertRows(report, "reviews-by-modifiable",
                row("Modifiable factors identified", 5, 1),
                row("No modifiable factors identified", 9, 3),
                row("Insufficient information", 1, 1),
                row("Reviews completed", 15, 5),
                row("Percentage with modifiable factors", "36% (5 of 14 reviews with enough information to decide)",
                        "25% (1 of 4 reviews with enough information to decide)"));
        JsonNode share = rowOf(report, "reviews-by-modifiable", "Percentage with modifiable factors");
        assertThat(share.get("kind").asText()).isEqualTo("percentage");
        assertThat(share.get("thisYear").get("percent").asInt()).isEqualTo(36);
        assertThat(share.get("thisYear").get("count").asLong()).isEqualTo(5);
        assertThat(share.get("thisYear").get("of").asLong()).isEqualTo(14);
        assertThat(share.get("thisYear").get("ofWhat").asText()).isEqualTo("reviews with enough information to decide");
        assertThat(share.get("previousYear").get("percent").asInt()).isEqualTo(25);
        assertThat(share.get("previousYear").get("of").asLong()).isEqualTo(4);
        assertThat(report.get("asOf").isNull()).isTrue();
        assertThat(report.get("yearHeading").asText()).isEqualTo("2010-11");
        // SCR considered: Y1 Y0-911 and 907; Y0 905.
        assertRows(report, "reviews-scr",
                row("SCR considered", 2, 1),
                row("SCR not considered", 13, 4),
                row("Reviews completed", 15, 5));
        // Days from death to review, Y1: 911 68, 902 140, 915 151, 901 165, Y0-912 166, 910 181, 904 186, 903 209,
        // 907 222, Y0-906 247, Y0-909 251, 905 294, Y0-907 306, Y0-908 354, Y0-911 366: median (8th of 15) 209.
        // Under 6 months: 911 902 915 901 Y0-912 910 (31 March, the day before 6 months); 6-12: 904 903 907 Y0-906
        // Y0-909 905 Y0-907 Y0-908; over 12 months: Y0-911 (died 30 March 2010, reviewed 31 March 2011).
        // Y0: 902 135, 903 152 (under 6); 905 181 (exactly 6 months: 6-12), 904 207, 901 215; median 181.
        assertRows(report, "time-to-review",
                row("Median days from death to review", 209, 181),
                row("Under 6 months", 6, 2),
                row("6-12 months", 8, 3),
                row("Over 12 months", 1, 0),
                row("Reviews completed", 15, 5));
        // Open at the end of 31 March 2011: Y0-910 (never reviewed), Y0-911 (ratified 4 April 2011), and of Y1 905 and
        // 910 (ratified in April), 906 909 912 914 917 (reviewed in Y2), 908 913 916 918 (not reviewed) = 13.
        // Closed: Y0-908 (closed again in December), 915 (reopened only in May 2011). Over 12 months: Y0-910, Y0-911.
        // At the end of 31 March 2010: 906 907 909 910 911 912 = 6 (908 was closed; its reopening came in May).
        assertRows(report, "open-cases",
                row("Open at year end", 13, 6),
                row("Of which over 12 months since the death", 2, 0));
    }

    @Test
    void theFollowingYearSplitsReviewsByYearOfDeathAndCountsAgesAcrossTheLeapDay() {
        JsonNode report = get("spoc", "/api/statistics/2011-12");
        // Reviewed in 2011-12: 2010-11/906 and 917 (July), 909 (October), 912 and 914 (November); beside it 2010-11.
        assertRows(report, "reviews-by-year-of-death",
                row("Deaths in 2009-10", 0, 6),
                row("Deaths in 2010-11", 5, 9),
                row("Reviews completed", 5, 15));
        // 2011-12: 901 22 days; 902 365 days but a day short of the first birthday (the year had 29 February);
        // 903 366 days, the first birthday; 904 born 29 February 2008, died 28 February 2012: 3; 905 5th birthday;
        // 907 12; 906 15; 908 the day before the 18th birthday.
        assertRows(report, "deaths-by-age",
                row("0-27 days (neonatal)", 1, 4),
                row("28-364 days", 1, 3),
                row("1-4 years", 2, 4),
                row("5-9 years", 1, 2),
                row("10-14 years", 1, 2),
                row("15-17 years", 2, 3),
                row("All deaths", 8, 18));
    }

    @Test
    void theCsvOfEveryTableMatchesTheJson() {
        HttpSession chair = api("chair");
        JsonNode report = get("chair", "/api/statistics/2010-11");
        for (JsonNode table : report.get("tables")) {
            String name = table.get("name").asText();
            HttpSession.Response csv = chair.get("/api/statistics/2010-11/" + name + ".csv");
            assertThat(csv.status()).as(name).isEqualTo(200);
            assertThat(csv.header("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
            assertThat(csv.header("Content-Disposition").orElseThrow())
                    .contains("attachment", "cdop-statistics-2010-11-" + name + ".csv");
            List<List<String>> lines = parseCsv(csv.body());
            assertThat(lines.get(0)).containsExactly("Figure", "2010-11", "2009-10");
            assertThat(lines.subList(1, lines.size())).as(name).containsExactlyElementsOf(rows(table));
        }
        String categories = chair.get("/api/statistics/2010-11/reviews-by-category.csv").body();
        assertThat(chair.get("/api/statistics/2010-11/reviews-by-modifiable.csv").body()).endsWith(
                "\r\nPercentage with modifiable factors,36% (5 of 14 reviews with enough information to decide),"
                        + "25% (1 of 4 reviews with enough information to decide)\r\n");
        assertThat(categories).startsWith("Figure,2010-11,2009-10\r\n")
                .contains("\r\n\"1 Deliberately inflicted injury, abuse or neglect\",1,0\r\n")
                .contains("\r\n4 Malignancy,1,1\r\n")
                .endsWith("\r\nReviews completed,15,5\r\n");
        assertThat(chair.get("/api/statistics/2010-11/form-b.csv").body())
                .contains("\r\nMedian days from request to return,23.5,16\r\n");
        assertThat(chair.get("/api/statistics/2010-11/final-case-discussions.csv").body())
                .contains("\r\nNot convened: the family's wishes,1,0\r\n");
    }

    @Test
    void thePublicVersionHidesSmallNumbersAndWhatATotalWouldReveal() {
        JsonNode report = get("panel", "/api/statistics/2010-11?version=public");
        assertThat(report.get("version").asText()).isEqualTo("public");
        assertThat(report.get("note").asText()).contains("<5", "*");
        // One small count (1 undecided) beside a total of 18: the next smallest, 8 expected, is hidden too.
        // Y0 has nothing from 1 to 4: exact, and zero stays zero.
        assertRows(report, "deaths",
                row("Expected", "*", 6),
                row("Unexpected", 9, 6),
                row("Not yet decided", "<5", 0),
                row("All deaths", 18, 12));
        assertRows(report, "deaths-by-sex",
                row("Male", 9, 6),
                row("Female", "*", 6),
                row("Indeterminate", 0, 0),
                row("Not known", "<5", 0),
                row("All deaths", 18, 12));
        // Y0: every row under 5, so no second cell is needed; its total, 5, is shown. The percentage would give the
        // hidden counts away (5 of 14 beside a total of 15): hidden in both years.
        assertRows(report, "reviews-by-modifiable",
                row("Modifiable factors identified", "*", "<5"),
                row("No modifiable factors identified", 9, "<5"),
                row("Insufficient information", "<5", "<5"),
                row("Reviews completed", 15, 5),
                row("Percentage with modifiable factors", "*", "*"));
        // The median is days, not a count of children: shown. Over 12 months (1) hides under 6 months (6).
        assertRows(report, "time-to-review",
                row("Median days from death to review", 209, 181),
                row("Under 6 months", "*", "<5"),
                row("6-12 months", 8, "<5"),
                row("Over 12 months", "<5", 0),
                row("Reviews completed", 15, 5));
        // Several small counts: they hide each other, nothing more is needed.
        assertRows(report, "final-case-discussions",
                row("Held", "<5", "<5"),
                row("Not convened: logistical reasons", "<5", "<5"),
                row("Not convened: the family's wishes", "<5", 0),
                row("Not convened: awaiting criminal proceedings", "<5", 0),
                row("Not convened: other reasons", "<5", 0),
                row("Held or not convened", 8, 5));
        // No total to subtract from: small counts only.
        assertRows(report, "form-b",
                row("Requests sent", 10, 7),
                row("Reports returned", 8, "<5"),
                row("Median days from request to return", 23.5, 16),
                row("Overdue at year end", "<5", "<5"));
        assertRows(report, "open-cases",
                row("Open at year end", 13, 6),
                row("Of which over 12 months since the death", "<5", 0));
        assertRows(report, "reviews-by-year-of-death",
                row("Deaths in 2009-10", 6, 5),
                row("Deaths in 2010-11", 9, 0),
                row("Reviews completed", 15, 5));

        HttpSession.Response csv = api("panel").get("/api/statistics/2010-11/deaths.csv?version=public");
        assertThat(csv.header("Content-Disposition").orElseThrow()).contains("cdop-statistics-2010-11-deaths-public.csv");
        assertThat(csv.body()).isEqualTo("Figure,2010-11,2009-10\r\nExpected,*,6\r\nUnexpected,9,6\r\n"
                + "Not yet decided,<5,0\r\nAll deaths,18,12\r\n");
    }

    @Test
    void aYearWithNoDataIsAReportOfZeros() {
        JsonNode report = get("admin", "/api/statistics/1999-00");
        assertThat(report.get("previousYear").asText()).isEqualTo("1998-99");
        assertThat(report.get("tables")).hasSize(15);
        for (JsonNode table : report.get("tables")) {
            for (JsonNode row : table.get("rows")) {
                if (row.get("kind").asText().equals("median")) {
                    assertThat(row.get("thisYear").isNull()).as(row.toString()).isTrue();
                    assertThat(row.get("previousYear").isNull()).as(row.toString()).isTrue();
                } else {
                    assertThat(row.get("thisYear").asLong()).as(row.toString()).isZero();
                    assertThat(row.get("previousYear").asLong()).as(row.toString()).isZero();
                }
            }
        }
        // No review, so no row for a year of death: only the total.
        assertRows(report, "reviews-by-year-of-death", row("Reviews completed", 0, 0));
        assertThat(api("admin").get("/api/statistics/1999-00/deaths.csv").body())
                .isEqualTo("Figure,1999-00,1998-99\r\nExpected,0,0\r\nUnexpected,0,0\r\nNot yet decided,0,0\r\nAll deaths,0,0\r\n");
    }

    @Test
    void anUnknownYearIsRefusedNamingTheFieldAndTheRule() {
        HttpSession spoc = api("spoc");
        for (String year : List.of("2014", "2014-16", "abc", "14-15", "2014-2015")) {
            for (String path : List.of("/api/statistics/" + year, "/api/statistics/" + year + "/deaths.csv")) {
                HttpSession.Response response = spoc.get(path);
                assertThat(response.status()).as(path).isEqualTo(400);
                JsonNode problem = read(response);
                assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("year");
                assertThat(problem.get("errors").get(0).get("rule").asText()).contains("written like 2014-15");
            }
        }
        HttpSession.Response version = spoc.get("/api/statistics/2010-11?version=secret");
        assertThat(version.status()).isEqualTo(400);
        assertThat(read(version).get("errors").get(0).get("field").asText()).isEqualTo("version");
        HttpSession.Response table = spoc.get("/api/statistics/2010-11/everything.csv");
        assertThat(table.status()).isEqualTo(404);
        assertThat(table.body()).contains("deaths-by-age");
        assertThat(browser().withBasicAuth("spoc", DEMO_PASSWORD).get("/statistics?year=2014-16").status()).isEqualTo(400);
    }

    @Test
    void theSpocThePanelTheChairAndTheAdministratorReadTheStatisticsOthersDoNot() {
        for (String user : List.of("spoc", "panel", "chair", "admin")) {
            assertThat(api(user).get("/api/statistics/2010-11").status()).as(user).isEqualTo(200);
            assertThat(api(user).get("/api/statistics/2010-11/deaths.csv").status()).as(user).isEqualTo(200);
            assertThat(loggedIn(user).get("/statistics?year=2010-11").status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("nurse", "doctor")) {
            assertThat(api(user).get("/api/statistics/2010-11").status()).as(user).isEqualTo(403);
            assertThat(api(user).get("/api/statistics/2010-11/deaths.csv").status()).as(user).isEqualTo(403);
            assertThat(loggedIn(user).get("/statistics?year=2010-11").status()).as(user).isEqualTo(403);
        }
        assertThat(browser().get("/api/statistics/2010-11").status()).isEqualTo(401);
    }

    @Test
    void thePageShowsEveryTableWithThePreviousYearAndCsvLinks() {
        String page = loggedIn("panel").get("/statistics?year=2010-11&version=public").body();
        assertThat(page).contains("CDOP annual statistics", "2010-11", "2009-10", "Public version",
                "/api/statistics/2010-11/deaths.csv?version=public", "All deaths", "&lt;5", "<svg");
        for (String name : Statistics.tablesOfAYearOf(uk.cdr.guidance.Edition.WORKING_TOGETHER_2013)) {
            assertThat(page).contains("id=\"table-" + name + "\"");
        }
    }

    @Test
    void theApiIsDocumentedInOpenApi() {
        HttpSession.Response docs = api("panel").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/statistics/{year}\"", "\"/api/statistics/{year}/{table}.csv\"",
                "text/csv", "YearReport");
    }

    private HttpSession api(String user) {
        return browser().withBasicAuth(user, DEMO_PASSWORD);
    }

    private JsonNode get(String user, String path) {
        HttpSession.Response response = api(user).get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    private static JsonNode read(HttpSession.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.get("tables").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    private static List<String> row(String label, Object thisYear, Object previousYear) {
        return List.of(label, String.valueOf(thisYear), String.valueOf(previousYear));
    }

    @SafeVarargs
    private static void assertRows(JsonNode report, String name, List<String>... expected) {
        JsonNode table = null;
        for (JsonNode t : report.get("tables")) {
            if (t.get("name").asText().equals(name)) {
                table = t;
            }
        }
        assertThat(table).as(name).isNotNull();
        assertThat(rows(table)).as(name).containsExactly(expected);
    }

    /**
     * label, this year, previous year as the CSV writes them (a median of nothing is empty there, null here; a
     * percentage is its text there, an object with its text here).
     */
    private static List<List<String>> rows(JsonNode table) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            rows.add(List.of(row.get("label").asText(), cell(row.get("thisYear")), cell(row.get("previousYear"))));
        }
        return rows;
    }

    private static String cell(JsonNode value) {
        return value.isObject() ? value.get("text").asText() : value.asText();
    }

    private static JsonNode rowOf(JsonNode report, String table, String label) {
        for (JsonNode t : report.get("tables")) {
            for (JsonNode row : t.get("rows")) {
                if (t.get("name").asText().equals(table) && row.get("label").asText().equals(label)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row " + label + " in " + table);
    }

    /** Enough of RFC 4180 for these files: quoted fields with doubled quotes, CRLF between records. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(fields));
                fields.clear();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
