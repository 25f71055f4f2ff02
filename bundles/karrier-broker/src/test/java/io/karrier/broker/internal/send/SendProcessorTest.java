package io.karrier.broker.internal.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageBatch;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.apache.rocketmq.common.protocol.header.SendMessageResponseHeader;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.api.store.GetResult;
import io.karrier.api.store.GetStatus;
import io.karrier.api.store.MessageFilter;
import io.karrier.broker.internal.BrokerTestBed;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicFilterType;

/** Sends with the official RocketMQ 4.9.7 remoting client and reads back what the store holds. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SendProcessorTest {

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
        bed.close();
    }

    private static SendMessageRequestHeader header(String topic, int queueId, Message message) {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup("pg");
        header.setTopic(topic);
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(queueId);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(message.getFlag());
        header.setProperties(MessageDecoder.messageProperties2String(message.getProperties()));
        header.setReconsumeTimes(0);
        header.setUnitMode(false);
        header.setBatch(message instanceof MessageBatch);
        return header;
    }

    private RemotingCommand sendV2(String topic, int queueId, Message message) throws Exception {
        int code = message instanceof MessageBatch ? RequestCode.SEND_BATCH_MESSAGE : RequestCode.SEND_MESSAGE_V2;
        RemotingCommand request = RemotingCommand.createRequestCommand(code,
                SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(header(topic, queueId, message)));
        request.setBody(message.getBody());
        return client.invokeSync(bed.address(), request, 5000);
    }

    private List<MessageExt> stored(String topic, int queueId) {
        try (GetResult result = bed.store.get(topic, queueId, 0, 100, 1 << 20, MessageFilter.ALL)) {
            if (result.status() != GetStatus.FOUND) {
                return List.of();
            }
            List<MessageExt> messages = new ArrayList<>();
            for (ByteBuffer record : result.records().records()) {
                messages.add(MessageDecoder.decode(record.duplicate(), true, false));
            }
            return messages;
        }
    }

    private List<MessageExt> awaitStored(String topic, int queueId, int count) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            List<MessageExt> messages = stored(topic, queueId);
            if (messages.size() >= count) {
                return messages;
            }
            Thread.sleep(10);
        }
        return stored(topic, queueId);
    }

    @Test
    void v2SendAutoCreatesTheTopicAndStoresTheMessageAsSent() throws Exception {
        Message message = new Message("orders", "TagA", "key-1", "hello".getBytes(StandardCharsets.UTF_8));
        message.putUserProperty("color", "blue");
        message.setWaitStoreMsgOK(true);

        RemotingCommand response = sendV2("orders", 2, message);

        assertThat(response.getCode()).as(response.getRemark()).isEqualTo(ResponseCode.SUCCESS);
        SendMessageResponseHeader header = (SendMessageResponseHeader) response
                .decodeCommandCustomHeader(SendMessageResponseHeader.class);
        assertThat(header.getQueueId()).isEqualTo(2);
        assertThat(header.getQueueOffset()).isZero();
        assertThat(response.getExtFields()).containsEntry(MessageConst.PROPERTY_MSG_REGION, "DefaultRegion");
        assertThat(bed.broker.topics().find("orders")).get()
                .extracting(TopicConfig::writeQueueNums, TopicConfig::perm).containsExactly(4, 6);

        List<MessageExt> stored = awaitStored("orders", 2, 1);
        assertThat(stored).hasSize(1);
        MessageExt record = stored.get(0);
        assertThat(new String(record.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(record.getTags()).isEqualTo("TagA");
        assertThat(record.getKeys()).isEqualTo("key-1");
        assertThat(record.getUserProperty("color")).isEqualTo("blue");
        assertThat(record.getProperty(MessageConst.PROPERTY_CLUSTER)).isEqualTo("DefaultCluster");
        assertThat(record.getProperties()).doesNotContainKey(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        assertThat(record.getMsgId()).isEqualTo(header.getMsgId());
    }

    @Test
    void v1SendIsAnsweredToo() throws Exception {
        Message message = new Message("plain", "body".getBytes(StandardCharsets.UTF_8));
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE,
                header("plain", 0, message));
        request.setBody(message.getBody());

        RemotingCommand response = client.invokeSync(bed.address(), request, 5000);

        assertThat(response.getCode()).as(response.getRemark()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(awaitStored("plain", 0, 1)).hasSize(1);
    }

    @Test
    void batchStoresEachMessageWithConsecutiveOffsetsAndTheBrokerProperties() throws Exception {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Message message = new Message("batched", "T" + i, ("m" + i).getBytes(StandardCharsets.UTF_8));
            messages.add(message);
        }
        MessageBatch batch = MessageBatch.generateFromList(messages);
        batch.setBody(batch.encode());

        RemotingCommand response = sendV2("batched", 1, batch);

        assertThat(response.getCode()).as(response.getRemark()).isEqualTo(ResponseCode.SUCCESS);
        SendMessageResponseHeader header = (SendMessageResponseHeader) response
                .decodeCommandCustomHeader(SendMessageResponseHeader.class);
        assertThat(header.getMsgId().split(",")).hasSize(5);
        List<MessageExt> stored = awaitStored("batched", 1, 5);
        assertThat(stored).extracting(MessageExt::getTags).containsExactly("T0", "T1", "T2", "T3", "T4");
        assertThat(stored).extracting(MessageExt::getQueueOffset).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(stored).allSatisfy(record ->
                assertThat(record.getProperty(MessageConst.PROPERTY_CLUSTER)).isEqualTo("DefaultCluster"));
    }

    @Test
    void refusesWhatRocketMqRefuses() throws Exception {
        Message message = new Message("x", "b".getBytes(StandardCharsets.UTF_8));

        assertThat(sendV2("bad topic!", 0, message).getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(sendV2("SCHEDULE_TOPIC_XXXX", 0, message).getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(sendV2("orders", 99, message).getRemark()).startsWith("request queueId[99] is illegal");

        bed.broker.topics().createOrUpdate(new TopicConfig("readonly", 4, 4, 4, TopicFilterType.SINGLE_TAG, 0, false));
        assertThat(sendV2("readonly", 0, message).getCode()).isEqualTo(ResponseCode.NO_PERMISSION);

        Message prepared = new Message("orders", "b".getBytes(StandardCharsets.UTF_8));
        MessageAccessor.putProperty(prepared,
                MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        assertThat(sendV2("orders", 0, prepared).getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
    }

    @Test
    void unknownTopicIsMissingWhenItsDefaultTopicCannotBeInherited() throws Exception {
        Message message = new Message("x", "b".getBytes(StandardCharsets.UTF_8));
        SendMessageRequestHeader header = header("nowhere", 0, message);
        header.setDefaultTopic("NoSuchDefault");
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
                SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(header));
        request.setBody(message.getBody());

        RemotingCommand response = client.invokeSync(bed.address(), request, 5000);

        assertThat(response.getCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.getRemark()).startsWith("topic[nowhere] not exist, apply first please!");
    }

    @Test
    void oversizeBodyIsIllegal() throws Exception {
        Message message = new Message("big", new byte[4 * 1024 * 1024 + 1]);

        RemotingCommand response = sendV2("big", 0, message);

        assertThat(response.getCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.getRemark()).contains("4194304B");
    }
}
