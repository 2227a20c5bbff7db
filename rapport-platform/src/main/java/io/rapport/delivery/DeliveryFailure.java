package io.rapport.delivery;

/**
 * A message that could not be handed over. A permanent one (the mail server refused the address for good) is a
 * bounce and is not retried; any other is retried with growing pauses.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
