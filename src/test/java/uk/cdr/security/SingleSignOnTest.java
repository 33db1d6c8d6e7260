package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;

/** Logging in once is enough for Tasklist, Cockpit and Admin. */
class SingleSignOnTest extends IntegrationTest {

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

    @Test
    void loggingOutOfTasklistEndsTheOneLogin() {
        HttpSession nurse = loggedIn("nurse");
        assertThat(nurse.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(nurse.postForm("/camunda/api/admin/auth/user/default/logout", java.util.Map.of()).status())
                .isEqualTo(200);
        assertThat(nurse.get("/").redirectsTo("/login")).isTrue();
    }
}
