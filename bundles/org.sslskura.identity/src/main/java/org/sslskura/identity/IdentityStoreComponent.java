package org.sslskura.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.StateDirectory;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

/**
 * The {@link IdentityStore} service: a thin DS shell around {@link FileIdentityStore}. Activation fails (the service
 * is not registered) if the configuration is invalid or the identity files cannot be used. {@link Modified} applies
 * the trust policy and the configured peers live; a new directory or curve is only logged, because an identity is
 * never replaced implicitly.
 */
@Designate(ocd = IdentityStoreConfig.class)
@Component(name = IdentityStoreComponent.PID, configurationPid = IdentityStoreComponent.PID,
        service = IdentityStore.class, immediate = true)
public final class IdentityStoreComponent implements IdentityStore {
    /** The component name, configuration PID and metatype OCD id. */
    public static final String PID = "org.sslskura.identity.IdentityStore";
    /** The folder of the state directory used when {@code identity.directory} is empty. */
    static final String STATE_FOLDER = "identity";
    /**
     * State of other components (the outbound queue, the delivered-ids journal) in the state directory that only makes
     * sense with the existing identity.
     */
    static final List<String> DEPENDENT_STATE = List.of("queue", "queue-delivered");

    private static final Logger LOG = LoggerFactory.getLogger(IdentityStoreComponent.class);

    private volatile FileIdentityStore store;
    private IdentityStoreOptions active;
    private StateDirectory state;

    /** The state directory (which outlives clean framework starts): waited for, because it holds the key. */
    @Reference(name = "StateDirectory")
    void setStateDirectory(StateDirectory directory) {
        this.state = directory;
    }

    /**
     * @param context the bundle context: its data area is where earlier versions kept the identity (may be null)
     * @param config the configuration
     * @throws IdentityException if the identity files cannot be used
     * @throws IllegalArgumentException on an invalid configuration value
     */
    @Activate
    void activate(BundleContext context, IdentityStoreConfig config) throws IdentityException {
        IdentityStoreOptions options;
        FileIdentityStore opened;
        try {
            options = IdentityStoreOptions.from(config);
            Path dir = options.directory() != null ? options.directory() : defaultDirectory(context);
            List<Path> dependent = new ArrayList<>();
            if (options.directory() == null) {
                DEPENDENT_STATE.forEach(name -> dependent.add(state.root().resolve(name)));
            }
            opened = FileIdentityStore.open(dir, options.curve(), options.policy(), options.peers(), new SecureRandom(),
                    dependent);
        } catch (IdentityException | IllegalArgumentException e) {
            LOG.error("{} not started: {}", PID, e.getMessage());
            throw e;
        }
        synchronized (this) {
            active = options;
            store = opened;
        }
        LOG.info("{} active: HIT {} ({}, {}), policy {}, {} trusted peers, directory {}", PID, opened.hit().toHex(),
                opened.hit().toIpv6(), opened.curve(), options.policy(), opened.trustedPeers().size(),
                opened.directory());
    }

    /** {@code <state directory>/identity}, taking over an identity an earlier version kept in the data area. */
    private Path defaultDirectory(BundleContext context) throws IdentityException {
        if (state == null) {
            throw new IllegalArgumentException("identity.directory is empty and there is no state directory; set"
                    + " identity.directory");
        }
        try {
            return state.entry(context, STATE_FOLDER);
        } catch (IOException e) {
            throw new IdentityException("cannot prepare the identity directory in " + state + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Applies the trust policy and the configured peers. An invalid configuration fails closed: no configured peer is
     * trusted and the policy becomes allowlist until a valid configuration arrives.
     *
     * @throws IllegalArgumentException on an invalid configuration value (after failing closed)
     */
    @Modified
    synchronized void modified(IdentityStoreConfig config) {
        FileIdentityStore s = liveStore();
        IdentityStoreOptions next;
        try {
            next = IdentityStoreOptions.from(config);
            s.setConfiguredPeers(next.peers());
        } catch (IllegalArgumentException e) {
            s.setConfiguredPeers(List.of());
            s.setTrustPolicy(TrustPolicy.ALLOWLIST);
            LOG.error("invalid configuration of {}: {}; until it is fixed only the peers file is trusted (allowlist)",
                    PID, e.getMessage());
            throw e;
        }
        s.setTrustPolicy(next.policy());
        if (!Objects.equals(next.directory(), active.directory())) {
            LOG.warn("identity.directory changed to '{}': it takes effect when the component restarts; identity {}"
                    + " in {} stays in force", next.directory() == null ? "" : next.directory(), s.hit().toHex(),
                    s.directory());
        }
        if (next.curve() != active.curve()) {
            LOG.warn("identity.curve changed to {}: identity {} ({}) stays in force; the new curve applies to keys"
                    + " generated after a restart", next.curve(), s.hit().toHex(), s.curve());
        }
        LOG.info("{} modified: policy {}, {} configured peers", PID, next.policy(), next.peers().size());
    }

    /** Wipes the private key. */
    @Deactivate
    synchronized void deactivate() {
        FileIdentityStore s = store;
        store = null;
        if (s != null) {
            s.close();
            LOG.info("{} stopped", PID);
        }
    }

    private FileIdentityStore liveStore() {
        FileIdentityStore s = store;
        if (s == null) {
            throw new IllegalStateException(PID + " is not active");
        }
        return s;
    }

    @Override
    public HostIdentity hostIdentity() {
        return liveStore().hostIdentity();
    }

    @Override
    public Hit hit() {
        return liveStore().hit();
    }

    @Override
    public byte[] agree(HostIdentity peer) throws InvalidKeyException {
        return liveStore().agree(peer);
    }

    @Override
    public Optional<TrustedPeer> authorize(HostIdentity peer, Hit claimedHit) {
        return liveStore().authorize(peer, claimedHit);
    }

    @Override
    public List<TrustedPeer> trustedPeers() {
        return liveStore().trustedPeers();
    }

    @Override
    public TrustPolicy trustPolicy() {
        return liveStore().trustPolicy();
    }

    @Override
    public HostIdentity rotate() throws IOException {
        return liveStore().rotate();
    }
}
