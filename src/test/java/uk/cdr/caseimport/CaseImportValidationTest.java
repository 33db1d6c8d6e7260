package uk.cdr.caseimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.cdr.caseimport.ImportFiles.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;

/** Bad files: every problem reported with its row, column and rule, and nothing imported. */
class CaseImportValidationTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("case_file", "notification", "rapid_response", "case_meeting",
            "final_case_discussion", "agency_report_request", "panel_meeting", "panel_assignment", "cdop_review", "form_c",
            "audit_log", "case_reference_sequence");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    record Problem(Integer row, String column, String rule) {
    }

    @Test
    void severalBadRowsAreAllReportedAndNothingIsImported() throws Exception {
        Map<String, Long> before = counts();
        String file = csv(
                closedCase(),
                with(openCase(), "date_of_birth", "2013-11-01", "sex", "boy"),
                with(openCase(), "nhs_number", "1234567890", "category", "4"),
                with(closedCase(), "date_of_death", LocalDate.now().plusDays(3).toString(), "review_completed_on", "",
                        "modifiable", ""),
                with(openCase(), "death_classification", "unexpected", "rapid_response", ""));
        List<Problem> problems = refused(postCsv(api("spoc"), utf8(file)));

        assertThat(problems).extracting(Problem::row, Problem::column).containsExactly(
                tuple(3, "sex"),
                tuple(3, "date_of_death"),
                tuple(4, "nhs_number"),
                tuple(4, "category"),
                tuple(5, "date_of_death"),
                tuple(5, "review_completed_on"),
                tuple(5, "modifiable"),
                tuple(6, "rapid_response"));
        assertThat(problems.get(0).rule()).startsWith("must be one of male, female, indeterminate, not-known");
        assertThat(problems.get(1).rule()).startsWith("must not be before date_of_birth");
        assertThat(problems.get(2).rule()).isEqualTo("must be 10 digits with a valid check digit");
        assertThat(problems.get(3).rule()).isEqualTo("must be empty unless status is closed");
        assertThat(problems.get(4).rule()).startsWith("must not be in the future");
        assertThat(problems.get(5).rule()).startsWith("is required");
        assertThat(problems.get(7).rule()).isEqualTo("is required for an unexpected death: yes or no");
        assertThat(counts()).as("nothing written, not even the valid row").isEqualTo(before);
    }

    @Test
    void malformedCsvNamesTheRow() throws Exception {
        String header = String.join(",", HEADER);
        String good = csv(openCase()).split("\n")[1];
        assertThat(refused(postCsv(api("spoc"), utf8(header + "\n" + good + "\n" + good.replaceFirst("Ima", "\"Ima")))))
                .containsExactly(new Problem(3, null, "has a quoted field that is never closed (unbalanced quotes)"));
        assertThat(refused(postCsv(api("spoc"), utf8(header + "\n" + good + ",extra\n"))))
                .containsExactly(new Problem(2, null, "has " + (HEADER.size() + 1) + " fields but the header has "
                        + HEADER.size() + ": a comma is missing or one too many (quote text that contains commas)"));
        assertThat(refused(postCsv(api("spoc"), utf8(header + "\n" + good.replaceFirst("Ima", "I\"ma") + "\n"))))
                .extracting(Problem::row, Problem::rule).containsExactly(tuple(2,
                        "has a quote inside an unquoted field: put the whole field in quotes and double the quote (\"\")"));
        assertThat(refused(postCsv(api("spoc"), utf8(header + "\n" + good.replaceFirst("Ima", "\"Ima\"x") + "\n"))))
                .extracting(Problem::row).containsExactly(2);
    }

    @Test
    void aNameHoldsNoTabOrOtherControlCharacter() throws Exception {
        String file = csv(with(openCase(), "child_first_name", "Ima\tBcc: x@evil.example"));
        assertThat(refused(postCsv(api("spoc"), utf8(file)))).containsExactly(
                new Problem(2, "child_first_name", uk.cdr.web.PlainText.SINGLE_LINE_RULE));
    }

    @Test
    void onlyUtf8IsRead() throws Exception {
        String text = csv(openCase(), with(openCase(), "child_first_name", "Zoë"));
        List<Problem> problems = refused(postCsv(api("spoc"), text.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).row()).isEqualTo(3);
        assertThat(problems.get(0).rule()).startsWith("the file is not UTF-8 text (byte 0xEB cannot be read)")
                .contains("CSV UTF-8");
        assertThat(refused(postCsv(api("spoc"), csv(openCase()).getBytes(StandardCharsets.UTF_16LE))).get(0).rule())
                .as("UTF-16 without its byte order mark").contains("NUL characters");
        assertThat(refused(postCsv(api("spoc"), csv(openCase()).getBytes(StandardCharsets.UTF_16))).get(0).rule())
                .startsWith("the file is not UTF-8 text (byte 0xFE cannot be read)");
    }

    @Test
    void aByteOrderMarkAndCrlfAndUkDatesAreFine() throws Exception {
        String text = csv(with(openCase(), "child_first_name", "Zoë", "date_of_birth", "01/02/2010", "date_of_death",
                "5/11/2013"), with(openCase(), "sex", "boy")).replace("\n", "\r\n");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] file = new byte[bom.length + utf8(text).length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(utf8(text), 0, file, bom.length, utf8(text).length);
        assertThat(refused(postCsv(api("spoc"), file))).as("only the deliberate mistake; the header and row 2 read well")
                .extracting(Problem::row, Problem::column).containsExactly(tuple(3, "sex"));
        assertThat(refused(postMultipart(api("spoc"), "/api/import/cases", Map.of(), "bom.csv", file, Map.of())))
                .extracting(Problem::row, Problem::column).containsExactly(tuple(3, "sex"));
    }

    @Test
    void theSameDeathTwiceInTheFileIsRefused() throws Exception {
        Map<String, String> first = with(openCase(), "case_reference", "2013-14/901");
        List<Problem> problems = refused(postCsv(api("spoc"), utf8(csv(first,
                with(openCase(), "nhs_number", first.get("nhs_number")),
                with(first, "nhs_number", ""),
                with(openCase(), "case_reference", "2013-14/901")))));
        assertThat(problems).containsExactly(
                new Problem(3, "nhs_number", "is the same NHS number as row 2"),
                new Problem(4, "case_reference", "is the same case reference as row 2"),
                new Problem(4, "child_last_name", "is the same child (name, date_of_birth and date_of_death) as row 2"),
                new Problem(5, "case_reference", "is the same case reference as row 2"));
    }

    @Test
    void aDeathTheAppAlreadyHasIsRefused() throws Exception {
        SampleImport.once(api("spoc"), json);
        Map<String, Object> rowan = jdbc.sql("select child_first_name, child_last_name, nhs_number from case_file "
                + "where case_reference = '2012-13/004'").query().singleRow();
        List<Problem> problems = refused(postCsv(api("spoc"), utf8(csv(
                with(openCase(), "nhs_number", "999 526 0182"),
                with(openCase(), "case_reference", "2012-13/004", "date_of_death", "2012-12-01"),
                with(openCase(), "child_first_name", "ROWAN", "child_last_name", (String) rowan.get("child_last_name"),
                        "date_of_birth", "2012-06-02", "date_of_death", "2012-10-21")))));
        assertThat(problems).containsExactly(
                new Problem(2, "nhs_number", "matches existing case 2012-13/003 (same NHS number)"),
                new Problem(3, "case_reference", "case 2012-13/004 already exists"),
                new Problem(4, "child_last_name", "matches existing case 2012-13/004 (same name, date of birth and date of death)"));
        assertThat(SampleImport.once(api("spoc"), json)).hasSize(15);
        assertThat(refused(ImportFiles.postMultipart(api("spoc"), "/api/import/cases", Map.of(), "again.csv",
                SampleImport.bytes(), Map.of()))).as("the sample a second time").hasSizeGreaterThanOrEqualTo(15)
                .extracting(Problem::column).contains("case_reference", "nhs_number", "child_last_name");
    }

    @Test
    void unknownCodesAreNamed() throws Exception {
        List<Problem> problems = refused(postCsv(api("spoc"), utf8(csv(
                with(closedCase(), "ethnicity", "martian", "place_of_death", "moon", "category", "11", "modifiable", "maybe",
                        "meeting_type", "special", "domain_child", "4", "scr_considered", "perhaps"),
                with(openCase(), "death_classification", "unexpected", "rapid_response", "yes", "final_case_discussion",
                        "not-convened", "final_case_discussion_reason", "weather", "status", "pending")))));
        assertThat(problems).extracting(Problem::row, Problem::column).containsExactly(
                tuple(2, "ethnicity"), tuple(2, "place_of_death"), tuple(2, "meeting_type"), tuple(2, "category"),
                tuple(2, "modifiable"), tuple(2, "scr_considered"), tuple(2, "domain_child"),
                tuple(3, "final_case_discussion_reason"), tuple(3, "status"));
        assertThat(problems.get(3).rule()).isEqualTo("must be a whole number from 1 to 10 (was \"11\")");
        assertThat(problems.get(6).rule()).isEqualTo("must be one of 0, 1, 1*, 2, 3 (was \"4\")");
        assertThat(problems.get(8).rule()).isEqualTo("is required: one of open, closed".replace("is required: ", "must be ")
                + " (was \"pending\")");
    }

    @Test
    void datesOutOfRangeAreRefused() throws Exception {
        List<Problem> problems = refused(postCsv(api("spoc"), utf8(csv(
                with(openCase(), "date_of_birth", "1995-10-09", "date_of_death", "2013-10-10"),
                with(closedCase(), "review_completed_on", "2013-09-01"),
                with(openCase(), "case_reference", "2012-13/005"),
                with(openCase(), "form_b_requested", "2", "form_b_requested_on", "2013-10-20", "form_b_returned", "3",
                        "form_b_returned_on", "2013-10-25"),
                with(openCase(), "form_b_requested", "2", "form_b_requested_on", "2013-10-20", "form_b_returned", "1",
                        "form_b_returned_on", "2013-10-19"),
                with(closedCase(), "meeting_type", "neonatal"),
                with(openCase(), "date_of_death", "31/02/2013"),
                with(openCase(), "notified_on", "2013-10-09")))));
        assertThat(problems).containsExactly(
                new Problem(2, "date_of_death", "the child must be under 18 at death (born 1995-10-09)"),
                new Problem(3, "review_completed_on", "must not be before date_of_death (2013-10-10; was 2013-09-01)"),
                new Problem(4, "case_reference", "must be numbered in the reporting year of the death, 2013-14 (was \"2012-13/005\")"),
                new Problem(5, "form_b_returned", "must not be more than form_b_requested (2)"),
                new Problem(6, "form_b_returned_on", "must not be before form_b_requested_on (2013-10-20; was 2013-10-19)"),
                new Problem(7, "meeting_type", "a special neonatal panel reviews neonatal deaths only (under 28 days old at death)"),
                new Problem(8, "date_of_death", "must be a date, yyyy-mm-dd or dd/mm/yyyy (was \"31/02/2013\")"),
                new Problem(9, "notified_on", "must not be before date_of_death (2013-10-10; was 2013-10-09)"));
    }

    @Test
    void theFileAsAWholeMustBeAnImportFile() throws Exception {
        assertThat(refused(postCsv(api("spoc"), new byte[0]))).containsExactly(
                new Problem(null, null, "the file is empty: its first row must name the columns (see docs/import.md)"));
        assertThat(refused(postCsv(api("spoc"), utf8(String.join(",", HEADER) + "\r\n,,,\r\n")))).containsExactly(
                new Problem(null, null, "the file has a header but no case rows"));
        assertThat(refused(postCsv(api("spoc"), utf8(String.join(";", HEADER) + "\n"))).get(0).rule())
                .startsWith("columns must be separated by commas, not semicolons");
        String header = "case_reference,child_first_name,child_name,date_of_birth,sex,sex,ethnicity,date_of_death,"
                + "place_of_death,status,";
        assertThat(refused(postCsv(api("spoc"), utf8(header + "\n")))).containsExactly(
                new Problem(1, "child_name", "is not a column of the import format (see docs/import.md)"),
                new Problem(1, "sex", "appears more than once"),
                new Problem(1, "column 11", "has no name: every column needs one (see docs/import.md)"),
                new Problem(1, "child_last_name", "is a required column and is missing"));
    }

    @Test
    void atMostTenThousandRowsAtOnce() throws Exception {
        StringBuilder file = new StringBuilder("child_first_name,child_last_name,date_of_birth,sex,ethnicity,date_of_death,"
                + "place_of_death,status\n");
        for (int i = 0; i < 10_001; i++) {
            file.append("Ima,Manyrows").append(i).append(",2010-01-01,female,white-british,2013-10-10,home,open\n");
        }
        assertThat(refused(postCsv(api("spoc"), utf8(file.toString())))).containsExactly(new Problem(null, null,
                "the file has 10001 case rows; at most 10000 can be imported at once: split it into several files"));
    }

    private HttpSession api(String user) {
        return browser().withBasicAuth(user, DEMO_PASSWORD);
    }

    /** The problems of a refused file, as the API lists them in its RFC 9457 answer. */
    private List<Problem> refused(HttpSession.Response response) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("title").asText()).isEqualTo("Invalid import file");
        List<Problem> problems = new ArrayList<>();
        body.get("errors").forEach(e -> problems.add(new Problem(e.get("row").isNull() ? null : e.get("row").asInt(),
                e.get("column").isNull() ? null : e.get("column").asText(), e.get("rule").asText())));
        return problems;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("last_sequence", jdbc.sql("select coalesce(sum(last_sequence), 0) from case_reference_sequence")
                .query(Long.class).single());
        return counts;
    }
}
