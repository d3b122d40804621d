package io.relata.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * ComplEx knowledge-graph embeddings on DJL (Trouillon et al. 2016, with the reciprocal relations and N3 regulariser of
 * Lacroix et al. 2018). An entity or relation is a complex vector stored as [real | imaginary]; the score of (h, r, t) is
 * Re(⟨h, r, conj t⟩). Relation rows R..2R-1 are the reciprocals r⁻¹, so the inverse query (?, r, t) is scored exactly
 * like a forward one, as (t, r⁻¹, ?) — one matrix product against every entity either way.
 */
final class ComplEx implements AutoCloseable {

    private static final float ADAGRAD_EPSILON = 1e-10f;
    /** Entities per step of the presence head's training; larger graphs are sampled. */
    private static final int PRESENCE_BATCH = 65_536;

    private final NDManager manager;
    private final int rank;
    private final int relationCount;
    private final boolean reciprocal;
    private final NDArray entities;
    private final NDArray relations;
    private NDArray entityState;
    private NDArray relationState;
    /** Per relation end (2·relation + side), a logistic regression on entity embeddings: does an entity fill it? */
    private NDArray presenceWeights;
    private NDArray presenceBias;

    private ComplEx(NDManager manager, int rank, int relationCount, boolean reciprocal, NDArray entities, NDArray relations) {
        this.manager = manager;
        this.rank = rank;
        this.relationCount = relationCount;
        this.reciprocal = reciprocal;
        this.entities = entities;
        this.relations = relations;
    }

    /** Fresh embeddings drawn from N(0, initScale²), repeatable given the seed. */
    static ComplEx initialise(int entityCount, int relationCount, TrainingSettings settings, Device device) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        NDManager manager = NDManager.newBaseManager(device);
        int width = 2 * settings.rank();
        NDArray e = manager.randomNormal(0, settings.initScale(), new Shape(entityCount, width), DataType.FLOAT32);
        NDArray r = manager.randomNormal(0, settings.initScale(), new Shape(2L * relationCount, width), DataType.FLOAT32);
        return new ComplEx(manager, settings.rank(), relationCount, settings.reciprocal(), e, r);
    }

    /** Embeddings from given tables, rows as [real | imaginary] (hand-built models in tests, imported embeddings). */
    static ComplEx of(float[][] entityRows, float[][] relationRows, boolean reciprocal, Device device) {
        int width = entityRows[0].length;
        if (width % 2 != 0 || relationRows.length % 2 != 0) {
            throw new IllegalArgumentException("rows must be [real | imaginary] and relations come with their reciprocals");
        }
        NDManager manager = NDManager.newBaseManager(device);
        NDArray e = manager.create(entityRows);
        NDArray r = manager.create(relationRows);
        return new ComplEx(manager, width / 2, relationRows.length / 2, reciprocal, e, r);
    }

    /** The entity table as rows of [real | imaginary], entity after entity. */
    float[] entityTable() {
        return entities.toFloatArray();
    }

    int entityCount() {
        return (int) entities.getShape().get(0);
    }

    int relationCount() {
        return relationCount;
    }

    int rank() {
        return rank;
    }

    boolean reciprocal() {
        return reciprocal;
    }

    Device device() {
        return manager.getDevice();
    }

    /**
     * One Adagrad step on a batch of queries {entity, relation (r or r + R), answer}: cross-entropy of the answer among
     * all entities, plus N3 on the embeddings the batch touches. Returns the batch's mean cross-entropy.
     */
    float trainStep(int[][] batch, float learningRate, float n3Weight) {
        if (entityState == null) {
            entityState = manager.zeros(entities.getShape());
            relationState = manager.zeros(relations.getShape());
            entities.setRequiresGradient(true);
            relations.setRequiresGradient(true);
        }
        try (NDManager step = manager.newSubManager()) {
            step.tempAttachAll(entities, relations, entityState, relationState);
            NDArray from = column(step, batch, 0);
            NDArray relation = column(step, batch, 1);
            NDArray answer = column(step, batch, 2);
            float crossEntropy;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray h = entities.get(new NDIndex("{}", from));
                NDArray r = relations.get(new NDIndex("{}", relation));
                NDArray t = entities.get(new NDIndex("{}", answer));
                NDArray scores = product(h, r).matMul(entities.transpose());
                NDArray loss = scores.logSoftmax(1).gather(answer.reshape(-1, 1), 1).mean().neg();
                NDArray penalty = n3(h).add(n3(r)).add(n3(t)).mul(n3Weight / batch.length);
                collector.backward(loss.add(penalty));
                crossEntropy = loss.getFloat();
            }
            adagrad(entities, entityState, learningRate);
            adagrad(relations, relationState, learningRate);
            return crossEntropy;
        }
    }

    /**
     * Learns, for every relation end, whether an entity fills it among the given facts ("has this person a mother
     * here?", "is this entity anybody's mother?"): a logistic regression per end on the fixed entity embeddings,
     * standardised, with an L2 penalty of {@code penalty}/2·‖w‖² per end, fitted by Adam on the mean loss. An entity
     * that fills no end of a relation looks like a question without an answer, which the softmax alone cannot tell.
     */
    void trainPresence(Roles roles, int steps, float penalty, long seed) {
        int n = entityCount();
        int ends = 2 * relationCount;
        int width = 2 * rank;
        int batchSize = Math.min(n, PRESENCE_BATCH);
        java.util.Random random = new java.util.Random(seed);
        try (NDManager local = manager.newSubManager()) {
            local.tempAttachAll(entities);
            NDArray x = entities.stopGradient();
            NDArray mean = x.mean(new int[] {0});
            NDArray sd = x.sub(mean).square().mean(new int[] {0}).sqrt().add(1e-6f);
            float[] bias = new float[ends];
            for (int end = 0; end < ends; end++) {
                int filled = 0;
                for (int e = 0; e < n; e++) {
                    filled += roles.fills(e, end) ? 1 : 0;
                }
                double p = (filled + 0.5) / (n + 1.0);
                bias[end] = (float) Math.log(p / (1 - p));
            }
            NDArray w = local.zeros(new Shape(ends, width));
            NDArray b = local.create(bias);
            NDArray[] moments = {local.zeros(w.getShape()), local.zeros(w.getShape()), local.zeros(b.getShape()), local.zeros(b.getShape())};
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            float scale = penalty / (2f * n);
            int[] everyone = java.util.stream.IntStream.range(0, n).toArray();
            for (int step = 1; step <= steps; step++) {
                int[] batch = batchSize == n ? everyone : random.ints(batchSize, 0, n).toArray();
                float[] labels = new float[batch.length * ends];
                for (int i = 0; i < batch.length; i++) {
                    for (int end = 0; end < ends; end++) {
                        labels[i * ends + end] = roles.fills(batch[i], end) ? 1 : 0;
                    }
                }
                try (NDManager pass = local.newSubManager()) {
                    pass.tempAttachAll(w, b, mean, sd, x);
                    NDArray rows = batchSize == n ? x : x.get(new NDIndex("{}", pass.create(toLong(batch))));
                    NDArray standard = rows.sub(mean).div(sd);
                    NDArray y = pass.create(labels, new Shape(batch.length, ends));
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray z = standard.matMul(w.transpose()).add(b);
                        // log(1 + e^z) − y·z, computed without overflow
                        NDArray loss = z.maximum(0).sub(z.mul(y)).add(z.abs().neg().exp().add(1).log()).mean();
                        collector.backward(loss.add(w.square().sum().mul(scale / ends)));
                    }
                    adam(w, moments[0], moments[1], step);
                    adam(b, moments[2], moments[3], step);
                }
            }
            // back to raw embeddings: w·(x − m)/s = (w/s)·x − (w/s)·m
            NDArray raw = w.stopGradient().div(sd);
            NDArray rawBias = b.stopGradient().sub(raw.matMul(mean.reshape(-1, 1)).reshape(-1));
            presenceWeights = raw.duplicate();
            presenceBias = rawBias.duplicate();
            presenceWeights.attach(manager);
            presenceBias.attach(manager);
        }
    }

    private static void adam(NDArray weights, NDArray first, NDArray second, int step) {
        float learningRate = 0.05f;
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        NDArray gradient = weights.getGradient();
        first.muli(beta1).addi(gradient.mul(1 - beta1));
        second.muli(beta2).addi(gradient.square().mul(1 - beta2));
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        try (NDArray detached = weights.stopGradient()) {
            detached.subi(first.div(correction1).div(second.div(correction2).sqrt().add(1e-8f)).mul(learningRate));
        }
        gradient.subi(gradient);
    }

    /** Whether the presence of entities at relation ends was learned (models saved before it was have none). */
    boolean hasPresence() {
        return presenceWeights != null;
    }

    /** For each (entity, end), the log-odds that the entity fills that relation end (0 without a presence head). */
    float[] presence(int[] entity, int[] end) {
        if (presenceWeights == null || entity.length == 0) {
            return new float[entity.length];
        }
        try (NDManager local = manager.newSubManager()) {
            local.tempAttachAll(entities, presenceWeights, presenceBias);
            NDArray rows = entities.get(new NDIndex("{}", local.create(toLong(entity))));
            NDArray endIndex = local.create(toLong(end));
            NDArray w = presenceWeights.get(new NDIndex("{}", endIndex));
            NDArray b = presenceBias.get(new NDIndex("{}", endIndex));
            return rows.mul(w).sum(new int[] {1}).add(b).toFloatArray();
        }
    }

    /** Scores of every entity as the answer to each query {entity, relation or reciprocal}: a batch × entities matrix. */
    float[] scoreAnswers(int[] from, int[] relation) {
        return score(from, relation, new boolean[from.length], false).scores();
    }

    /** Scores of every entity as the subject of (?, relation, object), through r⁻¹ or, without reciprocals, directly. */
    float[] scoreSubjects(int[] object, int[] relation) {
        boolean[] inverse = new boolean[object.length];
        java.util.Arrays.fill(inverse, true);
        return score(object, relation, inverse, false).scores();
    }

    /**
     * Scores of a batch of rows: every entity as the answer of row i, (entity, relation, ?) or, where {@code inverse[i]},
     * the subject of (?, relation, entity). Forward and inverse rows share one product with the entity table, since
     * each row is a query vector q with score(e) = Re⟨q, e⟩ (no conjugate on e), read once for the whole batch.
     *
     * @param normalise whether to compute each row's log Σ exp (in the engine, beside the product)
     */
    RowScores score(int[] entity, int[] relation, boolean[] inverse, boolean normalise) {
        try (NDManager local = manager.newSubManager()) {
            local.tempAttachAll(entities, relations);
            long[] relationRows = new long[relation.length];
            for (int i = 0; i < relation.length; i++) {
                relationRows[i] = inverse[i] && reciprocal ? LinkQueries.reciprocal(relation[i], relationCount) : relation[i];
            }
            NDArray from = entities.get(new NDIndex("{}", local.create(toLong(entity))));
            NDArray r = relations.get(new NDIndex("{}", local.create(relationRows)));
            NDArray queries = product(from, r);
            if (!reciprocal) {
                // Re⟨h, r, conj t⟩ = Re Σ h·w with w = r ∘ conj t, = h_re·w_re − h_im·w_im: the plain product of h and conj w
                NDArray subjectQueries = conjugate(product(r, conjugate(from)));
                queries = NDArrays.where(local.create(inverse).reshape(-1, 1).broadcast(queries.getShape()), subjectQueries, queries);
            }
            NDArray scores = queries.matMul(entities.transpose());
            float[] normalisers = null;
            if (normalise) {
                NDArray max = scores.max(new int[] {1}, true);
                normalisers = scores.sub(max).exp().sum(new int[] {1}).log().add(max.reshape(-1)).toFloatArray();
            }
            return new RowScores(scores.toFloatArray(), normalisers);
        }
    }

    /**
     * Scores of a batch: one row of every entity per query, and (when asked for) each row's log Σ exp, the log of the
     * softmax's denominator.
     */
    record RowScores(float[] scores, float[] logNormalisers) {}

    /** The complex product a ∘ b, row by row, as [real | imaginary]. */
    private NDArray product(NDArray a, NDArray b) {
        NDArray aRe = a.get(":, :" + rank);
        NDArray aIm = a.get(":, " + rank + ":");
        NDArray bRe = b.get(":, :" + rank);
        NDArray bIm = b.get(":, " + rank + ":");
        return aRe.mul(bRe).sub(aIm.mul(bIm)).concat(aRe.mul(bIm).add(aIm.mul(bRe)), 1);
    }

    private NDArray conjugate(NDArray a) {
        return a.get(":, :" + rank).concat(a.get(":, " + rank + ":").neg(), 1);
    }

    /** Σ |x|³ over the complex coordinates of the rows, as (re² + im²)^1.5: its gradient is 0, not NaN, at 0. */
    private NDArray n3(NDArray x) {
        NDArray re = x.get(":, :" + rank);
        NDArray im = x.get(":, " + rank + ":");
        return re.square().add(im.square()).pow(1.5f).sum();
    }

    private static void adagrad(NDArray weights, NDArray state, float learningRate) {
        NDArray gradient = weights.getGradient();
        state.addi(gradient.square());
        // through a detached view: PyTorch's grad mode is per thread and only the thread that started the engine has it
        // off, so on any other thread (a training job's) an in-place update of a leaf that requires gradients fails
        try (NDArray detached = weights.stopGradient()) {
            detached.subi(gradient.mul(learningRate).div(state.sqrt().add(ADAGRAD_EPSILON)));
        }
        gradient.subi(gradient);
    }

    private static NDArray column(NDManager m, int[][] batch, int c) {
        long[] values = new long[batch.length];
        for (int i = 0; i < batch.length; i++) {
            values[i] = batch[i][c];
        }
        return m.create(values);
    }

    private static long[] toLong(int[] values) {
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** Writes the two tables (engine-neutral NDList encoding). */
    void write(OutputStream out) throws IOException {
        NDList tables = presenceWeights == null
                ? new NDList(entities, relations)
                : new NDList(entities, relations, presenceWeights, presenceBias);
        tables.encode(out);
    }

    static ComplEx read(InputStream in, int rank, int relationCount, boolean reciprocal, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            NDList tables = NDList.decode(manager, in);
            NDArray e = tables.get(0);
            NDArray r = tables.get(1);
            if ((tables.size() != 2 && tables.size() != 4) || e.getShape().dimension() != 2 || e.getShape().get(1) != 2L * rank
                    || !r.getShape().equals(new Shape(2L * relationCount, 2L * rank))) {
                throw new IllegalStateException("parameter shapes do not match the manifest");
            }
            ComplEx model = new ComplEx(manager, rank, relationCount, reciprocal, e, r);
            if (tables.size() == 4) {
                if (!tables.get(2).getShape().equals(new Shape(2L * relationCount, 2L * rank))
                        || !tables.get(3).getShape().equals(new Shape(2L * relationCount))) {
                    throw new IllegalStateException("presence shapes do not match the manifest");
                }
                model.presenceWeights = tables.get(2);
                model.presenceBias = tables.get(3);
            }
            return model;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
