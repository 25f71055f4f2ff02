package io.karrier.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RemotingServerFactory;
import io.karrier.api.server.ServerRole;

class BrokerComponentTest {

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

    private static BrokerComponent.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(BrokerComponent.Config.class);
    }

    @Test
    void defaultsMatchRocketMq() throws Exception {
        BrokerComponent broker = new BrokerComponent(config(Map.of()), REMOTING);

        assertThat(broker.role()).isEqualTo(ServerRole.BROKER);
        assertThat(broker.name()).isEqualTo("broker-a");
        assertThat(broker.listenAddress().getPort()).isEqualTo(10911);
        assertThat(broker.nameServers()).containsExactly("127.0.0.1:9876");
    }

    @Test
    void splitsNameServerListAndSkipsBlanks() throws Exception {
        BrokerComponent broker = new BrokerComponent(
                config(Map.of("namesrvAddr", " 127.0.0.1:9876 ;;127.0.0.2:9876; ", "brokerName", "b1")), REMOTING);

        assertThat(broker.name()).isEqualTo("b1");
        assertThat(broker.nameServers()).containsExactly("127.0.0.1:9876", "127.0.0.2:9876");
    }
}
