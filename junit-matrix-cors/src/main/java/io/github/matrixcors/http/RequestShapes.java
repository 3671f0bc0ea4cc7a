package io.github.matrixcors.http;

import io.github.matrixcors.cors.BrowserRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the requests a browser puts on the wire for a {@link BrowserRequest}, following the Fetch Standard's
 * "CORS-preflight fetch" (the preflight) and "HTTP-redirect fetch" (each redirect of the actual request).
 */
final class RequestShapes {

    private static final Set<String> REQUEST_BODY_HEADERS =
            Set.of("content-encoding", "content-language", "content-location", "content-type");
    private static final byte[] EMPTY_JSON_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private RequestShapes() {}

    /**
     * Builds the preflight: {@code OPTIONS} with {@code Accept: *}{@code /*}, {@code Access-Control-Request-Method},
     * {@code Access-Control-Request-Headers} (lowercase names, sorted, joined by "," without spaces, omitted when
     * there are none) and {@code Origin}. A preflight never carries the request's own headers or credentials.
     */
    static SentRequest preflight(BrowserRequest request) {
        List<HeaderLine> headers = new ArrayList<>();
        headers.add(new HeaderLine("Accept", "*/*"));
        headers.add(new HeaderLine("Access-Control-Request-Method", request.normalizedMethod()));
        List<String> unsafe = request.unsafeHeaderNames();
        if (!unsafe.isEmpty()) {
            headers.add(new HeaderLine("Access-Control-Request-Headers", String.join(",", unsafe)));
        }
        headers.add(new HeaderLine("Origin", request.origin()));
        return new SentRequest("OPTIONS", withoutFragment(request.url()), headers);
    }

    /** Builds the first hop of the actual request: the script's headers, {@code Accept: *}{@code /*} by default. */
    static SentRequest actual(BrowserRequest request) {
        List<HeaderLine> headers = new ArrayList<>(request.headers());
        if (!request.hasHeader("Accept")) {
            headers.add(0, new HeaderLine("Accept", "*/*"));
        }
        headers.add(new HeaderLine("Origin", request.origin()));
        return new SentRequest(request.normalizedMethod(), withoutFragment(request.url()), headers);
    }

    /** Returns the body of the actual request: {@code {}} for a JSON POST or PUT, otherwise none. */
    static byte[] body(BrowserRequest request) {
        String method = request.normalizedMethod();
        boolean sendsBody = method.equals("POST") || method.equals("PUT");
        boolean json = request.headers().stream()
                .anyMatch(line -> line.hasName("Content-Type")
                        && line.value().toLowerCase(Locale.ROOT).startsWith("application/json"));
        return sendsBody && json ? EMPTY_JSON_OBJECT.clone() : null;
    }

    /** The request a browser sends after a redirect, with the body that goes with it (possibly {@code null}). */
    record Followed(SentRequest request, byte[] body, boolean originTainted) {}

    /**
     * Builds the request that follows {@code redirect} to {@code location}, as the Fetch Standard's "HTTP-redirect
     * fetch" does: 301/302 turn POST into GET and 303 turns anything but GET/HEAD into GET (dropping the body and its
     * headers); a cross-origin hop removes {@code Authorization}; and once a redirect leaves an origin that differs
     * from the page's, the request is tainted and {@code Origin} becomes {@code null}.
     */
    static Followed follow(
            SentRequest previous, byte[] body, Hop redirect, URI location, String pageOrigin, boolean tainted) {
        String method = previous.method();
        int status = redirect.status();
        boolean toGet = ((status == 301 || status == 302) && method.equals("POST"))
                || (status == 303 && !method.equals("GET") && !method.equals("HEAD"));
        boolean crossOrigin = !Origins.sameOrigin(previous.uri(), location);
        boolean nowTainted = tainted || (crossOrigin && !Origins.sameOrigin(pageOrigin, previous.uri()));

        List<HeaderLine> headers = new ArrayList<>();
        for (HeaderLine line : previous.headers()) {
            String name = line.name().toLowerCase(Locale.ROOT);
            if (name.equals("origin")
                    || (toGet && REQUEST_BODY_HEADERS.contains(name))
                    || (crossOrigin && name.equals("authorization"))) {
                continue;
            }
            headers.add(line);
        }
        headers.add(new HeaderLine("Origin", nowTainted ? "null" : pageOrigin));

        return new Followed(
                new SentRequest(toGet ? "GET" : method, withoutFragment(location), headers),
                toGet ? null : body,
                nowTainted);
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }
}
