package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.github.dockerjava.api.DockerClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class ContainerCleanupTest {

    @Test
    void labelsNameModuleAndSession() {
        assertThat(ContainerCleanup.labels().get(ContainerCleanup.MODULE_LABEL), equalTo("true"));
        assertThat(
                ContainerCleanup.labels().get(ContainerCleanup.SESSION_LABEL), equalTo(ContainerCleanup.sessionId()));
    }

    @Test
    void exitingJvmRemovesItsContainers() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", classpath, LeftoverFixture.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = child.waitFor(3, TimeUnit.MINUTES);

        assertThat("child JVM exited", exited, equalTo(true));
        assertThat(child.exitValue(), equalTo(0));
        String session = output.lines().findFirst().orElse("").strip();
        assertThat(session, matchesPattern("[0-9a-f-]{36}"));

        DockerClient client = DockerClientFactory.instance().client();
        String filter = ContainerCleanup.SESSION_LABEL + "=" + session;
        assertThat(
                client.listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(List.of(filter))
                        .exec(),
                empty());
        assertThat(client.listNetworksCmd().withFilter("label", List.of(filter)).exec(), empty());
    }
}
