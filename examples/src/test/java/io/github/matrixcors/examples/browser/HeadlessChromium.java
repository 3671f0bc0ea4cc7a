package io.github.matrixcors.examples.browser;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.CredentialsMode;
import io.github.matrixcors.http.HeaderLine;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real headless Chromium, driven through Selenium and the system's chromedriver, that makes {@code fetch()} calls
 * from a page on {@code http://127.0.0.1:<port>} to another loopback origin and reports what the page's script saw.
 *
 * <p>One instance is one browser session with a fresh, temporary profile. {@link #run(List)} makes all the calls it
 * gets concurrently in one script execution, so a run of ten calls costs about as much as the slowest call.
 *
 * <p>Chromium caches preflight results per page origin, URL and credentials mode for the response's
 * {@code Access-Control-Max-Age} (5 s without it, at most 2 h). A second preflighted call to the same URL in the same
 * session could reuse a cached result and never reach the server, so this class rejects any URL it has already
 * fetched; {@link #uniqueUrl(URI)} makes distinct URLs that servers treat alike.
 *
 * <p>Chromium aborts requests in flight with {@code ERR_NETWORK_CHANGED} whenever a network interface appears or goes,
 * as one does each time Docker starts or stops a container. {@link #run(List)} makes such calls again under fresh URLs,
 * up to five times. Every host name other than {@code localhost} is unresolvable in this browser, so a redirect to
 * another host fails with {@code ERR_NAME_NOT_RESOLVED} instead of leaving the machine.
 *
 * <p>The paths come from system properties {@code matrixcors.chromium.binary} (default {@code /usr/bin/chromium}) and
 * {@code webdriver.chrome.driver} (default {@code /usr/bin/chromedriver}). Both are set explicitly so that Selenium
 * Manager never downloads a browser or driver.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The Chromium binary used unless the system property {@code matrixcors.chromium.binary} names another. */
    public static final String DEFAULT_BINARY = "/usr/bin/chromium";

    /** The chromedriver used unless the system property {@code webdriver.chrome.driver} names another. */
    public static final String DEFAULT_DRIVER = "/usr/bin/chromedriver";

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessChromium.class);

    // Selenium looks for a DevTools binding matching the browser version and warns when it has none (4.52 has none for
    // Chromium 156). The harness uses no DevTools binding, so the warning is noise. The strong reference keeps
    // java.util.logging from dropping the level setting.
    private static final java.util.logging.Logger CDP_VERSION_LOGGER = quietCdpVersionLogger();

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);

    private static final String UNIQUE_PARAMETER = "matrixcors";

    private static final int MAX_NETWORK_CHANGE_RETRIES = 5;

    // Docker usually adds or removes several interfaces in a row, so a retry waits for the changes to settle.
    private static final Duration NETWORK_SETTLE_TIME = Duration.ofMillis(500);

    // Runs every call concurrently and hands back one plain object per call, in order. A rejected fetch() is how a
    // browser reports a CORS failure to a script, so the catch branch is an expected outcome, not a harness error.
    private static final String FETCH_SCRIPT = """
            const calls = arguments[0];
            const timeoutMillis = arguments[1];
            const done = arguments[arguments.length - 1];
            async function makeCall(call) {
              const controller = new AbortController();
              const timer = setTimeout(() => controller.abort(), timeoutMillis);
              const started = performance.now();
              const init = {
                method: call.method,
                headers: call.headers,
                mode: 'cors',
                credentials: call.credentials,
                cache: 'no-store',
                redirect: 'follow',
                signal: controller.signal,
              };
              if (call.body !== null) {
                init.body = call.body;
              }
              try {
                const response = await fetch(call.url, init);
                const headers = [];
                response.headers.forEach((value, name) => headers.push([name, value]));
                await response.arrayBuffer();
                return {allowed: true, status: response.status, headers: headers,
                        millis: Math.round(performance.now() - started)};
              } catch (error) {
                return {allowed: false, error: error.name + ': ' + error.message,
                        timedOut: controller.signal.aborted, millis: Math.round(performance.now() - started)};
              } finally {
                clearTimeout(timer);
              }
            }
            Promise.all(calls.map(makeCall)).then(done, error => done({harnessError: String(error)}));
            """;

    private final PageServer page;
    private final Path profileDirectory;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Duration callTimeout;
    private final Set<String> fetchedUrls = new HashSet<>();
    private long uniqueCounter;

    /** Starts Chromium with a fresh profile and opens the page; each call may take up to 15 s. */
    public HeadlessChromium() {
        this(DEFAULT_CALL_TIMEOUT);
    }

    /** Starts Chromium with a fresh profile and opens the page; a call taking longer than {@code callTimeout} is aborted. */
    public HeadlessChromium(Duration callTimeout) {
        this.callTimeout = callTimeout;
        File binary = executable("matrixcors.chromium.binary", DEFAULT_BINARY, "chromium");
        File driverExecutable = executable("webdriver.chrome.driver", DEFAULT_DRIVER, "chromium-driver");
        System.setProperty("webdriver.chrome.driver", driverExecutable.getPath());

        page = new PageServer();
        try {
            profileDirectory = Files.createTempDirectory("matrixcors-chromium-");
        } catch (IOException e) {
            page.close();
            throw new UncheckedIOException("cannot create a temporary Chromium profile directory", e);
        }
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverExecutable)
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options(binary, profileDirectory));
            driver.manage().timeouts().scriptTimeout(callTimeout.plusSeconds(30));
            driver.get(page.origin() + "/");
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        LOG.info(
                "Started {} ({}) with the page at {}",
                binary,
                driver.getCapabilities().getBrowserVersion(),
                page.origin());
    }

    /** Returns the page's origin: the {@code Origin} every call carries, for example {@code http://127.0.0.1:40123}. */
    public String origin() {
        return page.origin();
    }

    /** Returns the Chromium version, for example {@code 156.0.8078.114}. */
    public String version() {
        return driver.getCapabilities().getBrowserVersion();
    }

    /**
     * Returns {@code url} with the query parameter {@code matrixcors=<n>} set, {@code n} unique within this session, so
     * that no cached preflight result applies to it. An earlier {@code matrixcors} parameter is replaced.
     */
    public URI uniqueUrl(URI url) {
        uniqueCounter++;
        String parameter = UNIQUE_PARAMETER + "=" + uniqueCounter;
        String query = url.getRawQuery() == null
                ? ""
                : url.getRawQuery().replaceAll("(^|&)" + UNIQUE_PARAMETER + "=[0-9]+", "");
        query = query.isEmpty() ? parameter : query.replaceFirst("^&", "") + "&" + parameter;
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "?" + query);
    }

    /**
     * Makes every call from the page concurrently and returns what the script saw, in the order of {@code calls}.
     *
     * @throws IllegalArgumentException when a call's origin is not this page's origin, its URL is not on a loopback
     *     host, or its URL was already fetched in this session
     */
    public List<BrowserOutcome> run(List<BrowserCall> calls) {
        for (BrowserCall call : calls) {
            checkCall(call);
        }
        List<BrowserOutcome> outcomes = new ArrayList<>(runOnce(calls));

        // Chromium aborts requests in flight with ERR_NETWORK_CHANGED when a network interface appears or goes, as it
        // does whenever Docker starts or stops a container. Such a call shows nothing about CORS, so it is made again,
        // under a fresh URL because the first one may have reached the server and filled the preflight cache.
        for (int attempt = 1; attempt <= MAX_NETWORK_CHANGE_RETRIES; attempt++) {
            List<Integer> interrupted = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (interruptedByNetworkChange(outcomes.get(i))) {
                    interrupted.add(i);
                }
            }
            if (interrupted.isEmpty()) {
                break;
            }
            List<BrowserCall> retries = new ArrayList<>();
            for (int index : interrupted) {
                retries.add(withFreshUrl(outcomes.get(index).call()));
            }
            LOG.warn(
                    "Chromium reported a network change during {} calls; making them again with fresh URLs",
                    retries.size());
            sleep(NETWORK_SETTLE_TIME);
            List<BrowserOutcome> retried = runOnce(retries);
            for (int i = 0; i < interrupted.size(); i++) {
                outcomes.set(interrupted.get(i), retried.get(i));
            }
        }
        return outcomes;
    }

    private List<BrowserOutcome> runOnce(List<BrowserCall> calls) {
        List<Map<String, Object>> scriptCalls = new ArrayList<>();
        for (BrowserCall call : calls) {
            scriptCalls.add(toScriptArgument(call));
            fetchedUrls.add(call.request().url().toString());
        }
        driver.manage().logs().get(LogType.BROWSER); // drops messages from earlier runs

        Object result = driver.executeAsyncScript(FETCH_SCRIPT, scriptCalls, callTimeout.toMillis());
        if (!(result instanceof List<?> results) || results.size() != calls.size()) {
            throw new IllegalStateException("the fetch script returned " + result + " instead of one result per call");
        }

        List<String> console = collectConsole(calls, results);
        List<BrowserOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            outcomes.add(toOutcome(calls.get(i), (Map<?, ?>) results.get(i), console));
        }
        return outcomes;
    }

    static boolean interruptedByNetworkChange(BrowserOutcome outcome) {
        return !outcome.allowed()
                && outcome.console().stream().anyMatch(message -> message.contains("net::ERR_NETWORK_CHANGED"));
    }

    private BrowserCall withFreshUrl(BrowserCall call) {
        BrowserRequest request = call.request();
        BrowserRequest fresh = new BrowserRequest(
                request.method(), uniqueUrl(request.url()), request.origin(), request.headers(), request.credentials());
        return new BrowserCall(call.name(), fresh, call.body());
    }

    /** Makes one call; see {@link #run(List)}. */
    public BrowserOutcome run(BrowserCall call) {
        return run(List.of(call)).get(0);
    }

    private void checkCall(BrowserCall call) {
        BrowserRequest request = call.request();
        if (!request.origin().equals(page.origin())) {
            throw new IllegalArgumentException("call '" + call.name() + "' has origin " + request.origin()
                    + " but the page's origin is " + page.origin() + ": build the request with origin()");
        }
        URI url = request.url();
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (!"http".equals(url.getScheme()) || !LOOPBACK_HOSTS.contains(host)) {
            throw new IllegalArgumentException("call '" + call.name() + "' targets " + url
                    + ", but this harness only fetches http URLs on localhost, 127.0.0.1 or [::1]");
        }
        if (fetchedUrls.contains(url.toString())) {
            throw new IllegalArgumentException("call '" + call.name() + "' targets " + url
                    + ", which this session already fetched, so a cached preflight result could hide its preflight:"
                    + " use uniqueUrl(url)");
        }
    }

    private static Map<String, Object> toScriptArgument(BrowserCall call) {
        BrowserRequest request = call.request();
        List<List<String>> headers = new ArrayList<>();
        for (HeaderLine line : request.headers()) {
            headers.add(List.of(line.name(), line.value()));
        }
        Map<String, Object> argument = new LinkedHashMap<>();
        argument.put("url", request.url().toString());
        argument.put("method", request.method());
        argument.put("headers", headers);
        argument.put("credentials", credentials(request.credentials()));
        argument.put("body", call.body());
        return argument;
    }

    private static String credentials(CredentialsMode mode) {
        return switch (mode) {
            case OMIT -> "omit";
            case SAME_ORIGIN -> "same-origin";
            case INCLUDE -> "include";
        };
    }

    // Console messages can reach chromedriver slightly after the script finished, so a blocked call without a message
    // gets a few short retries.
    private List<String> collectConsole(List<BrowserCall> calls, List<?> results) {
        List<String> messages = new ArrayList<>();
        for (int attempt = 0; attempt < 10; attempt++) {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                messages.add(entry.getLevel() + " " + entry.getMessage());
            }
            if (everyBlockedCallExplained(calls, results, messages)) {
                break;
            }
            sleep(Duration.ofMillis(50));
        }
        return messages;
    }

    private static boolean everyBlockedCallExplained(List<BrowserCall> calls, List<?> results, List<String> messages) {
        for (int i = 0; i < calls.size(); i++) {
            Map<?, ?> result = (Map<?, ?>) results.get(i);
            String url = calls.get(i).request().url().toString();
            if (!Boolean.TRUE.equals(result.get("allowed"))
                    && messages.stream().noneMatch(message -> mentions(message, url))) {
                return false;
            }
        }
        return true;
    }

    // True when the message contains the URL as a whole, so that "...?matrixcors=1" does not match "...?matrixcors=12".
    static boolean mentions(String message, String url) {
        for (int at = message.indexOf(url); at >= 0; at = message.indexOf(url, at + 1)) {
            int end = at + url.length();
            if (end == message.length() || !isUrlCharacter(message.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUrlCharacter(char character) {
        return Character.isLetterOrDigit(character) || "-._~%!$&()*+,;=:@/?#[]".indexOf(character) >= 0;
    }

    private static BrowserOutcome toOutcome(BrowserCall call, Map<?, ?> result, List<String> console) {
        String url = call.request().url().toString();
        List<String> callConsole =
                console.stream().filter(message -> mentions(message, url)).toList();
        long millis = ((Number) result.get("millis")).longValue();
        if (Boolean.TRUE.equals(result.get("allowed"))) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Object pair : (List<?>) result.get("headers")) {
                List<?> nameAndValue = (List<?>) pair;
                headers.put((String) nameAndValue.get(0), (String) nameAndValue.get(1));
            }
            int status = ((Number) result.get("status")).intValue();
            return new BrowserOutcome(call, true, status, headers, null, false, callConsole, millis);
        }
        boolean timedOut = Boolean.TRUE.equals(result.get("timedOut"));
        return new BrowserOutcome(
                call, false, 0, Map.of(), (String) result.get("error"), timedOut, callConsole, millis);
    }

    private static ChromeOptions options(File binary, Path profileDirectory) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-quic",
                "--no-proxy-server",
                // A redirect may name any host. Unresolvable names keep every request on loopback.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profileDirectory);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return options;
    }

    private static java.util.logging.Logger quietCdpVersionLogger() {
        java.util.logging.Logger logger =
                java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private static File executable(String property, String defaultPath, String debianPackage) {
        String path = System.getProperty(property, defaultPath);
        File file = new File(path);
        if (!file.canExecute()) {
            throw new IllegalStateException(path + " is missing or not executable: install it (on Debian or Ubuntu:"
                    + " apt-get install chromium chromium-driver, which provides " + debianPackage
                    + ") or set the system property " + property + " to its path");
        }
        return file;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Chromium", e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
        LOG.info("Stopped Chromium");
    }

    private void closeQuietly() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (WebDriverException e) {
            LOG.warn("Chromium did not quit cleanly", e);
        } finally {
            service.stop();
            page.close();
            deleteRecursively(profileDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary Chromium profile {}", directory, e);
        }
    }
}
