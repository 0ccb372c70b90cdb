package org.supervisionhub.connectors.sync;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Each batch in a transaction of its own, whatever the caller runs in. */
public class Transactions {

    private final TransactionTemplate template;

    public Transactions(PlatformTransactionManager manager) {
        this.template = new TransactionTemplate(manager);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    public <T> T run(Supplier<T> work) {
        return template.execute(status -> work.get());
    }

    public void run(Runnable work) {
        template.executeWithoutResult(status -> work.run());
    }
}
