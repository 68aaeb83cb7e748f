package org.sslskura.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.crypto.Xdh;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

/**
 * The trusted peers of one identity directory and the decision rule (decisions §1.4: the HIT is always recomputed,
 * peers are authorised by HI). Three sources: the {@code peers} file (edited by hand or by {@code ssls peers add};
 * re-read when it changes), the configuration, and {@code learned-peers} (written by trust-on-first-use, used only
 * under that policy). Thread-safe: every method synchronises on this object.
 */
final class PeerTrust {
    static final String PEERS_FILE = "peers";
    static final String LEARNED_FILE = "learned-peers";
    /** Trust-on-first-use stops learning beyond this many peers (bounds the file against a flood of new HIs). */
    static final int MAX_LEARNED = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PeerTrust.class);
    private static final String PEERS_HEADER = "# ssls-kura trusted peers: <name> <curve> <public-key-hex>"
            + " (name '-' = none). Format: docs/IDENTITY.md\n";
    private static final String LEARNED_HEADER = "# ssls-kura peers learned by trust-on-first-use; written by the"
            + " identity store. Same format as 'peers'.\n";

    private final Path peersFile;
    private final Path learnedFile;
    private TrustPolicy policy;
    private List<TrustedPeer> filePeers;
    private List<TrustedPeer> configPeers;
    private List<TrustedPeer> learnedPeers;
    private Object peersStamp;

    private PeerTrust(Path dir, TrustPolicy policy, List<TrustedPeer> configPeers) {
        this.peersFile = dir.resolve(PEERS_FILE);
        this.learnedFile = dir.resolve(LEARNED_FILE);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.configPeers = configPeers;
    }

    /**
     * @throws IdentityException if {@code peers} or {@code learned-peers} exists but is unreadable or malformed
     * @throws IllegalArgumentException if {@code configured} repeats a name or a key, or holds an invalid key
     */
    static PeerTrust load(Path dir, TrustPolicy policy, List<TrustedPeer> configured) throws IdentityException {
        PeerTrust t = new PeerTrust(dir, policy, checkedCopy(configured));
        t.peersStamp = stamp(t.peersFile);
        t.filePeers = readPeers(t.peersFile);
        t.learnedPeers = readPeers(t.learnedFile);
        return t;
    }

    private static List<TrustedPeer> checkedCopy(List<TrustedPeer> peers) {
        List<TrustedPeer> copy = List.copyOf(peers);
        copy.forEach(p -> PeerList.checkKey(p.hostIdentity()));
        PeerList.checkUnique(copy);
        return copy;
    }

    private static List<TrustedPeer> readPeers(Path file) throws IdentityException {
        byte[] content = SecureFiles.readIfExists(file, PeerList.MAX_FILE_SIZE);
        return content == null ? List.of() : List.copyOf(PeerList.parseFile(content, file));
    }

    synchronized TrustPolicy policy() {
        return policy;
    }

    synchronized void setPolicy(TrustPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @throws IllegalArgumentException on a repeated name or key or an invalid key; nothing changes then */
    synchronized void setConfiguredPeers(List<TrustedPeer> peers) {
        this.configPeers = checkedCopy(peers);
    }

    synchronized List<TrustedPeer> filePeers() {
        reloadIfChanged();
        return filePeers;
    }

    synchronized List<TrustedPeer> configuredPeers() {
        return configPeers;
    }

    synchronized List<TrustedPeer> learnedPeers() {
        return learnedPeers;
    }

    /** @return the peers trusted now: file and configuration, plus learned ones under trust-on-first-use */
    synchronized List<TrustedPeer> trusted() {
        reloadIfChanged();
        List<TrustedPeer> all = new ArrayList<>(filePeers);
        all.addAll(configPeers);
        if (policy == TrustPolicy.TRUST_ON_FIRST_USE) {
            all.addAll(learnedPeers);
        }
        return all;
    }

    /** The decision of {@code IdentityStore.authorize}, for a store whose key is on {@code ourCurve}. */
    synchronized Optional<TrustedPeer> authorize(HostIdentity hi, Hit claimedHit, EcdhCurve ourCurve) {
        Hit hit = hi.hit();
        if (!hit.equals(claimedHit)) {
            LOG.info("refused peer: claimed HIT {} is not the HIT {} of its Host Identity", claimedHit.toHex(),
                    hit.toHex());
            return Optional.empty();
        }
        if (hi.group() != ourCurve.groupId()) {
            LOG.info("refused peer {}: its curve ({}) is not ours ({}), ECDH with it is impossible", hit.toHex(),
                    hi.curveLabel(), ourCurve);
            return Optional.empty();
        }
        try {
            Xdh.validatePublicKey(ourCurve, hi.publicKey());
        } catch (InvalidKeyException e) {
            LOG.info("refused peer {}: {}", hit.toHex(), e.getMessage());
            return Optional.empty();
        }
        List<TrustedPeer> trusted = trusted();
        Optional<TrustedPeer> known = PeerList.find(trusted, hi);
        if (known.isPresent()) {
            return Optional.of(new TrustedPeer(known.get().name(), hi));
        }
        if (trusted.stream().anyMatch(p -> p.hit().equals(hit))) {
            LOG.warn("refused peer {}: a different Host Identity is recorded for this HIT", hit.toHex());
            return Optional.empty();
        }
        if (policy != TrustPolicy.TRUST_ON_FIRST_USE) {
            LOG.info("refused peer {}: not in the trusted peers (policy allowlist)", hit.toHex());
            return Optional.empty();
        }
        return learn(hi);
    }

    private Optional<TrustedPeer> learn(HostIdentity hi) {
        if (learnedPeers.size() >= MAX_LEARNED) {
            LOG.warn("refused new peer {}: {} peers already learned (limit); promote or remove some in {}",
                    hi.hit().toHex(), learnedPeers.size(), learnedFile);
            return Optional.empty();
        }
        TrustedPeer peer = new TrustedPeer("", hi);
        List<TrustedPeer> next = new ArrayList<>(learnedPeers);
        next.add(peer);
        try {
            SecureFiles.writeAtomically(learnedFile, PeerList.format(LEARNED_HEADER, next), SecureFiles.OWNER_ONLY);
        } catch (IOException e) {
            LOG.error("refused new peer {}: cannot record it in {}: {}", hi.hit().toHex(), learnedFile, e.toString());
            return Optional.empty();
        }
        learnedPeers = List.copyOf(next);
        LOG.info("trust on first use: recorded new peer {} ({})", hi.hit().toHex(), hi.hit().toIpv6());
        return Optional.of(peer);
    }

    /**
     * Appends a peer to the {@code peers} file (atomic rewrite; comments and order kept).
     *
     * @throws IllegalArgumentException on an invalid name or key, or a name or key already in the file
     * @throws IOException if the file cannot be read, parsed or written; it is then unchanged
     */
    synchronized TrustedPeer addPeer(String name, HostIdentity hi) throws IOException {
        TrustedPeer peer = new TrustedPeer(PeerList.checkName(name), hi);
        PeerList.checkKey(hi);
        byte[] current = SecureFiles.readIfExists(peersFile, PeerList.MAX_FILE_SIZE);
        List<TrustedPeer> list = new ArrayList<>(current == null ? List.of() : PeerList.parseFile(current, peersFile));
        list.add(peer);
        PeerList.checkUnique(list);
        String text = current == null ? PEERS_HEADER : new String(current, java.nio.charset.StandardCharsets.US_ASCII);
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        writePeersFile((text + sep + PeerList.line(peer) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return peer;
    }

    /**
     * Removes the peer with this name from the {@code peers} file (the other lines are rewritten canonically).
     *
     * @return true if it was there
     */
    synchronized boolean removePeer(String name) throws IOException {
        String n = PeerList.checkName(name);
        byte[] current = SecureFiles.readIfExists(peersFile, PeerList.MAX_FILE_SIZE);
        if (current == null || n.isEmpty()) {
            return false;
        }
        List<TrustedPeer> list = new ArrayList<>(PeerList.parseFile(current, peersFile));
        if (!list.removeIf(p -> p.name().equals(n))) {
            return false;
        }
        writePeersFile(PeerList.format(PEERS_HEADER, list));
        return true;
    }

    private void writePeersFile(byte[] content) throws IOException {
        SecureFiles.writeAtomically(peersFile, content, SecureFiles.OWNER_ONLY);
        peersStamp = stamp(peersFile);
        filePeers = List.copyOf(PeerList.parseFile(content, peersFile));
    }

    /** Re-reads {@code peers} if its size or modification time changed; a broken file trusts nobody (fail closed). */
    private void reloadIfChanged() {
        Object now = stamp(peersFile);
        if (Objects.equals(now, peersStamp)) {
            return;
        }
        peersStamp = now;
        try {
            filePeers = readPeers(peersFile);
            LOG.info("reloaded {}: {} peers", peersFile, filePeers.size());
        } catch (IdentityException e) {
            filePeers = List.of();
            LOG.error("{}; no peer of that file is trusted until it is fixed", e.getMessage());
        }
    }

    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return e.toString();
        }
    }
}
