package uk.cdr.caseimport;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The same death twice: within the file, or a death the app already has (an earlier import, or
 * a live notification). It matches as Form A's duplicate check does, on the reference, the NHS
 * number, or the name with the dates of birth and death; closed cases count too, since importing
 * the same spreadsheet twice is the mistake to catch.
 */
@Component
class Duplicates {

    private final JdbcClient jdbc;

    Duplicates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static void withinFile(List<ImportedCase> cases, List<ImportError> errors) {
        Map<String, Integer> references = new HashMap<>();
        Map<String, Integer> nhsNumbers = new HashMap<>();
        Map<String, Integer> children = new HashMap<>();
        for (ImportedCase c : cases) {
            same(references, c.reference(), c.row(), ImportColumn.CASE_REFERENCE, "is the same case reference as row ", errors);
            same(nhsNumbers, c.nhsNumber(), c.row(), ImportColumn.NHS_NUMBER, "is the same NHS number as row ", errors);
            same(children, identity(c), c.row(), ImportColumn.CHILD_LAST_NAME,
                    "is the same child (name, date_of_birth and date_of_death) as row ", errors);
        }
    }

    void againstExistingCases(List<ImportedCase> cases, List<ImportError> errors) {
        for (ImportedCase c : cases) {
            if (c.reference() != null) {
                existing("case_reference = ?", List.of(c.reference())).ifPresent(ref -> errors.add(new ImportError(c.row(),
                        ImportColumn.CASE_REFERENCE.header(), "case " + ref + " already exists")));
            }
            if (c.nhsNumber() != null) {
                existing("nhs_number = ?", List.of(c.nhsNumber())).ifPresent(ref -> errors.add(new ImportError(c.row(),
                        ImportColumn.NHS_NUMBER.header(), "matches existing case " + ref + " (same NHS number)")));
            }
            if (identity(c) != null) {
                existing("""
                        lower(child_first_name) = ? and lower(child_last_name) = ? and date_of_birth = ?
                        and date_of_death = ?""",
                        List.of(lower(c.firstName()), lower(c.lastName()), c.dateOfBirth(), c.dateOfDeath()))
                        .ifPresent(ref -> errors.add(new ImportError(c.row(), ImportColumn.CHILD_LAST_NAME.header(),
                                "matches existing case " + ref + " (same name, date of birth and date of death)")));
            }
        }
    }

    private Optional<String> existing(String where, List<Object> params) {
        return jdbc.sql("select case_reference from case_file where " + where + " order by created_at limit 1")
                .params(params).query(String.class).optional();
    }

    private static void same(Map<String, Integer> seen, String key, int row, ImportColumn column, String rule,
            List<ImportError> errors) {
        if (key == null) {
            return;
        }
        Integer first = seen.putIfAbsent(key, row);
        if (first != null) {
            errors.add(new ImportError(row, column.header(), rule + first));
        }
    }

    private static String identity(ImportedCase c) {
        LocalDate dob = c.dateOfBirth();
        LocalDate dod = c.dateOfDeath();
        if (c.firstName() == null || c.lastName() == null || dob == null || dod == null) {
            return null;
        }
        return lower(c.firstName()) + "|" + lower(c.lastName()) + "|" + dob + "|" + dod;
    }

    private static String lower(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
