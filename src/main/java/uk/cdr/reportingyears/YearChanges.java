package uk.cdr.reportingyears;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which reporting years' statistics a change can alter, kept in the database so that a report
 * cached for a closed year (statistics) is dropped by exactly the changes that alter it, on every
 * node. Every date a case's figures are counted by (notification, Form B, rapid response, review,
 * ratification, reopening) falls on or after its death, and a case open at one year end counts at
 * each until it closes, so a change to a case can alter the reports of its year of death and every
 * later one; a change to a CDOP meeting, those from its day on. A few changes alter less: the
 * Designated Doctor's classification is counted only in the year of the death.
 * <p>
 * Each year from 1990 to 2100 has two generations (statistics_generation, V24 and V25): one for the
 * changes that alter it and every later year, one for those that alter its own figures only. A
 * report shows a year with the year before beside it, so it is current while the sum of the first
 * up to its year, and of the second for its year and the year before, is what it was when the
 * report was worked out.
 * <p>
 * Inside a transaction the change is counted just before the commit, in the same transaction as
 * the rows it describes: a reader sees both or neither, and the rows are locked only for the
 * commit, always in the order of their years, so two commits never wait for each other in a
 * circle. Without a transaction (autocommit) it is counted after the write, so a reader can at
 * worst work a report out again, never keep one the change made stale.
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
            pending().ifPresentOrElse(p -> p.cases().addAll(caseIds), () -> count(new Pending(Set.copyOf(caseIds), Set.of(), Set.of())));
        }
    }

    /**
     * Only figures counted in the case's reporting year of death may have changed (its
     * classification, which the deaths tables count).
     */
    public void deathFiguresChanged(UUID caseId) {
        pending().ifPresentOrElse(p -> p.deathYearOnly().add(caseId),
                () -> count(new Pending(Set.of(), Set.of(caseId), Set.of())));
    }

    /** Figures counted on this day may have changed (a CDOP meeting held, moved or removed). */
    public void dayChanged(LocalDate day) {
        pending().ifPresentOrElse(p -> p.days().add(day), () -> count(new Pending(Set.of(), Set.of(), Set.of(day))));
    }

    /**
     * What changes whenever a figure of the reporting year starting on 1 April of firstYear, or of
     * the year before, may have.
     */
    public long generationOf(int firstYear) {
        return jdbc.sql("""
                select coalesce(sum(generation), 0)
                     + coalesce(sum(case when from_year >= ? then this_year_only else 0 end), 0)
                from statistics_generation where from_year <= ?""")
                .params(firstYear - 1, firstYear).query(Long.class).single();
    }

    private Optional<Pending> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending(new HashSet<>(), new HashSet<>(), new HashSet<>());
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new Counting(pending));
        }
        return Optional.of(pending);
    }

    /**
     * Each case's earliest date the statistics could count it by (its death, or its reporting
     * year's start), or only its date of death, by which the deaths tables count it.
     */
    private List<LocalDate> dates(Collection<UUID> caseIds, boolean deathOnly) {
        List<LocalDate> dates = new ArrayList<>();
        for (List<UUID> chunk : chunks(List.copyOf(caseIds))) {
            jdbc.sql("select date_of_death, reporting_year from case_file where id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> new CaseYears(rs.getObject("date_of_death", LocalDate.class),
                            rs.getString("reporting_year")))
                    .list().forEach(row -> dates.add(deathOnly ? row.dateOfDeath() : row.earliest()));
        }
        return dates;
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        int size = 1000;
        return java.util.stream.IntStream.range(0, (ids.size() + size - 1) / size)
                .mapToObj(i -> ids.subList(i * size, Math.min(ids.size(), (i + 1) * size))).toList();
    }

    /**
     * The earliest year a change alters onwards, and the years whose own figures only it alters,
     * counted in the order of the years.
     */
    private void count(Pending changed) {
        Optional<Integer> onwardsFrom = Stream.concat(changed.days().stream(), dates(changed.cases(), false).stream())
                .map(YearChanges::yearOf).min(Integer::compare);
        TreeMap<Integer, String> counts = new TreeMap<>();
        // A year the change counted onwards already covers needs no count of its own.
        dates(changed.deathYearOnly(), true).stream().map(YearChanges::yearOf)
                .filter(year -> onwardsFrom.map(from -> year < from).orElse(true))
                .forEach(year -> counts.put(year, "this_year_only"));
        onwardsFrom.ifPresent(year -> counts.put(year, "generation"));
        counts.forEach((year, column) -> jdbc.sql("update statistics_generation set " + column + " = " + column
                + " + 1 where from_year = ?").param(year).update());
    }

    /** The first calendar year of the reporting year holding the day, within 1990 to 2100. */
    static int yearOf(LocalDate day) {
        int year = day.getMonthValue() < 4 ? day.getYear() - 1 : day.getYear();
        return Math.max(FIRST_YEAR, Math.min(LAST_YEAR, year));
    }

    private record CaseYears(LocalDate dateOfDeath, String reportingYear) {
        LocalDate earliest() {
            LocalDate yearStart = LocalDate.of(Integer.parseInt(reportingYear.substring(0, 4)), 4, 1);
            return yearStart.isBefore(dateOfDeath) ? yearStart : dateOfDeath;
        }
    }

    /** The changes of one transaction, counted when it commits. */
    private record Pending(Set<UUID> cases, Set<UUID> deathYearOnly, Set<LocalDate> days) {
    }

    private final class Counting implements TransactionSynchronization {
        private final Pending pending;

        Counting(Pending pending) {
            this.pending = pending;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            count(pending);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(YearChanges.this);
        }
    }
}
