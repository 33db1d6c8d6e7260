package uk.cdr.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.cdr.security.CurrentUser;
import uk.cdr.security.Role;

@Controller
class HomeController {

    /** {@code throttled}: seconds until the login throttle lets this account try again (a number, so no text can be planted). */
    @GetMapping("/login")
    String login(@RequestParam(required = false) Long throttled, Model model) {
        model.addAttribute("retryAfterSeconds", throttled);
        return "login";
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication).orElseThrow();
        model.addAttribute("user", user);
        model.addAttribute("roles", user.roles());
        model.addAttribute("caseworker", Role.caseworkers().stream().anyMatch(user::has));
        model.addAttribute("admin", user.has(Role.ADMIN));
        model.addAttribute("spoc", user.has(Role.SPOC));
        model.addAttribute("panel", user.has(Role.CDOP_PANEL));
        model.addAttribute("statistics", user.has(Role.SPOC) || user.has(Role.CDOP_PANEL) || user.has(Role.CDOP_CHAIR)
                || user.has(Role.ADMIN));
        return "home";
    }
}
