package io.karrier.protocol.body;

/** How a topic's messages carry tags; upstream writes {@code SINGLE_TAG} everywhere. */
public enum TopicFilterType {
    SINGLE_TAG,
    MULTI_TAG
}
