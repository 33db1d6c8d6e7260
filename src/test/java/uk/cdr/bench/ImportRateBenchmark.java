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

    @Test
    void historicalCasesPerSecond() {
        int cases = Bench.size("importCases", 10_000);
        int perFile = Math.min(10_000, Bench.size("importFileRows", 5_000));
        int years = 10;
        Bench bench = new Bench("import-rate", String.format(Locale.ROOT,
                "%d cases (85%% closed) in files of at most %d rows, deaths 2006-07 to 2015-16", cases, perFile));

        CaseGenerator generator = new CaseGenerator(8L, LocalDate.now(ZoneId.of("Europe/London")), 910_000_000L);
        List<byte[]> files = new ArrayList<>();
        StringBuilder file = new StringBuilder(ImportCsv.HEADER);
        int inFile = 0;
        for (int i = 0; i < cases; i++) {
            file.append(ImportCsv.row(generator.next(2006 + i % years, i % 20 >= 3)));
            if (++inFile == perFile || i == cases - 1) {
                files.add(file.toString().getBytes(StandardCharsets.UTF_8));
                file = new StringBuilder(ImportCsv.HEADER);
                inFile = 0;
            }
        }
        long bytes = files.stream().mapToLong(f -> f.length).sum();

        HttpSession spoc = new HttpSession(baseUrl()).withBasicAuth("spoc", "demo");
        long start = System.nanoTime();
        for (byte[] csv : files) {
            HttpSession.Response response = spoc.post("/api/import/cases", "text/csv", csv, Map.of());
            assertThat(response.status()).as(() -> truncated(response.body())).isEqualTo(201);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        bench.figure("import rate (" + cases + " cases, " + files.size() + " file(s), " + bytes / 1024 + " KiB)",
                cases / seconds, "cases/s", ">= 500 cases/s");
        bench.figure("import time", seconds, "s", null);
        bench.write();
    }

    private static String truncated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }
}
