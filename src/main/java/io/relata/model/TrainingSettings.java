package io.relata.model;

/**
 * How a relation model is trained: ComplEx embeddings of {@code rank} complex dimensions, Adagrad, N3 regularisation,
 * cross-entropy over all entities, and (when {@code reciprocal}) every fact learned a second time as the inverse query
 * through its reciprocal relation.
 *
 * @param rank complex dimensions per embedding
 * @param epochs most passes over the training facts
 * @param batchSize queries per optimisation step
 * @param learningRate Adagrad step size
 * @param n3Weight weight of the N3 regulariser (Lacroix et al. 2018)
 * @param initScale standard deviation of the initial embeddings
 * @param reciprocal learn (t, r⁻¹, h) beside (h, r, t): the bidirectional objective
 * @param patience stop after this many validations without a better validation MRR
 * @param validateEvery epochs between validations
 * @param seed makes training repeatable
 */
public record TrainingSettings(
        int rank, int epochs, int batchSize, float learningRate, float n3Weight, float initScale,
        boolean reciprocal, int patience, int validateEvery, long seed) {

    public TrainingSettings {
        require(rank >= 1 && rank <= 4096, "rank must be 1..4096");
        require(epochs >= 1 && epochs <= 10_000, "epochs must be 1..10000");
        require(batchSize >= 1 && batchSize <= 100_000, "batchSize must be 1..100000");
        require(learningRate > 0 && learningRate <= 10, "learningRate must be in (0, 10]");
        require(n3Weight >= 0 && n3Weight <= 10, "n3Weight must be in [0, 10]");
        require(initScale > 0 && initScale <= 1, "initScale must be in (0, 1]");
        require(patience >= 1, "patience must be at least 1");
        require(validateEvery >= 1, "validateEvery must be at least 1");
    }

    /** The reference recipe on small graphs: rank 100, Adagrad 0.1, batch 100, N3 0.01, init 1e-3. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(100, 60, 100, 0.1f, 0.01f, 1e-3f, true, 3, 5, 42L);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
