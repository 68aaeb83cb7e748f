package org.sslskura.wire.hip;

import java.util.Arrays;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * The DEX Host Identity: ECC curve (16 bits) || raw public key (RFC 7748 little-endian u-coordinate), decisions §1.3
 * (G4, G5). The curve label is kept exactly as received (12/13, or the synonyms 5/6) because the HIT check folds
 * the HI bytes as received (§6.17); {@link #group()} gives the normalised DH group.
 */
public final class HostIdentity {
    private final int curveLabel;
    private final byte[] publicKey;

    private HostIdentity(int curveLabel, byte[] publicKey) {
        this.curveLabel = curveLabel;
        this.publicKey = publicKey;
    }

    /**
     * @param group {@link HipConstants#DH_GROUP_X25519} or {@link HipConstants#DH_GROUP_X448}
     * @param publicKey the raw public key, 32 or 56 bytes to match the group (copied)
     * @return the identity, with the curve label sent as the DH group id
     * @throws IllegalArgumentException on an unknown group or a wrong key length
     */
    public static HostIdentity of(int group, byte[] publicKey) {
        if (group != HipConstants.DH_GROUP_X25519 && group != HipConstants.DH_GROUP_X448) {
            throw new IllegalArgumentException("unsupported DH group " + group);
        }
        if (publicKey == null || publicKey.length != keyLength(group)) {
            throw new IllegalArgumentException("group " + group + " needs a " + keyLength(group) + "-byte key");
        }
        return new HostIdentity(group, publicKey.clone());
    }

    /**
     * @param r a reader over exactly the Host Identity field
     * @return the identity
     * @throws WireException on an unknown curve label or a key length that does not match it
     */
    public static HostIdentity decode(ByteReader r) throws WireException {
        int label = r.u16();
        int group = groupOf(label);
        if (group < 0) {
            throw new WireException(WireException.Reason.BAD_VALUE, "unknown ECC curve " + label);
        }
        if (r.remaining() != keyLength(group)) {
            throw new WireException(WireException.Reason.BAD_LENGTH, "curve " + label + " key of " + r.remaining()
                    + " bytes");
        }
        return new HostIdentity(label, r.bytes(r.remaining()));
    }

    private static int groupOf(int label) {
        switch (label) {
            case HipConstants.DH_GROUP_X25519:
            case HipConstants.CURVE_LABEL_X25519_ALT:
                return HipConstants.DH_GROUP_X25519;
            case HipConstants.DH_GROUP_X448:
            case HipConstants.CURVE_LABEL_X448_ALT:
                return HipConstants.DH_GROUP_X448;
            default:
                return -1;
        }
    }

    private static int keyLength(int group) {
        return group == HipConstants.DH_GROUP_X25519 ? HipConstants.X25519_KEY_LENGTH : HipConstants.X448_KEY_LENGTH;
    }

    /** @return the ECC curve field as sent or received (12, 13, 5 or 6) */
    public int curveLabel() {
        return curveLabel;
    }

    /** @return the DH group: 12 (X25519) or 13 (X448), labels 5/6 mapped to 12/13 */
    public int group() {
        return groupOf(curveLabel);
    }

    /** @return a copy of the raw public key */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** @return the Host Identity field: curve label (2 bytes, big-endian) || public key */
    public byte[] encode() {
        byte[] out = new byte[2 + publicKey.length];
        out[0] = (byte) (curveLabel >>> 8);
        out[1] = (byte) curveLabel;
        System.arraycopy(publicKey, 0, out, 2, publicKey.length);
        return out;
    }

    /** @return the HIT of this identity, folded over {@link #encode()} */
    public Hit hit() {
        return Hit.fromHostIdentity(encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostIdentity && curveLabel == ((HostIdentity) o).curveLabel
                && Arrays.equals(publicKey, ((HostIdentity) o).publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * curveLabel + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "HostIdentity[curve=" + curveLabel + ", key=" + Bytes.toHex(publicKey) + "]";
    }
}
