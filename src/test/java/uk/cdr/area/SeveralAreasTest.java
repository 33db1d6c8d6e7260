package uk.cdr.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.cdr.notification.FormA;
import uk.cdr.notification.FormAExamples;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.panel.PanelFixtures;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Issue 17: two areas share the tests' CDOP (North Borough and South Borough). Every case has its
 * area, from every way in; the case list, the queue and the meetings narrow to one area; an area
 * the CDOP does not serve is a 400 naming the field, and nothing is saved.
 */
class SeveralAreasTest extends ProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Autowired
    Notifications notifications;

    @Autowired
    uk.cdr.panel.PanelMeetings meetings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFormAWithoutAnAreaOrWithOneTheCdopDoesNotServeIsRefusedAndNothingIsSaved() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        long cases = jdbc.sql("select count(*) from case_file").query(Long.class).single();
        String family = family();
        for (String area : new String[] { null, "westshire" }) {
            HttpSession.Response refused = api("spoc").postJson("/api/notifications",
                    JSON.writeValueAsString(FormAExamples.inArea("Jo", family, area)));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"area\"", "north (North Borough), south (South Borough)");
        }
        assertThat(api("spoc").postJson("/api/notifications", JSON.writeValueAsString(FormAExamples.inArea("Jo", family,
                "westshire"))).body()).contains("not 'westshire'");
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(cases);

        HttpSession.Response opened = api("spoc").postJson("/api/notifications",
                JSON.writeValueAsString(FormAExamples.inArea("Jo", family, "South Borough")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String reference = JSON.readTree(opened.body()).get("caseReference").asText();
        assertThat(jdbc.sql("select area from case_file where case_reference = ?").param(reference).query(String.class)
                .single()).isEqualTo("south");
        // The case page says it in words.
        UUID caseId = jdbc.sql("select id from case_file where case_reference = ?").param(reference).query(UUID.class).single();
        assertThat(loggedIn("spoc").get("/cases/" + caseId).body()).contains("Area where the child lived", "South Borough");
    }

    @Test
    void theCaseListAndTheQueueNarrowToOneAreaOrShowTheWholeCdop() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String family = family();
        Notifications.Recorded north = ready(FormAExamples.inArea("Nell", family, "north"));
        Notifications.Recorded south = ready(FormAExamples.inArea("Sol", family, "south"));

        assertThat(references(get("spoc", "/api/cases?name=" + family))).containsExactlyInAnyOrder(
                north.caseReference(), south.caseReference());
        JsonNode southOnly = get("spoc", "/api/cases?name=" + family + "&area=south");
        assertThat(references(southOnly)).containsExactly(south.caseReference());
        assertThat(southOnly.at("/items/0/area/name").asText()).isEqualTo("South Borough");
        // The panel narrows its anonymised list the same way; the area is not identifying.
        assertThat(references(get("panel", "/api/cases?reportingYear=2014-15&area=North%20Borough&size=100")))
                .contains(north.caseReference()).doesNotContain(south.caseReference());
        assertThat(get("doctor", "/api/cases/" + south.caseId()).at("/area/code").asText()).isEqualTo("south");
        assertThat(loggedIn("panel").get("/cdop/cases/" + south.caseId()).body()).contains("Area where the child lived",
                "South Borough");

        List<String> southQueue = references(get("panel", "/api/cdop/queue?area=south&size=500"));
        assertThat(southQueue).contains(south.caseReference()).doesNotContain(north.caseReference());
        assertThat(references(get("panel", "/api/cdop/queue?size=500&sort=reference&reportingYear=2014-15")))
                .contains(north.caseReference(), south.caseReference());

        for (String path : List.of("/api/cases?area=westshire", "/api/cdop/queue?area=westshire",
                "/api/cdop/meetings?area=westshire")) {
            HttpSession.Response refused = api("spoc").get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.body()).as(path).contains("\"field\":\"area\"", "not 'westshire'");
        }
        // The pages say so beside the area and show everything else.
        HttpSession.Response listPage = loggedIn("spoc").get("/cases?area=westshire");
        assertThat(listPage.status()).isEqualTo(400);
        assertThat(listPage.body()).contains("Area must be one of the CDOP&#39;s areas, not &#39;westshire&#39;");
        HttpSession.Response queuePage = loggedIn("panel").get("/cdop/queue?area=westshire");
        assertThat(queuePage.status()).isEqualTo(400);
        assertThat(queuePage.body()).contains("Area must be one of the CDOP&#39;s areas, not &#39;westshire&#39;");
        assertThat(loggedIn("panel").get("/cdop/queue?area=south").body()).contains(south.caseReference())
                .doesNotContain(north.caseReference());
    }

    @Test
    void aMeetingForOneAreaTakesOnlyThatAreasCases() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String family = family();
        Notifications.Recorded north = ready(FormAExamples.inArea("Nell", family, "north"));
        Notifications.Recorded south = ready(FormAExamples.inArea("Sol", family, "south"));

        HttpSession.Response unknown = api("spoc").postJson("/api/cdop/meetings",
                "{\"heldOn\":\"2015-04-23\",\"kind\":\"ROUTINE\",\"place\":\"Civic Centre\",\"area\":\"westshire\","
                        + "\"sameDayConfirmed\":true}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"area\"");

        HttpSession.Response created = api("spoc").postJson("/api/cdop/meetings",
                "{\"heldOn\":\"2015-04-23\",\"kind\":\"ROUTINE\",\"place\":\"Civic Centre\",\"area\":\"south\","
                        + "\"sameDayConfirmed\":true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode meeting = JSON.readTree(created.body());
        assertThat(meeting.at("/area/name").asText()).isEqualTo("South Borough");
        String meetingId = meeting.get("id").asText();

        // The meeting's page offers only South Borough's cases for its agenda, and says whose cases it takes.
        String meetingPage = loggedIn("spoc").get("/cdop/meetings/" + meetingId).body();
        assertThat(meetingPage).contains("for South Borough&#39;s cases", south.caseId().toString())
                .doesNotContain(north.caseId().toString());

        HttpSession.Response wrongArea = api("spoc").postJson("/api/cdop/meetings/" + meetingId + "/cases",
                "{\"caseId\":\"" + north.caseId() + "\"}");
        assertThat(wrongArea.status()).isEqualTo(400);
        assertThat(wrongArea.body()).contains("\"field\":\"caseId\"", "is of North Borough: this meeting reviews "
                + "South Borough's cases only");
        assertThat(api("spoc").postJson("/api/cdop/meetings/" + meetingId + "/cases",
                "{\"caseId\":\"" + south.caseId() + "\"}").status()).isEqualTo(204);

        assertThat(get("spoc", "/api/cdop/meetings?area=north").toString()).doesNotContain(meetingId);
        assertThat(get("spoc", "/api/cdop/meetings?area=south").toString()).contains(meetingId);
        String meetingsPage = loggedIn("spoc").get("/cdop/meetings?area=south").body();
        assertThat(meetingsPage).contains(meetingId, "Meetings that take South Borough");
        assertThat(loggedIn("spoc").get("/cdop/meetings?area=north").body()).doesNotContain(meetingId);
    }

    @Test
    void theImportTakesAnAreaColumnAndRefusesAnAreaTheCdopDoesNotServe() throws Exception {
        String header = "child_first_name,child_last_name,date_of_birth,sex,ethnicity,nhs_number,date_of_death,"
                + "place_of_death,area,death_classification,rapid_response,status\n";
        String family = family();
        String refusedFile = header + "Ima," + family + ",2001-01-01,female,white-british," + TestForms.uniqueNhsNumber()
                + ",2005-05-01,home,westshire,expected,no,open\n"
                + "Ura," + family + ",2001-01-01,female,white-british," + TestForms.uniqueNhsNumber()
                + ",2005-05-02,home,,expected,no,open\n";
        HttpSession.Response refused = api("spoc").post("/api/import/cases", "text/csv",
                refusedFile.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(refused.status()).isEqualTo(400);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        List<String> areaErrors = new ArrayList<>();
        errors.forEach(e -> areaErrors.add(e.get("row").asInt() + " " + e.get("column").asText() + " " + e.get("rule").asText()));
        assertThat(areaErrors).containsExactly(
                "2 area must be one of the CDOP's areas, not 'westshire': one of north (North Borough), south (South Borough)",
                "3 area is required: one of north (North Borough), south (South Borough)");
        assertThat(jdbc.sql("select count(*) from case_file where child_last_name = ?").param(family).query(Long.class)
                .single()).isZero();

        // Closed, in 2005-06, which only closed cases use: an open case would be open at every later year end.
        String goodFile = "child_first_name,child_last_name,date_of_birth,sex,ethnicity,nhs_number,date_of_death,"
                + "place_of_death,area,death_classification,rapid_response,status,review_completed_on,meeting_type,"
                + "category,modifiable,scr_considered\n"
                + "Ima," + family + ",2001-01-01,female,white-british," + TestForms.uniqueNhsNumber()
                + ",2005-05-01,home,South Borough,expected,no,closed,2006-03-01,routine,6,no,no\n";
        HttpSession.Response imported = api("spoc").post("/api/import/cases", "text/csv",
                goodFile.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(jdbc.sql("select area from case_file where child_last_name = ?").param(family).query(String.class)
                .single()).isEqualTo("south");
    }

    private Notifications.Recorded ready(FormA form) {
        return PanelFixtures.readyCase(engine, notifications, form, this::runDueJobs);
    }

    private static String family() {
        return "Areaton" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("\\d", "x");
    }

    private HttpSession api(String user) {
        return browser().withBasicAuth(user, DEMO_PASSWORD);
    }

    private JsonNode get(String user, String path) throws Exception {
        HttpSession.Response response = api(user).get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> references(JsonNode page) {
        List<String> references = new ArrayList<>();
        page.get("items").forEach(item -> references.add(
                (item.has("reference") ? item.get("reference") : item.get("caseReference")).asText()));
        return references;
    }
}
