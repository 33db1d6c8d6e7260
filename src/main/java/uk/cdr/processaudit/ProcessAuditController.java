package uk.cdr.processaudit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.cdr.area.Areas;
import io.swagger.v3.oas.annotations.Parameter;
import uk.cdr.caselist.Viewer;
import uk.cdr.processaudit.AuditReport.StandardFigures;
import uk.cdr.processaudit.Measure.Result;
import uk.cdr.security.CurrentUser;
import uk.cdr.security.Role;
import uk.cdr.web.ApiExceptionHandler;
import uk.cdr.web.UkDates;

/** GET /api/process-audit: the process audit of a period, each standard's cases, and both as CSV. */
@RestController
class ProcessAuditController {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ProcessAudit audit;
    private final Clock clock;
    private final Areas areas;

    ProcessAuditController(ProcessAudit audit, Clock clock, Areas areas) {
        this.audit = audit;
        this.clock = clock;
        this.areas = areas;
    }

    @GetMapping("/api/process-audit")
    @Operation(summary = "How well each standard of the process was kept in a period, and why not",
            description = "A reporting year (year=2014-15) or any days (from=2014-04-01&to=2014-06-30, both included); "
                    + "the current reporting year when neither. Each standard counts the cases whose clock started in "
                    + "the period (its countedBy).")
    AuditReport report(@Parameter(description = "Reporting year, e.g. 2014-15") @RequestParam(required = false) String year,
            @Parameter(description = "First day, yyyy-mm-dd") @RequestParam(required = false) String from,
            @Parameter(description = "Last day, yyyy-mm-dd") @RequestParam(required = false) String to,
            @Parameter(description = AREA) @RequestParam(required = false) String area, Authentication user) {
        return audit.report(period(year, from, to, area), user.getName());
    }

    /**
     * A case behind a figure, as the viewer may see it: the SPOC and the Designated Doctor see its
     * times and open its page; the panel and the administrator see only the month its clock started
     * (a death's day can identify a child) and how long it took.
     */
    record AuditCase(String caseReference, String link, String group, String month, OffsetDateTime start,
            OffsetDateTime due, OffsetDateTime done, String took, Result result, String resultInWords, String reason,
            String reasonInWords) {
    }

    @GetMapping("/api/process-audit/{standard}/cases")
    @Operation(summary = "The cases behind one standard's figures (Form B: one row per request)",
            description = "result=MET, MISSED, NOT_YET_DUE or NO_DATA narrows them. Anonymised for the panel.")
    List<AuditCase> cases(@PathVariable String standard, @RequestParam(required = false) String year,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String result,
            @Parameter(description = AREA) @RequestParam(required = false) String area, Authentication user) {
        AuditStandard chosen = standard(standard);
        List<Measure> measures = audit.cases(chosen, period(year, from, to, area), result(result), user.getName());
        CurrentUser viewer = CurrentUser.from(user).orElseThrow();
        return measures.stream().map(m -> shown(m, chosen, viewer)).toList();
    }

    @GetMapping(value = "/api/process-audit/{standard}.csv", produces = "text/csv")
    @Operation(summary = "One standard's figures as CSV: in scope, met, missed, times, reasons, groups and months")
    ResponseEntity<String> figuresCsv(@PathVariable String standard, @RequestParam(required = false) String year,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @Parameter(description = AREA) @RequestParam(required = false) String area, Authentication user) {
        AuditStandard chosen = standard(standard);
        AuditReport report = audit.report(period(year, from, to, area), user.getName());
        StandardFigures figures = report.standards().stream().filter(s -> s.id().equals(chosen.id())).findFirst()
                .orElseThrow();
        return csv(AuditCsv.figures(report, figures), chosen.id() + "-" + fileLabel(report));
    }

    @GetMapping(value = "/api/process-audit/{standard}/cases.csv", produces = "text/csv")
    @Operation(summary = "The cases behind one standard's figures as CSV, as the viewer may see them")
    ResponseEntity<String> casesCsv(@PathVariable String standard, @RequestParam(required = false) String year,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String result,
            @Parameter(description = AREA) @RequestParam(required = false) String area, Authentication user) {
        AuditStandard chosen = standard(standard);
        AuditPeriod period = period(year, from, to, area);
        CurrentUser viewer = CurrentUser.from(user).orElseThrow();
        List<AuditCase> cases = audit.cases(chosen, period, result(result), user.getName()).stream()
                .map(m -> shown(m, chosen, viewer)).toList();
        return csv(AuditCsv.cases(chosen, period, cases), chosen.id() + "-cases-" + period.from() + "-to-" + period.to());
    }

    private static String fileLabel(AuditReport report) {
        return report.from() + "-to-" + report.to();
    }

    private static ResponseEntity<String> csv(String body, String name) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build()
                        .toString())
                .body(body);
    }

    static AuditCase shown(Measure m, AuditStandard standard, CurrentUser viewer) {
        Viewer sees = Viewer.of(viewer);
        boolean identifies = sees.identifies();
        String link = identifies || viewer.has(Role.CDOP_PANEL) ? sees.url(m.caseId()) : null;
        String took = m.took() == null || standard.unit() == AuditStandard.Unit.NONE ? null
                : Durations.inWords(m.took(), standard.unit());
        String month = m.start() == null ? null : YearMonth.from(m.start().atZoneSameInstant(UK)).toString();
        return new AuditCase(m.caseReference(), link, m.group(), month, identifies ? m.start() : null,
                identifies ? m.due() : null, identifies ? m.done() : null, took, m.result(), m.result().words(), m.reason(),
                m.reason() == null ? null : Reasons.words(m.reason()));
    }

    private static final String AREA = "An area's code (or name): its cases only; none, the whole CDOP";

    private AuditPeriod period(String year, String from, String to, String area) {
        return AuditPeriod.of(year, from, to, LocalDate.now(clock)).of(areas.narrowTo(area, "area").orElse(null));
    }

    private static AuditStandard standard(String id) {
        return AuditStandard.byId(id).orElseThrow(() -> new UnknownStandard(id));
    }

    private static Result result(String text) {
        return Result.ofQuery(text);
    }

    @ExceptionHandler(AuditPeriod.InvalidPeriod.class)
    ResponseEntity<Object> invalid(AuditPeriod.InvalidPeriod e) {
        return ApiExceptionHandler.invalid(List.of(new ApiExceptionHandler.FieldError(e.field(), e.rule())));
    }

    @ExceptionHandler(UnknownStandard.class)
    ProblemDetail unknownStandard(UnknownStandard e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    static class UnknownStandard extends RuntimeException {
        UnknownStandard(String id) {
            super("No audit standard " + id + ". Standards: " + String.join(", ",
                    java.util.Arrays.stream(AuditStandard.values()).map(AuditStandard::id).toList()) + ".");
        }
    }

    static String inWords(OffsetDateTime moment) {
        return moment == null ? "" : UkDates.withTime(moment);
    }
}
