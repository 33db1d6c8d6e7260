package uk.cdr.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Sizes from system properties (-Dbench.x=...) and the figures a benchmark prints: one line per
 * figure with its target ("BENCH statistics p95 = 12.3 ms (target < 50 ms)"), also written to
 * target/bench/results.md, which gathers the sections of every benchmark run so far.
 */
final class Bench {

    static final Path DIRECTORY = Path.of("target", "bench");

    private final String name;
    private final List<String> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Bench(String name, String sizes) {
        this.name = name;
        lines.add("## " + name);
        lines.add("");
        lines.add("Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + Runtime.getRuntime().availableProcessors()
                + " cores; sizes: " + sizes);
        lines.add("");
        lines.add("| Figure | Value | Target |");
        lines.add("|---|---|---|");
        System.out.println("BENCH " + name + ": " + sizes);
    }

    static int size(String property, int defaultValue) {
        return Integer.getInteger("bench." + property, defaultValue);
    }

    /** A figure with its unit and target, e.g. figure("statistics p95", 12.3, "ms", "< 50 ms"). */
    void figure(String figure, double value, String unit, String target) {
        String formatted = String.format(Locale.ROOT, value >= 100 || unit.isEmpty() ? "%.0f" : "%.1f", value)
                + (unit.isEmpty() ? "" : " " + unit);
        System.out.println("BENCH " + figure + " = " + formatted + (target == null ? "" : " (target " + target + ")"));
        lines.add("| " + figure + " | " + formatted + " | " + (target == null ? "" : target) + " |");
    }

    void note(String text) {
        System.out.println("BENCH   " + text);
        notes.add("");
        notes.add(text);
    }

    /** Writes this benchmark's section, then results.md from every section there is. */
    void write() {
        try {
            Path sections = DIRECTORY.resolve("sections");
            Files.createDirectories(sections);
            List<String> section = new ArrayList<>(lines);
            section.addAll(notes);
            Files.write(sections.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".md"), section);
            List<String> all = new ArrayList<>(List.of("# Benchmark results", "",
                    "Written by `./mvnw -Pbench verify` (docs/performance.md); one section per benchmark, latest run of each.", ""));
            try (Stream<Path> files = Files.list(sections)) {
                for (Path file : files.sorted().toList()) {
                    all.addAll(Files.readAllLines(file));
                    all.add("");
                }
            }
            Files.write(DIRECTORY.resolve("results.md"), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
