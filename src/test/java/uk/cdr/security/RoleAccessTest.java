package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.audit.AuditQuery;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.IntegrationTest;

/** Each role reaches only its own part; a refusal is a 403 and an audit row. */
class RoleAccessTest extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    ServerProperties server;

    @Test
    void aCaseworkerReachingTheAuditLogGets403AndIsAudited() {
        Response response = browser().withBasicAuth("panel", DEMO_PASSWORD).get("/api/audit");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403").doesNotContain("Exception", "at uk.cdr");

        assertThat(auditLog.find(new AuditQuery("panel", AuditAction.ACCESS_DENIED, null, 1)))
                .singleElement().satisfies(entry -> assertThat(entry.detail()).contains("GET /api/audit"));
    }

    @Test
    void aCaseworkerOpeningCockpitOrAdminGets403AndIsAudited() {
        HttpSession doctor = loggedIn("doctor");
        Response cockpit = doctor.get("/camunda/app/cockpit/default/", Map.of("Accept", "text/html"));
        assertThat(cockpit.status()).isEqualTo(403);
        assertThat(cockpit.body()).contains("You do not have access").doesNotContain("Exception");
        assertThat(doctor.get("/camunda/app/admin/default/").status()).isEqualTo(403);
        assertThat(doctor.get("/camunda/api/admin/user/default/").status()).isEqualTo(403);

        assertThat(auditLog.find(new AuditQuery("doctor", AuditAction.ACCESS_DENIED, null, 3)))
                .hasSize(3);
    }

    @Test
    void theEngineAppliesTheLoggedInUsersAuthorizations() {
        String check = "/engine-rest/authorization/check?permissionName=ACCESS&resourceName=Application"
                + "&resourceType=0&resourceId=";
        assertThat(browser().withBasicAuth("spoc", DEMO_PASSWORD).get(check + "cockpit").body())
                .contains("\"authorized\":false");
        assertThat(browser().withBasicAuth("spoc", DEMO_PASSWORD).get(check + "tasklist").body())
                .contains("\"authorized\":true");
        assertThat(browser().withBasicAuth("admin", DEMO_PASSWORD).get(check + "cockpit").body())
                .contains("\"authorized\":true");
    }

    @Test
    void theAdministratorReadsTheAuditLog() {
        browser().withBasicAuth("nurse", DEMO_PASSWORD).get("/api/audit");
        Response response = browser().withBasicAuth("admin", DEMO_PASSWORD)
                .get("/api/audit?actor=nurse&action=ACCESS_DENIED&size=5");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"actor\":\"nurse\"", "\"action\":\"ACCESS_DENIED\"");
    }

    @Test
    void badQueryParametersGet400NamingTheFieldAndTheRule() {
        HttpSession admin = browser().withBasicAuth("admin", DEMO_PASSWORD);
        Response notANumber = admin.get("/api/audit?size=lots");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("\"field\":\"size\"", "must be a whole number")
                .doesNotContain("Exception");
        Response tooMany = admin.get("/api/audit?size=100000");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"field\":\"size\"", "1000");
        Response pageZero = admin.get("/api/audit?page=0");
        assertThat(pageZero.status()).isEqualTo(400);
        assertThat(pageZero.body()).contains("\"field\":\"page\"");
        Response unknownAction = admin.get("/api/audit?action=DELETE_EVERYTHING");
        assertThat(unknownAction.status()).isEqualTo(400);
        assertThat(unknownAction.body()).contains("\"field\":\"action\"", "LOGIN");
    }

    @Test
    void unknownPathsAreNotFoundButOnlyAfterLogin() {
        // Nothing serves them, so the deny-by-default rule answers "not found" (NotFoundTest has more).
        assertThat(browser().withBasicAuth("admin", DEMO_PASSWORD).get("/api/nothing-here").status()).isEqualTo(404);
        assertThat(browser().get("/actuator/env").redirectsTo("/login")).isTrue();
        assertThat(browser().withBasicAuth("admin", DEMO_PASSWORD).get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void healthIsOpenForProbesButSaysOnlyUpOrDown() {
        Response health = browser().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void pagesCarrySecureHeadersAndRequireCsrfTokensForChanges() {
        HttpSession spoc = loggedIn("spoc");
        Response home = spoc.get("/");
        assertThat(home.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(home.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.header("X-Frame-Options")).contains("DENY");
        assertThat(home.header("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));

        Response forged = spoc.postForm("/logout", Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(spoc.get("/").status()).isEqualTo(200);
    }

    @Test
    void sessionsExpireAfterThirtyMinutesIdle() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(server.getServlet().getSession().getCookie().getHttpOnly()).isTrue();
    }
}
