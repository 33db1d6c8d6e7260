package uk.cdr.security;

import java.io.IOException;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the engine who is asking, for the length of one request, so that engine authorizations
 * apply to our pages, our API and /engine-rest exactly as they do in Tasklist and Cockpit.
 * Runs inside the security filter chains (not registered as a servlet filter).
 */
class EngineUserFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineUserFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * An agency's Form B page acts for the agency, never for whoever is logged in in the same
     * browser: its link alone decides what it may do.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/form-b/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> user = CurrentUser.fromSecurityContext();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(user.get().userId(), user.get().groupIds());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
