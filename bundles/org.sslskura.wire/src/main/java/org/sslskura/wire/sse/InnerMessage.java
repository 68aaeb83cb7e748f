package org.sslskura.wire.sse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;

/**
 * The inner application message (decisions §2.9, §6.6), carried inside the encryption after the chunk header of the
 * first chunk (and compressed as a whole when compression applies):
 * {@code varint(topic length, unsigned LEB128) || topic (UTF-8) || message id (uint64, big-endian) || body}.
 * The topic is 1..{@value #MAX_TOPIC_LENGTH} bytes of well-formed UTF-8.
 */
public final class InnerMessage {
    /** Largest topic, in UTF-8 bytes (the MQTT limit). */
    public static final int MAX_TOPIC_LENGTH = 65535;
    private static final int ID_LENGTH = 8;

    private final String topic;
    private final byte[] topicUtf8;
    private final long messageId;
    private final byte[] body;

    private InnerMessage(String topic, byte[] topicUtf8, long messageId, byte[] body) {
        this.topic = topic;
        this.topicUtf8 = topicUtf8;
        this.messageId = messageId;
        this.body = body;
    }

    /**
     * @param topic the application topic, 1..65535 UTF-8 bytes, no unpaired surrogate
     * @param messageId the sender's unique message id (unsigned 64 bits)
     * @param body the body (copied)
     * @return the message
     * @throws IllegalArgumentException on a bad topic
     */
    public static InnerMessage of(String topic, long messageId, byte[] body) {
        byte[] utf8;
        try {
            utf8 = toUtf8(Objects.requireNonNull(topic, "topic"));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("topic is not valid Unicode", e);
        }
        if (utf8.length == 0 || utf8.length > MAX_TOPIC_LENGTH) {
            throw new IllegalArgumentException("topic must be 1.." + MAX_TOPIC_LENGTH + " UTF-8 bytes");
        }
        return new InnerMessage(topic, utf8, messageId, Objects.requireNonNull(body, "body").clone());
    }

    private static byte[] toUtf8(String s) throws CharacterCodingException {
        ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
        return Arrays.copyOf(b.array(), b.limit());
    }

    /**
     * @return the message in {@code buf[off, off+len)}, which holds exactly one serialised message
     * @throws WireException on a bad varint, a topic that is empty, too long, beyond the input or not UTF-8, or a
     *         missing message id
     */
    public static InnerMessage parse(byte[] buf, int off, int len) throws WireException {
        ByteReader r = ByteReader.of(buf, off, len);
        int topicLength = Leb128.read(r, MAX_TOPIC_LENGTH);
        if (topicLength == 0) {
            throw new WireException(WireException.Reason.BAD_VALUE, "empty topic");
        }
        if (topicLength > r.remaining() - ID_LENGTH) {
            throw new WireException(WireException.Reason.TRUNCATED, "topic and message id need "
                    + (topicLength + ID_LENGTH) + " bytes");
        }
        byte[] utf8 = r.bytes(topicLength);
        String topic;
        try {
            topic = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new WireException(WireException.Reason.BAD_VALUE, "topic is not UTF-8");
        }
        long id = r.u64();
        return new InnerMessage(topic, utf8, id, r.bytes(r.remaining()));
    }

    /** @return the serialised message */
    public byte[] encode() {
        byte[] prefix = new byte[Leb128.size(topicUtf8.length)];
        Leb128.write(topicUtf8.length, prefix, 0);
        return new ByteWriter(prefix.length + topicUtf8.length + ID_LENGTH + body.length).bytes(prefix)
                .bytes(topicUtf8).u64(messageId).bytes(body).toByteArray();
    }

    /** @return the application topic */
    public String topic() {
        return topic;
    }

    /** @return the message id (unsigned) */
    public long messageId() {
        return messageId;
    }

    /** @return a copy of the body */
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InnerMessage)) {
            return false;
        }
        InnerMessage m = (InnerMessage) o;
        return topic.equals(m.topic) && messageId == m.messageId && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, messageId, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "InnerMessage[topic=" + topic + ", id=" + Long.toUnsignedString(messageId) + ", " + body.length
                + " body bytes]";
    }
}
