package uk.cdr.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, with a 400, a request path that no honest client sends and that parts of the stack
 * read differently: Tomcat decodes the path before choosing a servlet, while path matchers may
 * look at it as sent, so /%65ngine-rest/task reached the engine REST servlet by a path our rules
 * did not recognise (and ended in a 500). Before anything else looks at the path it must be
 * well-formed percent-encoding of UTF-8, and must not encode what never needs encoding
 * (letters, digits, - . _ ~), a separator (/ \ ;), a percent sign (double encoding) or a
 * control character; raw backslashes and control characters are refused too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestPathGuard extends OncePerRequestFilter {

    static final String DETAIL = "The request path is malformed or encodes characters that must be sent as they are.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptable(request.getRequestURI())) {
            Problems.write(request, response, HttpStatus.BAD_REQUEST, DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean acceptable(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return false;
                }
                int high = hex(rawPath.charAt(i + 1));
                int low = hex(rawPath.charAt(i + 2));
                if (high < 0 || low < 0) {
                    return false;
                }
                int b = high * 16 + low;
                if (b < 0x80 && !mayBeEncoded((char) b)) {
                    return false;
                }
                decoded.write(b);
                i += 2;
            } else if (c == '\\' || Character.getType(c) == Character.CONTROL) {
                return false;
            } else {
                decoded.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Only ASCII hex digits: Character.digit would also take other scripts' digits. */
    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /** An ASCII character that a client may have a reason to percent-encode in a path. */
    private static boolean mayBeEncoded(char c) {
        boolean unreserved = Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
        boolean separator = c == '/' || c == '\\' || c == ';' || c == '%';
        return !unreserved && !separator && c >= 0x20 && c != 0x7F;
    }
}
