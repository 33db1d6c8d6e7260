package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditEntry;
import uk.cdr.audit.AuditLog;
import uk.cdr.audit.AuditQuery;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.IntegrationTest;
import uk.cdr.support.RawHttp;
import uk.cdr.support.RawHttp.Reply;

/**
 * Issue 12, part 3: failed logins slow guessing down but cannot lock anyone out. Each test
 * calls from its own loopback addresses (Linux routes all of 127.0.0.0/8 to this host), so the
 * counts it builds never meet another test's, and holds the engine clock still, moving it only
 * to step past a block: no sleeping, and no block that ends between two requests by accident.
 */
class LoginThrottlingTest extends IntegrationTest {

    private static final String PASSWORD = "correct-horse";

    @Autowired
    IdentityService identityService;

    @Autowired
    AuditLog auditLog;

    @Autowired
    LoginThrottleSettings settings;

    private long now;

    @BeforeEach
    void holdTheClock() {
        now = System.currentTimeMillis();
        ClockUtil.setCurrentTime(new Date(now));
    }

    @AfterEach
    void releaseTheClock() {
        ClockUtil.reset();
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotStopTheRightOneFromAnother() {
        String user = newUser();
        String guesser = someAddress();
        int free = settings.freeFailuresPerAccountAtAddress();
        for (int i = 0; i <= free; i++) {
            assertThat(basic(guesser, user, "guess-" + i).status()).as("failure " + (i + 1)).isEqualTo(401);
        }
        assertThat(basic(guesser, user, "another-guess").status()).as("the guesser is held up").isEqualTo(429);
        assertThat(basic(guesser, user, PASSWORD).status()).as("even with the right password").isEqualTo(429);

        assertThat(basic(someAddress(), user, PASSWORD).status()).as("the owner, elsewhere").isEqualTo(200);
    }

    @Test
    void repeatedFailuresAnswer429WithRetryAfterAndWorkAgainOnceTheBlockHasPassed() {
        String user = newUser();
        String address = someAddress();
        for (int i = 0; i <= settings.freeFailuresPerAccountAtAddress(); i++) {
            basic(address, user, "guess-" + i);
        }
        Reply throttled = basic(address, user, PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("content-type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(throttled.body()).contains("\"status\":429", "Too many failed logins");
        long retryAfter = Long.parseLong(throttled.header("retry-after").orElseThrow());
        assertThat(retryAfter).isEqualTo(settings.firstBlock().toSeconds());

        // A refused attempt is not a failure: it does not make the block longer.
        basic(address, user, "guess-while-blocked");
        assertThat(basic(address, user, PASSWORD).header("retry-after")).contains(Long.toString(retryAfter));

        advanceClock(Duration.ofSeconds(retryAfter));
        assertThat(basic(address, user, PASSWORD).status()).as("past the block").isEqualTo(200);
    }

    @Test
    void noBlockIsLongerThanTheMaximumHoweverLongTheGuessingGoesOn() {
        String user = newUser();
        String address = someAddress();
        long longest = 0;
        for (int i = 0; i < 40; i++) {
            Reply reply = basic(address, user, "guess-" + i);
            if (reply.status() == 429) {
                long retryAfter = Long.parseLong(reply.header("retry-after").orElseThrow());
                longest = Math.max(longest, retryAfter);
                advanceClock(Duration.ofSeconds(retryAfter));
            }
        }
        assertThat(longest).isEqualTo(settings.maxBlock().toSeconds());
        basic(address, user, "one-more");
        assertThat(basic(address, user, PASSWORD).status()).isEqualTo(429);
        advanceClock(settings.maxBlock());
        assertThat(basic(address, user, PASSWORD).status()).as("even after 40 guesses").isEqualTo(200);
    }

    @Test
    void theEngineNeverLocksAnAccountWhateverTheFailures() {
        String user = newUser();
        // More than the engine's default of ten, which used to lock an account until Admin unlocked it.
        for (int i = 0; i < 15; i++) {
            assertThat(identityService.checkPassword(user, "guess-" + i)).isFalse();
        }
        assertThat(identityService.checkPassword(user, PASSWORD)).as("no engine delay or lock").isTrue();
        assertThat(basic(someAddress(), user, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void oneAddressTryingManyAccountsIsHeldUpForEveryAccountButNotOthersAddresses() {
        String user = newUser();
        String sprayer = someAddress();
        for (int i = 0; i <= settings.freeFailuresPerAddress(); i++) {
            basic(sprayer, "sprayed-" + i + "-" + System.nanoTime(), "Password1");
        }
        assertThat(basic(sprayer, user, PASSWORD).status()).isEqualTo(429);
        assertThat(basic(someAddress(), user, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void manyAddressesTryingOneAccountHoldItUpOnlyUpToTheMaximum() {
        String user = newUser();
        for (int i = 0; i <= settings.freeFailuresPerAccount(); i++) {
            assertThat(basic(someAddress(), user, "guess-" + i).status()).isEqualTo(401);
        }
        Reply blocked = basic(someAddress(), user, PASSWORD);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("retry-after").orElseThrow()))
                .isLessThanOrEqualTo(settings.maxBlock().toSeconds());
        advanceClock(settings.maxBlock());
        assertThat(basic(someAddress(), user, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void guessersElsewhereDoNotShutTheOwnerOutOfAnAddressTheyLoggedInFrom() {
        String user = newUser();
        String office = someAddress();
        assertThat(basic(office, user, PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i <= settings.freeFailuresPerAccount(); i++) {
            basic(someAddress(), user, "guess-" + i);
        }
        assertThat(basic(someAddress(), user, PASSWORD).status()).as("a new address waits").isEqualTo(429);
        assertThat(basic(office, user, PASSWORD).status()).as("the owner's usual address").isEqualTo(200);

        // Known for a while, not for ever.
        advanceClock(settings.knownAddressFor().plusDays(1));
        for (int i = 0; i <= settings.freeFailuresPerAccount(); i++) {
            basic(someAddress(), user, "later-guess-" + i);
        }
        assertThat(basic(office, user, PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void anAdministratorCanLiftABlockAtOnce() {
        String user = newUser();
        String address = someAddress();
        for (int i = 0; i < 40 && basic(address, user, "guess-" + i).status() != 429; i++) {
            // until blocked
        }
        assertThat(basic(address, user, PASSWORD).status()).isEqualTo(429);

        String path = "/api/login-throttle/" + user.toUpperCase(Locale.ROOT);
        assertThat(browser().withBasicAuth("spoc", DEMO_PASSWORD).send("DELETE", path, null, null, Map.of()).status())
                .isEqualTo(403);
        assertThat(browser().withBasicAuth("admin", DEMO_PASSWORD).send("DELETE", path, null, null, Map.of()).status())
                .isEqualTo(204);

        assertThat(basic(address, user, PASSWORD).status()).isEqualTo(200);
        assertThat(auditLog.find(new AuditQuery("admin", AuditAction.LOGIN_UNBLOCKED, null, 5)))
                .extracting(AuditEntry::detail).anySatisfy(d -> assertThat(d).contains(user.toUpperCase(Locale.ROOT)));
    }

    @Test
    void everyFailureAndEveryThrottledAttemptIsAuditedWithItsAddress() {
        String user = newUser();
        String address = someAddress();
        int free = settings.freeFailuresPerAccountAtAddress();
        for (int i = 0; i <= free; i++) {
            basic(address, user, "guess-" + i);
        }
        basic(address, user, PASSWORD);
        basic(address, user, "guess-while-blocked");

        assertThat(auditLog.find(new AuditQuery(user, AuditAction.LOGIN_FAILED, null, 50)))
                .hasSize(free + 1)
                .allSatisfy(e -> assertThat(e.detail()).contains("(from " + address + ")"));
        assertThat(auditLog.find(new AuditQuery(user, AuditAction.LOGIN_THROTTLED, null, 50)))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).contains("try again in", "(from " + address + ")"));
    }

    @Test
    void theLoginPageSaysHowLongToWait() {
        // The login page is reached from 127.0.0.1, as every other test's: an account of its own keeps the counts apart.
        String user = newUser();
        for (int i = 0; i <= settings.freeFailuresPerAccountAtAddress(); i++) {
            assertThat(browser().login(user, "guess-" + i).redirectsTo("/login?error")).isTrue();
        }
        HttpSession owner = browser();
        Response throttled = owner.login(user, PASSWORD);
        long seconds = settings.firstBlock().toSeconds();
        assertThat(throttled.redirectsTo("/login?throttled=" + seconds)).as(throttled.location()).isTrue();
        assertThat(owner.get("/login?throttled=" + seconds).body())
                .contains("id=\"login-throttled\"", "Try again in", seconds + "</span> seconds")
                .doesNotContain("id=\"login-error\"");
        assertThat(owner.get("/login?throttled=soon").status()).as("only a number is shown").isEqualTo(400);

        advanceClock(settings.firstBlock());
        assertThat(owner.login(user, PASSWORD).redirectsTo("/")).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private String newUser() {
        String userId = "throttled" + System.nanoTime() % 1_000_000_000L;
        User user = identityService.newUser(userId);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        return userId;
    }

    private void advanceClock(Duration by) {
        now += by.toMillis();
        ClockUtil.setCurrentTime(new Date(now));
    }

    /** A loopback address no other test uses (never 127.0.0.1, which every other test calls from). */
    private static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    /** GET /api/me with HTTP Basic, sent from the given local address (the JDK's HttpClient cannot choose one). */
    private Reply basic(String fromAddress, String user, String password) {
        return new RawHttp(port).getWithBasicAuth(fromAddress, "/api/me", user, password);
    }
}
