package io.karrier.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The assembly boots Karrier, and its features come and go at runtime. The test refers to Karrier's
 * services by name only: a probe wired to the API bundle would be refreshed away when the feature
 * that holds it is uninstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AssemblyIT {

    private static final Set<String> KARRIER_BUNDLES = Set.of("io.karrier.api", "io.karrier.protocol",
            "io.karrier.remoting", "io.karrier.store", "io.karrier.flush.async", "io.karrier.namesrv",
            "io.karrier.broker", "io.karrier.shell");
    private static final String SERVER_STATUS = "io.karrier.api.server.ServerStatus";
    private static final String MESSAGE_STORE = "io.karrier.api.store.MessageStore";
    private static final String FLUSH_STRATEGY = "io.karrier.api.flush.FlushStrategy";
    private static final Set<String> SERVER_PIDS = Set.of("io.karrier.namesrv", "io.karrier.broker");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EnumSet<FeaturesService.Option> NO_REFRESH =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    private BundleContext bundleContext;

    @Inject
    private FeaturesService featuresService;

    @Configuration
    public Option[] config() {
        return KarrierContainer.assembly();
    }

    @Test
    public void bootsTheKarrierFeatureWithEveryBundleActive() throws Exception {
        assertTrue("karrier feature installed", featuresService.isInstalled(featuresService.getFeature("karrier")));
        List<Bundle> karrierBundles = karrierBundles();
        assertEquals(KARRIER_BUNDLES, symbolicNames(karrierBundles));
        for (Bundle bundle : karrierBundles) {
            assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void runsNameServerAndBrokerFromTheirConfiguration() throws Exception {
        awaitServers();
        ServiceReference<?> broker = serverStatuses().stream()
                .filter(ref -> "io.karrier.broker".equals(ref.getProperty("service.pid")))
                .findFirst().orElseThrow();
        assertEquals("broker-a", broker.getProperty("brokerName"));
        assertEquals("127.0.0.1", broker.getProperty("bindAddress"));
    }

    @Test
    public void nameServerAndBrokerAnswerRocketMqFramesOnTheirPorts() throws Exception {
        awaitServers();
        for (ServiceReference<?> server : serverStatuses()) {
            int port = Integer.parseInt(String.valueOf(server.getProperty("listenPort")));
            String response = RawFrames.call("127.0.0.1", port,
                    "{\"code\":4242,\"flag\":0,\"language\":\"JAVA\",\"opaque\":77,\"version\":407}");
            assertTrue(server.getProperty("service.pid") + " answered " + response,
                    response.contains("\"code\":3") && response.contains("\"opaque\":77")
                            && response.contains("\"flag\":1"));
        }
    }

    @Test
    public void swapsFlushStrategiesUnderARunningStore() throws Exception {
        ServiceReference<?> store = awaitService(MESSAGE_STORE);
        assertEquals(1, services(FLUSH_STRATEGY).size());

        featuresService.installFeature("karrier-flush-sync", NO_REFRESH);
        assertEquals(2, awaitServiceCount(FLUSH_STRATEGY, 2));
        awaitLogLine("Flush strategy now sync (was async)");
        featuresService.uninstallFeature("karrier-flush-sync", NO_REFRESH);
        assertEquals(1, awaitServiceCount(FLUSH_STRATEGY, 1));
        awaitLogLine("Flush strategy now async (was sync)");

        assertEquals("the store kept running", store.getProperty("service.id"),
                awaitService(MESSAGE_STORE).getProperty("service.id"));
    }

    @Test
    public void uninstallsAndReinstallsTheKarrierFeatureAtRuntime() throws Exception {
        awaitServers();

        featuresService.uninstallFeature("karrier", NO_REFRESH);
        assertTrue("no Karrier bundle left", karrierBundles().isEmpty());
        assertTrue("no server left", serverStatuses().isEmpty());

        featuresService.installFeature("karrier", NO_REFRESH);
        awaitServers();
        assertEquals(KARRIER_BUNDLES, symbolicNames(karrierBundles()));
        assertFalse(karrierBundles().stream().anyMatch(b -> b.getState() != Bundle.ACTIVE));
    }

    private List<Bundle> karrierBundles() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("io.karrier."))
                .collect(Collectors.toList());
    }

    private static Set<String> symbolicNames(List<Bundle> bundles) {
        return bundles.stream().map(Bundle::getSymbolicName).collect(Collectors.toSet());
    }

    private List<ServiceReference<?>> serverStatuses() throws InvalidSyntaxException {
        return services(SERVER_STATUS);
    }

    private List<ServiceReference<?>> services(String type) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = bundleContext.getAllServiceReferences(type, null);
        return refs == null ? List.of() : Arrays.asList(refs);
    }

    /** The store says in the log which strategy is in force; the log is the operator's view too. */
    private static void awaitLogLine(String text) throws Exception {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("karaf.log never said: " + text);
    }

    private ServiceReference<?> awaitService(String type) throws Exception {
        awaitServiceCount(type, 1);
        return services(type).get(0);
    }

    private int awaitServiceCount(String type, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (services(type).size() != count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return services(type).size();
    }

    private void awaitServers() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<Object> running = serverStatuses().stream()
                    .map(ref -> ref.getProperty("service.pid"))
                    .collect(Collectors.toSet());
            if (running.containsAll(SERVER_PIDS)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("servers " + SERVER_PIDS + " not running within " + WAIT);
    }
}
