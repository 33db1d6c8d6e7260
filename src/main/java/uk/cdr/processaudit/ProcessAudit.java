package uk.cdr.processaudit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.processaudit.AuditReport.FormBActions;
import uk.cdr.processaudit.AuditReport.Group;
import uk.cdr.processaudit.AuditReport.Month;
import uk.cdr.processaudit.AuditReport.Reason;
import uk.cdr.processaudit.AuditReport.StandardFigures;
import uk.cdr.processaudit.Measure.Result;

/**
 * The process auditing itself, as the seed's partnership audited its rapid responses by hand: for
 * each standard, over any period, the cases in scope, met and missed, how long they took, and why
 * the missed ones were missed. Every read is audited.
 */
@Service
public class ProcessAudit {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter MONTH_WORDS = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final Milestones milestones;
    private final AuditTargets targets;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    ProcessAudit(Milestones milestones, AuditTargets targets, JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.milestones = milestones;
        this.targets = targets;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public AuditReport report(AuditPeriod period, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<AuditStandard, List<Measure>> byStandard = byStandard(milestones.measure(period, now));
        List<StandardFigures> standards = new ArrayList<>();
        for (AuditStandard standard : AuditStandard.values()) {
            standards.add(figures(standard, byStandard.getOrDefault(standard, List.of()), period));
        }
        auditLog.record(by, AuditAction.PROCESS_AUDIT_VIEWED, null, "process audit of " + period.label());
        return new AuditReport(period.from(), period.to(), period.label(), now.atZoneSameInstant(UK).toLocalDate(),
                standards);
    }

    /** The cases behind one standard's figures, optionally one result only. */
    public List<Measure> cases(AuditStandard standard, AuditPeriod period, Result result, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Measure> cases = milestones.measure(period, now, standard).stream()
                .filter(m -> result == null || m.result() == result).toList();
        auditLog.recordEach(by, AuditAction.PROCESS_AUDIT_VIEWED, cases.stream().map(Measure::caseReference).distinct()
                .toList(), "process audit of " + period.label() + ": " + standard.title()
                + (result == null ? "" : ", " + result.words().toLowerCase(Locale.UK)));
        return cases;
    }

    public AuditTargets.Target target(AuditStandard standard) {
        return targets.of(standard);
    }

    private static Map<AuditStandard, List<Measure>> byStandard(List<Measure> measures) {
        return measures.stream().collect(Collectors.groupingBy(Measure::standard, LinkedHashMap::new, Collectors.toList()));
    }

    private StandardFigures figures(AuditStandard standard, List<Measure> measures, AuditPeriod period) {
        AuditTargets.Target target = targets.of(standard);
        Counted all = Counted.of(measures, standard);
        Map<String, Long> reasons = measures.stream().filter(m -> m.reason() != null)
                .collect(Collectors.groupingBy(Measure::reason, TreeMap::new, Collectors.counting()));
        List<Reason> reasonList = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Reason(e.getKey(), Reasons.words(e.getKey()), e.getValue())).toList();
        Map<String, List<Measure>> grouped = measures.stream().filter(m -> m.group() != null)
                .collect(Collectors.groupingBy(Measure::group, TreeMap::new, Collectors.toList()));
        List<Group> groups = grouped.entrySet().stream().map(e -> {
            Counted c = Counted.of(e.getValue(), standard);
            return new Group(e.getKey(), c.inScope, c.met, c.missed, c.notYetDue, c.noData, c.median, c.worst);
        }).toList();
        return new StandardFigures(standard.id(), standard.title(), target.words(), target.setting(), standard.countedBy(),
                all.inScope, all.met, all.missed, all.notYetDue, all.noData, all.median, all.worst, reasonList, groups,
                months(measures, period), standard == AuditStandard.FORM_B_RETURNED ? formBActions(period) : null);
    }

    /** Each month of the period, by when the standard's clock started, even a month with no case. */
    private static List<Month> months(List<Measure> measures, AuditPeriod period) {
        Map<YearMonth, List<Measure>> byMonth = measures.stream().filter(m -> m.start() != null)
                .collect(Collectors.groupingBy(m -> YearMonth.from(m.start().atZoneSameInstant(UK)), TreeMap::new,
                        Collectors.toList()));
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to()));
                month = month.plusMonths(1)) {
            List<Measure> in = byMonth.getOrDefault(month, List.of());
            long met = in.stream().filter(m -> m.result() == Result.MET).count();
            long missed = in.stream().filter(m -> m.result() == Result.MISSED).count();
            months.add(new Month(month.toString(), month.format(MONTH_WORDS), met, missed,
                    met + missed == 0 ? null : (int) Math.round(100.0 * met / (met + missed))));
        }
        return months;
    }

    private FormBActions formBActions(AuditPeriod period) {
        return jdbc.sql("""
                select count(chased_at), count(extended_at), count(withdrawn_at) from agency_report_request
                where requested_at >= ? and requested_at < ?""" + (period.area() == null ? ""
                        : " and case_id in (select c.id from case_file c where 1 = 1" + period.areaCondition("c") + ")"))
                .params(period.withArea(period.start(), period.endExclusive()))
                .query((rs, row) -> new FormBActions(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** The counts and times of a set of measures. */
    private record Counted(long inScope, long met, long missed, long notYetDue, long noData, String median, String worst) {

        static Counted of(List<Measure> measures, AuditStandard standard) {
            Map<Result, Long> counts = measures.stream().collect(Collectors.groupingBy(Measure::result, Collectors.counting()));
            List<Duration> took = measures.stream().map(Measure::took).filter(d -> d != null)
                    .sorted(Comparator.naturalOrder()).toList();
            Function<Duration, String> words = d -> Durations.inWords(d, standard.unit());
            return new Counted(measures.size(), counts.getOrDefault(Result.MET, 0L), counts.getOrDefault(Result.MISSED, 0L),
                    counts.getOrDefault(Result.NOT_YET_DUE, 0L), counts.getOrDefault(Result.NO_DATA, 0L),
                    took.isEmpty() || standard.unit() == AuditStandard.Unit.NONE ? null : words.apply(Durations.median(took)),
                    took.isEmpty() || standard.unit() == AuditStandard.Unit.NONE ? null : words.apply(took.get(took.size() - 1)));
        }
    }
}
