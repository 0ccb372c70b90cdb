package org.supervisionhub.connectors.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The registry's share strings as the graph keeps them; anything that is not a share reads as none (and fails the record's check). */
class SharePercentTest {

    @Test
    void decimalPercentStringsBecomeNumbersAndNonSharesBecomeNull() {
        assertThat(MarketRegistrySync.sharePct("60")).isEqualTo(60.0);
        assertThat(MarketRegistrySync.sharePct(" 33.50 ")).isEqualTo(33.5);
        assertThat(MarketRegistrySync.sharePct("0")).isZero();
        assertThat(MarketRegistrySync.sharePct("100.00")).isEqualTo(100.0);
        assertThat(MarketRegistrySync.sharePct("100.01")).isNull();
        assertThat(MarketRegistrySync.sharePct("-1")).isNull();
        assertThat(MarketRegistrySync.sharePct("六成")).isNull();
        assertThat(MarketRegistrySync.sharePct(null)).isNull();
    }
}
