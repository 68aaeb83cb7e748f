package org.sslskura.transport.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Encoding and decoding of the queue log (format described in {@link OutboundQueue}). All integers are big-endian.
 */
final class LogFormat {
    /** File header: ASCII "SSLSQL", then the format version as a 16-bit integer (1). */
    static final byte[] FILE_HEADER = {'S', 'S', 'L', 'S', 'Q', 'L', 0, 1};
    static final int FILE_HEADER_LENGTH = FILE_HEADER.length;

    static final int TYPE_LENGTH = 1;
    static final int LENGTH_LENGTH = 4;
    static final int CRC_LENGTH = 4;
    /** type(1) length(4) crc32(4). */
    static final int RECORD_HEADER_LENGTH = TYPE_LENGTH + LENGTH_LENGTH + CRC_LENGTH;

    static final int ID_LENGTH = 8;
    static final int ACK_PAYLOAD_LENGTH = ID_LENGTH;
    /** id(8) peer(16) options(4) enqueuedAt(8) topicLen(2) bodyLen(4): everything but topic and body. */
    static final int APPEND_FIXED_LENGTH = ID_LENGTH + QueuedMessage.HIT_LENGTH + 4 + 8 + 2 + 4;

    private LogFormat() {
    }

    /** @return the largest APPEND payload a queue with this body bound can have written */
    static long maxAppendPayload(long maxBody) {
        return APPEND_FIXED_LENGTH + QueuedMessage.MAX_TOPIC_BYTES + maxBody;
    }

    /** @return the length on disk of the APPEND record of {@code m}, header included */
    static long appendRecordLength(QueuedMessage m) {
        return RECORD_HEADER_LENGTH + APPEND_FIXED_LENGTH + m.accountedBytes();
    }

    static ByteBuffer encodeAppend(QueuedMessage m) {
        byte[] topic = m.topicUtf8Internal();
        byte[] body = m.bodyInternal();
        ByteBuffer payload = ByteBuffer.allocate(APPEND_FIXED_LENGTH + topic.length + body.length);
        payload.putLong(m.messageId()).put(m.peerHitInternal()).putInt(m.options()).putLong(m.enqueuedAtMillis());
        payload.putShort((short) topic.length).put(topic).putInt(body.length).put(body);
        return record(RecordType.APPEND, payload.array());
    }

    static ByteBuffer encodeAck(long messageId) {
        return record(RecordType.ACK, ByteBuffer.allocate(ACK_PAYLOAD_LENGTH).putLong(messageId).array());
    }

    private static ByteBuffer record(RecordType type, byte[] payload) {
        ByteBuffer rec = ByteBuffer.allocate(RECORD_HEADER_LENGTH + payload.length);
        rec.put((byte) type.code()).putInt(payload.length);
        rec.putInt(crcOf(type.code(), payload.length, payload)).put(payload);
        return rec.flip();
    }

    /** @return a CRC32 already fed with the type and length fields, ready for the payload */
    static CRC32 startCrc(int type, long length) {
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(ByteBuffer.allocate(LENGTH_LENGTH).putInt((int) length).array());
        return crc;
    }

    static int crcOf(int type, long length, byte[] payload) {
        CRC32 crc = startCrc(type, length);
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** @return the message id of an ACK payload (already known to be 8 bytes) */
    static long decodeAck(byte[] payload) {
        return ByteBuffer.wrap(payload).getLong();
    }

    /**
     * Decodes a CRC-valid APPEND payload, strictly: every length must match exactly and the topic must be valid
     * UTF-8.
     *
     * @throws IOException naming the problem if the payload is malformed or the body exceeds {@code maxBody}
     */
    static QueuedMessage decodeAppend(byte[] payload, long maxBody) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(payload);
        long id = in.getLong();
        byte[] peer = new byte[QueuedMessage.HIT_LENGTH];
        in.get(peer);
        int options = in.getInt();
        long enqueuedAt = in.getLong();
        int topicLength = Short.toUnsignedInt(in.getShort());
        if (id <= 0) {
            throw new IOException("APPEND record with message id " + Long.toUnsignedString(id));
        }
        if (in.remaining() < topicLength + 4) {
            throw new IOException("APPEND record: topic length " + topicLength + " exceeds the record");
        }
        byte[] topicUtf8 = new byte[topicLength];
        in.get(topicUtf8);
        long bodyLength = Integer.toUnsignedLong(in.getInt());
        if (bodyLength != in.remaining()) {
            throw new IOException("APPEND record: body length " + bodyLength + " but " + in.remaining()
                    + " bytes remain");
        }
        if (bodyLength > maxBody) {
            throw new IOException("APPEND record: body of " + bodyLength + " bytes exceeds the maxBytes limit "
                    + maxBody + " (reopen with the limits the queue was written with)");
        }
        byte[] body = new byte[(int) bodyLength];
        in.get(body);
        return new QueuedMessage(id, peer, decodeTopic(topicUtf8), topicUtf8, body, options, enqueuedAt);
    }

    private static String decodeTopic(byte[] utf8) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("APPEND record: topic is not valid UTF-8", e);
        }
    }
}
