package io.github.matrixcors.examples.report;

import com.github.dockerjava.api.exception.NotFoundException;
import io.github.matrixcors.testcontainers.MatrixImages;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * Which images the report uses and why. An explicit {@code MATRIXCORS_IMAGES} or {@code -Dmatrixcors.images} wins.
 * Without one, the locally built images are used when all of them exist in the Docker engine, because a machine that
 * built them usually cannot pull from Docker Hub. Otherwise the official images are pulled. No remote host is
 * contacted to decide.
 *
 * @param local whether the local images are used
 * @param reason why, for the report's first line
 */
record ImageChoice(boolean local, String reason) {

    private static final List<DockerImageName> LOCAL_IMAGES = List.of(
            MatrixImages.LOCAL_SYNAPSE, MatrixImages.LOCAL_NGINX, MatrixImages.LOCAL_CADDY, MatrixImages.LOCAL_HTTPD);

    /** Decides, and sets {@link MatrixImages#PROPERTY} so that every container of this JVM follows the decision. */
    static ImageChoice decide() {
        String property = System.getProperty(MatrixImages.PROPERTY);
        String variable = System.getenv(MatrixImages.ENVIRONMENT_VARIABLE);
        if (isSet(property) || isSet(variable)) {
            String source = isSet(property)
                    ? "system property " + MatrixImages.PROPERTY + "=" + property
                    : "environment variable " + MatrixImages.ENVIRONMENT_VARIABLE + "=" + variable;
            return new ImageChoice(MatrixImages.localImagesSelected(), "chosen by " + source);
        }

        List<String> missing = LOCAL_IMAGES.stream()
                .map(DockerImageName::asCanonicalNameString)
                .filter(name -> !existsInDockerEngine(name))
                .toList();
        if (missing.isEmpty()) {
            System.setProperty(MatrixImages.PROPERTY, "local");
            return new ImageChoice(true, "all local images exist in the Docker engine");
        }
        System.setProperty(MatrixImages.PROPERTY, "official");
        return new ImageChoice(
                false,
                "local image " + missing.get(0) + " not found; build them with " + MatrixImages.BUILD_COMMAND
                        + " on a machine without Docker Hub access");
    }

    /** Returns a line such as {@code local images (all local images exist in the Docker engine)}. */
    String describe() {
        return (local ? "local images" : "official images") + " (" + reason + ")";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean existsInDockerEngine(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
