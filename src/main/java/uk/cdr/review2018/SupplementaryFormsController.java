package uk.cdr.review2018;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.cdr.web.ApiExceptionHandler;

/** The SPOC's choice of a 2018 case's supplementary reporting forms. */
@RestController
@RequestMapping("/api/cases/{caseId}/supplementary-forms")
class SupplementaryFormsController {

    private final SupplementaryForms forms;

    SupplementaryFormsController(SupplementaryForms forms) {
        this.forms = forms;
    }

    record Choice(List<String> forms) {
    }

    @GetMapping
    @Operation(summary = "The supplementary reporting forms a 2018 case's agencies are asked for, and the choices")
    SupplementaryForms.Chosen chosen(@PathVariable UUID caseId) {
        return forms.of(caseId);
    }

    @PutMapping
    @Operation(summary = "Change them: {\"forms\": [codes]}, empty for none")
    SupplementaryForms.Chosen choose(@PathVariable UUID caseId, @RequestBody(required = false) Choice choice,
            Authentication user) {
        return forms.choose(caseId, choice == null ? null : choice.forms(), user.getName());
    }

    @ExceptionHandler(SupplementaryForms.Refused.class)
    ResponseEntity<Object> refused(SupplementaryForms.Refused e) {
        return ApiExceptionHandler.invalid(List.of(new ApiExceptionHandler.FieldError("forms", e.getMessage())));
    }

    @ExceptionHandler(SupplementaryForms.NotFound.class)
    ProblemDetail notFound(SupplementaryForms.NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(SupplementaryForms.Closed.class)
    ProblemDetail closed(SupplementaryForms.Closed e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
