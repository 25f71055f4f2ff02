package io.karrier.protocol.body;

import java.util.Set;

/**
 * The body of HEART_BEAT (34; REMOTING.md §3.3, §8.3). Note the upper-case {@code ID}.
 *
 * @param clientID {@code clientIP@instanceName[@unitName]}; the id GET_CONSUMER_LIST_BY_GROUP returns
 * @param consumerDataSet the client's consumer groups; never {@code null}
 * @param producerDataSet the client's producer groups; never {@code null}
 */
public record HeartbeatData(String clientID, Set<ConsumerData> consumerDataSet, Set<ProducerData> producerDataSet) {

    public HeartbeatData {
        consumerDataSet = Copies.set(consumerDataSet);
        producerDataSet = Copies.set(producerDataSet);
    }
}
