package uk.cdr.caseimport;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.casefile.CaseReferences;

/**
 * Imports historical cases from a CDOP's spreadsheet (CSV, docs/import.md). Every row is checked
 * before anything is written and every problem is reported; then all cases go in, in one
 * transaction with their processes, or none does.
 */
@Service
public class CaseImport {

    public record Result(int imported, List<String> references) {
    }

    private final RowReader reader;
    private final Duplicates duplicates;
    private final CaseReferences references;
    private final ImportedCaseWriter writer;
    private final Clock clock;
    private final int maxRows;

    CaseImport(RowReader reader, Duplicates duplicates, CaseReferences references, ImportedCaseWriter writer,
            Clock clock, @Value("${cdr.import.max-rows:10000}") int maxRows) {
        this.reader = reader;
        this.duplicates = duplicates;
        this.references = references;
        this.writer = writer;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** @throws InvalidImport with every problem found; nothing is written then */
    @Transactional
    public Result importCases(byte[] file, String by) {
        List<ImportError> errors = new ArrayList<>();
        List<ImportedCase> cases = ImportFile.rows(Utf8Text.decode(file), maxRows, errors).stream()
                .map(reader::read).toList();
        Duplicates.withinFile(cases, errors);
        claimReferences(cases);
        duplicates.againstExistingCases(cases, errors);
        if (!errors.isEmpty()) {
            throw new InvalidImport(inFileOrder(errors));
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<String> written = writer.write(cases, by, now);
        return new Result(written.size(), written);
    }

    /**
     * Moves each reporting year's counter past the references the file gives, before the new
     * cases get theirs, so neither they nor later live cases can collide with them. The counters
     * stay locked until commit: the same file imported twice at once waits here, then finds the
     * first import's cases as duplicates.
     */
    private void claimReferences(List<ImportedCase> cases) {
        Map<String, Integer> highest = new TreeMap<>();
        for (ImportedCase c : cases) {
            if (c.dateOfDeath() != null) {
                int given = c.reference() == null ? 0 : ImportedCaseWriter.parse(c.reference()).sequence();
                highest.merge(c.reportingYear(), given, Math::max);
            }
        }
        highest.forEach(references::claim);
    }

    private static List<ImportError> inFileOrder(List<ImportError> errors) {
        Comparator<ImportError> byRow = Comparator.comparing(ImportError::row,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<ImportError> byColumn = Comparator.comparing(e -> ImportColumn.ofHeader(Objects.toString(e.column(), ""))
                .map(Enum::ordinal).orElse(-1));
        return errors.stream().sorted(byRow.thenComparing(byColumn)).toList();
    }
}
