package uk.cdr.statistics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import uk.cdr.reportingyears.YearChanges;

/**
 * The reports of closed reporting years, each kept as worked out until a change that can alter it
 * (YearChanges) is committed. A closed year's figures change only when one of its cases, or of the
 * year before, is reviewed, reopened, imported or otherwise changed; in between, the same eleven
 * statements over two years of cases would give the same answer every time. Each node keeps its
 * own (of the years 1990 to 2100, those YearChanges counts); the generations it checks are in the database, so a change on one node drops the report on
 * all of them.
 */
@Component
class ClosedYearReports {

    private record Kept(long generation, YearReport report) {
    }

    private final YearChanges changes;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ClosedYearReports(YearChanges changes) {
        this.changes = changes;
    }

    /**
     * The year's report as last worked out, if nothing it counts has changed since; otherwise
     * worked out again. The generation is read before the figures: a change committed in between
     * is then in the figures and makes the next call work them out again, never the reverse.
     * One caller per year works a report out; the others wait for it instead of repeating it.
     */
    YearReport report(ReportingPeriod year, Supplier<YearReport> workOut) {
        return report(year, null, workOut);
    }

    /** The same, of one area's cases (null: the whole CDOP): each area's report is kept on its own. */
    YearReport report(ReportingPeriod year, String area, Supplier<YearReport> workOut) {
        int firstYear = year.firstDay().getYear();
        if (firstYear < YearChanges.FIRST_YEAR || firstYear > YearChanges.LAST_YEAR) {
            return workOut.get();
        }
        String key = area == null ? year.label() : year.label() + " " + area;
        synchronized (locks.computeIfAbsent(key, label -> new Object())) {
            long generation = changes.generationOf(firstYear);
            Kept current = kept.get(key);
            if (current == null || current.generation() != generation) {
                current = new Kept(generation, workOut.get());
                kept.put(key, current);
            }
            return current.report();
        }
    }
}
