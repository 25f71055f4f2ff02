package io.karrier.benchmarks.load;

/**
 * Load from the outside: the official RocketMQ 4.9.7 client producing to, or draining from, a
 * running broker (Karrier, or Apache RocketMQ to compare), printing the rate and latency
 * percentiles. See {@link LoadOptions#USAGE} and benchmarks/README.md.
 */
public final class LoadTool {

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
            options.requireLoopbackUnlessAllowed();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        routeClientLogsToStderrQuietly();
        LoadResult result = options.mode() == LoadOptions.Mode.PRODUCE
                ? new ProducerLoad(options).run()
                : new ConsumerDrain(options).run();
        System.out.println(result.report());
        // the client leaves non-daemon threads behind its shutdown
        System.exit(result.errors() == 0 ? 0 : 1);
    }

    /** The client otherwise writes its own log files under ~/logs, and warns of every pull cut short by shutdown. */
    private static void routeClientLogsToStderrQuietly() {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"));
    }
}
