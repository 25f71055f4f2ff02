package io.karrier.namesrv.internal;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.MqVersion;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.TopicRouteData;
import io.karrier.protocol.header.GetRouteInfoRequestHeader;
import io.karrier.protocol.header.GetTopicsByClusterRequestHeader;

/**
 * Answers what clients and tools ask the name server: topic routes (the hot path: every client
 * asks for each of its topics every 30 s), cluster info and topic lists. Each answer comes from one
 * lock-free {@link RouteSnapshot}, on the QUERY pool so registrations and admin calls never queue
 * behind route polls.
 */
@Component(service = RequestProcessor.class, configurationPid = NameServerConfig.PID, property = {
        RequestProcessor.SERVER + "=" + NameServerComponent.SERVER_NAME,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_ROUTEINFO_BY_TOPIC,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_BROKER_CLUSTER_INFO,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_TOPICS_BY_CLUSTER,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_UNIT_TOPIC_LIST,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST})
public class RouteQueryProcessor extends NameServerProcessor {

    /** RocketMQ's FAQ pointer, part of the remark clients show for an unknown topic. */
    private static final String FAQ = "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

    private final RouteRegistry registry;
    private final KvConfigStore kvConfig;
    private final boolean orderMessageEnable;

    @Activate
    public RouteQueryProcessor(NameServerConfig config, @Reference RouteRegistry registry,
            @Reference KvConfigStore kvConfig) {
        this(registry, kvConfig, config.orderMessageEnable());
    }

    RouteQueryProcessor(RouteRegistry registry, KvConfigStore kvConfig, boolean orderMessageEnable) {
        this.registry = registry;
        this.kvConfig = kvConfig;
        this.orderMessageEnable = orderMessageEnable;
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.QUERY;
    }

    @Override
    CompletionStage<RemotingCommand> answer(ClientChannel channel, RemotingCommand request) {
        RouteSnapshot routes = registry.snapshot();
        return switch (request.code()) {
            case RequestCode.GET_ROUTEINFO_BY_TOPIC -> route(routes, request);
            case RequestCode.GET_BROKER_CLUSTER_INFO -> body(routes.clusterInfo());
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER -> body(routes.allTopics());
            case RequestCode.GET_TOPICS_BY_CLUSTER -> body(routes.topicsOfCluster(
                    GetTopicsByClusterRequestHeader.from(request.extFields()).cluster()));
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS -> body(routes.systemTopics());
            case RequestCode.GET_UNIT_TOPIC_LIST -> body(routes.topicsWithSysFlag(RouteQueryProcessor::unit));
            case RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST -> body(routes.topicsWithSysFlag(RouteQueryProcessor::unitSub));
            case RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST ->
                    body(routes.topicsWithSysFlag(flag -> !unit(flag) && unitSub(flag)));
            default -> notSupported(request);
        };
    }

    private CompletionStage<RemotingCommand> route(RouteSnapshot routes, RemotingCommand request) {
        GetRouteInfoRequestHeader header = GetRouteInfoRequestHeader.from(request.extFields());
        Optional<TopicRouteData> found = routes.route(header.topic());
        if (found.isEmpty()) {
            return completed(RemotingCommand.response(ResponseCode.TOPIC_NOT_EXIST,
                    "No topic route info in name server for the topic: " + header.topic() + FAQ));
        }
        TopicRouteData route = found.get();
        if (orderMessageEnable) {
            route = new TopicRouteData(route.brokerDatas(), route.filterServerTable(),
                    kvConfig.get(KvConfigStore.ORDER_TOPIC_CONFIG, header.topic()), route.queueDatas());
        }
        // A 4.9.4+ name server writes standard JSON to clients that are 4.9.4+ or ask for it.
        boolean standard = request.version() >= MqVersion.V4_9_4
                || Boolean.TRUE.equals(header.acceptStandardJsonOnly());
        return completed(RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(standard ? RemotingJson.encodeStandard(route) : RemotingJson.encode(route)));
    }

    private static CompletionStage<RemotingCommand> body(Object body) {
        return completed(RemotingCommand.response(ResponseCode.SUCCESS, null).body(RemotingJson.encode(body)));
    }

    private static boolean unit(int sysFlag) {
        return (sysFlag & RouteSnapshot.UNIT_FLAG) != 0;
    }

    private static boolean unitSub(int sysFlag) {
        return (sysFlag & RouteSnapshot.UNIT_SUB_FLAG) != 0;
    }
}
