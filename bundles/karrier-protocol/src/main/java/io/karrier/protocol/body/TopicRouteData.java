package io.karrier.protocol.body;

import java.util.List;
import java.util.Map;

/**
 * The route of a topic, the body of GET_ROUTEINFO_BY_TOPIC (105; REMOTING.md §5.1).
 *
 * @param brokerDatas one per broker name hosting the topic; never {@code null}
 * @param filterServerTable broker address to filter servers, usually empty; never {@code null}
 * @param orderTopicConf {@code brokerName:queueNums;…} for ordered topics, or {@code null}
 * @param queueDatas one per broker name; never {@code null}
 */
public record TopicRouteData(List<BrokerData> brokerDatas, Map<String, List<String>> filterServerTable,
        String orderTopicConf, List<QueueData> queueDatas) {

    public TopicRouteData {
        brokerDatas = Copies.list(brokerDatas);
        filterServerTable = Copies.map(filterServerTable);
        queueDatas = Copies.list(queueDatas);
    }
}
