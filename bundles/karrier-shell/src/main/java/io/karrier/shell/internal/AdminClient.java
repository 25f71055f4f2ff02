package io.karrier.shell.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.ClusterInfo;
import io.karrier.protocol.body.ConsumeStats;
import io.karrier.protocol.body.ConsumerConnection;
import io.karrier.protocol.body.KVTable;
import io.karrier.protocol.body.MessageQueue;
import io.karrier.protocol.body.OffsetWrapper;
import io.karrier.protocol.body.SubscriptionGroupWrapper;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicConfigSerializeWrapper;
import io.karrier.protocol.body.TopicOffset;
import io.karrier.protocol.body.TopicStatsTable;
import io.karrier.protocol.header.ConsumerGroupRequestHeader;
import io.karrier.protocol.header.CreateTopicRequestHeader;
import io.karrier.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.karrier.protocol.header.GetConsumeStatsRequestHeader;
import io.karrier.protocol.header.TopicRequestHeader;

/**
 * The admin requests the shell makes of the local broker and name server: the same request codes
 * and bodies as RocketMQ's mqadmin, so the shell and mqadmin see the same broker. Reading and
 * writing messages is in {@link MessageClient}. Thread-safe.
 */
public final class AdminClient {

    /** The template topic RocketMQ clients name when they create a topic. */
    static final String DEFAULT_TOPIC = "TBW102";

    private final ServerCalls broker;
    private final ServerCalls nameServer;
    private final String brokerName;

    /**
     * @param remoting the container's remoting client
     * @param brokerAddress {@code host:port} of the broker
     * @param brokerName the broker's name
     * @param nameServerAddress {@code host:port} of the name server, or {@code null} when none runs here
     * @param timeout how long to wait for each answer
     */
    public AdminClient(RemotingClient remoting, String brokerAddress, String brokerName, String nameServerAddress,
            Duration timeout) {
        this.broker = new ServerCalls(remoting, brokerAddress, timeout);
        this.nameServer = nameServerAddress == null ? null : new ServerCalls(remoting, nameServerAddress, timeout);
        this.brokerName = brokerName;
    }

    /** @return the broker's {@code host:port} */
    public String brokerAddress() {
        return broker.address();
    }

    /** @return the broker's name */
    public String brokerName() {
        return brokerName;
    }

    /** @return the message side of this broker: send, pull, offsets, lookups */
    public MessageClient messages() {
        return new MessageClient(broker, brokerName);
    }

    /** @return the broker's topics by name, sorted (GET_ALL_TOPIC_CONFIG) */
    public Map<String, TopicConfig> topics() throws AdminException {
        String what = "list topics";
        RemotingCommand response = broker.expectSuccess(what, RequestCode.GET_ALL_TOPIC_CONFIG, null, null);
        TopicConfigSerializeWrapper wrapper = ServerCalls.decode(what, response, TopicConfigSerializeWrapper.class);
        return wrapper == null ? Map.of() : new TreeMap<>(wrapper.topicConfigTable());
    }

    /** @return the topic's configuration on the broker */
    public TopicConfig topic(String topic) throws AdminException {
        TopicConfig config = topics().get(topic);
        if (config == null) {
            throw topicNotFound(topic);
        }
        return config;
    }

    private AdminException topicNotFound(String topic) {
        return new AdminException(ResponseCode.TOPIC_NOT_EXIST, "topic " + topic + " does not exist on broker "
                + brokerName);
    }

    /** Creates or updates a topic on the broker, which then registers it with the name server. */
    public void createTopic(TopicConfig config) throws AdminException {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader(config.topicName(), DEFAULT_TOPIC,
                config.readQueueNums(), config.writeQueueNums(), config.perm(), config.topicFilterType().name(),
                config.topicSysFlag(), config.order());
        broker.expectSuccess("create topic " + config.topicName(), RequestCode.UPDATE_AND_CREATE_TOPIC, header, null);
    }

    /**
     * Deletes a topic from the broker and then from the name server, as mqadmin deleteTopic does.
     *
     * @return whether the name server was asked too (one runs in this container)
     */
    public boolean deleteTopic(String topic) throws AdminException {
        String what = "delete topic " + topic;
        broker.expectSuccess(what, RequestCode.DELETE_TOPIC_IN_BROKER, new TopicRequestHeader(topic), null);
        if (nameServer == null) {
            return false;
        }
        nameServer.expectSuccess(what + " from the name server", RequestCode.DELETE_TOPIC_IN_NAMESRV,
                new DeleteTopicFromNamesrvRequestHeader(topic, null), null);
        return true;
    }

    /**
     * Per-queue offsets of a topic: GET_TOPIC_STATS_INFO when the broker answers it, else the min
     * and max offset of each read queue (the last store time then stays 0: unknown).
     */
    public TopicStatsTable topicStats(String topic) throws AdminException {
        String what = "topic stats of " + topic;
        RemotingCommand response = broker.send(RequestCode.GET_TOPIC_STATS_INFO, new TopicRequestHeader(topic), null);
        if (response.code() == ResponseCode.SUCCESS) {
            TopicStatsTable stats = ServerCalls.decode(what, response, TopicStatsTable.class);
            return stats == null ? new TopicStatsTable(Map.of()) : stats;
        }
        if (response.code() == ResponseCode.TOPIC_NOT_EXIST) {
            throw topicNotFound(topic);
        }
        if (response.code() != ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
            throw AdminException.refused(what, response.code(), response.remark());
        }
        MessageClient messages = messages();
        Map<MessageQueue, TopicOffset> offsets = new LinkedHashMap<>();
        for (int queueId = 0; queueId < topic(topic).readQueueNums(); queueId++) {
            offsets.put(MessageQueue.of(topic, brokerName, queueId), new TopicOffset(0,
                    messages.maxOffset(topic, queueId), messages.minOffset(topic, queueId)));
        }
        return new TopicStatsTable(offsets);
    }

    /**
     * A group's progress per queue: GET_CONSUME_STATS when the broker answers it, else the broker's
     * max offset and the group's committed offset of each read queue of the given topics.
     *
     * @param group the consumer group
     * @param fallbackTopics the topics to look at when the broker lacks GET_CONSUME_STATS
     */
    public ConsumeStats consumeStats(String group, Set<String> fallbackTopics) throws AdminException {
        String what = "consume stats of " + group;
        RemotingCommand response = broker.send(RequestCode.GET_CONSUME_STATS,
                new GetConsumeStatsRequestHeader(group, null), null);
        if (response.code() == ResponseCode.SUCCESS) {
            ConsumeStats stats = ServerCalls.decode(what, response, ConsumeStats.class);
            return stats == null ? new ConsumeStats(0, Map.of()) : stats;
        }
        if (response.code() != ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
            throw AdminException.refused(what, response.code(), response.remark());
        }
        MessageClient messages = messages();
        Map<MessageQueue, OffsetWrapper> offsets = new LinkedHashMap<>();
        for (String topic : fallbackTopics) {
            for (int queueId = 0; queueId < topic(topic).readQueueNums(); queueId++) {
                OptionalLong committed = messages.consumerOffset(group, topic, queueId);
                if (committed.isPresent()) {
                    offsets.put(MessageQueue.of(topic, brokerName, queueId), new OffsetWrapper(
                            messages.maxOffset(topic, queueId), committed.getAsLong(), 0));
                }
            }
        }
        return new ConsumeStats(0, offsets);
    }

    /** @return the group's connected consumers, or empty when none is online */
    public Optional<ConsumerConnection> consumerConnection(String group) throws AdminException {
        String what = "connections of " + group;
        RemotingCommand response = broker.send(RequestCode.GET_CONSUMER_CONNECTION_LIST,
                new ConsumerGroupRequestHeader(group), null);
        if (response.code() == ResponseCode.CONSUMER_NOT_ONLINE) {
            return Optional.empty();
        }
        if (response.code() != ResponseCode.SUCCESS) {
            throw AdminException.refused(what, response.code(), response.remark());
        }
        return Optional.ofNullable(ServerCalls.decode(what, response, ConsumerConnection.class));
    }

    /** @return the consumer groups the broker knows (GET_ALL_SUBSCRIPTIONGROUP_CONFIG), sorted */
    public Set<String> consumerGroups() throws AdminException {
        String what = "list consumer groups";
        RemotingCommand response = broker.expectSuccess(what, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, null, null);
        SubscriptionGroupWrapper wrapper = ServerCalls.decode(what, response, SubscriptionGroupWrapper.class);
        return wrapper == null ? Set.of() : new TreeSet<>(wrapper.subscriptionGroupTable().keySet());
    }

    /** @return the broker's runtime values (GET_BROKER_RUNTIME_INFO), or empty when it does not answer that code */
    public Optional<KVTable> runtimeInfo() throws AdminException {
        String what = "runtime info";
        Optional<RemotingCommand> response = optional(what, RequestCode.GET_BROKER_RUNTIME_INFO);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        KVTable table = ServerCalls.decode(what, response.get(), KVTable.class);
        return Optional.of(table == null ? new KVTable(Map.of()) : table);
    }

    /**
     * @return the broker's configuration (GET_BROKER_CONFIG: a properties text), or empty when it
     *         does not answer that code
     */
    public Optional<Map<String, String>> brokerConfig() throws AdminException {
        Optional<RemotingCommand> response = optional("broker config", RequestCode.GET_BROKER_CONFIG);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        byte[] body = response.get().bodyBytes();
        try {
            properties.load(new StringReader(body == null ? "" : new String(body, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new AdminException("broker config: unreadable answer: " + e.getMessage());
        }
        Map<String, String> config = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
        return Optional.of(config);
    }

    /** @return brokers by cluster, from the name server (GET_BROKER_CLUSTER_INFO) */
    public ClusterInfo clusterInfo() throws AdminException {
        if (nameServer == null) {
            throw new AdminException("no name server runs in this container");
        }
        String what = "cluster info";
        RemotingCommand response = nameServer.expectSuccess(what, RequestCode.GET_BROKER_CLUSTER_INFO, null, null);
        ClusterInfo info = ServerCalls.decode(what, response, ClusterInfo.class);
        return info == null ? new ClusterInfo(Map.of(), Map.of()) : info;
    }

    private Optional<RemotingCommand> optional(String what, int code) throws AdminException {
        RemotingCommand response = broker.send(code, null, null);
        if (response.code() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
            return Optional.empty();
        }
        if (response.code() != ResponseCode.SUCCESS) {
            throw AdminException.refused(what, response.code(), response.remark());
        }
        return Optional.of(response);
    }
}
