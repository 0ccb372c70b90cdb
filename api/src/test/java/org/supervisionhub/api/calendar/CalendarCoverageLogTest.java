package org.supervisionhub.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** How a start reports holiday data that ends within the horizon: a WARN for operators, INFO in the demo (issue 19). */
class CalendarCoverageLogTest {

    // The bundled data covers 2024-2026: in December 2026 the next 90 days reach into 2027.
    static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(CalendarService.class);

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
    }

    List<ILoggingEvent> reported(CalendarProperties properties) {
        new CalendarService(new WorkingDayCalendar(properties, new org.springframework.core.io.DefaultResourceLoader()), null, null,
                DECEMBER_2026, properties).reportCoverage();
        return appender.list.stream().filter(e -> e.getFormattedMessage().startsWith("The holiday data does not cover 2027-01-01")).toList();
    }

    @Test
    void anOperatorIsWarnedByDefault() {
        assertThat(reported(new CalendarProperties(null, null))).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.WARN);
    }

    @Test
    void theDemoSaysItAtInfo() {
        assertThat(reported(new CalendarProperties(null, false))).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.INFO);
    }
}
