package io.relata.query;

/** A question whose readings fan out past relata's bound before they reach the answers (422). */
public class QuestionTooBroadException extends RuntimeException {

    public QuestionTooBroadException(String message) {
        super(message);
    }
}
