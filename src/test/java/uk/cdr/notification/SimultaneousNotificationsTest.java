package uk.cdr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;

/**
 * The hospital and the police notify the same death at the same moment: one case opens and the
 * other notification waits for the SPOC as a possible duplicate. Never two silent cases.
 */
class SimultaneousNotificationsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @RepeatedTest(5)
    void twoNotificationsOfOneDeathAtOnceOpenOneCaseAndFlagTheOther() throws Exception {
        FormA form = TestForms.aNotification();
        String body = json.writeValueAsString(form);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpSession.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return spoc.postJson("/api/notifications", body);
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<HttpSession.Response> response : sent) {
            assertThat(response.get().status()).as(response.get().body()).isIn(201, 202);
            outcomes.add(json.readTree(response.get().body()).get("outcome").asText());
        }
        assertThat(outcomes).containsExactlyInAnyOrder("CASE_OPENED", "POSSIBLE_DUPLICATE");
        assertThat(jdbc.sql("select count(*) from case_file where nhs_number = ?").param(form.nhsNumber().replace(" ", ""))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from notification where nhs_number = ? order by status")
                .param(form.nhsNumber().replace(" ", "")).query(String.class).list())
                .containsExactly("POSSIBLE_DUPLICATE", "RECORDED");
    }
}
