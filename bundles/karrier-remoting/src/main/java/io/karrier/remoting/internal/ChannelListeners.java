package io.karrier.remoting.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ChannelListener;
import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RequestProcessor;

/**
 * The whiteboard of {@link ChannelListener} services, and the one thread that tells them about
 * closed connections, off the I/O threads and in the order the connections closed.
 */
final class ChannelListeners implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelListeners.class);

    private final Map<ChannelListener, Set<String>> serversByListener = new ConcurrentHashMap<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "karrier-channel-events"));

    void add(ChannelListener listener, Map<String, ?> properties) {
        serversByListener.put(listener,
                ServiceProperties.strings(properties.get(RequestProcessor.SERVER)));
    }

    void remove(ChannelListener listener) {
        serversByListener.remove(listener);
    }

    void channelClosed(String server, ClientChannel channel) {
        try {
            events.execute(() -> serversByListener.forEach((listener, servers) -> {
                if (servers.contains(server)) {
                    try {
                        listener.channelClosed(channel);
                    } catch (RuntimeException e) {
                        LOG.warn("Channel listener {} failed for {}: {}", listener, channel, e.toString());
                    }
                }
            }));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not telling listeners that {} closed: remoting is stopping", channel);
        }
    }

    @Override
    public void close() {
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
