package uk.cdr.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the Spring Security login to Cockpit, Tasklist and Admin, so one login serves all.
 * The webapp instantiates this class by name (init parameter of its container-based
 * authentication filter), hence the public no-argument constructor.
 */
public class CamundaWebappSingleSignOn implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CurrentUser.fromSecurityContext().map(user -> {
            AuthenticationResult result = AuthenticationResult.successful(user.userId());
            result.setGroups(user.groupIds());
            return result;
        }).orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security has already challenged unauthenticated requests before they get here.
    }
}
