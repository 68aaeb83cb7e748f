package org.sslskura.crypto;

import java.util.Optional;

/**
 * The SSE transforms (SSE_TRANSFORM suite ids) and their sizes.
 * Nonce = salt || 64-bit big-endian sequence number; key material for one SA = key || salt.
 */
public enum SseSuite {
    /** AES-128-CCM with an 8-byte tag (M = 8), 11-byte nonce (L = 4). */
    AES_CCM_8(10, 16, 3, 8, true),
    /** AES-128-CCM with a 16-byte tag, 11-byte nonce (L = 4). Mandatory to implement. */
    AES_CCM_16(11, 16, 3, 16, true),
    /** AES-128-GCM, tag truncated to its first 8 bytes, 12-byte nonce. */
    AES_GCM_8(12, 16, 4, 8, true),
    /** AES-128-GCM with a 16-byte tag, 12-byte nonce. */
    AES_GCM_16(13, 16, 4, 16, true),
    /** AES-128-CMAC truncated to 12 bytes: integrity only, payload in clear, no nonce. */
    AES_CMAC_96(14, 16, 0, 12, false),
    /** ChaCha20-Poly1305 (RFC 8439), 12-byte nonce. Project extension id 0xFF01. */
    CHACHA20_POLY1305(0xFF01, 32, 4, 16, true),
    /** Ascon-AEAD128 (NIST SP 800-232), 16-byte nonce. Project extension id 0xFF02. */
    ASCON_AEAD128(0xFF02, 16, 8, 16, true);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int tagLength;
    private final boolean confidential;

    SseSuite(int id, int keyLength, int saltLength, int tagLength, boolean confidential) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
        this.confidential = confidential;
    }

    /** @return the 16-bit SSE_TRANSFORM suite id */
    public int id() {
        return id;
    }

    /** @return the cipher key length in bytes */
    public int keyLength() {
        return keyLength;
    }

    /** @return the salt length in bytes (0 for the integrity-only suite) */
    public int saltLength() {
        return saltLength;
    }

    /** @return bytes of key material one SA draws from KEYMAT: key || salt */
    public int keyMaterialLength() {
        return keyLength + saltLength;
    }

    /** @return the ICV (tag) length in bytes */
    public int tagLength() {
        return tagLength;
    }

    /** @return the nonce length in bytes (salt + 8), or 0 for the integrity-only suite */
    public int nonceLength() {
        return confidential ? saltLength + Long.BYTES : 0;
    }

    /** @return false only for AES-CMAC-96, whose payload travels in clear */
    public boolean confidential() {
        return confidential;
    }

    /**
     * @param id a 16-bit SSE_TRANSFORM suite id
     * @return the suite, or empty for an id this implementation does not know
     */
    public static Optional<SseSuite> fromId(int id) {
        for (SseSuite s : values()) {
            if (s.id == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
