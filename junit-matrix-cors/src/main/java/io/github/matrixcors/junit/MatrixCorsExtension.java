package io.github.matrixcors.junit;

import io.github.matrixcors.MatrixAccount;
import io.github.matrixcors.MatrixHomeserver;
import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.junit.HomeserverSource.HomeserverField;
import io.github.matrixcors.junit.HomeserverSource.LiveServer;
import io.github.matrixcors.junit.HomeserverSource.UrlMember;
import io.github.matrixcors.matrix.CheckResult;
import io.github.matrixcors.matrix.MatrixCorsChecker;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension behind {@link MatrixCorsCompliant}: finds and starts the homeserver, resolves parameters, turns check
 * results into dynamic tests and report entries, and writes the compliance summary of each class.
 */
final class MatrixCorsExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver, InvocationInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(MatrixCorsExtension.class);

    private static final Namespace NAMESPACE = Namespace.create(MatrixCorsExtension.class);

    // Guards the get-then-put in computeIfAbsent: Store.computeIfAbsent exists only from JUnit 6.0, and
    // Store.getOrComputeIfAbsent is deprecated there.
    private static final Object STORE_LOCK = new Object();

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassState state = classState(context);
        Class<?> testClass = context.getRequiredTestClass();

        if (state.annotatedOnClass() && !runsChecks(testClass)) {
            throw new ExtensionConfigurationException(testClass.getSimpleName()
                    + " is annotated with @MatrixCorsCompliant but has no test that runs the checks: add"
                    + " `implements MatrixCorsSuite` to the class, or declare a @TestFactory method that takes a"
                    + " MatrixCorsChecks parameter.");
        }
        if (state.source() instanceof HomeserverField field && field.isStatic()) {
            startHomeserver(context.getStore(NAMESPACE), context, field, state.settings());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassState state = classState(context);
        if (state.source() instanceof HomeserverField field && !field.isStatic()) {
            startHomeserver(instanceScopeStore(context), context, field, state.settings());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassState state =
                context.getStore(NAMESPACE).get(new ClassStateKey(context.getRequiredTestClass()), ClassState.class);
        if (state != null) {
            state.summary().publish(context);
        }
    }

    /** Publishes the findings of a check as report entries of its dynamic test, then runs the test. */
    @Override
    public void interceptDynamicTest(
            Invocation<Void> invocation,
            DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        if (invocationContext.getExecutable() instanceof CheckAssertion check) {
            for (Finding finding : check.result().findings()) {
                extensionContext.publishReportEntry(
                        "matrixcors." + finding.severity().name().toLowerCase(Locale.ROOT),
                        finding.ruleId() + ": " + finding.message());
            }
        }
        invocation.proceed();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return parameterContext.isAnnotated(HomeserverUrl.class)
                || type == Probe.class
                || type == MatrixCorsChecks.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (parameterContext.isAnnotated(HomeserverUrl.class)) {
            if (type != URI.class && type != String.class) {
                throw new ParameterResolutionException(String.format(
                        "@HomeserverUrl parameter %s of %s has type %s, but must be URI or String: change its type.",
                        parameterContext.getParameter().getName(),
                        parameterContext.getDeclaringExecutable().getName(),
                        type.getSimpleName()));
            }
            URI baseUri = baseUri(extensionContext);
            return type == URI.class ? baseUri : baseUri.toString();
        }
        if (type == Probe.class) {
            return probe(extensionContext);
        }
        if (type == MatrixCorsChecks.class) {
            CheckSettings settings = classState(extensionContext).settings();
            return new MatrixCorsChecks(
                    () -> runChecks(extensionContext), settings.failOn(), proxyKind(extensionContext));
        }
        throw new ParameterResolutionException("Unsupported parameter " + parameterContext.getParameter());
    }

    /**
     * Returns the probe shared by the tests of the class, which JUnit closes after them. Its timeouts come from the
     * properties {@value MatrixCorsCompliant#CONNECT_TIMEOUT_PROPERTY} and
     * {@value MatrixCorsCompliant#RESPONSE_TIMEOUT_PROPERTY} when they are set.
     */
    static Probe probe(ExtensionContext context) {
        return computeIfAbsent(
                classContext(context).getStore(NAMESPACE),
                Probe.class,
                Probe.class,
                () -> ProbeTimeouts.newProbe(context::getConfigurationParameter));
    }

    /** Runs the selected checks against the class's homeserver and adds the results to the class summary. */
    private static List<CheckResult> runChecks(ExtensionContext context) {
        ClassState state = classState(context);
        CheckSettings settings = state.settings();
        URI baseUri = baseUri(context);
        String accessToken = accessToken(context, state);

        LOG.info(
                "Checking {} endpoints from {} at {} as {}",
                settings.endpoints().size(),
                settings.origins(),
                baseUri,
                settings.profile().displayName());
        List<CheckResult> results;
        try (MatrixCorsChecker checker = MatrixCorsChecker.builder()
                .baseUri(baseUri)
                .origins(settings.origins())
                .profile(settings.profile())
                .accessToken(accessToken)
                .probe(probe(context))
                .build()) {
            results = checker.check(settings.endpoints());
        }
        state.summary().add(results, settings.failOn());
        return results;
    }

    /** Returns the access token to send on authenticated GET requests, registering a user when the settings ask to. */
    private static String accessToken(ExtensionContext context, ClassState state) {
        if (!state.settings().registerUser()) {
            return state.settings().accessToken();
        }
        HomeserverField source = (HomeserverField) state.source();
        MatrixHomeserver homeserver = homeserverIn(context, source);
        if (!homeserver.supportsRegistration()) {
            throw new ExtensionConfigurationException(String.format(
                    "@MatrixCorsCompliant(registerUser = true) needs a homeserver that can register users, but %s"
                            + " (%s) cannot: set registerUser = false, or use a homeserver that supports registration,"
                            + " such as a Synapse container.",
                    source.description(), homeserver.getClass().getSimpleName()));
        }
        String localpart = "matrixcors-" + UUID.randomUUID().toString().substring(0, 8);
        MatrixAccount account = homeserver.registerUser(localpart);
        LOG.info("Registered {} to send a real access token", account.userId());
        return account.accessToken();
    }

    /** Returns the proxy in front of the class's homeserver field, when the homeserver tells it. */
    private static Optional<ProxyKind> proxyKind(ExtensionContext context) {
        if (classState(context).source() instanceof HomeserverField field) {
            return homeserverIn(context, field).proxyKind();
        }
        return Optional.empty();
    }

    /** Returns the base URL of the class's homeserver, reading the field, method or property that gives it. */
    static URI baseUri(ExtensionContext context) {
        ClassState state = classState(context);
        HomeserverSource source = state.source();
        if (source instanceof LiveServer live) {
            return live.baseUri();
        }
        if (source instanceof HomeserverField field) {
            return homeserverIn(context, field).baseUri();
        }
        UrlMember member = (UrlMember) source;
        Object target = member.isStatic() ? null : instanceDeclaring(context, member.member());
        Object value = member.member() instanceof Method method
                ? ReflectionSupport.invokeMethod(method, target)
                : readField((Field) member.member(), target);
        if (value == null) {
            throw new ExtensionConfigurationException(String.format(
                    "@HomeserverUrl %s is null: give the base URL of a running homeserver, such as"
                            + " http://localhost:8008.",
                    member.description()));
        }
        return HomeserverSource.parseBaseUrl(value.toString(), member.description());
    }

    /** Returns the homeserver object of a {@code MatrixHomeserver} field, failing with the fix if it is null. */
    static MatrixHomeserver homeserverIn(ExtensionContext context, HomeserverField source) {
        Field field = source.field();
        Object target = source.isStatic() ? null : instanceDeclaring(context, field);
        MatrixHomeserver homeserver = (MatrixHomeserver) readField(field, target);
        if (homeserver == null) {
            String where = source.isStatic()
                    ? "where it is declared or in a static initializer"
                    : "where it is declared or in the constructor";
            throw new ExtensionConfigurationException(String.format(
                    "MatrixHomeserver %s is null: assign the homeserver %s, so that the extension can start it.",
                    source.description(), where));
        }
        return homeserver;
    }

    /** Returns the state of the class that {@code context} belongs to, resolving it on first use. */
    static ClassState classState(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        ClassStateKey key = new ClassStateKey(classContext.getRequiredTestClass());
        return computeIfAbsent(
                classContext.getStore(NAMESPACE), key, ClassState.class, () -> ClassState.resolve(classContext));
    }

    // Store lookups fall back to the parent contexts, so the key names the class: a @Nested class gets its own state.
    private record ClassStateKey(Class<?> testClass) {}

    /** Returns the context of the innermost test class of {@code context}: itself, or the nearest such parent. */
    static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (true) {
            Optional<AnnotatedElement> element = current.getElement();
            if (element.isPresent() && element.get() instanceof Class<?>) {
                return current;
            }
            current = current.getParent()
                    .orElseThrow(() -> new IllegalStateException("No test class context above " + context));
        }
    }

    static <V> V computeIfAbsent(Store store, Object key, Class<V> type, Supplier<V> creator) {
        synchronized (STORE_LOCK) {
            V value = store.get(key, type);
            if (value == null) {
                value = creator.get();
                store.put(key, value);
            }
            return value;
        }
    }

    private static void startHomeserver(
            Store store, ExtensionContext context, HomeserverField source, CheckSettings settings) {
        MatrixHomeserver homeserver = homeserverIn(context, source);
        ManagedHomeserver managed = computeIfAbsent(
                store,
                source.field(),
                ManagedHomeserver.class,
                () -> new ManagedHomeserver(homeserver, source.description()));
        managed.start(settings.disabledWithoutDocker());
    }

    // An instance homeserver lives as long as the test instance: one test method, or the class with PER_CLASS.
    private static Store instanceScopeStore(ExtensionContext context) {
        boolean perClass = context.getTestInstanceLifecycle()
                .map(lifecycle -> lifecycle == TestInstance.Lifecycle.PER_CLASS)
                .orElse(false);
        return perClass ? classContext(context).getStore(NAMESPACE) : context.getStore(NAMESPACE);
    }

    private static Object instanceDeclaring(ExtensionContext context, Member member) {
        Class<?> declaringClass = member.getDeclaringClass();
        return context.getTestInstances()
                .flatMap(instances -> instances.findInstance(declaringClass))
                .orElseThrow(() -> new ExtensionConfigurationException(String.format(
                        "%s is an instance member, but no instance of %s exists when the extension reads it: make it"
                                + " static to share it between the tests of the class.",
                        HomeserverSource.memberName(member), declaringClass.getSimpleName())));
    }

    private static Object readField(Field field, Object target) {
        return ReflectionSupport.tryToReadFieldValue(field, target)
                .getOrThrow(failure -> new ExtensionConfigurationException(
                        "Could not read " + HomeserverSource.memberName(field) + ": " + failure.getMessage(), failure));
    }

    private static boolean runsChecks(Class<?> testClass) {
        return !ReflectionSupport.findMethods(
                        testClass,
                        method -> Arrays.asList(method.getParameterTypes()).contains(MatrixCorsChecks.class),
                        HierarchyTraversalMode.TOP_DOWN)
                .isEmpty();
    }
}
