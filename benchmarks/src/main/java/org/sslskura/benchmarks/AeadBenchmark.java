package org.sslskura.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sslskura.crypto.AuthenticationException;
import org.sslskura.crypto.SseAead;
import org.sslskura.crypto.SseAeads;
import org.sslskura.crypto.SseSuite;

/**
 * Seal and open throughput of every SSE suite through the public API ({@link SseAeads#create}), one thread, 8 bytes
 * of AAD (the compact SSE header), output into a preallocated buffer.
 * <ul>
 * <li>{@code seal}: a fresh sequence number per call (the JDK refuses a repeated GCM nonce, and so must we).</li>
 * <li>{@code open}: on a second instance (the receiving direction, same key material, as in a real SA pair),
 * cycles through {@value #RING} messages sealed in setup under distinct sequence numbers, so every
 * open sees a different nonce from the previous one, as in real traffic (a replayed nonce is dropped by the replay
 * window before it reaches the AEAD).</li>
 * </ul>
 * Bytes/s = ops/s x size (payload bytes only; AAD and tag not counted).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AeadBenchmark {
    static final int AAD_LENGTH = 8;
    static final int RING = 8;

    @Param({"AES_CCM_8", "AES_CCM_16", "AES_GCM_8", "AES_GCM_16", "AES_CMAC_96", "CHACHA20_POLY1305",
            "ASCON_AEAD128"})
    public SseSuite suite;

    @Param({"64", "256", "1024", "16384"})
    public int size;

    private SseAead aead;
    private SseAead receiver;
    private byte[] aad;
    private byte[] plaintext;
    private byte[] sealOut;
    private byte[][] sealed;
    private long[] sealedSeq;
    private byte[] openOut;
    private long seq;
    private int next;

    @Setup(Level.Trial)
    public void setup() throws AuthenticationException {
        SplittableRandom rnd = new SplittableRandom(0x5EED);
        byte[] keyMaterial = bytes(rnd, suite.keyMaterialLength());
        aead = SseAeads.create(suite, keyMaterial);
        receiver = SseAeads.create(suite, keyMaterial);
        aad = bytes(rnd, AAD_LENGTH);
        plaintext = bytes(rnd, size);
        sealOut = new byte[size + suite.tagLength()];
        openOut = new byte[size];
        sealed = new byte[RING][];
        sealedSeq = new long[RING];
        for (int i = 0; i < RING; i++) {
            sealedSeq[i] = 1_000_000_000L + i;
            sealed[i] = new byte[size + suite.tagLength()];
            aead.seal(sealedSeq[i], aad, 0, AAD_LENGTH, plaintext, 0, size, sealed[i], 0);
            // check the round trip once, so a broken suite cannot produce a fast, meaningless number
            receiver.open(sealedSeq[i], aad, 0, AAD_LENGTH, sealed[i], 0, sealed[i].length, openOut, 0);
            if (!java.util.Arrays.equals(openOut, plaintext)) {
                throw new IllegalStateException(suite + " round trip failed");
            }
        }
        seq = 0;
        next = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        aead.close();
        receiver.close();
    }

    @Benchmark
    public int seal() {
        return aead.seal(seq++, aad, 0, AAD_LENGTH, plaintext, 0, size, sealOut, 0);
    }

    @Benchmark
    public int open() throws AuthenticationException {
        int i = next;
        next = (i + 1) & (RING - 1);
        byte[] in = sealed[i];
        return receiver.open(sealedSeq[i], aad, 0, AAD_LENGTH, in, 0, in.length, openOut, 0);
    }

    static byte[] bytes(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return b;
    }
}
