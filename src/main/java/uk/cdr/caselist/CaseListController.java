package uk.cdr.caselist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import uk.cdr.area.Areas;
import uk.cdr.paging.Page;
import uk.cdr.security.CurrentUser;
import uk.cdr.web.ApiExceptionHandler;

/** The case list and one case over the API, for the SPOC, the Designated Doctor and (anonymised) the CDOP panel. */
@RestController
class CaseListController {

    private final CaseList caseList;
    private final CaseOverviews summaries;
    private final Areas areas;

    CaseListController(CaseList caseList, CaseOverviews summaries, Areas areas) {
        this.caseList = caseList;
        this.areas = areas;
        this.summaries = summaries;
    }

    @GetMapping("/api/cases")
    @Operation(summary = "Search the cases, newest reference first, a page at a time",
            description = "Every parameter is optional; all given must match. Dates are yyyy-mm-dd or day first "
                    + "(30/11/2014). The CDOP panel gets anonymised cases and may not search by name, nhsNumber or "
                    + "dateOfBirth (400). Bad parameters: 400 problem details with an errors list naming each.")
    Page<ListedCase> search(
            @Parameter(description = "Part of the case reference, e.g. 2014-15/00") @RequestParam(required = false) String reference,
            @Parameter(description = "Words of the child's first or last name, any case (SPOC, doctor)") @RequestParam(required = false) String name,
            @Parameter(description = "10 digits, spaces allowed (SPOC, doctor)") @RequestParam(required = false) String nhsNumber,
            @Parameter(description = "The child's date of birth (SPOC, doctor)") @RequestParam(required = false) String dateOfBirth,
            @Parameter(description = "Died on or after (the panel: the first day of a month)") @RequestParam(required = false) String diedFrom,
            @Parameter(description = "Died on or before (the panel: the last day of a month)") @RequestParam(required = false) String diedTo,
            @Parameter(description = "A stage code: CLASSIFICATION, FORM_B, RAPID_RESPONSE, FINAL_CASE_DISCUSSION, READY, "
                    + "DEFERRED, NEONATAL_REVIEWED, REVIEW, RATIFICATION, STOPPED or CLOSED") @RequestParam(required = false) String stage,
            @Parameter(description = "Reporting year of the death, 1 April to 31 March, e.g. 2014-15") @RequestParam(required = false) String reportingYear,
            @Parameter(description = "The area the child lived in: its code (or name); none, the whole CDOP") @RequestParam(required = false) String area,
            @Parameter(description = "From 1; default 1") @RequestParam(required = false) String page,
            @Parameter(description = "1 to 100; default 50") @RequestParam(required = false) String size,
            Authentication user) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("reference", reference);
        params.put("name", name);
        params.put("nhsNumber", nhsNumber);
        params.put("dateOfBirth", dateOfBirth);
        params.put("diedFrom", diedFrom);
        params.put("diedTo", diedTo);
        params.put("stage", stage);
        params.put("reportingYear", reportingYear);
        params.put("area", area);
        params.put("page", page);
        params.put("size", size);
        Viewer viewer = Viewer.of(CurrentUser.from(user).orElseThrow());
        return caseList.search(CaseSearch.of(params, viewer.identifies(), areas), viewer, user.getName());
    }

    @GetMapping("/api/cases/{caseId}")
    @Operation(summary = "One case: its stages, what it waits for, its open tasks (ids to complete them), key dates",
            description = "Anonymised for the CDOP panel: no child, no exact date of death. 404 for no such case.")
    CaseOverviews.CaseOverview one(@PathVariable UUID caseId, Authentication user) {
        Viewer viewer = Viewer.of(CurrentUser.from(user).orElseThrow());
        return summaries.find(caseId, viewer, user.getName()).orElseThrow(() -> new NoSuchCase());
    }

    static class NoSuchCase extends RuntimeException {
    }

    @ExceptionHandler(CaseSearch.Invalid.class)
    ResponseEntity<Object> invalid(CaseSearch.Invalid e) {
        return ApiExceptionHandler.invalid(e.problems().stream()
                .map(p -> new ApiExceptionHandler.FieldError(p.field(), p.rule())).toList());
    }

    @ExceptionHandler(NoSuchCase.class)
    ProblemDetail unknown() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such case.");
    }
}
