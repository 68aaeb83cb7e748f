package org.sslskura.identity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.wire.hip.HostIdentity;

/**
 * The text formats of {@code identity.key} (secret) and {@code identity.pub} (informational), version 1.
 *
 * <pre>
 * # comment lines start with '#'; blank lines are ignored; lines end with LF (a CR before it is ignored)
 * ssls-identity 1                  the first non-comment line: magic and format version
 * curve X25519                     X25519 or X448 (or the DH group id 12 / 13)
 * private &lt;hex&gt;                    the raw private scalar, 32 or 56 bytes (RFC 7748), hex
 * public &lt;hex&gt;                     optional; if present it must equal the public key derived from the private key
 * </pre>
 *
 * Every other line, a repeated or missing field, a wrong length or a non-hex digit makes the file invalid. The parser
 * works on bytes, so the private key is never held in a {@link String}.
 */
final class KeyFile {
    static final String MAGIC = "ssls-identity";
    static final String PUBLIC_MAGIC = "ssls-identity-public";
    static final int VERSION = 1;
    /** Larger files are refused before they are parsed. */
    static final int MAX_SIZE = 4096;

    private KeyFile() {
    }

    /** @return the curve named by {@code s} (X25519, X448, 12 or 13; names case-insensitive), if known */
    static Optional<EcdhCurve> parseCurve(String s) {
        switch (s.toUpperCase(Locale.ROOT)) {
            case "X25519":
            case "12":
                return Optional.of(EcdhCurve.X25519);
            case "X448":
            case "13":
                return Optional.of(EcdhCurve.X448);
            default:
                return Optional.empty();
        }
    }

    static byte[] encode(EcdhCurve curve, byte[] privateKey, byte[] publicKey) {
        byte[] head = ("# ssls-kura device identity: PRIVATE KEY, keep it secret (mode 0600). Format: docs/IDENTITY.md\n"
                + MAGIC + " " + VERSION + "\ncurve " + curve.jcaName() + "\nprivate ").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\npublic " + Bytes.toHex(publicKey) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + 2 * privateKey.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        Hex.encodeInto(privateKey, out, head.length);
        System.arraycopy(tail, 0, out, head.length + 2 * privateKey.length, tail.length);
        return out;
    }

    static byte[] encodePublic(HostIdentity hi) {
        EcdhCurve curve = EcdhCurve.fromCurveField(hi.group()).orElseThrow();
        String text = "# ssls-kura public identity, regenerated from identity.key at every start (never read back)\n"
                + PUBLIC_MAGIC + " " + VERSION + "\ncurve " + curve.jcaName() + "\npublic " + Bytes.toHex(hi.publicKey())
                + "\nhit " + hi.hit().toHex() + "\nhit-ipv6 " + hi.hit().toIpv6() + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param content the file content (not modified)
     * @param file used in messages only
     * @return the key; the caller owns it
     * @throws IdentityException if the content is not a valid version-1 key file
     */
    static LocalKey decode(byte[] content, Path file) throws IdentityException {
        Fields f = new Fields(content, file);
        try {
            int lineNo = 0;
            for (int start = 0; start < content.length;) {
                int end = indexOf(content, (byte) '\n', start, content.length);
                int stop = trimEnd(content, start, end);
                lineNo++;
                if (stop > start && content[start] != '#') {
                    f.line(start, stop, lineNo);
                }
                start = end + 1;
            }
            return f.toKey();
        } finally {
            f.wipe();
        }
    }

    /** The fields of one key file being parsed; holds the private key until {@link #toKey} hands it over. */
    private static final class Fields {
        private final byte[] content;
        private final Path file;
        private boolean headerSeen;
        private EcdhCurve curve;
        private byte[] privateKey;
        private byte[] publicKey;

        Fields(byte[] content, Path file) {
            this.content = content;
            this.file = file;
        }

        /** Parses one non-blank, non-comment line {@code [start, stop)}: {@code <field> <value>}. */
        void line(int start, int stop, int lineNo) throws IdentityException {
            int space = indexOf(content, (byte) ' ', start, stop);
            if (space >= stop) {
                throw bad(file, lineNo, "expected '<field> <value>'");
            }
            String field = ascii(content, start, space, file, lineNo);
            if (!headerSeen) {
                header(field, ascii(content, space + 1, stop, file, lineNo), lineNo);
            } else if ("curve".equals(field)) {
                if (curve != null) {
                    throw bad(file, lineNo, "repeated 'curve'");
                }
                String name = ascii(content, space + 1, stop, file, lineNo);
                curve = parseCurve(name).orElseThrow(() -> bad(file, lineNo, "unknown curve '" + name + "'"));
            } else if ("private".equals(field) || "public".equals(field)) {
                key(field, space + 1, stop, lineNo);
            } else {
                throw bad(file, lineNo, "unknown field '" + field + "'");
            }
        }

        private void header(String magic, String version, int lineNo) throws IdentityException {
            if (!MAGIC.equals(magic)) {
                throw bad(file, lineNo, "not an ssls identity file (expected '" + MAGIC + " " + VERSION + "')");
            }
            if (!String.valueOf(VERSION).equals(version)) {
                throw bad(file, lineNo, "unsupported format version '" + version + "'");
            }
            headerSeen = true;
        }

        private void key(String field, int from, int stop, int lineNo) throws IdentityException {
            if (curve == null) {
                throw bad(file, lineNo, "'curve' must come before the keys");
            }
            boolean priv = "private".equals(field);
            if (priv ? privateKey != null : publicKey != null) {
                throw bad(file, lineNo, "repeated '" + field + "'");
            }
            byte[] key = Hex.decode(content, from, stop - from, curve.keyLength());
            if (key == null) {
                throw bad(file, lineNo, field + " key is not " + curve.keyLength() + " bytes of hex");
            }
            if (priv) {
                privateKey = key;
            } else {
                publicKey = key;
            }
        }

        LocalKey toKey() throws IdentityException {
            if (!headerSeen || curve == null || privateKey == null) {
                throw bad(file, -1, "truncated: the header, 'curve' and 'private' are all required");
            }
            LocalKey key = new LocalKey(curve, privateKey);
            privateKey = null; // owned by key now
            if (publicKey != null && !Arrays.equals(publicKey, key.hostIdentity().publicKey())) {
                key.destroy();
                throw bad(file, -1, "the 'public' key does not match the private key (corrupted file?)");
            }
            return key;
        }

        void wipe() {
            Bytes.wipe(privateKey);
        }
    }

    private static int indexOf(byte[] b, byte c, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return limit;
    }

    private static int trimEnd(byte[] b, int start, int end) {
        int stop = end;
        while (stop > start && (b[stop - 1] == '\r' || b[stop - 1] == ' ' || b[stop - 1] == '\t')) {
            stop--;
        }
        return stop;
    }

    /** Non-secret fields only. */
    private static String ascii(byte[] b, int from, int to, Path file, int lineNo) throws IdentityException {
        for (int i = from; i < to; i++) {
            if (b[i] < 0x21 || b[i] > 0x7E) {
                throw bad(file, lineNo, "unexpected character");
            }
        }
        return new String(b, from, to - from, StandardCharsets.US_ASCII);
    }

    private static IdentityException bad(Path file, int lineNo, String what) {
        return new IdentityException("invalid identity key file " + file + (lineNo > 0 ? " line " + lineNo : "")
                + ": " + what + ". The file was left untouched; fix or move it away (a new identity is generated only"
                + " when no key file exists)");
    }
}
