package org.sslskura.transport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.sslskura.api.MessageLink;

/** Configuration of {@link SecureMessagingComponent}; OCD id = component PID (Kura: OSGI-INF/metatype/<pid>.xml). */
@ObjectClassDefinition(id = SecureMessagingComponent.PID, name = "SSLS Secure Messaging",
        description = "End-to-end secured messages to the collectors: offline queue, retransmission, fragmentation.")
@interface SecureMessagingConfig {

    @AttributeDefinition(name = "Topic prefix",
            description = "MQTT topic prefix; SSE PDUs travel on <prefix>/<HIT>/sse. Changing it needs a restart.")
    String topic_prefix() default "ssls/v1";

    @AttributeDefinition(name = "Message link", description = MessageLink.TARGET_DESCRIPTION)
    String MessageLink_target() default MessageLink.TARGET_DEFAULT;

    @AttributeDefinition(name = "Collectors", required = false, cardinality = 20,
            description = "Peers that receive what applications publish: a trusted peer's name or its HIT (32 hex"
                    + " digits). Their public keys must be trusted peers of the identity store.")
    String[] collectors() default {};

    @AttributeDefinition(name = "Queue directory", required = false,
            description = "Directory of the persistent offline queue (the delivered-ids journal goes beside it, name"
                    + " + '-delivered'). Empty: the folder queue of the ssls state directory (on Kura: <Kura data"
                    + " directory>/ssls/queue).")
    String queue_directory() default "";

    @AttributeDefinition(name = "Queue size (messages)", min = "1", max = "1000000",
            description = "Messages kept until acknowledged; when full, sending fails.")
    int queue_max_messages() default 10000;

    @AttributeDefinition(name = "Queue size (bytes)", min = "4096",
            description = "Bytes of topics and payloads kept until acknowledged.")
    long queue_max_bytes() default 16L << 20;

    @AttributeDefinition(name = "Force each message to disk",
            description = "true: a message accepted by send is on the disk before send returns (survives a power"
                    + " failure). false: it is handed to the operating system (survives a crash of Kura, not a power"
                    + " failure) and sending is no longer limited by the disk's sync rate.")
    boolean queue_sync() default true;

    @AttributeDefinition(name = "Retransmission timeout (ms)", min = "10",
            description = "Smallest retransmission timeout of an unacknowledged PDU (the measured round trip raises"
                    + " it); doubled per retransmission.")
    int retransmit_ms() default 1000;

    @AttributeDefinition(name = "PDU retransmissions", min = "0", max = "20",
            description = "Retransmissions of one PDU before the message is sent again as new PDUs.")
    int pdu_tries() default 5;

    @AttributeDefinition(name = "Message time to live (s)", min = "1", max = "31536000",
            description = "How long a reliable message is tried before it is reported expired and dropped from the"
                    + " queue (default 7 days); it is never given up earlier.")
    int message_ttl() default 604800;

    @AttributeDefinition(name = "ACK bundling (ms)", min = "0", max = "1000",
            description = "How long acknowledgments are collected before an ACK PDU is sent.")
    int ack_delay_ms() default 50;

    @AttributeDefinition(name = "Largest message (bytes)", min = "1", max = "16777216",
            description = "Largest application message sent or accepted.")
    int max_message_bytes() default 1 << 20;

    @AttributeDefinition(name = "Send window", min = "1", max = "1000",
            description = "Sequence numbers unacknowledged PDUs may span; keep it below the peer's replay window.")
    int send_window() default 48;
}
