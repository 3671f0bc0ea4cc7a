package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.ProxyKind;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Prints how long {@link MatrixStack} takes to start Synapse behind nginx, next to a plain {@code docker run} of the
 * same two images with the same configuration, both measured until {@code /_matrix/client/versions} answers 200
 * through the proxy. Then it asks for the shared stack from several simulated test classes and prints what each paid.
 *
 * <p>Run it as described in {@code docs/benchmarks.md}. It uses {@code /usr/bin/docker} for the plain runs and removes
 * every container and network it creates.
 */
public final class StackStartupBenchmark {

    private static final String DOCKER = "/usr/bin/docker";

    private StackStartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("Synapse " + MatrixImages.synapse().asCanonicalNameString() + " behind nginx "
                + MatrixImages.nginx().asCanonicalNameString() + ", " + rounds + " rounds, alternating");

        // One unmeasured round each, so that both start with warm image layers and a loaded JVM.
        composite();
        plainDockerRun();

        List<Long> composite = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            composite.add(composite());
            plain.add(plainDockerRun());
            System.out.printf(
                    "round %d: MatrixStack %d ms, docker run %d ms%n",
                    round + 1, composite.get(round), plain.get(round));
        }
        long compositeMedian = median(composite);
        long plainMedian = median(plain);
        System.out.printf(
                "median: MatrixStack %d ms, docker run %d ms, difference %+.1f %%%n",
                compositeMedian, plainMedian, 100.0 * (compositeMedian - plainMedian) / plainMedian);

        sharedAcrossClasses();
    }

    private static long composite() {
        long started = System.nanoTime();
        try (MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.NGINX, ProxyPreset.CORRECT)) {
            stack.start();
            return elapsedMillis(started);
        }
    }

    /** Starts the same two images by hand: network, both containers at once, then polls through the proxy. */
    private static long plainDockerRun() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String network = "testcontainers-bench-" + suffix;
        String synapse = "testcontainers-bench-synapse-" + suffix;
        String nginx = "testcontainers-bench-nginx-" + suffix;
        Path directory = Files.createTempDirectory("matrix-cors-bench");
        SynapseConfig config = new SynapseConfig("localhost");
        Files.writeString(directory.resolve("homeserver.yaml"), config.toYaml());
        Files.writeString(directory.resolve("signing.key"), config.signingKey());
        Files.writeString(directory.resolve("nginx.conf"), NginxProxyContainer.mainConfig());
        Files.writeString(
                directory.resolve("site.conf"),
                new NginxProxyContainer(MatrixImages.NGINX)
                        .withHomeserverAddress("synapse:8008")
                        .getRenderedConfig());

        long started = System.nanoTime();
        try {
            docker("network", "create", network);
            docker(
                    "run",
                    "-d",
                    "--name",
                    synapse,
                    "--network",
                    network,
                    "--network-alias",
                    "synapse",
                    "-e",
                    "UID=0",
                    "-e",
                    "GID=0",
                    "-v",
                    directory.resolve("homeserver.yaml") + ":/data/homeserver.yaml:ro",
                    "-v",
                    directory.resolve("signing.key") + ":/data/signing.key:ro",
                    MatrixImages.synapse().asCanonicalNameString());
            docker(
                    "run",
                    "-d",
                    "--name",
                    nginx,
                    "--network",
                    network,
                    "-p",
                    "127.0.0.1::80",
                    "-v",
                    directory.resolve("nginx.conf") + ":/etc/nginx/nginx.conf:ro",
                    "-v",
                    directory.resolve("site.conf") + ":" + NginxProxyContainer.SITE_CONFIG_PATH + ":ro",
                    MatrixImages.nginx().asCanonicalNameString());
            String port = docker("port", nginx, "80/tcp").lines().findFirst().orElseThrow();
            URI versions = URI.create("http://" + port.strip() + "/_matrix/client/versions");
            awaitOk(versions);
            return elapsedMillis(started);
        } finally {
            docker("rm", "-f", "-v", synapse, nginx);
            docker("network", "rm", network);
            for (String file : List.of("homeserver.yaml", "signing.key", "nginx.conf", "site.conf")) {
                Files.deleteIfExists(directory.resolve(file));
            }
            Files.deleteIfExists(directory);
        }
    }

    /** Asks for the shared stack as the first call of each of several test classes would. */
    private static void sharedAcrossClasses() {
        MatrixStack first = null;
        for (int testClass = 1; testClass <= 4; testClass++) {
            long started = System.nanoTime();
            MatrixStack stack = MatrixStack.shared(ProxyKind.NGINX, ProxyPreset.CORRECT);
            System.out.printf(
                    "test class %d: MatrixStack.shared(...) took %d ms, same instance as class 1: %s%n",
                    testClass, elapsedMillis(started), first == null || first == stack);
            if (first == null) {
                first = stack;
            }
        }
    }

    private static void awaitOk(URI uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setInstanceFollowRedirects(false);
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not up yet.
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException(uri + " did not answer 200 within 120 s");
    }

    private static String docker(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(DOCKER);
        Collections.addAll(command, arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
