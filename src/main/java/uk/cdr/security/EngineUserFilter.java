package uk.cdr.security;

import java.io.IOException;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.cdr.config.AppRequests;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the engine who is asking, for the length of one request, so that the engine records who
 * did what. On the engine's own ways in (/engine-rest, Tasklist) the engine's authorizations then
 * decide; on our pages and /api the app has decided already, and the engine acts for the app
 * ({@link AppRequests}). Runs inside the security filter chains (not registered as a servlet filter).
 */
class EngineUserFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final boolean appRequests;

    /** @param appRequests true for our pages and /api, false for the engine's own ways in */
    EngineUserFilter(IdentityService identityService, boolean appRequests) {
        this.identityService = identityService;
        this.appRequests = appRequests;
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
            if (appRequests) {
                serveForTheApp(request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static void serveForTheApp(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            AppRequests.serve(() -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (ServletException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
