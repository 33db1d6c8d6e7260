package uk.cdr.casediscussion;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.web.DateInput;

/** The SPOC records a post-mortem or inquest milestone from the case page. */
@Controller
class PostMortemPage {

    /** The case page's words for the form's fields: a message names the field a person sees. */
    private static final Map<String, String> LABELS = Map.of("event", "Milestone", "on", "Date of the milestone");

    private final PostMortems postMortems;

    PostMortemPage(PostMortems postMortems) {
        this.postMortems = postMortems;
    }

    @PostMapping("/cases/{caseId}/post-mortem")
    String record(@PathVariable UUID caseId, @RequestParam Map<String, String> posted, Authentication user,
            RedirectAttributes redirect) {
        DateInput on = DateInput.read(posted, "on");
        if (on.problem() != null) {
            redirect.addFlashAttribute("postMortemError", LABELS.get("on") + " " + on.problem());
            return "redirect:/cases/" + caseId + "#post-mortem";
        }
        try {
            postMortems.record(caseId, new PostMortems.Milestone(posted.get("event"), on.date()), user.getName());
            redirect.addFlashAttribute("postMortemRecorded", true);
        } catch (InvalidAnswers e) {
            redirect.addFlashAttribute("postMortemError", e.errors().stream()
                    .map(error -> LABELS.getOrDefault(error.field(), error.field()) + " " + error.rule())
                    .collect(Collectors.joining("; ")));
        }
        return "redirect:/cases/" + caseId + "#post-mortem";
    }

    /** The form was on a page opened before the case closed: a 409 page that says why, not a silent redirect. */
    @ExceptionHandler(uk.cdr.web.CaseClosed.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String caseClosed(uk.cdr.web.CaseClosed e, Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("message", e.getMessage());
        return "error";
    }
}
