package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.IntegrationTest;

/** The two 7.24.0 CE advisories that Community Edition will never patch stay blocked. */
class CeAdvisoryTest extends IntegrationTest {

    private static final String PROBE = "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}";

    @Autowired
    IdentityService identityService;

    @Test
    void orQueryExpressionsAreRefusedOnTheEngineRestApi() {
        HttpSession api = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        assertRefused(api.postJson("/engine-rest/task", PROBE));
        assertRefused(api.postJson("/engine-rest/task/count", PROBE));
        // JSON escapes spell the same field name.
        assertRefused(api.postJson("/engine-rest/task", "{\"orQueries\":[{\"candidateGroup\\u0045xpression\":\"${x}\"}]}"));
        assertRefused(api.postJson("/engine-rest/task", "{\"OrQueries\":[{\"dueDateExpression\":\"${x}\"}]}"));
        // A stored filter would evaluate the expression later, when anyone lists it.
        assertRefused(api.postJson("/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":" + PROBE + "}"));
        assertRefused(api.get("/engine-rest/task?orQueries="
                + URLEncoder.encode("[{\"assigneeExpression\":\"${x}\"}]", StandardCharsets.UTF_8)));
        assertRefused(api.postJson("/engine-rest/task", "{\"orQueries\": [ {\"assigneeExpression\": "));
    }

    @Test
    void plainOrQueriesStillWork() {
        Response response = browser().withBasicAuth("spoc", DEMO_PASSWORD).postJson("/engine-rest/task",
                "{\"orQueries\":[{\"candidateGroup\":\"spoc\"},{\"assignee\":\"spoc\"}]}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void orQueryExpressionsAreRefusedThroughTheWebappApi() {
        HttpSession spoc = loggedIn("spoc");
        assertThat(spoc.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertRefused(spoc.postJson("/camunda/api/engine/engine/default/task", PROBE));
        assertRefused(spoc.postJson("/camunda/api/engine/engine/default/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":" + PROBE + "}"));
    }

    @Test
    void theFirstRunSetupIsClosedToEveryone() {
        String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"X\",\"email\":\"i@x.org\"},"
                + "\"credentials\":{\"password\":\"intruder1\"}}";
        Response anonymous = browser().postJson("/camunda/api/admin/setup/default/user/create", body);
        assertThat(anonymous.status()).isEqualTo(403);
        Response admin = loggedIn("admin").postJson("/camunda/api/admin/setup/default/user/create", body);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    private static void assertRefused(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("orQueries");
    }
}
