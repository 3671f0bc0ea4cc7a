package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.github.matrixcors.cors.ProxyKind;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One of two test classes that use the shared stack; together they show that a suite starts it once. */
class SharedStackFirstTest {

    /** Every shared stack any of the two classes received, compared by identity. */
    static final Set<MatrixStack> SEEN =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    @Test
    void sharedStackIsTheSameEverywhere() {
        MatrixStack stack = MatrixStack.shared(ProxyKind.NGINX, ProxyPreset.CORRECT);
        SEEN.add(stack);

        assertThat(SEEN.size(), equalTo(1));
        assertThat(stack.isRunning(), equalTo(true));
    }
}
