package uk.cdr.casefile;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.agencyreport.FormBStatus;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.security.CurrentUser;
import uk.cdr.security.Role;

/** The case page for the SPOC and the Designated Doctor. Every view is audited. */
@Controller
class CasePage {

    private final CaseFiles caseFiles;
    private final AgencyReports agencyReports;
    private final AuditLog auditLog;

    CasePage(CaseFiles caseFiles, AgencyReports agencyReports, AuditLog auditLog) {
        this.caseFiles = caseFiles;
        this.agencyReports = agencyReports;
        this.auditLog = auditLog;
    }

    @GetMapping("/cases/{caseId}")
    String show(@PathVariable UUID caseId, Authentication user, Model model) {
        CaseView c = caseFiles.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        auditLog.record(user.getName(), AuditAction.CASE_VIEWED, c.reference(), "case page");
        List<FormBStatus> formB = agencyReports.forCase(caseId);
        model.addAttribute("c", c);
        model.addAttribute("formB", formB);
        model.addAttribute("spoc", CurrentUser.from(user).map(u -> u.has(Role.SPOC)).orElse(false));
        model.addAttribute("timeline", caseFiles.timeline(c, formB.stream().map(r -> r.requestId().toString()).toList()));
        return "casefile/case";
    }
}
