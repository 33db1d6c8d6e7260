package uk.cdr.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The administrator's view of the audit log. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    @Operation(summary = "Audit log entries, newest first (administrators only)")
    List<AuditEntry> find(@RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String caseReference,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return auditLog.find(new AuditQuery(actor, action, caseReference, limit));
    }
}
