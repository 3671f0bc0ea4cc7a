package io.github.matrixcors.bench;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.CorsEvaluator;
import io.github.matrixcors.cors.Verdict;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.HeaderLine;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.matrix.Endpoint;
import io.github.matrixcors.matrix.EndpointCatalogue;
import io.github.matrixcors.testing.ScriptedHttpServer;
import io.github.matrixcors.testing.ScriptedResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Measures how fast the probe sweeps preflight and actual request pairs against a local server, next to the same
 * requests sent by one {@code curl} process each, and prints both rates and their ratio.
 *
 * <p>Arguments: {@code [pairs] [rounds] [baseUrl]}, default 300 pairs (the bundled endpoint catalogue, cycled, with
 * two origins) and 5 measured rounds after one warm-up round. The probe result is the median round. Each round also
 * evaluates every pair with {@link CorsEvaluator}, so the rate covers the whole check, not only the HTTP traffic.
 * Without {@code baseUrl} the requests go to an in-process server whose answers all pass; with it they go to that
 * server, for example a local reverse proxy, and the benchmark counts the pairs a browser would allow.
 */
public final class SweepBenchmark {

    private static final List<String> ORIGINS = List.of("https://app.element.io", "https://app.cinny.in");

    private SweepBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        URI target = args.length > 2 ? Probe.parseUrl(args[2]) : null;

        try (ScriptedHttpServer server = ScriptedHttpServer.start();
                Probe probe = Probe.withDefaults()) {
            server.otherwise(request -> request.method().equals("OPTIONS")
                    ? ScriptedResponse.status(204)
                            .header("Access-Control-Allow-Origin", "*")
                            .header("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS")
                            .header("Access-Control-Allow-Headers", "X-Requested-With, Content-Type, Authorization")
                            .header("Access-Control-Max-Age", "7200")
                    : ScriptedResponse.status(200)
                            .header("Access-Control-Allow-Origin", "*")
                            .json("{}"));
            URI base = target != null ? target : server.uri("/");
            List<BrowserRequest> requests = requests(base, pairs);
            CorsEvaluator evaluator = new CorsEvaluator(BrowserProfile.CHROMIUM);

            int allowed = sweep(probe, evaluator, requests, new ArrayList<>());
            if (target == null && allowed != requests.size()) {
                throw new IllegalStateException("Only " + allowed + " of " + requests.size()
                        + " requests passed the CORS check, so the benchmark server's scripted headers are wrong");
            }
            List<Double> seconds = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                sweep(probe, evaluator, requests, seconds);
            }
            seconds.sort(Double::compare);
            double probeSeconds = seconds.get(seconds.size() / 2);
            double curlSeconds = curlLoop(requests);

            int sent = 2 * requests.size();
            double probeRate = sent / probeSeconds;
            double curlRate = sent / curlSeconds;
            System.out.printf("target: %s%n", base);
            System.out.printf("requests per sweep: %d (%d preflight + actual pairs)%n", sent, requests.size());
            System.out.printf("pairs a browser allows: %d of %d%n", allowed, requests.size());
            System.out.printf(
                    "probe (%d concurrent, median of %d rounds): %.3f s, %.0f requests/s%n",
                    probe.maxConcurrentRequests(), rounds, probeSeconds, probeRate);
            System.out.printf("curl, one process per request:      %.3f s, %.0f requests/s%n", curlSeconds, curlRate);
            System.out.printf("ratio probe/curl: %.1fx%n", probeRate / curlRate);
        }
    }

    private static List<BrowserRequest> requests(URI base, int pairs) {
        List<Endpoint> endpoints = EndpointCatalogue.standard().endpoints();
        List<BrowserRequest> requests = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            String origin = ORIGINS.get((i / endpoints.size()) % ORIGINS.size());
            requests.add(BrowserRequest.of(endpoint.method(), endpoint.sampleUri(base), origin)
                    .withHeader("Authorization", "Bearer matrixcors_invalid_token")
                    .withHeader("Content-Type", "application/json"));
        }
        return requests;
    }

    // Sends every preflight and actual request concurrently, evaluates them, adds the seconds this took to
    // durations and returns how many requests a browser would allow.
    private static int sweep(
            Probe probe, CorsEvaluator evaluator, List<BrowserRequest> requests, List<Double> durations) {
        long started = System.nanoTime();
        List<CompletableFuture<Verdict>> verdicts = new ArrayList<>();
        for (BrowserRequest request : requests) {
            CompletableFuture<Exchange> preflight = probe.preflightAsync(request);
            CompletableFuture<Exchange> actual = probe.fetchAsync(request);
            verdicts.add(preflight.thenCombine(actual, (p, a) -> evaluator.evaluate(request, p, a)));
        }
        int allowed = 0;
        for (CompletableFuture<Verdict> verdict : verdicts) {
            allowed += verdict.join().allowed() ? 1 : 0;
        }
        durations.add((System.nanoTime() - started) / 1e9);
        return allowed;
    }

    // Returns the seconds a shell-style loop takes: one curl process per request, one after another.
    private static double curlLoop(List<BrowserRequest> requests) throws IOException, InterruptedException {
        long started = System.nanoTime();
        for (BrowserRequest request : requests) {
            List<String> preflight = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-X", "OPTIONS"));
            addHeader(preflight, "Origin", request.origin());
            addHeader(preflight, "Accept", "*/*");
            addHeader(preflight, "Access-Control-Request-Method", request.normalizedMethod());
            addHeader(preflight, "Access-Control-Request-Headers", String.join(",", request.unsafeHeaderNames()));
            preflight.add(request.url().toString());
            run(preflight);

            List<String> actual = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-X", request.method()));
            addHeader(actual, "Origin", request.origin());
            for (HeaderLine line : request.headers()) {
                addHeader(actual, line.name(), line.value());
            }
            if (request.method().equals("POST") || request.method().equals("PUT")) {
                actual.add("--data");
                actual.add("{}");
            }
            actual.add(request.url().toString());
            run(actual);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void addHeader(List<String> command, String name, String value) {
        command.add("-H");
        command.add(name + ": " + value);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("curl exited with " + exit + ": " + String.join(" ", command));
        }
    }
}
