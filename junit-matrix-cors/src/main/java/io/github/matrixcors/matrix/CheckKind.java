package io.github.matrixcors.matrix;

/** The request of an endpoint check that a {@link CheckResult} is about. */
public enum CheckKind {
    /** The {@code OPTIONS} preflight sent before the request. */
    PREFLIGHT,
    /** The request itself, with every redirect it followed. */
    ACTUAL
}
