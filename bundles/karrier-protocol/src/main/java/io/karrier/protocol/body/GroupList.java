package io.karrier.protocol.body;

import java.util.Set;

/**
 * A set of consumer group names, the body of QUERY_TOPIC_CONSUME_BY_WHO (300).
 *
 * @param groupList the groups; never {@code null}
 */
public record GroupList(Set<String> groupList) {

    public GroupList {
        groupList = Copies.set(groupList);
    }
}
