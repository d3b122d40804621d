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

    // The defaults and bounds below are the one source for the command line's options, the API's schema and training.
    public static final int DEFAULT_RANK = 100;
    public static final int MAX_RANK = 4096;
    public static final int DEFAULT_EPOCHS = 60;
    public static final int MAX_EPOCHS = 10_000;
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int MAX_BATCH_SIZE = 100_000;
    public static final float DEFAULT_LEARNING_RATE = 0.1f;
    public static final float MAX_LEARNING_RATE = 10f;
    public static final float DEFAULT_N3_WEIGHT = 0.01f;
    public static final float MAX_N3_WEIGHT = 10f;
    public static final float DEFAULT_INIT_SCALE = 0.001f;
    public static final boolean DEFAULT_RECIPROCAL = true;
    public static final int DEFAULT_PATIENCE = 3;
    public static final int DEFAULT_VALIDATE_EVERY = 5;
    public static final long DEFAULT_SEED = 42L;

    public TrainingSettings {
        require(rank >= 1 && rank <= MAX_RANK, "rank must be 1.." + MAX_RANK);
        require(epochs >= 1 && epochs <= MAX_EPOCHS, "epochs must be 1.." + MAX_EPOCHS);
        require(batchSize >= 1 && batchSize <= MAX_BATCH_SIZE, "batchSize must be 1.." + MAX_BATCH_SIZE);
        require(learningRate > 0 && learningRate <= MAX_LEARNING_RATE, "learningRate must be in (0, 10]");
        require(n3Weight >= 0 && n3Weight <= MAX_N3_WEIGHT, "n3Weight must be in [0, 10]");
        require(initScale > 0 && initScale <= 1, "initScale must be in (0, 1]");
        require(patience >= 1, "patience must be at least 1");
        require(validateEvery >= 1, "validateEvery must be at least 1");
    }

    /** The reference recipe on small graphs: rank 100, Adagrad 0.1, batch 100, N3 0.01, init 1e-3. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(DEFAULT_RANK, DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE,
                DEFAULT_N3_WEIGHT, DEFAULT_INIT_SCALE, DEFAULT_RECIPROCAL, DEFAULT_PATIENCE, DEFAULT_VALIDATE_EVERY,
                DEFAULT_SEED);
    }

    /** These settings with another rank. */
    public TrainingSettings withRank(int otherRank) {
        return new TrainingSettings(otherRank, epochs, batchSize, learningRate, n3Weight, initScale, reciprocal, patience,
                validateEvery, seed);
    }

    /** These settings with another number of epochs. */
    public TrainingSettings withEpochs(int otherEpochs) {
        return new TrainingSettings(rank, otherEpochs, batchSize, learningRate, n3Weight, initScale, reciprocal, patience,
                validateEvery, seed);
    }

    /** These settings with another seed. */
    public TrainingSettings withSeed(long otherSeed) {
        return new TrainingSettings(rank, epochs, batchSize, learningRate, n3Weight, initScale, reciprocal, patience,
                validateEvery, otherSeed);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
