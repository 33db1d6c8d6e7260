package uk.cdr.notification;

import java.util.List;

import org.springframework.stereotype.Controller;

import uk.cdr.area.Areas;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The SPOC's "Log a death" page: Form A, checked as they type, saved through the API. */
@Controller
class LogADeathPage {

    record Option(String code, String label) {
    }

    record Flagged(String matchedReference, java.util.UUID matchedCaseId, String matchedOn, String status) {
    }

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Areas areas;

    LogADeathPage(org.springframework.jdbc.core.simple.JdbcClient jdbc, Areas areas) {
        this.jdbc = jdbc;
        this.areas = areas;
    }

    /** Where the page lands after saving a possible duplicate: what happens next, and nothing personal. */
    @GetMapping("/notifications/{notificationId}/possible-duplicate")
    String flagged(@org.springframework.web.bind.annotation.PathVariable java.util.UUID notificationId, Model model) {
        Flagged flagged = jdbc.sql("""
                select c.case_reference, c.id, n.matched_on, n.status from notification n
                join case_file c on c.id = n.possible_duplicate_of where n.id = ?""")
                .param(notificationId)
                .query((rs, row) -> new Flagged(rs.getString(1), rs.getObject(2, java.util.UUID.class), rs.getString(3),
                        rs.getString(4)))
                .optional()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("flagged", flagged);
        return "notification/possible-duplicate";
    }

    @GetMapping("/notifications/new")
    String form(Model model) {
        model.addAttribute("sexes", options(Codes.SEX));
        model.addAttribute("ethnicities", options(Codes.ETHNICITY));
        model.addAttribute("places", options(Codes.PLACE_OF_DEATH));
        model.addAttribute("views", options(Codes.NOTIFIED_EXPECTED));
        model.addAttribute("yesNo", options(Codes.YES_NO_NOT_KNOWN));
        model.addAttribute("signsOfLife", options(Codes.YES_NO));
        model.addAttribute("areas", areas.all());
        // Empty date inputs: the page checks them as the SPOC types and posts them as JSON (log-a-death.js).
        model.addAttribute("dateOfBirth", uk.cdr.web.DateInput.of("dateOfBirth", null));
        model.addAttribute("dateOfDeath", uk.cdr.web.DateInput.of("dateOfDeath", null));
        return "notification/new";
    }

    private static List<Option> options(List<String> codes) {
        return codes.stream().map(code -> new Option(code, Codes.label(code))).toList();
    }
}
