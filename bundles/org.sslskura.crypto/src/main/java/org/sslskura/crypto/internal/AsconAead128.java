package org.sslskura.crypto.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.sslskura.crypto.Bytes;

/**
 * Ascon-AEAD128 as standardised in NIST SP 800-232 (August 2025): 128-bit key, nonce and tag, 128-bit rate,
 * 12-round initialisation and finalisation, 8-round absorption, little-endian lanes.
 * <p>
 * Written from the specification: the 320-bit state is held in five {@code long} lanes with the permutation
 * rounds unrolled; byte strings are loaded into lanes little-endian, and a message (or associated data) is
 * padded with a single {@code 0x01} byte after its last byte, so the padding bit of a {@code j}-byte
 * final block is bit {@code 8*j} of the rate. Calls allocate nothing except the one-off growth of a decryption
 * scratch buffer (at most {@value #SCRATCH_LIMIT} bytes).
 * <p>
 * {@link #decrypt} never releases unverified plaintext: the tag is checked (in constant time) before any byte
 * of {@code out} is written. Up to {@value #SCRATCH_LIMIT} bytes, the plaintext is produced into a private
 * scratch buffer in the same pass that recomputes the tag and copied out only on success (the scratch is zeroed
 * afterwards); longer inputs take two passes over the ciphertext, the first only recomputing the tag (the duplex
 * absorbs ciphertext, so no plaintext is needed for that), the second decrypting into {@code out}.
 * <p>
 * Instances hold the key, the state and the scratch buffer in fields: they are not thread-safe.
 * {@link #wipe()} zeroes the key material, after which every call throws {@link IllegalStateException}.
 */
public final class AsconAead128 {
    /** Key length in bytes. */
    public static final int KEY_LENGTH = 16;
    /** Nonce length in bytes. */
    public static final int NONCE_LENGTH = 16;
    /** Tag length in bytes. */
    public static final int TAG_LENGTH = 16;

    /** Ciphertexts up to this many bytes decrypt in one pass via the scratch buffer; longer ones in two passes. */
    static final int SCRATCH_LIMIT = 16 * 1024;

    /** IV of SP 800-232 Ascon-AEAD128: v=1, a=12, b=8, t=128, r/8=16 in the byte layout of the standard. */
    private static final long IV = 0x00001000808c0001L;
    /** Domain separation between associated data and message: the last state bit. */
    private static final long DSEP = 0x8000000000000000L;
    private static final byte[] EMPTY = new byte[0];
    private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long k0;
    private long k1;
    private long x0;
    private long x1;
    private long x2;
    private long x3;
    private long x4;
    private byte[] scratch = EMPTY;
    private boolean wiped;

    /**
     * @param key16 the 16-byte key; it is copied (into two lanes), so the caller may wipe its array
     * @throws IllegalArgumentException if the key is null or not 16 bytes
     */
    public AsconAead128(byte[] key16) {
        if (key16 == null || key16.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Ascon-AEAD128 key must be 16 bytes");
        }
        k0 = (long) LE.get(key16, 0);
        k1 = (long) LE.get(key16, 8);
    }

    /**
     * Encrypts {@code in[inOff..inOff+inLen)} and writes ciphertext || tag to {@code out} at {@code outOff}.
     * {@code out} may be {@code in} at the same offset (or at a lower offset); {@code aad} may overlap anything.
     *
     * @param aad the associated data; may be null if {@code aadLen} is 0
     * @return the number of bytes written: {@code inLen + 16}
     * @throws IllegalArgumentException if the nonce is not 16 bytes, a range is out of bounds, or the output
     *         overlaps the input at a higher offset
     * @throws IllegalStateException after {@link #wipe()}
     */
    public int encrypt(byte[] nonce16, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen,
            byte[] out, int outOff) {
        checkArgs(nonce16, aad, aadOff, aadLen, in, inOff, inLen);
        if (inLen > Integer.MAX_VALUE - TAG_LENGTH) {
            throw new IllegalArgumentException("input too long");
        }
        Bytes.checkRange(out, outOff, inLen + TAG_LENGTH);
        checkOverlap(in, inOff, inLen, out, outOff);

        start(nonce16, aad, aadOff, aadLen);
        int i = inOff;
        int o = outOff;
        int len = inLen;
        while (len >= 16) {
            x0 ^= (long) LE.get(in, i);
            x1 ^= (long) LE.get(in, i + 8);
            LE.set(out, o, x0);
            LE.set(out, o + 8, x1);
            permute(false);
            i += 16;
            o += 16;
            len -= 16;
        }
        if (len >= 8) {
            long p0 = (long) LE.get(in, i);
            long p1 = load(in, i + 8, len - 8); // read everything before writing: out may precede in
            x0 ^= p0;
            x1 ^= p1;
            LE.set(out, o, x0);
            store(out, o + 8, x1, len - 8);
            x1 ^= pad(len - 8);
        } else {
            x0 ^= load(in, i, len);
            store(out, o, x0, len);
            x0 ^= pad(len);
        }
        finish();
        LE.set(out, outOff + inLen, x3 ^ k0);
        LE.set(out, outOff + inLen + 8, x4 ^ k1);
        clearState();
        return inLen + TAG_LENGTH;
    }

    /**
     * Verifies and decrypts {@code in[inOff..inOff+inLen)} (ciphertext || tag) into {@code out} at {@code outOff}.
     * The tag is compared in constant time and nothing is written to {@code out} unless it verifies.
     * {@code out} may be {@code in} at the same offset (or at a lower offset).
     *
     * @param aad the associated data; may be null if {@code aadLen} is 0
     * @return the plaintext length {@code inLen - 16}, or -1 if {@code inLen < 16} or the tag does not verify
     * @throws IllegalArgumentException if the nonce is not 16 bytes, a range is out of bounds, or the output
     *         overlaps the input at a higher offset
     * @throws IllegalStateException after {@link #wipe()}
     */
    public int decrypt(byte[] nonce16, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen,
            byte[] out, int outOff) {
        checkArgs(nonce16, aad, aadOff, aadLen, in, inOff, inLen);
        if (inLen < TAG_LENGTH) {
            return -1;
        }
        int mLen = inLen - TAG_LENGTH;
        Bytes.checkRange(out, outOff, mLen);
        checkOverlap(in, inOff, mLen, out, outOff);
        long r0 = (long) LE.get(in, inOff + mLen);
        long r1 = (long) LE.get(in, inOff + mLen + 8);

        start(nonce16, aad, aadOff, aadLen);
        boolean ok;
        if (mLen <= SCRATCH_LIMIT) {
            byte[] buf = scratch(mLen);
            decryptBlocks(in, inOff, mLen, buf, 0);
            ok = finishAndVerify(r0, r1);
            if (ok) {
                System.arraycopy(buf, 0, out, outOff, mLen);
            }
            Arrays.fill(buf, 0, mLen, (byte) 0);
        } else {
            long s0 = x0;
            long s1 = x1;
            long s2 = x2;
            long s3 = x3;
            long s4 = x4;
            absorbCiphertext(in, inOff, mLen);
            ok = finishAndVerify(r0, r1);
            if (ok) {
                x0 = s0;
                x1 = s1;
                x2 = s2;
                x3 = s3;
                x4 = s4;
                decryptBlocks(in, inOff, mLen, out, outOff);
            }
        }
        clearState();
        return ok ? mLen : -1;
    }

    /** Zeroes the key, the state and the scratch buffer; later calls throw {@link IllegalStateException}. */
    public void wipe() {
        k0 = 0;
        k1 = 0;
        clearState();
        Arrays.fill(scratch, (byte) 0);
        scratch = EMPTY;
        wiped = true;
    }

    private void checkArgs(byte[] nonce16, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen) {
        if (wiped) {
            throw new IllegalStateException("key wiped");
        }
        if (nonce16 == null || nonce16.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("Ascon-AEAD128 nonce must be 16 bytes");
        }
        if (aad != null || aadLen != 0) {
            Bytes.checkRange(aad, aadOff, aadLen);
        }
        Bytes.checkRange(in, inOff, inLen);
    }

    /** Blocks are read before they are written, so writing at or below the read position is safe. */
    private static void checkOverlap(byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        if (in == out && outOff > inOff && outOff < inOff + inLen) {
            throw new IllegalArgumentException("output overlaps input at a higher offset");
        }
    }

    /** Initialisation and associated-data absorption, ending with the domain separation bit. */
    private void start(byte[] nonce16, byte[] aad, int aadOff, int aadLen) {
        x0 = IV;
        x1 = k0;
        x2 = k1;
        x3 = (long) LE.get(nonce16, 0);
        x4 = (long) LE.get(nonce16, 8);
        permute(true);
        x3 ^= k0;
        x4 ^= k1;
        if (aadLen > 0) {
            int i = aadOff;
            int len = aadLen;
            while (len >= 16) {
                x0 ^= (long) LE.get(aad, i);
                x1 ^= (long) LE.get(aad, i + 8);
                permute(false);
                i += 16;
                len -= 16;
            }
            if (len >= 8) {
                x0 ^= (long) LE.get(aad, i);
                x1 ^= load(aad, i + 8, len - 8) ^ pad(len - 8);
            } else {
                x0 ^= load(aad, i, len) ^ pad(len);
            }
            permute(false);
        }
        x4 ^= DSEP;
    }

    /** Decrypts {@code len} bytes into {@code out}; each block is read completely before it is written. */
    private void decryptBlocks(byte[] in, int i, int len, byte[] out, int o) {
        while (len >= 16) {
            long c0 = (long) LE.get(in, i);
            long c1 = (long) LE.get(in, i + 8);
            LE.set(out, o, x0 ^ c0);
            LE.set(out, o + 8, x1 ^ c1);
            x0 = c0;
            x1 = c1;
            permute(false);
            i += 16;
            o += 16;
            len -= 16;
        }
        if (len >= 8) {
            int n = len - 8;
            long c0 = (long) LE.get(in, i);
            long c1 = load(in, i + 8, n);
            LE.set(out, o, x0 ^ c0);
            store(out, o + 8, x1 ^ c1, n);
            x0 = c0;
            x1 = (x1 & ~mask(n)) ^ c1 ^ pad(n);
        } else {
            long c0 = load(in, i, len);
            store(out, o, x0 ^ c0, len);
            x0 = (x0 & ~mask(len)) ^ c0 ^ pad(len);
        }
    }

    /** The state update of decryption without producing plaintext: the rate takes the ciphertext. */
    private void absorbCiphertext(byte[] in, int i, int len) {
        while (len >= 16) {
            x0 = (long) LE.get(in, i);
            x1 = (long) LE.get(in, i + 8);
            permute(false);
            i += 16;
            len -= 16;
        }
        if (len >= 8) {
            int n = len - 8;
            x0 = (long) LE.get(in, i);
            x1 = (x1 & ~mask(n)) ^ load(in, i + 8, n) ^ pad(n);
        } else {
            x0 = (x0 & ~mask(len)) ^ load(in, i, len) ^ pad(len);
        }
    }

    private void finish() {
        x2 ^= k0;
        x3 ^= k1;
        permute(true);
    }

    /** Finalises and compares the tag with the received lanes in constant time. */
    private boolean finishAndVerify(long r0, long r1) {
        finish();
        long diff = (x3 ^ k0 ^ r0) | (x4 ^ k1 ^ r1);
        return diff == 0;
    }

    private void clearState() {
        x0 = 0;
        x1 = 0;
        x2 = 0;
        x3 = 0;
        x4 = 0;
    }

    private byte[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.min(SCRATCH_LIMIT, Math.max(n, Math.max(256, 2 * scratch.length)))];
        }
        return scratch;
    }

    /** Loads {@code n < 8} bytes little-endian into the low bytes of a lane. */
    private static long load(byte[] b, int off, int n) {
        long v = 0;
        for (int j = 0; j < n; j++) {
            v |= (b[off + j] & 0xFFL) << (8 * j);
        }
        return v;
    }

    /** Stores the low {@code n < 8} bytes of a lane little-endian. */
    private static void store(byte[] b, int off, long v, int n) {
        for (int j = 0; j < n; j++) {
            b[off + j] = (byte) (v >>> (8 * j));
        }
    }

    /** The padding bit after {@code n < 8} bytes of a lane. */
    private static long pad(int n) {
        return 1L << (8 * n);
    }

    /** The low {@code n < 8} bytes of a lane. */
    private static long mask(int n) {
        return (1L << (8 * n)) - 1;
    }

    /**
     * Ascon-p[12] ({@code twelve}) or Ascon-p[8] on the state lanes. Round i (0..11) adds the constant
     * {@code (0xf - i) << 4 | i} to lane 2, then the bitsliced 5-bit S-box, then the per-lane linear layer
     * {@code x ^= rotr(x, a) ^ rotr(x, b)} with (a, b) = (19, 28), (61, 39), (1, 6), (10, 17), (7, 41).
     * p[8] is the last eight rounds of p[12].
     */
    private void permute(boolean twelve) {
        long x0 = this.x0;
        long x1 = this.x1;
        long x2 = this.x2;
        long x3 = this.x3;
        long x4 = this.x4;
        long t0;
        long t1;
        long t2;
        long t3;
        long t4;
        if (twelve) {
            // round 0, constant 0xf0
            x2 ^= 0xf0L;
            x0 ^= x4; x4 ^= x3; x2 ^= x1;
            t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
            t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
            x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
            x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
            x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
            x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
            x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
            // round 1, constant 0xe1
            x2 ^= 0xe1L;
            x0 ^= x4; x4 ^= x3; x2 ^= x1;
            t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
            t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
            x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
            x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
            x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
            x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
            x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
            // round 2, constant 0xd2
            x2 ^= 0xd2L;
            x0 ^= x4; x4 ^= x3; x2 ^= x1;
            t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
            t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
            x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
            x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
            x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
            x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
            x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
            // round 3, constant 0xc3
            x2 ^= 0xc3L;
            x0 ^= x4; x4 ^= x3; x2 ^= x1;
            t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
            t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
            x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
            x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
            x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
            x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
            x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
        }
        // round 4, constant 0xb4
        x2 ^= 0xb4L;
        x0 ^= x4; x4 ^= x3; x2 ^= x1;
        t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
        t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
        x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
        x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
        x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
        x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
        x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
        // round 5, constant 0xa5
        x2 ^= 0xa5L;
        x0 ^= x4; x4 ^= x3; x2 ^= x1;
        t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
        t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
        x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
        x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
        x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
        x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
        x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
        // round 6, constant 0x96
        x2 ^= 0x96L;
        x0 ^= x4; x4 ^= x3; x2 ^= x1;
        t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
        t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
        x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
        x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
        x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
        x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
        x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
        // round 7, constant 0x87
        x2 ^= 0x87L;
        x0 ^= x4; x4 ^= x3; x2 ^= x1;
        t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
        t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
        x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
        x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
        x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
        x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
        x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
        // round 8, constant 0x78
        x2 ^= 0x78L;
        x0 ^= x4; x4 ^= x3; x2 ^= x1;
        t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
        t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
        x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
        x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
        x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
        x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
        x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
        // round 9, constant 0x69
        x2 ^= 0x69L;
        x0 ^= x4; x4 ^= x3; x2 ^= x1;
        t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
        t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
        x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
        x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
        x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
        x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
        x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
        // round 10, constant 0x5a
        x2 ^= 0x5aL;
        x0 ^= x4; x4 ^= x3; x2 ^= x1;
        t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
        t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
        x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
        x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
        x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
        x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
        x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
        // round 11, constant 0x4b
        x2 ^= 0x4bL;
        x0 ^= x4; x4 ^= x3; x2 ^= x1;
        t0 = x0 ^ (~x1 & x2); t1 = x1 ^ (~x2 & x3); t2 = x2 ^ (~x3 & x4); t3 = x3 ^ (~x4 & x0); t4 = x4 ^ (~x0 & x1);
        t1 ^= t0; t0 ^= t4; t3 ^= t2; t2 = ~t2;
        x0 = t0 ^ Long.rotateRight(t0, 19) ^ Long.rotateRight(t0, 28);
        x1 = t1 ^ Long.rotateRight(t1, 61) ^ Long.rotateRight(t1, 39);
        x2 = t2 ^ Long.rotateRight(t2, 1) ^ Long.rotateRight(t2, 6);
        x3 = t3 ^ Long.rotateRight(t3, 10) ^ Long.rotateRight(t3, 17);
        x4 = t4 ^ Long.rotateRight(t4, 7) ^ Long.rotateRight(t4, 41);
        this.x0 = x0;
        this.x1 = x1;
        this.x2 = x2;
        this.x3 = x3;
        this.x4 = x4;
    }
}
