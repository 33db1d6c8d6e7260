package uk.cdr.reportingyears;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which reporting years' statistics a change can alter, kept in the database so that a report
 * cached for a closed year (statistics) is dropped by exactly the changes that alter it, on every
 * node. Every date a case's figures are counted by (notification, Form B, rapid response, review,
 * ratification, reopening) falls on or after its death, so a change to a case can alter only the
 * reports of its year of death and later ones; a change to a CDOP meeting, only those from its day
 * on. Each year from 1990 to 2100 has a generation (statistics_generation, V24); a change adds one to
 * the generation of the earliest year it alters, and a report for year Y is current while the sum
 * of the generations up to Y is what it was when the report was worked out.
 * <p>
 * Inside a transaction the change is counted just before the commit, in the same transaction as
 * the rows it describes: a reader sees both or neither, and the row is locked only for the commit.
 * Without one (autocommit) it is counted after the write, so a reader can at worst work a report
 * out again, never keep one the change made stale.
 */
@Component
public class YearChanges {

    /** The years with a generation of their own; a change before 1990 counts as 1990's. */
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;

    private final JdbcClient jdbc;

    public YearChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's figures may have changed (any row the statistics read, of this case). */
    public void caseChanged(UUID caseId) {
        casesChanged(List.of(caseId));
    }

    public void casesChanged(Collection<UUID> caseIds) {
        if (!caseIds.isEmpty()) {
            pending().ifPresentOrElse(p -> p.cases.addAll(caseIds), () -> count(earliestOf(caseIds, Optional.empty())));
        }
    }

    /** Figures counted on this day may have changed (a CDOP meeting held, moved or removed). */
    public void dayChanged(LocalDate day) {
        pending().ifPresentOrElse(p -> p.days.add(day), () -> count(Optional.of(day)));
    }

    /**
     * The sum of the generations of the reporting years up to the one starting on 1 April of
     * firstYear: it changes whenever a figure of that year or of the year before may have.
     */
    public long generationUpTo(int firstYear) {
        return jdbc.sql("select coalesce(sum(generation), 0) from statistics_generation where from_year <= ?")
                .param(firstYear).query(Long.class).single();
    }

    private Optional<Pending> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return Optional.of(pending);
    }

    private Optional<LocalDate> earliestOf(Collection<UUID> caseIds, Optional<LocalDate> day) {
        Optional<LocalDate> earliest = day;
        for (List<UUID> chunk : chunks(List.copyOf(caseIds))) {
            List<CaseYears> rows = jdbc.sql("select date_of_death, reporting_year from case_file where id in (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> new CaseYears(rs.getObject("date_of_death", LocalDate.class),
                            rs.getString("reporting_year")))
                    .list();
            for (CaseYears row : rows) {
                earliest = earlier(earlier(earliest, row.dateOfDeath()), row.firstDayOfReportingYear());
            }
        }
        return earliest;
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        int size = 1000;
        return java.util.stream.IntStream.range(0, (ids.size() + size - 1) / size)
                .mapToObj(i -> ids.subList(i * size, Math.min(ids.size(), (i + 1) * size))).toList();
    }

    private static Optional<LocalDate> earlier(Optional<LocalDate> earliest, LocalDate day) {
        if (day == null) {
            return earliest;
        }
        return Optional.of(earliest.filter(e -> e.isBefore(day)).orElse(day));
    }

    private void count(Optional<LocalDate> earliest) {
        earliest.ifPresent(day -> jdbc.sql("update statistics_generation set generation = generation + 1 where from_year = ?")
                .param(yearOf(day)).update());
    }

    /** The first calendar year of the reporting year holding the day, within 1990 to 2100. */
    static int yearOf(LocalDate day) {
        int year = day.getMonthValue() < 4 ? day.getYear() - 1 : day.getYear();
        return Math.max(FIRST_YEAR, Math.min(LAST_YEAR, year));
    }

    private record CaseYears(LocalDate dateOfDeath, String reportingYear) {
        LocalDate firstDayOfReportingYear() {
            return reportingYear == null ? null : LocalDate.of(Integer.parseInt(reportingYear.substring(0, 4)), 4, 1);
        }
    }

    private final class Pending implements TransactionSynchronization {
        private final Set<UUID> cases = new HashSet<>();
        private final Set<LocalDate> days = new HashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            count(earliestOf(cases, days.stream().min(LocalDate::compareTo)));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(YearChanges.this);
        }
    }
}
