package uk.cdr.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application denies every path it does not list, so a mistyped address answered "You do not
 * have access": a logged-in user is told "not found" instead when nothing serves the path. Anything
 * that exists keeps its audited 403, and an anonymous user never gets here (login page or 401).
 */
class NotFoundOrDeniedHandler implements AccessDeniedHandler {

    private final KnownPaths knownPaths;
    private final AccessDeniedHandler denied;

    NotFoundOrDeniedHandler(KnownPaths knownPaths, AccessDeniedHandler denied) {
        this.knownPaths = knownPaths;
        this.denied = denied;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (e instanceof CsrfException || knownPaths.serves(request)) {
            denied.handle(request, response, e);
        } else if (Problems.wantsJson(request)) {
            Problems.write(request, response, HttpStatus.NOT_FOUND,
                    "There is nothing at " + request.getMethod() + " " + request.getRequestURI()
                            + ": see /swagger-ui.html for the API.");
        } else {
            response.sendError(HttpStatus.NOT_FOUND.value());
        }
    }
}
