package org.sslskura.transport.queue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message of the {@link OutboundQueue}: immutable; byte arrays are copied in and out.
 *
 * <p>The topic must be well-formed UTF-16 (no unpaired surrogate) and at most {@value #MAX_TOPIC_BYTES} bytes in
 * UTF-8, so that it reads back from disk exactly as given. {@link #toString()} shows the body length, never its
 * content.
 */
public final class QueuedMessage {
    /** Length of a HIT in bytes. */
    public static final int HIT_LENGTH = 16;
    /** Largest topic, in UTF-8 bytes (the log stores its length in 16 bits). */
    public static final int MAX_TOPIC_BYTES = 0xFFFF;

    private final long messageId;
    private final byte[] peerHit;
    private final String topic;
    private final byte[] topicUtf8;
    private final byte[] body;
    private final int options;
    private final long enqueuedAtMillis;

    /**
     * @param messageId the message id (decisions §6.6)
     * @param peerHit the peer's HIT, 16 raw bytes
     * @param topic the application topic
     * @param body the application payload
     * @param options bit flags, opaque to the queue
     * @param enqueuedAtMillis when the message was accepted, in milliseconds since the epoch
     * @throws IllegalArgumentException if the HIT is not 16 bytes or the topic cannot be stored
     */
    public QueuedMessage(long messageId, byte[] peerHit, String topic, byte[] body, int options,
            long enqueuedAtMillis) {
        this(messageId, checkHit(peerHit).clone(), topic, encodeTopic(topic), Objects.requireNonNull(body, "body").clone(), options,
                enqueuedAtMillis);
    }

    /** Trusted constructor: takes ownership of the arrays, which are already checked. */
    QueuedMessage(long messageId, byte[] peerHit, String topic, byte[] topicUtf8, byte[] body, int options,
            long enqueuedAtMillis) {
        this.messageId = messageId;
        this.peerHit = peerHit;
        this.topic = topic;
        this.topicUtf8 = topicUtf8;
        this.body = body;
        this.options = options;
        this.enqueuedAtMillis = enqueuedAtMillis;
    }

    static byte[] checkHit(byte[] peerHit) {
        Objects.requireNonNull(peerHit, "peerHit");
        if (peerHit.length != HIT_LENGTH) {
            throw new IllegalArgumentException("a HIT is " + HIT_LENGTH + " bytes, not " + peerHit.length);
        }
        return peerHit;
    }

    /**
     * @return the topic in UTF-8
     * @throws IllegalArgumentException if it has an unpaired surrogate or is longer than {@value #MAX_TOPIC_BYTES}
     *             bytes
     */
    static byte[] encodeTopic(String topic) {
        Objects.requireNonNull(topic, "topic");
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(topic));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("topic is not well-formed Unicode (unpaired surrogate)", e);
        }
        if (encoded.remaining() > MAX_TOPIC_BYTES) {
            throw new IllegalArgumentException(
                    "topic is " + encoded.remaining() + " bytes in UTF-8, more than " + MAX_TOPIC_BYTES);
        }
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        return out;
    }

    /** @return the message id, unique for the life of the sender identity */
    public long messageId() {
        return messageId;
    }

    /** @return a copy of the peer's HIT (16 raw bytes) */
    public byte[] peer() {
        return peerHit.clone();
    }

    /** @return the application topic */
    public String topic() {
        return topic;
    }

    /** @return a copy of the body */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body length in bytes, without copying the body */
    public int bodyLength() {
        return body.length;
    }

    /** @return the option bits given to append, unchanged */
    public int options() {
        return options;
    }

    /** @return when the message was appended, in milliseconds since the epoch (the queue's clock) */
    public long enqueuedAtMillis() {
        return enqueuedAtMillis;
    }

    /** @return the bytes this message counts against {@link QueueLimits#maxBytes()}: topic (UTF-8) plus body */
    public long accountedBytes() {
        return (long) topicUtf8.length + body.length;
    }

    /** The internal arrays, for the log encoder only: never handed out. */
    byte[] peerHitInternal() {
        return peerHit;
    }

    byte[] topicUtf8Internal() {
        return topicUtf8;
    }

    byte[] bodyInternal() {
        return body;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof QueuedMessage)) {
            return false;
        }
        QueuedMessage m = (QueuedMessage) o;
        return messageId == m.messageId && options == m.options && enqueuedAtMillis == m.enqueuedAtMillis
                && Arrays.equals(peerHit, m.peerHit) && topic.equals(m.topic) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, Arrays.hashCode(peerHit), topic, Arrays.hashCode(body), options,
                enqueuedAtMillis);
    }

    @Override
    public String toString() {
        return "QueuedMessage[id=" + Long.toUnsignedString(messageId) + ", topic=" + topic + ", body=" + body.length
                + " bytes, options=0x" + Integer.toHexString(options) + ", enqueuedAt=" + enqueuedAtMillis + "]";
    }
}
