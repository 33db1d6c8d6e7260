package uk.cdr.review2018;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The SPOC downloads a 2018 case's NCMD notification record, as JSON or as a CSV file (a header row of the form's words). */
@RestController
class NcmdRecordController {

    private final NcmdRecord ncmdRecord;

    NcmdRecordController(NcmdRecord ncmdRecord) {
        this.ncmdRecord = ncmdRecord;
    }

    @GetMapping("/api/cases/{caseId}/ncmd-record")
    @Operation(summary = "A 2018 case's NCMD notification record, every field labelled as the national form words it")
    NcmdRecord.Record record(@PathVariable UUID caseId, Authentication user) {
        return ncmdRecord.viewedBy(caseId, user.getName());
    }

    @GetMapping("/api/cases/{caseId}/ncmd-record.csv")
    @Operation(summary = "The same record as a CSV file: the labels, then the values")
    ResponseEntity<byte[]> csv(@PathVariable UUID caseId, Authentication user) {
        NcmdRecord.Record record = ncmdRecord.viewedBy(caseId, user.getName());
        String csv = line(record.fields().stream().map(NcmdRecord.Field::label).toList())
                + line(record.fields().stream().map(NcmdRecord.Field::value).toList());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ncmd-notification-"
                        + record.caseReference().replace('/', '-') + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(NcmdRecord.NotA2018Case.class)
    ProblemDetail notA2018Case(NcmdRecord.NotA2018Case e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NcmdRecord.UnknownCase.class)
    ProblemDetail unknown(NcmdRecord.UnknownCase e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** RFC 4180, and no cell a spreadsheet would run as a formula. */
    private static String line(List<String> fields) {
        return fields.stream().map(NcmdRecordController::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String value) {
        String safe = Stream.of("=", "+", "-", "@").anyMatch(value::startsWith) ? "'" + value : value;
        return Stream.of(",", "\"", "\r", "\n").anyMatch(safe::contains) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
