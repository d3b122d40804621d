package io.relata;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether questions wait for the model in this JVM, so that background work sharing the cores (training between
 * batches, imports between transactions) steps aside for them: a question answered a few milliseconds sooner is worth
 * more than a batch started sooner. One per JVM, like the cores it shares out.
 */
public final class WaitingQuestions {

    private static final AtomicInteger PENDING = new AtomicInteger();

    private WaitingQuestions() {}

    /** A question joined the model's queue. */
    public static void queued() {
        PENDING.incrementAndGet();
    }

    /** Questions left the model's queue, answered or failed. */
    public static void done(int questions) {
        PENDING.addAndGet(-questions);
    }

    /** Waits while questions wait for the model, at most {@code maxMillis}; returns how long it waited, in ms. */
    public static long awaitQuiet(long maxMillis) {
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
