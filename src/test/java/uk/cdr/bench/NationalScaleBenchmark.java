package uk.cdr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.casefile.ReportingYear;
import uk.cdr.panel.CdopQueue;
import uk.cdr.statistics.Statistics;
import uk.cdr.statistics.Version;
import uk.cdr.support.FreshDatabaseApp;
import uk.cdr.support.HttpSession;

/**
 * National scale (issue 8, figure 2): ten reporting years of closed cases at England's rate
 * (-Dbench.cases deaths a year, default 3,500; -Dbench.years, default 10) and one year of open
 * ones, written with JDBC into a fresh database; then the annual statistics API and the CDOP
 * queue API over HTTP (-Dbench.calls each, default 200), and the single biggest SQL aggregate
 * behind the statistics run directly.
 */
@Tag("bench")
class NationalScaleBenchmark extends FreshDatabaseApp {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Statistics statistics;

    @Autowired
    CdopQueue queue;

    @Test
    void statisticsAndQueueOverTenYears() throws Exception {
        int perYear = Bench.size("cases", 3500);
        int years = Bench.size("years", 10);
        int calls = Bench.size("calls", 200);
        int warmUp = Bench.size("warmup", 20);
        LocalDate today = LocalDate.now(UK);
        int currentStart = Integer.parseInt(ReportingYear.of(today).substring(0, 4));
        int openStart = currentStart - 1;
        int firstClosed = openStart - years;
        String statisticsYear = ReportingYear.of(LocalDate.of(openStart - 1, 4, 1));

        Bench bench = new Bench("national-scale", String.format(Locale.ROOT,
                "%d deaths a year, %d closed years (%d-%02d to %d-%02d), one open year (%d-%02d), %d calls each after %d warm-up",
                perYear, years, firstClosed, (firstClosed + 1) % 100, openStart - 1, openStart % 100, openStart,
                (openStart + 1) % 100, calls, warmUp));

        long start = System.nanoTime();
        CaseGenerator generator = new CaseGenerator(20261125L, today, 900_000_000L);
        try (NationalData data = new NationalData(dataSource)) {
            long cases = data.writeYears(generator, firstClosed, openStart, perYear);
            double seconds = (System.nanoTime() - start) / 1e9;
            bench.figure("data set generated (" + cases + " cases, " + data.rows + " rows)", seconds, "s", null);
        }
        proportions(bench, firstClosed, openStart);

        HttpSession spoc = loggedIn("spoc");
        Latencies statistics = measure(spoc, "/api/statistics/" + statisticsYear, warmUp, calls);
        bench.figure("statistics " + statisticsYear + " p50", statistics.percentileMillis(50), "ms", null);
        bench.figure("statistics " + statisticsYear + " p95", statistics.percentileMillis(95), "ms", "< 20 ms");
        bench.figure("statistics " + statisticsYear + " p99", statistics.percentileMillis(99), "ms", null);
        Latencies afresh = afterEachAChange(spoc, statisticsYear, calls / 10);
        bench.figure("statistics " + statisticsYear + " worked out again after a change of its cases, p50",
                afresh.percentileMillis(50), "ms", null);
        bench.figure("statistics " + statisticsYear + " worked out again after a change of its cases, p95",
                afresh.percentileMillis(95), "ms", null);

        List<UUID> caseIds = jdbc.sql("select id from case_file order by id limit ?").param(warmUp + calls)
                .query(UUID.class).list();
        Latencies casePages = new Latencies();
        for (int i = 0; i < caseIds.size(); i++) {
            String path = "/cases/" + caseIds.get(i);
            HttpSession.Response response = i < warmUp ? spoc.get(path) : Latencies.time(casePages, () -> spoc.get(path));
            assertThat(response.status()).as(path).isEqualTo(200);
        }
        bench.figure("case page (a different case each call) p50", casePages.percentileMillis(50), "ms", null);
        bench.figure("case page p95", casePages.percentileMillis(95), "ms", "< 50 ms");
        bench.figure("case page p99", casePages.percentileMillis(99), "ms", null);

        Latencies queue = measure(spoc, "/api/cdop/queue", warmUp, calls);
        bench.figure("queue first page of 50 (" + openCases() + " open cases) p50", queue.percentileMillis(50), "ms", null);
        bench.figure("queue first page p95", queue.percentileMillis(95), "ms", "< 30 ms");
        bench.figure("queue first page p99", queue.percentileMillis(99), "ms", null);
        Latencies lastPage = measure(spoc, "/api/cdop/queue?page=" + (openCases() + 49) / 50, warmUp, calls);
        bench.figure("queue last page p95", lastPage.percentileMillis(95), "ms", null);
        // Issue 16: the process audit of a whole year is worked out on each call, from the cases' records.
        Latencies audit = measure(spoc, "/api/process-audit?year=" + statisticsYear, 2, Math.max(5, calls / 10));
        bench.figure("process audit of " + statisticsYear + " (every standard) p50", audit.percentileMillis(50), "ms", null);
        bench.figure("process audit p95", audit.percentileMillis(95), "ms", null);

        serviceCalls(bench, statisticsYear, warmUp, calls);
        sqlAggregates(bench, statisticsYear, warmUp, calls);
        bench.write();
    }

    /** The same work without HTTP, security and JSON: the services the controllers call, in this JVM. */
    private void serviceCalls(Bench bench, String year, int warmUp, int calls) {
        uk.cdr.statistics.ReportingPeriod period = uk.cdr.statistics.ReportingPeriod.parse(year);
        Latencies report = new Latencies();
        Latencies queued = new Latencies();
        for (int i = 0; i < warmUp + calls; i++) {
            long t = System.nanoTime();
            statistics.report(period, Version.INTERNAL);
            if (i >= warmUp) {
                report.add(System.nanoTime() - t);
            }
            t = System.nanoTime();
            queue.page(new CdopQueue.Filter(null, null, "age"), 1, CdopQueue.PAGE_SIZE);
            if (i >= warmUp) {
                queued.add(System.nanoTime() - t);
            }
        }
        bench.figure("statistics service call (no HTTP) p50", report.percentileMillis(50), "ms", null);
        bench.figure("statistics service call (no HTTP) p95", report.percentileMillis(95), "ms", null);
        bench.figure("queue first page service call (no HTTP) p50", queued.percentileMillis(50), "ms", null);
        bench.figure("queue first page service call (no HTTP) p95", queued.percentileMillis(95), "ms", null);
    }

    /**
     * What a call costs when the year's kept report has just been dropped: each call follows a
     * change counted against the year (as a review of one of its cases would be).
     */
    private Latencies afterEachAChange(HttpSession session, String year, int calls) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < calls; i++) {
            jdbc.sql("update statistics_generation set generation = generation + 1 where from_year = ?")
                    .param(Integer.parseInt(year.substring(0, 4))).update();
            HttpSession.Response response = Latencies.time(latencies, () -> session.get("/api/statistics/" + year));
            assertThat(response.status()).isEqualTo(200);
        }
        return latencies;
    }

    private static Latencies measure(HttpSession session, String path, int warmUp, int calls) {
        for (int i = 0; i < warmUp; i++) {
            assertThat(session.get(path).status()).as(path).isEqualTo(200);
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < calls; i++) {
            HttpSession.Response response = Latencies.time(latencies, () -> session.get(path));
            assertThat(response.status()).as(path).isEqualTo(200);
        }
        return latencies;
    }

    /**
     * The statistics are 11 SQL statements (each counting the year and the year before); the
     * biggest is the count of cases open at year end, which looks at every case not closed before
     * the earlier year end (with its reviews and reopenings) rather than one year's. Its SQL as
     * ReviewFigures runs it (for one year end), timed directly; beside it one year's deaths by age
     * band, the typical one-year aggregate.
     */
    private void sqlAggregates(Bench bench, String year, int warmUp, int calls) throws Exception {
        uk.cdr.statistics.ReportingPeriod period = uk.cdr.statistics.ReportingPeriod.parse(year);
        String openAtYearEnd = """
                with candidate as (
                    select c.id, c.date_of_death, c.closed_at from case_file c
                    where c.date_of_death <= ?
                      and (c.closed_at is null or c.closed_at >= ? or c.id in (select e.case_id from case_reopening e)))
                select coalesce(sum(case when t.closure is null or t.reopened > t.closure then 1 else 0 end), 0)
                from (select case when k.closed_at < ? and (r.ratified is null or k.closed_at > r.ratified)
                                  then k.closed_at else r.ratified end as closure,
                             o.reopened
                      from candidate k
                      left join (select v.case_id, max(case when v.ratified_at < ? then v.ratified_at end) as ratified
                                 from cdop_review v join candidate w on w.id = v.case_id
                                 where v.ratified_at is not null group by v.case_id) r on r.case_id = k.id
                      left join (select e.case_id, max(case when e.reopened_at < ? then e.reopened_at end) as reopened
                                 from case_reopening e group by e.case_id) o on o.case_id = k.id) t""";

        String byAge = """
                select k, count(*) from (select case when c.age_at_death_days < 28 then 'neonatal'
                    when c.age_at_death_days < 365 then 'infant' else 'child' end as k
                    from case_file c where c.date_of_death >= ? and c.date_of_death <= ?) a group by k""";
        try (Connection connection = dataSource.getConnection()) {
            Latencies open = new Latencies();
            Latencies age = new Latencies();
            for (int i = 0; i < warmUp + calls; i++) {
                try (PreparedStatement s = connection.prepareStatement(openAtYearEnd)) {
                    s.setObject(1, period.lastDay());
                    for (int p = 2; p <= 5; p++) {
                        s.setObject(p, period.end());
                    }
                    long t = System.nanoTime();
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                    }
                    if (i >= warmUp) {
                        open.add(System.nanoTime() - t);
                    }
                }
                try (PreparedStatement s = connection.prepareStatement(byAge)) {
                    s.setObject(1, period.firstDay());
                    s.setObject(2, period.lastDay());
                    long t = System.nanoTime();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(2);
                        }
                    }
                    if (i >= warmUp) {
                        age.add(System.nanoTime() - t);
                    }
                }
            }
            bench.figure("SQL open-at-year-end count (all cases) p50", open.percentileMillis(50), "ms", null);
            bench.figure("SQL open-at-year-end count (all cases) p95", open.percentileMillis(95), "ms", null);
            bench.figure("SQL deaths by age band (one year) p50", age.percentileMillis(50), "ms", null);
        }
    }

    private long openCases() throws Exception {
        return single("select count(*) from case_file where status <> 'CLOSED'");
    }

    /** The proportions the data set came out with, so a reader can check it is national-like. */
    private void proportions(Bench bench, int firstClosed, int openStart) throws Exception {
        double all = single("select count(*) from case_file");
        double closed = single("select count(*) from case_file where status = 'CLOSED'");
        bench.note(String.format(Locale.ROOT, "Data set: %.0f cases (%.0f closed); neonatal %.1f%%, under one year %.1f%%, "
                + "unexpected %.1f%%, modifiable factors %.1f%% of reviews; %d CDOP meetings, %d Form B requests.",
                all, closed, 100 * single("select count(*) from case_file where neonatal") / all,
                100 * single("select count(*) from case_file where age_at_death_days < 365") / all,
                100 * single("select count(*) from case_file where death_classification = 'unexpected'") / all,
                100 * single("select count(*) from form_c where modifiable = 'yes'") / Math.max(1, closed),
                single("select count(*) from panel_meeting"), single("select count(*) from agency_report_request")));
    }

    private long single(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
