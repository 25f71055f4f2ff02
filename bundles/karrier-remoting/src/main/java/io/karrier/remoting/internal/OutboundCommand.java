package io.karrier.remoting.internal;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.SerializeType;

/** A command to write and the serialize type of its header. */
record OutboundCommand(RemotingCommand command, SerializeType serializeType) {
}
