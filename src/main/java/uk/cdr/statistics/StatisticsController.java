package uk.cdr.statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import uk.cdr.area.Area;
import uk.cdr.area.Areas;
import uk.cdr.web.ApiExceptionHandler;

/** The annual statistics as JSON, and each table as a CSV download. */
@RestController
@RequestMapping("/api/statistics")
class StatisticsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Statistics statistics;
    private final Areas areas;

    StatisticsController(Statistics statistics, Areas areas) {
        this.statistics = statistics;
        this.areas = areas;
    }

    @GetMapping("/{year}")
    @Operation(summary = "Every figure of the annual statistics for a reporting year, with the previous year beside it",
            description = "A year with no data gives a report of zeros. A year not yet ended is reported as of today "
                    + "(asOf, yearHeading): its cases open and Form Bs overdue are counted today, not at its year end. "
                    + "The public version shows counts of 1 to 4 as \"<5\" and, where a table's total would reveal a "
                    + "single hidden count, the next smallest as \"*\"; a percentage as \"*\" unless every count of "
                    + "its table is shown. With area, the figures of that area's cases alone, with the same rule.")
    YearReport report(@Parameter(description = "reporting year, e.g. 2014-15", example = "2014-15") @PathVariable String year,
            @Parameter(description = "internal (exact numbers, the default) or public",
                    schema = @Schema(allowableValues = { "internal", "public" })) @RequestParam(required = false) String version,
            @Parameter(description = AREA) @RequestParam(required = false) String area) {
        ReportingPeriod period = ReportingPeriod.parse(year);
        Version chosen = Version.of(version);
        return statistics.report(period, chosen, areas.narrowTo(area, "area").orElse(null));
    }

    private static final String AREA = "an area's code (or name): the figures of its cases; none, the whole CDOP";

    @GetMapping("/{year}/{table}.csv")
    @Operation(summary = "One table of the annual statistics as CSV (UTF-8, header row, RFC 4180)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
    ResponseEntity<String> csv(@Parameter(example = "2014-15") @PathVariable String year,
            @Parameter(description = "deaths, deaths-by-age, deaths-by-sex, deaths-by-ethnicity, deaths-by-place, "
                    + "rapid-response, final-case-discussions (2013 guidance), joint-agency-responses, "
                    + "child-death-review-meetings, ncmd-notifications (2018 guidance), form-b, cdop-meetings, reviews-by-year-of-death, "
                    + "reviews-by-category, reviews-by-modifiable, reviews-scr, time-to-review, open-cases")
            @PathVariable String table,
            @Parameter(schema = @Schema(allowableValues = { "internal", "public" })) @RequestParam(required = false) String version,
            @Parameter(description = AREA) @RequestParam(required = false) String area) {
        ReportingPeriod period = ReportingPeriod.parse(year);
        Version chosen = Version.of(version);
        Area of = areas.narrowTo(area, "area").orElse(null);
        if (!Statistics.TABLES.contains(table)) {
            throw new UnknownTable(table);
        }
        YearReport report = statistics.report(period, chosen, of);
        Table found = report.table(table).orElseThrow(() -> new UnknownTable(table));
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(Csv.fileName(report, found)).build().toString())
                .body(Csv.of(report, found));
    }

    @ExceptionHandler(ReportingPeriod.InvalidYear.class)
    ResponseEntity<Object> invalidYear(ReportingPeriod.InvalidYear e) {
        return ApiExceptionHandler.invalid(List.of(new ApiExceptionHandler.FieldError("year", ReportingPeriod.RULE)));
    }

    @ExceptionHandler(Version.InvalidVersion.class)
    ResponseEntity<Object> invalidVersion(Version.InvalidVersion e) {
        return ApiExceptionHandler.invalid(List.of(new ApiExceptionHandler.FieldError("version", Version.RULE)));
    }

    @ExceptionHandler(UnknownTable.class)
    ProblemDetail unknownTable(UnknownTable e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    static class UnknownTable extends RuntimeException {
        UnknownTable(String table) {
            super("No statistics table " + table + ". Tables: " + String.join(", ", Statistics.TABLES) + ".");
        }
    }
}
