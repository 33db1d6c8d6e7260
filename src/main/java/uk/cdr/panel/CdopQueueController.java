package uk.cdr.panel;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import uk.cdr.area.Area;
import uk.cdr.area.Areas;
import uk.cdr.web.ApiExceptionHandler;
import uk.cdr.paging.Page;

/** The CDOP queue over the API: anonymised cases for the panel and the SPOC. */
@RestController
@RequestMapping("/api/cdop/queue")
class CdopQueueController {

    private final CdopQueue queue;
    private final Areas areas;

    CdopQueueController(CdopQueue queue, Areas areas) {
        this.queue = queue;
        this.areas = areas;
    }

    @GetMapping
    @Operation(summary = "Open cases and what each waits for, a page at a time (items, page, size, total); filter by "
            + "state, reporting year of death, area and meeting, sort by age (oldest death first) or reference")
    Page<QueuedCase> queue(@RequestParam(required = false) QueueState state,
            @RequestParam(required = false) String reportingYear,
            @RequestParam(required = false) UUID meetingId,
            @Parameter(description = "The area the child lived in: its code (or name); none, the whole CDOP")
            @RequestParam(required = false) String area,
            @RequestParam(defaultValue = "age") String sort,
            @Parameter(description = "Page number, from 1") @RequestParam(defaultValue = "1") @Min(1) int page,
            @Parameter(description = "Cases a page, at most " + CdopQueue.MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "" + CdopQueue.PAGE_SIZE) @Min(1) @Max(CdopQueue.MAX_PAGE_SIZE) int size) {
        if (!sort.equals("age") && !sort.equals("reference")) {
            throw new CdopQueue.InvalidQuery("sort", "must be age or reference");
        }
        String areaCode = areas.narrowTo(area, "area").map(Area::code).orElse(null);
        return queue.page(new CdopQueue.Filter(state, reportingYear, sort, meetingId, areaCode), page, size);
    }

    record ProceedWithout(String reason) {
    }

    @PostMapping("/{caseId}/proceed-without-form-bs")
    @Operation(summary = "The SPOC sends a case on without its missing Form Bs, with the reason")
    ResponseEntity<Void> proceedWithout(@PathVariable UUID caseId, @RequestBody ProceedWithout body, Authentication user) {
        queue.proceedWithoutFormBs(caseId, body == null ? null : body.reason(), user.getName());
        return ResponseEntity.noContent().build();
    }

    /** What this controller checks itself; what Spring checks (types, @Min, @Max) ApiExceptionHandler answers. */
    @ExceptionHandler(CdopQueue.InvalidQuery.class)
    ResponseEntity<Object> invalid(CdopQueue.InvalidQuery e) {
        return ApiExceptionHandler.invalid(List.of(new ApiExceptionHandler.FieldError(e.field(), e.rule())));
    }

    @ExceptionHandler(CdopQueue.UnknownCase.class)
    ProblemDetail unknown(CdopQueue.UnknownCase e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such case.");
    }
}
