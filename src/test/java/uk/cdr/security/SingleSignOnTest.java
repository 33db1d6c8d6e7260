package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditEntry;
import uk.cdr.audit.AuditLog;
import uk.cdr.audit.AuditQuery;

import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;

/** Logging in once is enough for Tasklist, Cockpit and Admin. */
class SingleSignOnTest extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Test
    void aCaseworkerOpensTasklistWithoutASecondLogin() {
        HttpSession spoc = loggedIn("spoc");
        assertThat(spoc.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        HttpSession.Response user = spoc.get("/camunda/api/admin/auth/user/default");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"spoc\"", "tasklist").doesNotContain("cockpit");
    }

    @Test
    void theAdministratorOpensCockpitAndAdminWithoutASecondLogin() {
        HttpSession admin = loggedIn("admin");
        assertThat(admin.get("/camunda/app/cockpit/default/").status()).isEqualTo(200);
        assertThat(admin.get("/camunda/app/admin/default/").status()).isEqualTo(200);
        assertThat(admin.get("/camunda/api/admin/auth/user/default").body())
                .contains("\"userId\":\"admin\"", "cockpit", "admin", "tasklist");
    }

    @Test
    void anAnonymousVisitorIsSentToOurLoginPage() {
        assertThat(browser().get("/camunda/app/tasklist/default/").redirectsTo("/login")).isTrue();
        assertThat(browser().get("/camunda/api/admin/auth/user/default").status()).isEqualTo(401);
    }

    @Test
    void theWebappsOwnLoginIsClosedSoThereIsOnlyOneIdentity() {
        HttpSession spoc = loggedIn("spoc");
        assertThat(spoc.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        HttpSession.Response response = spoc.postForm("/camunda/api/admin/auth/user/default/login/cockpit",
                java.util.Map.of("username", "admin", "password", DEMO_PASSWORD));
        assertThat(response.status()).isEqualTo(403);
        assertThat(spoc.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"spoc\"");
    }

    /**
     * Camunda's own CSRF filter ends the session on a missing or wrong X-XSRF-TOKEN, so one forged
     * request would log its victim out; WebappCsrfGuard refuses it first with a plain 403.
     */
    @Test
    void aRequestFailingTheWebappsCsrfCheckIsRefusedWithoutEndingTheSession() {
        HttpSession admin = loggedIn("admin");
        HttpSession.Response app = admin.get("/camunda/app/cockpit/default/");
        String token = app.header("X-XSRF-TOKEN").orElseThrow(() -> new AssertionError("no CSRF token: " + app.raw().headers()));
        String count = "/camunda/api/engine/engine/default/process-instance/count";

        HttpSession.Response missing = admin.postJson(count, "{}");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.header("X-XSRF-TOKEN")).contains("Required");
        HttpSession.Response wrong = admin.postJson(count, "{}", java.util.Map.of("X-XSRF-TOKEN", (token.startsWith("0") ? "1" : "0") + token.substring(1)));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).contains("CSRF");

        assertThat(admin.get("/camunda/api/admin/auth/user/default").body()).as("still logged in").contains("\"userId\":\"admin\"");
        assertThat(admin.get("/").status()).isEqualTo(200);
        HttpSession.Response valid = admin.postJson(count, "{}", java.util.Map.of("X-XSRF-TOKEN", token));
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.body()).contains("count");
        assertThat(auditLog.find(new AuditQuery("admin", AuditAction.ACCESS_DENIED, null, 5)))
                .extracting(AuditEntry::detail).anySatisfy(d -> assertThat(d).contains(count, "CSRF"));
    }

    /** Spring Security's check on our own pages leaves the session alone too. */
    @Test
    void aFormPostedWithAWrongCsrfTokenIsRefusedWithoutEndingTheSession() {
        HttpSession nurse = loggedIn("nurse");
        HttpSession.Response forged = nurse.postForm("/logout", java.util.Map.of("_csrf", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(nurse.get("/").status()).as("still logged in").isEqualTo(200);
        assertThat(nurse.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    }

    @Test
    void loggingOutOfTasklistEndsTheOneLogin() {
        HttpSession nurse = loggedIn("nurse");
        assertThat(nurse.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(nurse.postForm("/camunda/api/admin/auth/user/default/logout", java.util.Map.of()).status())
                .isEqualTo(200);
        assertThat(nurse.get("/").redirectsTo("/login")).isTrue();
    }
}
