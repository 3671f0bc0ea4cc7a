package io.github.matrixcors.cors;

import java.util.List;

/**
 * The fix hints for the reverse-proxy habits that break CORS, one list per cause, each with a hint for nginx, Caddy and
 * Apache httpd. Findings of the CORS engine and of the Matrix rules take their hints from here.
 *
 * <p>Sources: the nginx {@code ngx_http_headers_module} documentation ({@code add_header}, {@code always},
 * {@code add_header_inherit}), the Caddy {@code header} directive documentation, and the Apache httpd 2.4
 * {@code mod_headers} documentation ({@code onsuccess} and {@code always} tables).
 */
public final class FixHints {

    private static final String CORS_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    private static final String CORS_HEADERS = "X-Requested-With, Content-Type, Authorization";

    private FixHints() {}

    /** Hints for two {@code Access-Control-Allow-Origin} lines: the proxy adds one on top of the homeserver's own. */
    public static List<FixHint> duplicateAllowOrigin() {
        return List.of(
                new FixHint(
                        ProxyKind.NGINX,
                        "The homeserver already sends Access-Control-Allow-Origin, so remove the proxy's"
                                + " 'add_header Access-Control-Allow-Origin' or add"
                                + " 'proxy_hide_header Access-Control-Allow-Origin;' next to it."),
                new FixHint(
                        ProxyKind.CADDY,
                        "A plain 'header Access-Control-Allow-Origin *' runs before 'reverse_proxy' adds the"
                                + " homeserver's line. Remove it, or replace the upstream value with the deferred"
                                + " 'header >Access-Control-Allow-Origin *' or with"
                                + " 'header_down Access-Control-Allow-Origin *' inside 'reverse_proxy'."),
                new FixHint(
                        ProxyKind.APACHE,
                        "'Header always set' fills a second table that Apache sends on top of the proxied headers."
                                + " Pair it with 'Header onsuccess unset Access-Control-Allow-Origin', or remove it"
                                + " because the homeserver already sends the header."));
    }

    /** Hints for CORS headers missing on an error status (4xx, 5xx) while successful responses carry them. */
    public static List<FixHint> missingOnErrorResponses() {
        return List.of(
                new FixHint(
                        ProxyKind.NGINX,
                        "Without 'always', 'add_header' applies only to 200, 201, 204, 206, 301, 302, 303, 304, 307"
                                + " and 308 responses, so write 'add_header Access-Control-Allow-Origin * always;' and"
                                + " add 'always' to the other CORS headers too."),
                new FixHint(
                        ProxyKind.CADDY,
                        "Responses that Caddy generates itself, such as a 502 from 'reverse_proxy', skip deferred"
                                + " 'header' changes, so set the CORS headers in a 'handle_errors' block as well."),
                new FixHint(
                        ProxyKind.APACHE,
                        "A plain 'Header set' edits successful responses only, so Apache's own 401, 404, 413, 502"
                                + " and 503 pages lack it. Use 'Header always set Access-Control-Allow-Origin \"*\"'"
                                + " together with 'Header onsuccess unset Access-Control-Allow-Origin'."));
    }

    /** Hints for a successful response without CORS headers, typically a block that lost the inherited headers. */
    public static List<FixHint> missingAllowOrigin() {
        return List.of(
                new FixHint(
                        ProxyKind.NGINX,
                        "An 'add_header' in a 'location' drops every 'add_header' inherited from 'server' and"
                                + " 'http', so repeat 'add_header Access-Control-Allow-Origin * always;' in that"
                                + " 'location' (nginx 1.29.3 and later also offer 'add_header_inherit merge;')."),
                new FixHint(
                        ProxyKind.CADDY,
                        "Add 'header Access-Control-Allow-Origin *' to the route that serves this path, for example"
                                + " the one that answers '/.well-known/matrix/client' with 'respond'."),
                new FixHint(
                        ProxyKind.APACHE,
                        "Add 'Header always set Access-Control-Allow-Origin \"*\"' to the 'VirtualHost' or"
                                + " 'Location' that serves this path."));
    }

    /** Hints for a redirect without CORS headers: the browser stops at the redirect. */
    public static List<FixHint> missingOnRedirect() {
        return List.of(
                new FixHint(
                        ProxyKind.NGINX,
                        "A 'return 301' or 'rewrite ... redirect' response gets only the 'add_header' lines of its"
                                + " own block, so put 'add_header Access-Control-Allow-Origin * always;' next to it,"
                                + " or serve the path without a redirect."),
                new FixHint(
                        ProxyKind.CADDY,
                        "Put 'header Access-Control-Allow-Origin *' in the same route as the 'redir' directive, or"
                                + " serve the path without a redirect."),
                new FixHint(
                        ProxyKind.APACHE,
                        "Apache generates the responses of 'Redirect' and 'RewriteRule ... [R]' itself, so only"
                                + " 'Header always set Access-Control-Allow-Origin \"*\"' reaches them. Serving the"
                                + " path without a redirect is better."));
    }

    /** Hints for a preflight response with a status outside 200-299, such as 401, 404 or 405. */
    public static List<FixHint> preflightNotOk() {
        return List.of(
                new FixHint(
                        ProxyKind.NGINX,
                        "Pass OPTIONS to the homeserver, which answers it with 204, or answer it before any auth or"
                                + " 'limit_except' with 'if ($request_method = OPTIONS) { return 204; }' and repeat the"
                                + " CORS 'add_header ... always;' lines inside that block, because it inherits none."),
                new FixHint(
                        ProxyKind.CADDY,
                        "Let 'reverse_proxy' pass OPTIONS to the homeserver, or match '@preflight method OPTIONS' and"
                                + " answer it with 'respond @preflight 204' after the CORS 'header' lines."),
                new FixHint(
                        ProxyKind.APACHE,
                        "Proxy OPTIONS to the homeserver, or answer it before authentication with"
                                + " 'RewriteCond %{REQUEST_METHOD} OPTIONS' and 'RewriteRule ^ - [R=204,L]', with the"
                                + " CORS headers set by 'Header always set'."));
    }

    /** Hints for a preflight response that is a redirect, which browsers never follow. */
    public static List<FixHint> preflightRedirected() {
        return List.of(
                new FixHint(
                        ProxyKind.NGINX,
                        "Do not redirect OPTIONS: answer it before the http-to-https, trailing-slash or host"
                                + " redirect, and configure clients with the final URL."),
                new FixHint(
                        ProxyKind.CADDY,
                        "Make the 'redir' route skip 'method OPTIONS' requests, and configure clients with the final"
                                + " URL."),
                new FixHint(
                        ProxyKind.APACHE,
                        "Add 'RewriteCond %{REQUEST_METHOD} !OPTIONS' before the redirecting 'RewriteRule', and"
                                + " configure clients with the final URL."));
    }

    /** Hints for an {@code Access-Control-Allow-Methods} that lacks a method the client uses. */
    public static List<FixHint> allowMethodsIncomplete() {
        String reason = " Write the methods in uppercase, because browsers compare them case-sensitively.";
        return List.of(
                new FixHint(
                        ProxyKind.NGINX,
                        "'add_header Access-Control-Allow-Methods \"" + CORS_METHODS + "\" always;'." + reason),
                new FixHint(
                        ProxyKind.CADDY, "'header Access-Control-Allow-Methods \"" + CORS_METHODS + "\"'." + reason),
                new FixHint(
                        ProxyKind.APACHE,
                        "'Header always set Access-Control-Allow-Methods \"" + CORS_METHODS + "\"'." + reason));
    }

    /** Hints for an {@code Access-Control-Allow-Headers} that lacks a header, or relies on {@code *}. */
    public static List<FixHint> allowHeadersIncomplete() {
        String reason = " List Authorization by name, because the Fetch Standard never lets '*' cover it.";
        return List.of(
                new FixHint(
                        ProxyKind.NGINX,
                        "'add_header Access-Control-Allow-Headers \"" + CORS_HEADERS + "\" always;'." + reason),
                new FixHint(
                        ProxyKind.CADDY, "'header Access-Control-Allow-Headers \"" + CORS_HEADERS + "\"'." + reason),
                new FixHint(
                        ProxyKind.APACHE,
                        "'Header always set Access-Control-Allow-Headers \"" + CORS_HEADERS + "\"'." + reason));
    }

    /** Hints for a preflight response without {@code Access-Control-Max-Age}. */
    public static List<FixHint> maxAgeMissing() {
        String reason = " WebKit caps the value at 600 s and Chromium at 7200 s.";
        return List.of(
                new FixHint(ProxyKind.NGINX, "'add_header Access-Control-Max-Age 7200 always;'." + reason),
                new FixHint(ProxyKind.CADDY, "'header Access-Control-Max-Age 7200'." + reason),
                new FixHint(ProxyKind.APACHE, "'Header always set Access-Control-Max-Age \"7200\"'." + reason));
    }
}
