package org.sslskura.kura.internal;

import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The secure publisher factory Kura's Cloud Connections UI offers for CloudService connections; CloudService connections cannot carry ssls packets (Kura encodes the payload), so the ssls stack uses its own link.
 * Behaviour: {@link SecurePublisher}.
 */
@Component(name = CloudServiceSecurePublisher.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {CloudPublisher.class, ConfigurableComponent.class},
        property = {"service.pid=" + CloudServiceSecurePublisher.PID, KuraNames.CLOUD_CONNECTION_FACTORY_PID + "=" + KuraNames.CLOUD_SERVICE_CONNECTION,
            KuraNames.HIDE_SERVICE, KuraNames.HIDE_FACTORY, "kura.ui.csf.pid.default=ssls-publisher", KuraNames.PID_REGEX})
@Designate(ocd = CloudServiceSecurePublisher.Config.class, factory = true)
public final class CloudServiceSecurePublisher extends SecurePublisher {
    /** The factory PID (= component name = metatype OCD id). */
    public static final String PID = "org.sslskura.kura.CloudServiceSecurePublisher";

    @ObjectClassDefinition(id = PID, name = "SSLS Secure Publisher (CloudService)",
            description = "Publishes KuraMessages end-to-end secured (HIP DEX + SSE) to ssls collectors.")
    @interface Config {
        @AttributeDefinition(name = Ads.COLLECTORS_NAME, description = Ads.COLLECTORS_DESC, required = false)
        String collectors() default "";

        @AttributeDefinition(name = Ads.APP_TOPIC_NAME, description = Ads.APP_TOPIC_DESC)
        String app_topic() default Ads.APP_TOPIC_DEFAULT;

        @AttributeDefinition(name = Ads.DELIVERY_NAME, description = Ads.DELIVERY_DESC, options = {
            @Option(label = "reliable (end-to-end acknowledged)", value = KuraNames.DELIVERY_RELIABLE),
            @Option(label = "fire-and-forget", value = KuraNames.DELIVERY_FIRE_AND_FORGET)})
        String delivery() default KuraNames.DELIVERY_RELIABLE;
    }
}
