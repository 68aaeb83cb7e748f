package org.sslskura.crypto;

/**
 * One direction of an SSE security association: seals or opens payloads under one key.
 * The nonce is built inside from the salt and the sequence number, so callers never handle nonces.
 * <p>
 * Instances keep scratch buffers and are not thread-safe: use one per SA direction.
 * {@link #close()} wipes the key material.
 */
public interface SseAead extends AutoCloseable {

    /** @return the suite this instance implements */
    SseSuite suite();

    /**
     * Seals {@code in[inOff..inOff+inLen)} and writes ciphertext || tag (for the integrity-only suite:
     * plaintext || ICV) to {@code out} at {@code outOff}. {@code out} may be {@code in} at the same offset.
     *
     * @param seq the sequence number (the caller guarantees it never repeats under this key)
     * @param aad the associated data (the SSE header as sent)
     * @return the number of bytes written: {@code inLen + suite().tagLength()}
     * @throws IllegalArgumentException if a range is out of bounds
     * @throws IllegalStateException if the instance is closed
     */
    int seal(long seq, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff);

    /**
     * Verifies and opens {@code in[inOff..inOff+inLen)} (ciphertext || tag) and writes the plaintext to {@code out}.
     * Nothing is written to {@code out} unless the tag verifies.
     *
     * @return the number of plaintext bytes: {@code inLen - suite().tagLength()}
     * @throws AuthenticationException if the input is shorter than a tag or the tag does not verify
     */
    int open(long seq, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff)
            throws AuthenticationException;

    /** Convenience form of {@link #seal(long, byte[], int, int, byte[], int, int, byte[], int)}. */
    default byte[] seal(long seq, byte[] aad, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + suite().tagLength()];
        seal(seq, aad, 0, aad.length, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /** Convenience form of {@link #open(long, byte[], int, int, byte[], int, int, byte[], int)}. */
    default byte[] open(long seq, byte[] aad, byte[] ciphertextAndTag) throws AuthenticationException {
        if (ciphertextAndTag.length < suite().tagLength()) {
            throw new AuthenticationException("input shorter than the tag");
        }
        byte[] out = new byte[ciphertextAndTag.length - suite().tagLength()];
        open(seq, aad, 0, aad.length, ciphertextAndTag, 0, ciphertextAndTag.length, out, 0);
        return out;
    }

    /** Wipes the key material; later calls throw {@link IllegalStateException}. */
    @Override
    void close();
}
