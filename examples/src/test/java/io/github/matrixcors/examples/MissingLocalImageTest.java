package io.github.matrixcors.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.matrixcors.junit.MatrixCorsCompliant;
import io.github.matrixcors.junit.MatrixCorsSuite;
import io.github.matrixcors.testcontainers.MatrixImages;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.NginxProxyContainer;
import io.github.matrixcors.testcontainers.SynapseContainer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.testcontainers.utility.DockerImageName;

/**
 * A stack in a static field whose local Synapse image is missing: the class initializes, and the extension fails the
 * class when it starts the stack, with the image name and the build command rather than an
 * {@code ExceptionInInitializerError}.
 */
class MissingLocalImageTest {

    @Test
    void missingImageFailsClassAtStart() {
        List<Event> failures = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(MissingImageFixture.class))
                .configurationParameter(TestKitOnly.PARAMETER, "true")
                .execute()
                .containerEvents()
                .failed()
                .list();

        assertThat(failures, hasSize(1));
        Throwable failure = failures.get(0)
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(failure, not(instanceOf(ExceptionInInitializerError.class)));
        assertThat(failure.getMessage(), containsString("Local image matrix-cors/synapse:no-such-version not found"));
        assertThat(failure.getMessage(), containsString(MatrixImages.BUILD_COMMAND));
    }

    /** The class a user would write, with a local image name that no build produces. */
    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    @ExtendWith(TestKitOnly.class)
    static class MissingImageFixture implements MatrixCorsSuite {

        static MatrixStack stack = new MatrixStack(
                new SynapseContainer(DockerImageName.parse("matrix-cors/synapse:no-such-version")
                        .asCompatibleSubstituteFor(MatrixImages.SYNAPSE)),
                new NginxProxyContainer(MatrixImages.nginx()));
    }
}
