package org.sslskura.kura.internal;

import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The secure subscriber factory Kura's Cloud Connections UI offers for CloudService connections; CloudService connections cannot carry ssls packets (Kura encodes the payload), so the ssls stack uses its own link.
 * Behaviour: {@link SecureSubscriber}.
 */
@Component(name = CloudServiceSecureSubscriber.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {CloudSubscriber.class, ConfigurableComponent.class},
        property = {"service.pid=" + CloudServiceSecureSubscriber.PID, KuraNames.CLOUD_CONNECTION_FACTORY_PID + "=" + KuraNames.CLOUD_SERVICE_CONNECTION,
            KuraNames.HIDE_SERVICE, KuraNames.HIDE_FACTORY, "kura.ui.csf.pid.default=ssls-subscriber", KuraNames.PID_REGEX})
@Designate(ocd = CloudServiceSecureSubscriber.Config.class, factory = true)
public final class CloudServiceSecureSubscriber extends SecureSubscriber {
    /** The factory PID (= component name = metatype OCD id). */
    public static final String PID = "org.sslskura.kura.CloudServiceSecureSubscriber";

    @ObjectClassDefinition(id = PID, name = "SSLS Secure Subscriber (CloudService)",
            description = "Delivers the authenticated messages ssls peers send to this device as KuraMessages.")
    @interface Config {
        @AttributeDefinition(name = Ads.FILTER_NAME, description = Ads.FILTER_DESC)
        String app_topic_filter() default "#";

        @AttributeDefinition(name = Ads.SENDERS_NAME, description = Ads.SENDERS_DESC, required = false)
        String senders() default "";
    }
}
