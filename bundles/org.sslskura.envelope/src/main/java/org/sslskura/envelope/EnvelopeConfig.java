package org.sslskura.envelope;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of {@link EnvelopeComponent}. OCD id = component PID (Kura: {@code OSGI-INF/metatype/<pid>.xml});
 * attribute names map {@code _} to {@code .}.
 */
@ObjectClassDefinition(id = EnvelopeComponent.PID, name = "SSLS Envelope",
        description = "The Session Security Envelope: replay protection, the integrity-only policy and how long the"
                + " keys of a rekeyed SA pair stay usable for late PDUs and acknowledgments.")
@interface EnvelopeConfig {

    @AttributeDefinition(name = "Replay window", min = "32", max = "4096",
            description = "Sequence numbers per inbound SA that may arrive out of order; older ones are dropped."
                    + " Applies to SAs installed after a change.")
    int replay_window() default EnvelopeOptions.DEFAULT_REPLAY_WINDOW;

    @AttributeDefinition(name = "Allow integrity only",
            description = "Install SA pairs with AES-CMAC-96, which leaves payloads in clear. Off unless you need it;"
                    + " the key exchange must allow it too.")
    boolean allow_integrity_only() default false;

    @AttributeDefinition(name = "Retired SA grace (s)", min = "0", max = "3600",
            description = "After a rekey, the previous SA pair still opens late PDUs and seals their acknowledgments"
                    + " for this long; then its keys are wiped.")
    int retired_sa_grace_seconds() default 60;
}
