package uk.cdr.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing without letting a guesser lock anyone out. Failures are counted
 * three ways: per account at one address (the tight count, so the owner's own address is not
 * held up by someone else's guessing), per address across accounts (one address trying many
 * accounts) and per account across addresses (many addresses trying one account). The
 * per-account block does not apply at an address the account has logged in from lately, so
 * guessers elsewhere cannot shut the owner out of their usual place. Each block is capped by
 * {@link LoginThrottleSettings#maxBlock()}; none is permanent. The counts live in the database
 * so that every node of the app applies the same ones.
 *
 * Attempts that arrive together, before the first of them has failed, are each checked: the
 * block applies from the first recorded failure on.
 */
@Service
public class LoginThrottle {

    /** The wildcard of the per-address and per-account rows. */
    private static final String ANY = "";
    /** How often a known address's mark is renewed: not on every HTTP Basic call. */
    private static final Duration RENEW_KNOWN_ADDRESS = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LoginThrottleSettings settings;

    LoginThrottle(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, LoginThrottleSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
    }

    /** Where an attempt stands before its password is checked: one read of its three counts. */
    Standing standing(LoginAttempt attempt) {
        Instant now = clock.instant();
        List<Count> counts = jdbc.sql("""
                select account, address, failures, blocked_until, last_success from login_throttle
                where (account = ? and address = ?) or (account = ? and address = ?) or (account = ? and address = ?)""")
                .params(attempt.account(), attempt.address(), ANY, attempt.address(), attempt.account(), ANY)
                .query((rs, row) -> new Count(rs.getString("account"), rs.getString("address"), rs.getInt("failures"),
                        instant(rs.getObject("blocked_until", OffsetDateTime.class)),
                        instant(rs.getObject("last_success", OffsetDateTime.class))))
                .list();
        Optional<Count> atAddress = counts.stream().filter(c -> !c.account().isEmpty() && !c.address().isEmpty()).findFirst();
        Instant lastSuccess = atAddress.map(Count::lastSuccess).orElse(null);
        boolean knownAddress = lastSuccess != null && lastSuccess.isAfter(now.minus(settings.knownAddressFor()));
        Optional<Duration> wait = counts.stream()
                .filter(c -> !(knownAddress && c.address().isEmpty()))
                .map(Count::blockedUntil)
                .flatMap(until -> until != null && until.isAfter(now) ? Stream.of(until) : Stream.empty())
                .max(Instant::compareTo)
                .map(until -> Duration.between(now, until));
        return new Standing(wait, atAddress.map(Count::failures).orElse(0), lastSuccess);
    }

    void failed(LoginAttempt attempt) {
        Instant now = clock.instant();
        count(attempt.account(), attempt.address(), settings.freeFailuresPerAccountAtAddress(), now);
        count(ANY, attempt.address(), settings.freeFailuresPerAddress(), now);
        count(attempt.account(), ANY, settings.freeFailuresPerAccount(), now);
        jdbc.sql("""
                delete from login_throttle
                where (last_failure is null or last_failure < ?) and (blocked_until is null or blocked_until < ?)
                  and (last_success is null or last_success < ?)""")
                .params(at(now.minus(settings.forgetAfter())), at(now), at(now.minus(settings.knownAddressFor()))).update();
    }

    /**
     * The right password clears the tight count of this account at this address and marks the
     * address as the account's. The wider counts stay: one guesser with a valid account of its
     * own could otherwise reset them.
     */
    void succeeded(LoginAttempt attempt, Standing standing) {
        Instant now = clock.instant();
        if (standing.failuresAtAddress() == 0 && standing.lastSuccess() != null
                && standing.lastSuccess().isAfter(now.minus(RENEW_KNOWN_ADDRESS))) {
            return;
        }
        int marked = jdbc.sql("""
                update login_throttle set failures = 0, last_failure = null, blocked_until = null, last_success = ?
                where account = ? and address = ?""").params(at(now), attempt.account(), attempt.address()).update();
        if (marked == 0) {
            try {
                jdbc.sql("insert into login_throttle (account, address, failures, last_success) values (?, ?, 0, ?)")
                        .params(attempt.account(), attempt.address(), at(now)).update();
            } catch (DuplicateKeyException simultaneous) {
                // Another attempt of this account at this address made the row a moment ago: it counts as known.
            }
        }
    }

    /** What an administrator does for a user who is held up: forgets every count of the account. */
    public int unblock(String userId) {
        return jdbc.sql("delete from login_throttle where account = ?").param(LoginAttempt.accountOf(userId)).update();
    }

    private void count(String account, String address, int freeFailures, Instant now) {
        try {
            jdbc.sql("insert into login_throttle (account, address, failures, last_failure) values (?, ?, 0, ?)")
                    .params(account, address, at(now)).update();
        } catch (DuplicateKeyException alreadyCounting) {
            // Another failure (maybe on another node) or a login made the row first: count on it below.
        }
        transaction.executeWithoutResult(status -> {
            Counted counted = jdbc.sql("select failures, last_failure from login_throttle where account = ? and address = ? for update")
                    .params(account, address)
                    .query((rs, row) -> new Counted(rs.getInt("failures"),
                            instant(rs.getObject("last_failure", OffsetDateTime.class))))
                    .single();
            boolean forgotten = counted.lastFailure() == null
                    || counted.lastFailure().isBefore(now.minus(settings.forgetAfter()));
            int failures = forgotten ? 1 : counted.failures() + 1;
            Duration block = settings.blockAfter(failures, freeFailures);
            jdbc.sql("update login_throttle set failures = ?, last_failure = ?, blocked_until = ? where account = ? and address = ?")
                    .params(failures, at(now), block.isZero() ? null : at(now.plus(block)), account, address).update();
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * @param waitFor how long the attempt must wait before its password is even checked; empty when it may go ahead
     * @param failuresAtAddress the tight count, of this account at this address
     * @param lastSuccess when this account last logged in from this address, if lately
     */
    record Standing(Optional<Duration> waitFor, int failuresAtAddress, Instant lastSuccess) {
    }

    private record Count(String account, String address, int failures, Instant blockedUntil, Instant lastSuccess) {
    }

    private record Counted(int failures, Instant lastFailure) {
    }
}
