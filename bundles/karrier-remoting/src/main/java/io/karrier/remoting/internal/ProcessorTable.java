package io.karrier.remoting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Constants;

import io.karrier.api.remoting.RequestProcessor;

/**
 * The whiteboard of {@link RequestProcessor} services: which processor answers a code on a server.
 * Registrations change rarely and lookups happen on every request, so changes rebuild an immutable
 * snapshot that lookups read without locking.
 */
final class ProcessorTable {

    private record Registration(RequestProcessor processor, Set<String> servers, Set<Integer> codes, int ranking,
            long serviceId) {
    }

    private static final Comparator<Registration> PRECEDENCE = Comparator
            .comparingInt(Registration::ranking).reversed()
            .thenComparingLong(Registration::serviceId);

    private final List<Registration> registrations = new ArrayList<>();
    private volatile Map<String, Map<Integer, RequestProcessor>> snapshot = Map.of();

    /**
     * @param properties the service properties; must name the servers and codes
     * @throws IllegalArgumentException if they do not
     */
    synchronized void add(RequestProcessor processor, Map<String, ?> properties) {
        Set<String> servers = ServiceProperties.strings(properties.get(RequestProcessor.SERVER));
        Set<Integer> codes = new LinkedHashSet<>();
        for (String code : ServiceProperties.strings(properties.get(RequestProcessor.REQUEST_CODE))) {
            try {
                codes.add(Integer.valueOf(code));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("request code '" + code + "' is not an integer", e);
            }
        }
        if (servers.isEmpty() || codes.isEmpty()) {
            throw new IllegalArgumentException("a RequestProcessor needs the properties " + RequestProcessor.SERVER
                    + " and " + RequestProcessor.REQUEST_CODE);
        }
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object serviceId = properties.get(Constants.SERVICE_ID);
        registrations.add(new Registration(processor, servers, codes,
                ranking instanceof Integer rank ? rank : 0,
                serviceId instanceof Long id ? id : Long.MAX_VALUE));
        rebuild();
    }

    synchronized void remove(RequestProcessor processor) {
        registrations.removeIf(registration -> registration.processor() == processor);
        rebuild();
    }

    /** @return the processor answering the code on the server, or {@code null} */
    RequestProcessor lookup(String server, int code) {
        Map<Integer, RequestProcessor> byCode = snapshot.get(server);
        return byCode == null ? null : byCode.get(code);
    }

    private void rebuild() {
        Map<String, Map<Integer, RequestProcessor>> next = new HashMap<>();
        registrations.stream().sorted(PRECEDENCE).forEach(registration -> {
            for (String server : registration.servers()) {
                Map<Integer, RequestProcessor> byCode = next.computeIfAbsent(server, s -> new HashMap<>());
                registration.codes().forEach(code -> byCode.putIfAbsent(code, registration.processor()));
            }
        });
        next.replaceAll((server, byCode) -> Map.copyOf(byCode));
        snapshot = Map.copyOf(next);
    }
}
