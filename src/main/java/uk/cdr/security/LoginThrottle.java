package uk.cdr.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing without letting a guesser lock anyone out. Failures are counted
 * three ways: per account at one address (the tight count, so the owner's own address is not
 * held up by someone else's guessing), per address across accounts (one address trying many
 * accounts) and per account across addresses (many addresses trying one account). Each block
 * is capped by {@link LoginThrottleSettings#maxBlock()}; none is permanent. The counts live in
 * the database so that every node of the app applies the same ones.
 *
 * Attempts that arrive together, before the first of them has failed, are each checked: the
 * block applies from the first recorded failure on.
 */
@Service
public class LoginThrottle {

    /** The wildcard of the per-address and per-account rows. */
    private static final String ANY = "";

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

    /** How long this attempt has to wait before its password is even checked; empty when it may go ahead. */
    Optional<Duration> waitFor(LoginAttempt attempt) {
        Instant now = clock.instant();
        List<OffsetDateTime> blocks = jdbc.sql("""
                select blocked_until from login_throttle
                where blocked_until > ?
                  and ((account = ? and address = ?) or (account = ? and address = ?) or (account = ? and address = ?))""")
                .params(at(now), attempt.account(), attempt.address(), ANY, attempt.address(), attempt.account(), ANY)
                .query(OffsetDateTime.class).list();
        return blocks.stream().filter(Objects::nonNull).map(OffsetDateTime::toInstant).max(Instant::compareTo)
                .map(until -> Duration.between(now, until));
    }

    void failed(LoginAttempt attempt) {
        Instant now = clock.instant();
        count(attempt.account(), attempt.address(), settings.freeFailuresPerAccountAtAddress(), now);
        count(ANY, attempt.address(), settings.freeFailuresPerAddress(), now);
        count(attempt.account(), ANY, settings.freeFailuresPerAccount(), now);
        jdbc.sql("delete from login_throttle where last_failure < ? and (blocked_until is null or blocked_until < ?)")
                .params(at(now.minus(settings.forgetAfter())), at(now)).update();
    }

    /**
     * The right password clears the tight count of this account at this address only: the wider
     * counts would otherwise let one guesser with a valid account of its own reset them.
     */
    void succeeded(LoginAttempt attempt) {
        jdbc.sql("delete from login_throttle where account = ? and address = ?")
                .params(attempt.account(), attempt.address()).update();
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
            // Another failure (maybe on another node) made the row first: count on it below.
        }
        transaction.executeWithoutResult(status -> {
            Counted counted = jdbc.sql("select failures, last_failure from login_throttle where account = ? and address = ? for update")
                    .params(account, address)
                    .query((rs, row) -> new Counted(rs.getInt("failures"), rs.getObject("last_failure", OffsetDateTime.class)))
                    .single();
            boolean forgotten = counted.lastFailure().toInstant().isBefore(now.minus(settings.forgetAfter()));
            int failures = forgotten ? 1 : counted.failures() + 1;
            Duration block = settings.blockAfter(failures, freeFailures);
            jdbc.sql("update login_throttle set failures = ?, last_failure = ?, blocked_until = ? where account = ? and address = ?")
                    .params(failures, at(now), block.isZero() ? null : at(now.plus(block)), account, address).update();
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Counted(int failures, OffsetDateTime lastFailure) {
    }
}
