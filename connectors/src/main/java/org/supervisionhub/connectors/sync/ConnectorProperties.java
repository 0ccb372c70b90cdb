package org.supervisionhub.connectors.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hub.connectors}.
 *
 * @param market    the market-supervision registry
 * @param tax       the tax system (its major tax-violation list)
 * @param credit    the credit platform: its joint-punishment lists, and the published results it receives from the outbox
 *                  ({@code page-size} is also the messages per delivery pass)
 * @param lockLease how long a replica holds a sync's lease without renewing it (renewed after every batch)
 */
@ConfigurationProperties("hub.connectors")
public record ConnectorProperties(Source market, Source tax, Source credit, @DefaultValue("PT2M") Duration lockLease) {

    public ConnectorProperties {
        market = market != null ? market : new Source(false, null, Duration.ofMinutes(1), 500, 10_000, 5_000, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 0);
        tax = tax != null ? tax : new Source(false, null, Duration.ofMinutes(5), 500, 10_000, 5_000, Duration.ofSeconds(2), Duration.ofSeconds(10), 0);
        credit = credit != null ? credit : new Source(false, null, Duration.ofSeconds(10), 100, 1, 100, Duration.ofSeconds(2), Duration.ofSeconds(10), 0);
    }

    /**
     * @param enabled        whether the scheduler runs it (on demand it runs whenever a base URL is set)
     * @param baseUrl        the source's base URL (unset: not connected), e.g. {@code http://localhost:8091/market}
     * @param interval       pause between scheduled runs
     * @param pageSize       records asked per request (the source's limit is 1000)
     * @param maxPagesPerRun pages one run applies before it yields (the next run resumes from the checkpoint)
     * @param recordsPerTransaction records read (whole pages) before they are applied in one transaction with their checkpoint
     * @param connectTimeout TCP connect timeout
     * @param readTimeout    socket read timeout
     * @param writers        writers applying a batch side by side, each to the subjects of its partition (hash of the USCC)
     *                       with a checkpoint of its own; 0 is the number of cores; used by the market registry's sync. The
     *                       default stays 1 (one transaction per batch, as before) until an idle-machine benchmark shows two gain
     */
    public record Source(@DefaultValue("false") boolean enabled, String baseUrl, @DefaultValue("PT1M") Duration interval,
                         @DefaultValue("500") int pageSize, @DefaultValue("10000") int maxPagesPerRun,
                         @DefaultValue("5000") int recordsPerTransaction,
                         @DefaultValue("PT2S") Duration connectTimeout, @DefaultValue("PT10S") Duration readTimeout,
                         @DefaultValue("1") int writers) {

        public Source {
            writers = writers > 0 ? writers : Runtime.getRuntime().availableProcessors();
        }
    }
}
