package io.github.matrixcors.cors;

/** The reverse proxies that findings can give fix hints for. */
public enum ProxyKind {
    NGINX("nginx"),
    CADDY("Caddy"),
    APACHE("Apache httpd");

    private final String displayName;

    ProxyKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
