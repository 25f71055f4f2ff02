package io.karrier.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.converter.Converters;

class ConfigAdminBrokerConfigurationTest {

    private static BrokerComponent.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(BrokerComponent.Config.class);
    }

    @Test
    void settingsAreTheComponentsAttributesWithTheirTypes() {
        ConfigAdminBrokerConfiguration configuration = new ConfigAdminBrokerConfiguration(
                config(Map.of("brokerName", "broker-b")), () -> null);

        assertThat(configuration.current()).containsEntry("brokerName", "broker-b")
                .containsEntry("listenPort", "10911").containsEntry("autoCreateTopicEnable", "true")
                .containsEntry("brokerId", "0");
        assertThat(configuration.typeOf("maxMessageSize")).contains(int.class);
        assertThat(configuration.typeOf("brokerId")).contains(long.class);
        assertThat(configuration.typeOf("fastPortEnabled")).contains(boolean.class);
        assertThat(configuration.typeOf("namesrvAddr")).contains(String.class);
        assertThat(configuration.typeOf("flushDiskType")).isEmpty();
    }

    @Test
    void anUpdateIsWrittenOverWhatTheConfigurationHolds() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        ConfigurationAdmin service = admin.service();
        Hashtable<String, Object> stored = new Hashtable<>(Map.of("brokerName", "broker-b", "maxMessageSize", 10));
        service.getConfiguration(BrokerComponent.PID, "?").update(stored);
        ConfigAdminBrokerConfiguration configuration = new ConfigAdminBrokerConfiguration(config(Map.of()),
                () -> service);

        configuration.update(Map.of("maxMessageSize", 1024, "autoCreateTopicEnable", false));

        assertThat(admin.updates).hasSize(2).last().satisfies(update -> {
            assertThat(update.getKey()).isEqualTo(BrokerComponent.PID);
            assertThat(update.getValue().get("brokerName")).isEqualTo("broker-b");
            assertThat(update.getValue().get("maxMessageSize")).isEqualTo(1024);
            assertThat(update.getValue().get("autoCreateTopicEnable")).isEqualTo(false);
        });
    }

    @Test
    void withoutConfigAdminNothingCanBeStored() {
        ConfigAdminBrokerConfiguration configuration = new ConfigAdminBrokerConfiguration(config(Map.of()),
                () -> null);

        assertThatThrownBy(() -> configuration.update(Map.of("maxMessageSize", 1)))
                .isInstanceOf(IOException.class).hasMessage("Config Admin is not available");
    }
}
