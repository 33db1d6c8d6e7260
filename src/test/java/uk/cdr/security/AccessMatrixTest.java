package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * Issue 7, scenario 7: docs/access-matrix.md is parsed and every row is walked for every role
 * (and anonymous), so the published table and the running app cannot drift apart. The rest of
 * the class covers what a table cannot show: agency links, mass assignment.
 * See also {@link CeAdvisoryTest} (advisory variants) and uk.cdr.panel.PanelAnonymityTest.
 */
class AccessMatrixTest extends ProcessTest {

    static final Path MATRIX = Path.of("docs/access-matrix.md");
    static final List<String> ROLES = List.of("anonymous", "spoc", "doctor", "nurse", "panel", "chair", "admin");
    static final Pattern FORM_B_LINK = Pattern.compile("/form-b/([A-Za-z0-9_-]{43})");
    static final String MATRIX_FILTER = "Access matrix probe";
    static final String OR_QUERIES_PROBE = "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}";
    static final String SETUP_USER = "{\"profile\":{\"id\":\"matrix-intruder\",\"firstName\":\"I\",\"lastName\":\"X\","
            + "\"email\":\"i@x.org\"},\"credentials\":{\"password\":\"intruder1\"}}";

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    PanelMeetings meetings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Row(String method, String path, String via, String body, Map<String, String> expected) {
        @Override
        public String toString() {
            return method + " " + path + " (" + via + ")";
        }
    }

    /** The table of docs/access-matrix.md: the one source of truth for the doc and this test. */
    static List<Row> matrix() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : Files.readAllLines(MATRIX)) {
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                    .map(String::trim).toList();
            if (header == null) {
                header = cells;
                assertThat(header).containsExactlyElementsOf(concat(List.of("Method", "Path", "Via", "Body"), ROLES));
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            assertThat(cells).as(line).hasSize(header.size());
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                String cell = cells.get(4 + i);
                assertThat(cell).as(line).matches("allowed|login|empty|400|401|403|404");
                expected.put(ROLES.get(i), cell);
            }
            assertThat(cells.get(2)).as(line).matches("basic|session");
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), expected));
        }
        assertThat(rows).as("rows in " + MATRIX).hasSizeGreaterThan(40);
        return rows;
    }

    @Test
    void everyRowOfThePublishedMatrixHoldsForEveryRole() throws Exception {
        Fixture f = fixture();
        List<Row> rows = matrix();
        Map<String, HttpSession> sessions = new HashMap<>();
        Map<String, String> csrf = new HashMap<>();
        for (String role : ROLES.subList(1, ROLES.size())) {
            HttpSession session = loggedIn(role);
            sessions.put(role, session);
            csrf.put(role, session.csrfTokenFrom("/login"));
        }

        List<String> failures = new ArrayList<>();
        int checks = 0;
        for (Row row : rows) {
            String path = row.path().replace("{caseId}", f.caseId().toString())
                    .replace("{meetingId}", f.meetingId().toString()).replace("{token}", f.token())
                    .replace("{guessedToken}", guessedToken()).replace("{unknownId}", UUID.randomUUID().toString())
                    .replace("{year}", "2014-15").replace("{table}", "deaths").replace("{standard}", "final-case-discussion")
                    .replace("{nurseTaskId}", f.nurseTaskId()).replace("{processInstanceId}", f.processInstanceId());
            for (String role : ROLES) {
                Response response = send(row, path, role, sessions, csrf);
                String expected = row.expected().get(role);
                checks++;
                if (!holds(expected, response)) {
                    failures.add(row + " as " + role + ": expected " + expected + ", got " + response.status() + " "
                            + response.location() + " " + abbreviate(response.body()));
                }
            }
        }
        assertThat(failures).as("matrix cells that do not hold (of " + checks + ")").isEmpty();
        assertThat(checks).isEqualTo(rows.size() * ROLES.size());
        System.out.printf("AccessMatrixTest: %d endpoint x role checks (%d rows x %d roles) held%n", checks,
                rows.size(), ROLES.size());
        // What the allowed requests did must not have reached the server-owned state they should not.
        assertThat(jdbc.sql("select count(*) from agency_report where request_id = ?").param(f.requestId())
                .query(Integer.class).single()).as("empty Form B posts saved nothing").isZero();
        assertThat(jdbc.sql("select count(*) from act_id_user where id_ = 'matrix-intruder'").query(Integer.class)
                .single()).isZero();
        // The administrator's probe filter and candidate link go, so that other tests see the shared filters only.
        engine.getFilterService().createFilterQuery().filterName(MATRIX_FILTER).list()
                .forEach(filter -> engine.getFilterService().deleteFilter(filter.getId()));
        engine.getTaskService().deleteCandidateGroup(f.nurseTaskId(), "cdop-panel");
    }

    /** Every @…Mapping of our controllers appears in the matrix: a new endpoint cannot go unlisted. */
    @Test
    void everyMappedEndpointIsInTheMatrix() throws Exception {
        Set<String> listed = new LinkedHashSet<>();
        for (Row row : matrix()) {
            listed.add(row.method() + " " + normalise(row.path()));
        }
        List<String> missing = new ArrayList<>();
        int mapped = 0;
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry : mappings
                .getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getName().startsWith("uk.cdr.")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    mapped++;
                    String key = method.name() + " " + normalise(pattern);
                    if (!listed.contains(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        assertThat(mapped).isGreaterThan(40);
        assertThat(missing).as("endpoints missing from " + MATRIX).isEmpty();
    }

    // ---- Agency Form B links (the rest is in uk.cdr.agencyreport.FormBPageTest) ----

    /** The real token with its last character changed (a base64url token's last character is one of 16). */
    private static String nearMiss(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'E' : 'A');
    }

    @Test
    void aGuessedWellFormedTokenCannotSubmitAFormB() {
        Fixture f = fixture();
        HttpSession agency = browser();
        Map<String, String> answers = new HashMap<>(formBAnswers());
        answers.put("_csrf", agency.csrfTokenFrom("/login"));
        for (String token : List.of(guessedToken(), guessedToken(), nearMiss(f.token()),
                f.token().toLowerCase(), "../" + f.token())) {
            Response response = agency.postForm("/form-b/" + token, answers);
            assertThat(response.status()).as(token + " → " + response.location()).isIn(400, 404);
            assertThat(response.body()).doesNotContain(f.caseReference());
        }
        assertThat(jdbc.sql("select count(*) from agency_report where request_id = ?").param(f.requestId())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select status from agency_report_request where id = ?").param(f.requestId())
                .query(String.class).single()).isEqualTo("SENT");
    }

    @Test
    void anExpiredLinkCannotSubmitEvenWithAValidPageToken() {
        Fixture f = fixture();
        HttpSession agency = browser();
        Map<String, String> answers = new HashMap<>(formBAnswers());
        answers.put("_csrf", agency.csrfTokenFrom("/form-b/" + f.token()));
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0).plusDays(30));
        Response late = agency.postForm("/form-b/" + f.token(), answers);
        assertThat(late.status()).isEqualTo(404);
        assertThat(late.body()).doesNotContain(f.caseReference());
        assertThat(jdbc.sql("select count(*) from agency_report where request_id = ?").param(f.requestId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anotherCasesRequestIdCannotBeResentThroughThisCasesUrl() {
        Fixture a = fixture();
        Fixture b = fixture();
        int emailsBefore = emailsTo(b.agencyEmail()).size();
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        Response api = spoc.postJson("/api/cases/" + a.caseId() + "/agency-reports/" + b.requestId() + "/resend", "{}");
        assertThat(api.status()).isEqualTo(409);
        Response page = spoc.postForm("/cases/" + a.caseId() + "/agencies/" + b.requestId() + "/resend", Map.of());
        assertThat(page.status()).isEqualTo(404);
        runJobsOf(b.requestId());
        assertThat(emailsTo(b.agencyEmail())).hasSize(emailsBefore);
        assertThat(browser().get("/form-b/" + b.token()).status()).as("B's link still works").isEqualTo(200);
        // A's case page lists only A's requests.
        assertThat(spoc.get("/api/cases/" + a.caseId() + "/agency-reports").body())
                .contains(a.requestId().toString()).doesNotContain(b.requestId().toString());
    }

    // ---- Panel anonymity (thoroughly in uk.cdr.panel.PanelAnonymityTest) ----

    @Test
    void thePanelsViewOfACaseCarriesNoIdentifyingField() {
        Fixture f = fixture();
        for (String user : List.of("panel", "chair")) {
            String body = browser().withBasicAuth(user, DEMO_PASSWORD).get("/api/cdop/cases/" + f.caseId()).body();
            assertThat(body).contains(f.caseReference()).doesNotContain(f.form().childLastName(), f.form().nhsNumber())
                    .doesNotContain("\"nhsNumber\"", "\"childFirstName\"", "\"childLastName\"", "\"addressLine\"",
                            "\"postcode\"", "\"dateOfBirth\"");
        }
    }

    // ---- Mass assignment: extra JSON fields never reach server-owned columns ----

    @Test
    void extraFieldsOnFormAAreIgnoredAndTheServerOwnsTheCase() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        UUID forgedId = UUID.randomUUID();
        ObjectNode body = json.valueToTree(TestForms.aNotification());
        body.put("id", forgedId.toString()).put("caseId", forgedId.toString()).put("notificationId", forgedId.toString())
                .put("caseReference", "CDR-FORGED").put("status", "CLOSED").put("version", 99)
                .put("createdBy", "mallory").put("receivedBy", "mallory").put("deathClassification", "unexpected")
                .put("classifiedBy", "mallory").put("notifiedAt", "2000-01-01T00:00:00Z").put("reportingYear", "1999-00")
                .put("processInstanceId", "forged");
        Response response = browser().withBasicAuth("spoc", DEMO_PASSWORD).postJson("/api/notifications",
                json.writeValueAsString(body));
        assertThat(response.status()).as(response.body()).isIn(201, 400);
        assertThat(jdbc.sql("select count(*) from case_file where id = ? or case_reference = 'CDR-FORGED'")
                .param(forgedId).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from notification where id = ? or received_by = 'mallory'")
                .param(forgedId).query(Integer.class).single()).isZero();
        if (response.status() == 201) {
            UUID caseId = UUID.fromString(json.readTree(response.body()).get("caseId").asText());
            Map<String, Object> row = jdbc.sql("select * from case_file where id = ?").param(caseId).query().singleRow();
            assertThat(row.get("case_reference").toString()).doesNotContain("FORGED");
            assertThat(row.get("status")).isNotEqualTo("CLOSED");
            assertThat(row.get("version")).isNotEqualTo(99);
            assertThat(row.get("death_classification")).isNull();
            assertThat(row.get("classified_by")).isNull();
            assertThat(row.get("reporting_year")).isNotEqualTo("1999-00");
            assertThat(row.get("process_instance_id")).isNotEqualTo("forged");
            assertThat(jdbc.sql("select received_by from notification where case_id = ?").param(caseId)
                    .query(String.class).single()).isEqualTo("spoc");
        }
    }

    @Test
    void extraFieldsOnFormCAreIgnoredAndTheServerRecordsWhoSavedIt() throws Exception {
        Fixture ready = readyForReview();
        UUID otherCase = fixture().caseId();
        UUID forgedId = UUID.randomUUID();
        ObjectNode body = (ObjectNode) json.readTree("""
                {"version":0,"domainChild":"2","domainFamily":"1*","domainParenting":"1","domainServices":"0",
                 "category":8,"modifiable":"no","learningPoints":"Mass assignment probe.","scrConsidered":false,
                 "recommendations":[{"ownerAgency":"Health visiting","text":"Probe","id":"%s","status":"DONE",
                   "doneBy":"mallory","doneAt":"2000-01-01T00:00:00Z","caseId":"%s"}]}""".formatted(forgedId, otherCase));
        body.put("savedBy", "mallory").put("saved_by", "mallory").put("savedAt", "2000-01-01T00:00:00Z")
                .put("caseId", otherCase.toString()).put("id", forgedId.toString()).put("status", "CLOSED")
                .put("caseReference", "CDR-FORGED").put("ratifiedBy", "mallory").put("outcome", "REVIEWED");
        Response response = browser().withBasicAuth("panel", DEMO_PASSWORD)
                .putJson("/api/cdop/cases/" + ready.caseId() + "/form-c", json.writeValueAsString(body));
        assertThat(response.status()).as(response.body()).isIn(200, 400);
        assertThat(jdbc.sql("select count(*) from form_c where case_id = ? or saved_by = 'mallory'").param(otherCase)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from form_c_recommendation where id = ? or done_by = 'mallory' or case_id = ?")
                .params(forgedId, otherCase).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from cdop_review where ratified_by = 'mallory'").query(Integer.class)
                .single()).isZero();
        if (response.status() == 200) {
            Map<String, Object> formC = jdbc.sql("select * from form_c where case_id = ?").param(ready.caseId()).query()
                    .singleRow();
            assertThat(formC.get("saved_by")).isEqualTo("panel");
            assertThat(formC.get("version")).isEqualTo(1);
            assertThat(formC.get("saved_at").toString()).doesNotStartWith("2000");
            assertThat(jdbc.sql("select status from form_c_recommendation where case_id = ?").param(ready.caseId())
                    .query(String.class).list()).containsExactly("OPEN");
            assertThat(jdbc.sql("select status from case_file where id = ?").param(ready.caseId()).query(String.class)
                    .single()).isNotEqualTo("CLOSED");
            assertThat(jdbc.sql("select case_reference from case_file where id = ?").param(ready.caseId())
                    .query(String.class).single()).isEqualTo(ready.caseReference());
        }
    }

    @Test
    void extraFieldsOnAMeetingAreIgnoredAndTheServerRecordsWhoSetIt() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        UUID forgedId = UUID.randomUUID();
        String place = "Mass assignment room " + UUID.randomUUID();
        ObjectNode body = json.createObjectNode().put("heldOn", "2015-06-03").put("kind", "ROUTINE").put("place", place).put("sameDayConfirmed", true)
                .put("id", forgedId.toString()).put("createdBy", "mallory").put("created_by", "mallory")
                .put("createdAt", "2000-01-01T00:00:00Z").put("status", "CANCELLED").put("version", 99);
        Response response = browser().withBasicAuth("chair", DEMO_PASSWORD).postJson("/api/cdop/meetings",
                json.writeValueAsString(body));
        assertThat(response.status()).as(response.body()).isIn(201, 400);
        assertThat(jdbc.sql("select count(*) from panel_meeting where id = ? or created_by = 'mallory'").param(forgedId)
                .query(Integer.class).single()).isZero();
        if (response.status() == 201) {
            Map<String, Object> row = jdbc.sql("select * from panel_meeting where place = ?").param(place).query()
                    .singleRow();
            assertThat(row.get("created_by")).isEqualTo("chair");
            assertThat(row.get("created_at").toString()).doesNotStartWith("2000");
            assertThat(row.get("id")).isNotEqualTo(forgedId);
        }
    }

    // ---- walking ----

    private Response send(Row row, String path, String role, Map<String, HttpSession> sessions,
            Map<String, String> csrf) {
        HttpSession client;
        String token = null;
        if (role.equals("anonymous")) {
            client = browser();
            token = client.csrfTokenFrom("/login");
        } else if (row.via().equals("session")) {
            client = sessions.get(role);
            token = csrf.get(role);
        } else {
            client = browser().withBasicAuth(role, DEMO_PASSWORD);
        }
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("X-CSRF-TOKEN", token);
        }
        String contentType = null;
        String body = null;
        switch (row.body()) {
            case "-" -> {
            }
            case "json" -> {
                contentType = "application/json";
                body = "{}";
            }
            case "csv" -> {
                contentType = "text/csv";
                body = "";
            }
            case "form" -> {
                contentType = "application/x-www-form-urlencoded";
                headers.put("Accept", "text/html,application/xhtml+xml");
                body = token == null ? "" : HttpSession.formBody(Map.of("_csrf", token));
            }
            case "orQueries-expression" -> {
                contentType = "application/json";
                body = OR_QUERIES_PROBE;
            }
            case "setup-user" -> {
                contentType = "application/json";
                body = SETUP_USER;
            }
            case "variable" -> {
                contentType = "application/json";
                body = "{\"value\":\"" + UUID.randomUUID() + "\",\"type\":\"String\"}";
            }
            case "identity-link" -> {
                contentType = "application/json";
                // Were it allowed to anyone but the administrator, the panel would be offered the nurse's task.
                body = "{\"groupId\":\"cdop-panel\",\"type\":\"candidate\"}";
            }
            case "task-name" -> {
                contentType = "application/json";
                body = "{\"name\":\"Bereavement support\"}";
            }
            case "comment" -> {
                contentType = "application/json";
                body = "{\"message\":\"Free text about the family\"}";
            }
            case "extra-variable" -> {
                contentType = "application/json";
                body = "{\"variables\":{\"caseId\":{\"value\":\"" + UUID.randomUUID() + "\"}}}";
            }
            case "bpmn-error" -> {
                contentType = "application/json";
                body = "{\"errorCode\":\"probe\",\"escalationCode\":\"probe\",\"variables\":{\"caseId\":{\"value\":\"x\"}}}";
            }
            case "message" -> {
                contentType = "application/json";
                body = "{\"messageName\":\"FormBLinkResent\",\"businessKey\":\"" + UUID.randomUUID()
                        + "\",\"processVariables\":{\"caseId\":{\"value\":\"x\"}}}";
            }
            case "signal" -> {
                contentType = "application/json";
                body = "{\"name\":\"probe\"}";
            }
            case "filter" -> {
                contentType = "application/json";
                body = "{\"resourceType\":\"Task\",\"name\":\"" + MATRIX_FILTER + "\",\"query\":{}}";
            }
            case "start" -> {
                contentType = "application/json";
                body = "{\"businessKey\":\"matrix\",\"variables\":{\"meetingPage\":{\"value\":\"https://evil.example/\"}}}";
            }
            default -> throw new AssertionError("unknown body " + row.body() + " in " + row);
        }
        return client.send(row.method(), path, contentType, body, headers);
    }

    static boolean holds(String expected, Response response) {
        int status = response.status();
        return switch (expected) {
            case "allowed" -> status != 401 && status != 403 && status < 500 && !response.redirectsTo("/login");
            case "login" -> response.redirectsTo("/login");
            // A query the engine answers with only what the role may read: nothing.
            case "empty" -> status == 200 && (response.body().trim().equals("[]")
                    || response.body().replaceAll("\\s", "").equals("{\"count\":0}"));
            default -> status == Integer.parseInt(expected);
        };
    }

    // ---- fixtures ----

    record Fixture(UUID caseId, String caseReference, FormA form, UUID requestId, String agencyEmail, String token,
            UUID meetingId, String nurseTaskId, String processInstanceId) {
    }

    /** A case logged by the SPOC, a Form B request with its emailed link, and a meeting. */
    private Fixture fixture() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String email = "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.example";
        FormA form = withAgency(TestForms.aNotification(), new FormA.Agency("Matrix Police", "DC Jones", email));
        Notifications.Recorded recorded = notifications.record(form, "spoc");
        UUID requestId = agencyReports.request(recorded.caseId(), agencyReports.suggestedAgencies(recorded.caseId()), "spoc")
                .get(0);
        runJobsOf(requestId);
        UUID meetingId = meetings.create(LocalDate.of(2015, 4, 22), "ROUTINE", "Matrix room", "spoc", true).id();
        ProcessInstance notification = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(recorded.caseReference())
                .singleResult();
        for (int round = 0; round < 5; round++) {
            managementService.createJobQuery().processInstanceId(notification.getId()).executable().list()
                    .forEach(job -> managementService.executeJob(job.getId()));
        }
        String nurseTaskId = engine.getTaskService().createTaskQuery().processInstanceId(notification.getId())
                .taskDefinitionKey("Task_BereavementSupport").singleResult().getId();
        return new Fixture(recorded.caseId(), recorded.caseReference(), form, requestId, email, latestToken(email),
                meetingId, nurseTaskId, notification.getId());
    }

    /** An expected death with no agency, classified and assigned to a meeting: Form C can be saved. */
    private Fixture readyForReview() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA form = TestForms.aNotification();
        Notifications.Recorded recorded = notifications.record(form, "spoc");
        runDueJobs();
        ProcessInstance notification = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(recorded.caseReference())
                .singleResult();
        as("doctor", "designated-doctor", () -> engine.getTaskService().complete(
                BpmnAwareTests.task("Task_ConfirmExpectedOrUnexpected", notification).getId(),
                Map.of("deathClassification", "expected")));
        as("spoc", "spoc", () -> engine.getTaskService().complete(
                engine.getTaskService().createTaskQuery().processInstanceBusinessKey(recorded.caseReference())
                .taskDefinitionKey("Task_RequestFormBReports").singleResult().getId(), Map.of("noAgencyInvolved", true)));
        runDueJobs();
        UUID meetingId = meetings.create(LocalDate.of(2015, 4, 22), "ROUTINE", "Matrix room", "spoc", true).id();
        meetings.assign(meetingId, recorded.caseId(), "spoc");
        return new Fixture(recorded.caseId(), recorded.caseReference(), form, null, null, null, meetingId, null,
                notification.getId());
    }

    private void as(String user, String group, Runnable work) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            work.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private FormA withAgency(FormA form, FormA.Agency agency) {
        ObjectNode node = json.valueToTree(form);
        node.set("agencies", json.valueToTree(List.of(agency)));
        return json.convertValue(node, FormA.class);
    }


    static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String latestToken(String address) {
        List<MimeMessage> emails = emailsTo(address);
        assertThat(emails).as("emails to " + address).isNotEmpty();
        try {
            Matcher m = FORM_B_LINK.matcher((String) emails.get(emails.size() - 1).getContent());
            assertThat(m.find()).as("a Form B link").isTrue();
            return m.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a guesser would try: a well-formed token (32 random bytes, base64url) nobody was sent. */
    static String guessedToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Map<String, String> formBAnswers() {
        Map<String, String> a = new HashMap<>();
        a.put("reporterName", "Guesser");
        a.put("reporterRole", "Nobody");
        a.put("reporterAgency", "Nowhere");
        a.put("reporterEmail", "guess@agency.example");
        a.put("contactWith", "child-and-family");
        a.put("natureOfContact", "None.");
        a.put("knownHealth", "no");
        a.put("development", "no");
        a.put("familyAndEnvironment", "no");
        a.put("parenting", "no");
        a.put("serviceFactors", "no");
        a.put("concerns", "no");
        return a;
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
