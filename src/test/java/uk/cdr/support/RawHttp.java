package uk.cdr.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 request written byte for byte, for what the JDK's HttpClient will not send: a
 * request target that is not a valid URI (%zz, a raw backslash), or a request from a chosen local
 * address (Linux routes all of 127.0.0.0/8 to this host, so each address is another client).
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** GET the request target exactly as given, from 127.0.0.1. */
    public Reply get(String target) {
        return send("127.0.0.1", "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
    }

    /** GET with HTTP Basic credentials from the given local address. */
    public Reply getWithBasicAuth(String fromAddress, String target, String user, String password) {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(fromAddress, "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic "
                + credentials + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
    }

    private Reply send(String fromAddress, String request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Reply.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Reply(int status, Map<String, String> headers, String body) {

        static Reply parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("not an HTTP response: " + raw);
            }
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
