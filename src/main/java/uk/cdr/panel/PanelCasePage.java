package uk.cdr.panel;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import uk.cdr.web.CodeLabels;

/**
 * One case as the panel may read it, outside a meeting: the anonymised summary, what it waits
 * for, the Form B returns with identifiers blanked, the Form C and the reviews. Read only: the
 * panel records its work on the meeting page. Every view is audited (PanelCases).
 */
@Controller
public class PanelCasePage {

    private final PanelCases cases;
    private final CdopQueue queue;

    PanelCasePage(PanelCases cases, CdopQueue queue) {
        this.cases = cases;
        this.queue = queue;
    }

    @GetMapping("/cdop/cases/{caseId}")
    String show(@PathVariable UUID caseId, Authentication user, Model model) {
        PanelCases.PanelCase c = cases.find(caseId, user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("c", c);
        model.addAttribute("queued", queue.queued(caseId).orElse(null));
        model.addAttribute("classification", c.summary().deathClassification() == null ? "Not yet confirmed"
                : CodeLabels.label(c.summary().deathClassification()));
        model.addAttribute("formC", c.formC().fromDraft() ? null : c.formC().formC());
        return "panel/case";
    }

    /** "30 November 2014". */
    public static String day(java.time.LocalDate date) {
        return MeetingCase.day(date);
    }

    public static String categoryName(Integer category) {
        return category == null ? "" : FormC.categoryName(category);
    }
}
