package io.karrier.broker.internal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.apache.rocketmq.remoting.netty.NettyRemotingServer;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.broker.internal.BrokerTestBed;
import io.karrier.protocol.body.TopicConfig;

/** A broker registering with a name server played by RocketMQ 4.9.7's own remoting server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NameServerRegistrationTest {

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private NettyRemotingServer nameServer;
    private final BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void startNameServer() {
        NettyServerConfig config = new NettyServerConfig();
        config.setListenPort(0);
        nameServer = new NettyRemotingServer(config);
        nameServer.registerDefaultProcessor(new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(io.netty.channel.ChannelHandlerContext ctx, RemotingCommand request) {
                received.add(request);
                RemotingCommand response = RemotingCommand.createResponseCommand(RegisterBrokerResponseHeader.class);
                response.setCode(ResponseCode.SUCCESS);
                return response;
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        }, executor);
        nameServer.start();
    }

    @AfterEach
    void stopNameServer() {
        nameServer.shutdown();
        executor.shutdownNow();
    }

    private String nameServerAddress() {
        return "127.0.0.1:" + nameServer.localListenPort();
    }

    @Test
    void registersItsTopicsAtStartAndAfterAChangeAndUnregistersAtClose() throws Exception {
        try (BrokerTestBed bed = new BrokerTestBed(dir, List.of(nameServerAddress()), Map.of())) {
            RemotingCommand first = received.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.getCode()).isEqualTo(RequestCode.REGISTER_BROKER);
            RegisterBrokerRequestHeader header = (RegisterBrokerRequestHeader) first
                    .decodeCommandCustomHeader(RegisterBrokerRequestHeader.class);
            assertThat(header.getBrokerName()).isEqualTo("broker-test");
            assertThat(header.getBrokerAddr()).isEqualTo(bed.address());
            assertThat(header.getClusterName()).isEqualTo("DefaultCluster");
            assertThat(header.getBrokerId()).isZero();
            RegisterBrokerBody body = RegisterBrokerBody.decode(first.getBody(), false);
            assertThat(body.getTopicConfigSerializeWrapper().getTopicConfigTable())
                    .containsKeys("TBW102", "SELF_TEST_TOPIC", "DefaultCluster", "broker-test");
            assertThat(body.getTopicConfigSerializeWrapper().getTopicConfigTable().get("TBW102").getPerm()).isEqualTo(7);

            bed.broker.topics().createOrUpdate(TopicConfig.of("fresh"));
            RemotingCommand second = received.poll(10, TimeUnit.SECONDS);
            assertThat(second).isNotNull();
            assertThat(RegisterBrokerBody.decode(second.getBody(), false).getTopicConfigSerializeWrapper()
                    .getTopicConfigTable()).containsKey("fresh");
            received.clear();
        }
        RemotingCommand last = received.poll(10, TimeUnit.SECONDS);
        assertThat(last).isNotNull();
        assertThat(last.getCode()).isEqualTo(RequestCode.UNREGISTER_BROKER);
        UnRegisterBrokerRequestHeader header = (UnRegisterBrokerRequestHeader) last
                .decodeCommandCustomHeader(UnRegisterBrokerRequestHeader.class);
        assertThat(header.getBrokerName()).isEqualTo("broker-test");
    }

    @Test
    void anUnreachableNameServerDoesNotStopTheBroker() throws Exception {
        try (BrokerTestBed bed = new BrokerTestBed(dir, List.of("127.0.0.1:1"), Map.of())) {
            assertThat(bed.broker.topics().find("TBW102")).isPresent();
        }
    }
}
