package uk.cdr.caseimport;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
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

    /**
     * Set-based, a chunk of rows at a time: three queries per row, one of them a scan of case_file
     * (lower() defeats ix_case_file_identity), made a large file slow. The rules are those of a
     * query per row: the earliest created case that matches.
     */
    void againstExistingCases(List<ImportedCase> cases, List<ImportError> errors) {
        for (List<ImportedCase> chunk : InChunks.of(cases)) {
            Map<String, String> byReference = firstCases("case_reference", present(chunk, ImportedCase::reference));
            Map<String, String> byNhsNumber = firstCases("nhs_number", present(chunk, ImportedCase::nhsNumber));
            Map<Child, String> byChild = sameChildren(chunk);
            for (ImportedCase c : chunk) {
                found(byReference, c.reference()).ifPresent(ref -> errors.add(new ImportError(c.row(),
                        ImportColumn.CASE_REFERENCE.header(), "case " + ref + " already exists")));
                found(byNhsNumber, c.nhsNumber()).ifPresent(ref -> errors.add(new ImportError(c.row(),
                        ImportColumn.NHS_NUMBER.header(), "matches existing case " + ref + " (same NHS number)")));
                found(byChild, Child.of(c)).ifPresent(ref -> errors.add(new ImportError(c.row(),
                        ImportColumn.CHILD_LAST_NAME.header(),
                        "matches existing case " + ref + " (same name, date of birth and date of death)")));
            }
        }
    }

    /** The names lowered as {@link #identity} lowers the file's, the database's own as SQL lower() does. */
    private record Child(String firstName, String lastName, LocalDate dateOfBirth, LocalDate dateOfDeath) {

        static Child of(ImportedCase c) {
            return identity(c) == null ? null
                    : new Child(lower(c.firstName()), lower(c.lastName()), c.dateOfBirth(), c.dateOfDeath());
        }
    }

    /** Existing cases by the value of one column: the earliest created case's reference. */
    private Map<String, String> firstCases(String column, Set<String> values) {
        if (values.isEmpty()) {
            return Map.of();
        }
        return earliest(jdbc.sql("select case_reference, " + column + " from case_file where " + column
                + " in (:values) order by created_at").param("values", values), (rs, row) -> rs.getString(2));
    }

    /** Candidates by both dates (an index since V15), matched on the names as lowered by the database. */
    private Map<Child, String> sameChildren(List<ImportedCase> chunk) {
        Set<Child> children = present(chunk, Child::of);
        if (children.isEmpty()) {
            return Map.of();
        }
        return earliest(jdbc.sql("""
                select case_reference, lower(child_first_name), lower(child_last_name), date_of_birth, date_of_death
                from case_file
                where date_of_death in (:deaths) and date_of_birth in (:births)
                order by created_at""")
                .param("deaths", children.stream().map(Child::dateOfDeath).collect(Collectors.toSet()))
                .param("births", children.stream().map(Child::dateOfBirth).collect(Collectors.toSet())),
                (rs, row) -> new Child(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)));
    }

    private static <K> Map<K, String> earliest(JdbcClient.StatementSpec query, RowMapper<K> key) {
        Map<K, String> first = new HashMap<>();
        query.query((rs, row) -> Map.entry(key.mapRow(rs, row), rs.getString(1))).list()
                .forEach(match -> first.putIfAbsent(match.getKey(), match.getValue()));
        return first;
    }

    private static <T> Set<T> present(List<ImportedCase> cases, Function<ImportedCase, T> value) {
        return cases.stream().map(value).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static <K> Optional<String> found(Map<K, String> existing, K key) {
        return key == null ? Optional.empty() : Optional.ofNullable(existing.get(key));
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
