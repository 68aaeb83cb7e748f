package org.sslskura.kura.internal;

import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The secure subscriber factory Kura's Cloud Connections UI offers for raw MQTT connections; its carrier attribute chooses whether this raw MQTT connection carries the ssls packets.
 * Behaviour: {@link SecureSubscriber}.
 */
@Component(name = RawMqttSecureSubscriber.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {CloudSubscriber.class, ConfigurableComponent.class},
        property = {"service.pid=" + RawMqttSecureSubscriber.PID, KuraNames.CLOUD_CONNECTION_FACTORY_PID + "=" + KuraNames.RAW_MQTT_CONNECTION,
            KuraNames.HIDE_SERVICE, KuraNames.HIDE_FACTORY, "kura.ui.csf.pid.default=ssls-subscriber", KuraNames.PID_REGEX})
@Designate(ocd = RawMqttSecureSubscriber.Config.class, factory = true)
public final class RawMqttSecureSubscriber extends SecureSubscriber {
    /** The factory PID (= component name = metatype OCD id). */
    public static final String PID = "org.sslskura.kura.RawMqttSecureSubscriber";

    @ObjectClassDefinition(id = PID, name = "SSLS Secure Subscriber (raw MQTT)",
            description = "Delivers the authenticated messages ssls peers send to this device as KuraMessages.")
    @interface Config {
        @AttributeDefinition(name = Ads.FILTER_NAME, description = Ads.FILTER_DESC)
        String app_topic_filter() default "#";

        @AttributeDefinition(name = Ads.SENDERS_NAME, description = Ads.SENDERS_DESC, required = false)
        String senders() default "";

        @AttributeDefinition(name = Ads.CARRIER_NAME, description = Ads.CARRIER_DESC, options = {
            @Option(label = "cloud-endpoint (this raw MQTT connection)", value = KuraNames.CARRIER_CLOUD_ENDPOINT),
            @Option(label = "own-link (the ssls MQTT link)", value = KuraNames.CARRIER_OWN_LINK)})
        String carrier() default KuraNames.CARRIER_CLOUD_ENDPOINT;
    }
}
