package uk.cdr.casefile;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;

/** The case page for the SPOC and the Designated Doctor. Every view is audited. */
@Controller
class CasePage {

    private final CaseFiles caseFiles;
    private final AuditLog auditLog;

    CasePage(CaseFiles caseFiles, AuditLog auditLog) {
        this.caseFiles = caseFiles;
        this.auditLog = auditLog;
    }

    @GetMapping("/cases/{caseId}")
    String show(@PathVariable UUID caseId, Authentication user, Model model) {
        CaseView c = caseFiles.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        auditLog.record(user.getName(), AuditAction.CASE_VIEWED, c.reference(), "case page");
        model.addAttribute("c", c);
        model.addAttribute("timeline", caseFiles.timeline(c));
        return "casefile/case";
    }
}
