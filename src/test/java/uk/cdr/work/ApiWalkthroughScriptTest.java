package uk.cdr.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.support.ProcessTest;

/**
 * docs/api-walkthrough.sh runs against the running app, so the README's walkthrough cannot rot: one
 * expected death from Form A to closure through /api and the agency's Form B link. The test stands
 * in for the job executor (off in tests), running the jobs of the script's case only, and hands the
 * script the Form B link's token from the shared mail server as the agency's inbox would.
 */
class ApiWalkthroughScriptTest extends ProcessTest {

    private static final Pattern CASE_OPENED = Pattern.compile("Form A logged: case (\\S+) \\(");
    private static final Pattern TOKEN_NEEDED = Pattern.compile("FORM_B_TOKEN_NEEDED (\\S+)");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWalkthroughTakesAnExpectedDeathFromFormAToClosure() throws Exception {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("bash", "docs/api-walkthrough.sh", "http://localhost:" + port)
                .redirectErrorStream(true);
        builder.environment().put("WAIT_SECONDS", "60");
        builder.environment().remove("MAILPIT_URL");
        if (java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3"))) {
            // The system's Python starts at once; a version manager's shim on PATH may take seconds a call.
            builder.environment().put("PYTHON", "/usr/bin/python3");
        }
        Process script = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        List<String> timed = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    output.add(line);
                    timed.add("%6.1f s  %s".formatted((System.nanoTime() - started) / 1e9, line));
                }
            } catch (java.io.IOException e) {
                output.add("(output lost: " + e + ")");
            }
        });
        reader.start();

        String reference = null;
        boolean tokenGiven = false;
        try (Writer input = new OutputStreamWriter(script.getOutputStream(), StandardCharsets.UTF_8)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (script.isAlive() && System.nanoTime() < deadline) {
                if (reference == null) {
                    reference = find(output, CASE_OPENED);
                }
                if (reference != null) {
                    CaseJobs.runDue(engine, reference);
                }
                String agency = tokenGiven ? null : find(output, TOKEN_NEEDED);
                if (agency != null) {
                    CaseJobs.runDue(engine, reference);
                    input.write(formBTokenSentTo(agency) + "\n");
                    input.flush();
                    tokenGiven = true;
                }
                script.waitFor(200, TimeUnit.MILLISECONDS);
            }
        } finally {
            if (script.isAlive()) {
                script.destroyForcibly();
            }
            reader.join(5000);
        }
        String transcript = String.join("\n", output);
        System.out.printf("ApiWalkthroughScriptTest: the script ran in %d ms%n%s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), String.join("\n", timed));
        assertThat(script.exitValue()).as(transcript).isZero();
        assertThat(tokenGiven).as(transcript).isTrue();
        assertThat(transcript).contains("Case " + reference + " is closed",
                "Review the case at the meeting (Form C) -> /cdop/meetings/");
        assertThat(jdbc.sql("select status, death_classification from case_file where case_reference = ?").param(reference)
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).single()).isEqualTo("CLOSED expected");
        assertThat(jdbc.sql("select count(*) from agency_report r join case_file c on c.id = r.case_id where c.case_reference = ?").param(reference)
                .query(Integer.class).single()).as("the agency's Form B is stored").isEqualTo(1);
    }

    private static String find(List<String> output, Pattern pattern) {
        for (String line : output) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
