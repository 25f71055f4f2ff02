package io.karrier.broker.internal;

import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.impl.ClientRemotingProcessor;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;

/** The official RocketMQ 4.9.7 client's broker API, started; close it to stop its threads. */
public final class OfficialClientApi implements AutoCloseable {

    public final MQClientAPIImpl api;

    public OfficialClientApi() {
        api = new MQClientAPIImpl(new NettyClientConfig(), new ClientRemotingProcessor(null), null, new ClientConfig());
        api.start();
    }

    @Override
    public void close() {
        api.shutdown();
    }
}
