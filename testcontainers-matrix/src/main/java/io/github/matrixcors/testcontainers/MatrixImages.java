package io.github.matrixcors.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * Container images of Synapse and the reverse proxies, pinned to exact tags.
 *
 * <p>By default {@link #synapse()}, {@link #nginx()}, {@link #caddy()} and {@link #httpd()} return the official images
 * from Docker Hub. Where no registry can be reached, build local stand-ins from Debian's packages with
 * {@value #BUILD_COMMAND} (run from the matrix-cors repository root) and select them with the system property
 * {@code -Dmatrixcors.images=local} or the environment variable {@code MATRIXCORS_IMAGES=local}. The system property
 * takes precedence over the environment variable. The local images mimic the official images' layout and default
 * command, and are declared compatible substitutes, so the container classes accept either.
 *
 * <p>Choosing an image reads only these settings and never contacts Docker, so the methods are safe in static field
 * initializers on machines without Docker. A local image that is missing from the Docker engine fails when its
 * container starts, at once and with an {@link IllegalStateException} naming the image and the build command, instead
 * of a pull attempt from Docker Hub.
 */
public final class MatrixImages {

    /** System property that selects the images: {@code official} (the default) or {@code local}. */
    public static final String PROPERTY = "matrixcors.images";

    /** Environment variable that selects the images when {@link #PROPERTY} is not set. */
    public static final String ENVIRONMENT_VARIABLE = "MATRIXCORS_IMAGES";

    /** Command that builds the local images, relative to the matrix-cors repository root. */
    public static final String BUILD_COMMAND = "images/build.sh";

    /** Official Synapse image. */
    public static final DockerImageName SYNAPSE = DockerImageName.parse("matrixdotorg/synapse:v1.163.2");

    /** Official nginx image (stable line). */
    public static final DockerImageName NGINX = DockerImageName.parse("nginx:1.30.8");

    /** Official Caddy image. */
    public static final DockerImageName CADDY = DockerImageName.parse("caddy:2.11.4");

    /** Official Apache httpd image. */
    public static final DockerImageName HTTPD = DockerImageName.parse("httpd:2.4.69");

    /** Local Synapse image: the same Synapse version from PyPI, on Debian bookworm. */
    public static final DockerImageName LOCAL_SYNAPSE =
            DockerImageName.parse("matrix-cors/synapse:1.163.2").asCompatibleSubstituteFor(SYNAPSE);

    /** Local nginx image: Debian bookworm's nginx (1.22). */
    public static final DockerImageName LOCAL_NGINX =
            DockerImageName.parse("matrix-cors/nginx:bookworm").asCompatibleSubstituteFor(NGINX);

    /** Local Caddy image: Debian bookworm's Caddy (2.6). */
    public static final DockerImageName LOCAL_CADDY =
            DockerImageName.parse("matrix-cors/caddy:bookworm").asCompatibleSubstituteFor(CADDY);

    /** Local Apache httpd image: Debian bookworm's Apache 2.4 in the official image's layout. */
    public static final DockerImageName LOCAL_HTTPD =
            DockerImageName.parse("matrix-cors/httpd:bookworm").asCompatibleSubstituteFor(HTTPD);

    /** Repository prefix of the local images; {@link #requireLocalImagePresent} checks images under it. */
    private static final String LOCAL_REPOSITORY_PREFIX = "matrix-cors/";

    private static final Map<String, String> OFFICIAL_BY_LOCAL_REPOSITORY = Map.of(
            LOCAL_SYNAPSE.getRepository(), SYNAPSE.asCanonicalNameString(),
            LOCAL_NGINX.getRepository(), NGINX.asCanonicalNameString(),
            LOCAL_CADDY.getRepository(), CADDY.asCanonicalNameString(),
            LOCAL_HTTPD.getRepository(), HTTPD.asCanonicalNameString());

    /** Local images already found in the Docker engine, so that each is inspected once per JVM. */
    private static final Set<String> PRESENT_LOCAL_IMAGES = ConcurrentHashMap.newKeySet();

    private MatrixImages() {}

    /** Returns the Synapse image to use: {@link #SYNAPSE} or, when local images are selected, {@link #LOCAL_SYNAPSE}. */
    public static DockerImageName synapse() {
        return defaultSelector().select(SYNAPSE, LOCAL_SYNAPSE);
    }

    /** Returns the nginx image to use: {@link #NGINX} or, when local images are selected, {@link #LOCAL_NGINX}. */
    public static DockerImageName nginx() {
        return defaultSelector().select(NGINX, LOCAL_NGINX);
    }

    /** Returns the Caddy image to use: {@link #CADDY} or, when local images are selected, {@link #LOCAL_CADDY}. */
    public static DockerImageName caddy() {
        return defaultSelector().select(CADDY, LOCAL_CADDY);
    }

    /** Returns the Apache httpd image to use: {@link #HTTPD} or, when local images are selected, {@link #LOCAL_HTTPD}. */
    public static DockerImageName httpd() {
        return defaultSelector().select(HTTPD, LOCAL_HTTPD);
    }

    /**
     * Tells whether the local images are selected.
     *
     * @throws IllegalArgumentException when {@link #PROPERTY} or {@link #ENVIRONMENT_VARIABLE} has a value other than
     *     {@code official} or {@code local}
     */
    public static boolean localImagesSelected() {
        return defaultSelector().localSelected();
    }

    private static Selector defaultSelector() {
        return new Selector(System::getProperty, System::getenv);
    }

    /**
     * Checks that a local image ({@code matrix-cors/...}) exists in the Docker engine, so that its container fails at
     * once instead of trying to pull it from Docker Hub. The containers call this when they start, not when they are
     * created, so that choosing an image never needs Docker. Other images pass unchecked.
     *
     * @throws IllegalStateException when the local image is missing, naming the image, the build command and the
     *     official alternative
     * @throws IllegalStateException from Testcontainers when no Docker environment is available
     */
    static void requireLocalImagePresent(DockerImageName image) {
        if (!image.getRepository().startsWith(LOCAL_REPOSITORY_PREFIX)) {
            return;
        }
        String name = image.asCanonicalNameString();
        if (PRESENT_LOCAL_IMAGES.contains(name)) {
            return;
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(name).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException(missingLocalImageMessage(image), e);
        }
        PRESENT_LOCAL_IMAGES.add(name);
    }

    static String missingLocalImageMessage(DockerImageName local) {
        String official = OFFICIAL_BY_LOCAL_REPOSITORY.get(local.getRepository());
        return "Local image " + local.asCanonicalNameString() + " not found in the Docker engine. Build the local "
                + "images with " + BUILD_COMMAND + " from the matrix-cors repository root"
                + (official == null
                        ? "."
                        : ", or unset " + PROPERTY + " and " + ENVIRONMENT_VARIABLE + " to use the official image "
                                + official + ".");
    }

    /** Image selection from a property source and an environment. */
    static final class Selector {

        private final UnaryOperator<String> properties;
        private final UnaryOperator<String> environment;

        Selector(UnaryOperator<String> properties, UnaryOperator<String> environment) {
            this.properties = properties;
            this.environment = environment;
        }

        boolean localSelected() {
            String property = properties.apply(PROPERTY);
            if (property != null && !property.isBlank()) {
                return parse(property, "system property " + PROPERTY);
            }
            String variable = environment.apply(ENVIRONMENT_VARIABLE);
            if (variable != null && !variable.isBlank()) {
                return parse(variable, "environment variable " + ENVIRONMENT_VARIABLE);
            }
            return false;
        }

        /** Returns the official or the local image from the settings alone, without asking the Docker engine. */
        DockerImageName select(DockerImageName official, DockerImageName local) {
            return localSelected() ? local : official;
        }

        private static boolean parse(String value, String source) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "local" -> true;
                case "official" -> false;
                default ->
                    throw new IllegalArgumentException(
                            "Invalid value '" + value + "' for " + source + ": use 'official' or 'local'.");
            };
        }
    }
}
