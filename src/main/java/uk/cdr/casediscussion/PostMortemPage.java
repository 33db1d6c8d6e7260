package uk.cdr.casediscussion;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/** The SPOC records a post-mortem or inquest milestone from the case page. */
@Controller
class PostMortemPage {

    private final PostMortems postMortems;

    PostMortemPage(PostMortems postMortems) {
        this.postMortems = postMortems;
    }

    @PostMapping("/cases/{caseId}/post-mortem")
    String record(@PathVariable UUID caseId, @RequestParam(required = false) String event,
            @RequestParam(required = false) String on, Authentication user, RedirectAttributes redirect) {
        try {
            LocalDate date = on == null || on.isBlank() ? null : LocalDate.parse(on);
            postMortems.record(caseId, new PostMortems.Milestone(event, date), user.getName());
            redirect.addFlashAttribute("postMortemRecorded", true);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("postMortemError", "on must be a date (yyyy-mm-dd)");
        } catch (InvalidAnswers e) {
            redirect.addFlashAttribute("postMortemError", e.errors().stream()
                    .map(error -> error.field() + " " + error.rule()).collect(Collectors.joining("; ")));
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
