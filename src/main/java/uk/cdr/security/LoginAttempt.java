package uk.cdr.security;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Who tried to log in and from where, as the throttle counts them. The address is the
 * request's remote address: X-Forwarded-For counts only when the server is configured to trust
 * a proxy (server.forward-headers-strategy), so a caller cannot pick its own address. The account
 * is lower-cased so that changing the case of a user id does not start a fresh count.
 */
record LoginAttempt(String account, String address) {

    static final int ACCOUNT_MAX = 255;
    static final int ADDRESS_MAX = 64;
    static final String UNKNOWN_ADDRESS = "unknown";

    static LoginAttempt of(Authentication authentication) {
        return new LoginAttempt(accountOf(authentication.getName()), addressOf(authentication));
    }

    static String accountOf(String userId) {
        return clip(userId.toLowerCase(Locale.ROOT), ACCOUNT_MAX);
    }

    static String addressOf(Authentication authentication) {
        if (authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return clip(details.getRemoteAddress(), ADDRESS_MAX);
        }
        return UNKNOWN_ADDRESS;
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
