package io.karrier.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.karrier.store.internal.retention.RetentionSettings;

/** The retention attributes of PID io.karrier.store reach the store's settings. */
class RetentionConfigTest {

    /** A config whose attributes are their metatype defaults, except those given. */
    private static StoreConfig config(Map<String, Object> values) {
        return (StoreConfig) Proxy.newProxyInstance(StoreConfig.class.getClassLoader(),
                new Class<?>[] {StoreConfig.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    @Test
    void defaultsAreRetentionDefaults() {
        StoreSettings settings = MessageStoreComponent.settings(config(Map.of("storePath", "/tmp/s")), null);
        assertThat(settings.retention()).isEqualTo(RetentionSettings.DEFAULTS);
        assertThat(settings.root()).isEqualTo(Path.of("/tmp/s"));
    }

    @Test
    void configuredValuesAreUsed() {
        StoreSettings settings = MessageStoreComponent.settings(config(Map.of("storePath", "/tmp/s",
                "retentionCheckIntervalSeconds", 5, "fileReservedHours", 24, "diskSoftLimitPercent", 60,
                "diskHardLimitPercent", 80)), null);
        assertThat(settings.retention()).isEqualTo(new RetentionSettings(Duration.ofSeconds(5), Duration.ofHours(24),
                60, 80));
    }
}
