package dev.berth.internal;

import dev.berth.EngineUnavailableException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockingFeedTest {
    private static final Duration NOW = Duration.ZERO;

    @Test
    void itemsThenEnd_emptyAfterTheLastItem() {
        BlockingFeed<String> feed = new BlockingFeed<>("lines");
        feed.offer("a");
        feed.offer("b");
        feed.end();
        assertThat(feed.next(NOW)).contains("a");
        assertThat(feed.ended()).isFalse();
        assertThat(feed.next(NOW)).contains("b");
        assertThat(feed.next(NOW)).isEmpty();
        assertThat(feed.ended()).isTrue();
        assertThat(feed.next(Duration.ofSeconds(5))).as("no wait once ended").isEmpty();
    }

    @Test
    void failure_isThrownOnceAfterTheItemsBeforeIt_thenTheFeedHasEnded() {
        BlockingFeed<String> feed = new BlockingFeed<>("lines");
        EngineUnavailableException lost = Errors.lost(URI.create("unix:///x.sock"), "following", new java.io.IOException("EOF"));
        feed.offer("a");
        feed.fail(lost);
        assertThat(feed.next(NOW)).contains("a");
        assertThatThrownBy(() -> feed.next(NOW)).isSameAs(lost)
                .hasMessageContaining("unix:///x.sock").hasMessageContaining("while following: EOF");
        assertThat(feed.next(NOW)).isEmpty();
        assertThat(feed.ended()).isTrue();
    }

    @Test
    void nothingYet_emptyButNotEnded() {
        BlockingFeed<String> feed = new BlockingFeed<>("lines");
        assertThat(feed.next(Duration.ofMillis(10))).isEmpty();
        assertThat(feed.ended()).isFalse();
    }
}
