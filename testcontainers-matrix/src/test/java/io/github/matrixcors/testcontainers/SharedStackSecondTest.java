package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.github.matrixcors.cors.ProxyKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The second test class on the shared stack: it gets the stack the first class got, without a new start. */
class SharedStackSecondTest {

    @Test
    void sharedStackIsTheSameEverywhere() {
        MatrixStack stack = MatrixStack.shared(ProxyKind.NGINX, ProxyPreset.CORRECT);
        Duration startOfFirstCall = stack.getLastStartDuration();
        SharedStackFirstTest.SEEN.add(stack);

        assertThat(SharedStackFirstTest.SEEN.size(), equalTo(1));
        assertThat(
                MatrixStack.shared(ProxyKind.NGINX, ProxyPreset.CORRECT).getLastStartDuration(),
                equalTo(startOfFirstCall));
    }
}
