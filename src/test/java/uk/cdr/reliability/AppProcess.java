package uk.cdr.reliability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import uk.cdr.support.HttpSession;

/**
 * The app as a separate operating-system process on the postgres profile, as production runs it:
 * so a test can kill it with SIGKILL, or run two nodes side by side. Its log goes to
 * target/reliability/{name}.log.
 */
final class AppProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static AppProcess start(String name, Map<String, String> environment, String... arguments) throws Exception {
        int port = freePort();
        Path log = Path.of("target", "reliability", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=Europe/London", "-cp", classpath(),
                "uk.cdr.ChildDeathReviewApplication", "--spring.profiles.active=postgres", "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        AppProcess app = new AppProcess(name, builder.start(), port, log);
        app.awaitReady(Duration.ofSeconds(180));
        return app;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    HttpSession as(String user, String password) {
        return new HttpSession(baseUrl()).withBasicAuth(user, password);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, exactly like a crash or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpSession anonymous = new HttpSession(baseUrl());
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " died while starting:\n" + tail());
            }
            try {
                if (anonymous.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + limit + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Surefire may start tests from a manifest-only jar; it names the real classpath in its own property. */
    private static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

        return java.util.Arrays.stream(classpath.split(File.pathSeparator)).distinct()
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static File logDirectory() {
        return Path.of("target", "reliability").toFile();
    }
}
