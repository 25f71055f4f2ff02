/**
 * Typed JSON bodies of the RocketMQ 4.x commands Karrier serves or sends (REMOTING.md §3.3, §3.4,
 * §5): heartbeats, routes, broker registration, consumer and producer connections, offsets and
 * statistics, order locks, subscription groups. Each body is an immutable record with the property
 * names the official client uses; {@link io.karrier.protocol.body.RemotingJson} turns them into
 * bytes and back through one shared Jackson mapper. Reading is lenient, as fastjson is: unknown
 * properties are skipped, numbers may come as strings, names may be unquoted, missing properties
 * take RocketMQ's defaults. Writing follows fastjson's default dialect, which the client's parser
 * needs for some types: properties in alphabetical order, nulls left out, enums by name, and maps
 * with non-string keys written with the key as a bare JSON value ({@code {0:"addr"}},
 * {@code {{"brokerName":"b","queueId":0,"topic":"t"}:{...}}}). Collections in the records are
 * never {@code null}: an absent one reads as empty. A body that cannot be read throws
 * {@link io.karrier.protocol.body.MalformedBodyException}.
 *
 * <p>Every body is cross-checked in tests against the reference implementation
 * ({@code rocketmq-common} 4.9.7 with fastjson 1.2.69), in both directions.
 */
@Export
@Version("1.0.0")
package io.karrier.protocol.body;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
