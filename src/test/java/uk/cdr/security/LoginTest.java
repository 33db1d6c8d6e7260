package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditEntry;
import uk.cdr.audit.AuditLog;
import uk.cdr.audit.AuditQuery;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.IntegrationTest;

class LoginTest extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    IdentityService identityService;

    @Test
    void aPageAsksAnAnonymousVisitorToLogIn() {
        assertThat(browser().get("/").redirectsTo("/login")).isTrue();
        Response login = browser().get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"", "name=\"password\"");
    }

    @Test
    void eachDemoUserLandsOnAHomePageShowingWhatTheirRoleDoes() {
        assertHome("spoc", "role-spoc", "Log every child death (Form A)");
        assertHome("doctor", "role-designated-doctor", "Confirm whether a death was expected or unexpected");
        assertHome("nurse", "role-cdr-nurse", "bereavement support");
        assertHome("panel", "role-cdop-panel", "Form C analysis");
        assertHome("admin", "role-camunda-admin", "Cockpit");
    }

    private void assertHome(String user, String roleSection, String duty) {
        Response home = loggedIn(user).get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"" + roleSection + "\"", duty);
        if (user.equals("admin")) {
            assertThat(home.body()).contains("id=\"link-cockpit\"", "id=\"link-admin\"");
        } else {
            assertThat(home.body()).contains("id=\"link-tasklist\"").doesNotContain("id=\"link-cockpit\"");
        }
    }

    @Test
    void aWrongPasswordShowsAMessageOnTheLoginPage() {
        HttpSession session = browser();
        Response response = session.login("panel-typo-" + System.nanoTime(), "nope");
        assertThat(response.redirectsTo("/login?error")).isTrue();
        assertThat(session.get("/login?error").body()).contains("id=\"login-error\"", "Wrong username or password");
        assertThat(session.get("/").redirectsTo("/login")).isTrue();
    }

    @Test
    void theRightPasswordRightAfterAMistypedOneLogsIn() {
        String user = "typist" + System.nanoTime() % 1_000_000_000L;
        User account = identityService.newUser(user);
        account.setPassword("correct-horse");
        identityService.saveUser(account);
        HttpSession session = browser();
        assertThat(session.login(user, "correct-hrose").redirectsTo("/login?error")).isTrue();
        // The page keeps the username, so a person retypes only the password.
        assertThat(session.get("/login?error").body()).contains("id=\"username\"", "value=\"" + user + "\"")
                .doesNotContain("correct-hrose");

        Response retry = session.login(user, "correct-horse");
        assertThat(retry.redirectsTo("/")).as("the right password, typed again at once: " + retry.location()).isTrue();
        assertThat(session.get("/").status()).isEqualTo(200);
    }

    @Test
    void theApiAnswers401WithAProblemWithoutCredentialsAndWithWrongOnes() {
        Response anonymous = browser().get("/api/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(anonymous.header("WWW-Authenticate")).isEmpty();

        // An unknown user, so no real account's failure count moves (LoginThrottlingTest covers those).
        assertThat(browser().withBasicAuth("nobody" + System.nanoTime(), "wrong").get("/api/me").status()).isEqualTo(401);
        Response me = browser().withBasicAuth("doctor", DEMO_PASSWORD).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"doctor\"", "designated-doctor");
    }

    @Test
    void theEngineRestApiRequiresAuthentication() {
        assertThat(browser().get("/engine-rest/process-definition").status()).isEqualTo(401);
        assertThat(browser().withBasicAuth("admin", DEMO_PASSWORD).get("/engine-rest/process-definition").status())
                .isEqualTo(200);
    }

    @Test
    void theEngineRestApiDoesNotAcceptTheLoginSession() {
        HttpSession session = loggedIn("admin");
        assertThat(session.get("/engine-rest/process-definition").status()).isEqualTo(401);
    }

    @Test
    void loginAndLogoutAreAudited() {
        HttpSession session = loggedIn("nurse");
        String csrf = session.csrfTokenFrom("/");
        HttpSession.Response logout = session.postForm("/logout", java.util.Map.of("_csrf", csrf));
        assertThat(logout.redirectsTo("/login?logout")).as(logout.status() + " " + logout.location()).isTrue();
        assertThat(session.get("/").redirectsTo("/login")).isTrue();

        assertThat(auditLog.find(new AuditQuery("nurse", null, null, 5)))
                .extracting(AuditEntry::action)
                .startsWith(AuditAction.LOGOUT, AuditAction.LOGIN);
    }
}
