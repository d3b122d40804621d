package io.relata.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket: the request target goes on the wire exactly as given (no normalising, no encoding), so
 * tests can send the path spellings that ordinary clients would clean up first.
 */
final class RawHttp {

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** An answer: status, headers (names in lower case) and body. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + header("content-type") + " " + text();
        }
    }

    /** What a streamed request got back, and how many body bytes the server took before it answered and closed. */
    record Streamed(Response response, long bytesSent) {}

    Response send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (body != null) {
                all.put("Content-Length", Integer.toString(body.length));
            }
            out.write(head(method, target, all));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * Sends {@code total} body bytes (with a Content-Length, or chunked when {@code chunked}) from another thread while
     * this one reads the answer; the server may answer and close long before the body is sent.
     */
    Streamed stream(String method, String target, Map<String, String> headers, long total, boolean chunked)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(chunked ? "Transfer-Encoding" : "Content-Length", chunked ? "chunked" : Long.toString(total));
            OutputStream out = socket.getOutputStream();
            out.write(head(method, target, all));
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) ' ');
                try {
                    while (sent.get() < total) {
                        int n = (int) Math.min(block.length, total - sent.get());
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(block, 0, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        sent.addAndGet(n);
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed the connection: the rest of the body is not wanted
                }
            });
            Response response = read(socket.getInputStream());
            socket.close();
            writer.get(60, TimeUnit.SECONDS);
            return new Streamed(response, sent.get());
        }
    }

    private static byte[] head(String method, String target, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads one response: status line, headers, then a body by Content-Length, chunks, or up to the close. */
    private static Response read(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("the server closed the connection without answering");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        List<String> length = headers.getOrDefault("content-length", List.of());
        if (encoding.contains("chunked")) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (!length.isEmpty()) {
            body.write(in.readNBytes(Integer.parseInt(length.get(0))));
        } else {
            in.transferTo(body);
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
