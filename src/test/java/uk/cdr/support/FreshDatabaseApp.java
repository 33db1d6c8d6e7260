package uk.cdr.support;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app on a random port, like {@link IntegrationTest}, but on a database of its own,
 * created empty on the shared embedded PostgreSQL: for the benchmarks (uk.cdr.bench), which fill
 * it with a national-scale data set. Camunda keeps engines in static registries, so a class
 * extending this runs in a JVM of its own (the bench profile forks one per class).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(PostgresLifecycle.class)
public abstract class FreshDatabaseApp {

    private static String database;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", FreshDatabaseApp::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mail.port", SharedMailServer::port);
    }

    /** A new empty database on the shared embedded PostgreSQL, created on first use in this JVM. */
    public static synchronized String jdbcUrl() {
        if (database == null) {
            String name = "cdr_bench_" + System.nanoTime();
            try (Connection connection = SharedPostgres.instance().getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + name, e);
            }
            database = name;
        }
        return SharedPostgres.instance().getJdbcUrl("postgres", database);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A browser that has logged in through the login page (demo users, password "demo"). */
    protected HttpSession loggedIn(String user) {
        HttpSession session = new HttpSession(baseUrl());
        HttpSession.Response response = session.login(user, IntegrationTest.DEMO_PASSWORD);
        if (!response.redirectsTo("/")) {
            throw new AssertionError("login of " + user + " failed: " + response.status() + " " + response.location());
        }
        return session;
    }
}
