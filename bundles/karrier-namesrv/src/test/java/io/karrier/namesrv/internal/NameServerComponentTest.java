package io.karrier.namesrv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RemotingServerFactory;
import io.karrier.api.server.ServerRole;

class NameServerComponentTest {

    /** Binds nothing: reports the requested address, so tests need no free port. */
    private static final RemotingServerFactory REMOTING = (name, address) -> new RemotingServer() {
        @Override
        public InetSocketAddress localAddress() {
            return address;
        }

        @Override
        public void close() {
        }
    };

    private static NameServerConfig config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(NameServerConfig.class);
    }

    @Test
    void defaultsToRocketMqPort() throws Exception {
        NameServerComponent nameServer = new NameServerComponent(config(Map.of()), REMOTING);

        assertThat(nameServer.role()).isEqualTo(ServerRole.NAME_SERVER);
        assertThat(nameServer.listenAddress().getPort()).isEqualTo(9876);
        assertThat(nameServer.listenAddress().getAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void takesPortFromConfiguration() throws Exception {
        NameServerComponent nameServer = new NameServerComponent(
                config(Map.of("listenPort", "19876", "bindAddress", "127.0.0.1")), REMOTING);

        assertThat(nameServer.listenAddress().getPort()).isEqualTo(19876);
        assertThat(nameServer.listenAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void refusesPortOutOfRange() {
        assertThatThrownBy(() -> new NameServerComponent(config(Map.of("listenPort", 70000)), REMOTING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }
}
