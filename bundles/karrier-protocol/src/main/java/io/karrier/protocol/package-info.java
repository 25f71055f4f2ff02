/**
 * RocketMQ 4.x remoting frames: the length-prefixed frame with a JSON or binary (ROCKETMQ) header,
 * and the request and response codes.
 *
 * <p>Facts from {@code shared/protocol/REMOTING.md} §1 and §3; every codec here is cross-checked
 * in tests against the reference implementation ({@code rocketmq-remoting} 4.9.x).
 */
@Export
@Version("1.0.0")
package io.karrier.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
