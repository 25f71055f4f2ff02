package io.karrier.protocol.body;

/** How a consumer group shares a topic (REMOTING.md §3.3). */
public enum MessageModel {
    /** Every consumer gets every message; offsets stay on the client. */
    BROADCASTING,
    /** Each message goes to one consumer of the group; offsets live on the broker. */
    CLUSTERING
}
