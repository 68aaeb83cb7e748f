package org.sslskura.kura.example;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of {@link SensorPublisher}; OCD id = PID (Kura reads OSGI-INF/metatype/<pid>.xml). */
@ObjectClassDefinition(id = SensorPublisher.PID, name = "SSLS Example Sensor Publisher",
        description = "Publishes simulated sensor readings through the selected CloudPublisher, for example an SSLS"
                + " Secure Publisher instance, which encrypts them end to end.")
@interface SensorPublisherConfig {

    @AttributeDefinition(name = "CloudPublisher Target Filter",
            description = "Selects the CloudPublisher: (kura.service.pid=<the publisher instance PID>).")
    String CloudPublisher_target() default "(kura.service.pid=changeme)";

    @AttributeDefinition(name = "Publish interval (s)", min = "1", description = "Seconds between two readings.")
    int publish_interval_seconds() default 10;

    @AttributeDefinition(name = "Sensor name", description = "Metric 'sensor' of every reading; also the"
            + " KuraMessage property assetName, so an application topic 'sensors/$assetName' ends in it.")
    String sensor_name() default "sensor-1";

    @AttributeDefinition(name = "Payload", description = "metrics: a KuraPayload with metrics (temperature,"
            + " humidity, sensor, sequence), which the secure publisher sends as JSON; body: the same as a JSON body.",
            options = {@org.osgi.service.metatype.annotations.Option(label = "metrics", value = "metrics"),
                @org.osgi.service.metatype.annotations.Option(label = "body", value = "body")})
    String payload() default "metrics";
}
