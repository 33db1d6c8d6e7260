package uk.cdr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.agencyreport.FormBFixtures;
import uk.cdr.agencyreport.FormBReturns;
import uk.cdr.agencyreport.FormBStatus;
import uk.cdr.casediscussion.PostMortems;
import uk.cdr.notification.FormA;
import uk.cdr.notification.FormAExamples;
import uk.cdr.notification.Notifications;
import uk.cdr.panel.CdopReviews;
import uk.cdr.panel.FormC;
import uk.cdr.panel.PanelMeetings;
import uk.cdr.rapidresponse.RapidResponseAnswers;
import uk.cdr.support.FreshDatabaseApp;
import uk.cdr.support.SharedMailServer;

/**
 * Lifecycle throughput against the bare engine (issue 8, figure 1). -Dbench.lifecycleCases cases
 * (default 1,000) go through the whole chain with the job executor on, driven by
 * -Dbench.lifecycleThreads driver threads (default 8, one case at a time each) calling the services
 * the API and Tasklist call, as the user each step belongs to: Form A (4 agencies named), the
 * doctor's classification (70% unexpected), acknowledgement, bereavement support, 4 Form B requests
 * each returned through its emailed link; for an unexpected death the rapid response with a meeting,
 * the post-mortem's final results, a convened final case discussion; then a CDOP meeting (one per 10
 * cases), Form C, the panel's review and the chair's ratification, ending closed. Each wait for an
 * async step polls the engine or the inbox every -Dbench.lifecyclePollMs (default 20). Then, in the
 * same run, the same number of instances of src/test/resources/bench/bare-lifecycle.bpmn (the same
 * count of user tasks and async steps, no-op steps) with the same driver threads. -Dbench.lifecycleWarmup cases of each (default 20) go first, untimed.
 * The engine clock is set to 10 March 2015 09:30 (the fixtures' death on 9 March) and runs on from there.
 */
@Tag("bench")
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
class LifecycleThroughputBenchmark extends FreshDatabaseApp {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final LocalDateTime START_OF_RUN = LocalDateTime.of(2015, 3, 10, 9, 30);
    private static final long POLL_MILLIS = Bench.size("lifecyclePollMs", 20);
    private static final long STEP_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);
    private static final int CASES_PER_MEETING = 10;
    private static final String[] OUR_PROCESSES = {"childDeathReview", "childDeathNotification", "agencyReportRequest", "rapidResponse",
            "finalCaseDiscussion", "cdopReview", "cdopPanelMeeting"};

    @Autowired
    Notifications notifications;
    @Autowired
    AgencyReports agencyReports;
    @Autowired
    FormBReturns formBReturns;
    @Autowired
    PostMortems postMortems;
    @Autowired
    PanelMeetings panelMeetings;
    @Autowired
    CdopReviews cdopReviews;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repository;
    @Value("${camunda.bpm.history-level:full}")
    String historyLevel;
    @Autowired
    CamundaBpmProperties camunda;

    private final Map<String, LongAdder> stageNanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> stageCounts = new ConcurrentHashMap<>();
    private final LongAdder conflictsRetried = new LongAdder();
    private final LongAdder waitingNanos = new LongAdder();
    private final Map<Integer, UUID> meetings = new ConcurrentHashMap<>();
    private final List<UUID> closedCases = java.util.Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void casesThroughTheWholeChainAgainstTheBareEngine() throws Exception {
        int cases = Bench.size("lifecycleCases", 1000);
        int threads = Bench.size("lifecycleThreads", 8);
        int warmup = Bench.size("lifecycleWarmup", 20);
        JobExecutionProperty jobExecution = camunda.getJobExecution();
        Bench bench = new Bench("lifecycle-throughput", String.format(Locale.ROOT,
                "%d cases (70%% unexpected) and %d bare instances, %d driver threads, %d of each untimed first; history level %s; "
                        + "job executor pool %s-%s threads, queue %s, %s jobs per acquisition",
                cases, cases, threads, warmup, historyLevel, jobExecution.getCorePoolSize(), jobExecution.getMaxPoolSize(),
                jobExecution.getQueueCapacity(), jobExecution.getMaxJobsPerAcquisition()));
        ClockUtil.offset(START_OF_RUN.atZone(UK).toInstant().toEpochMilli() - System.currentTimeMillis());
        repository.createDeployment().name("bench").addClasspathResource("bench/bare-lifecycle.bpmn").deploy();

        run(warmup, threads, i -> ourCase(1_000_000 + i));
        run(warmup, threads, i -> bareCase(1_000_000 + i));
        stageNanos.clear();
        stageCounts.clear();
        closedCases.clear();
        conflictsRetried.reset();
        waitingNanos.reset();

        int emailsBefore = SharedMailServer.instance().getReceivedMessages().length;
        Usage usageBefore = usage();
        long jobsBefore = history.createHistoricJobLogQuery().successLog().count();
        long failuresBefore = history.createHistoricJobLogQuery().failureLog().count();
        double ourSeconds = run(cases, threads, this::ourCase);
        awaitNoneRunning(OUR_PROCESSES);
        Usage ourUsage = usage().minus(usageBefore);
        double ourWaiting = waitingNanos.sum() / 1e9 / cases;
        int emails = SharedMailServer.instance().getReceivedMessages().length - emailsBefore;
        long ourJobs = history.createHistoricJobLogQuery().successLog().count() - jobsBefore;
        long ourFailures = history.createHistoricJobLogQuery().failureLog().count() - failuresBefore;
        long ourConflicts = conflictsRetried.sum();
        Map<String, Double> stageMeans = new java.util.TreeMap<>();
        stageNanos.forEach((stage, nanos) -> stageMeans.put(stage, nanos.sum() / 1e6 / stageCounts.get(stage).sum()));

        assertThat(closedCases).as("cases driven to the end").hasSize(cases);
        for (UUID caseId : closedCases) {
            assertThat(cdopReviews.outline(caseId).status()).as("case " + caseId).isEqualTo("CLOSED");
        }
        int unexpected = (int) java.util.stream.IntStream.range(0, cases).filter(LifecycleThroughputBenchmark::unexpected).count();
        int meetingsSet = (cases + CASES_PER_MEETING - 1) / CASES_PER_MEETING;
        // Doctor's alert, 4 Form B links, the SPOC told of the closed case; unexpected: rapid response and discussion invitations.
        assertThat(emails).as("emails received").isGreaterThanOrEqualTo(cases * 6 + unexpected * 2);

        conflictsRetried.reset();
        waitingNanos.reset();
        usageBefore = usage();
        jobsBefore = history.createHistoricJobLogQuery().successLog().count();
        failuresBefore = history.createHistoricJobLogQuery().failureLog().count();
        double bareSeconds = run(cases, threads, this::bareCase);
        awaitNoneRunning("bareLifecycle");
        Usage bareUsage = usage().minus(usageBefore);
        double bareWaiting = waitingNanos.sum() / 1e9 / cases;
        long bareJobs = history.createHistoricJobLogQuery().successLog().count() - jobsBefore;
        long bareFailures = history.createHistoricJobLogQuery().failureLog().count() - failuresBefore;
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("bareLifecycle").finished().count())
                .isEqualTo(cases + (long) warmup);

        double ours = cases / ourSeconds;
        double bare = cases / bareSeconds;
        bench.figure("lifecycle: our cases per second (" + cases + " cases, " + String.format(Locale.ROOT, "%.1f", ourSeconds) + " s)",
                ours, "cases/s", null);
        bench.figure("lifecycle: bare-engine cases per second (" + cases + " instances, "
                + String.format(Locale.ROOT, "%.1f", bareSeconds) + " s)", bare, "cases/s", null);
        bench.figure("lifecycle: ratio ours / bare", 100 * ours / bare, "%", ">= 60 %");
        bench.figure("lifecycle: ours, jobs executed per case (job log: history level full only)", (double) ourJobs / cases, "jobs", null);
        bench.figure("lifecycle: bare, jobs executed per case (job log: history level full only)", (double) bareJobs / cases, "jobs", null);
        bench.figure("lifecycle: ours, failed job runs (retried)", ourFailures, "", null);
        bench.figure("lifecycle: bare, failed job runs (retried)", bareFailures, "", null);
        bench.figure("lifecycle: ours, task completions retried after a conflict", ourConflicts, "", null);
        bench.figure("lifecycle: bare, task completions retried after a conflict", conflictsRetried.sum(), "", null);
        bench.figure("lifecycle: emails received (" + unexpected + " unexpected deaths, " + meetingsSet + " CDOP meetings)",
                emails, "", null);
        bench.figure("lifecycle: ours, JVM CPU per case", ourUsage.cpuNanos() / 1e6 / cases, "ms", null);
        bench.figure("lifecycle: bare, JVM CPU per case", bareUsage.cpuNanos() / 1e6 / cases, "ms", null);
        bench.figure("lifecycle: ours, database transactions per case", (double) ourUsage.transactions() / cases, "", null);
        bench.figure("lifecycle: bare, database transactions per case", (double) bareUsage.transactions() / cases, "", null);
        bench.figure("lifecycle: ours, rows inserted / updated / deleted per case", (double) ourUsage.rowsWritten() / cases, "", null);
        bench.figure("lifecycle: bare, rows inserted / updated / deleted per case", (double) bareUsage.rowsWritten() / cases, "", null);
        bench.figure("lifecycle: ours, statements per case", (double) ourUsage.statements() / cases, "", null);
        bench.figure("lifecycle: bare, statements per case", (double) bareUsage.statements() / cases, "", null);
        bench.figure("lifecycle: ours, rows read per case", (double) ourUsage.rowsRead() / cases, "", null);
        bench.figure("lifecycle: bare, rows read per case", (double) bareUsage.rowsRead() / cases, "", null);
        bench.figure("lifecycle: ours, driver time waiting for async steps per case", ourWaiting * 1000, "ms", null);
        bench.figure("lifecycle: bare, driver time waiting for async steps per case", bareWaiting * 1000, "ms", null);
        stageMeans.forEach((stage, millis) -> bench.figure("lifecycle: mean time per case, " + stage, millis, "ms", null));
        bench.note("Tables read by sequential scan, most rows first (the whole run, both halves and the warm-up): "
                + jdbc.sql("""
                        select relname || ' ' || seq_scan || ' scans, ' || seq_tup_read || ' rows' from pg_stat_user_tables
                        where seq_tup_read > 0 order by seq_tup_read desc limit 8""").query(String.class).list());
        bench.note("Ours: every case checked CLOSED at the end and no process of it left running (the case's own "
                + "childDeathReview process, with its review-target timers, ends with the closure). The bare process counts what "
                + "one case goes through in all its processes: 16 user tasks and 17 async jobs unexpected, 10 and 12 "
                + "expected (a Form B return and the post-mortem results are messages in ours, user tasks there); "
                + "none of our timers, variables, listeners, forms, emails or app tables. Each driver thread "
                + "drives one case at a time and polls every " + POLL_MILLIS + " ms for the next step.");
        bench.write();
    }

    // ---- the driver ----

    /** Runs count cases on a pool of threads; the wall-clock seconds from the first case's start to the last's end. */
    private double run(int count, int threads, IntConsumer oneCase) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> drivers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            drivers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    oneCase.accept(i);
                }
            }));
        }
        pool.shutdown();
        for (Future<?> driver : drivers) {
            driver.get(); // a failed case fails the benchmark
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static boolean unexpected(int i) {
        return i % 10 < 7;
    }

    /** One case from Form A to the chair's ratification, each step as its user. */
    private void ourCase(int i) {
        boolean unexpected = unexpected(i);
        List<FormA.Agency> agencies = new ArrayList<>();
        for (String agency : List.of("GP", "Police", "Health visiting", "School")) {
            agencies.add(new FormA.Agency(agency, "Contact " + i, agency.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + i + "-"
                    + UUID.randomUUID().toString().substring(0, 8) + "@agency.example"));
        }
        long t = System.nanoTime();
        Notifications.Recorded recorded = as("spoc", "spoc", () -> notifications.record(FormAExamples.withAgencies(agencies), "spoc"));
        String reference = recorded.caseReference();
        UUID caseId = recorded.caseId();
        complete("doctor", "designated-doctor", reference, "Task_ConfirmExpectedOrUnexpected",
                Map.of("deathClassification", unexpected ? "unexpected" : "expected"));
        complete("spoc", "spoc", reference, "Task_AcknowledgeNotification", Map.of("acknowledged", true));
        complete("nurse", "cdr-nurse", reference, "Task_BereavementSupport", Map.of("bereavementSupport", "accepted", "familiesLeaflet", "yes"));
        t = stage("1 notification: Form A and its three tasks", t);

        as("spoc", "spoc", () -> agencyReports.request(caseId, agencyReports.suggestedAgencies(caseId), "spoc"));
        for (FormBStatus request : agencyReports.forCase(caseId)) {
            String token = await(reference + " Form B link", () -> formBToken(request.contactEmail()));
            // The email leaves before the job that sends it commits: the agency's return waits for the commit.
            await(reference + " Form B request waiting", () -> runtime.createExecutionQuery()
                    .processInstanceBusinessKey(request.requestId().toString()).activityId("Timer_FormBOverdue").count() > 0);
            // An agency told its return met a change to the same process (a 409) sends it again.
            retryingConflicts(() -> formBReturns.submit(token, FormBFixtures.validAnswers()));
        }
        t = stage("2 four Form Bs requested, sent and returned", t);

        if (unexpected) {
            complete("doctor", "designated-doctor", reference, "Task_InitialInformationSharing", RapidResponseAnswers.initialSharing("yes"));
            complete("doctor", "designated-doctor", reference, "Task_ScheduleMeeting",
                    RapidResponseAnswers.meeting("2015-03-10", "23:00", "rr-" + i + "@police.example"));
            complete("doctor", "designated-doctor", reference, "Task_RecordMeetingOutcome", RapidResponseAnswers.outcome("no"));
            t = stage("3 rapid response with a meeting (unexpected)", t);

            task(reference, "Task_AwaitPostMortemResults");
            as("spoc", "spoc", () -> postMortems.record(caseId, new PostMortems.Milestone("final-results", LocalDate.of(2015, 3, 10)), "spoc"));
            complete("doctor", "designated-doctor", reference, "Task_PlanFinalCaseDiscussion", Map.of("convene", "yes",
                    "meetingDate", "2015-03-10", "meetingTime", "23:30", "meetingPlace", "Board room",
                    "invitees", "fcd-" + i + "@nhs.example"));
            complete("doctor", "designated-doctor", reference, "Task_RecordFinalCaseDiscussion", Map.of(
                    "attendees", "Health: Dr Okafor\nPolice: DC Jones", "domainChild", "1", "domainFamily", "2",
                    "domainParenting", "1", "domainServices", "0", "proposedCategory", "10", "proposedModifiable", "no"));
            awaitEnded(reference, "finalCaseDiscussion");
            t = stage("4 post-mortem results and final case discussion (unexpected)", t);
        }

        awaitEnded(reference, "childDeathNotification");
        await(reference + " ready for the CDOP", () -> runtime.createExecutionQuery().processInstanceBusinessKey(reference)
                .activityId("Receive_AssignedToMeeting").count() > 0 ? true : null);
        UUID meetingId = meetings.computeIfAbsent(i / CASES_PER_MEETING, m -> as("spoc", "spoc",
                () -> panelMeetings.create(LocalDate.of(2015, 3, 10), "ROUTINE", "Civic Centre", "spoc", true).id()));
        as("spoc", "spoc", () -> {
            // The SPOC's assignment tells the case's process, which a job may be moving at that moment.
            retryingConflicts(() -> panelMeetings.assign(meetingId, caseId, "spoc"));
            return null;
        });
        as("panel", "cdop-panel", () -> cdopReviews.saveFormC(caseId, 0, new FormC("1", "2", "1", "0", 10, "no",
                "Out-of-hours advice line was not known to the family.", false,
                List.of(new FormC.Recommendation("CCG", "Publicise the advice line"))), "panel"));
        complete("panel", "cdop-panel", reference, "Task_ReviewCase", Map.of("outcome", "reviewed"));
        complete("chair", "cdop-chair", reference, "Task_RatifyReview", Map.of("ratified", true));
        awaitEnded(reference, "cdopReview");
        stage("5 CDOP: meeting, Form C, review, ratification, SPOC told", t);
        closedCases.add(caseId);
    }

    /** One bare instance: every task completed as it comes, until the process ends. */
    private void bareCase(int i) {
        String id = runtime.startProcessInstanceByKey("bareLifecycle", "bare-" + i, Map.of("unexpected", unexpected(i))).getId();
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MILLIS;
        while (true) {
            List<Task> open = tasks.createTaskQuery().processInstanceId(id).list();
            if (open.isEmpty()) {
                if (runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0) {
                    return;
                }
                pause(deadline, "bare-" + i);
            }
            for (Task task : open) {
                retryingConflicts(() -> tasks.complete(task.getId()));
            }
        }
    }

    private long stage(String name, long since) {
        long now = System.nanoTime();
        stageNanos.computeIfAbsent(name, s -> new LongAdder()).add(now - since);
        stageCounts.computeIfAbsent(name, s -> new LongAdder()).increment();
        return now;
    }

    /** Completes the case's task when it is there, as Tasklist does for this user, with the form's answers. */
    private void complete(String user, String group, String reference, String taskKey, Map<String, Object> answers) {
        String taskId = task(reference, taskKey).getId();
        identity.setAuthentication(user, List.of(group));
        try {
            retryingConflicts(() -> tasks.complete(taskId, new HashMap<>(answers)));
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task task(String reference, String taskKey) {
        return await(reference + " " + taskKey, () -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).singleResult());
    }

    /** A person whose completion or return meets the engine's concurrent job on the same process tries again. */
    private void retryingConflicts(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == 10) {
                    throw e;
                }
                conflictsRetried.increment();
            }
        }
    }

    /** What the user does on our pages or /api: the app has checked the role and acts for itself. */
    private <T> T as(String user, String group, java.util.function.Supplier<T> work) {
        identity.setAuthentication(user, List.of(group));
        try {
            return uk.cdr.config.AppRequests.serve(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void awaitEnded(String reference, String processKey) {
        await(reference + " " + processKey + " ended", () -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey(processKey).count() == 0 ? true : null);
    }

    private void awaitNoneRunning(String... processKeys) {
        await("no " + String.join(", ", processKeys) + " running",
                () -> runtime.createProcessInstanceQuery().processDefinitionKeyIn(processKeys).count() == 0 ? true : null);
    }

    /** Polls until the value is there (not null, not false). */
    private <T> T await(String what, java.util.function.Supplier<T> value) {
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MILLIS;
        while (true) {
            T found = value.get();
            if (found != null && !Boolean.FALSE.equals(found)) {
                return found;
            }
            pause(deadline, what);
        }
    }

    private void pause(long deadline, String what) {
        long start = System.nanoTime();
        try {
            sleepUntilNextPoll(deadline, what);
        } finally {
            waitingNanos.add(System.nanoTime() - start);
        }
    }

    private static void sleepUntilNextPoll(long deadline, String what) {
        if (System.currentTimeMillis() > deadline) {
            throw new AssertionError("waited " + STEP_TIMEOUT_MILLIS / 1000 + " s for " + what);
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Form B link token in the email to this agency address (each case's agencies have addresses of their own), or null. */
    private static String formBToken(String address) {
        return SharedMailServer.instance().findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), message -> true)
                .map(message -> {
                    try {
                        java.util.regex.Matcher link = FORM_B_LINK.matcher((String) message.getContent());
                        return link.find() ? link.group(1) : null;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** CPU time of this JVM (app, engine, job executor, drivers) and the database's own counters of its work. */
    private record Usage(long cpuNanos, long transactions, long statements, long rowsWritten, long rowsRead) {
        Usage minus(Usage before) {
            return new Usage(cpuNanos - before.cpuNanos, transactions - before.transactions,
                    statements - before.statements, rowsWritten - before.rowsWritten,
                    rowsRead - before.rowsRead);
        }
    }

    /** PostgreSQL publishes a backend's counters when it has been idle a while (at most 10 s): wait for them first. */
    private Usage usage() throws InterruptedException {
        Thread.sleep(11_000);
        long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        // Statements from pg_stat_statements, which -Pbench loads.
        jdbc.sql("create extension if not exists pg_stat_statements").update();
        return jdbc.sql("""
                select xact_commit + xact_rollback,
                       (select coalesce(sum(calls), 0) from pg_stat_statements s where s.dbid = d.datid),
                       tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched
                from pg_stat_database d where datname = current_database()""")
                .query((rs, row) -> new Usage(cpu, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    private static final java.util.regex.Pattern FORM_B_LINK = java.util.regex.Pattern.compile("/form-b/([A-Za-z0-9_-]{43})");
}
