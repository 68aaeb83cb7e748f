package org.sslskura.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.SecureRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.wire.hip.HostIdentity;

/** The file and configuration parsers fail only with their documented exception, whatever the input. */
class ParserPropertiesTest {
    private static final Path FILE = Path.of("identity.key");

    @Property
    void keyFile_arbitraryBytes_onlyIdentityException(@ForAll @Size(max = 300) byte[] content) {
        try {
            KeyFile.decode(content, FILE).destroy();
        } catch (IdentityException expected) {
            // the only allowed failure
        }
    }

    @Property(tries = 2000)
    void keyFile_mutation_isRejectedOrYieldsTheSameIdentity(@ForAll("curves") EcdhCurve curve,
            @ForAll("mutations") int[] mutation) throws Exception {
        LocalKey original = LocalKey.generate(curve, new SecureRandom());
        byte[] content = original.encodeKeyFile();
        HostIdentity expected = original.hostIdentity();
        original.destroy();
        int pos = Math.floorMod(mutation[0], content.length);
        byte[] mutated;
        if (mutation[2] == 0) { // truncate
            mutated = java.util.Arrays.copyOf(content, pos);
        } else { // replace one byte
            mutated = content.clone();
            mutated[pos] = (byte) mutation[1];
        }
        try {
            LocalKey k = KeyFile.decode(mutated, FILE);
            assertEquals(expected, k.hostIdentity());
            k.destroy();
        } catch (IdentityException expectedFailure) {
            // rejected
        }
    }

    @Property
    void peerFile_arbitraryText_onlyIdentityException(@ForAll("peerText") String text) {
        try {
            PeerList.parseFile(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), FILE);
        } catch (IdentityException expected) {
            // the only allowed failure
        }
    }

    @Property
    void configEntry_arbitraryText_onlyIllegalArgument(@ForAll("peerText") String text) {
        try {
            PeerList.parseConfigEntry(text);
        } catch (IllegalArgumentException expected) {
            // the only allowed failure
        }
    }

    @Provide
    Arbitrary<EcdhCurve> curves() {
        return Arbitraries.of(EcdhCurve.class);
    }

    @Provide
    Arbitrary<int[]> mutations() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofSize(3)
                .map(a -> new int[] {a[0], a[1] & 0xFF, a[2] % 2});
    }

    @Provide
    Arbitrary<String> peerText() {
        return Arbitraries.strings().withChars("abcdefABCDEF0123456789 \t\n#=-X2548gz\u00e9").ofMaxLength(200);
    }
}
