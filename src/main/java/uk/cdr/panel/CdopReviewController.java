package uk.cdr.panel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.web.ApiExceptionHandler;

/** The CDOP review over the API: the anonymised case, Form C, the panel's outcome, ratification, reopening. */
@RestController
class CdopReviewController {

    private final PanelCases cases;
    private final CdopReviews reviews;
    private final CdopReviewTasks tasks;

    CdopReviewController(PanelCases cases, CdopReviews reviews, CdopReviewTasks tasks) {
        this.cases = cases;
        this.reviews = reviews;
        this.tasks = tasks;
    }

    record FormCAnswers(Integer version, String domainChild, String domainFamily, String domainParenting,
            String domainServices, Integer category, String modifiable, String learningPoints, Boolean scrConsidered,
            List<FormC.Recommendation> recommendations) {
    }

    record Outcome(String outcome, String deferralReason, String deferralDetail, String reviewBy,
            String specialistsAttending) {
    }

    record Reason(String reason) {
    }

    @GetMapping("/api/cdop/cases/{caseId}")
    @Operation(summary = "A case as the panel sees it: anonymised summary, Form B returns, Form C (or the draft), reviews")
    PanelCases.PanelCase panelCase(@PathVariable UUID caseId, Authentication user) {
        return cases.find(caseId, user.getName()).orElseThrow(() -> new CdopQueue.UnknownCase(caseId));
    }

    @PutMapping("/api/cdop/cases/{caseId}/form-c")
    @Operation(summary = "Save the panel's Form C; version is the one you started from (0 for the draft), else 409")
    Map<String, Integer> saveFormC(@PathVariable UUID caseId, @RequestBody FormCAnswers body, Authentication user) {
        if (body == null || body.version() == null || body.version() < 0) {
            throw new InvalidAnswers(List.of(new InvalidAnswers.FieldError("version",
                    "is required: the Form C version you started from (0 for the draft)")));
        }
        int version = reviews.saveFormC(caseId, body.version(), new FormC(body.domainChild(), body.domainFamily(),
                body.domainParenting(), body.domainServices(), body.category(), body.modifiable(), body.learningPoints(),
                body.scrConsidered(), body.recommendations()), user.getName());
        return Map.of("version", version);
    }

    @PostMapping("/api/cdop/cases/{caseId}/outcome")
    @Operation(summary = "The panel's outcome at the meeting: reviewed, or deferred with deferralReason and reviewBy; "
            + "at a special neonatal panel, neonatal-reviewed with specialistsAttending (a routine meeting then completes "
            + "the review)")
    ResponseEntity<Void> outcome(@PathVariable UUID caseId, @RequestBody Outcome body) {
        Outcome given = body == null ? new Outcome(null, null, null, null, null) : body;
        tasks.decide(caseId, given.outcome(), given.deferralReason(), given.deferralDetail(), given.reviewBy(),
                given.specialistsAttending());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cdop/cases/{caseId}/ratification")
    @Operation(summary = "The CDOP chair ratifies a reviewed case, which closes it")
    ResponseEntity<Void> ratify(@PathVariable UUID caseId) {
        tasks.ratify(caseId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cdop/recommendations/{recommendationId}/done")
    @Operation(summary = "Mark a Form C recommendation done")
    ResponseEntity<Void> recommendationDone(@PathVariable UUID recommendationId, Authentication user) {
        reviews.recommendationDone(recommendationId, user.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/reopening")
    @Operation(summary = "The SPOC reopens a closed case with the new information; it returns to the CDOP queue")
    ResponseEntity<Void> reopen(@PathVariable UUID caseId, @RequestBody Reason body, Authentication user) {
        reviews.reopen(caseId, body == null ? null : body.reason(), user.getName());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidAnswers.class)
    ResponseEntity<Object> invalid(InvalidAnswers e) {
        return ApiExceptionHandler.invalid(e.errors().stream()
                .map(error -> new ApiExceptionHandler.FieldError(error.field(), error.rule())).toList());
    }

    @ExceptionHandler(org.camunda.bpm.engine.BadUserRequestException.class)
    ProblemDetail conflict(org.camunda.bpm.engine.BadUserRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(CdopQueue.UnknownCase.class)
    ProblemDetail unknown(CdopQueue.UnknownCase e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such case or recommendation.");
    }
}
