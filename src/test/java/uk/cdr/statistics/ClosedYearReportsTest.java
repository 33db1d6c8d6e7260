package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.bench.CaseGenerator;
import uk.cdr.bench.ImportCsv;
import uk.cdr.caseimport.CaseImport;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.panel.CdopQueue;
import uk.cdr.panel.CdopReviews;
import uk.cdr.support.ProcessTest;

/**
 * A closed year's report is kept (ClosedYearReports) until a change that can alter it: after every
 * change of a random sequence (imports of closed and open cases, a reopening, a death classified,
 * a case sent on without its Form Bs), each kept report equals the figures counted afresh, and a
 * year the change cannot alter keeps the very report it had.
 */
class ClosedYearReportsTest extends ProcessTest {

    /**
     * Deaths are imported into 2017-18 to 2019-20, the reports of 2016-17 to 2020-21 watched. Its
     * cases still open count as open at the end of every later year: no test works out a figure
     * of 2017-18 or later by hand (the statistics dataset's are 2009-12, the sample import's 2012-14).
     */
    private static final int FIRST_DEATHS = 2017;
    private static final int LAST_DEATHS = 2019;

    @Autowired
    Statistics statistics;

    @Autowired
    uk.cdr.area.Areas areas;

    @Autowired
    CaseImport caseImport;

    @Autowired
    CdopReviews reviews;

    @Autowired
    CdopQueue queue;

    @Autowired
    CaseProcess caseProcess;

    @Autowired
    JdbcClient jdbc;

    private final Random random = new Random(15);
    private final CaseGenerator generator = new CaseGenerator(15, LocalDate.of(2026, 11, 30), 515_000_000L);

    /** @param onlyItsYear the change alters the figures of its year only (shown beside in the next) */
    private record Change(String what, int earliestYear, boolean onlyItsYear) {

        Change(String what, int earliestYear) {
            this(what, earliestYear, false);
        }

        boolean leavesAlone(ReportingPeriod year) {
            int first = year.firstDay().getYear();
            return first < earliestYear || onlyItsYear && first > earliestYear + 1;
        }
    }

    @Test
    void keptReportsEqualAFreshCountAfterEveryChange() {
        Map<ReportingPeriod, YearReport> kept = keptReports();
        List<String> done = new ArrayList<>();
        for (int step = 0; step < 20; step++) {
            Change change = switch (step < 2 ? 0 : random.nextInt(5)) {
                case 0, 1 -> importCases();
                case 2 -> reopenAClosedCase();
                case 3 -> classifyADeath();
                default -> sendOnWithoutFormBs();
            };
            if (change == null) {
                continue;
            }
            done.add(change.what());
            Map<ReportingPeriod, YearReport> now = keptReports();
            for (ReportingPeriod year : now.keySet()) {
                assertThat(now.get(year)).as("%s after %s", year.label(), done)
                        .isEqualTo(statistics.recount(year));
                if (change.leavesAlone(year)) {
                    assertThat(now.get(year)).as("%s, not altered by %s", year.label(), change.what())
                            .isSameAs(kept.get(year));
                }
            }
            kept = now;
        }
        assertThat(done).as("changes made").hasSizeGreaterThan(10)
                .anyMatch(d -> d.endsWith("imported")).anyMatch(d -> d.endsWith("reopened"))
                .anyMatch(d -> d.endsWith("classified")).anyMatch(d -> d.endsWith("without its Form Bs"));
        ReportingPeriod last = ReportingPeriod.parse("2019-20");
        // The tests' CDOP has two areas: the public figures of the whole are hidden together with the areas'.
        assertThat(statistics.report(last, Version.PUBLIC)).isEqualTo(AreaSuppression.publish(statistics.recount(last),
                areas.all().stream().map(area -> statistics.recount(last, area)).toList()).get(0));
        assertThat(statistics.report(last, Version.PUBLIC, areas.all().get(1))).isEqualTo(AreaSuppression.publish(
                statistics.recount(last), areas.all().stream().map(area -> statistics.recount(last, area)).toList()).get(2));
        assertThat(statistics.report(last, Version.INTERNAL).table("deaths").orElseThrow().rows())
                .as("the imported deaths are counted").isNotEqualTo(
                        statistics.report(ReportingPeriod.parse("2015-16"), Version.INTERNAL).table("deaths")
                                .orElseThrow().rows());
    }

    @Test
    void aClosedYearIsKeptUntilItChangesAndAYearNotEndedIsCountedEachTime() {
        ReportingPeriod closed = ReportingPeriod.parse("2016-17");
        assertThat(statistics.report(closed, Version.INTERNAL)).isSameAs(statistics.report(closed, Version.INTERNAL));
        ReportingPeriod thisYear = ReportingPeriod.containing(LocalDate.now());
        assertThat(statistics.report(thisYear, Version.INTERNAL))
                .isNotSameAs(statistics.report(thisYear, Version.INTERNAL));
    }

    private Map<ReportingPeriod, YearReport> keptReports() {
        Map<ReportingPeriod, YearReport> reports = new LinkedHashMap<>();
        for (int year = FIRST_DEATHS - 1; year <= LAST_DEATHS + 1; year++) {
            ReportingPeriod period = ReportingPeriod.parse(year + "-" + String.format("%02d", (year + 1) % 100));
            reports.put(period, statistics.report(period, Version.INTERNAL));
        }
        return reports;
    }

    private Change importCases() {
        int year = FIRST_DEATHS + random.nextInt(LAST_DEATHS - FIRST_DEATHS + 1);
        StringBuilder file = new StringBuilder(ImportCsv.HEADER);
        int cases = 1 + random.nextInt(4);
        for (int i = 0; i < cases; i++) {
            file.append(ImportCsv.row(generator.next(year, random.nextInt(10) < 7)));
        }
        servedByTheApp(() -> caseImport.importCases(file.toString().getBytes(StandardCharsets.UTF_8), "spoc"));
        return new Change(cases + " cases of " + year + " imported", year);
    }

    private Change reopenAClosedCase() {
        List<Found> closed = ours("CLOSED");
        if (closed.isEmpty()) {
            return null;
        }
        Found found = closed.get(random.nextInt(closed.size()));
        onOurPagesAs("spoc", () -> reviews.reopen(found.id(), "New information from the coroner.", "spoc"));
        return new Change(found.reference() + " reopened", found.year());
    }

    private Change sendOnWithoutFormBs() {
        List<Found> waiting = ours("CLASSIFIED").stream()
                .filter(c -> caseProcess.waitsFor(c.reference(), CaseProcess.PROCEED_WITHOUT_FORM_BS)).toList();
        if (waiting.isEmpty()) {
            return null;
        }
        Found found = waiting.get(random.nextInt(waiting.size()));
        onOurPagesAs("spoc", () -> queue.proceedWithoutFormBs(found.id(), "The agencies have closed their files.", "spoc"));
        return new Change(found.reference() + " sent on without its Form Bs", found.year());
    }

    /** The Designated Doctor decides a death imported before anyone had: its year's deaths tables change. */
    private Change classifyADeath() {
        List<Task> waiting = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ConfirmExpectedOrUnexpected")
                .list().stream().filter(t -> ours("NOTIFIED").stream().anyMatch(c -> c.reference().equals(
                        engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                                .singleResult().getBusinessKey())))
                .toList();
        if (waiting.isEmpty()) {
            return null;
        }
        Task task = waiting.get(random.nextInt(waiting.size()));
        String reference = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        Found found = ours("NOTIFIED").stream().filter(c -> c.reference().equals(reference)).findFirst().orElseThrow();
        inTasklistAs("doctor", () -> engine.getTaskService().complete(task.getId(),
                Map.of("deathClassification", random.nextBoolean() ? "expected" : "unexpected")));
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
                    .executable().list();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        assertThat(jdbc.sql("select death_classification from case_file where id = ?").param(found.id())
                .query(String.class).single()).as("classified").isIn("expected", "unexpected");
        return new Change(reference + " classified", found.year(), true);
    }

    private record Found(UUID id, String reference, int year) {
    }

    /** This test's cases (deaths in its years) with the status, in reference order. */
    private List<Found> ours(String status) {
        return jdbc.sql("""
                select id, case_reference, date_of_death from case_file
                where status = ? and date_of_death between ? and ? order by case_reference""")
                .params(status, LocalDate.of(FIRST_DEATHS, 4, 1), LocalDate.of(LAST_DEATHS + 1, 3, 31))
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getString(2),
                        ReportingPeriod.containing(rs.getObject(3, LocalDate.class)).firstDay().getYear()))
                .list();
    }
}
