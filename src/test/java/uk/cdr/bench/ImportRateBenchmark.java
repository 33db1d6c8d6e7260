package uk.cdr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.support.FreshDatabaseApp;
import uk.cdr.support.HttpSession;

/**
 * Import rate (issue 8, figure 3): -Dbench.importCases historical cases (default 10,000; 85%
 * closed, 15% open at every stage, deaths over ten reporting years from 2006-07) in the format of
 * docs/import.md, sent to POST /api/import/cases as text/csv in files of at most
 * -Dbench.importFileRows rows (default 5,000; the import takes 10,000 rows and 5 MB a file).
 * Cases per second over the whole import, files sent one after another.
 */
@Tag("bench")
class ImportRateBenchmark extends FreshDatabaseApp {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void historicalCasesPerSecond() throws InterruptedException {
        int cases = Bench.size("importCases", 10_000);
        int openCases = Bench.size("importOpenCases", 1_000);
        int perFile = Math.min(10_000, Bench.size("importFileRows", 5_000));
        Bench bench = new Bench("import-rate", String.format(Locale.ROOT,
                "%d closed cases (deaths 2006-07 to 2015-16), then %d open cases at every stage (deaths 2016-17 to "
                        + "2025-26), in files of at most %d rows", cases, openCases, perFile));
        CaseGenerator generator = new CaseGenerator(8L, LocalDate.now(ZoneId.of("Europe/London")), 910_000_000L);
        HttpSession spoc = new HttpSession(baseUrl()).withBasicAuth("spoc", "demo");

        Imported closed = importInFiles(spoc, generator, 2006, cases, true, perFile);
        bench.figure("import rate, closed cases (" + cases + " cases, " + closed.files() + " file(s), "
                + closed.bytes() / 1024 + " KiB)", cases / closed.seconds(), "cases/s", ">= 1000 cases/s");
        bench.figure("import time, closed cases", closed.seconds(), "s", null);
        // Each open case also starts its case process at the stage its records say.
        Usage before = usage();
        Imported open = importInFiles(spoc, generator, 2016, openCases, false, perFile);
        Usage work = usage().minus(before);
        bench.figure("import rate, open cases (" + openCases + " cases, each starting its process)",
                openCases / open.seconds(), "cases/s", ">= 500 cases/s");
        bench.figure("import time, open cases", open.seconds(), "s", null);
        bench.figure("JVM CPU per open case", work.cpuNanos() / 1e6 / openCases, "ms", null);
        bench.figure("rows written per open case", (double) work.rowsWritten() / openCases, "rows", null);
        bench.figure("statements per open case", (double) work.statements() / openCases, "statements", null);
        bench.note("Rows written per open case, by table: " + work.rowsByTable().entrySet().stream()
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), (double) e.getValue() / openCases))
                .collect(java.util.stream.Collectors.joining(", ")) + ".");
        bench.write();
    }

    private record Imported(int files, long bytes, double seconds) {
    }

    /** Cases with deaths over ten reporting years from firstYear, sent in files one after another. */
    private static Imported importInFiles(HttpSession spoc, CaseGenerator generator, int firstYear, int cases,
            boolean closed, int perFile) {
        List<byte[]> files = new ArrayList<>();
        StringBuilder file = new StringBuilder(ImportCsv.HEADER);
        int inFile = 0;
        for (int i = 0; i < cases; i++) {
            file.append(ImportCsv.row(generator.next(firstYear + i % 10, closed)));
            if (++inFile == perFile || i == cases - 1) {
                files.add(file.toString().getBytes(StandardCharsets.UTF_8));
                file = new StringBuilder(ImportCsv.HEADER);
                inFile = 0;
            }
        }
        long start = System.nanoTime();
        for (byte[] csv : files) {
            HttpSession.Response response = spoc.post("/api/import/cases", "text/csv", csv, Map.of());
            assertThat(response.status()).as(() -> truncated(response.body())).isEqualTo(201);
        }
        return new Imported(files.size(), files.stream().mapToLong(f -> f.length).sum(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * CPU time of this JVM and the database's own counters: rows written, in total and by table,
     * and statements run in this database (pg_stat_statements, which -Pbench loads).
     */
    private record Usage(long cpuNanos, long statements, long rowsWritten, Map<String, Long> rowsByTable) {
        Usage minus(Usage before) {
            Map<String, Long> byTable = new java.util.TreeMap<>();
            rowsByTable.forEach((table, rows) -> byTable.put(table, rows - before.rowsByTable.getOrDefault(table, 0L)));
            return new Usage(cpuNanos - before.cpuNanos, statements - before.statements, rowsWritten - before.rowsWritten,
                    byTable);
        }
    }

    /** PostgreSQL publishes a backend's counters when it has been idle a while (at most 10 s): wait for them first. */
    private Usage usage() throws InterruptedException {
        Thread.sleep(11_000);
        long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        Map<String, Long> byTable = new java.util.TreeMap<>();
        jdbc.sql("select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables")
                .query(rs -> { byTable.put(rs.getString(1), rs.getLong(2)); });
        jdbc.sql("create extension if not exists pg_stat_statements").update();
        return jdbc.sql("select (select coalesce(sum(calls), 0) from pg_stat_statements s where s.dbid = d.datid), "
                + "tup_inserted + tup_updated + tup_deleted from pg_stat_database d where datname = current_database()")
                .query((rs, row) -> new Usage(cpu, rs.getLong(1), rs.getLong(2), byTable)).single();
    }

    private static String truncated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }
}
