package io.karrier.remoting.internal;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.SerializeType;

/** A decoded frame and the serialize type it came in, so a response can be written in kind. */
record InboundCommand(RemotingCommand command, SerializeType serializeType) {
}
