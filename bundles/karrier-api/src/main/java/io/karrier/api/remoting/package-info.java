/**
 * Request/response messaging in RocketMQ's remoting model, free of any network library.
 *
 * <p>A {@link io.karrier.api.remoting.RemotingCommand} is one frame: a request, a response or a
 * oneway request. Bundles that answer requests register {@link io.karrier.api.remoting.RequestProcessor}
 * services (whiteboard, one or more request codes each); the remoting bundle runs the servers and
 * dispatches to them. {@link io.karrier.api.remoting.RemotingClient} sends requests to other
 * servers; {@link io.karrier.api.remoting.ClientChannel} reaches a connected client.
 */
@Export
@Version("1.1.0")
package io.karrier.api.remoting;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
