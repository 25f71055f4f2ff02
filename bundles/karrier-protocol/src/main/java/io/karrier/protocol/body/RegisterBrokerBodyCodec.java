package io.karrier.protocol.body;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The compressed form of the REGISTER_BROKER (103) body, sent when the header says
 * {@code compressed=true} (REMOTING.md §5.2). A deflate stream of:
 * <pre>
 * int32 length | DataVersion JSON
 * int32 topic count
 * per topic: int32 length | "topicName readQueueNums writeQueueNums perm topicFilterType" (UTF-8, spaces)
 * int32 length | filter server list JSON array
 * </pre>
 * Integers big-endian. The text form of a topic carries no {@code topicSysFlag} and no
 * {@code order}: they read as 0 and {@code false}, as upstream. A topic line that does not have
 * exactly five fields is skipped, as upstream skips it.
 */
public final class RegisterBrokerBodyCodec {

    /** Bound on one length field, against a hostile or corrupt stream: the 16 MiB frame limit. */
    private static final int MAX_LENGTH = 16 * 1024 * 1024;

    private RegisterBrokerBodyCodec() {
    }

    /**
     * @param body the body
     * @return the compressed form, as upstream's {@code RegisterBrokerBody.encode(true)}
     */
    public static byte[] encodeCompressed(RegisterBrokerBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TopicConfigSerializeWrapper wrapper = body.topicConfigSerializeWrapper();
        DataVersion version = wrapper != null && wrapper.dataVersion() != null ? wrapper.dataVersion()
                : new DataVersion(0, 0);
        Map<String, TopicConfig> topics = wrapper != null ? wrapper.topicConfigTable() : Map.of();
        try (DataOutputStream out = new DataOutputStream(
                new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION)))) {
            writeBlock(out, RemotingJson.encode(version));
            out.writeInt(topics.size());
            for (TopicConfig topic : topics.values()) {
                writeBlock(out, (topic.topicName() + ' ' + topic.readQueueNums() + ' ' + topic.writeQueueNums() + ' '
                        + topic.perm() + ' ' + topic.topicFilterType().name()).getBytes(StandardCharsets.UTF_8));
            }
            writeBlock(out, RemotingJson.encode(body.filterServerList()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param compressed the compressed body
     * @return the body
     * @throws MalformedBodyException if the stream is not a compressed registration body
     */
    public static RegisterBrokerBody decodeCompressed(byte[] compressed) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(compressed)))) {
            DataVersion version = RemotingJson.decode(readBlock(in), DataVersion.class);
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("negative topic count " + count);
            }
            Map<String, TopicConfig> topics = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                TopicConfig topic = topic(new String(readBlock(in), StandardCharsets.UTF_8));
                if (topic != null) {
                    topics.put(topic.topicName(), topic);
                }
            }
            String[] servers = RemotingJson.decode(readBlock(in), String[].class);
            return new RegisterBrokerBody(servers == null ? List.of() : Arrays.asList(servers),
                    new TopicConfigSerializeWrapper(version, topics));
        } catch (EOFException e) {
            throw new MalformedBodyException("malformed compressed RegisterBrokerBody: truncated", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedBodyException m) {
                throw m;
            }
            throw new MalformedBodyException("malformed compressed RegisterBrokerBody: " + e.getMessage(), e);
        }
    }

    private static TopicConfig topic(String line) {
        String[] fields = line.split(" ");
        if (fields.length != 5) {
            return null;
        }
        return new TopicConfig(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2]),
                Integer.parseInt(fields[3]), TopicFilterType.valueOf(fields[4]), 0, false);
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("block length " + length + " out of range");
        }
        byte[] block = new byte[length];
        in.readFully(block);
        return block;
    }
}
