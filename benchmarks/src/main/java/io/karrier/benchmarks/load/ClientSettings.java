package io.karrier.benchmarks.load;

import org.apache.rocketmq.client.ClientConfig;

/** What every client of the load tool shares. */
final class ClientSettings {

    private ClientSettings() {
    }

    static void apply(ClientConfig client, LoadOptions options) {
        client.setNamesrvAddr(options.nameServer());
        // one port per broker: Karrier has no separate VIP port (RocketMQ's listen port - 2)
        client.setVipChannelEnabled(false);
        client.setInstanceName("karrier-load-" + ProcessHandle.current().pid());
    }
}
