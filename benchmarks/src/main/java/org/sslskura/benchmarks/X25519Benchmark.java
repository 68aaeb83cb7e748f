package org.sslskura.benchmarks;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.crypto.Xdh;

/**
 * One X25519 scalar multiplication per call through {@link Xdh} (JDK SunEC XDH, with the DEX public-key checks),
 * plus Bouncy Castle 1.87's raw {@code rfc7748.X25519.scalarMult} for comparison. Reported as average time per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class X25519Benchmark {
    private byte[] privateKey;
    private byte[] peerPublic;
    private byte[] bcOut;

    @Setup(Level.Trial)
    public void setup() {
        SecureRandom random = new SecureRandom(new byte[] {42});
        privateKey = Xdh.generatePrivateKey(EcdhCurve.X25519, random);
        peerPublic = Xdh.publicKey(EcdhCurve.X25519, Xdh.generatePrivateKey(EcdhCurve.X25519, random));
        bcOut = new byte[32];
        // the two implementations must agree, or the comparison is meaningless
        byte[] ours;
        try {
            ours = Xdh.agree(EcdhCurve.X25519, privateKey, peerPublic);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        X25519.scalarMult(privateKey, 0, peerPublic, 0, bcOut, 0);
        if (!java.util.Arrays.equals(ours, bcOut)) {
            throw new IllegalStateException("Xdh and Bouncy Castle disagree");
        }
    }

    /** Validate the peer key, one X25519 op, check the secret is not zero. */
    @Benchmark
    public byte[] agree() throws InvalidKeyException {
        return Xdh.agree(EcdhCurve.X25519, privateKey, peerPublic);
    }

    /** Public key from private key (one X25519 op on the base point). */
    @Benchmark
    public byte[] publicKey() {
        return Xdh.publicKey(EcdhCurve.X25519, privateKey);
    }

    /** Bouncy Castle 1.87 raw X25519 scalar multiplication (no key objects, no validation). */
    @Benchmark
    public byte[] bcScalarMult() {
        X25519.scalarMult(privateKey, 0, peerPublic, 0, bcOut, 0);
        return bcOut;
    }
}
