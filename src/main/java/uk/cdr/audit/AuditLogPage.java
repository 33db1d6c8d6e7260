package uk.cdr.audit;

import java.util.Arrays;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import uk.cdr.paging.Page;

/** The audit log as the administrator reads it: who did what, when, to which case, newest first, 50 a page. */
@Controller
class AuditLogPage {

    private final AuditLog auditLog;

    AuditLogPage(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/audit")
    String show(@RequestParam Map<String, String> query, Model model) {
        String actor = query.getOrDefault("actor", "").trim();
        String caseReference = query.getOrDefault("caseReference", "").trim();
        // What a person types or edits in the address: an action or page that is not one shows them all, from the first.
        AuditAction action = Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(query.get("action")))
                .findFirst().orElse(null);
        int page = Page.typedNumber(query.get("page"));
        Page<AuditEntry> found = auditLog.page(new AuditQuery(blankToNull(actor), action, blankToNull(caseReference),
                Page.DEFAULT_SIZE), page, Page.DEFAULT_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("caseReference", caseReference);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("previousPage", found.hasPrevious() ? link(actor, action, caseReference, page - 1) : null);
        model.addAttribute("nextPage", found.hasNext() ? link(actor, action, caseReference, page + 1) : null);
        return "audit/audit";
    }

    private static String link(String actor, AuditAction action, String caseReference, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/audit");
        if (!actor.isEmpty()) {
            link.queryParam("actor", actor);
        }
        if (action != null) {
            link.queryParam("action", action.name());
        }
        if (!caseReference.isEmpty()) {
            link.queryParam("caseReference", caseReference);
        }
        return link.queryParam("page", page).encode().build().toUriString();
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
