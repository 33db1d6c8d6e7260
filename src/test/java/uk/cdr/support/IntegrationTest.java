package uk.cdr.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole app on a random port, on the shared embedded
 * PostgreSQL and GreenMail. All subclasses share one Spring context; keep it that way (no
 * per-class properties or mocks) so the suite boots the app once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(PostgresLifecycle.class)
public abstract class IntegrationTest {

    public static final String DEMO_PASSWORD = "demo";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SharedPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mail.port", SharedMailServer::port);
    }

    /** A fresh browser-like client (own cookie jar) against the running app. */
    protected HttpSession browser() {
        return new HttpSession("http://localhost:" + port);
    }

    /** A browser that has logged in through the login page. */
    protected HttpSession loggedIn(String user) {
        HttpSession session = browser();
        HttpSession.Response response = session.login(user, DEMO_PASSWORD);
        if (!response.redirectsTo("/")) {
            throw new AssertionError("login of " + user + " failed: " + response.status() + " " + response.location());
        }
        return session;
    }
}
