/**
 * Typed custom headers of the RocketMQ 4.x requests and responses that Karrier serves or sends
 * (REMOTING.md §2, §3.2, §4). On the wire a custom header is a flat map of strings, a command's
 * {@code extFields}; each type here is a small record with a static {@code from(Map)} that reads
 * and validates it, and a {@link io.karrier.protocol.header.CommandHeader#writeTo(java.util.Map)}
 * that writes it as the upstream client and server do. Reading and writing are hand-written, field
 * by field, with no reflection, because the send and pull paths read a header per message. A
 * header that cannot be read throws {@link io.karrier.protocol.header.MalformedHeaderException},
 * naming the field; unknown extra fields (ACL signature, {@code bname} where not modelled) are
 * ignored. Records shared by several codes say so in their javadoc.
 *
 * <p>Every header is cross-checked in tests against the reference implementation
 * ({@code rocketmq-common} 4.9.7), in both directions.
 */
@Export
@Version("1.1.0")
package io.karrier.protocol.header;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
