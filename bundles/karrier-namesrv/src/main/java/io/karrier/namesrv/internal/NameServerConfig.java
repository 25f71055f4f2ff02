package io.karrier.namesrv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of PID {@value #PID}, shared by the name server's components: the server, the route
 * registry and its expiry scan, the KV store and the route processor each read the attributes they
 * need, and each restarts when the configuration changes.
 */
@ObjectClassDefinition(name = "Karrier name server",
        description = "Route registry that brokers register with and clients ask for topic routes.")
@interface NameServerConfig {

    /** The configuration PID. */
    String PID = "io.karrier.namesrv";

    @AttributeDefinition(description = "Address the name server binds to.")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(description = "Port clients and brokers connect to (RocketMQ's default is 9876).",
            min = "1", max = "65535")
    int listenPort() default 9876;

    @AttributeDefinition(description = "Seconds without a registration after which a broker is dropped from the "
            + "routes (RocketMQ: 120; brokers register every 30).", min = "1")
    int brokerExpirySeconds() default 120;

    @AttributeDefinition(description = "Seconds between scans for expired brokers (RocketMQ: 10).", min = "1")
    int brokerScanIntervalSeconds() default 10;

    @AttributeDefinition(description = "Add the order configuration of a topic (KV namespace ORDER_TOPIC_CONFIG) "
            + "to its route (RocketMQ's orderMessageEnable, off by default).")
    boolean orderMessageEnable() default false;

    @AttributeDefinition(description = "File of the KV configuration (PUT_KV_CONFIG and friends); empty means "
            + "data/karrier/namesrv/kvConfig.json in this Karaf.")
    String kvConfigPath() default "";
}
