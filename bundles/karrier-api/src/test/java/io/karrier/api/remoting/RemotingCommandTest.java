package io.karrier.api.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RemotingCommandTest {

    @Test
    void responseCarriesResponseFlag() {
        RemotingCommand response = RemotingCommand.response(17, "no route");

        assertThat(response.isResponse()).isTrue();
        assertThat(response.isOneway()).isFalse();
        assertThat(response.remark()).isEqualTo("no route");
        assertThat(RemotingCommand.request(105).isResponse()).isFalse();
    }

    @Test
    void extFieldsAreCreatedOnDemandAndNullRemoves() {
        RemotingCommand request = RemotingCommand.request(105);
        assertThat(request.extFields()).isNull();

        request.putExtField("topic", "T").putExtField("absent", null);
        assertThat(request.extFields()).containsOnlyKeys("topic");

        request.putExtField("topic", null);
        assertThat(request.extField("topic")).isNull();
    }

    @Test
    void emptyBodyCountsAsNone() {
        RemotingCommand command = RemotingCommand.request(1).body(new byte[0]);

        assertThat(command.hasBody()).isFalse();
        assertThat(command.bodyBytes()).isNull();
    }

    @Test
    void wholeArrayBodyIsNotCopied() {
        byte[] body = "abc".getBytes(StandardCharsets.UTF_8);

        assertThat(RemotingCommand.request(1).body(body).bodyBytes()).isSameAs(body);
    }

    @Test
    void partsAreJoinedFromTheirRemainingBytes() {
        ByteBuffer first = ByteBuffer.wrap("xxhello ".getBytes(StandardCharsets.US_ASCII));
        first.position(2);
        ByteBuffer second = ByteBuffer.allocateDirect(5).put("world".getBytes(StandardCharsets.US_ASCII)).flip();

        RemotingCommand command = RemotingCommand.request(1).body(List.of(first, second));

        assertThat(command.bodyLength()).isEqualTo(11);
        assertThat(new String(command.bodyBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(first.position()).isEqualTo(2);
        assertThat(command.bodyParts()).allMatch(ByteBuffer::isReadOnly);
    }

    @Test
    void unknownLanguageCodeMapsToOther() {
        assertThat(LanguageCode.ofCode(0)).isEqualTo(LanguageCode.JAVA);
        assertThat(LanguageCode.ofCode(12)).isEqualTo(LanguageCode.RUST);
        assertThat(LanguageCode.ofCode(99)).isEqualTo(LanguageCode.OTHER);
        assertThat(LanguageCode.ofCode(-1)).isEqualTo(LanguageCode.OTHER);
    }
}
