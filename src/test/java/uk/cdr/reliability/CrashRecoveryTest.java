package uk.cdr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;

/**
 * The app is killed with SIGKILL while cases are in flight: alerts queued, Form B requests just
 * sent with their reminder timers pending. Started again on the same database, every case carries
 * on, every alert and request is sent, every due reminder fires. Duplicates are counted, not hidden.
 */
@Tag("own-jvm")
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int CASES = 12;
    private static final int WITH_FORM_B = 5;

    @Test
    void afterASigkillEveryCaseTimerAndEmailCarriesOn() throws Exception {
        String doctor = "dana-crash-" + System.nanoTime() + "@nhs.example";
        Map<String, String> environment = Production.environment("cdr_crash_" + System.nanoTime());
        String[] timers = {"--cdr.timers.form-b.reminder=PT20S", "--cdr.timers.form-b.due=PT10M"};
        Map<String, String> cases = new LinkedHashMap<>();
        List<String> agencies = new ArrayList<>();
        long killedAt;
        int alertsBeforeKill;
        try (AppProcess first = AppProcess.start("crash-first-life", environment, timers)) {
            Production.addStaff(first, doctor);
            HttpSession spoc = first.as("sam", Production.PASSWORD);
            for (int i = 0; i < CASES; i++) {
                HttpSession.Response saved = spoc.postJson("/api/notifications", JSON.writeValueAsString(TestForms.aNotification()));
                assertThat(saved.status()).as(saved.body()).isEqualTo(201);
                JsonNode recorded = JSON.readTree(saved.body());
                cases.put(recorded.get("caseReference").asText(), recorded.get("caseId").asText());
            }
            int n = 0;
            for (Map.Entry<String, String> c : cases.entrySet()) {
                if (n++ == WITH_FORM_B) {
                    break;
                }
                String agency = "gp-crash-" + System.nanoTime() + "@nhs.example";
                agencies.add(agency);
                HttpSession.Response requested = spoc.postJson("/api/cases/" + c.getValue() + "/agency-reports",
                        "[{\"agency\":\"GP\",\"contactName\":\"Dr Who\",\"contactEmail\":\"" + agency + "\"}]");
                assertThat(requested.status()).as(requested.body()).isBetween(200, 204);
            }
            alertsBeforeKill = Production.emailsTo(doctor).size();
            first.kill();
            killedAt = System.nanoTime();
        }

        try (AppProcess second = AppProcess.start("crash-second-life", environment, timers)) {
            long restartedMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline && !(allAlertsIn(doctor, cases.keySet()) && allFormBEmailsIn(agencies))) {
                Thread.sleep(1000);
            }
            Map<String, Integer> alerts = new LinkedHashMap<>();
            cases.keySet().forEach(reference -> alerts.put(reference, (int) Production.emailsTo(doctor).stream()
                    .filter(m -> Production.subject(m).contains(reference)).count()));
            int duplicates = alerts.values().stream().mapToInt(count -> Math.max(0, count - 1)).sum();
            System.out.printf("Crash: SIGKILL with %d cases in flight (%d alerts sent before the kill, %d Form B requests "
                    + "with reminder timers pending); restarted in %d ms; after restart %d of %d alerts, %d of %d Form B "
                    + "requests and %d of %d reminders sent; %d duplicate emails%n", CASES, alertsBeforeKill, WITH_FORM_B,
                    restartedMillis, alerts.values().stream().filter(count -> count > 0).count(), CASES,
                    agencies.stream().filter(a -> count(a, "Form B requested") > 0).count(), WITH_FORM_B,
                    agencies.stream().filter(a -> count(a, "Reminder") > 0).count(), WITH_FORM_B, duplicates);
            assertThat(alerts.values()).as("every Designated Doctor alert sent").allMatch(count -> count >= 1);
            assertThat(agencies).as("every Form B request and its reminder sent")
                    .allMatch(a -> count(a, "Form B requested") >= 1 && count(a, "Reminder") >= 1);

            // Every case is where it should be: its doctor's task open and workable after the restart.
            HttpSession dana = second.as("dana", Production.PASSWORD);
            for (String reference : cases.keySet()) {
                JsonNode tasks = JSON.readTree(dana.get("/engine-rest/task?taskDefinitionKey=Task_ConfirmExpectedOrUnexpected"
                        + "&processInstanceBusinessKey=" + java.net.URLEncoder.encode(reference, "UTF-8")).body());
                assertThat(tasks).as(reference).hasSize(1);
            }
            String reference = cases.keySet().iterator().next();
            JsonNode task = JSON.readTree(dana.get("/engine-rest/task?taskDefinitionKey=Task_ConfirmExpectedOrUnexpected"
                    + "&processInstanceBusinessKey=" + java.net.URLEncoder.encode(reference, "UTF-8")).body()).get(0);
            assertThat(dana.postJson("/engine-rest/task/" + task.get("id").asText() + "/complete",
                    "{\"variables\":{\"deathClassification\":{\"value\":\"expected\"}}}").status()).isEqualTo(204);
        }
    }

    private static boolean allAlertsIn(String doctor, java.util.Set<String> references) {
        List<String> subjects = Production.emailsTo(doctor).stream().map(Production::subject).toList();
        return references.stream().allMatch(reference -> subjects.stream().anyMatch(s -> s.contains(reference)));
    }

    private static boolean allFormBEmailsIn(List<String> agencies) {
        return agencies.stream().allMatch(a -> count(a, "Form B requested") > 0 && count(a, "Reminder") > 0);
    }

    private static long count(String address, String subjectPart) {
        return Production.emailsTo(address).stream().filter(m -> Production.subject(m).contains(subjectPart)).count();
    }
}
