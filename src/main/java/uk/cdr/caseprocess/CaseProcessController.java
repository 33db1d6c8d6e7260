package uk.cdr.caseprocess;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The case's process over the API: the SPOC restarts a case that no step runs for. */
@RestController
class CaseProcessController {

    private final CaseProcess caseProcess;

    CaseProcessController(CaseProcess caseProcess) {
        this.caseProcess = caseProcess;
    }

    @PostMapping("/api/cases/{caseId}/process")
    @Operation(summary = "The SPOC restarts an open case whose process was cancelled, at the stage its records show")
    ResponseEntity<Void> restart(@PathVariable UUID caseId, Authentication user) {
        caseProcess.restart(caseId, user.getName());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(CaseProcess.NotStopped.class)
    ProblemDetail notStopped(CaseProcess.NotStopped e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unknown(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such case.");
    }
}
