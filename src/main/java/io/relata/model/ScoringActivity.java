package io.relata.model;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether questions wait for the model in this JVM, so that training, which shares the cores, steps aside for them
 * between batches: a question answered a few milliseconds sooner is worth more than a training batch started sooner.
 * One per JVM, like the cores it shares out.
 */
final class ScoringActivity {

    private static final AtomicInteger PENDING = new AtomicInteger();

    private ScoringActivity() {}

    static void queued() {
        PENDING.incrementAndGet();
    }

    static void done(int jobs) {
        PENDING.addAndGet(-jobs);
    }

    /** Waits while questions wait for the model, at most {@code maxMillis}; returns how long it waited, in ms. */
    static long awaitQuiet(long maxMillis) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (PENDING.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
