package org.sslskura.keyexchange;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.KeyExchange;
import org.sslskura.api.KeyExchangeListener;
import org.sslskura.api.MessageLink;
import org.sslskura.api.SecureSession;
import org.sslskura.wire.hip.Hit;

/**
 * The {@link KeyExchange} service: a DS shell around {@link DexService}, bound to the {@link IdentityStore} and the
 * {@link MessageLink}. An invalid configuration is refused with a log line and the last good one stays in force;
 * established associations survive configuration changes.
 */
@Designate(ocd = KeyExchangeConfig.class)
@Component(name = KeyExchangeComponent.PID, configurationPid = KeyExchangeComponent.PID,
        service = KeyExchange.class, immediate = true)
public final class KeyExchangeComponent implements KeyExchange {
    /** The component name, configuration PID and metatype OCD id. */
    public static final String PID = "org.sslskura.keyexchange.KeyExchange";
    private static final Logger LOG = LoggerFactory.getLogger(KeyExchangeComponent.class);

    private final IdentityStore identity;
    private final MessageLink link;
    private final DexService service;
    private KeyExchangeOptions active;
    /** Configurations refused by {@link #modified}, so that an operator (and a test) can see a refusal happened. */
    private final AtomicLong refusedConfigurations = new AtomicLong();

    /**
     * @throws IllegalArgumentException on an invalid configuration (the component does not start)
     */
    @Activate
    public KeyExchangeComponent(@Reference(name = "IdentityStore") IdentityStore identity,
                                @Reference(name = "MessageLink") MessageLink link,
                                KeyExchangeConfig config) {
        this.identity = identity;
        this.link = link;
        try {
            this.active = KeyExchangeOptions.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{} not started: {}", PID, e.getMessage());
            throw e;
        }
        this.service = new DexService(identity, link, active.dex, active.prefix, Clock.systemUTC(), new SecureRandom());
        service.start();
    }

    /** Applies a new configuration to future exchanges, or refuses it and keeps the last good one. */
    @Modified
    void modified(KeyExchangeConfig config) {
        KeyExchangeOptions next;
        try {
            next = KeyExchangeOptions.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: configuration refused ({}); the previous configuration stays in force", PID, e.getMessage());
            refusedConfigurations.incrementAndGet();
            return;
        }
        if (!next.prefix.equals(active.prefix)) {
            LOG.warn("{}: topic prefix '{}' takes effect when the component restarts; '{}' stays in use", PID,
                    next.prefix, active.prefix);
        }
        service.reconfigure(next.dex);
        active = next;
        LOG.info("{} modified", PID);
    }

    /** Closes the service and wipes every key. */
    @Deactivate
    void deactivate() {
        service.close();
    }

    @Override
    public CompletionStage<SecureSession> connect(Hit peer) {
        return service.connect(peer);
    }

    @Override
    public Optional<SecureSession> session(Hit peer) {
        return service.session(peer);
    }

    @Override
    public CompletionStage<SecureSession> reestablish(Hit peer) {
        return service.reestablish(peer);
    }

    @Override
    public CompletionStage<SecureSession> rekey(Hit peer) {
        return service.rekey(peer);
    }

    @Override
    public CompletionStage<Void> close(Hit peer) {
        return service.close(peer);
    }

    @Override
    public void trafficSeen(Hit peer) {
        service.trafficSeen(peer);
    }

    @Override
    public void addListener(KeyExchangeListener listener) {
        service.addListener(listener);
    }

    @Override
    public void removeListener(KeyExchangeListener listener) {
        service.removeListener(listener);
    }

    /** @return the key exchange's counters plus {@code configuration.refused} */
    @Override
    public Map<String, Long> counters() {
        Map<String, Long> all = new LinkedHashMap<>(service.counters());
        all.put("configuration.refused", refusedConfigurations.get());
        return all;
    }
}
