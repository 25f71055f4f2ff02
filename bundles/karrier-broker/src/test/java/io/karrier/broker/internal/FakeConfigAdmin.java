package io.karrier.broker.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Test-only Config Admin holding one configuration per PID in memory, recording each update; any
 * other call fails. Built on dynamic proxies: only getConfiguration, getProperties and update are
 * meant to be used.
 */
public final class FakeConfigAdmin {

    /** The updates made, in order: PID and the properties it was updated with. */
    public final List<Map.Entry<String, Dictionary<String, Object>>> updates =
            Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Dictionary<String, Object>> stored = new ConcurrentHashMap<>();

    public ConfigurationAdmin service() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConfiguration" -> configuration((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> {
                        Dictionary<String, Object> properties = stored.get(pid);
                        yield properties == null ? null : copy(properties);
                    }
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> properties = copy((Dictionary<String, Object>) args[0]);
                        stored.put(pid, properties);
                        updates.add(Map.entry(pid, properties));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (var keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }
}
