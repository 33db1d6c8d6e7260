package uk.cdr.security;

import java.io.IOException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Back to the login page, saying either "wrong password" or, when throttled, how long to wait. */
class LoginFailureRedirect implements AuthenticationFailureHandler {

    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            redirect.sendRedirect(request, response, "/login?throttled=" + throttled.retryAfterSeconds());
        } else {
            redirect.sendRedirect(request, response, "/login?error");
        }
    }
}
