package uk.cdr.casediscussion;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
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

    /** The case page's words for the form's fields: a message names the field a person sees. */
    private static final java.util.Map<String, String> LABELS = java.util.Map.of("event", "Milestone",
            "on", "Date of the milestone");

    @PostMapping("/cases/{caseId}/post-mortem")
    String record(@PathVariable UUID caseId, @RequestParam(required = false) String event,
            @RequestParam(required = false) String on, Authentication user, RedirectAttributes redirect) {
        try {
            LocalDate date = on == null || on.isBlank() ? null : LocalDate.parse(on);
            postMortems.record(caseId, new PostMortems.Milestone(event, date), user.getName());
            redirect.addFlashAttribute("postMortemRecorded", true);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("postMortemError", LABELS.get("on") + " must be a real date");
        } catch (InvalidAnswers e) {
            redirect.addFlashAttribute("postMortemError", e.errors().stream()
                    .map(error -> LABELS.getOrDefault(error.field(), error.field()) + " " + error.rule())
                    .collect(Collectors.joining("; ")));
        }
        return "redirect:/cases/" + caseId + "#post-mortem";
    }
}
