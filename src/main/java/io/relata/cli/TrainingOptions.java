package io.relata.cli;

import io.relata.model.TrainingSettings;
import java.util.Set;

/** The training options shared by {@code evaluate} and {@code train}, turned into {@link TrainingSettings}. */
final class TrainingOptions {

    static final Set<String> VALUED = Set.of(
            "rank", "epochs", "batch-size", "learning-rate", "n3", "init-scale", "seed", "patience", "validate-every", "device");
    static final Set<String> FLAGS = Set.of("no-reciprocal");

    private TrainingOptions() {}

    /** The default settings with every given option replaced; invalid combinations are usage errors. */
    static TrainingSettings settings(Arguments args) {
        TrainingSettings d = TrainingSettings.defaults();
        try {
            return new TrainingSettings(
                    args.intValue("rank", d.rank()),
                    args.intValue("epochs", d.epochs()),
                    args.intValue("batch-size", d.batchSize()),
                    args.floatValue("learning-rate", d.learningRate()),
                    args.floatValue("n3", d.n3Weight()),
                    args.floatValue("init-scale", d.initScale()),
                    d.reciprocal() && !args.flag("no-reciprocal"),
                    args.intValue("patience", d.patience()),
                    args.intValue("validate-every", d.validateEvery()),
                    args.longValue("seed", d.seed()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** auto (GPU when DJL sees one), cpu or gpu. */
    static String device(Arguments args) {
        String device = args.value("device").orElse("auto");
        if (!Set.of("auto", "cpu", "gpu").contains(device)) {
            throw new UsageException("--device must be auto, cpu or gpu, was " + device);
        }
        return device;
    }
}
