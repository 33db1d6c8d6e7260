package uk.cdr.caseimport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;

/**
 * Import files for tests. Tests share one database, so every row is a child no other test has:
 * its own name and NHS number. Deaths are in 2012-13 and 2013-14, years no other test uses.
 */
final class ImportFiles {

    static final List<String> HEADER = Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList();
    static final String CSV = "text/csv";

    private ImportFiles() {
    }

    /** A valid open case: an expected death in 2013-14, no Form B yet. Change what the test is about. */
    static Map<String, String> openCase() {
        Map<String, String> row = new LinkedHashMap<>();
        HEADER.forEach(column -> row.put(column, ""));
        row.put("child_first_name", "Ima");
        row.put("child_last_name", "Testrow-" + UUID.randomUUID().toString().substring(0, 8));
        row.put("date_of_birth", "2010-01-01");
        row.put("sex", "female");
        row.put("ethnicity", "white-british");
        row.put("nhs_number", TestForms.uniqueNhsNumber());
        row.put("date_of_death", "2013-10-10");
        row.put("place_of_death", "home");
        row.put("area", "north");
        row.put("death_classification", "expected");
        row.put("rapid_response", "no");
        row.put("status", "open");
        return row;
    }

    /** A valid closed case: reviewed at a routine meeting in 2013-14. */
    static Map<String, String> closedCase() {
        Map<String, String> row = openCase();
        row.put("status", "closed");
        row.put("review_completed_on", "2014-02-12");
        row.put("meeting_type", "routine");
        row.put("category", "6");
        row.put("modifiable", "no");
        row.put("scr_considered", "no");
        return row;
    }

    static Map<String, String> with(Map<String, String> row, String... columnsAndValues) {
        Map<String, String> changed = new LinkedHashMap<>(row);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            changed.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return changed;
    }

    /** The header and the rows, each with every column of the format, LF line ends. */
    @SafeVarargs
    static String csv(Map<String, String>... rows) {
        StringBuilder text = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Map<String, String> row : rows) {
            text.append(HEADER.stream().map(c -> quoted(row.get(c))).collect(Collectors.joining(","))).append('\n');
        }
        return text.toString();
    }

    static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static HttpSession.Response postCsv(HttpSession session, byte[] body) {
        return session.post("/api/import/cases", CSV, body, Map.of());
    }

    /** multipart/form-data as a browser sends it: the fields, then the file. */
    static HttpSession.Response postMultipart(HttpSession session, String path, Map<String, String> fields,
            String fileName, byte[] file, Map<String, String> headers) {
        String boundary = "----cdr-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n")));
        body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n"));
        body.writeBytes(file);
        body.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        return session.post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
    }
}
