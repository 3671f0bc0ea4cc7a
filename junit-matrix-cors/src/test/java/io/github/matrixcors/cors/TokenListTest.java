package io.github.matrixcors.cors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenListTest {

    @Test
    void absentHeaderIsNotPresent() {
        TokenList list = TokenList.parse(List.of());

        assertThat(list.present(), is(false));
        assertThat(list.isValid(), is(false));
    }

    @Test
    void splitsTrimsAndSkipsEmptyElements() {
        TokenList list = TokenList.parse(List.of(" GET ,POST,, PUT\t,"));

        assertThat(list.isValid(), is(true));
        assertThat(list.elements(), contains("GET", "POST", "PUT"));
    }

    @Test
    void combinesSeveralLines() {
        TokenList list = TokenList.parse(List.of("Authorization", "Content-Type, X-Requested-With"));

        assertThat(list.elements(), contains("Authorization", "Content-Type", "X-Requested-With"));
    }

    @Test
    void emptyValueIsValidAndEmpty() {
        TokenList list = TokenList.parse(List.of(""));

        assertThat(list.isValid(), is(true));
        assertThat(list.elements(), equalTo(List.of()));
    }

    @Test
    void invalidElementFailsWholeList() {
        for (String value : List.of("GET;POST", "\"PUT\"", "GET POST", "GET, (DELETE)", "Content-Type:", "x\u0000")) {
            TokenList list = TokenList.parse(List.of("GET", value));

            assertThat(value, list.isValid(), is(false));
            assertThat(value, list.elements(), equalTo(List.of()));
        }
    }

    @Test
    void reportsFirstInvalidElement() {
        TokenList list = TokenList.parse(List.of("GET, 'PUT', \"DELETE\""));

        assertThat(list.invalidElement(), equalTo("\"DELETE\""));
    }

    @Test
    void validListHasNoInvalidElement() {
        assertThat(TokenList.parse(List.of("*")).invalidElement(), is(nullValue()));
    }

    @Test
    void methodsMatchCaseSensitively() {
        TokenList list = TokenList.parse(List.of("get, put"));

        assertThat(list.contains("PUT"), is(false));
        assertThat(list.contains("put"), is(true));
        assertThat(list.containsIgnoreCase("PUT"), is(true));
    }

    @Test
    void wildcardIsDetected() {
        assertThat(TokenList.parse(List.of("GET, *")).hasWildcard(), is(true));
        assertThat(TokenList.parse(List.of("GET")).hasWildcard(), is(false));
    }
}
