package io.karrier.broker.internal.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.common.protocol.header.CreateTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.DeleteTopicRequestHeader;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.broker.internal.BrokerTestBed;

/** Topic administration as mqadmin's client classes (RocketMQ 4.9.7) send it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicAdminProcessorTest {

    @TempDir
    Path dir;

    private BrokerTestBed bed;
    private NettyRemotingClient client;

    @BeforeEach
    void start() throws Exception {
        bed = new BrokerTestBed(dir);
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.shutdown();
        if (bed != null) {
            bed.close();
        }
    }

    private RemotingCommand create(String topic, int queues, int perm, boolean order) throws Exception {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader();
        header.setTopic(topic);
        header.setDefaultTopic("TBW102");
        header.setReadQueueNums(queues);
        header.setWriteQueueNums(queues);
        header.setPerm(perm);
        header.setTopicFilterType("SINGLE_TAG");
        header.setTopicSysFlag(0);
        header.setOrder(order);
        return client.invokeSync(bed.address(),
                RemotingCommand.createRequestCommand(RequestCode.UPDATE_AND_CREATE_TOPIC, header), 5000);
    }

    private TopicConfigSerializeWrapper allTopics() throws Exception {
        RemotingCommand response = client.invokeSync(bed.address(),
                RemotingCommand.createRequestCommand(RequestCode.GET_ALL_TOPIC_CONFIG, null), 5000);
        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
        return RemotingSerializable.decode(response.getBody(), TopicConfigSerializeWrapper.class);
    }

    @Test
    void createdTopicIsListedAndSurvivesARestart() throws Exception {
        assertThat(create("orders", 4, 6, true).getCode()).isEqualTo(ResponseCode.SUCCESS);

        TopicConfig created = allTopics().getTopicConfigTable().get("orders");
        assertThat(created.getReadQueueNums()).isEqualTo(4);
        assertThat(created.isOrder()).isTrue();

        bed.close();
        bed = new BrokerTestBed(dir);
        assertThat(allTopics().getTopicConfigTable().get("orders").getWriteQueueNums()).isEqualTo(4);
    }

    @Test
    void deleteRemovesTheTopic() throws Exception {
        create("doomed", 2, 6, false);
        DeleteTopicRequestHeader header = new DeleteTopicRequestHeader();
        header.setTopic("doomed");

        RemotingCommand response = client.invokeSync(bed.address(),
                RemotingCommand.createRequestCommand(RequestCode.DELETE_TOPIC_IN_BROKER, header), 5000);

        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(allTopics().getTopicConfigTable()).doesNotContainKey("doomed");
    }

    @Test
    void systemTopicsAndBadNamesAreRefusedWithRocketMqsRemarks() throws Exception {
        RemotingCommand system = create("TBW102", 4, 6, false);
        assertThat(system.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(system.getRemark()).isEqualTo("The topic[TBW102] is conflict with system topic.");

        RemotingCommand bad = create("a b", 4, 6, false);
        assertThat(bad.getRemark()).isEqualTo(
                "The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
        assertThat(create("x".repeat(128), 4, 6, false).getRemark())
                .isEqualTo("The specified topic is longer than topic max length.");
    }
}
