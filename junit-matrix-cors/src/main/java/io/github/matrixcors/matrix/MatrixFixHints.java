package io.github.matrixcors.matrix;

import io.github.matrixcors.cors.FixHint;
import io.github.matrixcors.cors.ProxyKind;
import java.util.List;

/** Fix hints for the reverse-proxy habits behind the Matrix rules' findings. */
final class MatrixFixHints {

    /**
     * CORS headers missing on error responses. nginx applies {@code add_header} without {@code always} only to 200,
     * 201, 204, 206, 301, 302, 303, 304, 307 and 308; Apache applies only the {@code always} table to its own error
     * responses. Caddy 2.6.2 keeps headers of a plain {@code header} directive on the 502 it generates when the
     * upstream is down, but drops deferred ones ({@code header >...}, {@code defer}); its {@code handle_errors} block
     * runs for those errors.
     */
    static final List<FixHint> CORS_ON_ERRORS = List.of(
            new FixHint(
                    ProxyKind.NGINX,
                    "add 'always' to each CORS add_header, for example"
                            + " 'add_header Access-Control-Allow-Origin * always;', so nginx also sends it on 4xx and"
                            + " 5xx responses, including the 413 and 502 it generates itself"),
            new FixHint(
                    ProxyKind.CADDY,
                    "deferred headers ('header >Access-Control-Allow-Origin *' or 'defer') are dropped on the errors"
                            + " Caddy generates itself, such as a 502 when the homeserver is down; set the CORS headers"
                            + " in a 'handle_errors { header Access-Control-Allow-Origin *; respond"
                            + " \"{err.status_text}\" {err.status_code} }' block as well"),
            new FixHint(
                    ProxyKind.APACHE,
                    "use 'Header always set Access-Control-Allow-Origin \"*\"' (with 'Header onsuccess unset"
                            + " Access-Control-Allow-Origin' to avoid a duplicate), because Apache's own error"
                            + " responses carry only the 'always' headers"));

    /** An error page the proxy generated because it did not reach the homeserver (502, 503 or 504). */
    static final List<FixHint> UPSTREAM_UNREACHABLE = List.of(
            new FixHint(
                    ProxyKind.NGINX,
                    "point proxy_pass at the homeserver ('proxy_pass http://{{homeserver}};' in a matrix-cors test) and"
                            + " check that it runs, then add 'always' to each CORS add_header so nginx's own 502 page"
                            + " carries them too"),
            new FixHint(
                    ProxyKind.CADDY,
                    "point reverse_proxy at the homeserver ('reverse_proxy {{homeserver}}' in a matrix-cors test) and"
                            + " check that it runs, then set the CORS headers with a plain 'header' directive or in"
                            + " 'handle_errors' so Caddy's own 502 carries them too"),
            new FixHint(
                    ProxyKind.APACHE,
                    "point ProxyPass at the homeserver ('ProxyPass / http://{{homeserver}}/' in a matrix-cors test) and"
                            + " check that it runs, then use 'Header always set' for the CORS headers so Apache's own"
                            + " 502 page carries them too"));

    /**
     * An error page the proxy generated itself for a path that no route to the homeserver matched, such as its own
     * 404, or in place of the homeserver's error (nginx {@code proxy_intercept_errors}, Apache
     * {@code ProxyErrorOverride}, Caddy {@code handle_response}).
     */
    static final List<FixHint> PROXY_OWN_RESPONSE = List.of(
            new FixHint(
                    ProxyKind.NGINX,
                    "nginx answered with its own error page, which lacks the CORS headers: if no location that passes"
                            + " to the homeserver matches this path, add one (or serve the file with its add_header"
                            + " lines); if 'proxy_intercept_errors on' replaced the homeserver's error, remove it or"
                            + " put the CORS add_header lines with 'always' where the error page is served"),
            new FixHint(
                    ProxyKind.CADDY,
                    "Caddy answered this itself: if no route to the homeserver matches this path, add one with"
                            + " 'reverse_proxy' (or 'respond' with the CORS 'header' lines); if 'handle_response' or"
                            + " 'handle_errors' replaced the homeserver's error, set the CORS headers there too"),
            new FixHint(
                    ProxyKind.APACHE,
                    "Apache answered with its own error page: if no ProxyPass matches this path, add one (or a"
                            + " <Location> that serves it); if 'ProxyErrorOverride On' replaced the homeserver's error,"
                            + " turn it off or set the CORS headers with 'Header always set' at virtual host level"));

    /** A redirect without CORS headers on a path that a web client fetches. */
    static final List<FixHint> CORS_ON_REDIRECTS = List.of(
            new FixHint(
                    ProxyKind.NGINX,
                    "serve the target directly instead of redirecting, or put"
                            + " 'add_header Access-Control-Allow-Origin * always;' in the same block as the 'return 30x'"),
            new FixHint(
                    ProxyKind.CADDY,
                    "serve the target directly instead of using 'redir', or add"
                            + " 'header Access-Control-Allow-Origin *' for the same path"),
            new FixHint(
                    ProxyKind.APACHE,
                    "serve the target directly instead of redirecting, or use"
                            + " 'Header always set Access-Control-Allow-Origin \"*\"' because redirects Apache"
                            + " generates carry only the 'always' headers"));

    /** A {@code /.well-known/matrix/...} file served without CORS headers. */
    static final List<FixHint> CORS_ON_WELL_KNOWN = List.of(
            new FixHint(
                    ProxyKind.NGINX,
                    "in the location that serves /.well-known/matrix/ (for example"
                            + " 'location /.well-known/matrix/'), or at server level, add"
                            + " 'add_header Access-Control-Allow-Origin * always;'"),
            new FixHint(ProxyKind.CADDY, "add 'header /.well-known/matrix/* Access-Control-Allow-Origin *'"),
            new FixHint(
                    ProxyKind.APACHE,
                    "add 'Header always set Access-Control-Allow-Origin \"*\"' inside"
                            + " '<Location /.well-known/matrix/>'"));

    /** An {@code OPTIONS} request rejected or not routed. */
    static final List<FixHint> OPTIONS_ANSWERED = List.of(
            new FixHint(
                    ProxyKind.NGINX,
                    "pass OPTIONS to the homeserver (no 'limit_except' or auth on OPTIONS), or answer it with"
                            + " 'if ($request_method = OPTIONS) { add_header ... always; return 204; }', repeating the"
                            + " CORS add_header lines inside the if block because it does not inherit them"),
            new FixHint(
                    ProxyKind.CADDY,
                    "pass OPTIONS to the homeserver, or answer it with '@preflight method OPTIONS' and"
                            + " 'respond @preflight 204' next to the CORS 'header' lines"),
            new FixHint(
                    ProxyKind.APACHE,
                    "exempt OPTIONS from authentication and method limits (for example '<LimitExcept OPTIONS>'),"
                            + " and answer it with 'RewriteCond %{REQUEST_METHOD} OPTIONS' and"
                            + " 'RewriteRule ^ - [R=204,L]' if the homeserver does not"));

    /** An echoed origin without {@code Vary: Origin}. */
    static final List<FixHint> VARY_ORIGIN = List.of(
            new FixHint(
                    ProxyKind.NGINX, "send 'Access-Control-Allow-Origin *' or add 'add_header Vary Origin always;'"),
            new FixHint(ProxyKind.CADDY, "send 'Access-Control-Allow-Origin *' or add 'header +Vary Origin'"),
            new FixHint(
                    ProxyKind.APACHE,
                    "send 'Access-Control-Allow-Origin \"*\"' or add 'Header always merge Vary Origin'"));

    private MatrixFixHints() {}
}
