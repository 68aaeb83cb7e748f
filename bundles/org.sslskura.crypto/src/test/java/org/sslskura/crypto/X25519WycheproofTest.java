package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sslskura.crypto.WycheproofVectors.hasFlag;
import static org.sslskura.crypto.WycheproofVectors.hex;

import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wycheproof {@code x25519_test.json} against {@link Xdh#agree} with {@link EcdhCurve#X25519}.
 * <p>
 * 518 cases, none skipped:
 * <ul>
 * <li>264 {@code valid}: the exact shared secret.</li>
 * <li>0 {@code invalid} (any would have to be rejected with {@link InvalidKeyException}).</li>
 * <li>254 {@code acceptable}, decided per flags:
 * <ul>
 * <li>31 flagged {@code LowOrderPublic} and/or {@code ZeroSharedSecret} (all of them have an all-zero shared
 * secret): REJECTED with {@link InvalidKeyException}. Our policy is stricter than RFC 7748 (decisions: the
 * small-order list and the all-zero secret are refused; draft-ietf-hip-dex §9.3).</li>
 * <li>223 others (flags {@code Twist}, {@code NonCanonicalPublic}, {@code SpecialPublicKey},
 * {@code EdgeCaseMultiplication}, {@code EdgeCaseShared}, {@code Ktv}): ACCEPTED with the exact shared secret (RFC 7748
 * §5 decoding: top bit masked, non-canonical u reduced mod p; twist points computed, not refused).</li>
 * </ul>
 * </li>
 * </ul>
 */
class X25519WycheproofTest {
    private static final String FILE = "x25519_test.json";

    @TestFactory
    List<DynamicTest> wycheproof() {
        JsonNode root = WycheproofVectors.load(FILE);
        assertEquals("XDH", root.get("algorithm").asText());
        WycheproofVectors.Tally tally = new WycheproofVectors.Tally(FILE, root);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            assertEquals("curve25519", group.get("curve").asText());
            for (JsonNode t : group.get("tests")) {
                tests.add(DynamicTest.dynamicTest(WycheproofVectors.name(t), () -> tally.ran(run(t))));
            }
        }
        tests.add(tally.summary(Map.of(), () -> {
            assertEquals(264, tally.executed("valid"));
            assertEquals(0, tally.executed("invalid"));
            assertEquals(31, tally.executed("acceptable: rejected (low-order public / zero secret)"));
            assertEquals(223, tally.executed("acceptable: accepted with the exact secret"));
        }));
        return tests;
    }

    private static String run(JsonNode t) throws InvalidKeyException {
        byte[] priv = hex(t, "private");
        byte[] pub = hex(t, "public");
        byte[] shared = hex(t, "shared");
        String result = t.get("result").asText();
        switch (result) {
            case "valid":
                assertArrayEquals(shared, Xdh.agree(EcdhCurve.X25519, priv, pub));
                return "valid";
            case "invalid":
                assertThrows(InvalidKeyException.class, () -> Xdh.agree(EcdhCurve.X25519, priv, pub));
                return "invalid";
            case "acceptable":
                if (hasFlag(t, "LowOrderPublic") || hasFlag(t, "ZeroSharedSecret")) {
                    assertArrayEquals(new byte[32], shared, "the flagged cases are the all-zero-secret ones");
                    assertThrows(InvalidKeyException.class, () -> Xdh.agree(EcdhCurve.X25519, priv, pub),
                            "policy: low-order public keys / all-zero secrets are refused");
                    return "acceptable: rejected (low-order public / zero secret)";
                }
                assertArrayEquals(shared, Xdh.agree(EcdhCurve.X25519, priv, pub));
                return "acceptable: accepted with the exact secret";
            default:
                fail("no policy for result " + result);
                return null;
        }
    }
}
