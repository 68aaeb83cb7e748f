package org.sslskura.kura.internal;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Makes the ssls core components configurable in Kura without any Kura import in the core bundles (they also run on
 * plain OSGi and Karaf). Kura's ConfigurationService lists a PID only if a service that is a
 * {@link ConfigurableComponent} carries {@code service.pid=<PID>} (a String) and the {@code kura.service.pid} it seeds
 * into the configuration. Each class below is such a service for one core PID, with no behaviour: its configuration
 * PID is the core PID and its policy is REQUIRE, so it is registered once the configuration exists (Kura seeds it from
 * the metatype defaults) and carries the configuration's {@code service.pid}. It declares no {@code service.pid}
 * property of its own: SCR would merge the two into an array, which Kura's tracker cannot read. Kura reads the metatype from the core bundle ({@code OSGI-INF/metatype/<PID>.xml}, found
 * through the MetaType service) and writes changes through ConfigAdmin, which reaches the core component.
 * docs/KURA.md explains the choice; a test checks the PIDs against the core components' constants.
 */
public final class ConfigurableComponents {
    static final String IDENTITY_STORE = "org.sslskura.identity.IdentityStore";
    static final String MQTT_LINK = "org.sslskura.mqtt.MqttLink";
    static final String KEY_EXCHANGE = "org.sslskura.keyexchange.KeyExchange";
    static final String ENVELOPE = "org.sslskura.envelope.Envelope";
    static final String SECURE_MESSAGING = "org.sslskura.transport.SecureMessaging";

    private ConfigurableComponents() {
    }

    /** {@value ConfigurableComponents#IDENTITY_STORE} in Kura's configuration UI. */
    @Component(name = "org.sslskura.kura.configurable.IdentityStore", configurationPid = IDENTITY_STORE,
            configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
            service = ConfigurableComponent.class)
    public static final class IdentityStore implements ConfigurableComponent {
    }

    /** {@value ConfigurableComponents#MQTT_LINK} in Kura's configuration UI. */
    @Component(name = "org.sslskura.kura.configurable.MqttLink", configurationPid = MQTT_LINK,
            configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
            service = ConfigurableComponent.class)
    public static final class MqttLink implements ConfigurableComponent {
    }

    /** {@value ConfigurableComponents#KEY_EXCHANGE} in Kura's configuration UI. */
    @Component(name = "org.sslskura.kura.configurable.KeyExchange", configurationPid = KEY_EXCHANGE,
            configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
            service = ConfigurableComponent.class)
    public static final class KeyExchange implements ConfigurableComponent {
    }

    /** {@value ConfigurableComponents#ENVELOPE} in Kura's configuration UI. */
    @Component(name = "org.sslskura.kura.configurable.Envelope", configurationPid = ENVELOPE,
            configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
            service = ConfigurableComponent.class)
    public static final class Envelope implements ConfigurableComponent {
    }

    /** {@value ConfigurableComponents#SECURE_MESSAGING} in Kura's configuration UI. */
    @Component(name = "org.sslskura.kura.configurable.SecureMessaging", configurationPid = SECURE_MESSAGING,
            configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
            service = ConfigurableComponent.class)
    public static final class SecureMessaging implements ConfigurableComponent {
    }
}
