package uk.cdr.agencyreport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The SPOC's page for a case's agencies: confirm the agencies from Form A (edit, remove, add),
 * send their Form B requests, see where each stands, and send a new link.
 */
@Controller
@RequestMapping("/cases/{caseId}/agencies")
class AgencyPage {

    /** Blank rows offered for agencies that Form A did not name. */
    static final int BLANK_ROWS = 3;
    /** More rows than any case has agencies; the service refuses more than it allows anyway. */
    static final int MAX_ROWS = 100;

    record Row(String agency, String contactName, String contactEmail, boolean remove) {
        boolean blank() {
            return isBlank(agency) && isBlank(contactName) && isBlank(contactEmail);
        }
    }

    /** One entry of the page's error summary: the input it links to and the problem, naming the field. */
    record ErrorEntry(String inputId, String message) {
    }

    private static final List<String> COLUMNS = List.of("agency", "contactName", "contactEmail");
    private static final Map<String, String> COLUMN_NAMES = Map.of("agency", "agency", "contactName", "contact name",
            "contactEmail", "contact email");

    private final AgencyReports agencyReports;

    AgencyPage(AgencyReports agencyReports) {
        this.agencyReports = agencyReports;
    }

    @GetMapping
    String show(@PathVariable UUID caseId, Model model, Authentication user) {
        agencyReports.viewed(caseId, user.getName(), "agencies page");
        List<FormBStatus> requested = agencyReports.forCase(caseId);
        List<Row> rows = new ArrayList<>();
        for (AgencyContact suggested : agencyReports.suggestedAgencies(caseId)) {
            boolean alreadyAsked = requested.stream().anyMatch(r -> r.agency().equalsIgnoreCase(suggested.agency())
                    && (suggested.contactEmail() == null || r.contactEmail().equalsIgnoreCase(suggested.contactEmail())));
            if (!alreadyAsked) {
                rows.add(new Row(suggested.agency(), suggested.contactName(), suggested.contactEmail(), false));
            }
        }
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row("", "", "", false));
        }
        return page(caseId, requested, rows, Map.of(), model);
    }

    @PostMapping
    String request(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form,
            Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<Row> rows = rows(form);
        List<AgencyContact> asked = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (!row.remove() && !row.blank()) {
                asked.add(new AgencyContact(row.agency(), row.contactName(), row.contactEmail()));
                rowOf.add(i);
            }
        }
        try {
            List<UUID> ids = agencyReports.request(caseId, asked, user.getName());
            redirect.addFlashAttribute("message", "Form B requested from " + ids.size()
                    + (ids.size() == 1 ? " agency" : " agencies") + ". Each contact gets a personal link by email.");
            return "redirect:/cases/" + caseId + "/agencies";
        } catch (InvalidInput e) {
            Map<String, String> errors = new HashMap<>();
            for (FieldError error : e.errors()) {
                errors.putIfAbsent(rowField(error.field(), rowOf), error.rule());
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(caseId, agencyReports.forCase(caseId), rows, errors, model);
        }
    }

    @PostMapping("/{requestId}/resend")
    String resend(@PathVariable UUID caseId, @PathVariable UUID requestId, Authentication user,
            RedirectAttributes redirect) {
        FormBStatus request = agencyReports.forCase(caseId).stream().filter(r -> r.requestId().equals(requestId))
                .findFirst().orElseThrow(() -> new RequestClosed(requestId));
        agencyReports.resendLink(requestId, user.getName());
        redirect.addFlashAttribute("message", "A new link is on its way to " + request.contactEmail()
                + "; the previous link stops working once it is sent.");
        return "redirect:/cases/" + caseId + "/agencies";
    }

    /** The form was on a page opened before the case closed: a 409 page that says why, not a silent redirect. */
    @ExceptionHandler(uk.cdr.web.CaseClosed.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String caseClosed(uk.cdr.web.CaseClosed e, Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    @ExceptionHandler({ UnknownCase.class, RequestClosed.class })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    private String page(UUID caseId, List<FormBStatus> requested, List<Row> rows, Map<String, String> errors,
            Model model) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("caseReference", agencyReports.caseReference(caseId));
        model.addAttribute("requested", requested);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("errorSummary", summary(errors));
        return "agencyreport/agencies";
    }

    /**
     * The errors in the order of the page (row by row, left to right), each naming its row and
     * column ("Row 2: contact email is required...") and linking to its input.
     */
    static List<ErrorEntry> summary(Map<String, String> errors) {
        List<ErrorEntry> entries = new ArrayList<>();
        if (errors.containsKey("agencies")) {
            entries.add(new ErrorEntry("agency-0", "Agencies " + errors.get("agencies")));
        }
        errors.keySet().stream().filter(key -> key.matches("row\\d+\\.\\w+"))
                .sorted(java.util.Comparator.comparingInt((String key) -> Integer.parseInt(key.substring(3, key.indexOf('.'))))
                        .thenComparingInt(key -> COLUMNS.indexOf(key.substring(key.indexOf('.') + 1))))
                .forEach(key -> {
                    int row = Integer.parseInt(key.substring(3, key.indexOf('.')));
                    String column = key.substring(key.indexOf('.') + 1);
                    entries.add(new ErrorEntry(column + "-" + row, "Row " + (row + 1) + ": "
                            + COLUMN_NAMES.getOrDefault(column, column) + " " + errors.get(key)));
                });
        return entries;
    }

    /** Rows are posted as rows[0].agency, rows[0].contactName, rows[0].contactEmail and rows[0].remove. */
    private static List<Row> rows(MultiValueMap<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && form.containsKey("rows[" + i + "].agency"); i++) {
            String prefix = "rows[" + i + "].";
            rows.add(new Row(form.getFirst(prefix + "agency"), orEmpty(form.getFirst(prefix + "contactName")),
                    orEmpty(form.getFirst(prefix + "contactEmail")), form.containsKey(prefix + "remove")));
        }
        return rows;
    }

    /** agencies[2].contactEmail of the list sent becomes row7.contactEmail of the page. */
    private static String rowField(String field, List<Integer> rowOf) {
        Matcher m = Pattern.compile("^agencies\\[(\\d+)\\]\\.(\\w+)$").matcher(field);
        if (m.matches()) {
            return "row" + rowOf.get(Integer.parseInt(m.group(1))) + "." + m.group(2);
        }
        return field.toLowerCase(Locale.ROOT);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
