package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** ENCRYPTED_KEY (643, critical, PROVISIONAL): AES-128-CTR of a random value; 16 bytes sent, 8..32 accepted (G8). */
public final class EncryptedKey extends OpaqueParameter {
    /**
     * @param value the Contents, 8..32 bytes (copied)
     * @throws IllegalArgumentException on another length
     */
    public EncryptedKey(byte[] value) {
        super(HipConstants.ENCRYPTED_KEY, value, HipConstants.ENCRYPTED_KEY_MIN, HipConstants.ENCRYPTED_KEY_MAX);
    }

    static EncryptedKey decode(ByteReader r) throws WireException {
        return new EncryptedKey(readAll(r, HipConstants.ENCRYPTED_KEY_MIN, HipConstants.ENCRYPTED_KEY_MAX,
                "ENCRYPTED_KEY"));
    }

    /** @return a copy of the ciphertext */
    public byte[] ciphertext() {
        return contents();
    }
}
