package uk.cdr.caseimport;

import org.springframework.util.unit.DataSize;

/** A file bigger than the import accepts: refused before it is read to the end (HTTP 413). */
public class ImportTooLarge extends RuntimeException {

    ImportTooLarge(DataSize limit) {
        super("The file is larger than " + limit.toMegabytes() + " MB; split it into smaller files.");
    }
}
