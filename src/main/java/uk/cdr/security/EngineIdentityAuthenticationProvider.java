package uk.cdr.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against the engine's identity service, so Admin is the one place users and
 * groups are managed. Throttling is ours ({@link LoginThrottle}), for the form and for HTTP Basic
 * alike: the engine's own delay and lock are switched off in application.yaml, because they key
 * on the account alone and end in a lock that anyone who knows a user id could set off.
 * Authorities are the user's group ids, unprefixed, as in the BPMN candidate groups.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    EngineIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Invalid username or password");
        }
        LoginAttempt attempt = LoginAttempt.of(authentication);
        LoginThrottle.Standing standing = throttle.standing(attempt);
        // Refused unchecked, right password or not: otherwise the answer would tell a guesser when it guessed right.
        standing.waitFor().ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        if (!identityService.checkPassword(userId, credentials.toString())) {
            throttle.failed(attempt);
            throw new BadCredentialsException("Invalid username or password");
        }
        throttle.succeeded(attempt, standing);
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
