package io.karrier.broker.internal.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.api.store.MessageStore;
import io.karrier.broker.internal.stats.TrafficStats;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.protocol.MqVersion;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.KVTable;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.TopicConfig;

/**
 * GET_BROKER_RUNTIME_INFO (28), what mqadmin's clusterList and brokerStatus print: a KVTable with
 * RocketMQ 4.9.7's key names (AdminBrokerProcessor.prepareRuntimeInfo and the store's runtime info)
 * for what Karrier knows, and nothing for what it does not (thread-pool queues, page-cache lock
 * time, disk ratio, flush state: the store API does not tell them). The broker speaks the protocol of
 * RocketMQ 4.9.7 and says so in {@code brokerVersionDesc}; {@value #KARRIER_VERSION} says what it is.
 */
public final class RuntimeInfoProcessor implements RequestProcessor {

    static final String KARRIER_VERSION = "karrierVersion";

    private final TrafficStats traffic;
    private final MessageStore store;
    private final TopicConfigs topics;
    private final Clock clock;
    private final long bootMillis;
    private final String karrierVersion;

    /**
     * @param bootMillis when the broker started
     * @param karrierVersion Karrier's own version, as the bundle declares it
     */
    public RuntimeInfoProcessor(TrafficStats traffic, MessageStore store, TopicConfigs topics, Clock clock,
            long bootMillis, String karrierVersion) {
        this.traffic = traffic;
        this.store = store;
        this.topics = topics;
        this.clock = clock;
        this.bootMillis = bootMillis;
        this.karrierVersion = karrierVersion;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(RemotingJson.encode(new KVTable(runtimeInfo()))));
    }

    Map<String, String> runtimeInfo() {
        Map<String, String> info = new HashMap<>();
        info.put("brokerVersionDesc", "V4_9_7");
        info.put("brokerVersion", String.valueOf(MqVersion.CURRENT));
        info.put(KARRIER_VERSION, karrierVersion);
        TrafficStats.Snapshot puts = traffic.putSnapshot();
        info.put("msgPutTotalTodayNow", String.valueOf(puts.totalNow()));
        info.put("msgPutTotalTodayMorning", String.valueOf(puts.totalTodayMorning()));
        info.put("msgPutTotalYesterdayMorning", String.valueOf(puts.totalYesterdayMorning()));
        info.put("putTps", puts.tps());
        TrafficStats.Snapshot gets = traffic.getSnapshot();
        info.put("msgGetTotalTodayNow", String.valueOf(gets.totalNow()));
        info.put("msgGetTotalTodayMorning", String.valueOf(gets.totalTodayMorning()));
        info.put("msgGetTotalYesterdayMorning", String.valueOf(gets.totalYesterdayMorning()));
        info.put("getTransferedTps", gets.tps());
        info.put("bootTimestamp", String.valueOf(bootMillis));
        info.put("runtime", runtime(Duration.ofMillis(clock.millis() - bootMillis)));
        info.put("commitLogMaxOffset", String.valueOf(store.commitLogMaxOffset()));
        info.put("earliestMessageTimeStamp", String.valueOf(earliestMessageTime()));
        return info;
    }

    /** RocketMQ's format: {@code [ 0 days, 1 hours, 2 minutes, 3 seconds ]}. */
    private static String runtime(Duration up) {
        return String.format("[ %d days, %d hours, %d minutes, %d seconds ]", up.toDays(), up.toHoursPart(),
                up.toMinutesPart(), up.toSecondsPart());
    }

    /**
     * The store time of the oldest message still stored, over the queues of the topics this broker
     * has; the current time when there is none, so clusterList shows 0 hours of messages kept.
     */
    private long earliestMessageTime() {
        long earliest = Long.MAX_VALUE;
        for (TopicConfig topic : topics.all().values()) {
            int queues = Math.max(topic.readQueueNums(), topic.writeQueueNums());
            for (int queueId = 0; queueId < queues; queueId++) {
                long time = store.earliestStoreTime(topic.topicName(), queueId);
                if (time > 0) {
                    earliest = Math.min(earliest, time);
                }
            }
        }
        return earliest == Long.MAX_VALUE ? clock.millis() : earliest;
    }
}
