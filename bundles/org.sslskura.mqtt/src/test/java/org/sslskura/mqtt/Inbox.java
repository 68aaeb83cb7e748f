package org.sslskura.mqtt;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** A handler that records what it receives, for tests to wait on. */
public final class Inbox implements BiConsumer<String, byte[]> {

    /** One received message. */
    public static final class Message {
        public final String topic;
        public final byte[] payload;

        Message(String topic, byte[] payload) {
            this.topic = topic;
            this.payload = payload;
        }
    }

    private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();

    @Override
    public void accept(String topic, byte[] payload) {
        queue.add(new Message(topic, payload));
    }

    /** @return the next message, failing the test if none arrives within {@code seconds} */
    public Message next(long seconds) throws InterruptedException {
        Message m = queue.poll(seconds, TimeUnit.SECONDS);
        assertNotNull(m, "no message within " + seconds + " s");
        return m;
    }

    /** @return the next message within {@code millis}, or null */
    public Message poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** @return exactly {@code count} messages, failing the test if they do not all arrive within {@code seconds} */
    public List<Message> take(int count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Message> all = new ArrayList<>();
        while (all.size() < count) {
            Message m = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(m, "only " + all.size() + " of " + count + " messages within " + seconds + " s");
            all.add(m);
        }
        return all;
    }
}
