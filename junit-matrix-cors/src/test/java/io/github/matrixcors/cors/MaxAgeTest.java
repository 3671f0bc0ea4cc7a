package io.github.matrixcors.cors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaxAgeTest {

    @Test
    void missingMeansFiveSecondsEverywhere() {
        MaxAge maxAge = MaxAge.parse(List.of());

        assertThat(maxAge.kind(), equalTo(MaxAge.Kind.MISSING));
        for (BrowserProfile profile : BrowserProfile.values()) {
            assertThat(profile.name(), maxAge.effectiveSeconds(profile), equalTo(5L));
        }
    }

    @Test
    void validValueIsCappedPerProfile() {
        MaxAge maxAge = MaxAge.parse(List.of("86400"));

        assertThat(maxAge.kind(), equalTo(MaxAge.Kind.VALID));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.SPEC), equalTo(7200L));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.CHROMIUM), equalTo(7200L));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.FIREFOX), equalTo(86400L));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.WEBKIT), equalTo(600L));
    }

    @Test
    void smallValueIsKept() {
        assertThat(MaxAge.parse(List.of(" 300 ")).effectiveSeconds(BrowserProfile.WEBKIT), equalTo(300L));
        assertThat(MaxAge.parse(List.of("0")).effectiveSeconds(BrowserProfile.CHROMIUM), equalTo(0L));
    }

    @Test
    void hugeValueSaturatesToCap() {
        MaxAge maxAge = MaxAge.parse(List.of("99999999999999999999999"));

        assertThat(maxAge.kind(), equalTo(MaxAge.Kind.VALID));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.CHROMIUM), equalTo(7200L));
    }

    @Test
    void duplicatedLinesMeanDefault() {
        MaxAge maxAge = MaxAge.parse(List.of("600", "600"));

        assertThat(maxAge.kind(), equalTo(MaxAge.Kind.MULTIPLE));
        assertThat(maxAge.rawValue(), equalTo("600, 600"));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.SPEC), equalTo(5L));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.CHROMIUM), equalTo(5L));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.FIREFOX), equalTo(0L));
    }

    @Test
    void invalidValuesMeanDefault() {
        for (String value : List.of("abc", "1.5", "10s", "", "+5")) {
            MaxAge maxAge = MaxAge.parse(List.of(value));

            assertThat(value, maxAge.kind(), equalTo(MaxAge.Kind.INVALID));
            assertThat(value, maxAge.effectiveSeconds(BrowserProfile.SPEC), equalTo(5L));
            assertThat(value, maxAge.effectiveSeconds(BrowserProfile.WEBKIT), equalTo(5L));
        }
    }

    @Test
    void negativeValueDisablesChromiumCache() {
        MaxAge maxAge = MaxAge.parse(List.of("-1"));

        assertThat(maxAge.kind(), equalTo(MaxAge.Kind.INVALID));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.CHROMIUM), equalTo(0L));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.FIREFOX), equalTo(0L));
        assertThat(maxAge.effectiveSeconds(BrowserProfile.SPEC), equalTo(5L));
    }
}
