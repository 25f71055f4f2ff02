package io.karrier.protocol.body;

import java.util.List;

/**
 * The body of REGISTER_BROKER (103) in its JSON form, used when the request header says
 * {@code compressed=false} (REMOTING.md §5.2). The compressed form is read and written by
 * {@link RegisterBrokerBodyCodec}.
 *
 * @param filterServerList the broker's filter servers, usually empty; never {@code null}
 * @param topicConfigSerializeWrapper the broker's topics and their version; an absent one reads as empty
 */
public record RegisterBrokerBody(List<String> filterServerList, TopicConfigSerializeWrapper topicConfigSerializeWrapper) {

    public RegisterBrokerBody {
        filterServerList = Copies.list(filterServerList);
        if (topicConfigSerializeWrapper == null) {
            topicConfigSerializeWrapper = new TopicConfigSerializeWrapper(null, null);
        }
    }
}
