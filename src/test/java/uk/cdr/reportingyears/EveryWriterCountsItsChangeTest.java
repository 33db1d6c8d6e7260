package uk.cdr.reportingyears;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A kept report of a closed year is dropped only by changes counted through YearChanges: a class
 * that writes a table the statistics read, and does not count its change, would leave reports
 * stale. This reads the sources: which tables the statistics read, and who writes them.
 */
class EveryWriterCountsItsChangeTest {

    private static final Path MAIN = Path.of("src/main");

    /** Writers that need not count, and why. */
    private static final Map<String, String> EXEMPT = Map.of(
            "CaseProcess.java", "writes only the case's process instance id, which no figure counts",
            "CdopReviewProcesses.java", "writes only a review's process instance id, which no figure counts",
            "ImportedStages.java", "its statements are written by ImportedCaseWriter, which counts the cases",
            "ImportedReview.java", "its statements are written by ImportedCaseWriter, which counts the cases");

    @Test
    void everyClassWritingATableTheStatisticsReadCountsItsChange() {
        Set<String> tables = tablesTheStatisticsRead();
        assertThat(tables).contains("case_file", "agency_report_request", "cdop_review", "panel_meeting");
        Pattern write = Pattern.compile("(?i)\\b(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+("
                + String.join("|", tables) + ")\\b");
        Set<String> uncounted = new TreeSet<>();
        for (Path source : sources(MAIN.resolve("java"))) {
            String text = read(source);
            String name = source.getFileName().toString();
            if (write.matcher(text).find() && !text.contains("YearChanges") && !EXEMPT.containsKey(name)) {
                uncounted.add(name);
            }
        }
        assertThat(uncounted).as("classes writing %s without counting the change in YearChanges", tables).isEmpty();
    }

    /** The app's tables (created by a migration) that the statistics package's SQL reads. */
    private static Set<String> tablesTheStatisticsRead() {
        Set<String> created = new TreeSet<>();
        for (Path migration : sources(MAIN.resolve("resources/db/migration"))) {
            Matcher m = Pattern.compile("(?i)create\\s+table\\s+(\\w+)").matcher(read(migration));
            while (m.find()) {
                created.add(m.group(1).toLowerCase());
            }
        }
        Set<String> read = new TreeSet<>();
        for (Path source : sources(MAIN.resolve("java/uk/cdr/statistics"))) {
            Matcher m = Pattern.compile("(?i)\\b(?:from|join)\\s+(\\w+)").matcher(read(source));
            while (m.find()) {
                if (created.contains(m.group(1).toLowerCase())) {
                    read.add(m.group(1).toLowerCase());
                }
            }
        }
        return read;
    }

    private static Set<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
