package io.karrier.api.server;

/** What a Karrier server is, in RocketMQ's terms. */
public enum ServerRole {
    /** Keeps topic routes and broker liveness; clients ask it where topics live. */
    NAME_SERVER,
    /** Stores messages and serves producers and consumers. */
    BROKER
}
