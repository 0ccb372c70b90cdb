package org.supervisionhub.api.restriction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param catalogue the measure catalogue file loaded at start (a Spring resource location)
 * @param maxBatch  most questions in one {@code restrictionChecks} call, and subject-domain pairs in one subscription
 * @param watch     how subscriptions to restriction changes are fed
 */
@ConfigurationProperties("hub.restriction")
public record RestrictionProperties(@DefaultValue("classpath:restriction/measure-catalogue.yaml") String catalogue,
                                    @DefaultValue("1000") int maxBatch, @DefaultValue Watch watch) {

    /**
     * @param pollInterval    how often each replica reads the change log while it has subscribers
     * @param recheckInterval how often watched subjects are re-checked without a logged change, for changes by time
     *                        (expiries, maximum durations, links beginning or ending)
     * @param buffer          events held for a slow subscriber before its subscription is ended
     */
    public record Watch(@DefaultValue("1s") Duration pollInterval, @DefaultValue("60s") Duration recheckInterval,
                        @DefaultValue("256") int buffer) {
    }
}
