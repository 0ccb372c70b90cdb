package org.supervisionhub.api.store;

import java.util.Optional;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.supervisionhub.graph.archive.ArchiveRepository;
import org.supervisionhub.graph.audit.AuditTrail;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.complaint.ComplaintRepository;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.explore.ExploreRepository;
import org.supervisionhub.graph.followup.FollowUpRepository;
import org.supervisionhub.graph.inspection.EvidenceRepository;
import org.supervisionhub.graph.inspection.NoticeRepository;
import org.supervisionhub.graph.inspection.ObjectionRepository;
import org.supervisionhub.graph.inspection.RecordRepository;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.inspection.VisitRepository;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.restriction.MeasureRepository;
import org.supervisionhub.graph.restriction.ReceiptRepository;
import org.supervisionhub.graph.restriction.RestrictionQuery;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.PlanRepository;
import org.supervisionhub.graph.store.GraphMigrations;

/** Migrates the graph before anything uses it, then exposes the repositories. */
@Configuration(proxyBeanMethods = false)
public class GraphConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GraphConfiguration.class);

    /** The schema version after migration; repositories depend on it so they never see an unmigrated graph. */
    public record GraphSchema(String version) {
    }

    /**
     * Migrations run once per start: with the embedded server they already ran on its starter thread (the driver here
     * exists only once that server is up), so only an external server, or a failed early run, is migrated here.
     */
    @Bean
    GraphSchema graphSchema(Driver driver, ObjectProvider<EmbeddedStoreInitializer.Startup> embedded,
                            @Value("${spring.data.neo4j.database:}") String database) {
        EmbeddedStoreInitializer.Startup startup = embedded.getIfAvailable();
        Optional<Optional<String>> early = startup == null ? Optional.empty() : startup.migratedTo();
        String version = early.orElseGet(() -> GraphMigrations.apply(driver, database)).orElse(null);
        log.info("Graph schema at migration version {}", version);
        return new GraphSchema(version);
    }

    @Bean
    OrganisationRepository organisationRepository(Neo4jClient client, GraphSchema schema) {
        return new OrganisationRepository(client);
    }

    @Bean
    DirectoryRepository directoryRepository(Neo4jClient client, GraphSchema schema) {
        return new DirectoryRepository(client);
    }

    @Bean
    ChecklistRepository checklistRepository(Neo4jClient client, GraphSchema schema) {
        return new ChecklistRepository(client);
    }

    @Bean
    RosterRepository rosterRepository(Neo4jClient client, GraphSchema schema) {
        return new RosterRepository(client);
    }

    @Bean
    AuditTrail auditTrail(Neo4jClient client, PlatformTransactionManager transactionManager, GraphSchema schema) {
        return new AuditTrail(client, transactionManager);
    }

    @Bean
    PlanRepository planRepository(Neo4jClient client, GraphSchema schema) {
        return new PlanRepository(client);
    }

    @Bean
    DrawRepository drawRepository(Neo4jClient client, GraphSchema schema) {
        return new DrawRepository(client);
    }

    @Bean
    org.supervisionhub.graph.sampling.PoolRepository poolRepository(Neo4jClient client, GraphSchema schema) {
        return new org.supervisionhub.graph.sampling.PoolRepository(client);
    }

    @Bean
    org.supervisionhub.graph.sampling.AssignmentRepository assignmentRepository(Neo4jClient client, GraphSchema schema) {
        return new org.supervisionhub.graph.sampling.AssignmentRepository(client);
    }

    @Bean
    org.supervisionhub.graph.sampling.JointRepository jointRepository(Neo4jClient client, GraphSchema schema) {
        return new org.supervisionhub.graph.sampling.JointRepository(client);
    }

    @Bean
    ComplaintRepository complaintRepository(Neo4jClient client, GraphSchema schema) {
        return new ComplaintRepository(client);
    }

    @Bean
    MeasureRepository measureRepository(Neo4jClient client, GraphSchema schema) {
        return new MeasureRepository(client);
    }

    @Bean
    TriggerRepository triggerRepository(Neo4jClient client, GraphSchema schema) {
        return new TriggerRepository(client);
    }

    @Bean
    ReceiptRepository receiptRepository(Neo4jClient client, GraphSchema schema) {
        return new ReceiptRepository(client);
    }

    @Bean
    org.supervisionhub.graph.calendar.DeadlineRepository deadlineRepository(Neo4jClient client, GraphSchema schema) {
        return new org.supervisionhub.graph.calendar.DeadlineRepository(client);
    }

    @Bean
    ResultRepository resultRepository(Neo4jClient client, GraphSchema schema) {
        return new ResultRepository(client);
    }

    @Bean
    ObjectionRepository objectionRepository(Neo4jClient client, GraphSchema schema) {
        return new ObjectionRepository(client);
    }

    @Bean
    FollowUpRepository followUpRepository(Neo4jClient client, GraphSchema schema) {
        return new FollowUpRepository(client);
    }

    @Bean
    ArchiveRepository archiveRepository(Neo4jClient client, GraphSchema schema) {
        return new ArchiveRepository(client);
    }

    @Bean
    RecordRepository recordRepository(Neo4jClient client, GraphSchema schema) {
        return new RecordRepository(client);
    }

    @Bean
    EvidenceRepository evidenceRepository(Neo4jClient client, GraphSchema schema) {
        return new EvidenceRepository(client);
    }

    @Bean
    NoticeRepository noticeRepository(Neo4jClient client, GraphSchema schema) {
        return new NoticeRepository(client);
    }

    @Bean
    VisitRepository visitRepository(Neo4jClient client, GraphSchema schema) {
        return new VisitRepository(client);
    }

    /** Exploration reads one hop per statement on the driver directly (see {@link ExploreRepository}). */
    @Bean
    ExploreRepository exploreRepository(Driver driver, GraphSchema schema, @Value("${spring.data.neo4j.database:}") String database) {
        return new ExploreRepository(driver, database);
    }

    /** The restriction check runs on the driver directly (see {@link RestrictionQuery}). */
    @Bean
    RestrictionQuery restrictionQuery(Driver driver, GraphSchema schema, @Value("${spring.data.neo4j.database:}") String database) {
        return new RestrictionQuery(driver, database);
    }
}
