package io.github.matrixcors.matrix;

/** Which request of an endpoint check a {@link CheckResult} is about. */
public enum CheckKind {
    /** The {@code OPTIONS} preflight sent before the request. */
    PREFLIGHT,
    /** The request itself, with every redirect it followed. */
    ACTUAL
}
