package io.karrier.protocol.message;

/**
 * Names of the well-known message properties (REMOTING.md §6.3), spelled exactly as RocketMQ 4.x
 * clients and brokers write them into the properties string.
 *
 * <p>Constants only; the comment on each says who sets it.
 */
public final class MessagePropertyKeys {

    /** Business keys joined by {@link #KEY_SEPARATOR}; each one is indexed (producer). */
    public static final String KEYS = "KEYS";
    /** The tag; its {@code String.hashCode()} is the consume-queue tag code (producer). */
    public static final String TAGS = "TAGS";
    /** The client-generated unique id, shown to users as msgId; also the transaction id (producer). */
    public static final String UNIQ_KEY = "UNIQ_KEY";
    /** {@code true}/{@code false}: whether the producer waits for store OK (producer). */
    public static final String WAIT = "WAIT";
    /** Delay level 1..18 (producer, consumer send-back). */
    public static final String DELAY = "DELAY";
    /** The original topic of a retried message (broker, client). */
    public static final String RETRY_TOPIC = "RETRY_TOPIC";
    /** The original topic while parked in the schedule or half topic (broker). */
    public static final String REAL_TOPIC = "REAL_TOPIC";
    /** The original queue id while parked in the schedule or half topic (broker). */
    public static final String REAL_QID = "REAL_QID";
    /** {@code true} marks a half (prepared) transactional message (transactional producer). */
    public static final String TRAN_MSG = "TRAN_MSG";
    /** Producer group, used for the transaction check-back (transactional producer). */
    public static final String PGROUP = "PGROUP";
    /** Queue's minimum offset, added by the client after a pull; never sent by the broker. */
    public static final String MIN_OFFSET = "MIN_OFFSET";
    /** Queue's maximum offset, added by the client after a pull; never sent by the broker. */
    public static final String MAX_OFFSET = "MAX_OFFSET";
    /** Buyer id (legacy, informational). */
    public static final String BUYER_ID = "BUYER_ID";
    /** The first message id of a retry chain (broker, client). */
    public static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    /** Legacy transfer flag. */
    public static final String TRANSFER_FLAG = "TRANSFER_FLAG";
    /** Legacy correction flag. */
    public static final String CORRECTION_FLAG = "CORRECTION_FLAG";
    /** Legacy MQ2 flag. */
    public static final String MQ2_FLAG = "MQ2_FLAG";
    /** Reconsume count in the client's fallback retry; moved into a header field, then cleared. */
    public static final String RECONSUME_TIME = "RECONSUME_TIME";
    /** Region; a send-response extField, not a stored property. */
    public static final String MSG_REGION = "MSG_REGION";
    /** Trace switch; a send-response extField, not a stored property. */
    public static final String TRACE_ON = "TRACE_ON";
    /** Max reconsume times in the client's fallback retry; moved into a header field, then cleared. */
    public static final String MAX_RECONSUME_TIMES = "MAX_RECONSUME_TIMES";
    /** Consume start time, set by the push consumer. */
    public static final String CONSUME_START_TIME = "CONSUME_START_TIME";
    /** Half-queue offset carried when a half message is re-put (broker). */
    public static final String TRAN_PREPARED_QUEUE_OFFSET = "TRAN_PREPARED_QUEUE_OFFSET";
    /** How many times a half message has been checked (broker). */
    public static final String TRANSACTION_CHECK_TIMES = "TRANSACTION_CHECK_TIMES";
    /** The first check-back not before this many seconds (producer). */
    public static final String CHECK_IMMUNITY_TIME_IN_SECONDS = "CHECK_IMMUNITY_TIME_IN_SECONDS";
    /** Namespace (client). */
    public static final String INSTANCE_ID = "INSTANCE_ID";
    /** Request-reply correlation id. */
    public static final String CORRELATION_ID = "CORRELATION_ID";
    /** Request-reply: the client to reply to. */
    public static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";
    /** Request-reply time to live. */
    public static final String TTL = "TTL";
    /** Request-reply arrive time. */
    public static final String ARRIVE_TIME = "ARRIVE_TIME";
    /** Request-reply push time. */
    public static final String PUSH_REPLY_TIME = "PUSH_REPLY_TIME";
    /** Cluster name, added by the broker to every stored message. */
    public static final String CLUSTER = "CLUSTER";
    /** Message type; {@code reply} for request-reply. */
    public static final String MSG_TYPE = "MSG_TYPE";
    /** Light message queue: queues to dispatch to (4.9.3+). */
    public static final String INNER_MULTI_DISPATCH = "INNER_MULTI_DISPATCH";
    /** Light message queue: offsets in those queues (4.9.3+). */
    public static final String INNER_MULTI_QUEUE_OFFSET = "INNER_MULTI_QUEUE_OFFSET";
    /** User property that clients treat as a scheduled delivery time (informational). */
    public static final String START_DELIVER_TIME = "__STARTDELIVERTIME";
    /** User property that clients set to the transaction id (informational). */
    public static final String TRANSACTION_ID = "__transactionId__";

    /** Separator between the values of {@link #KEYS}. */
    public static final String KEY_SEPARATOR = " ";

    private MessagePropertyKeys() {
    }
}
