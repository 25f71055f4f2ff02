package io.karrier.remoting.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.FrameCodec;
import io.karrier.protocol.MalformedFrameException;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.SerializeType;

/**
 * The fuzz test's oracle: predicts what the server must do with a byte stream by reading it as the
 * server's pipeline does (REMOTING.md §1.1 and DESIGN.md §6): a 4-byte unsigned length prefix that
 * counts, with the prefix, against the frame limit (Netty's {@code LengthFieldBasedFrameDecoder});
 * then {@link FrameCodec#decode} on the frame. A frame that does not decode closes the connection; a
 * request gets one response, in its own serialize type; a response or a oneway request gets none.
 *
 * <p>Test-only. Stateless and thread-safe.
 */
final class FuzzStreamModel {

    /** The code the test's echo processor answers. */
    static final int ECHO_CODE = 1000;

    /** How the stream leaves the connection. */
    enum End {
        /** Every byte belongs to a complete, decodable frame: the connection stays open. */
        OPEN,
        /** A frame that cannot be read: the server must close the connection. */
        CLOSED,
        /** The stream ends inside a frame: the server must wait for the rest (then idle out). */
        INCOMPLETE
    }

    /** A response the server owes: the request's opaque, the answer's code and the echo it carries. */
    record Expected(int opaque, int code, SerializeType type, Map<String, String> extFields, byte[] body) {

        /** @return why the response does not answer this expectation, or {@code null} if it does */
        String mismatch(RemotingCommand response, SerializeType responseType) {
            if (response.opaque() != opaque) {
                return "opaque " + response.opaque() + " instead of " + opaque;
            }
            if (response.flag() != RemotingCommand.FLAG_RESPONSE) {
                return "flag " + response.flag() + " instead of " + RemotingCommand.FLAG_RESPONSE;
            }
            if (response.code() != code) {
                return "code " + response.code() + " instead of " + code + " (remark " + response.remark() + ")";
            }
            if (responseType != type) {
                return "serialize type " + responseType + " instead of the request's " + type;
            }
            if (code == ResponseCode.SUCCESS) {
                if (!Objects.equals(orEmpty(response.extFields()), orEmpty(extFields))) {
                    return "extFields " + response.extFields() + " instead of " + extFields;
                }
                byte[] echoed = response.bodyBytes();
                if (!Arrays.equals(echoed == null ? new byte[0] : echoed, body)) {
                    return "body of " + response.bodyLength() + " bytes differs from the request's " + body.length;
                }
            }
            return null;
        }

        private static Map<String, String> orEmpty(Map<String, String> fields) {
            return fields == null ? Map.of() : fields;
        }
    }

    /**
     * @param responses the responses the server owes, in request order
     * @param end how the stream leaves the connection
     * @param stopOffset for CLOSED, the offset just after the bytes that make the server close
     *        (the bad frame, or the bad length prefix); otherwise the stream's length
     * @param reason for CLOSED, what is wrong
     * @param silent frames that decode but get no answer (responses, oneway requests)
     * @param anomaly a decode failure other than {@link MalformedFrameException}, or {@code null}
     */
    record Prediction(List<Expected> responses, End end, int stopOffset, String reason, int silent, String anomaly) {
    }

    private final int maxFrameBytes;

    FuzzStreamModel(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    Prediction predict(byte[] stream) {
        List<Expected> responses = new ArrayList<>();
        int silent = 0;
        int at = 0;
        while (true) {
            if (stream.length - at < 4) {
                End end = stream.length == at ? End.OPEN : End.INCOMPLETE;
                return new Prediction(responses, end, stream.length, null, silent, null);
            }
            long length = Integer.toUnsignedLong(ByteBuffer.wrap(stream, at, 4).getInt());
            if (length + 4 > maxFrameBytes) {
                return new Prediction(responses, End.CLOSED, at + 4,
                        "frame length " + length + " over the limit of " + maxFrameBytes, silent, null);
            }
            if (stream.length - at - 4 < length) {
                return new Prediction(responses, End.INCOMPLETE, stream.length, null, silent, null);
            }
            ByteBuffer frame = ByteBuffer.wrap(stream, at + 4, (int) length).slice();
            at += 4 + (int) length;
            RemotingCommand command;
            SerializeType type;
            try {
                command = FrameCodec.decode(frame);
                type = FrameCodec.serializeType(frame);
            } catch (MalformedFrameException e) {
                return new Prediction(responses, End.CLOSED, at, e.getMessage(), silent, null);
            } catch (RuntimeException e) {
                // The server's decoder turns any exception into a DecoderException and closes, but the
                // codec promises MalformedFrameException: worth reporting, not worth a crash.
                return new Prediction(responses, End.CLOSED, at, e.toString(), silent, e.toString());
            }
            if (command.isResponse() || command.isOneway()) {
                silent++;
            } else if (command.code() == ECHO_CODE) {
                byte[] body = command.bodyBytes();
                responses.add(new Expected(command.opaque(), ResponseCode.SUCCESS, type, command.extFields(),
                        body == null ? new byte[0] : body));
            } else {
                responses.add(new Expected(command.opaque(), ResponseCode.REQUEST_CODE_NOT_SUPPORTED, type, null,
                        new byte[0]));
            }
        }
    }
}
