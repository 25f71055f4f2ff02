package io.karrier.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;

import io.karrier.protocol.RequestCode;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.protocol.body.SubscriptionGroupWrapper;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicConfigSerializeWrapper;

class CompletersTest {

    /** The console's view of {@code karrier:consume <typed>} with the cursor at the end. */
    private static CommandLine typing(String typed) {
        String buffer = "karrier:consume " + typed;
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 1;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"karrier:consume", typed};
            }

            @Override
            public int getBufferPosition() {
                return buffer.length();
            }

            @Override
            public String getBuffer() {
                return buffer;
            }
        };
    }

    @Test
    void completesTopicNamesTheBrokerHas() {
        FakeServers servers = new FakeServers().answer(RequestCode.GET_ALL_TOPIC_CONFIG,
                new TopicConfigSerializeWrapper(new DataVersion(0, 0), Map.of("orders", TopicConfig.of("orders"),
                        "order-audit", TopicConfig.of("order-audit"), "payments", TopicConfig.of("payments"))));
        TopicCompleter completer = new TopicCompleter();
        completer.servers = FakeServers.servers();
        completer.remoting = servers;
        List<String> candidates = new ArrayList<>();

        completer.complete(null, typing("ord"), candidates);

        assertThat(candidates).extracting(String::strip).containsExactlyInAnyOrder("orders", "order-audit");
    }

    @Test
    void completesConsumerGroupsTheBrokerKnows() {
        FakeServers servers = new FakeServers().answer(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
                new SubscriptionGroupWrapper(new DataVersion(0, 0), Map.of(
                        "billing", SubscriptionGroupConfig.of("billing"),
                        "shipping", SubscriptionGroupConfig.of("shipping"))));
        ConsumerGroupCompleter completer = new ConsumerGroupCompleter();
        completer.servers = FakeServers.servers();
        completer.remoting = servers;
        List<String> candidates = new ArrayList<>();

        completer.complete(null, typing("bi"), candidates);

        assertThat(candidates).extracting(String::strip).containsExactly("billing");
    }

    @Test
    void offersNothingWhenNoBrokerRuns() {
        TopicCompleter completer = new TopicCompleter();
        completer.servers = List.of();
        completer.remoting = new FakeServers();
        List<String> candidates = new ArrayList<>();

        completer.complete(null, typing(""), candidates);

        assertThat(candidates).isEmpty();
    }
}
