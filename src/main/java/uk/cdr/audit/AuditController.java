package uk.cdr.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import uk.cdr.paging.Page;

/** The administrator's view of the audit log, a page at a time. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final int MAX_PAGE_SIZE = 1000;

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    @Operation(summary = "Audit log entries, newest first, a page at a time (items, page, size, total; administrators only)")
    Page<AuditEntry> find(@RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String caseReference,
            @Parameter(description = "Page number, from 1") @RequestParam(defaultValue = "1") @Min(1) int page,
            @Parameter(description = "Entries a page, at most " + MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return auditLog.page(new AuditQuery(actor, action, caseReference, size), page, size);
    }
}
