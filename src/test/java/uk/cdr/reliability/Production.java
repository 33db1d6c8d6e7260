package uk.cdr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.support.HttpSession;
import uk.cdr.support.SharedMailServer;
import uk.cdr.support.SharedPostgres;

/** What the separate app processes share: a fresh PostgreSQL database, the mail server and the staff. */
final class Production {

    static final String PASSWORD = "a-long-secret";

    private Production() {
    }

    /** The environment of a node on a new, empty database. */
    static Map<String, String> environment(String database) throws Exception {
        try (Connection connection = SharedPostgres.instance().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + database);
        }
        Map<String, String> environment = new HashMap<>(Map.of(
                "DB_URL", SharedPostgres.instance().getJdbcUrl("postgres", database),
                "DB_USER", "postgres",
                "DB_PASSWORD", "postgres",
                "ADMIN_USER", "chief",
                "ADMIN_PASSWORD", PASSWORD,
                "MAIL_HOST", "127.0.0.1",
                "MAIL_PORT", String.valueOf(SharedMailServer.port()),
                "PUBLIC_BASE_URL", "https://cdr.example.org",
                "LSCB_CHAIR_EMAIL", "chair@lscb.example",
                "CDOP_CHAIR_EMAIL", "chair@cdop.example"));
        environment.put("COOKIE_SECURE", "false");
        // The tests' two areas, as a deployment sets them: environment variables (README, "Several areas per CDOP").
        environment.putAll(Map.of("CDR_AREAS_0_CODE", "north", "CDR_AREAS_0_NAME", "North Borough",
                "CDR_AREAS_1_CODE", "south", "CDR_AREAS_1_NAME", "South Borough"));
        return environment;
    }

    /** The administrator adds the staff in Admin (here through /engine-rest). */
    static void addStaff(AppProcess app, String doctorEmail) {
        HttpSession admin = app.as("chief", PASSWORD);
        addUser(admin, "sam", "spoc", "sam.spoc@council.example");
        addUser(admin, "dana", "designated-doctor", doctorEmail);
    }

    private static void addUser(HttpSession admin, String id, String group, String email) {
        HttpSession.Response created = admin.postJson("/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"%s","lastName":"Test","email":"%s"},"credentials":{"password":"%s"}}"""
                .formatted(id, id, email, PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        assertThat(admin.putJson("/engine-rest/group/" + group + "/members/" + id, "").status()).isEqualTo(204);
    }

    static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(SharedMailServer.instance().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
