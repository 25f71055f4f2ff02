package io.karrier.namesrv.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import io.karrier.protocol.body.BrokerData;
import io.karrier.protocol.body.ClusterInfo;
import io.karrier.protocol.body.QueueData;
import io.karrier.protocol.body.TopicList;
import io.karrier.protocol.body.TopicRouteData;

/**
 * One consistent, immutable state of the route tables, as {@link RouteRegistry} publishes it after a
 * change. Everything a client asks the name server for is answered from one snapshot, without locks.
 *
 * @param topicQueues topic to broker name to the topic's queues on that broker; never an empty inner map
 * @param brokers broker name to its cluster and addresses (id 0 = master)
 * @param clusters cluster name to its broker names
 * @param filterServers broker address to its filter servers
 */
record RouteSnapshot(Map<String, Map<String, QueueData>> topicQueues, Map<String, BrokerData> brokers,
        Map<String, Set<String>> clusters, Map<String, List<String>> filterServers) {

    static final RouteSnapshot EMPTY = new RouteSnapshot(Map.of(), Map.of(), Map.of(), Map.of());

    /** TopicSysFlag bits (REMOTING.md §5.1). */
    static final int UNIT_FLAG = 1;
    static final int UNIT_SUB_FLAG = 2;

    /**
     * @param topic the topic
     * @return its route, without order configuration; empty unless some broker hosting its queues is
     *         still registered (RocketMQ needs both queue data and broker data)
     */
    Optional<TopicRouteData> route(String topic) {
        Map<String, QueueData> queues = topicQueues.get(topic);
        if (queues == null) {
            return Optional.empty();
        }
        List<BrokerData> brokerDatas = new ArrayList<>(queues.size());
        Map<String, List<String>> filters = new HashMap<>();
        for (String brokerName : queues.keySet()) {
            BrokerData broker = brokers.get(brokerName);
            if (broker != null) {
                brokerDatas.add(broker);
                for (String address : broker.brokerAddrs().values()) {
                    List<String> servers = filterServers.get(address);
                    if (servers != null) {
                        filters.put(address, servers);
                    }
                }
            }
        }
        if (brokerDatas.isEmpty()) {
            return Optional.empty();
        }
        brokerDatas.sort(Comparator.comparing(BrokerData::brokerName));
        List<QueueData> queueDatas = new ArrayList<>(queues.values());
        queueDatas.sort(Comparator.comparing(QueueData::brokerName));
        return Optional.of(new TopicRouteData(brokerDatas, filters, null, queueDatas));
    }

    /** @return every broker and every cluster, the body of GET_BROKER_CLUSTER_INFO */
    ClusterInfo clusterInfo() {
        return new ClusterInfo(brokers, clusters);
    }

    /** @return every topic with queues on some broker */
    TopicList allTopics() {
        return new TopicList(null, new TreeSet<>(topicQueues.keySet()));
    }

    /** @return the topics with queues on a broker of the cluster; empty for an unknown cluster */
    TopicList topicsOfCluster(String cluster) {
        Set<String> brokerNames = clusters.getOrDefault(cluster, Set.of());
        Set<String> topics = new TreeSet<>();
        topicQueues.forEach((topic, queues) -> {
            if (queues.keySet().stream().anyMatch(brokerNames::contains)) {
                topics.add(topic);
            }
        });
        return new TopicList(null, topics);
    }

    /**
     * The names every broker registers as topics of its own: cluster names and broker names, with
     * one broker address for the caller to ask for the rest (as RocketMQ's GET_SYSTEM_TOPIC_LIST_FROM_NS).
     */
    TopicList systemTopics() {
        Set<String> names = new TreeSet<>();
        clusters.forEach((cluster, brokerNames) -> {
            names.add(cluster);
            names.addAll(brokerNames);
        });
        String anyBroker = brokers.keySet().stream().sorted()
                .map(name -> brokers.get(name).brokerAddrs())
                .filter(addresses -> !addresses.isEmpty())
                .map(addresses -> addresses.get(addresses.keySet().stream().min(Long::compare).orElseThrow()))
                .findFirst().orElse(null);
        return new TopicList(anyBroker, names);
    }

    /**
     * @param sysFlag test of a topic's TopicSysFlag
     * @return the topics whose flag passes; like RocketMQ, one broker's queue data stands for the topic
     */
    TopicList topicsWithSysFlag(IntPredicate sysFlag) {
        Set<String> topics = new TreeSet<>();
        topicQueues.forEach((topic, queues) -> {
            if (sysFlag.test(queues.values().iterator().next().topicSysFlag())) {
                topics.add(topic);
            }
        });
        return new TopicList(null, topics);
    }
}
