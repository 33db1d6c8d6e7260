package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import uk.cdr.mail.CalendarInvitation;
import uk.cdr.notification.FormA;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.ProcessTest;

/**
 * Issue 7, scenario 8: free text carrying HTML, JavaScript and SQL goes in through Form A, Form B
 * (by the agency's link), Form C and a meeting; it is stored exactly as given, shown escaped on
 * every page and sent literally in plain-text emails; query parameters cannot alter SQL.
 */
class InjectionAndXssTest extends ProcessTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String SQL = "'; drop table case_file; --";
    static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final Pattern FORM_B_LINK = Pattern.compile("/form-b/([A-Za-z0-9_-]{43})");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    /** A hostile text with a marker, so each field's copy can be told apart. */
    static String hostile(String field) {
        return field + " " + SCRIPT + " " + IMG + " " + SQL;
    }

    @Test
    void hostileFreeTextIsStoredAsGivenShownEscapedAndMailedLiterally() throws Exception {
        Instant started = Instant.now();
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String agencyEmail = "xss-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.example";
        HttpSession spocApi = browser().withBasicAuth("spoc", DEMO_PASSWORD);

        // Form A through the API, as the log-a-death page sends it.
        ObjectNode formA = json.valueToTree(TestForms.aNotification());
        formA.put("notifierName", hostile("notifier"));
        formA.put("circumstances", hostile("circumstances"));
        formA.set("agencies", json.valueToTree(List.of(new FormA.Agency(hostile("agency"), hostile("contact"), agencyEmail))));
        Response notified = spocApi.postJson("/api/notifications", json.writeValueAsString(formA));
        assertThat(notified.status()).as(notified.body()).isEqualTo(201);
        JsonNode recorded = json.readTree(notified.body());
        UUID caseId = UUID.fromString(recorded.get("caseId").asText());
        String caseReference = recorded.get("caseReference").asText();
        assertThat(jdbc.sql("select notifier_name, circumstances from notification where case_id = ?").param(caseId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single())
                .containsExactly(hostile("notifier"), hostile("circumstances"));
        assertThat(jdbc.sql("""
                select a.agency, a.contact_name from notification_agency a join notification n on n.id = a.notification_id
                where n.case_id = ?""").param(caseId).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single())
                .containsExactly(hostile("agency"), hostile("contact"));
        runDueJobs();

        // The doctor classifies; the SPOC asks the agency for Form B through the API.
        ProcessInstance notification = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(caseReference).singleResult();
        engine.getIdentityService().setAuthentication("doctor", List.of("designated-doctor"));
        try {
            engine.getTaskService().complete(BpmnAwareTests.task("Task_ConfirmExpectedOrUnexpected", notification).getId(),
                    Map.of("deathClassification", "expected"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        String suggested = spocApi.get("/api/cases/" + caseId + "/agency-reports/suggested-agencies").body();
        assertThat(suggested).contains("alert(1)");
        Response requested = spocApi.postJson("/api/cases/" + caseId + "/agency-reports", suggested);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        runDueJobs();
        String token = formBToken(agencyEmail);

        // The agency's page shows the agency name escaped; the agency answers with hostile text.
        HttpSession agency = browser();
        Response formBPage = agency.get("/form-b/" + token);
        assertThat(formBPage.status()).isEqualTo(200);
        Map<String, String> answers = new HashMap<>();
        answers.put("reporterName", hostile("reporter"));
        answers.put("reporterRole", "Head teacher");
        answers.put("reporterAgency", hostile("reporterAgency"));
        answers.put("reporterEmail", agencyEmail);
        answers.put("contactWith", "child-and-family");
        answers.put("natureOfContact", hostile("nature"));
        answers.put("knownHealth", "yes");
        answers.put("knownHealthDetails", hostile("health"));
        answers.put("development", "no");
        answers.put("familyAndEnvironment", "not-known");
        answers.put("parenting", "no");
        answers.put("serviceFactors", "not-known");
        answers.put("concerns", "no");
        answers.put("additionalInformation", hostile("additional"));
        answers.put("_csrf", csrfIn(formBPage.body()));
        Response submitted = agency.postForm("/form-b/" + token, answers);
        assertThat(submitted.redirectsTo("/form-b/thank-you")).as(submitted.toString()).isTrue();
        assertThat(jdbc.sql("""
                select reporter_name, reporter_agency, nature_of_contact, known_health_details, additional_information
                from agency_report where case_id = ?""").param(caseId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).single())
                .containsExactly(hostile("reporter"), hostile("reporterAgency"), hostile("nature"), hostile("health"),
                        hostile("additional"));
        runDueJobs();

        // The chair sets a meeting in a hostile place and puts the case to it; the panel records Form C.
        HttpSession chairApi = browser().withBasicAuth("chair", DEMO_PASSWORD);
        Response meeting = chairApi.postJson("/api/cdop/meetings", json.writeValueAsString(Map.of(
                "heldOn", "2015-04-22", "kind", "ROUTINE", "place", hostile("place"), "sameDayConfirmed", true)));
        assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
        UUID meetingId = UUID.fromString(json.readTree(meeting.body()).get("id").asText());
        assertThat(jdbc.sql("select place from panel_meeting where id = ?").param(meetingId).query(String.class).single())
                .isEqualTo(hostile("place"));
        Response assigned = chairApi.postJson("/api/cdop/meetings/" + meetingId + "/cases",
                "{\"caseId\":\"" + caseId + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(204);
        Map<String, Object> formC = new LinkedHashMap<>();
        formC.put("version", 0);
        formC.put("domainChild", "2");
        formC.put("domainFamily", "1*");
        formC.put("domainParenting", "1");
        formC.put("domainServices", "0");
        formC.put("category", 8);
        formC.put("modifiable", "no");
        formC.put("learningPoints", hostile("learning"));
        formC.put("scrConsidered", false);
        formC.put("recommendations", List.of(Map.of("ownerAgency", hostile("owner"), "text", hostile("recommendation"))));
        Response savedFormC = browser().withBasicAuth("panel", DEMO_PASSWORD)
                .putJson("/api/cdop/cases/" + caseId + "/form-c", json.writeValueAsString(formC));
        assertThat(savedFormC.status()).as(savedFormC.body()).isEqualTo(200);
        assertThat(jdbc.sql("select learning_points from form_c where case_id = ?").param(caseId).query(String.class)
                .single()).isEqualTo(hostile("learning"));
        assertThat(jdbc.sql("select owner_agency, text from form_c_recommendation where case_id = ?").param(caseId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single())
                .containsExactly(hostile("owner"), hostile("recommendation"));

        // Every page that shows the text shows it escaped; no page carries it raw.
        HttpSession spoc = loggedIn("spoc");
        HttpSession panel = loggedIn("panel");
        Map<String, Response> pages = new LinkedHashMap<>();
        pages.put("Form B page (agency)", formBPage);
        pages.put("case page (spoc)", spoc.get("/cases/" + caseId));
        pages.put("agencies page (spoc)", spoc.get("/cases/" + caseId + "/agencies"));
        pages.put("meeting page (panel)", panel.get("/cdop/meetings/" + meetingId));
        pages.put("meeting page (spoc)", spoc.get("/cdop/meetings/" + meetingId));
        pages.put("meetings (panel)", panel.get("/cdop/meetings"));
        pages.put("queue (panel)", panel.get("/cdop/queue?meetingId=" + meetingId));
        pages.put("queue (spoc)", spoc.get("/cdop/queue?meetingId=" + meetingId));
        Map<String, List<String>> shown = Map.of(
                "Form B page (agency)", List.of("agency"),
                "case page (spoc)", List.of("notifier", "agency", "contact", "learning", "recommendation", "owner"),
                "agencies page (spoc)", List.of("agency"),
                "meeting page (panel)", List.of("place", "learning", "recommendation"),
                "meeting page (spoc)", List.of("place", "learning", "recommendation"),
                "meetings (panel)", List.of("place"));
        int escapedSightings = 0;
        for (Map.Entry<String, Response> page : pages.entrySet()) {
            String html = page.getValue().body();
            assertThat(page.getValue().status()).as(page.getKey()).isEqualTo(200);
            assertThat(html).as(page.getKey()).doesNotContain(SCRIPT).doesNotContain("<img src=x")
                    .doesNotContain("onerror=alert(1)>");
            for (String field : shown.getOrDefault(page.getKey(), List.of())) {
                assertThat(html).as(page.getKey() + " shows " + field + " escaped")
                        .contains(field + " " + ESCAPED_SCRIPT + " &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39;; drop table case_file; --");
                escapedSightings++;
            }
            assertThat(page.getValue().header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        }

        // The agenda email goes out 7 days before the meeting; then every email that carries the text.
        clockAt(LocalDateTime.of(2015, 4, 15, 9, 0));
        runDueJobs();
        List<String> mailed = new ArrayList<>();
        for (MimeMessage message : mail().getReceivedMessages()) {
            if (message.getReceivedDate() != null && message.getReceivedDate().toInstant().isBefore(started.minusSeconds(5))) {
                continue;
            }
            List<Part> parts = new ArrayList<>();
            collectParts(message, parts);
            String all = textOf(parts);
            if (!all.contains("alert(1)")) {
                continue;
            }
            String subject = message.getSubject();
            for (Part part : parts) {
                assertThat(part.isMimeType("text/html")).as("an HTML part in '" + subject + "'").isFalse();
                if (part.isMimeType("text/plain")) {
                    String text = (String) part.getContent();
                    assertThat(text).as(subject).doesNotContain("&lt;", "&gt;", "&quot;", "&#39;");
                    Matcher copies = Pattern.compile("(\\w+) <script>").matcher(text);
                    while (copies.find()) {
                        assertThat(text).as(subject).contains(hostile(copies.group(1)));
                        mailed.add(subject + ": " + copies.group(1));
                    }
                }
            }
        }
        assertThat(mailed).as("emails that carry the hostile text: the Form B request (agency) and the agenda (place)")
                .anyMatch(m -> m.endsWith(": agency")).anyMatch(m -> m.endsWith(": place"));
        System.out.printf("InjectionAndXssTest: %d fields stored as given, %d page views without raw markup "
                + "(%d escaped sightings), %d hostile copies in plain-text emails%n", 13, pages.size(), escapedSightings,
                mailed.size());
        assertThat(jdbc.sql("select count(*) from case_file where id = ?").param(caseId).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void queryParametersCannotAlterSql() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        int casesBefore = count("case_file");
        int auditBefore = count("audit_log");
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        HttpSession admin = browser().withBasicAuth("admin", DEMO_PASSWORD);
        HttpSession page = loggedIn("spoc");
        long honest = json.readTree(panel.get("/api/cdop/queue?reportingYear=2014-15").body()).get("total").asLong();
        List<String> hostileValues = List.of("2014-15' or '1'='1", "2014-15'; drop table case_file; --",
                "x' union select * from case_file --", "%' or 1=1 --", "\\'; delete from audit_log; --", "' or ''='");
        int checks = 0;
        for (String value : hostileValues) {
            String q = enc(value);
            for (String path : List.of("/api/cdop/queue?reportingYear=" + q, "/api/cdop/queue?sort=" + q,
                    "/api/cdop/queue?state=" + q, "/api/cdop/queue?meetingId=" + q)) {
                Response r = panel.get(path);
                checks++;
                assertThat(r.status()).as(path + " " + r.body()).isIn(200, 400);
                if (r.status() == 200) {
                    assertThat(json.readTree(r.body()).get("total").asLong()).as(path).isZero();
                    assertThat(json.readTree(r.body()).get("items")).as(path).isEmpty();
                }
            }
            for (String path : List.of("/cdop/queue?reportingYear=" + q, "/cdop/queue?sort=" + q,
                    "/cdop/queue?state=" + q)) {
                Response r = page.get(path);
                checks++;
                assertThat(r.status()).as(path).isIn(200, 400);
                assertThat(r.body()).doesNotContain("Exception", "SQLState", "PSQLException");
            }
            for (String path : List.of("/api/audit?actor=" + q, "/api/audit?caseReference=" + q, "/api/audit?action=" + q,
                    "/api/audit?size=" + q, "/api/audit?page=" + q)) {
                Response r = admin.get(path);
                checks++;
                assertThat(r.status()).as(path + " " + r.body()).isIn(200, 400);
                if (r.status() == 200) {
                    assertThat(json.readTree(r.body()).get("total").asLong()).as(path).isZero();
                    assertThat(json.readTree(r.body()).get("items")).as(path).isEmpty();
                }
            }
        }
        // Sort orders come from a fixed list, never from the parameter.
        Response sort = panel.get("/api/cdop/queue?sort=" + enc("reference;drop table case_file"));
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.body()).contains("\"field\":\"sort\"");
        checks++;
        assertThat(json.readTree(panel.get("/api/cdop/queue?reportingYear=2014-15").body()).get("total").asLong()).isEqualTo(honest);
        assertThat(count("case_file")).isGreaterThanOrEqualTo(casesBefore);
        assertThat(count("audit_log")).isGreaterThanOrEqualTo(auditBefore);
        for (String table : List.of("notification", "agency_report", "panel_meeting", "form_c")) {
            assertThat(count(table)).as(table).isGreaterThanOrEqualTo(0);
        }
        System.out.printf("InjectionAndXssTest: %d hostile query parameters answered 200 (no rows) or 400%n", checks);
    }

    @Test
    void aCalendarInvitationCannotBeGivenExtraLinesThroughThePlace() {
        String ics = new String(CalendarInvitation.of("uid-1", "Rapid response meeting", "Room 1\r\nATTENDEE:mailto:evil@x.example"
                + "\rORGANIZER:mailto:evil@x.example\nX-EVIL:1; " + SCRIPT, Instant.parse("2015-03-11T10:00:00Z"),
                Duration.ofHours(1), Instant.parse("2015-03-10T10:00:00Z"), "cdr@example.org").content(),
                StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(ics.split("\r\n|\r|\n"));
        assertThat(lines).noneMatch(line -> line.startsWith("ATTENDEE") || line.startsWith("X-EVIL")
                || line.startsWith("ORGANIZER:mailto:evil"));
        assertThat(lines).filteredOn(line -> line.startsWith("LOCATION:")).singleElement()
                .satisfies(line -> assertThat(line).contains("\\;", SCRIPT));
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String csrfIn(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String formBToken(String address) throws Exception {
        String token = null;
        for (MimeMessage m : mail().getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
                Matcher link = FORM_B_LINK.matcher(textOf(partsOf(m)));
                if (link.find()) {
                    token = link.group(1);
                }
            }
        }
        assertThat(token).as("a Form B link sent to " + address).isNotNull();
        return token;
    }

    private static List<Part> partsOf(Part part) throws Exception {
        List<Part> parts = new ArrayList<>();
        collectParts(part, parts);
        return parts;
    }

    private static void collectParts(Part part, List<Part> into) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectParts(child, into);
            }
        } else {
            into.add(part);
        }
    }

    private static String textOf(List<Part> parts) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            Object content = part.getContent();
            if (content instanceof String s) {
                text.append(s).append('\n');
            } else if (content instanceof java.io.InputStream in) {
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }
}
