package uk.cdr.caseimport;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/** Historical cases from a CSV file (docs/import.md), for the SPOC and the administrator. */
@RestController
@RequestMapping("/api/import/cases")
class CaseImportController {

    private final CaseImport caseImport;
    private final UploadLimit uploadLimit;

    CaseImportController(CaseImport caseImport, UploadLimit uploadLimit) {
        this.caseImport = caseImport;
        this.uploadLimit = uploadLimit;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import historical cases from a CSV file (multipart field 'file'): all rows or none")
    ResponseEntity<CaseImport.Result> upload(@RequestParam("file") MultipartFile file, Authentication user)
            throws IOException {
        uploadLimit.check(file.getSize());
        return created(caseImport.importCases(file.getBytes(), user.getName()));
    }

    @PostMapping(consumes = "text/csv")
    @Operation(summary = "Import historical cases from a CSV request body (UTF-8): all rows or none")
    ResponseEntity<CaseImport.Result> body(HttpServletRequest request, Authentication user) throws IOException {
        return created(caseImport.importCases(uploadLimit.read(request.getInputStream()), user.getName()));
    }

    private static ResponseEntity<CaseImport.Result> created(CaseImport.Result result) {
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    /** RFC 9457, with every problem of the file in "errors": row, column and rule. */
    @ExceptionHandler(InvalidImport.class)
    ProblemDetail invalid(InvalidImport e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid import file");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    /** Too big a body, or too big an upload (the container stopped reading it at the multipart limit). */
    @ExceptionHandler({ImportTooLarge.class, MaxUploadSizeExceededException.class})
    ProblemDetail tooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                new ImportTooLarge(uploadLimit.limit()).getMessage());
        problem.setTitle("Import file too large");
        return problem;
    }
}
