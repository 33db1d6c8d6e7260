package uk.cdr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;

/**
 * Two nodes on one PostgreSQL, Camunda's homogeneous cluster: both take work and run jobs, and no
 * alert, request or reminder is sent twice.
 */
@Tag("own-jvm")
class TwoNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int CASES = 16;
    private static final int WITH_FORM_B = 4;

    @Test
    void bothNodesRunJobsAndNoEmailIsSentTwice() throws Exception {
        String doctor = "dana-nodes-" + System.nanoTime() + "@nhs.example";
        Map<String, String> environment = Production.environment("cdr_nodes_" + System.nanoTime());
        String[] timers = {"--cdr.timers.form-b.reminder=PT15S", "--cdr.timers.form-b.due=PT10M"};
        try (AppProcess a = AppProcess.start("node-a", environment, with(timers, "node-a"));
                AppProcess b = AppProcess.start("node-b", environment, with(timers, "node-b"))) {
            Production.addStaff(a, doctor);
            List<HttpSession> nodes = List.of(a.as("sam", Production.PASSWORD), b.as("sam", Production.PASSWORD));
            Map<String, String> cases = new LinkedHashMap<>();
            List<String> agencies = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                HttpSession node = nodes.get(i % 2);
                HttpSession.Response saved = node.postJson("/api/notifications", JSON.writeValueAsString(TestForms.aNotification()));
                assertThat(saved.status()).as(saved.body()).isEqualTo(201);
                JsonNode recorded = JSON.readTree(saved.body());
                cases.put(recorded.get("caseReference").asText(), recorded.get("caseId").asText());
                if (i < WITH_FORM_B) {
                    String agency = "gp-nodes-" + System.nanoTime() + "@nhs.example";
                    agencies.add(agency);
                    assertThat(node.postJson("/api/cases/" + recorded.get("caseId").asText() + "/agency-reports",
                            "[{\"agency\":\"GP\",\"contactName\":\"Dr Who\",\"contactEmail\":\"" + agency + "\"}]").status())
                            .isBetween(200, 204);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (System.nanoTime() < deadline && !(everyAlertIn(doctor, cases) && everyReminderIn(agencies))) {
                Thread.sleep(1000);
            }
            // A little longer: a duplicate would come after the first.
            Thread.sleep(5000);

            Map<String, Long> alerts = new LinkedHashMap<>();
            cases.keySet().forEach(reference -> alerts.put(reference, Production.emailsTo(doctor).stream()
                    .filter(m -> Production.subject(m).contains(reference)).count()));
            Map<String, Integer> jobsByNode = new TreeMap<>();
            for (JsonNode log : JSON.readTree(a.as("chief", Production.PASSWORD)
                    .get("/engine-rest/history/job-log?successLog=true&maxResults=10000").body())) {
                jobsByNode.merge(log.get("hostname").asText(), 1, Integer::sum);
            }
            System.out.printf("Two nodes: %d cases, %d Form B requests; jobs run per node %s; alerts per case %s; "
                    + "requests %s; reminders %s%n", CASES, WITH_FORM_B, jobsByNode, alerts.values(),
                    agencies.stream().map(x -> count(x, "Form B requested")).toList(),
                    agencies.stream().map(x -> count(x, "Reminder")).toList());
            assertThat(alerts.values()).as("one alert per case").containsOnly(1L);
            assertThat(agencies).as("one request and one reminder per agency")
                    .allMatch(x -> count(x, "Form B requested") == 1 && count(x, "Reminder") == 1);
            assertThat(jobsByNode).containsKeys("node-a", "node-b");
        }
    }

    private static String[] with(String[] arguments, String hostname) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--camunda.bpm.generic-properties.properties.hostname=" + hostname);
        return all.toArray(String[]::new);
    }

    private static boolean everyAlertIn(String doctor, Map<String, String> cases) {
        List<String> subjects = Production.emailsTo(doctor).stream().map(Production::subject).toList();
        return cases.keySet().stream().allMatch(reference -> subjects.stream().anyMatch(s -> s.contains(reference)));
    }

    private static boolean everyReminderIn(List<String> agencies) {
        return agencies.stream().allMatch(x -> count(x, "Reminder") > 0);
    }

    private static long count(String address, String subjectPart) {
        return Production.emailsTo(address).stream().filter(m -> Production.subject(m).contains(subjectPart)).count();
    }
}
