package com.proposaldesk.process;

import java.util.HashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a repository has read in the current transaction, by key, so that the several listeners of one task completion
 * read a row once. Kept until the repository forgets it (it has written the row) or the transaction ends; nothing is
 * kept outside a transaction.
 *
 * @param <K> the key the repository reads by
 * @param <V> what it read
 */
public final class TransactionReads<K, V> {

    private final String name;

    /** @param name unique among the transaction's resources, e.g. the repository's class name */
    public TransactionReads(String name) {
        this.name = name;
    }

    /** What was read in this transaction, to look up and add to; null outside a transaction. */
    @SuppressWarnings("unchecked")
    public Map<K, V> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<K, V> read = (Map<K, V>) TransactionSynchronizationManager.getResource(name);
        if (read == null) {
            read = new HashMap<>();
            TransactionSynchronizationManager.bindResource(name, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(name);
                }
            });
        }
        return read;
    }

    /** Forgets one key read in this transaction. */
    public void forget(K key) {
        if (TransactionSynchronizationManager.getResource(name) instanceof Map<?, ?> read) {
            read.remove(key);
        }
    }

    /** Forgets everything read in this transaction. */
    public void forgetAll() {
        if (TransactionSynchronizationManager.getResource(name) instanceof Map<?, ?> read) {
            read.clear();
        }
    }
}
