package uk.cdr.caseimport;

import java.util.List;

/** The file was refused: every problem found, and nothing was imported. */
public class InvalidImport extends RuntimeException {

    private final transient List<ImportError> errors;

    InvalidImport(List<ImportError> errors) {
        super(errors.size() + " problem(s) in the import file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
