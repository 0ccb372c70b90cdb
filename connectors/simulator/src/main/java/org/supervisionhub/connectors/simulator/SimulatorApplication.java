package org.supervisionhub.connectors.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The three external systems in one process, on {@code simulator.port} (8091): {@code /market}, {@code /tax},
 * {@code /credit}, and the switches under {@code /sim}. Its data are fixed by {@code simulator.seed}; the registry
 * grows by {@code simulator.changes-per-second}. Only the web auto-configurations it needs are imported, so it runs
 * the same beside the hub's classes (tests start it in the hub's JVM).
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, TaskSchedulingAutoConfiguration.class})
@Import({MarketRegistryController.class, TaxController.class, CreditPlatformController.class, SimulatorController.class})
@EnableConfigurationProperties(SimulatorApplication.Settings.class)
@EnableScheduling
public class SimulatorApplication implements WebMvcConfigurer {

    /** {@code simulator.*} */
    @ConfigurationProperties("simulator")
    public record Settings(@DefaultValue("20260101") long seed, @DefaultValue("10000") int enterprises,
                           @DefaultValue("0") int changesPerSecond) {
    }

    private final Faults faults;

    /** The faults' draws are seeded like the data (Faults). */
    public SimulatorApplication(Settings settings) {
        this.faults = new Faults(settings.seed());
    }

    public static void main(String[] args) {
        start(args);
    }

    /** Starts a simulator on the system clock; {@code server.port=0} picks a free port. */
    public static ConfigurableApplicationContext start(String... args) {
        return start(Clock.systemUTC(), args);
    }

    /** Starts a simulator whose systems read time from {@code clock} (tests hand in theirs). */
    public static ConfigurableApplicationContext start(Clock clock, String... args) {
        return new SpringApplicationBuilder(SimulatorApplication.class).properties(Map.of("server.port", "${simulator.port:8091}",
                "spring.main.banner-mode", "off", "spring.config.name", "simulator"))
                .initializers(context -> context.getBeanFactory().registerSingleton("simulatorClock", clock)).run(args);
    }

    @Bean
    Faults faults() {
        return faults;
    }

    @Bean
    MarketDataset marketDataset(Settings settings) {
        return new MarketDataset(settings.seed(), settings.enterprises());
    }

    @Bean
    ListsDataset listsDataset(MarketDataset market) {
        return new ListsDataset(market);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(faults).addPathPatterns("/market/**", "/tax/**", "/credit/**");
    }

    /** The registry keeps changing while the simulator runs. */
    @Bean
    Runnable marketGrowth(Settings settings, MarketDataset dataset, TaskScheduler scheduler) {
        Runnable grow = () -> dataset.advance(settings.changesPerSecond());
        if (settings.changesPerSecond() > 0) {
            scheduler.scheduleAtFixedRate(grow, Duration.ofSeconds(1));
        }
        return grow;
    }
}
