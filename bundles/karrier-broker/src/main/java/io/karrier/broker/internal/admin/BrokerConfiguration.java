package io.karrier.broker.internal.admin;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The broker's own settings as mqadmin's getBrokerConfig and updateBrokerConfig see them. In Karaf
 * they live in Config Admin under PID {@code io.karrier.broker}: an update is stored there, so it
 * persists, and the broker restarts with it.
 */
public interface BrokerConfiguration {

    /** @return every setting by name, with the value in force as text */
    Map<String, String> current();

    /**
     * @param name a setting's name
     * @return its type ({@code String}, {@code int}, {@code long} or {@code boolean}), or empty for
     *         a name that is no setting of the broker
     */
    Optional<Class<?>> typeOf(String name);

    /**
     * Stores the changes over the settings in force.
     *
     * @param changes known settings with values of their types
     * @throws IOException if they could not be stored (Config Admin missing or failing)
     */
    void update(Map<String, Object> changes) throws IOException;
}
