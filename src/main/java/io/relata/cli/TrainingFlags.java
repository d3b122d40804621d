package io.relata.cli;

import io.relata.model.TrainingSettings;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The training options of {@code evaluate} and {@code train}; their defaults are {@link TrainingSettings}'s, the
 * same as the API's.
 */
final class TrainingFlags {

    /** The options that shape training, for telling whether any was given. */
    static final List<String> NAMES = List.of("--rank", "--epochs", "--batch-size", "--learning-rate", "--n3",
            "--init-scale", "--seed", "--patience", "--validate-every", "--no-reciprocal");

    @Option(names = "--rank", paramLabel = "N", defaultValue = "" + TrainingSettings.DEFAULT_RANK,
            description = "Complex dimensions per embedding, 1.." + TrainingSettings.MAX_RANK + " (default: ${DEFAULT-VALUE})")
    int rank;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + TrainingSettings.DEFAULT_EPOCHS,
            description = "Most passes over the training facts; early stopping may end sooner (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + TrainingSettings.DEFAULT_BATCH_SIZE,
            description = "Queries per optimisation step (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "X", defaultValue = "" + TrainingSettings.DEFAULT_LEARNING_RATE,
            description = "Adagrad step size (default: ${DEFAULT-VALUE})")
    float learningRate;

    @Option(names = "--n3", paramLabel = "X", defaultValue = "" + TrainingSettings.DEFAULT_N3_WEIGHT,
            description = "Weight of the N3 regulariser (default: ${DEFAULT-VALUE})")
    float n3Weight;

    @Option(names = "--init-scale", paramLabel = "X", defaultValue = "" + TrainingSettings.DEFAULT_INIT_SCALE,
            description = "Standard deviation of the initial embeddings (default: ${DEFAULT-VALUE})")
    float initScale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + TrainingSettings.DEFAULT_SEED,
            description = "Makes training repeatable (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "" + TrainingSettings.DEFAULT_PATIENCE,
            description = "Stop after this many validations without a better MRR (default: ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--validate-every", paramLabel = "N", defaultValue = "" + TrainingSettings.DEFAULT_VALIDATE_EVERY,
            description = "Epochs between validations (default: ${DEFAULT-VALUE})")
    int validateEvery;

    @Option(names = "--no-reciprocal",
            description = "Train forward queries only, without reciprocal relations (default: reciprocal "
                    + TrainingSettings.DEFAULT_RECIPROCAL + ")")
    boolean noReciprocal;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu",
            description = "Where to train: auto (a GPU when DJL sees one), cpu or gpu (default: relata.model.device, auto)")
    String device;

    /** The settings asked for; a value out of range is a usage error that names it. */
    TrainingSettings settings(CommandLine commandLine) {
        try {
            return new TrainingSettings(rank, epochs, batchSize, learningRate, n3Weight, initScale,
                    TrainingSettings.DEFAULT_RECIPROCAL && !noReciprocal, patience, validateEvery, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    /** The device asked for, checked; null when none was given. */
    String device(CommandLine commandLine) {
        if (device != null && !List.of("auto", "cpu", "gpu").contains(device)) {
            throw new CommandLine.ParameterException(commandLine, "--device must be auto, cpu or gpu, was " + device);
        }
        return device;
    }

    /** Whether any option that shapes training was given. */
    static boolean anyGiven(CommandLine commandLine) {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        return NAMES.stream().anyMatch(parsed::hasMatchedOption);
    }
}
