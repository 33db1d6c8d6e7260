package uk.cdr.processaudit;

import java.time.LocalDate;
import java.util.List;

/** The process audit of a period: each standard's figures, its barriers and its months. */
public record AuditReport(LocalDate from, LocalDate to, String period, LocalDate asOf, List<StandardFigures> standards) {

    /**
     * One standard: the cases in scope (for Form B, the requests), how many met it, missed it, were
     * not yet due or had no data; the median and worst times of those done; the reasons of those
     * missed; and month by month.
     */
    public record StandardFigures(String id, String title, String target, String targetSetting, String countedBy,
            long inScope, long met, long missed, long notYetDue, long noData, String median, String worst,
            List<Reason> reasons, List<Group> groups, List<Month> months, FormBActions formBActions) {
    }

    public record Reason(String code, String words, long cases) {
    }

    /** A breakdown: in and out of hours, or by type of agency. */
    public record Group(String name, long inScope, long met, long missed, long notYetDue, long noData, String median,
            String worst) {
    }

    /** By the month the standard's clock started: met and missed, and the share met of those decided. */
    public record Month(String month, String monthInWords, long met, long missed, Integer percentMet) {
    }

    /** Form B only: what the SPOC did about late requests. */
    public record FormBActions(long chased, long extended, long withdrawn) {
    }
}
