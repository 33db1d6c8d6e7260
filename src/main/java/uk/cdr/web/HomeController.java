package uk.cdr.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import uk.cdr.security.CurrentUser;
import uk.cdr.security.Role;

@Controller
class HomeController {

    private final CaseCounts caseCounts;

    HomeController(CaseCounts caseCounts) {
        this.caseCounts = caseCounts;
    }

    /** A figure on the home page: what it counts, how many, and the list that shows them. */
    record Figure(String id, String words, long count, String link) {
    }

    /** {@code throttled}: seconds until the login throttle lets this account try again (a number, so no text can be planted). */
    @GetMapping("/login")
    String login(@RequestParam(required = false) Long throttled, HttpServletRequest request, Model model) {
        model.addAttribute("retryAfterSeconds", throttled);
        HttpSession session = request.getSession(false);
        model.addAttribute("lastUsername", session == null ? null : session.getAttribute(CurrentUser.LAST_FAILED_USERNAME));
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
        boolean doctor = user.has(Role.DESIGNATED_DOCTOR);
        boolean identifies = user.has(Role.SPOC) || doctor || user.has(Role.CDR_NURSE);
        // Who may open the case list (SecurityConfiguration): the SPOC, the doctor, the nurse, the panel (anonymised).
        model.addAttribute("cases", identifies || user.has(Role.CDOP_PANEL));
        model.addAttribute("identifies", identifies);
        model.addAttribute("figures", figures(user));
        return "home";
    }

    /** What each role looks at first: the SPOC all open cases, the doctor hers, the panel the CDOP's. */
    private List<Figure> figures(CurrentUser user) {
        List<Figure> figures = new ArrayList<>();
        if (!(user.has(Role.SPOC) || user.has(Role.DESIGNATED_DOCTOR) || user.has(Role.CDOP_PANEL))) {
            return figures;
        }
        Map<String, Long> stages = caseCounts.byStage();
        if (user.has(Role.SPOC)) {
            figures.add(new Figure("open-cases", "open cases", caseCounts.open(), "/cdop/queue"));
            figures.add(stage(stages, "FORM_B", "waiting for agency reports (Form B)"));
            long stopped = caseCounts.stopped();
            if (stopped > 0) {
                figures.add(new Figure("stopped-cases", "open with no step running: restart them", stopped,
                        "/cases?stage=STOPPED"));
            }
        }
        if (user.has(Role.DESIGNATED_DOCTOR)) {
            if (!user.has(Role.SPOC)) {
                figures.add(new Figure("open-cases", "open cases", caseCounts.open(), "/cases"));
            }
            figures.add(stage(stages, "CLASSIFICATION", "waiting for your expected or unexpected decision"));
            figures.add(stage(stages, "RAPID_RESPONSE", "in rapid response"));
            figures.add(stage(stages, "FINAL_CASE_DISCUSSION", "waiting for their final case discussion"));
        }
        if (user.has(Role.CDOP_PANEL)) {
            figures.add(stage(stages, "READY", "ready for the CDOP"));
            figures.add(stage(stages, "REVIEW", "on a CDOP meeting's agenda"));
            figures.add(stage(stages, "RATIFICATION", "waiting for the chair's ratification"));
        }
        return figures;
    }

    private static Figure stage(Map<String, Long> stages, String stage, String words) {
        return new Figure("stage-" + stage, words, stages.getOrDefault(stage, 0L), "/cases?stage=" + stage);
    }
}
