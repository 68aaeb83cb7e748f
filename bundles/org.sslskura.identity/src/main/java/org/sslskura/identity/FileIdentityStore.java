package org.sslskura.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

/**
 * An {@link IdentityStore} kept in one directory, usable without OSGi (the CLI uses it directly):
 * <ul>
 * <li>{@code identity.key}: our private key (mode 0600, format in {@link KeyFile}); generated on the first
 * {@link #open} if absent, never replaced silently: an unreadable or invalid file makes {@link #open} fail, and so
 * does a missing one where an identity existed before ({@link LostIdentityCheck});</li>
 * <li>{@code identity.pub}: curve, public key and HIT, rewritten from the private key at every open (never read);</li>
 * <li>{@code peers}, {@code learned-peers}: trusted peers (format in {@link PeerList});</li>
 * <li>{@code archive/identity-<UTC time>.key}: keys replaced by {@link #rotate()}, never deleted.</li>
 * </ul>
 * The private key never leaves this object: it offers {@link #agree} and wipes the key on {@link #close()} and on
 * rotation. Thread-safe. One process at a time should own a directory (there is no inter-process lock).
 */
public final class FileIdentityStore implements IdentityStore, AutoCloseable {
    /** The private key file. */
    public static final String KEY_FILE = "identity.key";
    /** The public, informational file. */
    public static final String PUBLIC_FILE = "identity.pub";
    /** The trusted peers file. */
    public static final String PEERS_FILE = PeerTrust.PEERS_FILE;
    /** The trust-on-first-use record. */
    public static final String LEARNED_PEERS_FILE = PeerTrust.LEARNED_FILE;
    /** Where rotated keys go. */
    public static final String ARCHIVE_DIR = "archive";

    private static final Logger LOG = LoggerFactory.getLogger(FileIdentityStore.class);
    private static final DateTimeFormatter ARCHIVE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final EcdhCurve curveForNewKeys;
    private final SecureRandom random;
    private final Clock clock;
    private final PeerTrust trust;
    private final ReadWriteLock keyLock = new ReentrantReadWriteLock();
    private LocalKey key; // guarded by keyLock; null once closed

    private FileIdentityStore(Path directory, EcdhCurve curveForNewKeys, SecureRandom random, Clock clock,
            PeerTrust trust) {
        this.directory = directory;
        this.curveForNewKeys = curveForNewKeys;
        this.random = random;
        this.clock = clock;
        this.trust = trust;
    }

    /**
     * Opens the identity in {@code directory}, creating the directory (0700) and a key pair if there is none.
     *
     * @param directory the identity directory
     * @param curveForNewKeys the curve of a generated key (first open, {@link #rotate()}); an existing key keeps its own
     * @param policy the trust policy
     * @param configuredPeers peers trusted by configuration, in addition to the {@code peers} file
     * @param random the source of new private keys
     * @return the open store
     * @throws IdentityException if a file exists but cannot be read or parsed, or the directory or a new key cannot be
     *         written; no file is modified then
     * @throws IllegalArgumentException if {@code configuredPeers} repeats a name or a key or holds an invalid key
     */
    public static FileIdentityStore open(Path directory, EcdhCurve curveForNewKeys, TrustPolicy policy,
            List<TrustedPeer> configuredPeers, SecureRandom random) throws IdentityException {
        return open(directory, curveForNewKeys, policy, configuredPeers, random, List.of(), Clock.systemUTC());
    }

    /**
     * As {@link #open(Path, EcdhCurve, TrustPolicy, List, SecureRandom)}, and a key is generated only if none of
     * {@code dependentState} (e.g. the outbound queue made under this identity) holds anything.
     *
     * @param dependentState files or directories whose content only makes sense with the existing identity
     * @throws IdentityException also if the key is missing while the directory or {@code dependentState} shows that
     *         one existed (see {@link LostIdentityCheck})
     */
    public static FileIdentityStore open(Path directory, EcdhCurve curveForNewKeys, TrustPolicy policy,
            List<TrustedPeer> configuredPeers, SecureRandom random, List<Path> dependentState)
            throws IdentityException {
        return open(directory, curveForNewKeys, policy, configuredPeers, random, dependentState, Clock.systemUTC());
    }

    static FileIdentityStore open(Path directory, EcdhCurve curveForNewKeys, TrustPolicy policy,
            List<TrustedPeer> configuredPeers, SecureRandom random, Clock clock) throws IdentityException {
        return open(directory, curveForNewKeys, policy, configuredPeers, random, List.of(), clock);
    }

    private static FileIdentityStore open(Path directory, EcdhCurve curveForNewKeys, TrustPolicy policy,
            List<TrustedPeer> configuredPeers, SecureRandom random, List<Path> dependentState, Clock clock)
            throws IdentityException {
        Objects.requireNonNull(curveForNewKeys, "curveForNewKeys");
        Objects.requireNonNull(random, "random");
        Path dir = directory.toAbsolutePath().normalize();
        SecureFiles.ensureDirectory(dir);
        PeerTrust trust = PeerTrust.load(dir, policy, configuredPeers);
        FileIdentityStore store = new FileIdentityStore(dir, curveForNewKeys, random, clock, trust);
        store.key = store.loadOrGenerate(List.copyOf(dependentState));
        store.writePublicFile();
        if (store.key.curve() != curveForNewKeys) {
            LOG.info("identity in {} is {}, not {}: the existing key is kept; {} applies to the next rotation", dir,
                    store.key.curve(), curveForNewKeys, curveForNewKeys);
        }
        return store;
    }

    private LocalKey loadOrGenerate(List<Path> dependentState) throws IdentityException {
        Path file = directory.resolve(KEY_FILE);
        byte[] content = SecureFiles.readIfExists(file, KeyFile.MAX_SIZE);
        if (content != null) {
            try {
                SecureFiles.warnIfOpen(file, "private key file");
                LocalKey loaded = KeyFile.decode(content, file);
                LOG.info("loaded identity {} ({}) from {}", loaded.hostIdentity().hit().toHex(), loaded.curve(), file);
                return loaded;
            } finally {
                Bytes.wipe(content);
            }
        }
        LostIdentityCheck.requireNoTraces(directory, dependentState);
        LocalKey fresh = LocalKey.generate(curveForNewKeys, random);
        try {
            writeKeyFile(file, fresh);
        } catch (IOException e) {
            fresh.destroy();
            throw new IdentityException("cannot write the new identity key " + file + ": " + e, e);
        }
        LOG.info("generated new identity {} ({}) in {}", fresh.hostIdentity().hit().toHex(), fresh.curve(), file);
        return fresh;
    }

    private static void writeKeyFile(Path file, LocalKey k) throws IOException {
        byte[] content = k.encodeKeyFile();
        try {
            SecureFiles.writeAtomically(file, content, SecureFiles.OWNER_ONLY);
        } finally {
            Bytes.wipe(content);
        }
    }

    /** Rewrites {@code identity.pub} if it differs; a failure is only logged (the file is a convenience). */
    private void writePublicFile() {
        Path file = directory.resolve(PUBLIC_FILE);
        byte[] content = KeyFile.encodePublic(hostIdentity());
        try {
            byte[] old = SecureFiles.readIfExists(file, KeyFile.MAX_SIZE);
            if (!Arrays.equals(old, content)) {
                SecureFiles.writeAtomically(file, content, SecureFiles.PUBLIC);
            }
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", file, e.toString());
        }
    }

    // ---- identity ----

    @Override
    public HostIdentity hostIdentity() {
        keyLock.readLock().lock();
        try {
            return liveKey().hostIdentity();
        } finally {
            keyLock.readLock().unlock();
        }
    }

    @Override
    public Hit hit() {
        return hostIdentity().hit();
    }

    /** @return the curve of our current key */
    public EcdhCurve curve() {
        keyLock.readLock().lock();
        try {
            return liveKey().curve();
        } finally {
            keyLock.readLock().unlock();
        }
    }

    /** @return the curve of keys generated by {@link #rotate()} */
    public EcdhCurve curveForNewKeys() {
        return curveForNewKeys;
    }

    /** @return the identity directory (absolute) */
    public Path directory() {
        return directory;
    }

    @Override
    public byte[] agree(HostIdentity peer) throws InvalidKeyException {
        Objects.requireNonNull(peer, "peer");
        keyLock.readLock().lock();
        try {
            return liveKey().agree(peer);
        } finally {
            keyLock.readLock().unlock();
        }
    }

    /**
     * Generates a new key pair on {@link #curveForNewKeys()}, archives the current key under
     * {@code archive/identity-<UTC time>.key} (0600, never deleted), then atomically installs the new key.
     *
     * @throws IOException if the archive or the new key cannot be written; the current identity then stays in force
     */
    @Override
    public HostIdentity rotate() throws IOException {
        keyLock.writeLock().lock();
        try {
            LocalKey old = liveKey();
            LocalKey fresh = LocalKey.generate(curveForNewKeys, random);
            try {
                Path archived = archive(old);
                writeKeyFile(directory.resolve(KEY_FILE), fresh);
                LOG.info("rotated identity {} -> {}; old key archived as {}", old.hostIdentity().hit().toHex(),
                        fresh.hostIdentity().hit().toHex(), archived);
            } catch (IOException | RuntimeException e) {
                fresh.destroy();
                LOG.error("identity rotation failed, {} stays in force: {}", old.hostIdentity().hit().toHex(),
                        e.toString());
                throw e;
            }
            key = fresh;
            old.destroy();
        } finally {
            keyLock.writeLock().unlock();
        }
        writePublicFile();
        return hostIdentity();
    }

    private Path archive(LocalKey old) throws IOException {
        Path dir = directory.resolve(ARCHIVE_DIR);
        SecureFiles.ensureDirectory(dir);
        String stem = "identity-" + ARCHIVE_TIME.format(clock.instant());
        Path target = dir.resolve(stem + ".key");
        for (int i = 1; Files.exists(target); i++) {
            target = dir.resolve(stem + "-" + i + ".key");
        }
        writeKeyFile(target, old);
        return target;
    }

    // ---- trust ----

    @Override
    public Optional<TrustedPeer> authorize(HostIdentity peer, Hit claimedHit) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(claimedHit, "claimedHit");
        return trust.authorize(peer, claimedHit, curve());
    }

    @Override
    public List<TrustedPeer> trustedPeers() {
        return trust.trusted();
    }

    @Override
    public TrustPolicy trustPolicy() {
        return trust.policy();
    }

    /** Changes the policy; takes effect for the next {@link #authorize} call. */
    public void setTrustPolicy(TrustPolicy policy) {
        TrustPolicy before = trust.policy();
        trust.setPolicy(policy);
        if (before != policy) {
            LOG.info("trust policy of {} is now {}", directory, policy);
        }
    }

    /**
     * Replaces the peers trusted by configuration.
     *
     * @throws IllegalArgumentException on a repeated name or key or an invalid key; the previous list stays
     */
    public void setConfiguredPeers(List<TrustedPeer> peers) {
        trust.setConfiguredPeers(peers);
    }

    /** @return the peers of the {@code peers} file */
    public List<TrustedPeer> filePeers() {
        return trust.filePeers();
    }

    /** @return the peers trusted by configuration */
    public List<TrustedPeer> configuredPeers() {
        return trust.configuredPeers();
    }

    /** @return the peers recorded by trust-on-first-use (trusted only under that policy) */
    public List<TrustedPeer> learnedPeers() {
        return trust.learnedPeers();
    }

    /**
     * Adds a peer to the {@code peers} file (for {@code ssls peers add}).
     *
     * @param name 1 to 64 of {@code A-Z a-z 0-9 . _ @ : + -}, or "" for none
     * @return the peer as recorded
     * @throws IllegalArgumentException on an invalid name or key, or a name or key already in the file
     * @throws IOException if the file cannot be read, parsed or written; it is then unchanged
     */
    public TrustedPeer addPeer(String name, HostIdentity peer) throws IOException {
        TrustedPeer added = trust.addPeer(name, peer);
        LOG.info("added trusted peer {} to {}", added, directory.resolve(PEERS_FILE));
        return added;
    }

    /**
     * Removes the named peer from the {@code peers} file (for {@code ssls peers remove}).
     *
     * @return true if it was listed
     */
    public boolean removePeer(String name) throws IOException {
        return trust.removePeer(name);
    }

    /**
     * Parses a {@code trusted.peers} configuration entry.
     *
     * @param entry {@code name=hex} or {@code hex}; a 32-byte key is X25519, a 56-byte key X448
     * @throws IllegalArgumentException if malformed or the key is invalid (e.g. small order)
     */
    public static TrustedPeer parsePeerEntry(String entry) {
        return PeerList.parseConfigEntry(entry);
    }

    // ---- lifecycle ----

    /** Wipes the private key; every later identity operation throws {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        keyLock.writeLock().lock();
        try {
            if (key != null) {
                key.destroy();
                key = null;
            }
        } finally {
            keyLock.writeLock().unlock();
        }
    }

    private LocalKey liveKey() {
        if (key == null) {
            throw new IllegalStateException("the identity store of " + directory + " is closed");
        }
        return key;
    }

    @Override
    public String toString() {
        return "FileIdentityStore[" + directory + "]";
    }
}
