package org.sslskura.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.List;
import javax.crypto.KeyAgreement;

/**
 * X25519 and X448 (RFC 7748) on raw little-endian byte strings, with the public-key validation DEX requires
 * (draft-ietf-hip-dex-24 §9.3; G15): exact length, X25519 small-order points refused, all-zero shared secret refused.
 */
public final class Xdh {
    private static final List<byte[]> X25519_SMALL_ORDER = List.of(
            Bytes.fromHex("0000000000000000000000000000000000000000000000000000000000000000"),
            Bytes.fromHex("0100000000000000000000000000000000000000000000000000000000000000"),
            Bytes.fromHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
            Bytes.fromHex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
            Bytes.fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
            Bytes.fromHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
            Bytes.fromHex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"));

    private Xdh() {
    }

    /** @return a fresh private key (random scalar bytes; clamping happens inside every operation) */
    public static byte[] generatePrivateKey(EcdhCurve curve, SecureRandom random) {
        byte[] k = new byte[curve.keyLength()];
        random.nextBytes(k);
        return k;
    }

    /** @return the public key (u-coordinate, little-endian) of {@code privateKey} */
    public static byte[] publicKey(EcdhCurve curve, byte[] privateKey) {
        byte[] base = new byte[curve.keyLength()];
        base[0] = (byte) curve.basePoint();
        try {
            return multiply(curve, privateKey, base);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("bad private key", e);
        }
    }

    /**
     * Validates {@code peerPublic} and computes the shared secret.
     *
     * @throws InvalidKeyException if the public key has the wrong length or small order, or the secret is zero
     */
    public static byte[] agree(EcdhCurve curve, byte[] privateKey, byte[] peerPublic) throws InvalidKeyException {
        validatePublicKey(curve, peerPublic);
        byte[] secret = multiply(curve, privateKey, peerPublic);
        if (isZero(secret)) {
            throw new InvalidKeyException("all-zero shared secret");
        }
        return secret;
    }

    /** @throws InvalidKeyException if {@code publicKey} has the wrong length or is a listed small-order point */
    public static void validatePublicKey(EcdhCurve curve, byte[] publicKey) throws InvalidKeyException {
        if (publicKey == null || publicKey.length != curve.keyLength()) {
            throw new InvalidKeyException(curve + " public keys are " + curve.keyLength() + " bytes");
        }
        if (curve == EcdhCurve.X25519) {
            byte[] masked = publicKey.clone();
            masked[31] &= 0x7F;
            for (byte[] bad : X25519_SMALL_ORDER) {
                if (java.util.Arrays.equals(masked, bad)) {
                    throw new InvalidKeyException("small-order X25519 public key");
                }
            }
        }
    }

    private static byte[] multiply(EcdhCurve curve, byte[] scalar, byte[] u) throws InvalidKeyException {
        if (scalar == null || scalar.length != curve.keyLength()) {
            throw new IllegalArgumentException(curve + " private keys are " + curve.keyLength() + " bytes");
        }
        try {
            NamedParameterSpec params = new NamedParameterSpec(curve.jcaName());
            KeyFactory kf = KeyFactory.getInstance("XDH");
            PrivateKey priv = kf.generatePrivate(new XECPrivateKeySpec(params, scalar));
            PublicKey pub = kf.generatePublic(new XECPublicKeySpec(params, decodeU(curve, u)));
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(priv);
            ka.doPhase(pub, true);
            return ka.generateSecret();
        } catch (InvalidKeyException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("XDH unavailable", e);
        }
    }

    /** RFC 7748 decodeUCoordinate: little-endian, top bit masked for X25519 (X448 uses all 448 bits). */
    private static BigInteger decodeU(EcdhCurve curve, byte[] u) {
        byte[] be = new byte[u.length];
        for (int i = 0; i < u.length; i++) {
            be[i] = u[u.length - 1 - i];
        }
        if (curve == EcdhCurve.X25519) {
            be[0] &= 0x7F;
        }
        return new BigInteger(1, be);
    }

    private static boolean isZero(byte[] b) {
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return acc == 0;
    }
}
