package dev.berth.wait;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which HTTP statuses an HTTP wait accepts. */
class HttpWaitTest {
    @Test
    void default_is200() {
        assertThat(Wait.forHttp("/").accepted()).containsExactly(200);
    }

    @Test
    void forStatus_replacesTheDefault_andAccumulates() {
        assertThat(Wait.forHttp("/").forStatus(204).accepted()).containsExactly(204);
        assertThat(Wait.forHttp("/").forStatus(200).forStatus(204).accepted()).containsExactly(200, 204);
        assertThat(Wait.forHttp("/").forStatus(204).forStatus(200).forStatus(301).accepted()).containsExactly(204, 200, 301);
    }

    @Test
    void forStatus_refusesWhatIsNoHttpStatus() {
        assertThatThrownBy(() -> Wait.forHttp("/").forStatus(42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("42");
    }

    @Test
    void description_namesTheAcceptedStatuses() {
        assertThat(Wait.forHttp("health").forPort(8080).forStatus(204).describe())
                .isEqualTo("HTTP GET /health on port 8080 to answer [204]");
        assertThat(Wait.forHttp("/").describe()).isEqualTo("HTTP GET / to answer [200]");
    }
}
