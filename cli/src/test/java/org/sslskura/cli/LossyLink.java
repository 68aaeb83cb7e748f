package org.sslskura.cli;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.sslskura.api.MessageLink;

/**
 * A real link with seeded loss of SSE payloads in both directions: outgoing ones are "published" but never reach the
 * broker, incoming ones are dropped before the subscriber sees them. HIP packets pass untouched.
 */
final class LossyLink implements MessageLink {
    private final MessageLink inner;
    private final double lossRate;
    private final Random random;

    LossyLink(MessageLink inner, double lossRate, long seed) {
        this.inner = inner;
        this.lossRate = lossRate;
        this.random = new Random(seed);
    }

    private synchronized boolean lose(String topic) {
        return topic.endsWith("/sse") && random.nextDouble() < lossRate;
    }

    @Override
    public CompletionStage<Void> publish(String topic, byte[] payload) {
        return lose(topic) ? CompletableFuture.completedFuture(null) : inner.publish(topic, payload);
    }

    @Override
    public AutoCloseable subscribe(String topic, BiConsumer<String, byte[]> handler) {
        return inner.subscribe(topic, (t, p) -> {
            if (!lose(t)) {
                handler.accept(t, p);
            }
        });
    }

    @Override
    public boolean isConnected() {
        return inner.isConnected();
    }
}
