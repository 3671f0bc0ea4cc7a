package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

class MatrixImagesTest {

    private MatrixImages.Selector selector(Map<String, String> properties, Map<String, String> environment) {
        UnaryOperator<String> propertyLookup = properties::get;
        UnaryOperator<String> environmentLookup = environment::get;
        return new MatrixImages.Selector(propertyLookup, environmentLookup);
    }

    @Test
    void officialImagesByDefault() {
        MatrixImages.Selector selector = selector(Map.of(), Map.of());

        assertThat(selector.localSelected(), is(false));
        assertThat(selector.select(MatrixImages.SYNAPSE, MatrixImages.LOCAL_SYNAPSE), is(MatrixImages.SYNAPSE));
    }

    @Test
    void localImagesFromSystemProperty() {
        MatrixImages.Selector selector = selector(Map.of("matrixcors.images", "local"), Map.of());

        assertThat(selector.localSelected(), is(true));
        assertThat(selector.select(MatrixImages.NGINX, MatrixImages.LOCAL_NGINX), is(MatrixImages.LOCAL_NGINX));
    }

    @Test
    void localImagesFromEnvironmentVariable() {
        MatrixImages.Selector selector = selector(Map.of(), Map.of("MATRIXCORS_IMAGES", "local"));

        assertThat(selector.select(MatrixImages.CADDY, MatrixImages.LOCAL_CADDY), is(MatrixImages.LOCAL_CADDY));
    }

    @Test
    void systemPropertyOverridesEnvironment() {
        MatrixImages.Selector official =
                selector(Map.of("matrixcors.images", "official"), Map.of("MATRIXCORS_IMAGES", "local"));
        MatrixImages.Selector local =
                selector(Map.of("matrixcors.images", "local"), Map.of("MATRIXCORS_IMAGES", "official"));

        assertThat(official.select(MatrixImages.HTTPD, MatrixImages.LOCAL_HTTPD), is(MatrixImages.HTTPD));
        assertThat(local.select(MatrixImages.HTTPD, MatrixImages.LOCAL_HTTPD), is(MatrixImages.LOCAL_HTTPD));
    }

    @Test
    void valueIsCaseInsensitiveAndTrimmed() {
        assertThat(selector(Map.of("matrixcors.images", " LOCAL "), Map.of()).localSelected(), is(true));
        assertThat(selector(Map.of(), Map.of("MATRIXCORS_IMAGES", "Official")).localSelected(), is(false));
    }

    @Test
    void blankValueMeansDefault() {
        assertThat(selector(Map.of("matrixcors.images", " "), Map.of()).localSelected(), is(false));
        assertThat(
                selector(Map.of("matrixcors.images", ""), Map.of("MATRIXCORS_IMAGES", "local"))
                        .localSelected(),
                is(true));
    }

    @Test
    void invalidPropertyValueNamesValueAndChoices() {
        MatrixImages.Selector selector = selector(Map.of("matrixcors.images", "locall"), Map.of());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, selector::localSelected);

        assertThat(
                error.getMessage(),
                is("Invalid value 'locall' for system property matrixcors.images: use 'official' or 'local'."));
    }

    @Test
    void invalidEnvironmentValueNamesVariable() {
        MatrixImages.Selector selector = selector(Map.of(), Map.of("MATRIXCORS_IMAGES", "hub"));

        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> selector.select(MatrixImages.SYNAPSE, MatrixImages.LOCAL_SYNAPSE));

        assertThat(error.getMessage(), containsString("environment variable MATRIXCORS_IMAGES"));
    }

    @Test
    void missingLocalImageMessageNamesBuildCommand() {
        String message = MatrixImages.missingLocalImageMessage(MatrixImages.LOCAL_SYNAPSE);

        assertThat(message, containsString("Local image matrix-cors/synapse:1.163.2 not found"));
        assertThat(message, containsString("images/build.sh"));
        assertThat(message, containsString("matrixdotorg/synapse:v1.163.2"));
    }

    @Test
    void officialImageNeedsNoDockerCheck() {
        // Returns without contacting Docker, so it passes on machines without Docker as well.
        MatrixImages.requireLocalImagePresent(MatrixImages.SYNAPSE);
        MatrixImages.requireLocalImagePresent(DockerImageName.parse("example.org/nginx:1"));
    }

    @Test
    void localImagesSubstituteForOfficialOnes() {
        assertThat(MatrixImages.LOCAL_SYNAPSE.isCompatibleWith(MatrixImages.SYNAPSE), is(true));
        assertThat(MatrixImages.LOCAL_NGINX.isCompatibleWith(MatrixImages.NGINX), is(true));
        assertThat(MatrixImages.LOCAL_CADDY.isCompatibleWith(MatrixImages.CADDY), is(true));
        assertThat(MatrixImages.LOCAL_HTTPD.isCompatibleWith(MatrixImages.HTTPD), is(true));
        assertThat(MatrixImages.LOCAL_NGINX.isCompatibleWith(MatrixImages.CADDY), is(false));
    }

    @Test
    void localImageAcceptedByUntaggedOfficialName() {
        // Container classes check compatibility against the repository name without a tag.
        MatrixImages.LOCAL_SYNAPSE.assertCompatibleWith(DockerImageName.parse("matrixdotorg/synapse"));
        MatrixImages.LOCAL_NGINX.assertCompatibleWith(DockerImageName.parse("nginx"));
        MatrixImages.LOCAL_CADDY.assertCompatibleWith(DockerImageName.parse("caddy"));
        MatrixImages.LOCAL_HTTPD.assertCompatibleWith(DockerImageName.parse("httpd"));
    }

    @Test
    void officialImagesArePinned() {
        for (DockerImageName image :
                List.of(MatrixImages.SYNAPSE, MatrixImages.NGINX, MatrixImages.CADDY, MatrixImages.HTTPD)) {
            assertThat(image.getVersionPart().equals("latest"), is(false));
        }
        assertThat(MatrixImages.SYNAPSE.getVersionPart(), is("v1.163.2"));
    }
}
