package io.karrier.broker.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.karrier.broker.internal.admin.BrokerConfiguration;

/**
 * The broker's settings are the attributes of {@link BrokerComponent.Config}; an update is written to
 * Config Admin under the component's PID, which persists it and reactivates the broker with it.
 */
final class ConfigAdminBrokerConfiguration implements BrokerConfiguration {

    private final BrokerComponent.Config config;
    private final Supplier<ConfigurationAdmin> configAdmin;

    /** @param configAdmin Config Admin if present, else null */
    ConfigAdminBrokerConfiguration(BrokerComponent.Config config, Supplier<ConfigurationAdmin> configAdmin) {
        this.config = config;
        this.configAdmin = configAdmin;
    }

    @Override
    public Map<String, String> current() {
        Map<String, String> settings = new TreeMap<>();
        for (Method attribute : attributes()) {
            try {
                settings.put(attribute.getName(), String.valueOf(attribute.invoke(config)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read broker setting " + attribute.getName(), e);
            }
        }
        return settings;
    }

    @Override
    public Optional<Class<?>> typeOf(String name) {
        return Arrays.stream(attributes())
                .filter(attribute -> attribute.getName().equals(name))
                .<Class<?>>map(Method::getReturnType)
                .findFirst();
    }

    @Override
    public void update(Map<String, Object> changes) throws IOException {
        ConfigurationAdmin admin = configAdmin.get();
        if (admin == null) {
            throw new IOException("Config Admin is not available");
        }
        Configuration configuration = admin.getConfiguration(BrokerComponent.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            properties.put(change.getKey(), change.getValue());
        }
        configuration.update(properties);
    }

    private static Method[] attributes() {
        return BrokerComponent.Config.class.getDeclaredMethods();
    }
}
