package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.apache.catalina.session.StandardSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import uk.cdr.support.IntegrationTest;

/**
 * Scenario 9 of the reliability table: the login session. Idle timeout of 30 minutes (asserted on
 * the live Tomcat session, then 31 idle minutes simulated on it), logout ends the session for good,
 * and a new session id at login (no fixation).
 * LoginTest covers the login page itself and the audit of login and logout; LoginThrottlingTest
 * the back-off after failed logins.
 */
class SessionsTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Autowired
    ServerProperties serverProperties;

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void aSessionExpiresAfterThirtyIdleMinutes() throws Exception {
        assertThat(serverProperties.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));

        Browser spoc = new Browser();
        spoc.logIn("spoc", DEMO_PASSWORD);
        Session session = tomcatSession(spoc.sessionId());
        assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);

        settled(session);
        idleFor(session, Duration.ofMinutes(29));
        assertThat(spoc.get("/").statusCode()).as("29 minutes idle: still logged in").isEqualTo(200);
        settled(session);

        idleFor(session, Duration.ofMinutes(31));
        HttpResponse<String> afterIdle = spoc.get("/");
        assertThat(afterIdle.statusCode()).isEqualTo(302);
        assertThat(afterIdle.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(manager().findSession(session.getId())).as("the expired session is gone").isNull();
    }

    @Test
    void loggingOutEndsTheSessionSoItsCookieNoLongerWorks() throws Exception {
        Browser panel = new Browser();
        panel.logIn("panel", DEMO_PASSWORD);
        String oldId = panel.sessionId();
        assertThat(withCookie(oldId, "/cdop/queue").statusCode()).as("the cookie works before logout").isEqualTo(200);

        HttpResponse<String> logout = panel.postForm("/logout", "_csrf=" + enc(panel.csrfFrom("/")));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(manager().findSession(oldId)).as("the session is invalidated on the server").isNull();

        HttpResponse<String> replayed = withCookie(oldId, "/cdop/queue");
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(withCookie(oldId, "/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void loggingInGivesANewSessionIdSoAPlantedOneIsWorthless() throws Exception {
        Browser victim = new Browser();
        String csrf = victim.csrfFrom("/login");
        String beforeLogin = victim.sessionId();
        assertThat(beforeLogin).as("the login page's session (it holds the CSRF token)").isNotNull();

        HttpResponse<String> login = victim.postForm("/login",
                "username=doctor&password=" + DEMO_PASSWORD + "&_csrf=" + enc(csrf));
        assertThat(login.statusCode()).isEqualTo(302);
        String afterLogin = victim.sessionId();
        assertThat(afterLogin).isNotEqualTo(beforeLogin);
        assertThat(victim.get("/").statusCode()).isEqualTo(200);

        // An attacker who planted or read the pre-login id holds nothing.
        assertThat(withCookie(beforeLogin, "/").statusCode()).isEqualTo(302);
        assertThat(withCookie(beforeLogin, "/api/me").statusCode()).isEqualTo(401);
        assertThat(withCookie(afterLogin, "/api/me").statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- the server's side of a session

    private Manager manager() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        Context webapp = (Context) server.getTomcat().getHost().findChildren()[0];
        return webapp.getManager();
    }

    private Session tomcatSession(String id) throws Exception {
        Session session = manager().findSession(id);
        assertThat(session).as("Tomcat session " + id).isNotNull();
        return session;
    }

    /**
     * Tomcat records a request's access to the session when it recycles the request, after the
     * browser already has the answer: a late record (of the login or of the last request) would
     * overwrite an idle time set after it. Waits until the access times have stopped moving.
     */
    private static void settled(Session session) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        long seen = accessTimes(session);
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() - stableSince < 300 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            long now = accessTimes(session);
            if (now != seen) {
                seen = now;
                stableSince = System.currentTimeMillis();
            }
        }
    }

    private static long accessTimes(Session session) throws Exception {
        long sum = 0;
        for (String name : new String[] {"thisAccessedTime", "lastAccessedTime"}) {
            Field field = StandardSession.class.getDeclaredField(name);
            field.setAccessible(true);
            sum = sum * 31 + field.getLong(session);
        }
        return sum;
    }

    /** As if the browser had sent nothing for this long: the session's last access moves back. */
    private static void idleFor(Session session, Duration idle) throws Exception {
        long then = System.currentTimeMillis() - idle.toMillis();
        for (String name : new String[] {"thisAccessedTime", "lastAccessedTime"}) {
            Field field = StandardSession.class.getDeclaredField(name);
            field.setAccessible(true);
            field.setLong(session, then);
        }
    }

    private HttpResponse<String> withCookie(String sessionId, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=" + sessionId).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser whose session cookie the test can read. */
    private class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> basic(String user, String password, String path) throws Exception {
            String credentials = java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrfFrom(String path) throws Exception {
            Matcher m = CSRF.matcher(get(path).body());
            assertThat(m.find()).as("CSRF token on " + path).isTrue();
            return m.group(1);
        }

        HttpResponse<String> postForm(String path, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> logIn(String user, String password) throws Exception {
            String csrf = csrfFrom("/login");
            return postForm("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf));
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
