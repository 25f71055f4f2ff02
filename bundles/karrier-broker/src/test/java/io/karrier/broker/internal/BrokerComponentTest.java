package io.karrier.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

import io.karrier.api.server.ServerRole;

class BrokerComponentTest {

    private static BrokerComponent.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(BrokerComponent.Config.class);
    }

    @Test
    void defaultsMatchRocketMq() {
        BrokerComponent broker = new BrokerComponent(config(Map.of()));

        assertThat(broker.role()).isEqualTo(ServerRole.BROKER);
        assertThat(broker.name()).isEqualTo("broker-a");
        assertThat(broker.listenAddress().getPort()).isEqualTo(10911);
        assertThat(broker.nameServers()).containsExactly("127.0.0.1:9876");
    }

    @Test
    void splitsNameServerListAndSkipsBlanks() {
        BrokerComponent broker = new BrokerComponent(
                config(Map.of("namesrvAddr", " 127.0.0.1:9876 ;;127.0.0.2:9876; ", "brokerName", "b1")));

        assertThat(broker.name()).isEqualTo("b1");
        assertThat(broker.nameServers()).containsExactly("127.0.0.1:9876", "127.0.0.2:9876");
    }
}
