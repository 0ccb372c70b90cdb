package org.supervisionhub.api.store;

import java.util.concurrent.CompletionStage;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.BaseSession;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.SessionConfig;
import org.springframework.core.InfrastructureProxy;

/**
 * The driver as the {@code Neo4jClient} sees it: a session the client opens itself, i.e. a statement run outside a
 * Spring transaction, is a READ session, so a Neo4j cluster routes it to a secondary (or a follower) instead of the
 * leader. Inside a transaction the client runs on the transaction manager's session, READ for
 * {@code @Transactional(readOnly = true)} and WRITE otherwise; so every write must run in a (non-read-only)
 * transaction, which the hub requires anyway, and a write outside one fails loudly ("Writing in read access mode not
 * allowed") on a single server as on a cluster.
 *
 * <p>{@link InfrastructureProxy}: transaction resources are bound to the underlying driver, so the client, holding
 * this wrapper, still finds the transaction the manager began on that driver.
 */
final class ReadRoutingDriver implements Driver, InfrastructureProxy {

    private final Driver driver;

    ReadRoutingDriver(Driver driver) {
        this.driver = driver;
    }

    @Override
    public Object getWrappedObject() {
        return driver;
    }

    @Override
    public <T extends BaseSession> T session(Class<T> sessionClass, SessionConfig config, AuthToken authToken) {
        return driver.session(sessionClass, read(config), authToken);
    }

    @Override
    public <T extends BaseSession> T session(Class<T> sessionClass, SessionConfig config) {
        return driver.session(sessionClass, read(config));
    }

    /** The client's configuration (bookmarks, database, impersonated user: all it sets) with READ access. */
    static SessionConfig read(SessionConfig config) {
        if (config.defaultAccessMode() == AccessMode.READ) {
            return config;
        }
        SessionConfig.Builder b = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).withBookmarks(config.bookmarks());
        config.fetchSize().ifPresent(b::withFetchSize);
        config.database().ifPresent(b::withDatabase);
        config.impersonatedUser().ifPresent(b::withImpersonatedUser);
        config.bookmarkManager().ifPresent(b::withBookmarkManager);
        return b.build();
    }

    @Override
    public ExecutableQuery executableQuery(String query) {
        return driver.executableQuery(query);
    }

    @Override
    public BookmarkManager executableQueryBookmarkManager() {
        return driver.executableQueryBookmarkManager();
    }

    @Override
    public boolean isEncrypted() {
        return driver.isEncrypted();
    }

    @Override
    public void close() {
        // The driver bean's lifecycle is the container's, not the client's.
    }

    @Override
    public CompletionStage<Void> closeAsync() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Override
    public void verifyConnectivity() {
        driver.verifyConnectivity();
    }

    @Override
    public CompletionStage<Void> verifyConnectivityAsync() {
        return driver.verifyConnectivityAsync();
    }

    @Override
    public boolean verifyAuthentication(AuthToken authToken) {
        return driver.verifyAuthentication(authToken);
    }

    @Override
    public boolean supportsSessionAuth() {
        return driver.supportsSessionAuth();
    }

    @Override
    public boolean supportsMultiDb() {
        return driver.supportsMultiDb();
    }

    @Override
    public CompletionStage<Boolean> supportsMultiDbAsync() {
        return driver.supportsMultiDbAsync();
    }
}
