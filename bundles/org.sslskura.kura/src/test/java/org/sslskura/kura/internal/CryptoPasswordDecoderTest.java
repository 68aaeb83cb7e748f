package org.sslskura.kura.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.reflect.Proxy;
import java.util.Base64;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;
import org.junit.jupiter.api.Test;

class CryptoPasswordDecoderTest {

    /**
     * Kura's CryptoService exists only inside Kura; this in-test one "decrypts" values starting with "enc:" (Base64)
     * and refuses anything else, as the real one refuses a value that is not its AES-GCM ciphertext.
     */
    private static CryptoService crypto() {
        return (CryptoService) Proxy.newProxyInstance(CryptoService.class.getClassLoader(),
                new Class<?>[] {CryptoService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("decryptAes") && args[0] instanceof char[] value) {
                        String s = new String(value);
                        if (!s.startsWith("enc:")) {
                            throw new KuraException(KuraErrorCode.INVALID_PARAMETER, "not encrypted");
                        }
                        return new String(Base64.getDecoder().decode(s.substring(4))).toCharArray();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void decryptsKuraCiphertextAndFallsBackToPlainText() {
        CryptoPasswordDecoder decoder = new CryptoPasswordDecoder(crypto());
        assertArrayEquals("s3cret".toCharArray(),
                decoder.decode("enc:" + Base64.getEncoder().encodeToString("s3cret".getBytes())));
        assertArrayEquals("plain".toCharArray(), decoder.decode("plain"));
    }
}
