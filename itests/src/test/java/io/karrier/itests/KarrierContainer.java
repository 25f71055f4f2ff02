package io.karrier.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Pax Exam options that boot the Karrier assembly built in this run. Everything is resolved from
 * the build's local Maven repository, never from a remote one, and every port the container opens
 * (console, JMX, name server, broker) is a free loopback port so tests never clash with a running
 * Karaf or Karrier.
 */
final class KarrierContainer {

    private KarrierContainer() {
    }

    static Option[] assembly() {
        String localRepository = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        // the tarball built in this reactor when failsafe names it, so a plain `verify` tests this build
        String tarball = System.getProperty("karrier.assembly.tarball");
        String distribution = tarball != null && new File(tarball).isFile() ? new File(tarball).toURI().toString()
                : maven().groupId("io.karrier").artifactId("karrier-assembly")
                        .version(System.getProperty("karrier.version")).type("tar.gz").getURL();
        String nameServerPort = freePort();
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(distribution)
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            // Pax Exam waits 10 s by default for its own services; a busy 2-core machine needs longer
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
            systemProperty("pax.exam.service.timeout").value("120000"),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", localRepository),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/io.karrier.namesrv.cfg", "bindAddress", "127.0.0.1"),
            editConfigurationFilePut("etc/io.karrier.namesrv.cfg", "listenPort", nameServerPort),
            // the broker registers with this container's name server, never with one another test left running
            editConfigurationFilePut("etc/io.karrier.broker.cfg", "namesrvAddr", "127.0.0.1:" + nameServerPort),
            editConfigurationFilePut("etc/io.karrier.broker.cfg", "bindAddress", "127.0.0.1"),
            editConfigurationFilePut("etc/io.karrier.broker.cfg", "listenPort", freePort()),
        };
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
