package io.karrier.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.netty.ResponseFuture;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.protocol.ResponseCode;
import io.netty.channel.ChannelHandlerContext;

/**
 * Karrier's server answers the official rocketmq-remoting 4.9.7 client: sync, async and oneway
 * calls in both header serializations, and server-initiated requests over the client's connection.
 */
class OfficialClientInteropTest {

    private static final int ECHO = 1000;
    private static final int ONEWAY_SINK = 1001;
    private static final int CALL_BACK = 1002;
    private static final int CLIENT_SIDE = 2000;

    private final BlockingQueue<io.karrier.api.remoting.RemotingCommand> onewayReceived = new LinkedBlockingQueue<>();
    private final BlockingQueue<ClientChannel> channels = new LinkedBlockingQueue<>();
    private RunningServer karrier;
    private NettyRemotingClient official;
    private ExecutorService clientExecutor;

    @BeforeEach
    void start() throws Exception {
        karrier = new RunningServer(Map.of());
        karrier.register((channel, request) -> CompletableFuture.completedFuture(
                io.karrier.api.remoting.RemotingCommand.response(ResponseCode.SUCCESS, "echo " + request.remark())
                        .extFields(request.extFields())
                        .body(request.bodyBytes())), ECHO);
        karrier.register((channel, request) -> {
            onewayReceived.add(request);
            return CompletableFuture.completedFuture(null);
        }, ONEWAY_SINK);
        karrier.register((channel, request) -> {
            channels.add(channel);
            return CompletableFuture.completedFuture(
                    io.karrier.api.remoting.RemotingCommand.response(ResponseCode.SUCCESS, null));
        }, CALL_BACK);

        official = new NettyRemotingClient(new NettyClientConfig());
        clientExecutor = Executors.newSingleThreadExecutor();
        official.registerProcessor(CLIENT_SIDE, new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
                RemotingCommand response = RemotingCommand.createResponseCommand(0, "client got " + request.getRemark());
                return request.isOnewayRPC() ? null : response;
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        }, clientExecutor);
        official.start();
    }

    @AfterEach
    void stop() {
        official.shutdown();
        clientExecutor.shutdownNow();
        karrier.close();
    }

    private static RemotingCommand request(int code, SerializeType type) {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
        request.setSerializeTypeCurrentRPC(type);
        return request;
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void answersSyncCallsInTheRequestsSerializeType(SerializeType type) throws Exception {
        RemotingCommand request = request(ECHO, type);
        request.setRemark("héllo");
        HashMap<String, String> fields = new HashMap<>();
        fields.put("topic", "TopicTest");
        request.setExtFields(fields);
        request.setBody("body".getBytes(StandardCharsets.UTF_8));

        RemotingCommand response = official.invokeSync(karrier.address(), request, 3000);

        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.getOpaque()).isEqualTo(request.getOpaque());
        assertThat(response.isResponseType()).isTrue();
        assertThat(response.getSerializeTypeCurrentRPC()).isEqualTo(type);
        assertThat(response.getVersion()).isEqualTo(407);
        assertThat(response.getRemark()).isEqualTo("echo héllo");
        assertThat(response.getExtFields()).containsEntry("topic", "TopicTest");
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("body");
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void answersAsyncCalls(SerializeType type) throws Exception {
        CompletableFuture<RemotingCommand> answer = new CompletableFuture<>();
        RemotingCommand request = request(ECHO, type);
        request.setRemark("async");

        official.invokeAsync(karrier.address(), request, 3000,
                (ResponseFuture future) -> answer.complete(future.getResponseCommand()));

        RemotingCommand response = answer.get(5, TimeUnit.SECONDS);
        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.getRemark()).isEqualTo("echo async");
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void takesOnewayCallsWithoutAnswering(SerializeType type) throws Exception {
        RemotingCommand request = request(ONEWAY_SINK, type);
        request.setRemark("fire and forget");

        official.invokeOneway(karrier.address(), request, 3000);

        io.karrier.api.remoting.RemotingCommand received = onewayReceived.poll(5, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.isOneway()).isTrue();
        assertThat(received.remark()).isEqualTo("fire and forget");
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void answersUnknownCodesWithRequestCodeNotSupported(SerializeType type) throws Exception {
        RemotingCommand response = official.invokeSync(karrier.address(), request(4242, type), 3000);

        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(response.getRemark()).contains("4242");
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void sendsRequestsToTheClientOverItsOwnConnection(SerializeType type) throws Exception {
        official.invokeSync(karrier.address(), request(CALL_BACK, type), 3000);
        ClientChannel channel = channels.poll(5, TimeUnit.SECONDS);

        io.karrier.api.remoting.RemotingCommand response = channel.invoke(
                io.karrier.api.remoting.RemotingCommand.request(CLIENT_SIDE).remark("check"), Duration.ofSeconds(3))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        channel.invokeOneway(io.karrier.api.remoting.RemotingCommand.request(CLIENT_SIDE).remark("notice"))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(response.code()).isZero();
        assertThat(response.remark()).isEqualTo("client got check");
        assertThat(channel.isActive()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void stopsServingACodeWhenItsProcessorLeaves(SerializeType type) throws Exception {
        io.karrier.api.remoting.RequestProcessor late = (channel, request) -> CompletableFuture.completedFuture(
                io.karrier.api.remoting.RemotingCommand.response(ResponseCode.SUCCESS, "late"));
        karrier.register(late, 3000);
        assertThat(official.invokeSync(karrier.address(), request(3000, type), 3000).getRemark()).isEqualTo("late");

        karrier.factory.removeProcessor(late);

        assertThat(official.invokeSync(karrier.address(), request(3000, type), 3000).getCode())
                .isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
    }
}
