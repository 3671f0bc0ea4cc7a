package io.github.matrixcors.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the {@link ScriptedHttpServer} sends for one request: exact header lines (duplicates, odd bytes and order as
 * written), or raw bytes, or nothing at all, optionally trickled byte by byte.
 *
 * <p>A normal response gets a {@code Content-Length} line appended unless the script sets its own or calls
 * {@link #withoutContentLength()}, in which case the server closes the connection after the body.
 */
public final class ScriptedResponse {

    enum Mode {
        MESSAGE,
        RAW,
        NO_REPLY,
        CLOSE
    }

    private final Mode mode;
    private final String statusLine;
    private final List<String> headerLines = new ArrayList<>();
    private byte[] body = new byte[0];
    private byte[] raw;
    private boolean contentLength = true;
    private Duration delayPerByte = Duration.ZERO;

    private ScriptedResponse(Mode mode, String statusLine) {
        this.mode = mode;
        this.statusLine = statusLine;
    }

    /** Returns a response with the status line {@code HTTP/1.1 <code> <reason>} and a standard reason phrase. */
    public static ScriptedResponse status(int code) {
        return status(code, reasonPhrase(code));
    }

    /** Returns a response with the status line {@code HTTP/1.1 <code> <reason>}. */
    public static ScriptedResponse status(int code, String reason) {
        return new ScriptedResponse(Mode.MESSAGE, "HTTP/1.1 " + code + (reason.isEmpty() ? "" : " " + reason));
    }

    /** Returns a redirect with the given status and {@code Location}. */
    public static ScriptedResponse redirect(int code, String location) {
        return status(code).header("Location", location);
    }

    /** Returns a response that writes exactly {@code bytes} and then closes the connection. */
    public static ScriptedResponse raw(byte[] bytes) {
        ScriptedResponse response = new ScriptedResponse(Mode.RAW, null);
        response.raw = bytes.clone();
        return response;
    }

    /** Returns a response that writes {@code text} as ISO-8859-1 bytes and then closes the connection. */
    public static ScriptedResponse raw(String text) {
        return raw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Returns a response that reads the request and never responds, holding the connection open. */
    public static ScriptedResponse noReply() {
        return new ScriptedResponse(Mode.NO_REPLY, null);
    }

    /** Returns a response that reads the request and closes the connection without a byte. */
    public static ScriptedResponse closeWithoutReply() {
        return new ScriptedResponse(Mode.CLOSE, null);
    }

    /** Adds the header line {@code name: value}, written as ISO-8859-1 bytes, so any byte 0x00-0xFF can be sent. */
    public ScriptedResponse header(String name, String value) {
        headerLines.add(name + ": " + value);
        return this;
    }

    /** Adds a header line written exactly as given (as ISO-8859-1 bytes), colon and spacing included. */
    public ScriptedResponse headerLine(String line) {
        headerLines.add(line);
        return this;
    }

    /** Sets the body, written as UTF-8. */
    public ScriptedResponse body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Sets a JSON body and its {@code Content-Type}. */
    public ScriptedResponse json(String json) {
        return header("Content-Type", "application/json").body(json);
    }

    /** Omits the automatic {@code Content-Length}; the server then closes the connection after the body. */
    public ScriptedResponse withoutContentLength() {
        this.contentLength = false;
        return this;
    }

    /** Writes the response one byte at a time with this pause before each byte. */
    public ScriptedResponse slowly(Duration perByte) {
        this.delayPerByte = perByte;
        return this;
    }

    Mode mode() {
        return mode;
    }

    Duration delayPerByte() {
        return delayPerByte;
    }

    /** Returns whether the server must close the connection after writing this response. */
    boolean closesConnection() {
        return mode != Mode.MESSAGE || (!contentLength && !hasHeader("Content-Length"));
    }

    byte[] bytes(boolean headRequest) {
        if (mode == Mode.RAW) {
            return raw.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLine(out, statusLine);
        for (String line : headerLines) {
            writeLine(out, line);
        }
        if (contentLength && !hasHeader("Content-Length")) {
            writeLine(out, "Content-Length: " + body.length);
        }
        writeLine(out, "");
        if (!headRequest) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private boolean hasHeader(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headerLines.stream()
                .anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix));
    }

    private static void writeLine(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\r');
        out.write('\n');
    }

    private static String reasonPhrase(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "";
        };
    }
}
