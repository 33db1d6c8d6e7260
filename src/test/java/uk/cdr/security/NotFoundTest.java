package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.audit.AuditQuery;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.IntegrationTest;

/**
 * A mistyped address is "Page not found", not "You do not have access"; what exists stays refused
 * to the roles it is not for, and nobody learns anything before logging in.
 */
class NotFoundTest extends IntegrationTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    @Autowired
    AuditLog auditLog;

    @Test
    void aLoggedInUserAskingForAPageThatDoesNotExistIsToldItIsNotFound() {
        HttpSession spoc = loggedIn("spoc");
        for (String path : new String[] {"/no-such-page", "/cdop/nothing", "/statistics/2015-16/extra",
                "/css/no-such.css"}) {
            Response page = spoc.get(path, HTML);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("<title>Page not found", "check it is correct", "Back to your home page")
                    .doesNotContain("You do not have access", "Exception");
        }
    }

    @Test
    void anApiClientIsToldWithProblemDetails() {
        Response api = browser().withBasicAuth("doctor", DEMO_PASSWORD).get("/api/no-such-thing");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(api.body()).contains("\"status\":404", "/api/no-such-thing").doesNotContain("Exception");
    }

    @Test
    void whatExistsStaysForbiddenToOtherRolesWhateverTheIdOrMethod() {
        String unknownCase = "/cases/" + UUID.randomUUID();
        Response panelOnACase = loggedIn("panel").get(unknownCase, HTML);
        assertThat(panelOnACase.status()).as("an id that exists or not: the panel may not look").isEqualTo(403);
        assertThat(panelOnACase.body()).contains("You do not have access");
        assertThat(browser().withBasicAuth("nurse", DEMO_PASSWORD).get("/api/audit").status()).isEqualTo(403);
        assertThat(browser().withBasicAuth("doctor", DEMO_PASSWORD)
                .send("DELETE", "/api/cdop/queue", null, null, Map.of()).status())
                .as("a path that exists, with a method it does not take").isEqualTo(403);
        assertThat(browser().withBasicAuth("spoc", DEMO_PASSWORD).get("/api/audit").status()).isEqualTo(403);
        assertThat(auditLog.find(new AuditQuery("panel", AuditAction.ACCESS_DENIED, null, 1000)))
                .anySatisfy(entry -> assertThat(entry.detail()).contains("GET " + unknownCase));
    }

    @Test
    void beforeLoggingInNothingIsToldApartFromTheWayToLogIn() {
        assertThat(browser().get("/no-such-page", HTML).redirectsTo("/login")).isTrue();
        assertThat(browser().get("/cases/" + UUID.randomUUID(), HTML).redirectsTo("/login")).isTrue();
        Response api = browser().get("/api/no-such-thing");
        assertThat(api.status()).isEqualTo(401);
    }

    @Test
    void theFaviconIsServedToEveryone() {
        Response svg = browser().get("/favicon.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.body()).startsWith("<svg");
        Response ico = browser().get("/favicon.ico");
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("icon"));
    }
}
