package uk.cdr.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.cdr.security.CurrentUser;
import uk.cdr.security.Role;

@RestController
class MeController {

    record RoleView(String group, String title, List<String> duties) {
    }

    record Me(String userId, List<RoleView> roles) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The logged-in user and what each of their roles does")
    Me me(Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication).orElseThrow();
        List<RoleView> roles = user.roles().stream()
                .map((Role r) -> new RoleView(r.groupId(), r.title(), r.duties())).toList();
        return new Me(user.userId(), roles);
    }
}
