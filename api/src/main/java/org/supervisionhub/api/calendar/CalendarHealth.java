package org.supervisionhub.api.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What operators watch: the {@code calendar} health component and the {@value #PROVISIONAL_GAUGE} gauge.
 *
 * <p>The component is {@code WARNING} while the holiday data does not cover the next {@link CalendarService#HORIZON_DAYS}
 * days (from the hub's clock), with the covered years, the first uncovered day and the provisional deadlines as details;
 * otherwise UP. {@code WARNING} answers HTTP 200 (management.endpoint.health.status.http-mapping) and is left out of the
 * aggregate order, so the hub's own status stays UP: the hub works, only its deadlines for that year are provisional.
 * Alert on {@code components.calendar.status != UP} in {@code /actuator/health} (details need an administrator's token)
 * or on the gauge above zero.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarHealth {

    public static final Status WARNING = new Status("WARNING", "the holiday data does not cover the coming days; add the year's notice");
    public static final String PROVISIONAL_GAUGE = "hub.calendar.provisional.deadlines";
    public static final String UNCOVERED_GAUGE = "hub.calendar.uncovered.days";

    @Bean("calendar")
    HealthIndicator calendarHealthIndicator(CalendarService service) {
        return () -> {
            CalendarService.Coverage c = service.coverage();
            Health.Builder b = c.firstUncoveredDay() == null ? Health.up() : Health.status(WARNING);
            b.withDetail("coveredYears", c.coveredYears()).withDetail("horizonDays", c.horizonDays())
                    .withDetail("sources", c.sources());
            if (c.firstUncoveredDay() != null) {
                b.withDetail("firstUncoveredDay", c.firstUncoveredDay().toString());
            }
            if (!c.replaced().isEmpty()) {
                b.withDetail("replacedBundledLines", c.replaced());
            }
            try {
                b.withDetail("provisionalDeadlines", service.countProvisional());
            } catch (RuntimeException e) {
                b.withDetail("provisionalDeadlines", "unavailable: " + e.getClass().getSimpleName());
            }
            return b.build();
        };
    }

    /**
     * {@value #PROVISIONAL_GAUGE}: stored deadlines computed on weekdays for an uncovered year (counted in the graph on
     * each read); {@value #UNCOVERED_GAUGE}: days of the next {@link CalendarService#HORIZON_DAYS} the data does not cover.
     */
    @Bean
    Gauge provisionalDeadlinesGauge(MeterRegistry registry, CalendarService service) {
        Gauge.builder(UNCOVERED_GAUGE, service, s -> {
            java.time.LocalDate first = s.coverage().firstUncoveredDay();
            return first == null ? 0 : CalendarService.HORIZON_DAYS - java.time.temporal.ChronoUnit.DAYS.between(s.today(), first);
        }).description("Days of the next " + CalendarService.HORIZON_DAYS + " the holiday data does not cover").baseUnit("days")
                .register(registry);
        return Gauge.builder(PROVISIONAL_GAUGE, service, CalendarService::countProvisional)
                .description("Working-day deadlines computed on weekdays only, for a year the holiday data does not cover")
                .register(registry);
    }
}
