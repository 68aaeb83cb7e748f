package org.sslskura.benchmarks;

import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.AsconAEAD128;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.modes.CCMModeCipher;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
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
import org.sslskura.crypto.AesCmac;

/**
 * Reference implementations, measured in the same run as {@link AeadBenchmark} for side-by-side ratios. Each seal is
 * what a caller of that library has to do per message: (re)initialise with a fresh nonce, absorb the same 8 bytes of
 * AAD, encrypt {@code size} bytes into a preallocated buffer, append the tag. Nonces are a per-state counter, so no
 * nonce repeats (the JDK and Bouncy Castle's ChaCha20-Poly1305 refuse an encryption nonce repeated after the last
 * one). Bouncy Castle is used directly (lightweight API), never as a JCA provider, so JDK ciphers stay SunJCE.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BaselineBenchmark {
    @Param({"64", "256", "1024", "16384"})
    public int size;

    private byte[] aad;
    private byte[] plaintext;
    private byte[] out;
    private byte[] nonce11;
    private byte[] nonce12;
    private byte[] nonce16;
    private long counter;

    private KeyParameter bcAesKey;
    private KeyParameter bcChaChaKey;
    private CCMModeCipher bcCcm;
    private ChaCha20Poly1305 bcChaCha;
    private AsconAEAD128 bcAscon;
    private CMac bcCmac;
    private AesCmac ourCmac;

    private SecretKeySpec jdkAesKey;
    private SecretKeySpec jdkChaChaKey;
    private Cipher jdkGcm;
    private Cipher jdkChaCha;

    @Setup(Level.Trial)
    public void setup() throws GeneralSecurityException {
        SplittableRandom rnd = new SplittableRandom(0xBA5E);
        byte[] aesKey = AeadBenchmark.bytes(rnd, 16);
        byte[] chachaKey = AeadBenchmark.bytes(rnd, 32);
        aad = AeadBenchmark.bytes(rnd, AeadBenchmark.AAD_LENGTH);
        plaintext = AeadBenchmark.bytes(rnd, size);
        out = new byte[size + 16];
        nonce11 = AeadBenchmark.bytes(rnd, 11);
        nonce12 = AeadBenchmark.bytes(rnd, 12);
        nonce16 = AeadBenchmark.bytes(rnd, 16);
        counter = 0;

        bcAesKey = new KeyParameter(aesKey);
        bcChaChaKey = new KeyParameter(chachaKey);
        bcCcm = CCMBlockCipher.newInstance(AESEngine.newInstance());
        bcChaCha = new ChaCha20Poly1305();
        bcAscon = new AsconAEAD128();
        bcCmac = new CMac(AESEngine.newInstance());
        bcCmac.init(bcAesKey);
        ourCmac = new AesCmac(aesKey);

        jdkAesKey = new SecretKeySpec(aesKey, "AES");
        jdkChaChaKey = new SecretKeySpec(chachaKey, "ChaCha20");
        jdkGcm = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        jdkChaCha = Cipher.getInstance("ChaCha20-Poly1305", "SunJCE");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ourCmac.close();
    }

    /** Writes the next counter value big-endian into the last 8 bytes of {@code nonce}. */
    private byte[] fresh(byte[] nonce) {
        long c = ++counter;
        int n = nonce.length;
        for (int i = 0; i < 8; i++) {
            nonce[n - 1 - i] = (byte) (c >>> (8 * i));
        }
        return nonce;
    }

    /** Bouncy Castle 1.87 AES-128-CCM, 11-byte nonce, 16-byte tag (what our AES_CCM_16 computes). */
    @Benchmark
    public int bcCcm16Seal() throws InvalidCipherTextException {
        bcCcm.init(true, new AEADParameters(bcAesKey, 128, fresh(nonce11)));
        bcCcm.processAADBytes(aad, 0, aad.length);
        int n = bcCcm.processBytes(plaintext, 0, size, out, 0);
        return n + bcCcm.doFinal(out, n);
    }

    /** Bare SunJCE AES-128-GCM, 12-byte nonce, 16-byte tag: init + updateAAD + doFinal. */
    @Benchmark
    public int jdkGcm16Seal() throws GeneralSecurityException {
        jdkGcm.init(Cipher.ENCRYPT_MODE, jdkAesKey, new GCMParameterSpec(128, fresh(nonce12)));
        jdkGcm.updateAAD(aad, 0, aad.length);
        return jdkGcm.doFinal(plaintext, 0, size, out, 0);
    }

    /** Bare SunJCE ChaCha20-Poly1305 (RFC 8439). */
    @Benchmark
    public int jdkChaCha20Poly1305Seal() throws GeneralSecurityException {
        jdkChaCha.init(Cipher.ENCRYPT_MODE, jdkChaChaKey, new IvParameterSpec(fresh(nonce12)));
        jdkChaCha.updateAAD(aad, 0, aad.length);
        return jdkChaCha.doFinal(plaintext, 0, size, out, 0);
    }

    /** Bouncy Castle 1.87 ChaCha20-Poly1305 (lightweight API). */
    @Benchmark
    public int bcChaCha20Poly1305Seal() throws InvalidCipherTextException {
        bcChaCha.init(true, new AEADParameters(bcChaChaKey, 128, fresh(nonce12)));
        bcChaCha.processAADBytes(aad, 0, aad.length);
        int n = bcChaCha.processBytes(plaintext, 0, size, out, 0);
        return n + bcChaCha.doFinal(out, n);
    }

    /** Bouncy Castle 1.87 Ascon-AEAD128 (NIST SP 800-232), 16-byte nonce. */
    @Benchmark
    public int bcAsconAead128Seal() throws InvalidCipherTextException {
        bcAscon.init(true, new AEADParameters(bcAesKey, 128, fresh(nonce16)));
        bcAscon.processAADBytes(aad, 0, aad.length);
        int n = bcAscon.processBytes(plaintext, 0, size, out, 0);
        return n + bcAscon.doFinal(out, n);
    }

    /** Bouncy Castle 1.87 CMac(AESEngine) over AAD || payload, key set once. */
    @Benchmark
    public int bcCmac() {
        bcCmac.update(aad, 0, aad.length);
        bcCmac.update(plaintext, 0, size);
        return bcCmac.doFinal(out, 0);
    }

    /** Our {@link AesCmac} over AAD || payload (same work as {@link #bcCmac()}). */
    @Benchmark
    public byte ourCmac() {
        ourCmac.update(aad, 0, aad.length).update(plaintext, 0, size).doFinal(out, 0);
        return out[0];
    }
}
