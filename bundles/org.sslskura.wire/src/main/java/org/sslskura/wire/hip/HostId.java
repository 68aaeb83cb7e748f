package org.sslskura.wire.hip;

import java.util.Arrays;
import java.util.Objects;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * HOST_ID (705, critical): HI Length(16) || DI-type(4) || DI Length(12) || Algorithm(16) || Host Identity ||
 * Domain Identifier, 6 + HI length + DI length bytes (RFC 7401 §5.2.9). Algorithm must be ECDH (11, DEX-24 §5.2.3).
 * Sent with DI-type 0 and no DI (decisions §6.17); a received DI is kept but carries no meaning.
 */
public final class HostId implements HipParameter {
    private static final int FIXED = 6;
    private static final int DI_LENGTH_BITS = 12;
    private final HostIdentity hostIdentity;
    private final int diType;
    private final byte[] domainIdentifier;

    private HostId(HostIdentity hostIdentity, int diType, byte[] domainIdentifier) {
        this.hostIdentity = Objects.requireNonNull(hostIdentity, "hostIdentity");
        this.diType = Check.unsigned("DI-type", diType, 4);
        this.domainIdentifier = Check.length("DI", domainIdentifier, 0, (1 << DI_LENGTH_BITS) - 1).clone();
    }

    /** @return the HOST_ID to send: DI-type 0, no DI */
    public static HostId of(HostIdentity hostIdentity) {
        return new HostId(hostIdentity, 0, new byte[0]);
    }

    /**
     * @param hostIdentity the identity
     * @param diType the DI-type, 0..15
     * @param domainIdentifier the DI, 0..4095 bytes (copied)
     * @return a HOST_ID with a Domain Identifier (only needed to reproduce received packets)
     */
    public static HostId withDomainIdentifier(HostIdentity hostIdentity, int diType, byte[] domainIdentifier) {
        return new HostId(hostIdentity, diType, domainIdentifier);
    }

    static HostId decode(ByteReader r) throws WireException {
        Tlv.requireLength(r, FIXED, Integer.MAX_VALUE, "HOST_ID");
        int hiLength = r.u16();
        int di = r.u16();
        int algorithm = r.u16();
        if (algorithm != HipConstants.HI_ALGORITHM_ECDH) {
            throw new WireException(WireException.Reason.BAD_VALUE, "HI algorithm " + algorithm);
        }
        if (r.remaining() != hiLength + (di & 0xFFF)) {
            throw new WireException(WireException.Reason.BAD_LENGTH, "HOST_ID lengths disagree with its size");
        }
        HostIdentity hi = HostIdentity.decode(r.slice(hiLength));
        return new HostId(hi, di >>> DI_LENGTH_BITS, r.bytes(r.remaining()));
    }

    /** @return the Host Identity */
    public HostIdentity hostIdentity() {
        return hostIdentity;
    }

    /** @return the Host Identity field exactly as sent or received, the input of the HIT check */
    public byte[] hiBytes() {
        return hostIdentity.encode();
    }

    /** @return the DI-type */
    public int diType() {
        return diType;
    }

    /** @return a copy of the Domain Identifier (empty when none) */
    public byte[] domainIdentifier() {
        return domainIdentifier.clone();
    }

    @Override
    public int type() {
        return HipConstants.HOST_ID;
    }

    @Override
    public byte[] contents() {
        byte[] hi = hostIdentity.encode();
        return new ByteWriter(FIXED + hi.length + domainIdentifier.length).u16(hi.length)
                .u16(diType << DI_LENGTH_BITS | domainIdentifier.length).u16(HipConstants.HI_ALGORITHM_ECDH)
                .bytes(hi).bytes(domainIdentifier).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HostId)) {
            return false;
        }
        HostId h = (HostId) o;
        return hostIdentity.equals(h.hostIdentity) && diType == h.diType
                && Arrays.equals(domainIdentifier, h.domainIdentifier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostIdentity, diType, Arrays.hashCode(domainIdentifier));
    }

    @Override
    public String toString() {
        return "HOST_ID[" + hostIdentity + ", DI-type=" + diType + ", DI " + domainIdentifier.length + " bytes]";
    }
}
