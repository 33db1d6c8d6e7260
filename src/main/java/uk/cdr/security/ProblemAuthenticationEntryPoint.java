package uk.cdr.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;

import uk.cdr.config.DatabaseOutage;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 with a problem body for API callers (429 with Retry-After when logins are throttled). No WWW-Authenticate: Basic header, so a browser that
 * strays onto the API is not shown its native password dialog.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseOutage.causes(e)) {
            // The password could not be checked: the database is away, not the user wrong.
            response.setHeader("Retry-After", "10");
            Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE);
            return;
        }
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage() + ".");
            return;
        }
        Problems.write(request, response, HttpStatus.UNAUTHORIZED,
                "Log in first: send HTTP Basic credentials, or use the session of the login page.");
    }
}
