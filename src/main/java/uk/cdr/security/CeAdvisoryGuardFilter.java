package uk.cdr.security;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Blocks the two Camunda 7.24.0 CE advisories that Community Edition will never patch:
 * <ul>
 * <li>expressions smuggled into task queries through {@code orQueries}, which the engine evaluates
 * even with ad-hoc query expressions disabled (remote code execution by any logged-in user);</li>
 * <li>the Admin first-run setup endpoint, which must never create a user on a running system.</li>
 * </ul>
 * Field names are checked after JSON decoding, so {@code \u0045xpression} escapes do not slip through.
 */
class CeAdvisoryGuardFilter extends OncePerRequestFilter {

    static final String SETUP_PATH = "/camunda/api/admin/setup/";
    private static final int MAX_INSPECTED_BODY = 2 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (path(request).startsWith(SETUP_PATH)) {
            Problems.write(request, response, HttpStatus.FORBIDDEN,
                    "The first-run setup is closed: administrators are created from configuration.");
            return;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().toLowerCase(Locale.ROOT).contains("orqueries")) {
                for (String value : parameter.getValue()) {
                    if (!isSafeOrQueries(value)) {
                        reject(request, response);
                        return;
                    }
                }
            }
        }
        HttpServletRequest inspected = request;
        if (hasReadableBody(request)) {
            byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
            if (body.length > MAX_INSPECTED_BODY) {
                Problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body over 2 MB.");
                return;
            }
            if (!isSafeBody(body)) {
                reject(request, response);
                return;
            }
            inspected = new CachedBodyRequest(request, body);
        }
        chain.doFilter(inspected, response);
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(request, response, HttpStatus.BAD_REQUEST,
                "orQueries: expressions (fields ending in 'Expression') are not allowed in task queries.");
    }

    private static boolean hasReadableBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return request.getContentLengthLong() != 0;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        // Form posts are read through getParameterMap above; multipart carries files (deployments).
        return !type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/");
    }

    static boolean isSafeBody(byte[] body) {
        if (body.length == 0) {
            return true;
        }
        try {
            return !carriesOrQueryExpression(JSON.readTree(body), false);
        } catch (IOException notJson) {
            // Unparseable here is unparseable for the engine too, unless it names orQueries: refuse that.
            return !new String(body, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("orqueries");
        }
    }

    static boolean isSafeOrQueries(String value) {
        try {
            return !carriesOrQueryExpression(JSON.readTree(value), true);
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }

    private static boolean carriesOrQueryExpression(JsonNode node, boolean insideOrQueries) {
        if (node == null) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (carriesOrQueryExpression(element, insideOrQueries)) {
                    return true;
                }
            }
            return false;
        }
        if (node.isTextual() && insideOrQueries) {
            // Some clients send nested JSON as a string.
            String text = node.asText().trim();
            if (text.startsWith("{") || text.startsWith("[")) {
                return !isSafeOrQueries(text);
            }
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (insideOrQueries && name.endsWith("expression")) {
                return true;
            }
            if (carriesOrQueryExpression(field.getValue(), insideOrQueries || name.equals("orqueries"))) {
                return true;
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Lets the engine read the body this filter has already read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
