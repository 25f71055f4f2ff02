package io.karrier.itests.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private copy of the Karrier distribution built in this run, unpacked into one directory and
 * configured to listen on free loopback ports only, with its store inside that directory and no
 * remote Maven repository (every feature is in its {@code system/} folder).
 */
final class KarrierDistribution {

    /** Set by the build (maven-dependency-plugin's {@code properties} goal) to the tarball of this run. */
    static final String TARBALL_PROPERTY = "karrier.assembly.tarball";

    private static final long UNPACK_TIMEOUT_SECONDS = 120;

    private final Path home;
    private final int nameServerPort;
    private final int brokerPort;
    private final int sshPort;

    private KarrierDistribution(Path home, int nameServerPort, int brokerPort, int sshPort) {
        this.home = home;
        this.nameServerPort = nameServerPort;
        this.brokerPort = brokerPort;
        this.sshPort = sshPort;
    }

    /** Deletes {@code home} if it exists, unpacks the distribution into it and configures it. */
    static KarrierDistribution unpack(Path home) throws IOException, InterruptedException {
        String tarball = System.getProperty(TARBALL_PROPERTY);
        if (tarball == null || !Files.isRegularFile(Path.of(tarball))) {
            throw new IllegalStateException("system property " + TARBALL_PROPERTY + " must name the assembly tar.gz"
                    + " (itests/pom.xml sets it when the tests run through Maven), but is " + tarball);
        }
        deleteRecursively(home);
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "-xzf", tarball, "-C", home.toString(), "--strip-components=1")
                .redirectErrorStream(true).start();
        if (!tar.waitFor(UNPACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            tar.destroyForcibly();
            throw new IllegalStateException("unpacking " + tarball + " took over " + UNPACK_TIMEOUT_SECONDS + " s");
        }
        if (tar.exitValue() != 0) {
            throw new IllegalStateException("tar failed on " + tarball + ": " + new String(tar.getInputStream().readAllBytes()));
        }
        KarrierDistribution distribution = new KarrierDistribution(home.toAbsolutePath(), FreePorts.any(),
                FreePorts.withVipCompanion(), FreePorts.any());
        distribution.configure();
        return distribution;
    }

    private void configure() {
        CfgFile nameServer = etc("io.karrier.namesrv.cfg");
        nameServer.put("bindAddress", "127.0.0.1");
        nameServer.put("listenPort", Integer.toString(nameServerPort));
        CfgFile broker = etc("io.karrier.broker.cfg");
        broker.put("bindAddress", "127.0.0.1");
        broker.put("brokerIP", "127.0.0.1");
        broker.put("listenPort", Integer.toString(brokerPort));
        broker.put("namesrvAddr", nameServerAddress());
        etc("io.karrier.store.cfg").put("storePath", storePath().toString());
        CfgFile shell = etc("org.apache.karaf.shell.cfg");
        shell.put("sshHost", "127.0.0.1");
        shell.put("sshPort", Integer.toString(sshPort));
        CfgFile management = etc("org.apache.karaf.management.cfg");
        management.put("rmiRegistryPort", Integer.toString(FreePorts.any()));
        management.put("rmiServerPort", Integer.toString(FreePorts.any()));
        etc("org.ops4j.pax.url.mvn.cfg").put("org.ops4j.pax.url.mvn.repositories", "");
    }

    /** Adds {@code feature} to the features Karaf installs on its first boot (later boots keep what is installed). */
    void addBootFeature(String feature) {
        CfgFile features = etc("org.apache.karaf.features.cfg");
        String boot = features.get("featuresBoot");
        features.put("featuresBoot", boot == null || boot.isBlank() ? feature : boot.strip() + ", " + feature);
    }

    /**
     * Replaces {@code feature} (with or without its {@code /version}) among the features Karaf installs
     * on its first boot by {@code replacements}.
     */
    void replaceBootFeature(String feature, List<String> replacements) {
        CfgFile features = etc("org.apache.karaf.features.cfg");
        List<String> boot = new ArrayList<>();
        for (String entry : features.get("featuresBoot").split(",")) {
            if (entry.strip().equals(feature) || entry.strip().startsWith(feature + "/")) {
                boot.addAll(replacements);
            } else if (!entry.isBlank()) {
                boot.add(entry.strip());
            }
        }
        if (!boot.containsAll(replacements)) {
            throw new IllegalStateException(feature + " is not a boot feature: " + features.get("featuresBoot"));
        }
        features.put("featuresBoot", String.join(", ", boot));
    }

    Path home() {
        return home;
    }

    Path storePath() {
        return home.resolve("store");
    }

    Path logFile() {
        return home.resolve("data/log/karaf.log");
    }

    Path consoleFile() {
        return home.resolve("karaf.out");
    }

    int nameServerPort() {
        return nameServerPort;
    }

    int brokerPort() {
        return brokerPort;
    }

    int sshPort() {
        return sshPort;
    }

    String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    String brokerAddress() {
        return "127.0.0.1:" + brokerPort;
    }

    private CfgFile etc(String name) {
        return new CfgFile(home.resolve("etc").resolve(name));
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
