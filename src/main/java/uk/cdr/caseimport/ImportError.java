package uk.cdr.caseimport;

/**
 * One broken rule of an import file: the row as a spreadsheet numbers it (the header is row 1),
 * the column's name, and the rule. Row and column are null when the problem is the whole file.
 */
public record ImportError(Integer row, String column, String rule) {

    static ImportError ofFile(String rule) {
        return new ImportError(null, null, rule);
    }
}
