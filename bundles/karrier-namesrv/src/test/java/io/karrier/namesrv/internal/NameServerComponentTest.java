package io.karrier.namesrv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

import io.karrier.api.server.ServerRole;

class NameServerComponentTest {

    private static NameServerComponent.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(NameServerComponent.Config.class);
    }

    @Test
    void defaultsToRocketMqPort() {
        NameServerComponent nameServer = new NameServerComponent(config(Map.of()));

        assertThat(nameServer.role()).isEqualTo(ServerRole.NAME_SERVER);
        assertThat(nameServer.listenAddress().getPort()).isEqualTo(9876);
        assertThat(nameServer.listenAddress().getAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void takesPortFromConfiguration() {
        NameServerComponent nameServer = new NameServerComponent(
                config(Map.of("listenPort", "19876", "bindAddress", "127.0.0.1")));

        assertThat(nameServer.listenAddress().getPort()).isEqualTo(19876);
        assertThat(nameServer.listenAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void refusesPortOutOfRange() {
        assertThatThrownBy(() -> new NameServerComponent(config(Map.of("listenPort", 70000))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }
}
