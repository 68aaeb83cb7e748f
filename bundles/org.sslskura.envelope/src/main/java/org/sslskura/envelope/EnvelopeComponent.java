package org.sslskura.envelope;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.Envelope;
import org.sslskura.api.EnvelopeException;
import org.sslskura.api.KeyExchange;
import org.sslskura.api.OpenedPdu;
import org.sslskura.api.PduHeader;
import org.sslskura.api.SealedPdu;
import org.sslskura.api.SessionParameters;
import org.sslskura.wire.hip.Hit;

/**
 * The {@link Envelope} service: a DS shell around {@link SseEnvelope}, registered as listener of the
 * {@link KeyExchange} while active. An invalid configuration stops activation; on {@link Modified} it is refused with
 * a log line and the last good one stays in force. Sessions established before activation are not known to it.
 */
@Designate(ocd = EnvelopeConfig.class)
@Component(name = EnvelopeComponent.PID, configurationPid = EnvelopeComponent.PID,
        service = Envelope.class, immediate = true)
public final class EnvelopeComponent implements Envelope {
    /** The component name, configuration PID and metatype OCD id. */
    public static final String PID = "org.sslskura.envelope.Envelope";
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeComponent.class);

    private final KeyExchange keyExchange;
    private final SseEnvelope envelope;

    /**
     * @throws IllegalArgumentException on an invalid configuration (the component does not start)
     */
    @Activate
    public EnvelopeComponent(@Reference(name = "KeyExchange") KeyExchange keyExchange, EnvelopeConfig config) {
        this.keyExchange = keyExchange;
        EnvelopeOptions options;
        try {
            options = options(config, EnvelopeOptions.defaults());
        } catch (IllegalArgumentException e) {
            LOG.error("{} not started: {}", PID, e.getMessage());
            throw e;
        }
        this.envelope = new SseEnvelope(keyExchange, options);
        keyExchange.addListener(envelope);
        LOG.info("{} active: {}", PID, options);
    }

    /** @throws IllegalArgumentException naming the first invalid value */
    static EnvelopeOptions options(EnvelopeConfig c, EnvelopeOptions base) {
        if (c.retired_sa_grace_seconds() < 0 || c.retired_sa_grace_seconds() > 3600) {
            throw new IllegalArgumentException("retired.sa.grace.seconds " + c.retired_sa_grace_seconds()
                    + " outside 0..3600");
        }
        return base.toBuilder()
                .replayWindow(c.replay_window())
                .allowIntegrityOnly(c.allow_integrity_only())
                .retiredGrace(Duration.ofSeconds(c.retired_sa_grace_seconds()))
                .build();
    }

    /** Applies a new configuration, or refuses it and keeps the last good one. */
    @Modified
    void modified(EnvelopeConfig config) {
        EnvelopeOptions next;
        try {
            next = options(config, envelope.options());
        } catch (IllegalArgumentException e) {
            LOG.error("{}: configuration refused ({}); the previous configuration stays in force", PID, e.getMessage());
            return;
        }
        envelope.reconfigure(next);
        LOG.info("{} modified: {}", PID, next);
    }

    /** Stops listening to the key exchange and wipes every key. */
    @Deactivate
    void deactivate() {
        keyExchange.removeListener(envelope);
        envelope.close();
        LOG.info("{} stopped", PID);
    }

    /** @return the envelope behind the service (tests) */
    SseEnvelope envelope() {
        return envelope;
    }

    @Override
    public SealedPdu seal(Hit peer, int flags, byte[] payload, int generation) throws EnvelopeException {
        return envelope.seal(peer, flags, payload, generation);
    }

    @Override
    public OpenedPdu open(byte[] pdu) throws EnvelopeException {
        return envelope.open(pdu);
    }

    @Override
    public PduHeader peek(byte[] pdu) throws EnvelopeException {
        return envelope.peek(pdu);
    }

    @Override
    public Optional<SessionParameters> parameters(Hit peer) {
        return envelope.parameters(peer);
    }

    @Override
    public boolean hasGeneration(Hit peer, int generation) {
        return envelope.hasGeneration(peer, generation);
    }

    @Override
    public Map<String, Long> counters() {
        return envelope.counters();
    }
}
