package org.sslskura.identity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.crypto.Xdh;
import org.sslskura.wire.hip.HostIdentity;

/**
 * The trusted-peer formats: the {@code peers} and {@code learned-peers} files and the {@code trusted.peers}
 * configuration entries.
 *
 * <pre>
 * # comment                                   lines starting with '#' and blank lines are ignored
 * &lt;name&gt; &lt;curve&gt; &lt;public-key-hex&gt;             one peer per line, fields separated by spaces or tabs
 * </pre>
 *
 * {@code name}: 1 to 64 of {@code A-Z a-z 0-9 . _ @ : + -}; a lone {@code -} means "no name". {@code curve}: X25519,
 * X448, 12 or 13. The key: 32 (X25519) or 56 (X448) bytes of hex; small-order keys are refused. A configuration entry
 * is {@code name=hex} or {@code hex}, the curve inferred from the key length. Names are unique within one source.
 */
final class PeerList {
    /** Larger peer files are refused before parsing. */
    static final int MAX_FILE_SIZE = 1 << 20;
    /** The name written for a peer without one. */
    static final String NO_NAME = "-";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@:+\\-]{1,64}");
    private static final Pattern FIELDS = Pattern.compile("[ \\t]+");

    private PeerList() {
    }

    /**
     * @param name a peer name, or "" / "-" for none
     * @return the name as stored in {@link TrustedPeer} ("" for none)
     * @throws IllegalArgumentException on a name outside the allowed characters or longer than 64
     */
    static String checkName(String name) {
        if (name.isEmpty() || NO_NAME.equals(name)) {
            return "";
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("peer name '" + printable(name)
                    + "' must be 1 to 64 of A-Z a-z 0-9 . _ @ : + -");
        }
        return name;
    }

    /** @throws IllegalArgumentException if the key is not a valid public key of its curve (e.g. small order) */
    static void checkKey(HostIdentity hi) {
        EcdhCurve curve = EcdhCurve.fromCurveField(hi.group()).orElseThrow();
        try {
            Xdh.validatePublicKey(curve, hi.publicKey());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("invalid peer key: " + e.getMessage(), e);
        }
    }

    /**
     * @param entry {@code name=hex} or {@code hex} (surrounding spaces ignored)
     * @return the peer
     * @throws IllegalArgumentException if the entry is malformed
     */
    static TrustedPeer parseConfigEntry(String entry) {
        String e = entry.strip();
        int eq = e.indexOf('=');
        String name = eq < 0 ? "" : checkName(e.substring(0, eq).strip());
        String hex = (eq < 0 ? e : e.substring(eq + 1)).strip();
        byte[] key = Hex.decode(hex);
        Optional<EcdhCurve> curve = Optional.empty();
        if (key != null) {
            for (EcdhCurve c : EcdhCurve.values()) {
                curve = key.length == c.keyLength() ? Optional.of(c) : curve;
            }
        }
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("trusted peer '" + printable(entry)
                    + "': expected [name=]hex with a 32-byte (X25519) or 56-byte (X448) public key");
        }
        HostIdentity hi = HostIdentity.of(curve.get().groupId(), key);
        checkKey(hi);
        return new TrustedPeer(name, hi);
    }

    /**
     * @param content the file content
     * @param file used in messages only
     * @return the peers in file order
     * @throws IdentityException on any malformed line (the message names the line)
     */
    static List<TrustedPeer> parseFile(byte[] content, Path file) throws IdentityException {
        String text;
        try {
            text = StandardCharsets.US_ASCII.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IdentityException("invalid peer file " + file + ": not ASCII text");
        }
        List<TrustedPeer> peers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                peers.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                throw new IdentityException("invalid peer file " + file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        try {
            checkUnique(peers);
        } catch (IllegalArgumentException e) {
            throw new IdentityException("invalid peer file " + file + ": " + e.getMessage());
        }
        return peers;
    }

    private static TrustedPeer parseLine(String line) {
        String[] f = FIELDS.split(line);
        if (f.length != 3) {
            throw new IllegalArgumentException("expected '<name> <curve> <public-key-hex>'");
        }
        String name = checkName(f[0]);
        EcdhCurve curve = KeyFile.parseCurve(f[1])
                .orElseThrow(() -> new IllegalArgumentException("unknown curve '" + printable(f[1]) + "'"));
        byte[] key = Hex.decode(f[2]);
        if (key == null || key.length != curve.keyLength()) {
            throw new IllegalArgumentException(curve + " keys are " + curve.keyLength() + " bytes of hex");
        }
        HostIdentity hi = HostIdentity.of(curve.groupId(), key);
        checkKey(hi);
        return new TrustedPeer(name, hi);
    }

    /** @throws IllegalArgumentException if a name or a key appears twice */
    static void checkUnique(Collection<TrustedPeer> peers) {
        Set<String> names = new HashSet<>();
        List<TrustedPeer> seen = new ArrayList<>();
        for (TrustedPeer p : peers) {
            if (!p.name().isEmpty() && !names.add(p.name())) {
                throw new IllegalArgumentException("peer name '" + p.name() + "' is listed twice");
            }
            if (find(seen, p.hostIdentity()).isPresent()) {
                throw new IllegalArgumentException("peer " + p.hit().toHex() + " is listed twice");
            }
            seen.add(p);
        }
    }

    /** @return the file content for {@code peers}, after {@code header} (comment lines, each ending with LF) */
    static byte[] format(String header, List<TrustedPeer> peers) {
        StringBuilder sb = new StringBuilder(header);
        for (TrustedPeer p : peers) {
            sb.append(line(p)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String line(TrustedPeer p) {
        EcdhCurve curve = EcdhCurve.fromCurveField(p.hostIdentity().group()).orElseThrow();
        return (p.name().isEmpty() ? NO_NAME : p.name()) + " " + curve.jcaName() + " "
                + Bytes.toHex(p.hostIdentity().publicKey());
    }

    /** @return the peer whose key is {@code hi}'s key on the same curve (the curve label 5/12 or 6/13 is ignored) */
    static Optional<TrustedPeer> find(Collection<TrustedPeer> peers, HostIdentity hi) {
        byte[] key = hi.publicKey();
        return peers.stream().filter(p -> p.hostIdentity().group() == hi.group()
                && MessageDigest.isEqual(p.hostIdentity().publicKey(), key)).findFirst();
    }

    /** For messages: at most 80 characters, non-printable ones replaced by '?'. */
    static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
