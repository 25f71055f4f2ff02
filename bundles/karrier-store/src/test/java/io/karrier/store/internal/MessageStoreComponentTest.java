package io.karrier.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageStoreComponentTest {

    @Test
    void readsRankingsGivenAsNumbersOrAsTextFromCfgFiles() {
        assertThat(MessageStoreComponent.ranking(100)).isEqualTo(100);
        assertThat(MessageStoreComponent.ranking(100L)).isEqualTo(100);
        assertThat(MessageStoreComponent.ranking(" 100 ")).isEqualTo(100);
        assertThat(MessageStoreComponent.ranking("high")).isZero();
        assertThat(MessageStoreComponent.ranking(null)).isZero();
    }
}
