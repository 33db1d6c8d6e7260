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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
        for (String engine : List.of("H2", "PostgreSQL")) {
            boolean h2 = engine.equals("H2");
            withClassDataSharing(bench, engine + ", restart", h2 ? h2Directory : pgDirectory,
                    h2 ? List.of() : List.of("--spring.profiles.active=postgres"), h2 ? Map.of() : environment);
        }
        bench.note("Class-data sharing: a training run on the same database, exiting once the Spring context has "
                + "refreshed (`-XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh`), then the launch "
                + "measured with `-XX:SharedArchiveFile=app.jsa`; the app's classes in a jar, as Spring Boot's "
                + "extracted layout has them (the JVM archives classes from jars only).");
        bench.note("Heap: `jcmd PID GC.heap_info` as soon as /actuator/health answered, then after `jcmd PID GC.run`. "
                + "RSS: VmRSS of /proc/PID/status (the whole process: heap, metaspace, code cache, threads).");
        bench.write();
    }

    private static void measure(Bench bench, String label, Path workingDirectory, List<String> arguments,
            Map<String, String> environment) throws Exception {
        measure(bench, label, workingDirectory, arguments, environment, List.of(), classpath());
    }

    private static void measure(Bench bench, String label, Path workingDirectory, List<String> arguments,
            Map<String, String> environment, List<String> jvmOptions, String classpath) throws Exception {
        int port = freePort();
        Path log = Bench.DIRECTORY.resolve("startup-" + label.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = java(jvmOptions, classpath, port);
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

    /**
     * Class-data sharing, as Spring Boot documents it for production: a training run writes an
     * archive of the classes it loaded, and later launches map it rather than load, parse and
     * verify those classes again.
     */
    private static void withClassDataSharing(Bench bench, String label, Path workingDirectory, List<String> arguments,
            Map<String, String> environment) throws Exception {
        String classpath = jarClasspath(workingDirectory.resolve("app-classes.jar"));
        Path archive = workingDirectory.resolve("app.jsa");
        List<String> training = java(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"),
                classpath, freePort());
        training.addAll(arguments);
        Path log = Bench.DIRECTORY.resolve("startup-training-" + label.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        ProcessBuilder builder = new ProcessBuilder(training).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || !Files.isRegularFile(archive)) {
            process.destroyForcibly();
            throw new IllegalStateException("the class-data sharing training run wrote no archive; see " + log);
        }
        measure(bench, label + ", class-data sharing", workingDirectory, arguments, environment,
                List.of("-XX:SharedArchiveFile=" + archive), classpath);
    }

    private static List<String> java(List<String> jvmOptions, String classpath, int port) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=Europe/London"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "uk.cdr.ChildDeathReviewApplication", "--server.port=" + port));
        return command;
    }

    /** The app's classpath with its classes in a jar (written to the given path), and no test classes. */
    private static String jarClasspath(Path jar) throws IOException {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        java.util.Arrays.stream(classpath().split(File.pathSeparator)).filter(entry -> entry.endsWith(".jar"))
                .forEach(entries::add);
        return String.join(File.pathSeparator, entries);
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
