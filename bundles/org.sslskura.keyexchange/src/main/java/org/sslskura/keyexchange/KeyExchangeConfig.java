package org.sslskura.keyexchange;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.sslskura.api.MessageLink;

/**
 * Configuration of {@link KeyExchangeComponent}. OCD id = component PID (Kura: {@code OSGI-INF/metatype/<pid>.xml});
 * attribute names map {@code _} to {@code .}.
 */
@ObjectClassDefinition(id = KeyExchangeComponent.PID, name = "SSLS Key Exchange",
        description = "HIP DEX key management with the collectors and devices: offered envelope suites and formats,"
                + " session services, puzzle difficulty and timers.")
@interface KeyExchangeConfig {

    @AttributeDefinition(name = "Topic prefix",
            description = "MQTT topic prefix; HIP packets travel on <prefix>/<HIT>/hip. Changing it needs a restart.")
    String topic_prefix() default Topics.DEFAULT_PREFIX;

    @AttributeDefinition(name = "Message link", description = MessageLink.TARGET_DESCRIPTION)
    String MessageLink_target() default MessageLink.TARGET_DEFAULT;

    @AttributeDefinition(name = "Envelope suites",
            description = "Comma-separated, most preferred first (at most 6): AES-CCM-16, AES-CCM-8, AES-GCM-16,"
                    + " AES-GCM-8, CHACHA20-POLY1305, ASCON-AEAD128, AES-CMAC-96 (integrity only: also needs"
                    + " 'Allow integrity only').")
    String sse_suites() default "AES-CCM-16,AES-GCM-16,CHACHA20-POLY1305,ASCON-AEAD128,AES-CCM-8,AES-GCM-8";

    @AttributeDefinition(name = "Envelope formats",
            description = "Comma-separated, most preferred first: compact (8-byte header), large (16), extreme (20).")
    String sse_formats() default "compact,large,extreme";

    @AttributeDefinition(name = "Compression", description = "Offer or request DEFLATE compression of messages.")
    boolean compression() default true;

    @AttributeDefinition(name = "Maximum chunk size", min = "0", max = "65535",
            description = "Largest chunk of a message in bytes; 0 turns chunking off.")
    int chunk_size() default 1024;

    @AttributeDefinition(name = "Maximum fragment size", min = "0", max = "65535",
            description = "Largest MQTT payload of one fragment in bytes (0 = no fragmentation, else at least 48).")
    int fragment_size() default 0;

    @AttributeDefinition(name = "Puzzle difficulty", min = "0", max = "24",
            description = "#K of the responder's puzzle in normal operation (0 = a cookie only).")
    int puzzle_difficulty() default 0;

    @AttributeDefinition(name = "Puzzle difficulty under load", min = "0", max = "24",
            description = "#K while I1 packets arrive faster than the load threshold.")
    int puzzle_difficulty_under_load() default 10;

    @AttributeDefinition(name = "I1 load threshold", min = "1",
            description = "HIP packets per second (I1s, I2s, HIP_MAC failures count double) above which the puzzle"
                    + " difficulty is raised.")
    int i1_load_threshold() default 100;

    @AttributeDefinition(name = "Maximum puzzle difficulty solved", min = "0", max = "24",
            description = "Largest #K this host solves as Initiator; an R1 asking more is ignored. Solving takes"
                    + " about 2^#K AES-CMACs, on a thread of its own.")
    int initiator_max_puzzle_difficulty() default 16;

    @AttributeDefinition(name = "Initial retransmission timeout (ms)", min = "100",
            description = "Doubled at each retry, up to the maximum.")
    int rto_initial_ms() default 1000;

    @AttributeDefinition(name = "Maximum retransmission timeout (ms)", min = "100")
    int rto_max_ms() default 30000;

    @AttributeDefinition(name = "Retries", min = "0", max = "100",
            description = "Retransmissions of I1, I2, UPDATE and CLOSE before the exchange is given up.")
    int retries() default 5;

    @AttributeDefinition(name = "Idle close (minutes)", min = "0",
            description = "Close an association unused this long (0 = never).")
    int idle_close_minutes() default 15;

    @AttributeDefinition(name = "Allow integrity only",
            description = "Allow AES-CMAC-96, which leaves payloads in clear. Off unless you need it.")
    boolean allow_integrity_only() default false;

    @AttributeDefinition(name = "Allow opportunistic I1", description = "Answer I1 packets with a NULL receiver HIT.")
    boolean allow_opportunistic() default false;

}
