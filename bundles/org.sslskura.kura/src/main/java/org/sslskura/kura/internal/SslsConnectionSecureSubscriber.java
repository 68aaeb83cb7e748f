package org.sslskura.kura.internal;

import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The secure subscriber factory Kura's Cloud Connections UI offers for ssls connections ({@link SslsConnection}).
 * Behaviour: {@link SecureSubscriber}.
 */
@Component(name = SslsConnectionSecureSubscriber.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {CloudSubscriber.class, ConfigurableComponent.class},
        property = {"service.pid=" + SslsConnectionSecureSubscriber.PID, KuraNames.CLOUD_CONNECTION_FACTORY_PID + "=" + SslsConnection.PID,
            KuraNames.HIDE_SERVICE, KuraNames.HIDE_FACTORY, "kura.ui.csf.pid.default=ssls-subscriber", KuraNames.PID_REGEX})
@Designate(ocd = SslsConnectionSecureSubscriber.Config.class, factory = true)
public final class SslsConnectionSecureSubscriber extends SecureSubscriber {
    /** The factory PID (= component name = metatype OCD id). */
    public static final String PID = "org.sslskura.kura.SslsConnectionSecureSubscriber";

    @ObjectClassDefinition(id = PID, name = "SSLS Secure Subscriber",
            description = "Delivers the authenticated messages ssls peers send to this device as KuraMessages.")
    @interface Config {
        @AttributeDefinition(name = Ads.FILTER_NAME, description = Ads.FILTER_DESC)
        String app_topic_filter() default "#";

        @AttributeDefinition(name = Ads.SENDERS_NAME, description = Ads.SENDERS_DESC, required = false)
        String senders() default "";
    }
}
