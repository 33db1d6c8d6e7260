package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.HttpSession;

/** Reading a report of GET /api/statistics/{year} as a user of the API would: tables by name, rows by label. */
final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {
    }

    static JsonNode json(HttpSession.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> names(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.get("tables").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    static JsonNode table(JsonNode report, String name) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + names(report));
    }

    static JsonNode row(JsonNode report, String tableName, String label) {
        for (JsonNode row : table(report, tableName).get("rows")) {
            if (row.get("label").asText().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + tableName);
    }

    static long figure(JsonNode report, String tableName, String label) {
        return row(report, tableName, label).get("thisYear").asLong();
    }

    /** Each row as label=figure; a percentage as its whole percent. */
    static String figures(JsonNode report, String tableName) {
        StringBuilder text = new StringBuilder();
        table(report, tableName).get("rows").forEach(row -> text.append(text.isEmpty() ? "" : " ")
                .append(row.get("label").asText()).append('=').append(row.get("thisYear").has("percent")
                        ? row.get("thisYear").get("percent").asText() : row.get("thisYear").asText()));
        return text.toString();
    }
}
