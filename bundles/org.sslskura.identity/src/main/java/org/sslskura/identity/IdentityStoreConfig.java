package org.sslskura.identity;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of {@link IdentityStoreComponent}. The OCD id is the component PID, as Kura requires
 * ({@code OSGI-INF/metatype/<pid>.xml}); attribute names map {@code _} to {@code .}; only String attributes.
 */
@ObjectClassDefinition(id = IdentityStoreComponent.PID, name = "SSLS Identity Store",
        description = "The device's SSLS identity: an X25519 or X448 key pair (the private key stays in the identity"
                + " directory, mode 0600), its HIT, and the peers allowed to run a key exchange with it.")
@interface IdentityStoreConfig {

    @AttributeDefinition(name = "Identity directory", required = false,
            description = "Absolute path of the directory holding identity.key, peers and learned-peers. Empty: the"
                    + " folder identity of the ssls state directory (on Kura: <Kura data directory>/ssls/identity)."
                    + " Changing it needs a restart of the component; it never replaces an identity.")
    String identity_directory() default "";

    @AttributeDefinition(name = "Curve for new keys",
            description = "Curve of a key generated when the directory has none (and at rotation). An existing key"
                    + " keeps its curve.",
            options = { @Option(label = "X25519", value = "X25519"), @Option(label = "X448", value = "X448") })
    String identity_curve() default "X25519";

    @AttributeDefinition(name = "Trust policy",
            description = "allowlist: only peers of the peers file and of 'Trusted peers'. trust-on-first-use: an"
                    + " unknown peer is accepted once and recorded in learned-peers.",
            options = { @Option(label = "Allowlist", value = "allowlist"),
                    @Option(label = "Trust on first use", value = "trust-on-first-use") })
    String trust_policy() default "allowlist";

    @AttributeDefinition(name = "Trusted peers", required = false, cardinality = 50,
            description = "Peers trusted in addition to the peers file, each 'name=hex' or 'hex': the peer's public"
                    + " key in hex, 32 bytes (X25519) or 56 bytes (X448).")
    String[] trusted_peers() default {};
}
