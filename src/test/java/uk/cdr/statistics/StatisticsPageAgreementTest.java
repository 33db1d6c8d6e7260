package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.IntegrationTest;

/**
 * The page a board member prints shows exactly the figures of the JSON (which StatisticsDatasetTest
 * checks against the hand-worked ones): every row of every table, this year and the year before,
 * internal and public.
 */
class StatisticsPageAgreementTest extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr[^>]*>\\s*<th scope=\"row\">([^<]*)</th>\\s*<td class=\"number\">([^<]*)</td>\\s*<td class=\"number previous\">([^<]*)</td>");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void dataset() {
        StatisticsDataset.loadInto(jdbc);
    }

    @Test
    void thePageShowsEveryFigureOfTheJson() throws Exception {
        for (String version : List.of("internal", "public")) {
            JsonNode report = json.readTree(browser().withBasicAuth("panel", DEMO_PASSWORD)
                    .get("/api/statistics/2010-11?version=" + version).body());
            String page = loggedIn("panel").get("/statistics?year=2010-11&version=" + version).body();
            List<List<String>> shown = new ArrayList<>();
            Matcher row = ROW.matcher(page);
            while (row.find()) {
                shown.add(List.of(HtmlUtils.htmlUnescape(row.group(1)), HtmlUtils.htmlUnescape(row.group(2).trim()),
                        HtmlUtils.htmlUnescape(row.group(3).trim())));
            }
            List<List<String>> expected = new ArrayList<>();
            for (JsonNode table : report.get("tables")) {
                for (JsonNode r : table.get("rows")) {
                    expected.add(List.of(r.get("label").asText(), cell(r.get("thisYear")), cell(r.get("previousYear"))));
                }
            }
            assertThat(expected).as(version).hasSizeGreaterThan(60);
            assertThat(shown).as(version + " page rows").containsExactlyElementsOf(expected);
        }
    }

    /** The page writes a missing median as a dash; a number or a hidden count as it is; a percentage as its text. */
    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "–";
        }
        return value.isObject() ? value.get("text").asText() : value.asText();
    }
}
