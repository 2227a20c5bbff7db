package io.rapport.transaction;

import java.util.function.Supplier;

import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What the current transaction remembers for the code that runs in it (locks taken, rows known to be absent, tasks
 * loaded), forgotten with the transaction: JTA's resources, created the first time they are asked for.
 */
public final class TransactionResources {

    private TransactionResources() {
    }

    /** The transaction's value under {@code key}, made by {@code create} the first time this transaction asks. */
    @SuppressWarnings("unchecked")
    public static <T> T get(TransactionSynchronizationRegistry transactions, Object key, Supplier<T> create) {
        T value = (T) transactions.getResource(key);
        if (value == null) {
            value = create.get();
            transactions.putResource(key, value);
        }
        return value;
    }
}
