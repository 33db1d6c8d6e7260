package uk.cdr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like one browser tab: it keeps cookies, does not follow redirects
 * (so tests can see them), and can log in through the real login form with its CSRF token.
 */
public class HttpSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;
    private String basicAuth;

    public HttpSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends HTTP Basic credentials with every request, as an API client would. */
    public HttpSession withBasicAuth(String user, String password) {
        basicAuth = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Response login(String user, String password) {
        String csrf = csrfTokenFrom("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        form.put("_csrf", csrf);
        return postForm("/login", form);
    }

    public String csrfTokenFrom(String page) {
        Response response = get(page);
        Matcher matcher = CSRF.matcher(response.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on " + page + ": " + response.status());
        }
        return matcher.group(1);
    }

    public Response get(String path) {
        return send(request(path).GET(), Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send(request(path).GET(), headers);
    }

    public Response postJson(String path, String json) {
        return postJson(path, json, Map.of());
    }

    public Response postJson(String path, String json, Map<String, String> headers) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    public Response putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), Map.of());
    }

    /** Any body as is, e.g. a CSV file or a multipart form built by the test. */
    public Response post(String path, String contentType, byte[] body, Map<String, String> headers) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** Any method with any body (null for none), e.g. for walking the access matrix. */
    public Response send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder, headers);
    }

    /** Form fields URL-encoded as a browser posts them. */
    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        // Forms are what browsers post, and browsers say they accept HTML.
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (basicAuth != null) {
            builder.header("Authorization", basicAuth);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String location() {
            return header("Location").orElse("");
        }

        /** True when the response redirects to the given path on this server. */
        public boolean redirectsTo(String path) {
            if (status() < 300 || status() > 399) {
                return false;
            }
            String location = location();
            String locationPath = location.startsWith("http") ? URI.create(location).getRawPath()
                    + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery())
                    : location;
            return locationPath.equals(path);
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
