package io.relata.training;

/** No training job with that id (404). */
public class UnknownTrainingJobException extends RuntimeException {

    public UnknownTrainingJobException(String id) {
        super("no training job '" + id + "'");
    }
}
