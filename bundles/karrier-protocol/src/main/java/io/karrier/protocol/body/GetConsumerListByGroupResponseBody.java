package io.karrier.protocol.body;

import java.util.List;

/**
 * The response body of GET_CONSUMER_LIST_BY_GROUP (38): the group's client ids, exactly the
 * heartbeat {@code clientID} strings (REMOTING.md §8.3, §11 item 18).
 *
 * @param consumerIdList the client ids; never {@code null}
 */
public record GetConsumerListByGroupResponseBody(List<String> consumerIdList) {

    public GetConsumerListByGroupResponseBody {
        consumerIdList = Copies.list(consumerIdList);
    }
}
