package org.supervisionhub.api.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * Settings under {@code hub.retention.*}. Off by default: removing anything from the graph is an operator's decision,
 * made together with a backed-up export directory. A kind without {@code keep} is kept for ever.
 *
 * @param enabled   run on the schedule ({@code false}: never, though the configuration is still checked at start)
 * @param cron      when to run (Spring cron, six fields, in the hub's time zone), default 03:30 every day
 * @param exportDir where exports and externalised evidence go; back it up as you back up the graph
 * @param batchSize records per export file and per transaction
 * @param lease     how long one run holds the lease in the graph (renewed after each batch) before another replica may take over
 * @param receipts  check receipts, by {@code checkedAt} ({@code keep=P400D}: a year's approvals and then some)
 * @param audit     audit events, by {@code at}; at least the archive minimum (ARCH-03)
 * @param evidence  evidence file bytes, by {@code storedAt}; at least the archive minimum (ARCH-03), and only once every
 *                  inspection holding the file is archived and past its retention
 */
@ConfigurationProperties("hub.retention")
public record RetentionProperties(@DefaultValue("false") boolean enabled, @DefaultValue("0 30 3 * * *") String cron,
                                  @DefaultValue("data/retention") Path exportDir, @DefaultValue("1000") int batchSize,
                                  @DefaultValue("PT1H") Duration lease, Kind receipts, Kind audit, Kind evidence) {

    public RetentionProperties {
        receipts = receipts != null ? receipts : new Kind(null);
        audit = audit != null ? audit : new Kind(null);
        evidence = evidence != null ? evidence : new Kind(null);
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("hub.retention.cron: not a cron expression (six fields): " + cron);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("hub.retention.batch-size must be at least 1");
        }
    }

    /** @param keep how long records stay in the graph (ISO-8601 period: P400D, P5Y); null: for ever */
    public record Kind(Period keep) {
    }
}
