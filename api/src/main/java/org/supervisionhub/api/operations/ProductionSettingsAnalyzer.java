package org.supervisionhub.api.operations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing production settings as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
public class ProductionSettingsAnalyzer extends AbstractFailureAnalyzer<ProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set the missing settings (arguments --name=value or environment"
                + " variables), or start without the prod profile. See docs/production.md.", cause);
    }
}
