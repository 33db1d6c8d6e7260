package uk.cdr.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logged-in user as the engine sees it: a user id and group ids. */
public record CurrentUser(String userId, List<String> groupIds) {

    /** Session attribute: the username of the last failed login, for the login page to show again. */
    public static final String LAST_FAILED_USERNAME = "uk.cdr.login.lastUsername";


    public static Optional<CurrentUser> fromSecurityContext() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<CurrentUser> from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return Optional.of(new CurrentUser(authentication.getName(), groups));
    }

    public List<Role> roles() {
        return groupIds.stream().map(Role::ofGroup).flatMap(Optional::stream).toList();
    }

    public boolean has(Role role) {
        return groupIds.contains(role.groupId());
    }
}
