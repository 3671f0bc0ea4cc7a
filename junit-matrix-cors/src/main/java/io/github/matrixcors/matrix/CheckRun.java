package io.github.matrixcors.matrix;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.CorsEvaluator;
import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.http.ProbeException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of {@link MatrixCorsChecker#check}: sends the requests, judges the responses and turns probe failures into
 * findings.
 *
 * <p>The first check of each host (the homeserver, and the server-name host of the well-known files) runs alone. When
 * both its requests get no HTTP response because the host is unreachable, the other checks of that host are not sent.
 * They fail with the same cause, so a wrong port or a silent host costs one timeout instead of one per request.
 */
final class CheckRun {

    private static final Logger LOG = LoggerFactory.getLogger(MatrixCorsChecker.class);

    private static final Set<ProbeException.Kind> UNREACHABLE = Set.of(
            ProbeException.Kind.INVALID_URL,
            ProbeException.Kind.UNKNOWN_HOST,
            ProbeException.Kind.CONNECTION_REFUSED,
            ProbeException.Kind.CONNECT_TIMEOUT,
            ProbeException.Kind.RESPONSE_TIMEOUT,
            ProbeException.Kind.NOT_HTTP,
            ProbeException.Kind.TLS);

    private final Probe probe;
    private final CorsEvaluator evaluator;
    private final String accessToken;
    private final URI baseUri;
    private final URI wellKnownUri;
    private final AtomicInteger failures = new AtomicInteger();
    private final Map<URI, ProbeException> unreachable = new ConcurrentHashMap<>();

    CheckRun(Probe probe, CorsEvaluator evaluator, String accessToken, URI baseUri, URI wellKnownUri) {
        this.probe = probe;
        this.evaluator = evaluator;
        this.accessToken = accessToken;
        this.baseUri = baseUri;
        this.wellKnownUri = wellKnownUri;
    }

    /** Checks every endpoint from every origin and returns the results in that order, preflight first. */
    List<CheckResult> execute(List<Endpoint> endpoints, List<String> origins) {
        Set<URI> triedHosts = new HashSet<>();
        Set<URI> unreachableHosts = new HashSet<>();
        List<CompletableFuture<List<CheckResult>>> pending = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String origin : origins) {
                URI base = baseOf(endpoint);
                BrowserRequest request = WebClientRequests.forEndpoint(endpoint, base, origin, accessToken);
                if (unreachableHosts.contains(base)) {
                    pending.add(CompletableFuture.completedFuture(notSent(endpoint, request, base)));
                } else if (triedHosts.add(base)) {
                    List<CheckResult> first =
                            checkAsync(endpoint, request, base).join();
                    if (first.stream().allMatch(result -> result.exchanges().isEmpty())
                            && unreachable.containsKey(base)) {
                        unreachableHosts.add(base);
                    }
                    pending.add(CompletableFuture.completedFuture(first));
                } else {
                    pending.add(checkAsync(endpoint, request, base));
                }
            }
        }

        List<CheckResult> results = new ArrayList<>();
        for (CompletableFuture<List<CheckResult>> future : pending) {
            results.addAll(future.join());
        }
        if (failures.get() > 0) {
            LOG.warn(
                    "{} of {} requests to {} got no HTTP response or were not sent",
                    failures.get(),
                    results.size(),
                    baseUri);
        }
        return results;
    }

    private URI baseOf(Endpoint endpoint) {
        return endpoint.group() == EndpointGroup.WELL_KNOWN ? wellKnownUri : baseUri;
    }

    private CompletableFuture<List<CheckResult>> checkAsync(Endpoint endpoint, BrowserRequest request, URI base) {
        CompletableFuture<CheckResult> preflight = start(() -> probe.preflightAsync(request))
                .handle((exchange, error) -> exchange != null
                        ? judgePreflight(endpoint, request, exchange)
                        : failed(endpoint, request, CheckKind.PREFLIGHT, error, base));
        CompletableFuture<CheckResult> actual = start(() -> probe.fetchAsync(request))
                .handle((exchange, error) -> exchange != null
                        ? judgeActual(endpoint, request, exchange)
                        : failed(endpoint, request, CheckKind.ACTUAL, error, base));
        return preflight.thenCombine(actual, List::of);
    }

    private CheckResult judgePreflight(Endpoint endpoint, BrowserRequest request, Exchange preflight) {
        List<Finding> findings = Findings.merge(
                evaluator.evaluatePreflight(request, preflight).findings(),
                MatrixRules.checkPreflight(endpoint, request, preflight));
        findings.addAll(AdviceRules.checkPreflight(preflight));
        if (!request.needsPreflight()) {
            findings = Findings.withoutPreflight(findings, request);
        }
        String name = CheckResult.nameOf(endpoint, request.origin(), CheckKind.PREFLIGHT);
        return new CheckResult(name, endpoint, request.origin(), CheckKind.PREFLIGHT, findings, List.of(preflight));
    }

    private CheckResult judgeActual(Endpoint endpoint, BrowserRequest request, Exchange actual) {
        List<Finding> findings = Findings.merge(
                evaluator.evaluateResponse(request, actual).findings(),
                MatrixRules.checkActual(endpoint, request, actual));
        String name = CheckResult.nameOf(endpoint, request.origin(), CheckKind.ACTUAL);
        return new CheckResult(name, endpoint, request.origin(), CheckKind.ACTUAL, findings, List.of(actual));
    }

    private CheckResult failed(Endpoint endpoint, BrowserRequest request, CheckKind kind, Throwable error, URI base) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof ProbeException probeError)) {
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        }
        String method = kind == CheckKind.PREFLIGHT ? "OPTIONS" : request.method();
        if (failures.getAndIncrement() == 0) {
            LOG.warn("{} {} failed: {}", method, request.url(), probeError.getMessage());
        } else {
            LOG.debug("{} {} failed: {}", method, request.url(), probeError.getMessage());
        }

        Finding failure = new Finding(
                MatrixCorsChecker.PROBE_FAILED,
                Severity.ERROR,
                method + " " + request.url() + " got no HTTP response: " + probeError.getMessage(),
                null,
                List.of());
        Exchange partial = probeError.partialExchange().orElse(null);
        if (partial == null) {
            if (UNREACHABLE.contains(probeError.kind())) {
                unreachable.putIfAbsent(base, probeError);
            }
            String name = CheckResult.nameOf(endpoint, request.origin(), kind);
            return new CheckResult(name, endpoint, request.origin(), kind, List.of(failure), List.of());
        }
        // The redirects before the failure got responses: judge them too, because a missing CORS header there blocks
        // the browser before it ever reaches the failing hop.
        CheckResult judged = judgeActual(endpoint, request, partial);
        List<Finding> findings = new ArrayList<>(judged.findings());
        findings.add(failure);
        return new CheckResult(judged.name(), endpoint, request.origin(), kind, findings, judged.exchanges());
    }

    private List<CheckResult> notSent(Endpoint endpoint, BrowserRequest request, URI base) {
        ProbeException cause = unreachable.get(base);
        List<CheckResult> results = new ArrayList<>();
        for (CheckKind kind : CheckKind.values()) {
            failures.incrementAndGet();
            String method = kind == CheckKind.PREFLIGHT ? "OPTIONS" : request.method();
            Finding finding = new Finding(
                    MatrixCorsChecker.PROBE_FAILED,
                    Severity.ERROR,
                    method + " " + request.url() + " was not sent, because the first request to " + base
                            + " got no HTTP response: " + cause.getMessage(),
                    null,
                    List.of());
            String name = CheckResult.nameOf(endpoint, request.origin(), kind);
            results.add(new CheckResult(name, endpoint, request.origin(), kind, List.of(finding), List.of()));
        }
        return results;
    }

    // Turns an exception thrown while starting a request (for example an invalid URL) into a failed future.
    private static CompletableFuture<Exchange> start(Supplier<CompletableFuture<Exchange>> send) {
        try {
            return send.get();
        } catch (ProbeException error) {
            return CompletableFuture.failedFuture(error);
        }
    }
}
