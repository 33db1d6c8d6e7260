package uk.cdr.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.cdr.ChildDeathReviewApplication;

/**
 * The postgres profile starts from environment variables alone, against a PostgreSQL it has
 * never seen, with the administrator from ADMIN_USER and no demo users. It boots an app of its
 * own, and Camunda keeps engines in static registries: so it runs in a JVM of its own.
 */
@Tag("own-jvm")
class ProductionProfileTest {

    @Test
    void startsFromEnvironmentVariablesWithoutDemoUsers() throws SQLException {
        String database = "cdr_production_" + System.nanoTime();
        try (Connection connection = SharedPostgres.instance().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + database);
        }
        Map<String, Object> environment = Map.of(
                "DB_URL", SharedPostgres.instance().getJdbcUrl("postgres", database),
                "DB_USER", "postgres",
                "DB_PASSWORD", "postgres",
                "ADMIN_USER", "chief",
                "ADMIN_PASSWORD", "a-long-secret",
                "MAIL_HOST", "localhost",
                "MAIL_PORT", SharedMailServer.port(),
                "PUBLIC_BASE_URL", "https://cdr.example.org",
                "server.port", 0);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ChildDeathReviewApplication.class)
                .profiles("postgres").properties(environment).run()) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("chief", "a-long-secret")).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("chief").count()).isEqualTo(1);
            assertThat(identity.createUserQuery().userIdIn("spoc", "doctor", "nurse", "panel", "admin").count()).isZero();
            assertThat(identity.createGroupQuery().groupIdIn("spoc", "designated-doctor", "cdr-nurse", "cdop-panel").count())
                    .isEqualTo(4);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpSession api = new HttpSession("http://localhost:" + port).withBasicAuth("chief", "a-long-secret");
            assertThat(api.get("/api/me").body()).contains("\"userId\":\"chief\"");
        }
    }
}
