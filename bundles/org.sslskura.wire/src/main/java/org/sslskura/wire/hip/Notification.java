package org.sslskura.wire.hip;

import java.util.Arrays;
import java.util.Objects;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * NOTIFICATION (832, non-critical, may repeat): Reserved(16) || Notify Message Type(16) || Notification Data, 4 + n
 * bytes (RFC 7401 §5.2.19). Types below 16384 are errors, the others status.
 */
public final class Notification implements HipParameter {
    private static final int FIXED = 4;
    private final int reserved;
    private final int messageType;
    private final byte[] data;

    /**
     * @param reserved the Reserved field, sent 0, kept as received
     * @param messageType the Notify Message Type, 16 bits
     * @param data the Notification Data (copied)
     * @throws IllegalArgumentException if a field does not fit
     */
    public Notification(int reserved, int messageType, byte[] data) {
        this.reserved = Check.unsigned("reserved", reserved, 16);
        this.messageType = Check.unsigned("notify type", messageType, 16);
        this.data = Check.length("data", data, 0, OpaqueParameter.MAX_CONTENTS - FIXED).clone();
    }

    /** @return a NOTIFICATION to send, Reserved 0 */
    public static Notification of(int messageType, byte[] data) {
        return new Notification(0, messageType, data);
    }

    static Notification decode(ByteReader r) throws WireException {
        Tlv.requireLength(r, FIXED, OpaqueParameter.MAX_CONTENTS, "NOTIFICATION");
        return new Notification(r.u16(), r.u16(), r.bytes(r.remaining()));
    }

    /** @return the Notify Message Type */
    public int messageType() {
        return messageType;
    }

    /** @return a copy of the Notification Data */
    public byte[] data() {
        return data.clone();
    }

    /** @return true for an error type (below 16384) */
    public boolean isError() {
        return messageType < HipConstants.NOTIFY_I2_ACKNOWLEDGEMENT;
    }

    @Override
    public int type() {
        return HipConstants.NOTIFICATION;
    }

    @Override
    public byte[] contents() {
        return new ByteWriter(FIXED + data.length).u16(reserved).u16(messageType).bytes(data).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Notification)) {
            return false;
        }
        Notification n = (Notification) o;
        return reserved == n.reserved && messageType == n.messageType && Arrays.equals(data, n.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reserved, messageType, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NOTIFICATION[type=" + messageType + ", " + data.length + " data bytes]";
    }
}
