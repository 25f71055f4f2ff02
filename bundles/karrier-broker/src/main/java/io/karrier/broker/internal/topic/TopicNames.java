package io.karrier.broker.internal.topic;

import java.util.Optional;
import java.util.Set;

/**
 * RocketMQ's rules for topic and group names and its system topics (TopicValidator in
 * rocketmq-common 4.9.7): names of {@code [%|a-zA-Z0-9_-]}, at most 127 characters.
 */
public final class TopicNames {

    public static final String AUTO_CREATE_TOPIC = "TBW102";
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    public static final String BENCHMARK_TOPIC = "BenchmarkTest";
    public static final String TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    public static final String TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public static final String TRANS_CHECK_MAX_TIME_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
    public static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
    public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";

    private static final String SYSTEM_TOPIC_PREFIX = "rmq_sys_";
    private static final int MAX_LENGTH = 127;
    private static final Set<String> FIXED_SYSTEM_TOPICS = Set.of(AUTO_CREATE_TOPIC, SCHEDULE_TOPIC, BENCHMARK_TOPIC,
            TRANS_HALF_TOPIC, TRACE_TOPIC, TRANS_OP_HALF_TOPIC, TRANS_CHECK_MAX_TIME_TOPIC, SELF_TEST_TOPIC,
            OFFSET_MOVED_EVENT);
    private static final Set<String> NOT_ALLOWED_SEND = Set.of(SCHEDULE_TOPIC, TRANS_HALF_TOPIC, TRANS_OP_HALF_TOPIC,
            TRANS_CHECK_MAX_TIME_TOPIC, SELF_TEST_TOPIC, OFFSET_MOVED_EVENT);

    private TopicNames() {
    }

    /** @return why the topic name is not allowed, in RocketMQ's words, or empty if it is fine */
    public static Optional<String> problem(String topic) {
        if (topic == null || topic.isBlank()) {
            return Optional.of("The specified topic is blank.");
        }
        if (!validCharacters(topic)) {
            return Optional.of("The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
        }
        if (topic.length() > MAX_LENGTH) {
            return Optional.of("The specified topic is longer than topic max length.");
        }
        return Optional.empty();
    }

    /** @return whether every character is one of {@code [%|a-zA-Z0-9_-]} (also the rule for group names) */
    public static boolean validCharacters(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean valid = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '%' || c == '|' || c == '_' || c == '-';
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param brokerTopics the broker's own system topics (its cluster and broker name topics)
     * @return whether the topic is a system topic, which clients may not create or update
     */
    public static boolean isSystemTopic(String topic, Set<String> brokerTopics) {
        return FIXED_SYSTEM_TOPICS.contains(topic) || topic.startsWith(SYSTEM_TOPIC_PREFIX)
                || brokerTopics.contains(topic);
    }

    /** @return whether producers may not send to the topic */
    public static boolean isNotAllowedSend(String topic) {
        return NOT_ALLOWED_SEND.contains(topic);
    }

    /** @return the retry topic of a consumer group */
    public static String retryTopic(String group) {
        return RETRY_GROUP_TOPIC_PREFIX + group;
    }
}
