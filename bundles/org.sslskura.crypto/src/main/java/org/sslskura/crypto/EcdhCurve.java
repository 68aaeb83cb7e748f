package org.sslskura.crypto;

import java.util.Optional;

/** The ECDH curves of HIP DEX, with their DH group ids (provisional DEX-24 values, decisions §1.1). */
public enum EcdhCurve {
    /** X25519 (RFC 7748), DH group 12: mandatory. */
    X25519(12, 5, 32, "X25519", 9),
    /** X448 (RFC 7748), DH group 13: optional. */
    X448(13, 6, 56, "X448", 5);

    private final int groupId;
    private final int legacyLabel;
    private final int keyLength;
    private final String jcaName;
    private final int basePoint;

    EcdhCurve(int groupId, int legacyLabel, int keyLength, String jcaName, int basePoint) {
        this.groupId = groupId;
        this.legacyLabel = legacyLabel;
        this.keyLength = keyLength;
        this.jcaName = jcaName;
        this.basePoint = basePoint;
    }

    /** @return the DH group id, also written in the HOST_ID ECC curve field */
    public int groupId() {
        return groupId;
    }

    /** @return the length of public keys, private keys and shared secrets in bytes */
    public int keyLength() {
        return keyLength;
    }

    /** @return the JCA algorithm name */
    public String jcaName() {
        return jcaName;
    }

    /** @return the u-coordinate of the base point */
    public int basePoint() {
        return basePoint;
    }

    /**
     * @param curveField a HOST_ID ECC curve field or DH group id; the DEX-24 table's labels 5/6 are accepted as
     *        synonyms of 12/13 (G4)
     * @return the curve, or empty if unknown
     */
    public static Optional<EcdhCurve> fromCurveField(int curveField) {
        for (EcdhCurve c : values()) {
            if (c.groupId == curveField || c.legacyLabel == curveField) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
