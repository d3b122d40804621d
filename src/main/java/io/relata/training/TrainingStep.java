package io.relata.training;

import io.relata.model.LinkMetrics;

/**
 * Where a training run stands after a batch or an epoch: the stage, the epoch and batch within that stage, the share
 * of the whole run done, and the time left.
 *
 * @param stage what the run is doing
 * @param epoch the epoch under way in this stage (from 1; 0 before the first batch)
 * @param epochs most epochs of this stage (early stopping may end the epoch choice sooner)
 * @param batch optimisation steps done in this epoch
 * @param batches optimisation steps per epoch
 * @param progress share of the whole run done, 0..1
 * @param secondsLeft time left at the pace so far, counting every epoch allowed; null until a batch has been timed
 * @param loss mean training loss of the last finished epoch, if any
 * @param validation the validation of the epoch this step ends, if it ends one that validated
 * @param endOfEpoch whether this step ends an epoch
 */
public record TrainingStep(TrainingStage stage, int epoch, int epochs, int batch, int batches, double progress,
        Double secondsLeft, Double loss, LinkMetrics.ByDirection validation, boolean endOfEpoch) {}
