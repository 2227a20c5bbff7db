package io.rapport.events.inbox;

/** An event that can never be applied, however often it is redelivered: it belongs in the dead-letter topic. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
