package uk.cdr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import uk.cdr.ChildDeathReviewApplication;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.SharedMailServer;

/**
 * The database restarts while people work: requests meanwhile get a 503 asking them to retry (no
 * 500, no stack trace), and once it is back the app carries on by itself, without a restart. The
 * app runs on a PostgreSQL of its own, which this test stops and starts on the same data and port.
 */
@Tag("own-jvm")
class DatabaseRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void requestsDuringARestartGet503AndTheAppRecoversByItself() throws Exception {
        Path data = Files.createTempDirectory("cdr-db-restart");
        int dbPort = freePort();
        EmbeddedPostgres postgres = start(data, dbPort);
        Map<String, Object> environment = new HashMap<>(Map.of(
                "DB_URL", "jdbc:postgresql://localhost:" + dbPort + "/postgres",
                "DB_USER", "postgres",
                "DB_PASSWORD", "postgres",
                "DB_CONNECTION_TIMEOUT", "1000",
                "ADMIN_USER", "chief",
                "ADMIN_PASSWORD", "a-long-secret",
                "MAIL_HOST", "localhost",
                "MAIL_PORT", SharedMailServer.port(),
                "PUBLIC_BASE_URL", "https://cdr.example.org",
                "LSCB_CHAIR_EMAIL", "chair@lscb.example"));
        environment.put("CDOP_CHAIR_EMAIL", "chair@cdop.example");
        environment.put("server.port", 0);
        environment.put("COOKIE_SECURE", "false"); // plain http in this test
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ChildDeathReviewApplication.class)
                .profiles("postgres").properties(environment)
                // The tests' two areas; default properties (the map) give way to application.yaml's one area.
                .run("--cdr.areas[0].code=north", "--cdr.areas[0].name=North Borough", "--cdr.areas[1].code=south",
                        "--cdr.areas[1].name=South Borough")) {
            IdentityService identity = app.getBean(IdentityService.class);
            org.camunda.bpm.engine.identity.User sam = identity.newUser("sam");
            sam.setPassword("a-long-secret");
            identity.saveUser(sam);
            identity.createMembership("sam", "spoc");
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            HttpSession spoc = new HttpSession(base).withBasicAuth("sam", "a-long-secret");
            HttpSession page = new HttpSession(base);
            assertThat(page.login("sam", "a-long-secret").status()).isIn(200, 302);
            String before = reference(spoc.postJson("/api/notifications", JSON.writeValueAsString(TestForms.aNotification())));

            postgres.close();
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> bodies = new ArrayList<>();
            long outageStart = System.nanoTime();
            for (int i = 0; i < 2; i++) {
                for (HttpSession.Response response : List.of(
                        spoc.get("/api/cdop/queue"),
                        page.get("/api/cdop/queue"),
                        page.get("/cdop/queue"),
                        spoc.postJson("/api/notifications", JSON.writeValueAsString(TestForms.aNotification())),
                        spoc.get("/engine-rest/task"))) {
                    statuses.merge(response.status(), 1, Integer::sum);
                    bodies.add(response.raw().uri().getPath() + " " + response.status() + " " + response.body());
                }
            }
            long outageMillis = Duration.ofNanos(System.nanoTime() - outageStart).toMillis();
            System.out.printf("Database down: %d requests in %d ms answered %s%n", bodies.size(), outageMillis, statuses);
            bodies.stream().filter(b -> !b.contains(" 503 ")).forEach(System.out::println);
            assertThat(statuses).containsOnlyKeys(503);
            assertThat(bodies).allSatisfy(body -> assertThat(body).contains("try again shortly")
                    .doesNotContain("Exception").doesNotContain("\tat "));

            postgres = start(data, dbPort);
            long restarted = System.nanoTime();
            HttpSession.Response queue = spoc.get("/api/cdop/queue");
            while (queue.status() != 200 && System.nanoTime() - restarted < Duration.ofSeconds(60).toNanos()) {
                Thread.sleep(200);
                queue = spoc.get("/api/cdop/queue");
            }
            System.out.printf("Database back: first successful request after %d ms, without restarting the app%n",
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis());
            assertThat(queue.status()).isEqualTo(200);
            assertThat(queue.body()).contains(before);
            assertThat(page.get("/api/me").status()).as("the session survived").isEqualTo(200);
            String after = reference(spoc.postJson("/api/notifications", JSON.writeValueAsString(TestForms.aNotification())));
            assertThat(after).isNotEqualTo(before);
        } finally {
            postgres.close();
        }
    }

    private static String reference(HttpSession.Response saved) throws IOException {
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return JSON.readTree(saved.body()).get("caseReference").asText();
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(false).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
