package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.cdr.support.IntegrationTest;
import uk.cdr.support.RawHttp;
import uk.cdr.support.RawHttp.Reply;

/**
 * Issue 12, part 6: a malformed or needlessly encoded path is a 400, never a 500, wherever it
 * points (our pages and API, /engine-rest, the Camunda webapps). Sent byte for byte: the JDK's
 * HttpClient would refuse most of these request targets before they left.
 */
class MalformedPathTest extends IntegrationTest {

    private static final List<String> REFUSED = List.of(
            "/%65ngine-rest/task", "/engine-rest/%74ask", "/%61pi/me", "/camunda/%61pp/tasklist/default/",
            "/%2e%2e/engine-rest/task", "/api/%2e%2e/engine-rest/task", "/%2E/api/me",
            "/api/me%00", "/%00", "/api%2Fme", "/engine-rest%2ftask", "/%5Capi/me", "/api%5cme", "/api\\me",
            "/api/me%3Bjsessionid=x", "/%2565ngine-rest/task", "/%252e%252e/api/me", "/api/%25",
            "/%zz", "/api/me%zz", "/api/me%4", "/api/me%", "/api/%ff", "/api/%c3%28", "/api/%0d%0aSet-Cookie:x=y",
            "//api/me", "/api//me", "/./api/me", "/api/./me", "/api/../api/me", "/..;/engine-rest/task", "/api;x/me");

    @Test
    void aMalformedOrNeedlesslyEncodedPathIsABadRequestNeverAServerError() {
        RawHttp http = new RawHttp(port);
        List<String> wrong = new ArrayList<>();
        for (String path : REFUSED) {
            Reply reply = http.get(path);
            if (reply.status() != 400) {
                wrong.add(path + " -> " + reply.status());
            }
        }
        assertThat(wrong).as("paths not answered 400").isEmpty();
    }

    @Test
    void theRefusalIsAProblemLikeTheRestOfTheApi() {
        Reply reply = new RawHttp(port).get("/%65ngine-rest/task");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("content-type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(reply.body()).contains("\"status\":400", "malformed");
    }

    @Test
    void encodingThatClientsDoSendStillWorks() {
        RawHttp http = new RawHttp(port);
        // Ids with colons and spaces, as the webapps encode them: the request goes on to authentication.
        assertThat(http.get("/engine-rest/process-definition/invoice%3A1%3Aabc").status()).isEqualTo(401);
        assertThat(http.get("/api/cases/a%20b").status()).isEqualTo(401);
        assertThat(http.get("/login?next=%2Fapi%2Fme").status()).isEqualTo(200);
        assertThat(browser().withBasicAuth("doctor", DEMO_PASSWORD).get("/api/me").status()).isEqualTo(200);
    }
}
