package uk.cdr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.casefile.ReportingYear;
import uk.cdr.notification.TestForms;
import uk.cdr.support.FreshDatabaseApp;
import uk.cdr.support.HttpSession;

/**
 * Concurrent users (issue 8, figure 5): -Dbench.users simulated users (default 50) for
 * -Dbench.seconds (default 60), after -Dbench.usersWarmup seconds (default 15) not timed, against
 * the running app over HTTP, each logged in with its own session, each pausing -Dbench.thinkMs (default 1000, ±50%) between requests as a person does:
 * 35% CDOP queue, 30% a case page, 20% annual statistics, 15% a task completed (the Designated
 * Doctor's classification of a notification made before the run, through /engine-rest as Tasklist
 * does). The job executor is on and the connection pool has 20 connections, as in production
 * (application-postgres.yaml). Data: -Dbench.cases deaths a year (default
 * 3,500) over -Dbench.usersYears reporting years (default 3: two closed, one open).
 */
@Tag("bench")
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true",
        "spring.datasource.hikari.maximum-pool-size=20"})
class ConcurrentUsersBenchmark extends FreshDatabaseApp {

    private static final String CLASSIFY = "Task_ConfirmExpectedOrUnexpected";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;

    @Test
    void usersMixingQueueCasePagesStatisticsAndTasks() throws Exception {
        int users = Bench.size("users", 50);
        int seconds = Bench.size("seconds", 60);
        int thinkMs = Bench.size("thinkMs", 1000);
        int warmUpSeconds = Bench.size("usersWarmup", 15);
        int perYear = Bench.size("cases", 3500);
        int years = Math.max(2, Bench.size("usersYears", 3));
        int taskSupply = Bench.size("tasks",
                Math.max(20, users * (warmUpSeconds + seconds) * 1000 / Math.max(thinkMs, 100) * 15 / 100 / 3));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        int openStart = Integer.parseInt(ReportingYear.of(today).substring(0, 4)) - 1;
        String statisticsYear = ReportingYear.of(LocalDate.of(openStart - 1, 4, 1));
        Bench bench = new Bench("concurrent-users", String.format(Locale.ROOT,
                "%d users for %d s after %d s of warm-up, think time %d ms; %d deaths a year over %d reporting years; "
                        + "%d classification tasks ready",
                users, seconds, warmUpSeconds, thinkMs, perYear, years, taskSupply));

        CaseGenerator generator = new CaseGenerator(5L, today, 920_000_000L);
        try (NationalData data = new NationalData(dataSource)) {
            data.writeYears(generator, openStart - years + 1, openStart, perYear);
        }
        List<UUID> caseIds = jdbc.sql("select id from case_file order by random() limit 1000").query(UUID.class).list();
        ConcurrentLinkedQueue<String> taskIds = classificationTasks(taskSupply);

        List<HttpSession> spocs = new ArrayList<>();
        List<HttpSession> doctors = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            spocs.add(loggedIn("spoc"));
            doctors.add(new HttpSession(baseUrl()).withBasicAuth("doctor", "demo"));
        }

        Latencies all = new Latencies();
        Map<String, Latencies> byKind = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        long measuredFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUpSeconds);
        long end = measuredFrom + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            HttpSession spoc = spocs.get(u);
            HttpSession doctor = doctors.get(u);
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    double r = random.nextDouble();
                    String kind;
                    String taskId = null;
                    if (r < 0.35) {
                        kind = "queue";
                    } else if (r < 0.65) {
                        kind = "case page";
                    } else if (r < 0.85) {
                        kind = "statistics";
                    } else {
                        taskId = taskIds.poll();
                        kind = taskId == null ? "queue" : "task completion";
                    }
                    String id = taskId;
                    long t = System.nanoTime();
                    int status;
                    try {
                        HttpSession.Response response = switch (kind) {
                            case "queue" -> spoc.get("/api/cdop/queue");
                            case "case page" -> spoc.get("/cases/" + caseIds.get(random.nextInt(caseIds.size())));
                            case "statistics" -> spoc.get("/api/statistics/" + statisticsYear);
                            default -> doctor.postJson("/engine-rest/task/" + id + "/complete",
                                    "{\"variables\":{\"deathClassification\":{\"value\":\"expected\"}}}");
                        };
                        status = response.status();
                    } catch (RuntimeException e) {
                        status = -1;
                    }
                    long elapsed = System.nanoTime() - t;
                    // The first seconds find every code path cold (class loading, JIT, pools, caches): not timed.
                    if (t >= measuredFrom) {
                        all.add(elapsed);
                        byKind.computeIfAbsent(kind, k -> new Latencies()).add(elapsed);
                    }
                    if (status < 200 || status >= 300) {
                        errors.computeIfAbsent(kind + " " + status, k -> new AtomicLong()).incrementAndGet();
                    }
                    if (thinkMs > 0) {
                        try {
                            Thread.sleep(thinkMs / 2 + random.nextInt(thinkMs + 1));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(warmUpSeconds + seconds + 120L, TimeUnit.SECONDS)).isTrue();
        double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();

        bench.figure("requests per second (" + all.count() + " requests)", all.count() / elapsed, "req/s", null);
        bench.figure("all requests p50", all.percentileMillis(50), "ms", null);
        bench.figure("all requests p99", all.percentileMillis(99), "ms", "< 200 ms");
        bench.figure("errors (warm-up included)", errorCount, "", "0");
        for (String kind : List.of("queue", "case page", "statistics", "task completion")) {
            Latencies latencies = byKind.get(kind);
            if (latencies != null) {
                bench.figure(kind + " p99 (" + latencies.count() + " requests)", latencies.percentileMillis(99), "ms", null);
            }
        }
        if (errorCount > 0) {
            bench.note("Errors by request and status: " + errors);
        }
        bench.write();
    }

    /** Notifications made through the API; the job executor starts their processes, each waiting for the doctor. */
    private ConcurrentLinkedQueue<String> classificationTasks(int count) throws Exception {
        HttpSession spoc = new HttpSession(baseUrl()).withBasicAuth("spoc", "demo");
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        for (int i = 0; i < count; i++) {
            HttpSession.Response saved = spoc.postJson("/api/notifications", json.writeValueAsString(TestForms.aNotification()));
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        List<Task> ready = List.of();
        while (System.nanoTime() < deadline) {
            ready = tasks.createTaskQuery().taskDefinitionKey(CLASSIFY).list();
            if (ready.size() >= count) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(ready).as("classification tasks ready").hasSizeGreaterThanOrEqualTo(count);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ready.forEach(task -> ids.add(task.getId()));
        return ids;
    }
}
