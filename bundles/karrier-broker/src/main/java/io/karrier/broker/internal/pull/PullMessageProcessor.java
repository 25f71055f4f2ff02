package io.karrier.broker.internal.pull;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.MessageStore;
import io.karrier.broker.internal.SubscriptionLookup;
import io.karrier.broker.internal.offset.ConsumerOffsets;
import io.karrier.broker.internal.stats.PullCounter;
import io.karrier.broker.internal.topic.Permission;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.SubscriptionData;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.header.MalformedHeaderException;
import io.karrier.protocol.header.PullMessageRequestHeader;
import io.karrier.protocol.header.PullSysFlag;

/**
 * PULL_MESSAGE, checked and answered as RocketMQ 4.9.7's PullMessageProcessor (REMOTING.md §8.1,
 * §8.2), with the same codes and remarks: the topic must exist and be readable and the queue be
 * one of its read queues; the subscription comes from the header when its flag says so, else from
 * the group's heartbeat; only TAG subscriptions are served (property filtering is off). A pull that
 * finds nothing and may be suspended is held ({@link HeldPulls}). A master stores the commit offset
 * a pull carries, once, when the pull first arrives. RocketMQ's subscription-group checks (group
 * missing, consumption disabled, broadcasting refused) are not made: groups are not kept yet, and
 * RocketMQ's defaults (auto-create, enabled, broadcast allowed) pass them all. The OFFSET_MOVED_EVENT
 * message RocketMQ optionally writes on PULL_OFFSET_MOVED is not written.
 */
public final class PullMessageProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(PullMessageProcessor.class);
    private static final String FAQ = "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";
    /** Clients ask 15 s (push) or 20 s (lite pull); the cap only keeps deadline arithmetic from overflowing. */
    private static final long MAX_SUSPEND_MILLIS = Duration.ofHours(1).toMillis();

    private final TopicConfigs topics;
    private final SubscriptionLookup subscriptions;
    private final ConsumerOffsets offsets;
    private final boolean master;
    private final PullReader reader;
    private final HeldPulls held;

    /**
     * @param maxHeld the most pulls held at once; past it, pulls that find nothing are answered at once
     * @param handedOut counts the messages pulls hand out, held pulls included
     */
    public PullMessageProcessor(MessageStore store, TopicConfigs topics, SubscriptionLookup subscriptions,
            ConsumerOffsets offsets, boolean master, int maxHeld, PullCounter handedOut) {
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.offsets = offsets;
        this.master = master;
        this.reader = new PullReader(store, master, handedOut);
        this.held = new HeldPulls(store, reader, maxHeld);
    }

    /** @return the held pulls: to be told of arrivals, swept periodically and closed with the broker */
    public HeldPulls heldPulls() {
        return held;
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.PULL;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        PullMessageRequestHeader header;
        try {
            header = PullMessageRequestHeader.from(request.extFields());
        } catch (MalformedHeaderException e) {
            LOG.info("Bad pull from {}: {}", channel, e.getMessage());
            return answer(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        Optional<TopicConfig> topic = topics.find(header.topic());
        if (topic.isEmpty()) {
            LOG.info("Pull of topic {}, which does not exist, from {}", header.topic(), channel);
            return answer(ResponseCode.TOPIC_NOT_EXIST,
                    "topic[" + header.topic() + "] not exist, apply first please!" + FAQ);
        }
        if (!Permission.readable(topic.get().perm())) {
            return answer(ResponseCode.NO_PERMISSION, "the topic[" + header.topic() + "] pulling message is forbidden");
        }
        if (header.queueId() < 0 || header.queueId() >= topic.get().readQueueNums()) {
            String problem = String.format("queueId[%d] is illegal, topic:[%s] topicConfig.readQueueNums:[%d] consumer:[%s]",
                    header.queueId(), header.topic(), topic.get().readQueueNums(), channel.remoteAddress());
            LOG.info(problem);
            return answer(ResponseCode.SYSTEM_ERROR, problem);
        }
        boolean fromHeader = PullSysFlag.hasSubscription(header.sysFlag());
        Optional<SubscriptionData> subscription = fromHeader
                ? Subscriptions.parse(header.topic(), header.subscription(), header.expressionType())
                : subscriptions.find(header.consumerGroup(), header.topic());
        if (subscription.isEmpty()) {
            LOG.info("Pull by {} of {} from {}: {} subscription", header.consumerGroup(), header.topic(), channel,
                    fromHeader ? "unparsable" : "no");
            return fromHeader ? answer(ResponseCode.SUBSCRIPTION_PARSE_FAILED, "parse the consumer's subscription failed")
                    : answer(ResponseCode.SUBSCRIPTION_NOT_EXIST, "the consumer's subscription not exist" + FAQ);
        }
        if (!fromHeader && subscription.get().subVersion() < header.subVersion()) {
            return answer(ResponseCode.SUBSCRIPTION_NOT_LATEST, "the consumer's subscription not latest");
        }
        if (!SubscriptionData.TAG.equals(subscription.get().expressionType())) {
            return answer(ResponseCode.SYSTEM_ERROR,
                    "The broker does not support consumer to filter message by " + subscription.get().expressionType());
        }
        return pull(channel, header, TagFilter.of(subscription.get()));
    }

    private CompletionStage<RemotingCommand> pull(ClientChannel channel, PullMessageRequestHeader header,
            MessageFilter filter) {
        PullResult result = reader.read(header, header.queueOffset(), filter);
        if (master && PullSysFlag.hasCommitOffset(header.sysFlag())) {
            offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
        }
        if (result.code() == ResponseCode.PULL_NOT_FOUND && PullSysFlag.hasSuspend(header.sysFlag())) {
            long timeout = Math.max(0, Math.min(header.suspendTimeoutMillis(), MAX_SUSPEND_MILLIS));
            HeldPull pull = new HeldPull(channel, header, filter, System.nanoTime() + Duration.ofMillis(timeout).toNanos());
            if (held.hold(pull)) {
                result.response().release();
                return pull.answer;
            }
            LOG.debug("{} pulls held already; answering {} at once", held.size(), channel);
        }
        return CompletableFuture.completedFuture(result.response());
    }

    private static CompletionStage<RemotingCommand> answer(int code, String remark) {
        return CompletableFuture.completedFuture(RemotingCommand.response(code, remark));
    }
}
