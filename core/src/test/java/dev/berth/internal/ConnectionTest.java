package dev.berth.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** API version negotiation as the docker CLI does it: the lower of the engine's and the client's maximum. */
class ConnectionTest {
    @Test
    void negotiate_olderEngine_usesEnginesVersion() {
        assertThat(Connection.negotiate("1.41")).isEqualTo("1.41");
        assertThat(Connection.negotiate("1.45")).isEqualTo("1.45");
    }

    @Test
    void negotiate_newerEngine_usesBerthsMaximum() {
        assertThat(Connection.negotiate("1.51")).isEqualTo(Connection.MAX_API_VERSION);
    }

    @Test
    void negotiate_missingHeader_fallsBackToMinimum() {
        assertThat(Connection.negotiate(null)).isEqualTo(Connection.MIN_API_VERSION);
    }

    @Test
    void compare_isNumericNotLexical() {
        assertThat(Connection.compare("1.9", "1.41")).isNegative();
        assertThat(Connection.compare("1.45", "1.45")).isZero();
        assertThat(Connection.compare("2.0", "1.99")).isPositive();
    }
}
