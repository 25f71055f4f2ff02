package io.karrier.protocol.body;

import java.util.Set;

/**
 * A set of topic names, the body of GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206) and of
 * GET_TOPICS_BY_CLUSTER and friends.
 *
 * @param brokerAddr the broker the list came from, or {@code null}
 * @param topicList the topic names; never {@code null}
 */
public record TopicList(String brokerAddr, Set<String> topicList) {

    public TopicList {
        topicList = Copies.set(topicList);
    }
}
