package uk.cdr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CDOP queue as an API client reads all of it: page after page of GET /api/cdop/queue, as the
 * shared test database holds more open cases than one page.
 */
public final class QueuePages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueuePages() {
    }

    /** Every queued case the query (e.g. "state=READY_FOR_REVIEW&sort=reference", or "") keeps, in its order. */
    public static List<JsonNode> all(HttpSession session, String query) {
        List<JsonNode> cases = new ArrayList<>();
        for (int page = 1;; page++) {
            HttpSession.Response response = session.get("/api/cdop/queue?" + (query.isEmpty() ? "" : query + "&")
                    + "size=500&page=" + page);
            if (response.status() != 200) {
                throw new AssertionError("the queue answered " + response.status() + ": " + response.body());
            }
            try {
                JsonNode found = JSON.readTree(response.body());
                found.get("items").forEach(cases::add);
                if (found.get("items").isEmpty() || cases.size() >= found.get("total").asLong()) {
                    return cases;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The queue page's address for the query (e.g. "state=DEFERRED&sort=reference") at its last page of
     * 50, where the newest case is in reference order.
     */
    public static String lastPageOnThePage(HttpSession api, String query) {
        HttpSession.Response response = api.get("/api/cdop/queue?" + query);
        try {
            long total = JSON.readTree(response.body()).get("total").asLong();
            return "/cdop/queue?" + query + "&page=" + Math.max(1, (total + 49) / 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case references of {@link #all}. */
    public static List<String> references(HttpSession session, String query) {
        return all(session, query).stream().map(c -> c.get("caseReference").asText()).toList();
    }
}
