package uk.cdr.caseimport;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/** The SPOC's upload page: pick the CSV, then see every problem in a table, or the cases imported. */
@Controller
class CaseImportPage {

    private static final String VIEW = "caseimport/import";

    private final CaseImport caseImport;
    private final UploadLimit uploadLimit;

    CaseImportPage(CaseImport caseImport, UploadLimit uploadLimit) {
        this.caseImport = caseImport;
        this.uploadLimit = uploadLimit;
    }

    @GetMapping("/import")
    String form(Model model) {
        return page(model.asMap());
    }

    @PostMapping("/import")
    String upload(@RequestParam(required = false) MultipartFile file, Authentication user, Model model,
            HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidImport(List.of(ImportError.ofFile("choose a CSV file to import")));
            }
            uploadLimit.check(file.getSize());
            model.addAttribute("result", caseImport.importCases(file.getBytes(), user.getName()));
            response.setStatus(HttpStatus.CREATED.value());
        } catch (InvalidImport e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (ImportTooLarge e) {
            model.addAttribute("tooLarge", e.getMessage());
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        }
        return page(model.asMap());
    }

    /** The container stopped reading the upload at its limit, before the handler got the file. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView();
        page.addObject("tooLarge", new ImportTooLarge(uploadLimit.limit()).getMessage());
        page.setViewName(page(page.getModel()));
        page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return page;
    }

    private String page(Map<String, Object> model) {
        // Names, not the enum: templates reach public members only.
        model.put("columns", Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList());
        model.put("required", Arrays.stream(ImportColumn.values()).filter(ImportColumn::required)
                .map(ImportColumn::header).toList());
        model.put("limit", uploadLimit.limit().toMegabytes() + " MB");
        return VIEW;
    }
}
