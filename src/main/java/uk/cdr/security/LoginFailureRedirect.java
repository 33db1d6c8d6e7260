package uk.cdr.security;

import java.io.IOException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Back to the login page, saying either "wrong password" or, when throttled, how long to wait. The
 * username typed is kept for the page to show again: a person who mistyped the password retypes
 * only that, and would otherwise send an empty username and be told again that it was wrong.
 */
class LoginFailureRedirect implements AuthenticationFailureHandler {

    private static final int LONGEST_USERNAME = 100;

    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String username = request.getParameter("username");
        if (username != null && !username.isBlank() && username.length() <= LONGEST_USERNAME) {
            request.getSession().setAttribute(CurrentUser.LAST_FAILED_USERNAME, username.strip());
        }
        if (e instanceof LoginThrottledException throttled) {
            redirect.sendRedirect(request, response, "/login?throttled=" + throttled.retryAfterSeconds());
        } else {
            redirect.sendRedirect(request, response, "/login?error");
        }
    }
}
