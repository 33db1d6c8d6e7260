package uk.cdr.caseimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.HttpSession;

/**
 * docs/sample-import.csv, imported once per test JVM through the API, as the SPOC: a second
 * import would be refused as duplicates. Any test that needs the sample's cases (the statistics
 * too) gets them from here.
 */
public final class SampleImport {

    public static final Path FILE = Path.of("docs/sample-import.csv");

    /** In file order: given references as they are, new ones numbered after the highest given in their year. */
    public static final List<String> REFERENCES = List.of("2012-13/003", "2012-13/004", "2012-13/007", "2012-13/016",
            "2012-13/017", "2013-14/002", "2013-14/031", "2013-14/032", "2013-14/030", "2013-14/033", "2013-14/034",
            "2013-14/035", "2013-14/036", "2012-13/015", "2012-13/018");

    private static List<String> imported;

    private SampleImport() {
    }

    /** @return the references the import gave, in file order */
    public static synchronized List<String> once(HttpSession spocApi, ObjectMapper json) {
        if (imported == null) {
            HttpSession.Response response = ImportFiles.postMultipart(spocApi, "/api/import/cases", Map.of(),
                    "sample-import.csv", bytes(), Map.of());
            if (response.status() != 201) {
                throw new AssertionError("the sample did not import: " + response);
            }
            try {
                List<String> references = new ArrayList<>();
                JsonNode result = json.readTree(response.body());
                result.get("references").forEach(r -> references.add(r.asText()));
                imported = List.copyOf(references);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return imported;
    }

    /**
     * The sample as the tests' CDOP of two areas imports it: docs/sample-import.csv has no area
     * column (the one-command start serves one area), so each row is given North Borough's.
     */
    static byte[] bytes() {
        try {
            StringBuilder withArea = new StringBuilder();
            List<String> lines = Files.readAllLines(FILE, java.nio.charset.StandardCharsets.UTF_8);
            boolean inQuotes = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                // A quoted field may span lines: the row ends where its quotes are balanced.
                inQuotes ^= line.chars().filter(c -> c == '"').count() % 2 == 1;
                withArea.append(line);
                if (!inQuotes && !line.isBlank()) {
                    withArea.append(i == 0 ? ",area" : ",north");
                }
                withArea.append('\n');
            }
            return withArea.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
