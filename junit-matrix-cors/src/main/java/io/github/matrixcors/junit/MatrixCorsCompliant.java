package io.github.matrixcors.junit;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.matrix.EndpointGroup;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks the test class's Matrix homeserver the way a browser-based Matrix client would use it. For every selected
 * endpoint and origin, the extension sends a preflight and the actual request, and judges the responses by the Fetch
 * Standard's CORS rules and the Matrix Client-Server API. Each check is reported as its own test, named for example
 * {@code OPTIONS /_matrix/client/v3/sync from https://app.element.io}.
 *
 * <pre>{@code
 * @MatrixCorsCompliant
 * class ProxyCorsTest implements MatrixCorsSuite {
 *     static MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.NGINX, ProxyPreset.CORRECT);
 * }
 * }</pre>
 *
 * <h2>Where the checks come from</h2>
 *
 * JUnit Jupiter builds its test tree from methods, so an annotation alone cannot add tests to a class. The checks run
 * in a {@code @TestFactory} with one dynamic test per check. {@link MatrixCorsSuite} declares that factory as a default
 * method and carries this annotation with its defaults, so {@code implements MatrixCorsSuite} is all a class needs; put
 * this annotation on the class as well to change the settings. A class can also write its own {@code @TestFactory}
 * that takes a {@link MatrixCorsChecks} parameter.
 *
 * <h2>Where the homeserver comes from</h2>
 *
 * The extension looks in this order and takes the first kind it finds:
 *
 * <ol>
 *   <li>A field whose declared type is a {@link io.github.matrixcors.MatrixHomeserver}, such as a Synapse container or a
 *       Synapse-behind-a-proxy stack. A static field is shared by the class: it is started before all tests if
 *       {@code isRunning()} returns false, and stopped after them if the extension started it. An instance field is
 *       started and stopped around each test method, so around the whole factory of checks.
 *   <li>A field or no-argument method annotated with {@link HomeserverUrl}, of type {@code String} or
 *       {@link java.net.URI}, giving the base URL of a server that is already running.
 *   <li>The configuration parameter or system property {@value #HOMESERVER_PROPERTY}, else the environment variable
 *       {@value #HOMESERVER_ENVIRONMENT_VARIABLE}, naming a live server. A class that declares no homeserver can so check
 *       a staging or production server from a pipeline.
 * </ol>
 *
 * The test class is searched with its superclasses; a {@code @Nested} class without a homeserver of its own uses the
 * one of its enclosing classes.
 *
 * <h2>Settings</h2>
 *
 * Each attribute can be overridden with a JUnit configuration parameter, which includes system properties and
 * {@code junit-platform.properties}, for example {@code -Dmatrixcors.origins=https://chat.example.org}. List values are
 * comma-separated. The property names are listed on each attribute.
 *
 * <h2>Errors</h2>
 *
 * An {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} names the element and the fix. It fails
 * the class, before its first test, when:
 *
 * <ul>
 *   <li>no homeserver is found, or two are found (two fields, two annotated members, or one of each);
 *   <li>a field or method annotated with {@link HomeserverUrl} has another type than {@code String} or {@code URI}, or
 *       a method takes parameters;
 *   <li>a static {@code MatrixHomeserver} field is null;
 *   <li>an origin, a path or a property value is invalid, or a path matches no catalogue endpoint;
 *   <li>{@link #registerUser()} is true but the homeserver is given by URL;
 *   <li>the class carries this annotation but has no test that runs the checks (it neither implements
 *       {@link MatrixCorsSuite} nor declares a method taking {@link MatrixCorsChecks}).
 * </ul>
 *
 * It fails the test that needs the value, which for the checks is the {@code @TestFactory}, when:
 *
 * <ul>
 *   <li>a {@link HomeserverUrl} member gives a null, relative or malformed URL;
 *   <li>an instance {@code MatrixHomeserver} field is null;
 *   <li>{@link #registerUser()} is true but the homeserver's {@code supportsRegistration()} returns false.
 * </ul>
 *
 * A homeserver that fails to start because Testcontainers finds no Docker environment fails the class (static field) or
 * the test (instance field) with an {@link IllegalStateException}, or aborts it, reported as skipped, when
 * {@link #disabledWithoutDocker()} is true. Each check that a browser would block fails with
 * an {@link org.opentest4j.AssertionFailedError} listing every finding, its fix hints and the request and response it is
 * about.
 *
 * <h2>Limitations</h2>
 *
 * <ul>
 *   <li>A class with no test method at all is not run by JUnit, so this annotation on such a class does nothing. Add
 *       {@code implements MatrixCorsSuite}.
 *   <li>The extension stops the homeservers it started, and closes its probe, through JUnit's closing of
 *       {@code AutoCloseable} values in the extension context store. Setting the configuration parameter
 *       {@code junit.jupiter.extensions.store.close.autocloseable.enabled} to false leaves them running.
 *   <li>The checks run once per factory invocation, all before the first dynamic test is reported; the dynamic tests
 *       then report results that are already known.
 *   <li>Mutating requests (POST, PUT, DELETE) carry an invalid access token and an empty JSON body, so the server
 *       rejects them with an error before changing any state, and the checks see the CORS headers of error responses
 *       only.
 *   <li>Surefire's XML report names dynamic tests by their index, such as {@code matrixCorsCompliance(MatrixCorsChecks)[2][1]},
 *       unless its {@code statelessTestsetReporter} is {@code JUnit5Xml30StatelessReporter} with
 *       {@code usePhrasedTestCaseMethodName} set to true. It then joins the names of the group, the factory and the
 *       check. IDEs show the tree of display names.
 * </ul>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MatrixCorsExtension.class)
public @interface MatrixCorsCompliant {

    /** Configuration parameter or system property naming a live homeserver's base URL. */
    String HOMESERVER_PROPERTY = "matrixcors.homeserver";

    /** Environment variable naming a live homeserver's base URL, read when the property is not set. */
    String HOMESERVER_ENVIRONMENT_VARIABLE = "MATRIXCORS_HOMESERVER";

    /**
     * Configuration parameter or system property with an existing account's access token, used for authenticated GET
     * requests when the extension does not register a user. It is never logged or reported.
     */
    String ACCESS_TOKEN_PROPERTY = "matrixcors.accessToken";

    /** Environment variable with an access token, read when the property is not set. */
    String ACCESS_TOKEN_ENVIRONMENT_VARIABLE = "MATRIXCORS_ACCESS_TOKEN";

    /** Property overriding {@link #origins()}, comma-separated. */
    String ORIGINS_PROPERTY = "matrixcors.origins";

    /** Property overriding {@link #groups()}, comma-separated ids such as {@code sync,well-known}. */
    String GROUPS_PROPERTY = "matrixcors.groups";

    /** Property overriding {@link #paths()}, comma-separated. */
    String PATHS_PROPERTY = "matrixcors.paths";

    /** Property overriding {@link #registerUser()}: {@code true} or {@code false}. */
    String REGISTER_USER_PROPERTY = "matrixcors.registerUser";

    /** Property overriding {@link #profile()}, by constant name such as {@code firefox}, ignoring case. */
    String PROFILE_PROPERTY = "matrixcors.profile";

    /** Property overriding {@link #failOn()}, by constant name such as {@code warning}, ignoring case. */
    String FAIL_ON_PROPERTY = "matrixcors.failOn";

    /** Property overriding {@link #disabledWithoutDocker()}: {@code true} or {@code false}. */
    String DISABLED_WITHOUT_DOCKER_PROPERTY = "matrixcors.disabledWithoutDocker";

    /**
     * Property setting how long the probe waits for a TCP (and TLS) connection: seconds such as {@code 10}, or an
     * ISO-8601 duration such as {@code PT10S}. The default is 5 s.
     */
    String CONNECT_TIMEOUT_PROPERTY = "matrixcors.connectTimeout";

    /**
     * Property setting how long the probe waits for each read of a response once connected: seconds such as {@code 30},
     * or an ISO-8601 duration such as {@code PT30S}. The default is 10 s. A whole request also ends after the connect
     * timeout plus this timeout.
     */
    String RESPONSE_TIMEOUT_PROPERTY = "matrixcors.responseTimeout";

    /**
     * The origins of the web clients to check, serialized as browsers send them in the {@code Origin} header:
     * {@code scheme://host[:port]} in lowercase, without a default port, path or trailing slash, or {@code null}. They are
     * only header values: no request is ever sent to them. Property: {@value #ORIGINS_PROPERTY}.
     */
    String[] origins() default {"https://app.element.io"};

    /**
     * The groups of catalogue endpoints to check. When both this and {@link #paths()} are empty, the whole catalogue is
     * checked; otherwise the endpoints of these groups and those of the paths. Property: {@value #GROUPS_PROPERTY}.
     */
    EndpointGroup[] groups() default {};

    /**
     * Explicit catalogue endpoints to check, each a path such as {@code /_matrix/client/v3/sync} (every method the
     * catalogue lists for it) or a method and a path such as {@code GET /_matrix/client/v3/sync}. A path may be a
     * catalogue template such as {@code /_matrix/client/v3/rooms/{roomId}/messages} or a concrete path. Property:
     * {@value #PATHS_PROPERTY}.
     */
    String[] paths() default {};

    /**
     * Whether to register a user on the homeserver and send its access token on authenticated GET and HEAD requests, so
     * that responses are the real ones rather than 401 errors. Needs a homeserver field whose
     * {@code supportsRegistration()} returns true, such as a Synapse container. Property:
     * {@value #REGISTER_USER_PROPERTY}.
     */
    boolean registerUser() default false;

    /** Whose CORS rules judge the responses. Property: {@value #PROFILE_PROPERTY}. */
    BrowserProfile profile() default BrowserProfile.CHROMIUM;

    /**
     * The minimum severity of a finding that fails a check: {@code ERROR} fails only what a browser blocks, {@code WARNING} also
     * fails deviations from the Matrix specification. Property: {@value #FAIL_ON_PROPERTY}.
     */
    Severity failOn() default Severity.ERROR;

    /**
     * Whether a homeserver that cannot start because no Docker environment is available aborts the class, so that its
     * tests are reported as skipped, rather than failing it. Property: {@value #DISABLED_WITHOUT_DOCKER_PROPERTY}.
     */
    boolean disabledWithoutDocker() default false;
}
