package io.karrier.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import io.karrier.api.remoting.LanguageCode;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.MqVersion;
import io.karrier.protocol.RequestCode;

/**
 * A SEND_MESSAGE_V2 request as an unchanged 4.9 producer sends it: the short-named header of
 * REMOTING.md §2.2 (extFields a to n, without l, which only retried messages carry) and a body.
 */
public final class SendMessageV2 {

    private SendMessageV2() {
    }

    /**
     * @param bodyLength the message body's length in bytes
     * @return a new request; each call builds a fresh one, as the client does per send
     */
    public static RemotingCommand request(int bodyLength) {
        byte[] body = new byte[bodyLength];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .language(LanguageCode.JAVA)
                .version(MqVersion.CURRENT)
                .opaque(123_456)
                .extFields(header())
                .body(body);
    }

    private static Map<String, String> header() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a", "please_rename_unique_group_name");
        fields.put("b", "TopicTest");
        fields.put("c", "TBW102");
        fields.put("d", "4");
        fields.put("e", "2");
        fields.put("f", "0");
        fields.put("g", "1764072000000");
        fields.put("h", "0");
        fields.put("i", "UNIQ_KEY\u00017F00000100002A9F0000000000000001\u0002WAIT\u0001true\u0002TAGS\u0001TagA");
        fields.put("j", "0");
        fields.put("k", "false");
        fields.put("m", "false");
        fields.put("n", "broker-a");
        return fields;
    }
}
