package uk.cdr.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins slow further attempts down (uk.cdr.security.LoginThrottle). Each count has
 * some free failures; each failure beyond them blocks for twice as long as the one before, from
 * {@code firstBlock} up to {@code maxBlock}, never longer, so nobody can lock an account for
 * good by guessing its password. Counts are forgotten {@code forgetAfter} the last failure. An
 * address the account logged in from within {@code knownAddressFor} is spared the per-account block.
 */
@ConfigurationProperties("cdr.login")
public record LoginThrottleSettings(
        @DefaultValue("3") int freeFailuresPerAccountAtAddress,
        @DefaultValue("20") int freeFailuresPerAddress,
        @DefaultValue("10") int freeFailuresPerAccount,
        @DefaultValue("PT1S") Duration firstBlock,
        @DefaultValue("PT5M") Duration maxBlock,
        @DefaultValue("PT15M") Duration forgetAfter,
        @DefaultValue("P30D") Duration knownAddressFor) {

    public LoginThrottleSettings {
        if (firstBlock.isNegative() || firstBlock.isZero() || maxBlock.compareTo(firstBlock) < 0) {
            throw new IllegalArgumentException("cdr.login: first-block must be positive and at most max-block");
        }
        if (forgetAfter.compareTo(maxBlock) < 0) {
            // Otherwise a count would be forgotten while its block still runs, and restart from free failures.
            throw new IllegalArgumentException("cdr.login.forget-after must be at least cdr.login.max-block");
        }
    }

    /** The block that the given number of failures earns, when more than the free ones. */
    Duration blockAfter(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        Duration block = firstBlock.multipliedBy(1L << doublings);
        return block.compareTo(maxBlock) > 0 ? maxBlock : block;
    }
}
