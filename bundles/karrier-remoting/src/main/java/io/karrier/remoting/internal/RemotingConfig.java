package io.karrier.remoting.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of PID {@code io.karrier.remoting}: threads, pools and limits of servers and clients. */
@ObjectClassDefinition(name = "Karrier remoting",
        description = "Netty threads, business pools and limits of Karrier's remoting servers and clients.")
public @interface RemotingConfig {

    @AttributeDefinition(description = "Use Netty's native epoll transport where the platform has it; NIO otherwise.")
    boolean nativeEpoll() default true;

    @AttributeDefinition(description = "Selector (I/O) threads; 0 means one per core.", min = "0")
    int selectorThreads() default 0;

    @AttributeDefinition(description = "Threads that decode and encode frames; 0 means one per core.", min = "0")
    int codecThreads() default 0;

    @AttributeDefinition(description = "Threads of the send pool.", min = "1")
    int sendThreads() default 2;

    @AttributeDefinition(description = "Requests the send pool queues before answering SYSTEM_BUSY.", min = "1")
    int sendQueueCapacity() default 10_000;

    @AttributeDefinition(description = "Threads of the pull pool.", min = "1")
    int pullThreads() default 4;

    @AttributeDefinition(description = "Requests the pull pool queues before answering SYSTEM_BUSY.", min = "1")
    int pullQueueCapacity() default 100_000;

    @AttributeDefinition(description = "Threads of the query pool.", min = "1")
    int queryThreads() default 2;

    @AttributeDefinition(description = "Requests the query pool queues before answering SYSTEM_BUSY.", min = "1")
    int queryQueueCapacity() default 20_000;

    @AttributeDefinition(description = "Threads of the admin pool (also the name server's requests).", min = "1")
    int adminThreads() default 2;

    @AttributeDefinition(description = "Requests the admin pool queues before answering SYSTEM_BUSY.", min = "1")
    int adminQueueCapacity() default 10_000;

    @AttributeDefinition(description = "Threads of the heartbeat pool.", min = "1")
    int heartbeatThreads() default 1;

    @AttributeDefinition(description = "Requests the heartbeat pool queues before answering SYSTEM_BUSY.", min = "1")
    int heartbeatQueueCapacity() default 50_000;

    @AttributeDefinition(description = "Threads of the transaction pool.", min = "1")
    int transactionThreads() default 2;

    @AttributeDefinition(description = "Requests the transaction pool queues before answering SYSTEM_BUSY.", min = "1")
    int transactionQueueCapacity() default 100_000;

    @AttributeDefinition(description = "Largest frame accepted, in bytes; a larger one closes the connection.",
            min = "1024")
    int maxFrameBytes() default 16 * 1024 * 1024;

    @AttributeDefinition(description = "Seconds without traffic after which a connection is closed.", min = "1")
    int channelMaxIdleSeconds() default 120;

    @AttributeDefinition(description = "Milliseconds a client waits for a connection to open.", min = "1")
    int connectTimeoutMillis() default 3000;

    @AttributeDefinition(description = "Header serialization of requests Karrier sends: JSON or ROCKETMQ.",
            options = {@Option(label = "JSON", value = "JSON"), @Option(label = "ROCKETMQ", value = "ROCKETMQ")})
    String serializeType() default "JSON";
}
