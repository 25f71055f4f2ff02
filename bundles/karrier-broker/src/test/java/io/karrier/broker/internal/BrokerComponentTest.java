package io.karrier.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

import io.karrier.broker.internal.client.ClientSettings;

class BrokerComponentTest {

    private static BrokerComponent.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(BrokerComponent.Config.class);
    }

    @Test
    void defaultsMatchRocketMq() {
        BrokerSettings settings = BrokerComponent.settings(config(Map.of()), 10911);

        assertThat(settings.brokerName()).isEqualTo("broker-a");
        assertThat(settings.clusterName()).isEqualTo("DefaultCluster");
        assertThat(settings.brokerAddress()).isEqualTo("127.0.0.1:10911");
        assertThat(settings.isMaster()).isTrue();
        assertThat(settings.nameServers()).containsExactly("127.0.0.1:9876");
        assertThat(settings.autoCreateTopicEnable()).isTrue();
        assertThat(settings.defaultTopicQueueNums()).isEqualTo(8);
        assertThat(settings.maxMessageSize()).isEqualTo(4 * 1024 * 1024);
        assertThat(settings.registerInterval().toSeconds()).isEqualTo(30);
        assertThat(settings.clients()).isEqualTo(ClientSettings.defaults());
        assertThat(settings.longPolling().maxHeldPulls()).isEqualTo(10_000);
        assertThat(settings.longPolling().sweepInterval().toMillis()).isEqualTo(1000);
    }

    @Test
    void splitsNameServerListAndAdvertisesTheBoundPort() {
        BrokerSettings settings = BrokerComponent.settings(
                config(Map.of("namesrvAddr", " 127.0.0.1:9876 ;;127.0.0.2:9876; ", "brokerName", "b1",
                        "brokerIP", "10.0.0.5")), 20911);

        assertThat(settings.brokerName()).isEqualTo("b1");
        assertThat(settings.nameServers()).containsExactly("127.0.0.1:9876", "127.0.0.2:9876");
        assertThat(settings.brokerAddress()).isEqualTo("10.0.0.5:20911");
    }
}
