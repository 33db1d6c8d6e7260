package uk.cdr.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The Camunda webapps' CSRF check, made before theirs so that a failure is only a 403. Their
 * CsrfPreventionFilter (/camunda/api/*, /camunda/app/*) invalidates the session when a changing
 * request's X-XSRF-TOKEN header is missing or wrong: one forged or stale request would log the
 * user out of everything, a cheap way for another site to end people's sessions. This guard
 * checks the same header against the same session attribute and refuses with the audited 403 of
 * the filter chain (the access denied handler), leaving the session alone; requests it lets
 * through pass Camunda's check unchanged.
 */
class WebappCsrfGuard extends OncePerRequestFilter {

    /** As in Camunda's CsrfConstants, which lives in an impl package. */
    static final String TOKEN_HEADER = "X-XSRF-TOKEN";
    private static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
    private static final Set<String> NON_MODIFYING = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return NON_MODIFYING.contains(request.getMethod())
                || !(path.startsWith("/camunda/api/") || path.startsWith("/camunda/app/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(TOKEN_HEADER);
        if (sent == null || sent.isBlank()) {
            // Camunda's own answer, which its webapps read to fetch a token.
            response.setHeader(TOKEN_HEADER, "Required");
            throw new CsrfException("No " + TOKEN_HEADER + " header");
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
        if (!(expected instanceof String token) || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfException("Wrong " + TOKEN_HEADER + " header");
        }
        chain.doFilter(request, response);
    }
}
