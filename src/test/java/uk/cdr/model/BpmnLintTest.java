package uk.cdr.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every model in bpmn/ passes bpmnlint as Camunda Modeler runs it: the recommended rules and
 * Camunda 7.24 compatibility (lint/.bpmnlintrc, versions pinned in lint/package-lock.json). Needs
 * Node and npm, which our machines have; outside CI a machine without them skips this test, under
 * CI=true it fails. The lint's own report is printed either way.
 */
class BpmnLintTest {

    private static final Path LINT = Path.of("lint");

    @Test
    void everyModelPassesBpmnlintWithoutErrors() throws Exception {
        boolean npm = onPath("npm") && onPath("npx");
        if (!npm && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("Node and npm are needed to lint bpmn/ (bpmnlint)");
        }
        Assumptions.assumeTrue(npm, "Node and npm are not installed: bpmn/ not linted");
        if (!Files.isDirectory(LINT.resolve("node_modules"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
            assertThat(install.exit()).as("npm ci in lint/: " + install.output()).isZero();
        }
        List<String> command = new ArrayList<>(List.of("npx", "--no-install", "bpmnlint"));
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            models.filter(p -> p.toString().endsWith(".bpmn")).sorted()
                    .forEach(p -> command.add(Path.of("..").resolve(p).toString()));
        }
        assertThat(command).hasSizeGreaterThan(3);
        Result lint = run(command, 300);
        System.out.println("BPMN lint (" + (command.size() - 3) + " models):\n" + lint.output());
        assertThat(lint.exit()).as("bpmnlint found errors:\n" + lint.output()).isZero();
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        // To a file, so that a long report can never fill a pipe and stall the process.
        Path output = Files.createTempFile("bpmnlint", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
