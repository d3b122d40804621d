/**
 * The model tier: the KServe Open Inference Protocol v2 endpoints a {@code relata.role=model} process serves, and the
 * client with which a {@code relata.role=api} process asks it (batching, timeouts, retries, circuit breaker). It knows
 * no SQL, and the API side no DJL types.
 */
package io.relata.tier;
