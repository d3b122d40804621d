package io.relata.web;

import io.relata.InvalidInputException;
import io.relata.model.TrainingSettings;
import io.relata.training.Activation;
import io.relata.training.TrainingOptions;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** The optional body of POST /v1/training-jobs: every option may be left out and then takes its default. */
@Schema(description = "Training options, all optional; each left out takes the default shown.")
record TrainingJobBody(
        @Schema(description = "Complex dimensions per embedding", minimum = "1", maximum = "" + TrainingSettings.MAX_RANK,
                defaultValue = "" + TrainingSettings.DEFAULT_RANK, example = "64") Integer rank,
        @Schema(description = "Most passes over the training facts (early stopping may end sooner)", minimum = "1",
                maximum = "" + TrainingSettings.MAX_EPOCHS, defaultValue = "" + TrainingSettings.DEFAULT_EPOCHS,
                example = "100") Integer epochs,
        @Schema(description = "Queries per optimisation step", minimum = "1", maximum = "" + TrainingSettings.MAX_BATCH_SIZE,
                defaultValue = "" + TrainingSettings.DEFAULT_BATCH_SIZE, example = "100") Integer batchSize,
        @Schema(description = "Adagrad step size", minimum = "0", exclusiveMinimum = true,
                maximum = "" + TrainingSettings.MAX_LEARNING_RATE, defaultValue = "" + TrainingSettings.DEFAULT_LEARNING_RATE,
                example = "0.1") Double learningRate,
        @Schema(description = "Weight of the N3 regulariser", minimum = "0", maximum = "" + TrainingSettings.MAX_N3_WEIGHT,
                defaultValue = "" + TrainingSettings.DEFAULT_N3_WEIGHT, example = "0.01") Double n3Weight,
        @Schema(description = "Makes training repeatable", defaultValue = "" + TrainingSettings.DEFAULT_SEED, example = "42")
                Long seed,
        @Schema(description = "Learn every fact in both directions through a reciprocal relation",
                defaultValue = "" + TrainingSettings.DEFAULT_RECIPROCAL, example = "true") Boolean reciprocal,
        @Schema(description = "Stop after this many validations without a better validation MRR", minimum = "1",
                defaultValue = "" + TrainingSettings.DEFAULT_PATIENCE, example = "3") Integer patience,
        @Schema(description = "Epochs between validations", minimum = "1",
                defaultValue = "" + TrainingSettings.DEFAULT_VALIDATE_EVERY, example = "5") Integer validateEvery,
        @Schema(description = "Share of the stored facts held out for early stopping and calibration; at least one fact",
                minimum = "0", exclusiveMinimum = true, maximum = "" + TrainingOptions.MAX_VALIDATION_SHARE,
                defaultValue = "" + TrainingOptions.DEFAULT_VALIDATION_SHARE, example = "0.1") Double validationShare,
        @Schema(description = "When to make the new model the active one", allowableValues = {"if-not-worse", "always", "never"},
                defaultValue = TrainingOptions.DEFAULT_ACTIVATION, example = "if-not-worse") String activate) {

    private static final List<String> FIELDS = Arrays.stream(TrainingJobBody.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    /** Reads a body field by field, so that a misspelt option or a wrong type is a 400 rather than silently ignored. */
    static TrainingJobBody parse(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return new TrainingJobBody(null, null, null, null, null, null, null, null, null, null, null);
        }
        if (!body.isObject()) {
            throw new InvalidInputException("the body must be a JSON object of training options (or empty)");
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException("unknown training option '" + name + "'; the options are " + String.join(", ", FIELDS));
            }
        }
        return new TrainingJobBody(
                field(body, "rank", "an integer", v -> v.canConvertToInt() && v.isIntegralNumber(), JsonNode::intValue),
                field(body, "epochs", "an integer", v -> v.canConvertToInt() && v.isIntegralNumber(), JsonNode::intValue),
                field(body, "batchSize", "an integer", v -> v.canConvertToInt() && v.isIntegralNumber(), JsonNode::intValue),
                field(body, "learningRate", "a number", JsonNode::isNumber, JsonNode::doubleValue),
                field(body, "n3Weight", "a number", JsonNode::isNumber, JsonNode::doubleValue),
                field(body, "seed", "an integer", v -> v.canConvertToLong() && v.isIntegralNumber(), JsonNode::longValue),
                field(body, "reciprocal", "true or false", JsonNode::isBoolean, JsonNode::booleanValue),
                field(body, "patience", "an integer", v -> v.canConvertToInt() && v.isIntegralNumber(), JsonNode::intValue),
                field(body, "validateEvery", "an integer", v -> v.canConvertToInt() && v.isIntegralNumber(), JsonNode::intValue),
                field(body, "validationShare", "a number", JsonNode::isNumber, JsonNode::doubleValue),
                field(body, "activate", "a string", JsonNode::isString, JsonNode::asString));
    }

    /** The options asked for, over the defaults; a value out of range is a 400 that names it. */
    TrainingOptions toOptions() {
        TrainingSettings d = TrainingSettings.defaults();
        try {
            TrainingSettings settings = new TrainingSettings(
                    or(rank, d.rank()), or(epochs, d.epochs()), or(batchSize, d.batchSize()),
                    learningRate == null ? d.learningRate() : learningRate.floatValue(),
                    n3Weight == null ? d.n3Weight() : n3Weight.floatValue(),
                    d.initScale(), or(reciprocal, d.reciprocal()), or(patience, d.patience()),
                    or(validateEvery, d.validateEvery()), or(seed, d.seed()));
            return new TrainingOptions(settings, or(validationShare, TrainingOptions.DEFAULT_VALIDATION_SHARE),
                    Activation.fromWire(activate == null ? TrainingOptions.DEFAULT_ACTIVATION : activate));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static <T> T field(JsonNode body, String name, String kind, java.util.function.Predicate<JsonNode> valid,
            Function<JsonNode, T> read) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!valid.test(value)) {
            throw new InvalidInputException(name + " must be " + kind);
        }
        return read.apply(value);
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
