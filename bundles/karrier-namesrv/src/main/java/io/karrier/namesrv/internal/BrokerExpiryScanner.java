package io.karrier.namesrv.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that drops brokers that stopped registering: every
 * {@link NameServerConfig#brokerScanIntervalSeconds()} it asks the {@link RouteRegistry} to remove
 * the brokers not heard from for {@link NameServerConfig#brokerExpirySeconds()} (RocketMQ scans every
 * 10 s for 120 s).
 */
@Component(service = {}, configurationPid = NameServerConfig.PID, immediate = true)
public class BrokerExpiryScanner {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerExpiryScanner.class);

    private final RouteRegistry registry;
    private final Duration expiry;
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "karrier-namesrv-expiry"));

    @Activate
    public BrokerExpiryScanner(NameServerConfig config, @Reference RouteRegistry registry) {
        this.registry = registry;
        this.expiry = Duration.ofSeconds(config.brokerExpirySeconds());
        long interval = config.brokerScanIntervalSeconds();
        scanner.scheduleWithFixedDelay(this::scan, interval, interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scanner.shutdownNow();
    }

    private void scan() {
        try {
            registry.removeExpired(expiry);
        } catch (RuntimeException e) {
            // a failed scan must not end the schedule
            LOG.warn("Scan for expired brokers failed: {}", e.toString());
        }
    }
}
