package uk.cdr.caseimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;

/**
 * The sample file imported, the statistics count its cases exactly like live ones. The figures
 * are worked out by hand from docs/sample-import.csv: 7 deaths in 2012-13 and 8 in 2013-14.
 * Other tests add no deaths, reviews or meetings in 2012-13, nor reviews in 2013-14 (theirs are
 * in 2014-15 and later, or 2009-12 for the statistics dataset); a live notification in
 * CaseImportTest may add a death in 2013-14, so deaths are asserted for 2012-13 only.
 */
class ImportedCasesInStatisticsTest extends IntegrationTest {

    @Autowired
    ObjectMapper json;

    @Test
    void theImportedSampleGivesTheHandWorkedFigures() throws Exception {
        SampleImport.once(browser().withBasicAuth("spoc", DEMO_PASSWORD), json);
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        JsonNode y2012 = json.readTree(panel.get("/api/statistics/2012-13").body());
        JsonNode y2013 = json.readTree(panel.get("/api/statistics/2013-14").body());

        // Deaths in 2012-13: 4 expected and 3 unexpected; one neonatal; one in each age band but two aged 15-17.
        assertThat(figure(y2012, "deaths", "Expected")).isEqualTo(4);
        assertThat(figure(y2012, "deaths", "Unexpected")).isEqualTo(3);
        assertThat(figure(y2012, "deaths", "All deaths")).isEqualTo(7);
        assertThat(List.of(figure(y2012, "deaths-by-age", "0-27"), figure(y2012, "deaths-by-age", "28-364"),
                figure(y2012, "deaths-by-age", "1-4"), figure(y2012, "deaths-by-age", "5-9"),
                figure(y2012, "deaths-by-age", "10-14"), figure(y2012, "deaths-by-age", "15-17")))
                .containsExactly(1, 1, 1, 1, 1, 2);

        // Reviews completed in 2012-13: two, categories 6 and 8, neither with modifiable factors;
        // one routine meeting and one special neonatal panel.
        assertThat(figure(y2012, "reviews-by-modifiable", "No modifiable")).isEqualTo(2);
        assertThat(figure(y2012, "reviews-by-category", "6")).isEqualTo(1);
        assertThat(figure(y2012, "reviews-by-category", "8")).isEqualTo(1);
        assertThat(figure(y2012, "cdop-meetings", "Routine")).isEqualTo(1);
        assertThat(figure(y2012, "cdop-meetings", "Special neonatal")).isEqualTo(1);

        // Reviews completed in 2013-14: seven, four of 2012-13 deaths and three of 2013-14 deaths;
        // modifiable factors yes 2, no 4, insufficient information 1; categories 2, 3, 4, 5, 6, 9, 10;
        // four routine meetings and one neonatal panel.
        assertThat(figure(y2013, "reviews-by-year-of-death", "Deaths in 2012-13")).isEqualTo(4);
        assertThat(figure(y2013, "reviews-by-year-of-death", "Deaths in 2013-14")).isEqualTo(3);
        assertThat(List.of(figure(y2013, "reviews-by-modifiable", "Modifiable factors identified"),
                figure(y2013, "reviews-by-modifiable", "No modifiable"),
                figure(y2013, "reviews-by-modifiable", "Insufficient"))).containsExactly(2, 4, 1);
        for (String category : List.of("2", "3", "4", "5", "6", "9", "10")) {
            assertThat(figure(y2013, "reviews-by-category", category)).as("category " + category).isEqualTo(1);
        }
        assertThat(figure(y2013, "reviews-by-category", "1")).isZero();
        assertThat(figure(y2013, "cdop-meetings", "Routine")).isEqualTo(4);
        assertThat(figure(y2013, "cdop-meetings", "Special neonatal")).isEqualTo(1);
    }

    /** This year's figure of the row whose label starts with the given words (a category by its number). */
    private static int figure(JsonNode report, String table, String labelStart) {
        List<String> labels = new ArrayList<>();
        for (JsonNode t : report.get("tables")) {
            if (!t.get("name").asText().equals(table)) {
                continue;
            }
            for (JsonNode row : t.get("rows")) {
                String label = row.get("label").asText();
                labels.add(label);
                boolean category = labelStart.matches("\\d+");
                if (category ? label.matches("^" + labelStart + "\\D.*") : label.startsWith(labelStart)) {
                    return row.get("thisYear").asInt();
                }
            }
        }
        throw new AssertionError("no row '" + labelStart + "' in " + table + ": " + labels);
    }
}
