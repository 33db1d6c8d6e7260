package uk.cdr.agencyreport;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.cdr.web.ApiExceptionHandler;

/** Form B requests over the API: the same service as the SPOC's page. */
@RestController
@RequestMapping("/api/cases/{caseId}/agency-reports")
class AgencyReportController {

    private final AgencyReports agencyReports;

    AgencyReportController(AgencyReports agencyReports) {
        this.agencyReports = agencyReports;
    }

    @GetMapping
    @Operation(summary = "Every Form B request of the case and where it stands (SPOC only)")
    List<FormBStatus> forCase(@PathVariable UUID caseId, Authentication user) {
        agencyReports.viewed(caseId, user.getName(), "Form B requests");
        return agencyReports.forCase(caseId);
    }

    @GetMapping("/suggested-agencies")
    @Operation(summary = "The agencies named on the case's Form A (SPOC only)")
    List<AgencyContact> suggested(@PathVariable UUID caseId, Authentication user) {
        agencyReports.viewed(caseId, user.getName(), "suggested agencies");
        return agencyReports.suggestedAgencies(caseId);
    }

    @PostMapping
    @Operation(summary = "Request Form B from these agencies: each contact gets a personal link (SPOC only)")
    ResponseEntity<List<FormBStatus>> request(@PathVariable UUID caseId, @RequestBody List<AgencyContact> agencies,
            Authentication user) {
        List<UUID> ids = agencyReports.request(caseId, agencies, user.getName());
        List<FormBStatus> created = agencyReports.forCase(caseId).stream().filter(s -> ids.contains(s.requestId())).toList();
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/agency-reports")).body(created);
    }

    @PostMapping("/{requestId}/resend")
    @Operation(summary = "Send the agency a new link; the old one stops working (SPOC only)")
    ResponseEntity<Void> resend(@PathVariable UUID caseId, @PathVariable UUID requestId, Authentication user) {
        if (agencyReports.forCase(caseId).stream().noneMatch(r -> r.requestId().equals(requestId))) {
            throw new RequestClosed(requestId);
        }
        agencyReports.resendLink(requestId, user.getName());
        return ResponseEntity.accepted().build();
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e) {
        return ApiExceptionHandler.invalid(e.errors().stream()
                .map(error -> new ApiExceptionHandler.FieldError(error.field(), error.rule())).toList());
    }

    @ExceptionHandler(UnknownCase.class)
    ProblemDetail unknownCase() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such case.");
    }

    @ExceptionHandler(RequestClosed.class)
    ProblemDetail closed() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This Form B request is returned or withdrawn, or is not one of this case's.");
    }
}
