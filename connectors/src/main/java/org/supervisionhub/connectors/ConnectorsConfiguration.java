package org.supervisionhub.connectors;

import java.net.http.HttpClient;
import java.text.DateFormat;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;
import org.supervisionhub.connectors.market.MarketRegistrySync;
import org.supervisionhub.connectors.sync.ConnectorProperties;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.sync.PersonPseudonyms;
import org.supervisionhub.connectors.sync.SourceGuard;
import org.supervisionhub.connectors.sync.Transactions;
import org.supervisionhub.connectors.market.client.ApiClient;
import org.supervisionhub.connectors.market.client.api.ChangesApi;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.sync.OutboxRepository;
import org.supervisionhub.graph.sync.SyncRepository;
import org.supervisionhub.connectors.credit.ResultDelivery;
import org.supervisionhub.connectors.lists.JointPunishmentSync;
import org.supervisionhub.connectors.grades.TaxCreditGradeSync;
import org.supervisionhub.connectors.lists.TaxViolationSync;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connectors as beans; the application imports this and provides the graph ({@link Neo4jClient}, the
 * transaction manager, {@link TriggerRepository}), a {@link Clock} and the {@link PersonPseudonyms}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorProperties.class)
public class ConnectorsConfiguration {

    @Bean
    SyncRepository syncRepository(Neo4jClient client) {
        return new SyncRepository(client);
    }

    @Bean
    SourceGuard sourceGuard(RetryRegistry retries, CircuitBreakerRegistry breakers, RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads,
                            TimeLimiterRegistry timeLimiters) {
        return new SourceGuard(retries, breakers, rateLimiters, bulkheads, timeLimiters);
    }

    @Bean
    Transactions connectorTransactions(PlatformTransactionManager manager) {
        return new Transactions(manager);
    }

    /** A record whose enum value the contract does not know reads as null, so it is dead-lettered alone, not its page. */
    static JsonMapper mapper() {
        return ApiClient.createDefaultMapper(null).rebuild().enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL).build();
    }

    @Bean
    FeedSync.Context feedSyncContext(SyncRepository repository, Transactions transactions, SourceGuard guard, ConnectorProperties properties,
                                     Clock clock) {
        return new FeedSync.Context(mapper(), repository, transactions, guard, properties, clock);
    }

    @Bean
    OutboxRepository outboxRepository(Neo4jClient client) {
        return new OutboxRepository(client);
    }

    /** The credit platform's generated client: its lists and its result intake. */
    @Bean
    org.supervisionhub.connectors.credit.client.api.DefaultApi creditPlatformClient(ConnectorProperties properties) {
        return new org.supervisionhub.connectors.credit.client.api.DefaultApi(generated(properties.credit(),
                org.supervisionhub.connectors.credit.client.ApiClient::buildRestClientBuilder, org.supervisionhub.connectors.credit.client.ApiClient::new,
                org.supervisionhub.connectors.credit.client.ApiClient.createDefaultDateFormat(), org.supervisionhub.connectors.credit.client.ApiClient::setBasePath));
    }

    @Bean
    ResultDelivery resultDelivery(org.supervisionhub.connectors.credit.client.api.DefaultApi credit, ConnectorProperties properties,
                                  OutboxRepository outbox, SyncRepository locks, Transactions transactions, SourceGuard guard, Clock clock) {
        return new ResultDelivery(credit, mapper(), outbox, locks, transactions, guard, properties, clock);
    }

    @Bean
    JointPunishmentSync jointPunishmentSync(org.supervisionhub.connectors.credit.client.api.DefaultApi credit, TriggerRepository triggers,
                                            FeedSync.Context context) {
        return new JointPunishmentSync(credit, triggers, context);
    }

    /** The tax system's generated client: credit grades and the major-violation list. */
    @Bean
    org.supervisionhub.connectors.tax.client.api.DefaultApi taxClient(ConnectorProperties properties) {
        return new org.supervisionhub.connectors.tax.client.api.DefaultApi(generated(properties.tax(),
                org.supervisionhub.connectors.tax.client.ApiClient::buildRestClientBuilder, org.supervisionhub.connectors.tax.client.ApiClient::new,
                org.supervisionhub.connectors.tax.client.ApiClient.createDefaultDateFormat(), org.supervisionhub.connectors.tax.client.ApiClient::setBasePath));
    }

    @Bean
    TaxViolationSync taxViolationSync(org.supervisionhub.connectors.tax.client.api.DefaultApi tax, TriggerRepository triggers,
                                      FeedSync.Context context) {
        return new TaxViolationSync(tax, triggers, context);
    }

    @Bean
    TaxCreditGradeSync taxCreditGradeSync(org.supervisionhub.connectors.tax.client.api.DefaultApi tax, FeedSync.Context context) {
        return new TaxCreditGradeSync(tax, context);
    }

    /** The constructor every generated {@code ApiClient} has; each source's generator output has its own class. */
    @FunctionalInterface
    interface GeneratedClient<C> {
        C create(RestClient rest, JsonMapper mapper, DateFormat dates);
    }

    /** A generated client on the contract's JSON mapping, with the source's timeouts and base URL (when configured). */
    static <C> C generated(ConnectorProperties.Source source, Function<JsonMapper, RestClient.Builder> builder, GeneratedClient<C> constructor,
                           DateFormat dates, BiConsumer<C, String> basePath) {
        JsonMapper mapper = mapper();
        C client = constructor.create(builder.apply(mapper).requestFactory(requests(source)).build(), mapper, dates);
        if (source.baseUrl() != null) {
            basePath.accept(client, source.baseUrl());
        }
        return client;
    }

    static JdkClientHttpRequestFactory requests(ConnectorProperties.Source source) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(source.connectTimeout())
                .build());
        requests.setReadTimeout(source.readTimeout());
        return requests;
    }

    @Bean
    MarketRegistrySync marketRegistrySync(TriggerRepository triggers, PersonPseudonyms persons, FeedSync.Context context) {
        ApiClient client = generated(context.properties().market(), ApiClient::buildRestClientBuilder, ApiClient::new,
                ApiClient.createDefaultDateFormat(), ApiClient::setBasePath);
        return new MarketRegistrySync(new ChangesApi(client), triggers, persons, context);
    }

    @Bean
    SyncScheduler syncScheduler(List<FeedSync<?, ?>> feeds, ResultDelivery delivery, ConnectorProperties properties) {
        return new SyncScheduler(feeds, delivery, properties);
    }
}
