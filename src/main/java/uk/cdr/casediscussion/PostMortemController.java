package uk.cdr.casediscussion;

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
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.web.ApiExceptionHandler;

/** The SPOC records post-mortem and inquest milestones; final results release the final case discussion. */
@RestController
@RequestMapping("/api/cases/{caseId}/post-mortem")
class PostMortemController {

    private final PostMortems postMortems;

    PostMortemController(PostMortems postMortems) {
        this.postMortems = postMortems;
    }

    @GetMapping
    @Operation(summary = "Post-mortem and inquest milestones of a case")
    PostMortems.Status status(@PathVariable UUID caseId, Authentication user) {
        return postMortems.statusViewedBy(caseId, user.getName());
    }

    @PostMapping
    @Operation(summary = "Record a milestone: post-mortem-done, preliminary-results, final-results, inquest-opened, inquest-concluded")
    PostMortems.Status record(@PathVariable UUID caseId, @RequestBody PostMortems.Milestone milestone, Authentication user) {
        return postMortems.record(caseId, milestone, user.getName());
    }

    @ExceptionHandler(InvalidAnswers.class)
    ResponseEntity<Object> invalid(InvalidAnswers e) {
        return ApiExceptionHandler.invalid(e.errors().stream()
                .map(error -> new ApiExceptionHandler.FieldError(error.field(), error.rule())).toList());
    }

    @ExceptionHandler(PostMortems.UnknownCase.class)
    ProblemDetail unknown(PostMortems.UnknownCase e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such case.");
    }
}
