package io.karrier.broker.internal.client;

import static io.karrier.broker.internal.client.ConsumerRegistryTest.consumer;
import static io.karrier.broker.internal.client.ConsumerRegistryTest.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.broker.internal.FakeChannel;
import io.karrier.broker.internal.TestClock;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.broker.internal.BrokerSettings;
import io.karrier.broker.internal.ProcessorBinding;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.CheckClientRequestBody;
import io.karrier.protocol.body.ConsumerData;
import io.karrier.protocol.body.HeartbeatData;
import io.karrier.protocol.body.ProducerData;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.SubscriptionData;
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.store.internal.table.DocumentDirectory;

/** The processors, notifications and housekeeping of {@link Clients}, without a network. */
class ClientsTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private final FakeChannel a = new FakeChannel(1001);
    private final FakeChannel b = new FakeChannel(1002);
    private final List<String> removedOffsets = new ArrayList<>();
    private TopicConfigs topics;

    private Clients clients(ClientSettings settings) throws IOException {
        DocumentDirectory documents = new DocumentDirectory(dir);
        BrokerSettings broker = new BrokerSettings("b", "DefaultCluster", 0, "127.0.0.1", 10911, List.of(), true, 8,
                4 << 20, Duration.ofSeconds(30), Duration.ofSeconds(5), settings,
                new BrokerSettings.LongPolling(100, Duration.ofMillis(100)));
        topics = TopicConfigs.open(documents, broker, clock);
        return new Clients(settings, true, topics, documents, clock, removedOffsets::add);
    }

    private static RemotingCommand call(Clients clients, FakeChannel channel, RemotingCommand request) {
        ProcessorBinding binding = clients.processors().stream()
                .filter(candidate -> candidate.codes().contains(request.code()))
                .findFirst().orElseThrow();
        return binding.processor().process(channel, request).toCompletableFuture().join();
    }

    private static RemotingCommand heartbeat(String clientId, Set<ConsumerData> consumers, Set<ProducerData> producers) {
        return RemotingCommand.request(RequestCode.HEART_BEAT).version(407)
                .body(RemotingJson.encode(new HeartbeatData(clientId, consumers, producers)));
    }

    private static RemotingCommand heartbeat(String clientId, ConsumerData... consumers) {
        return heartbeat(clientId, Set.of(consumers), Set.of());
    }

    @Test
    void aHeartbeatRegistersCreatesTheGroupAndItsRetryTopicAndTellsTheGroup() throws IOException {
        Clients clients = clients(ClientSettings.defaults());

        assertThat(call(clients, a, heartbeat("c1", Set.of(consumer("g", subscription("t", "*", 1))),
                Set.of(new ProducerData("pg")))).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(a.takeNotifiedGroups()).containsExactly("g");
        call(clients, b, heartbeat("c2", consumer("g", subscription("t", "*", 1))));

        assertThat(a.takeNotifiedGroups()).containsExactly("g");
        assertThat(b.takeNotifiedGroups()).containsExactly("g");
        assertThat(clients.consumers().clientIds("g")).containsExactlyInAnyOrder("c1", "c2");
        assertThat(clients.producers().connections("pg").orElseThrow()).hasSize(1);
        assertThat(clients.subscriptionGroups().find("g")).contains(SubscriptionGroupConfig.of("g"));
        assertThat(topics.find("%RETRY%g")).contains(
                new TopicConfig("%RETRY%g", 1, 1, 6, TopicFilterType.SINGLE_TAG, 0, false));
        assertThat(clients.subscriptions().find("g", "t")).isPresent();

        call(clients, a, heartbeat("c1", consumer("g", subscription("t", "*", 1))));
        assertThat(b.takeNotifiedGroups()).as("an unchanged heartbeat").isEmpty();
    }

    @Test
    void theGroupsConfigOrTheBrokerCanTurnNotificationsOff() throws IOException {
        Clients clients = clients(ClientSettings.defaults());
        clients.subscriptionGroups().createOrUpdate(new SubscriptionGroupConfig(0, true, true, true, "quiet", false,
                16, 1, 1));
        call(clients, a, heartbeat("c1", consumer("quiet"), consumer("loud")));
        assertThat(a.takeNotifiedGroups()).containsExactly("loud");

        ClientSettings d = ClientSettings.defaults();
        Clients off = clients(new ClientSettings(true, false, d.clientExpiry(), d.queueLockExpiry(),
                d.maxClientRegistrations(), d.maxSubscriptionsPerGroup(), d.maxSubscriptionGroups(), d.maxQueueLocks()));
        call(off, b, heartbeat("c2", consumer("loud")));
        assertThat(b.takeNotifiedGroups()).isEmpty();
    }

    @Test
    void aClosedConnectionLeavesEveryGroupAndTheRestAreTold() throws IOException {
        Clients clients = clients(ClientSettings.defaults());
        call(clients, a, heartbeat("c1", Set.of(consumer("g")), Set.of(new ProducerData("pg"))));
        call(clients, b, heartbeat("c2", consumer("g")));
        b.takeNotifiedGroups();

        clients.channelClosed(a);

        assertThat(b.takeNotifiedGroups()).containsExactly("g");
        assertThat(clients.consumers().clientIds("g")).containsExactly("c2");
        assertThat(clients.producers().connections("pg")).isEmpty();
    }

    @Test
    void theScanDropsSilentClientsAndClosesConnectionsNothingElseKeeps() throws IOException {
        Clients clients = clients(ClientSettings.defaults());
        FakeChannel c = new FakeChannel(1003);
        call(clients, a, heartbeat("c1", Set.of(consumer("g")), Set.of(new ProducerData("pg"))));
        call(clients, b, heartbeat("c2", consumer("g")));
        call(clients, c, heartbeat("c3", consumer("g"), consumer("h")));
        clock.advance(Duration.ofSeconds(100));
        call(clients, b, heartbeat("c2", consumer("g")));
        call(clients, c, heartbeat("c3", consumer("h")));
        b.takeNotifiedGroups();
        clock.advance(Duration.ofSeconds(21));

        clients.scan();

        assertThat(a.isActive()).isFalse();
        assertThat(c.isActive()).as("still registered in h").isTrue();
        assertThat(b.isActive()).isTrue();
        assertThat(clients.consumers().clientIds("g")).containsExactly("c2");
        assertThat(clients.producers().connections("pg")).isEmpty();
        assertThat(b.takeNotifiedGroups()).containsExactly("g");
    }

    @Test
    void unregisterLeavesTheNamedGroupsOnly() throws IOException {
        Clients clients = clients(ClientSettings.defaults());
        call(clients, a, heartbeat("c1", Set.of(consumer("g"), consumer("h")), Set.of(new ProducerData("pg"))));

        RemotingCommand unregister = RemotingCommand.request(RequestCode.UNREGISTER_CLIENT)
                .putExtField("clientID", "c1").putExtField("consumerGroup", "g").putExtField("producerGroup", "pg");
        assertThat(call(clients, a, unregister).code()).isEqualTo(ResponseCode.SUCCESS);

        assertThat(clients.consumers().clientIds("g")).isEmpty();
        assertThat(clients.consumers().clientIds("h")).containsExactly("c1");
        assertThat(clients.producers().connections("pg")).isEmpty();
    }

    @Test
    void aMalformedHeartbeatIsRefusedWhole() throws IOException {
        Clients clients = clients(ClientSettings.defaults());

        RemotingCommand badGroup = call(clients, a, heartbeat("c1", consumer("g"), consumer("bad group")));
        RemotingCommand noBody = call(clients, a, RemotingCommand.request(RequestCode.HEART_BEAT));
        RemotingCommand noClientId = call(clients, a, heartbeat(" ", consumer("g")));

        assertThat(List.of(badGroup, noBody, noClientId)).allSatisfy(response ->
                assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR));
        assertThat(badGroup.remark()).contains("illegal characters");
        assertThat(clients.consumers().clientIds("g")).isEmpty();
    }

    @Test
    void checkClientConfigAcceptsTagsAndRefusesSql92LikeRocketMqWithoutPropertyFiltering() throws IOException {
        Clients clients = clients(ClientSettings.defaults());
        SubscriptionData tag = subscription("t", "a || b", 1);
        SubscriptionData sql = new SubscriptionData(false, Set.of(), "SQL92", "a > 1", 1, Set.of(), "t");

        RemotingCommand tagAnswer = call(clients, a, RemotingCommand.request(RequestCode.CHECK_CLIENT_CONFIG)
                .body(RemotingJson.encode(new CheckClientRequestBody("c1", "g", tag))));
        RemotingCommand sqlAnswer = call(clients, a, RemotingCommand.request(RequestCode.CHECK_CLIENT_CONFIG)
                .body(RemotingJson.encode(new CheckClientRequestBody("c1", "g", sql))));

        assertThat(tagAnswer.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(sqlAnswer.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(sqlAnswer.remark()).isEqualTo("The broker does not support consumer to filter message by SQL92");
    }

    @Test
    void deletingAGroupWithItsOffsetsRemovesThem() throws IOException {
        Clients clients = clients(ClientSettings.defaults());
        clients.subscriptionGroups().findOrAutoCreate("g");

        RemotingCommand delete = RemotingCommand.request(RequestCode.DELETE_SUBSCRIPTIONGROUP)
                .putExtField("groupName", "g").putExtField("removeOffset", "true");
        assertThat(call(clients, a, delete).code()).isEqualTo(ResponseCode.SUCCESS);

        assertThat(clients.subscriptionGroups().find("g")).isEmpty();
        assertThat(removedOffsets).containsExactly("g");
    }
}
