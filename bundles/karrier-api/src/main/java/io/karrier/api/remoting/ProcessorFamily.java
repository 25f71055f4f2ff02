package io.karrier.api.remoting;

/**
 * The business thread pool a request runs on. Each family has its own bounded pool, so a flood of
 * one kind of request (pulls, say) cannot starve another (heartbeats).
 */
public enum ProcessorFamily {
    SEND, PULL, QUERY, ADMIN, HEARTBEAT, TRANSACTION
}
