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
 * The secure publisher factory Kura's Cloud Connections UI offers for ssls connections ({@link SslsConnection}); the
 * connection chooses the carrier, so there is no carrier attribute here. Its default collectors are the connection's.
 * Behaviour: {@link SecurePublisher}.
 */
@Component(name = SslsConnectionSecurePublisher.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {CloudPublisher.class, ConfigurableComponent.class},
        property = {"service.pid=" + SslsConnectionSecurePublisher.PID, KuraNames.CLOUD_CONNECTION_FACTORY_PID + "=" + SslsConnection.PID,
            KuraNames.HIDE_SERVICE, KuraNames.HIDE_FACTORY, "kura.ui.csf.pid.default=ssls-publisher", KuraNames.PID_REGEX})
@Designate(ocd = SslsConnectionSecurePublisher.Config.class, factory = true)
public final class SslsConnectionSecurePublisher extends SecurePublisher {
    /** The factory PID (= component name = metatype OCD id). */
    public static final String PID = "org.sslskura.kura.SslsConnectionSecurePublisher";

    @ObjectClassDefinition(id = PID, name = "SSLS Secure Publisher",
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
