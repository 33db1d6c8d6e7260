package uk.cdr.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * An attempt refused before its password was checked, because too many recent ones failed.
 * A LockedException so that Spring Security stops at it (no other provider is asked) and
 * publishes it as a failure event, which the audit log records.
 */
class LoginThrottledException extends LockedException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins: try again in " + seconds(retryAfter) + " seconds");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up: a client that waits this long is let through. */
    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
