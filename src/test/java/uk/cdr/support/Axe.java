package uk.cdr.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core, run inside the page the browser shows, against WCAG 2.0, 2.1 and 2.2 at levels A and
 * AA. axe-core comes from npm (lint/package.json, pinned in its lock file): .ci/run installs it, and
 * a machine where it is missing installs it here the first time, as BpmnLintTest does for bpmnlint.
 */
public final class Axe {

    private static final Path LINT = Path.of("lint");
    private static final Path SCRIPT = LINT.resolve("node_modules/axe-core/axe.min.js");
    private static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {
    }

    /** Fails naming every violation on the page the browser shows, with the elements at fault. */
    public static void check(WebDriver driver) {
        List<String> violations = violations(driver);
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " WCAG 2.2 AA violation(s) found by axe-core on "
                    + driver.getCurrentUrl() + " (\"" + driver.getTitle() + "\"):\n" + String.join("\n", violations));
        }
    }

    /** Each violation as one text: rule, impact, what it asks, then each element with what is wrong with it. */
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // Injected through the driver, which Chromium's Content-Security-Policy does not apply to.
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done(JSON.stringify({error: String(e)})));
                """, WCAG_A_AND_AA);
        try {
            JsonNode found = JSON.readTree(String.valueOf(result));
            if (found.has("error")) {
                throw new AssertionError("axe-core could not run on " + driver.getCurrentUrl() + ": " + found.get("error"));
            }
            List<String> violations = new ArrayList<>();
            for (JsonNode violation : found) {
                StringBuilder text = new StringBuilder("- ").append(violation.path("id").asText())
                        .append(" (").append(violation.path("impact").asText()).append("): ")
                        .append(violation.path("help").asText()).append(" ").append(violation.path("helpUrl").asText());
                for (JsonNode node : violation.path("nodes")) {
                    text.append("\n    ").append(node.path("target")).append(" ")
                            .append(node.path("html").asText().replaceAll("\\s+", " "))
                            .append("\n      ").append(node.path("failureSummary").asText().replace("\n", "\n      "));
                }
                violations.add(text.toString());
            }
            return violations;
        } catch (IOException e) {
            throw new AssertionError("axe-core answered what is not JSON: " + result, e);
        }
    }

    private static synchronized String axeSource() {
        if (source == null) {
            if (!Files.isReadable(SCRIPT)) {
                install();
            }
            try {
                source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + SCRIPT, e);
            }
        }
        return source;
    }

    private static void install() {
        boolean npm = onPath("npm");
        if (!npm && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("Node and npm are needed for axe-core (npm ci in lint/)");
        }
        Assumptions.assumeTrue(npm, "Node and npm are not installed: no axe-core to check pages with");
        try {
            Path output = Files.createTempFile("npm-ci", ".txt");
            Process process = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(LINT.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(600, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("npm ci in lint/ did not finish within 10 minutes");
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            if (process.exitValue() != 0 || !Files.isReadable(SCRIPT)) {
                throw new AssertionError("npm ci in lint/ did not install axe-core:\n" + log);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run npm ci in lint/", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
