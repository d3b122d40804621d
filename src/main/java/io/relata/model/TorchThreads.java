package io.relata.model;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Gives libtorch its intra-op thread budget before the engine starts: {@code relata.model.threads}, or by default half
 * the processors the JVM may use (at least one), so that the request threads keep the other half. With every core in
 * libtorch's OpenMP pool, a scoring pass waits at its barrier for a thread the scheduler gave to a request: that wait
 * is the tail of the latency. An explicit {@code ai.djl.pytorch.num_threads} or OMP_NUM_THREADS wins.
 */
public class TorchThreads implements EnvironmentPostProcessor, Ordered {

    static final String DJL_THREADS = "ai.djl.pytorch.num_threads";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(DJL_THREADS) != null || System.getenv("OMP_NUM_THREADS") != null) {
            return;
        }
        int configured = environment.getProperty("relata.model.threads", Integer.class, 0);
        System.setProperty(DJL_THREADS, Integer.toString(threads(configured, Runtime.getRuntime().availableProcessors())));
    }

    /** The threads to use: the configured number, or half the processors (at least one) when it is 0. */
    static int threads(int configured, int processors) {
        return configured > 0 ? configured : Math.max(1, processors / 2);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
