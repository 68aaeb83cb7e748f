package org.sslskura.kura.example;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.message.KuraPayload;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ordinary Kura application, the way Kura's examples are written: a configurable component with a 0..1 dynamic
 * greedy {@link CloudPublisher} reference that its {@code CloudPublisher.target} attribute selects. Pointed at an
 * SSLS Secure Publisher instance, its readings travel end-to-end encrypted; it needs no ssls API at all.
 */
@Component(name = SensorPublisher.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = SensorPublisherConfig.class)
public final class SensorPublisher implements ConfigurableComponent, CloudDeliveryListener {
    /** The component name, configuration PID and metatype OCD id. */
    public static final String PID = "org.sslskura.kura.example.SensorPublisher";
    private static final Logger LOG = LoggerFactory.getLogger(SensorPublisher.class);

    private final Random random = new Random();
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> task;
    private volatile CloudPublisher publisher;
    private volatile SensorPublisherConfig config;
    private long sequence;

    @Reference(name = "CloudPublisher", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setCloudPublisher(CloudPublisher cloudPublisher) {
        this.publisher = cloudPublisher;
        cloudPublisher.registerCloudDeliveryListener(this);
    }

    void unsetCloudPublisher(CloudPublisher cloudPublisher) {
        cloudPublisher.unregisterCloudDeliveryListener(this);
        if (this.publisher == cloudPublisher) {
            this.publisher = null;
        }
    }

    @Activate
    void activate(SensorPublisherConfig configuration) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ssls-example-sensor");
            t.setDaemon(true);
            return t;
        });
        modified(configuration);
    }

    @Modified
    synchronized void modified(SensorPublisherConfig configuration) {
        this.config = configuration;
        if (task != null) {
            task.cancel(false);
        }
        long interval = Math.max(1, configuration.publish_interval_seconds());
        task = timer.scheduleAtFixedRate(this::publishReading, interval, interval, TimeUnit.SECONDS);
        LOG.info("{}: sensor '{}' every {} s through {}", PID, configuration.sensor_name(), interval,
                configuration.CloudPublisher_target());
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** Publishes one simulated reading if a CloudPublisher is bound. */
    void publishReading() {
        CloudPublisher p = publisher;
        SensorPublisherConfig c = config;
        if (p == null || c == null) {
            LOG.debug("{}: no CloudPublisher bound", PID);
            return;
        }
        KuraMessage message = reading(c, ++sequence, 20 + random.nextGaussian(), 45 + 5 * random.nextGaussian());
        try {
            String id = p.publish(message);
            LOG.debug("{}: reading {} published as {}", PID, sequence, id);
        } catch (KuraException | RuntimeException e) {
            LOG.warn("{}: reading {} not published: {}", PID, sequence, e.getMessage());
        }
    }

    /** @return the KuraMessage of one reading (metrics, or the same as a JSON body), with property assetName */
    static KuraMessage reading(SensorPublisherConfig c, long sequence, double temperature, double humidity) {
        KuraPayload payload = new KuraPayload();
        payload.setTimestamp(new Date());
        if ("body".equals(c.payload())) {
            String json = String.format(java.util.Locale.ROOT,
                    "{\"sensor\":\"%s\",\"sequence\":%d,\"temperature\":%.2f,\"humidity\":%.2f}",
                    c.sensor_name().replace("\"", "'"), sequence, temperature, humidity);
            payload.setBody(json.getBytes(StandardCharsets.UTF_8));
        } else {
            payload.addMetric("sensor", c.sensor_name());
            payload.addMetric("sequence", sequence);
            payload.addMetric("temperature", temperature);
            payload.addMetric("humidity", humidity);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("assetName", c.sensor_name());
        return new KuraMessage(payload, properties);
    }

    @Override
    public void onMessageConfirmed(String messageId) {
        LOG.info("{}: reading {} acknowledged end to end", PID, messageId);
    }
}
