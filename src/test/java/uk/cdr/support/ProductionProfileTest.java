package uk.cdr.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.ChildDeathReviewApplication;

/**
 * The postgres profile starts from environment variables alone, against a PostgreSQL it has
 * never seen, with the administrator from ADMIN_USER and no demo users. It boots an app of its
 * own, and Camunda keeps engines in static registries: so it runs in a JVM of its own.
 */
@Tag("own-jvm")
class ProductionProfileTest {

    @Test
    void startsFromEnvironmentVariablesWithoutDemoUsers() throws Exception {
        String database = "cdr_production_" + System.nanoTime();
        try (Connection connection = SharedPostgres.instance().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + database);
        }
        Map<String, Object> environment = new java.util.HashMap<>(Map.of(
                "DB_URL", SharedPostgres.instance().getJdbcUrl("postgres", database),
                "DB_USER", "postgres",
                "DB_PASSWORD", "postgres",
                "ADMIN_USER", "chief",
                "ADMIN_PASSWORD", "a-long-secret",
                "MAIL_HOST", "localhost",
                "MAIL_PORT", SharedMailServer.port(),
                "PUBLIC_BASE_URL", "https://cdr.example.org",
                "LSCB_CHAIR_EMAIL", "chair@lscb.example",
                "server.port", 0));
        environment.put("CDOP_CHAIR_EMAIL", "chair@cdop.example");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ChildDeathReviewApplication.class)
                .profiles("postgres").properties(environment)
                // The tests' two areas; default properties (the map) give way to application.yaml's one area.
                .run("--cdr.areas[0].code=north", "--cdr.areas[0].name=North Borough", "--cdr.areas[1].code=south",
                        "--cdr.areas[1].name=South Borough")) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("chief", "a-long-secret")).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("chief").count()).isEqualTo(1);
            assertThat(identity.createUserQuery().userIdIn("spoc", "doctor", "nurse", "panel", "admin").count()).isZero();
            assertThat(identity.createGroupQuery().groupIdIn("spoc", "designated-doctor", "cdr-nurse", "cdop-panel").count())
                    .isEqualTo(4);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpSession api = new HttpSession("http://localhost:" + port).withBasicAuth("chief", "a-long-secret");
            assertThat(api.get("/api/me").body()).contains("\"userId\":\"chief\"");

            theDoctorsAlertArrivesWithinSecondsOfANotification(identity, port);
        }
    }

    /** Here the job executor runs as in production: the alert is sent by it, not by the test. */
    private static void theDoctorsAlertArrivesWithinSecondsOfANotification(IdentityService identity, int port)
            throws Exception {
        addUser(identity, "sam", "spoc", null);
        addUser(identity, "dana", "designated-doctor", "dana.doctor@nhs.example");
        HttpSession spoc = new HttpSession("http://localhost:" + port).withBasicAuth("sam", "a-long-secret");
        String formA = new ObjectMapper().findAndRegisterModules()
                .writeValueAsString(uk.cdr.notification.TestForms.aNotification());

        long start = System.nanoTime();
        HttpSession.Response saved = spoc.postJson("/api/notifications", formA);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String reference = new ObjectMapper().readTree(saved.body()).get("caseReference").asText();
        boolean arrived = false;
        while (!arrived && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
            arrived = SharedMailServer.instance().waitForIncomingEmail(500, 1) && java.util.Arrays
                    .stream(SharedMailServer.instance().getReceivedMessages())
                    .anyMatch(m -> subject(m).contains(reference));
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.printf("Designated Doctor alert for %s arrived %d ms after the notification was saved%n", reference, millis);
        assertThat(arrived).as("doctor's alert within 30 s").isTrue();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addUser(IdentityService identity, String id, String group, String email) {
        org.camunda.bpm.engine.identity.User user = identity.newUser(id);
        user.setPassword("a-long-secret");
        user.setEmail(email);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }
}
