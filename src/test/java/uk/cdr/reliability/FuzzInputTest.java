package uk.cdr.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.panel.PanelMeetings;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.ProcessTest;

/**
 * Scenario 6 of the reliability table (docs/reliability.md): more than 10,000 generated bad or
 * hostile inputs (seeded random generators: wrong types, missing fields, nulls, huge strings, control
 * characters, unicode, nested junk, malformed JSON/CSV/form encoding) to Form A, Form B, Form C,
 * meetings, the panel's actions, the import and the query endpoints. Each input must get an answer
 * below 500, and a refused one (4xx) must leave every app table (and the engine's runtime) as it
 * was; the audit log is left out because reads and refusals are audited. Almost every input breaks
 * at least one rule on purpose, so nothing is written to the shared database.
 */
class FuzzInputTest extends ProcessTest {

    /** Every app table a request could write, and the engine's runtime; not audit_log, which records refusals. */
    static final List<String> TABLES = List.of("case_file", "notification", "notification_agency", "notification_lock",
            "case_reference_sequence", "sent_email", "agency_report_request", "agency_report", "rapid_response",
            "case_meeting", "meeting_attendee", "case_action", "post_mortem", "final_case_discussion", "panel_meeting",
            "panel_assignment", "form_c", "form_c_recommendation", "cdop_review", "case_reopening", "act_ru_execution",
            "act_ru_task", "act_ru_job", "act_ru_variable");

    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "'; drop table case_file; --",
            "' or '1'='1", "${7*7}", "#{T(java.lang.Runtime).getRuntime().exec('id')}", "../../../../etc/passwd",
            "%00", "\u0000", "\uFEFF", "\u202Eevil", "😀👨‍👩‍👧", "𝕏𝕐", "\ud800", "null", "NaN", "-0", "1e999999",
            "{{7*7}}", "\\u0000", "\r\nSet-Cookie: a=b", "ROUTINE\u0000", "routine", " ROUTINE ", "2015-02-29",
            "9999999999", "-1", "true", "[]", "{}");

    static final List<Object> BAD_DATES = List.of("2015-02-30", "2015-13-01", "0000-00-00", "+999999999-12-31",
            "not a date", "", " ", "10/03/2015", "2015-3-1", "2015-03-10T10:00:00Z", "20150310", "2015-W11",
            Map.of("year", 2015), List.of(2015, 3, 10), "2015-03-10\u0000", true, 1.5);

    static final List<String> IMPORT_HEADER = List.of("case_reference", "child_first_name", "child_last_name",
            "date_of_birth", "sex", "ethnicity", "nhs_number", "date_of_death", "place_of_death", "notified_on",
            "death_classification", "rapid_response", "rapid_response_meeting_on", "final_case_discussion",
            "final_case_discussion_reason", "form_b_requested", "form_b_requested_on", "form_b_returned",
            "form_b_returned_on", "form_b_proceed_reason", "status", "review_completed_on", "meeting_type", "category",
            "modifiable", "scr_considered", "domain_child", "domain_family", "domain_parenting", "domain_services");


    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    PanelMeetings meetings;

    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Map<String, Integer> sent = new TreeMap<>();
    private final Map<String, Integer> accepted = new TreeMap<>();
    private final Map<String, Long> millis = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private long[] lastCounts;

    // ------------------------------------------------- generators (seeded: -Dfuzz.seed=n repeats a run)

    /** Any UTF-16 text, unpaired surrogates and control characters included. */
    private String anyString(int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    private String charsIn(char from, char to, int minLength, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) (from + random.nextInt(to - from + 1)));
        }
        return text.toString();
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** One JSON leaf, weighted towards what breaks parsers and validators. */
    private Object leaf() {
        int r = random.nextInt(20);
        if (r < 4) {
            return anyString(40);
        } else if (r < 6) {
            return charsIn('\u0000', '\u001f', 0, 12);
        } else if (r < 9) {
            return charsIn('\u0370', '\u2fff', 1, 30);
        } else if (r < 12) {
            return pick(HOSTILE);
        } else if (r < 13) {
            return "Ü".repeat(between(201, 60_000));
        } else if (r < 15) {
            return random.nextInt();
        } else if (r < 16) {
            return random.nextLong();
        } else if (r < 17) {
            return random.nextDouble() * Math.pow(10, between(-300, 300));
        } else if (r < 18) {
            return random.nextBoolean();
        }
        return pick(BAD_DATES);
    }

    /** Any JSON value: leaves, and lists and objects of them up to three deep; sometimes null. */
    private Object junkValue() {
        return random.nextInt(10) == 0 ? null : junk(random.nextInt(4));
    }

    private Object junk(int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return leaf();
        }
        int size = random.nextInt(5);
        if (random.nextBoolean()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                list.add(junk(depth - 1));
            }
            return list;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            object.put(random.nextBoolean() ? anyString(12) : pick(HOSTILE), junk(depth - 1));
        }
        return object;
    }

    /** Bodies that are not JSON, or JSON no parser should accept whole. */
    private String malformedBody() {
        int r = random.nextInt(8);
        if (r < 3) {
            return anyString(200);
        } else if (r < 4) {
            return "[".repeat(between(1, 5_000));
        } else if (r < 5) {
            int n = between(500, 3_000);
            return "{\"a\":".repeat(n) + "1" + "}".repeat(n);
        } else if (r < 6) {
            return "1".repeat(between(1_000, 100_000));
        }
        return pick(List.of("", "null", "[]", "{}", "true", "\"x\"", "0", "{\"a\":}", "{'a':1}",
                "\uFEFF{}", "{\"a\":1,}", "{\"a\":NaN}", "[{\"a\":1}]", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\x\"}",
                "{\"version\":1e400}", "{\"version\":99999999999999999999}", "\u0000", "<xml/>"));
    }

    private String junkString() {
        return switch (random.nextInt(4)) {
            case 0 -> anyString(30);
            case 1 -> pick(HOSTILE);
            case 2 -> charsIn('\u0370', '\u2fff', 0, 20);
            default -> "x".repeat(between(1, 5_000));
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * A valid body, broken: one certain break of a rule (the breakers), then up to four random
     * changes: a field removed, given junk, renamed, or an unknown field added.
     */
    private String mutated(Map<String, Object> valid, Map<String, List<Object>> breakers) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        String field = pick(List.copyOf(breakers.keySet()));
        Object breaker = pick(breakers.get(field));
        if (breaker == REMOVE) {
            body.remove(field);
        } else {
            body.put(field, breaker);
        }
        int changes = random.nextInt(5);
        for (int i = 0; i < changes; i++) {
            String key = pick(List.copyOf(valid.keySet()));
            if (breakers.containsKey(key)) {
                continue; // keep the certain break: a random change could mend it
            }
            switch (random.nextInt(4)) {
                case 0 -> body.remove(key);
                case 1 -> body.put(key, junkValue());
                case 2 -> body.put(key.toUpperCase(), body.remove(key));
                default -> body.put(junkString(), junkValue());
            }
        }
        return toJson(body);
    }

    private static final Object REMOVE = new Object();

    private String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> asMap(Object value) {
        return objectMapper.convertValue(value, new TypeReference<Map<String, Object>>() {
        });
    }

    /** A JSON body: mostly a broken valid one, else junk of any shape or malformed text. */
    private String jsonBody(Map<String, Object> valid, Map<String, List<Object>> breakers) {
        int kind = random.nextInt(10);
        if (kind < 7) {
            return mutated(valid, breakers);
        }
        if (kind < 8) {
            Object any = junkValue();
            return any instanceof Map<?, ?> m && !m.isEmpty() ? toJson(any) : toJson(List.of(String.valueOf(any)));
        }
        if (kind < 9) {
            String json = mutated(valid, breakers);
            return json.substring(0, random.nextInt(json.length())); // truncated
        }
        return malformedBody();
    }

    // ---------------------------------------------------------------- the property

    private long[] counts() {
        String sql = "select " + TABLES.stream().map(t -> "(select count(*) from " + t + ")").collect(Collectors.joining(", "));
        return jdbc.sql(sql).query((rs, row) -> {
            long[] c = new long[TABLES.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = rs.getLong(i + 1);
            }
            return c;
        }).single();
    }

    /** Sends one input; the answer must be below 500, and a 4xx must leave every table as it was. */
    private void check(String endpoint, String input, Supplier<Response> call) {
        long[] before = lastCounts;
        long startedAt = System.nanoTime();
        Response response;
        try {
            response = call.get();
        } catch (RuntimeException e) {
            failures.add(endpoint + ": no answer (" + e + ") to " + abbreviate(input));
            lastCounts = counts();
            return;
        }
        sent.merge(endpoint, 1, Integer::sum);
        millis.merge(endpoint, (System.nanoTime() - startedAt) / 1_000_000L, Long::sum);
        long[] after = counts();
        lastCounts = after;
        int status = response.status();
        if (status >= 500) {
            failures.add(endpoint + ": " + status + " to " + abbreviate(input) + " -> " + abbreviate(response.body()));
        } else if (status >= 400 && !Arrays.equals(before, after)) {
            failures.add(endpoint + ": " + status + " but tables changed " + changed(before, after) + " by "
                    + abbreviate(input));
        } else if (status < 400) {
            accepted.merge(endpoint, 1, Integer::sum);
        }
    }

    private static String changed(long[] before, long[] after) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changed.add(TABLES.get(i) + " " + before[i] + "->" + after[i]);
            }
        }
        return changed.toString();
    }

    private static String abbreviate(String s) {
        String printable = s == null ? "null" : s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 300 ? printable.substring(0, 300) + "…(" + printable.length() + " chars)" : printable;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void tenThousandHostileInputsGetNo5xxAndRefusedOnesWriteNothing() {
        Fixture fixture = fixture();
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        HttpSession admin = browser().withBasicAuth("admin", DEMO_PASSWORD);
        lastCounts = counts();
        long started = System.nanoTime();

        formA(spoc, 1_500, 600);
        formB(fixture, 1_600);
        formC(panel, fixture, 1_200);
        meetingsAndPanelActions(spoc, panel, fixture, 1_200, 300, 800);
        caseImport(spoc, 900);
        queries(spoc, admin, 1_000, 700, 700);

        int total = sent.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Fuzzed input: %,d requests in %d s (seed %d: -Dfuzz.seed repeats it); per endpoint: %s; accepted (2xx/3xx): %s%n",
                total, (System.nanoTime() - started) / 1_000_000_000L, seed, sent, accepted);
        System.out.println("FUZZ FAILURES: " + failures.size() + "; milliseconds per endpoint: " + millis);
        failures.stream().limit(40).forEach(f -> System.out.println("FUZZ FAILURE " + f));
        assertThat(failures).as("%d failures", failures.size()).isEmpty();
        assertThat(total).isGreaterThanOrEqualTo(10_000);
    }

    private void formA(HttpSession spoc, int notifications, int checks) {
        FormA form = TestForms.aNotification();
        Map<String, Object> valid = asMap(form);
        valid.put("agencies", List.of(Map.of("agency", "Metropolitan Police", "contactName", "DC Jones",
                "contactEmail", "dc.jones@police.example")));
        List<Object> badText = List.of(REMOVE, "", "   ", "x".repeat(5_001), Map.of("a", 1), List.of("a"));
        Map<String, List<Object>> breakers = new LinkedHashMap<>();
        for (String required : List.of("childLastName", "childFirstName", "sex", "placeOfDeath", "notifierName",
                "notifiedExpected", "ethnicity")) {
            breakers.put(required, badText);
        }
        breakers.put("dateOfDeath", concat(BAD_DATES, List.of(REMOVE, "2999-01-01")));
        breakers.put("dateOfBirth", concat(BAD_DATES, List.of(REMOVE, "2999-01-01")));
        breakers.put("timeOfDeath", List.of("25:00", "10:61", "noon", Map.of("h", 1), List.of(10, 0)));
        breakers.put("nhsNumber", List.of("1234567890", "12345", "abcdefghij", "943 476 5919 9", Map.of()));
        breakers.put("agencies", List.of("police", Map.of("agency", 1), List.of("x", 1),
                List.of(Map.of("agency", "", "contactName", "", "contactEmail", "not-an-email"))));
        for (int i = 0; i < notifications; i++) {
            String body = jsonBody(valid, breakers);
            check("POST /api/notifications", body, () -> spoc.postJson("/api/notifications", body));
        }
        for (int i = 0; i < checks; i++) {
            String body = jsonBody(valid, breakers);
            check("POST /api/notifications/check", body, () -> spoc.postJson("/api/notifications/check", body));
        }
    }

    private void formB(Fixture fixture, int count) {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("reporterName", "Dr Gee Pee");
        valid.put("reporterRole", "GP partner");
        valid.put("reporterAgency", "High Street Surgery");
        valid.put("reporterEmail", "gee.pee@nhs.example");
        valid.put("reporterPhone", "020 7946 0001");
        valid.put("contactWith", "child-and-family");
        // Dates as the page's GOV.UK date inputs post them: day, month and year apart.
        valid.put("firstContactDate-day", "10");
        valid.put("firstContactDate-month", "11");
        valid.put("firstContactDate-year", "2014");
        valid.put("lastContactDate-day", "20");
        valid.put("lastContactDate-month", "2");
        valid.put("lastContactDate-year", "2015");
        valid.put("natureOfContact", "Registered patient; six-week check; immunisations.");
        valid.put("knownHealth", "yes");
        valid.put("knownHealthDetails", "Mild reflux, treated.");
        valid.put("development", "no");
        valid.put("familyAndEnvironment", "not-known");
        valid.put("parenting", "no");
        valid.put("serviceFactors", "not-known");
        valid.put("concerns", "no");
        valid.put("additionalInformation", "None.");
        // Each certainly breaks a rule (values are trimmed first: "yes\u0000" would be a valid "yes").
        Map<String, List<String>> breakers = Map.of(
                "reporterName", List.of("", " ", "\u0000\t"),
                "reporterEmail", List.of("nope", "a@", "@b", "a b@c.d", "x@y"),
                "parenting", List.of("perhaps", "YES", "no\u00a0"),
                // Never blank: with the other two boxes removed, a blank box would be no date at all.
                "firstContactDate-day", List.of("31", "yesterday", "0"),
                "firstContactDate-month", List.of("13", "Nov"),
                "firstContactDate-year", List.of("2999", "14"),
                "natureOfContact", List.of("x".repeat(4_001)),
                "contactWith", List.of("everyone", "child-and-family;drop table x"));
        HttpSession agency = browser();
        String path = "/form-b/" + fixture.formBToken();
        assertThat(agency.get(path).status()).as("the Form B link opens").isEqualTo(200);
        String csrf = agency.csrfTokenFrom(path);
        for (int i = 0; i < count; i++) {
            Map<String, String> form = new LinkedHashMap<>(valid);
            String broken = pick(List.copyOf(breakers.keySet()));
            form.put(broken, pick(breakers.get(broken)));
            int changes = random.nextInt(5);
            for (int c = 0; c < changes; c++) {
                String key = pick(List.copyOf(valid.keySet()));
                if (key.equals(broken)) {
                    continue;
                }
                switch (random.nextInt(3)) {
                    case 0 -> form.remove(key);
                    case 1 -> form.put(key, junkString());
                    default -> form.put(junkString(), junkString());
                }
            }
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(enc(k)).append('=').append(enc(v)).append('&'));
            int kind = random.nextInt(10);
            if (kind == 0) {
                body.append("_csrf=").append(enc(junkString())); // a forged token: 403
            } else {
                body.append("_csrf=").append(enc(csrf));
            }
            if (kind == 1) {
                body.append("&%zz=%&&==&").append(enc(broken)).append("=second"); // broken encoding, repeated field
            }
            String target = kind == 2 ? "/form-b/" + enc(junkString()).replace("%2F", "") : path;
            String input = target + " " + body;
            check("POST /form-b/{token}", input, () -> {
                Response response = agency.post(target, "application/x-www-form-urlencoded",
                        body.toString().getBytes(StandardCharsets.UTF_8), Map.of("Accept", "text/html"));
                if (response.status() < 400) {
                    failures.add("POST /form-b/{token}: a broken Form B was accepted: " + abbreviate(input));
                }
                return response;
            });
        }
        Response after = agency.get(path);
        if (after.status() != 200) {
            failures.add("POST /form-b/{token}: the link no longer opens after the fuzzing (" + after.status() + "): "
                    + jdbc.sql("select status || ' ' || coalesce(cast(token_expires_at as varchar), '-') from agency_report_request"
                            + " where token_hash = ?").param(tokenHash(fixture.formBToken())).query(String.class).optional()
                    + " clock " + org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
        }
    }

    private void formC(HttpSession panel, Fixture fixture, int count) {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("version", 0);
        valid.put("domainChild", "2");
        valid.put("domainFamily", "1*");
        valid.put("domainParenting", "1");
        valid.put("domainServices", "0");
        valid.put("category", 6);
        valid.put("modifiable", "no");
        valid.put("learningPoints", "Safe sleep advice was not repeated at discharge.");
        valid.put("scrConsidered", false);
        valid.put("recommendations", List.of(Map.of("ownerAgency", "Health visiting", "text", "Repeat safe sleep advice")));
        Map<String, List<Object>> breakers = Map.of(
                "version", List.of(REMOVE, -1, "abc", 1.5, 99_999_999_999L, Map.of(), List.of(0), true),
                "category", List.of(0, 11, -1, "six", 6.5, Map.of(), 99_999_999_999L),
                "domainChild", List.of("3", "1**", "", "x".repeat(500), 2, List.of("2")),
                "modifiable", List.of("perhaps", "", 1, Map.of("a", "b")),
                "recommendations", List.of("all", List.of("x"), List.of(Map.of("ownerAgency", "", "text", "")),
                        List.of(Map.of("ownerAgency", "x".repeat(5_000), "text", "y"))),
                "learningPoints", List.of("x".repeat(20_001), Map.of(), List.of(1)));
        for (int i = 0; i < count; i++) {
            String body = jsonBody(valid, breakers);
            int kind = random.nextInt(10);
            String id = kind < 7 ? fixture.formCCase().toString()
                    : kind < 9 ? UUID.randomUUID().toString() : enc(junkString()).replace("%2F", "");
            String path = "/api/cdop/cases/" + id + "/form-c";
            check("PUT /api/cdop/cases/{id}/form-c", path + " " + body, () -> panel.putJson(path, body));
        }
    }

    private void meetingsAndPanelActions(HttpSession spoc, HttpSession panel, Fixture fixture, int creates,
            int assignments, int actions) {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("heldOn", LocalDate.now().plusDays(40).toString());
        valid.put("kind", "ROUTINE");
        valid.put("place", "Town Hall, room 4");
        Map<String, List<Object>> breakers = Map.of(
                "heldOn", concat(BAD_DATES, List.of(REMOVE, "2001-01-01")),
                "kind", List.of(REMOVE, "routine", "WEEKLY", "", 1, List.of("ROUTINE"), "ROUTINE\u0000"),
                "place", List.of(REMOVE, "", " ", "x".repeat(201), Map.of("room", 4)));
        for (int i = 0; i < creates; i++) {
            String body = jsonBody(valid, breakers);
            check("POST /api/cdop/meetings", body, () -> spoc.postJson("/api/cdop/meetings", body));
        }
        for (int i = 0; i < assignments; i++) {
            Object caseId = random.nextInt(3) == 0 ? UUID.randomUUID().toString() : junkValue();
            String body = random.nextInt(5) == 0 ? malformedBody() : toJson(Map.of("caseId", String.valueOf(caseId)));
            String meeting = random.nextInt(4) == 0 ? enc(junkString()).replace("%2F", "") : fixture.meetingId().toString();
            String path = "/api/cdop/meetings/" + meeting + "/cases";
            check("POST /api/cdop/meetings/{id}/cases", path + " " + body, () -> spoc.postJson(path, body));
        }
        for (int i = 0; i < actions; i++) {
            String caseId = random.nextInt(3) == 0 ? enc(junkString()).replace("%2F", "") : UUID.randomUUID().toString();
            Object value = junkValue();
            String body = random.nextInt(4) == 0 ? malformedBody() : toJson(value instanceof Map<?, ?> ? value
                    : Map.of(pick(List.of("reason", "outcome", "event", "on", "deferralReason")), String.valueOf(value)));
            switch (i % 4) {
                case 0 -> check("POST /api/cdop/cases/{id}/outcome", body,
                        () -> panel.postJson("/api/cdop/cases/" + fixture.formCCase() + "/outcome", body));
                case 1 -> check("POST /api/cases/{id}/reopening", body,
                        () -> spoc.postJson("/api/cases/" + caseId + "/reopening", body));
                case 2 -> check("POST /api/cdop/queue/{id}/proceed-without-form-bs", body,
                        () -> spoc.postJson("/api/cdop/queue/" + caseId + "/proceed-without-form-bs", body));
                default -> check("POST /api/cases/{id}/post-mortem", body,
                        () -> spoc.postJson("/api/cases/" + caseId + "/post-mortem", body));
            }
        }
    }

    private void caseImport(HttpSession spoc, int count) {
        for (int i = 0; i < count; i++) {
            List<String> header = new ArrayList<>(IMPORT_HEADER);
            int kind = random.nextInt(10);
            if (kind == 0) {
                header.remove(random.nextInt(header.size()));
            } else if (kind == 1) {
                header.set(random.nextInt(header.size()), junkString());
            }
            StringBuilder csv = new StringBuilder(csvLine(header));
            int rows = 1 + random.nextInt(5);
            for (int r = 0; r < rows; r++) {
                List<String> row = new ArrayList<>();
                for (String column : IMPORT_HEADER) {
                    row.add(switch (column) {
                        case "date_of_death", "date_of_birth" -> String.valueOf(pick(BAD_DATES));
                        default -> random.nextBoolean() ? junkString() : "";
                    });
                }
                if (random.nextInt(5) == 0) {
                    row.add(junkString()); // one cell too many
                }
                csv.append(random.nextInt(8) == 0 ? junkString() + "\"\n" : csvLine(row));
            }
            byte[] bytes = random.nextInt(10) == 0 ? randomBytes() : csv.toString().getBytes(StandardCharsets.UTF_8);
            String input = abbreviate(new String(bytes, StandardCharsets.UTF_8));
            if (random.nextBoolean()) {
                check("POST /api/import/cases (text/csv)", input,
                        () -> spoc.post("/api/import/cases", "text/csv", bytes, Map.of()));
            } else {
                String boundary = "----fuzz" + random.nextInt(1_000_000);
                String name = random.nextInt(6) == 0 ? "other" : "file";
                byte[] multipart = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                        + "\"; filename=\"" + junkString().replace("\"", "") + ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8), bytes,
                        (random.nextInt(8) == 0 ? "" : "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                check("POST /api/import/cases (multipart)", input, () -> spoc.post("/api/import/cases",
                        "multipart/form-data; boundary=" + boundary, multipart, Map.of()));
            }
        }
    }

    private void queries(HttpSession spoc, HttpSession admin, int queue, int statistics, int audit) {
        List<String> states = List.of("READY_FOR_REVIEW", "DEFERRED", "ready_for_review", "");
        List<String> years = List.of("2014-15", "2014/15", "2014-16", "14-15", "0000-01", "9999-10000");
        for (int i = 0; i < queue; i++) {
            StringBuilder query = new StringBuilder("/api/cdop/queue?");
            if (random.nextBoolean()) {
                query.append("state=").append(enc(random.nextBoolean() ? pick(states) : junkString())).append('&');
            }
            if (random.nextBoolean()) {
                query.append("reportingYear=").append(enc(random.nextBoolean() ? pick(years) : junkString())).append('&');
            }
            if (random.nextBoolean()) {
                query.append("sort=").append(enc(random.nextBoolean() ? pick(List.of("age", "reference", "AGE", "")) : junkString()))
                        .append('&');
            }
            if (random.nextBoolean()) {
                query.append("meetingId=").append(enc(random.nextBoolean() ? UUID.randomUUID().toString() : junkString()))
                        .append('&');
            }
            for (String paging : List.of("page", "size")) {
                if (random.nextBoolean()) {
                    query.append(paging).append('=')
                            .append(enc(random.nextBoolean() ? String.valueOf(random.nextInt(1200) - 100) : junkString())).append('&');
                }
            }
            String path = query.toString();
            check("GET /api/cdop/queue", path, () -> spoc.get(path));
        }
        for (int i = 0; i < statistics; i++) {
            String year = enc(random.nextBoolean() ? pick(years) : junkString()).replace("%2F", "");
            String version = random.nextBoolean() ? "" : "?version=" + enc(random.nextBoolean() ? pick(List.of("public", "internal", "PUBLIC")) : junkString());
            String path = random.nextBoolean() ? "/api/statistics/" + year + version
                    : "/api/statistics/" + year + "/" + enc(random.nextBoolean() ? "deaths" : junkString()).replace("%2F", "") + ".csv" + version;
            check("GET /api/statistics/{year}", path, () -> spoc.get(path));
        }
        List<String> params = List.of("actor", "action", "caseReference", "page", "size");
        for (int i = 0; i < audit; i++) {
            StringBuilder query = new StringBuilder("/api/audit?");
            for (String param : params) {
                if (random.nextBoolean()) {
                    String value = switch (param) {
                        case "action" -> random.nextBoolean() ? pick(List.of("LOGIN", "CASE_VIEWED", "login")) : junkString();
                        case "page", "size" -> random.nextBoolean() ? String.valueOf(random.nextInt()) : junkString();
                        default -> junkString();
                    };
                    query.append(param).append('=').append(enc(value)).append('&');
                }
            }
            String path = query.toString();
            check("GET /api/audit", path, () -> admin.get(path));
        }
    }

    // ---------------------------------------------------------------- oversized bodies

    @Test
    void oversizedBodiesAreRefusedWith413AndWriteNothing() throws Exception {
        String spoc = "Basic " + Base64.getEncoder().encodeToString("spoc:demo".getBytes(StandardCharsets.UTF_8));
        String panel = "Basic " + Base64.getEncoder().encodeToString("panel:demo".getBytes(StandardCharsets.UTF_8));
        byte[] eleven = elevenMegabytesOfJson();
        long[] before = counts();

        // Raw HTTP/1.1, so the test sees the answer whatever the client library does with a connection the
        // server closes: an 11 MB body is refused on its Content-Length, before it is read.
        String declared = rawStatus("POST", "/api/notifications", spoc, "application/json", eleven, false);
        String formC = rawStatus("PUT", "/api/cdop/cases/" + UUID.randomUUID() + "/form-c", panel, "application/json",
                eleven, false);
        String formB = rawStatus("POST", "/form-b/" + "A".repeat(43), null, "application/x-www-form-urlencoded", eleven, false);
        // Chunked: no Content-Length; the body is counted as it is read and refused past 2 MB.
        String chunked = rawStatus("POST", "/api/notifications", spoc, "application/json", eleven, true);
        // The import keeps its own limit of 5 MB (spring.servlet.multipart, UploadLimit).
        String csv = rawStatus("POST", "/api/import/cases", spoc, "text/csv", eleven, false);

        System.out.printf("Oversized bodies (11 MB): notification %s, Form C %s, Form B %s, chunked %s, import %s%n",
                declared, formC, formB, chunked, csv);
        assertThat(List.of(declared, formC, formB, chunked, csv)).allSatisfy(status -> assertThat(status).isEqualTo("413"));
        assertThat(counts()).isEqualTo(before);
    }

    /** Sends the request over a plain socket and returns the status code of the answer. */
    private String rawStatus(String method, String path, String authorization, String contentType, byte[] body,
            boolean chunked) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: " + contentType + "\r\nAccept: application/json\r\nConnection: close\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n").append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            // Send the body in pieces until the server answers or stops reading.
            java.io.InputStream in = socket.getInputStream();
            int piece = 64 * 1024;
            try {
                for (int at = 0; at < body.length && in.available() == 0; at += piece) {
                    int length = Math.min(piece, body.length - at);
                    if (chunked) {
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(body, at, length);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked && in.available() == 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (java.io.IOException closedByServer) {
                // The server answered and closed the connection while we were still sending: read its answer.
            }
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).as(method + " " + path).startsWith("HTTP/1.1 ");
            return statusLine.substring(9, 12);
        }
    }

    private static byte[] elevenMegabytesOfJson() {
        StringBuilder json = new StringBuilder("{\"childLastName\":\"");
        json.append("x".repeat(11 * 1024 * 1024));
        json.append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- fixture: a real Form B link and a case before the panel

    record Fixture(String formBToken, UUID formCCase, UUID meetingId) {
    }

    private Fixture fixture() {
        // As the process tests do: a fixed engine clock, so links, meetings and reviews have dates that fit.
        clockAt(java.time.LocalDateTime.of(2015, 3, 10, 10, 0));
        Map<String, Object> withAgency = asMap(TestForms.aNotification());
        String email = "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.example";
        withAgency.put("agencies", List.of(Map.of("agency", "Metropolitan Police", "contactName", "DC Fuzz", "contactEmail", email)));
        Notifications.Recorded recorded = notifications.record(objectMapper.convertValue(withAgency, FormA.class), "spoc");
        UUID requestId = agencyReports.request(recorded.caseId(), agencyReports.suggestedAgencies(recorded.caseId()), "spoc").get(0);
        runJobsOf(requestId);
        String token = latestToken(email);

        Notifications.Recorded ready = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        ProcessInstance notification = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(ready.caseReference())
                .singleResult();
        as("doctor", "designated-doctor", () -> engine.getTaskService().complete(
                task("Task_ConfirmExpectedOrUnexpected", notification).getId(), Map.of("deathClassification", "expected")));
        as("spoc", "spoc", () -> engine.getTaskService().complete(
                engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ready.caseReference())
                .taskDefinitionKey("Task_RequestFormBReports").singleResult().getId(), Map.of("noAgencyInvolved", true)));
        runDueJobs();
        UUID meetingId = meetings.create(LocalDate.of(2015, 4, 22), "ROUTINE", "Town Hall, room 4", "spoc", true).id();
        meetings.assign(meetingId, ready.caseId(), "spoc");
        runDueJobs();
        return new Fixture(token, ready.caseId(), meetingId);
    }

    private void as(String user, String group, Runnable work) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            work.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }


    private static String latestToken(String address) {
        return formBTokenSentTo(address);
    }

    // ---------------------------------------------------------------- small helpers

    private static String tokenHash(String token) {
        try {
            java.lang.reflect.Method hash = Class.forName("uk.cdr.agencyreport.FormBTokens").getDeclaredMethod("hash", String.class);
            hash.setAccessible(true);
            return (String) hash.invoke(null, token);
        } catch (ReflectiveOperationException e) {
            return "?";
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String csvLine(List<String> cells) {
        return cells.stream().map(c -> c.contains(",") || c.contains("\"") || c.contains("\n")
                ? "\"" + c.replace("\"", "\"\"") + "\"" : c).collect(Collectors.joining(",")) + "\r\n";
    }
}
