package uk.cdr.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import uk.cdr.support.SharedPostgres;

/**
 * Start-up (issue 8, figure 4): the app launched as a process of its own, as production runs it
 * (-Xmx512m, classes from target/classes), on H2 (default profile, a fresh working directory so
 * ./data is new) and on PostgreSQL (postgres profile, a fresh database on the embedded server).
 * Each is started twice: on an empty database (schema created, demo users and groups made) and
 * again on the database the first start left. Seconds from launching the JVM to the first 200 of
 * /actuator/health; heap used right then, and after a full GC (the live set), from
 * `jcmd PID GC.heap_info`; resident memory from /proc/PID/status.
 */
@Tag("bench")
class StartupBenchmark {

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    @Test
    void secondsToReadyAndHeapAfterStartUp() throws Exception {
        Bench bench = new Bench("start-up", "one launch per database and state, -Xmx512m, JVM "
                + System.getProperty("java.version"));
        Path h2Directory = Files.createTempDirectory("cdr-bench-h2");
        for (String state : List.of("empty database", "restart")) {
            measure(bench, "H2, " + state, h2Directory, List.of(), Map.of());
        }
        String database = "cdr_bench_startup_" + System.nanoTime();
        try (Connection connection = SharedPostgres.instance().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + database);
        }
        Map<String, String> environment = Map.of("DB_URL", SharedPostgres.instance().getJdbcUrl("postgres", database),
                "DB_USER", "postgres", "DB_PASSWORD", "postgres", "ADMIN_USER", "chief", "ADMIN_PASSWORD",
                "a-long-secret", "MAIL_HOST", "localhost", "MAIL_PORT", "2525", "PUBLIC_BASE_URL",
                "https://cdr.example.org", "LSCB_CHAIR_EMAIL", "chair@lscb.example", "CDOP_CHAIR_EMAIL",
                "chair@cdop.example");
        Path pgDirectory = Files.createTempDirectory("cdr-bench-pg");
        for (String state : List.of("empty database", "restart")) {
            measure(bench, "PostgreSQL, " + state, pgDirectory, List.of("--spring.profiles.active=postgres"), environment);
        }
        bench.note("Heap: `jcmd PID GC.heap_info` as soon as /actuator/health answered, then after `jcmd PID GC.run`. "
                + "RSS: VmRSS of /proc/PID/status (the whole process: heap, metaspace, code cache, threads).");
        bench.write();
    }

    private static void measure(Bench bench, String label, Path workingDirectory, List<String> arguments,
            Map<String, String> environment) throws Exception {
        int port = freePort();
        Path log = Bench.DIRECTORY.resolve("startup-" + label.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=Europe/London", "-cp", classpath(), "uk.cdr.ChildDeathReviewApplication",
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            awaitReady(process, port, log);
            double seconds = (System.nanoTime() - start) / 1e9;
            long pid = process.pid();
            long[] heap = heap(pid);
            jcmd(pid, "GC.run");
            long[] live = heap(pid);
            bench.figure("start-up " + label, seconds, "s", "< 10 s");
            bench.figure("heap used after start-up, " + label, heap[1] / 1024.0, "MiB", null);
            bench.figure("heap live after full GC, " + label, live[1] / 1024.0, "MiB", null);
            bench.figure("resident memory, " + label, rssKb(pid) / 1024.0, "MiB", null);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitReady(Process process, int port, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app died while starting; see " + log);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app was not ready after 5 minutes; see " + log);
    }

    /** @return total and used heap in KiB */
    private static long[] heap(long pid) throws Exception {
        String out = jcmd(pid, "GC.heap_info");
        Matcher matcher = HEAP_USED.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("no heap figures in: " + out);
        }
        return new long[] { Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)) };
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Surefire may start tests from a manifest-only jar; it names the real classpath in its own property. */
    private static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return java.util.Arrays.stream(classpath.split(File.pathSeparator)).distinct()
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
