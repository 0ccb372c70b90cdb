package org.supervisionhub.connectors.sync;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.sync.SyncRepository;
import org.supervisionhub.graph.sync.SyncRepository.DeadLetter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one stream of a source to the graph, page by page, under a lease so one replica runs it at a time. Pages
 * are read until a transaction's worth of records is in hand, then applied in one transaction with the checkpoint of
 * the last, while the next transaction's pages are read; records that fail the contract become dead letters while the
 * rest proceeds. A crash between batches
 * resumes from the last committed checkpoint; a batch applied twice changes nothing (the subclasses' writes are
 * idempotent). Subclasses say how to read a page and how to check and apply its records.
 * <p>
 * With several {@link #writers() writers}, a batch is split by the partition of each record's key (the subject's
 * USCC) and each partition's share is applied in a transaction of its own, side by side, with that partition's
 * checkpoint; a partition's records stay in stream order, as one writer applies them batch after batch. The rule for
 * what crosses partitions: a link belongs to the subject whose snapshot states it (and so to its partition); the
 * subject at its other end is only referenced by key (created bare, without registry data, when absent), which a
 * subject's own snapshot never depends on. So after a crash the graph holds exactly the applied prefix of every
 * partition. Once all partitions applied a batch, the stream's checkpoint moves to its end and the lease is renewed;
 * a resumed run reads from the stream's checkpoint and skips what each partition already holds.
 *
 * @param <P> a page as the generated client returns it
 * @param <R> a record of the page
 */
public abstract class FeedSync<P, R> {

    /** FULL reads the stream again from its beginning; what is not newer changes nothing. */
    public enum Mode { INCREMENTAL, FULL }

    /** How a run ended: CAUGHT_UP, YIELDED (page limit; more next run), BUSY (another replica holds the lease), CIRCUIT_OPEN, FAILED. */
    public record Run(String source, String stream, Mode mode, String outcome, long pages, long records, long applied, long deadLetters,
                      long position, String error) {
    }

    /**
     * How a stream's pages hold their records, named by accessors because the generated page and record types share
     * no interface: the records, the cursor after the page, whether more follow; a record's position in the stream
     * (null when it has none) and its key in the source (a USCC, an entry id: for dead letters).
     */
    public record Shape<P, R>(Function<P, List<R>> records, Function<P, String> nextCursor, Function<P, Boolean> hasMore,
                              Function<R, Long> seq, Function<R, String> key, Class<R> recordType) {
    }

    /** What the streams' syncs share. */
    public record Context(JsonMapper json, SyncRepository repository, Transactions transactions, SourceGuard guard,
                          ConnectorProperties properties, Clock clock) {
    }

    /** A page as read, with the cursor it was read after (kept on its dead letters, to read it again). */
    protected record Fetched<P>(P page, String after) {
    }

    record Batch(long applied, long deadLetters, long position) {
    }

    /** A record of a batch with its position and the cursor its page was read after. */
    private record Item<R>(R record, long seq, String after) {
    }

    /** Attempts of a partition's transaction that a transient conflict (a deadlock between partitions) aborted. */
    private static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(FeedSync.class);

    protected final String source;
    protected final String stream;
    /** The Resilience4j instances' name. */
    protected final String guardName;
    protected final JsonMapper json;
    protected final SyncRepository repository;
    protected final Transactions transactions;
    protected final SourceGuard guard;
    protected final ConnectorProperties properties;
    protected final ConnectorProperties.Source settings;
    private final Shape<P, R> shape;
    protected final Clock clock;
    private final String lock;
    /** Reads the next group of pages while the current one is applied; one per stream, as a stream runs one sync at a time. */
    private final ExecutorService reader;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    protected FeedSync(String source, String stream, String guardName, ConnectorProperties.Source settings, Shape<P, R> shape, Context context) {
        this.source = source;
        this.stream = stream;
        this.guardName = guardName;
        this.settings = settings;
        this.shape = shape;
        this.json = context.json();
        this.repository = context.repository();
        this.transactions = context.transactions();
        this.guard = context.guard();
        this.properties = context.properties();
        this.clock = context.clock();
        this.lock = "sync:" + source + ":" + stream;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sync-read-" + source + "-" + stream);
            t.setDaemon(true);
            return t;
        });
    }

    /** The page after {@code after} (null: the beginning), straight from the generated client. */
    protected abstract P read(String after, int limit);

    /** Why the record cannot be applied, or null (a record without a position is refused before). */
    protected abstract String problem(R record);

    /** Why {@code value} is not a USCC, as {@code field: reason}, or null. */
    protected static String usccProblem(String field, String value) {
        return Uscc.problem(value == null ? "" : value).map(p -> field + ": " + p).orElse(null);
    }

    /** The record's problem, its missing position first. */
    private String check(R record) {
        return seq(record) == null ? "seq: missing" : problem(record);
    }

    /**
     * Problems of records that pass {@link #problem} which only the graph can tell (a region the hub does not know),
     * read once for the batch in the caller's transaction: the problem of each record, or null. None by default.
     */
    protected Function<R, String> graphProblems(List<R> records) {
        return r -> null;
    }

    /** Adds the applicable items' records to {@code valid} in order, dead-letters the others; returns how many. */
    private long sort(List<Item<R>> items, List<R> valid, OffsetDateTime now) {
        List<String> problems = items.stream().map(i -> check(i.record())).toList();
        List<R> formed = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            if (problems.get(k) == null) {
                formed.add(items.get(k).record());
            }
        }
        Function<R, String> graph = formed.isEmpty() ? r -> null : graphProblems(formed);
        long dead = 0;
        for (int k = 0; k < items.size(); k++) {
            Item<R> i = items.get(k);
            String problem = problems.get(k) != null ? problems.get(k) : graph.apply(i.record());
            if (problem == null) {
                valid.add(i.record());
            } else {
                deadLetter(i.record(), i.seq(), i.after(), problem, now);
                dead++;
            }
        }
        return dead;
    }

    /** A single record's problem, the graph's included (read in a transaction of its own). */
    private String problemOf(R record) {
        String problem = check(record);
        return problem != null ? problem : transactions.run(() -> graphProblems(List.of(record)).apply(record));
    }

    /** How many partitions apply a batch side by side; 1: the whole batch in one transaction. */
    protected int writers() {
        return 1;
    }

    /** The partition of a record's key among {@code partitions} (String's hash is the same in every JVM). */
    public static int partition(String key, int partitions) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), partitions);
    }

    /** Applies valid records in stream order, in the caller's transaction; returns how many changed the graph. */
    protected abstract long apply(List<R> valid, OffsetDateTime now);

    private List<R> records(P page) {
        List<R> records = shape.records().apply(page);
        return records == null ? List.of() : records;
    }

    private String nextCursor(P page) {
        return shape.nextCursor().apply(page);
    }

    private boolean hasMore(P page) {
        return Boolean.TRUE.equals(shape.hasMore().apply(page));
    }

    private Long seq(R record) {
        return shape.seq().apply(record);
    }

    private String key(R record) {
        return shape.key().apply(record);
    }

    public String source() {
        return source;
    }

    public String stream() {
        return stream;
    }

    public String guardName() {
        return guardName;
    }

    public boolean configured() {
        return settings.baseUrl() != null;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public java.time.Duration interval() {
        return settings.interval();
    }

    public CircuitBreaker.State breakerState() {
        return guard.breakerState(guardName);
    }

    public Run run(Mode mode) {
        if (!transactions.run(() -> repository.lock(lock, owner, now(), now().plus(properties.lockLease())))) {
            return new Run(source, stream, mode, "BUSY", 0, 0, 0, 0, 0, null);
        }
        long pages = 0;
        long records = 0;
        long applied = 0;
        long dead = 0;
        long position = 0;
        int writers = writers();
        ExecutorService pool = writers > 1 ? Executors.newFixedThreadPool(writers, r -> {
            Thread t = new Thread(r, "sync-write-" + source + "-" + stream);
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            var checkpoint = mode == Mode.FULL ? null : transactions.run(() -> repository.checkpoint(source, stream).orElse(null));
            String cursor = checkpoint == null ? null : checkpoint.cursor();
            position = checkpoint == null ? 0 : checkpoint.position();
            // Each partition's applied prefix: at least the stream's checkpoint, further where it committed a later batch.
            long[] done = new long[writers];
            if (pool != null) {
                long base = position;
                Map<Integer, Long> ahead = mode == Mode.FULL ? Map.of() : transactions.run(() -> repository.partitionCheckpoints(source, stream, writers));
                for (int p = 0; p < writers; p++) {
                    done[p] = Math.max(base, ahead.getOrDefault(p, base));
                }
            }
            CompletableFuture<Group<P>> next = readAhead(cursor, settings.maxPagesPerRun());
            while (true) {
                Group<P> group = join(next);
                long budget = settings.maxPagesPerRun() - pages - group.pages().size();
                // The next group is read while this one is applied, so the source's latency and the graph's writes overlap.
                next = group.more() && !group.refused() && budget > 0 ? readAhead(group.cursor(), budget) : null;
                if (!group.pages().isEmpty()) {
                    long from = position;
                    Batch batch;
                    try {
                        batch = pool == null ? transactions.run(() -> applyBatch(group.pages(), from)) : applyPartitioned(group.pages(), from, done, pool);
                    } catch (RuntimeException e) {
                        if (next != null) {
                            next.cancel(true);
                        }
                        throw e;
                    }
                    pages += group.pages().size();
                    records += group.records();
                    applied += batch.applied();
                    dead += batch.deadLetters();
                    position = batch.position();
                }
                if (group.refused()) {
                    // The breaker refuses the source: what was read is applied; the next run goes on from there.
                    transactions.run(() -> repository.attempted(source, "CIRCUIT_OPEN", "circuit open", now()));
                    return new Run(source, stream, mode, "CIRCUIT_OPEN", pages, records, applied, dead, position, "circuit open");
                }
                if (!group.more()) {
                    transactions.run(() -> repository.synced(source, "OK", now()));
                    return new Run(source, stream, mode, "CAUGHT_UP", pages, records, applied, dead, position, null);
                }
                if (next == null) {
                    break;
                }
            }
            return new Run(source, stream, mode, "YIELDED", pages, records, applied, dead, position, null);
        } catch (RuntimeException e) {
            log.warn("Sync of {} {} stopped: {}", source, stream, e.toString());
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // Retries used up while the failures opened the breaker: the source is down, not merely failing.
            String state = breakerState() == CircuitBreaker.State.OPEN ? "CIRCUIT_OPEN" : "FAILING";
            transactions.run(() -> repository.attempted(source, state, message, now()));
            return new Run(source, stream, mode, "CIRCUIT_OPEN".equals(state) ? state : "FAILED", pages, records, applied, dead, position, message);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            transactions.run(() -> repository.unlock(lock, owner));
        }
    }

    /** Whole pages read after a cursor: a transaction's worth, or fewer where the stream ended, the page budget ran out or the breaker refused. */
    record Group<P>(List<Fetched<P>> pages, int records, String cursor, boolean more, boolean refused) {
    }

    private CompletableFuture<Group<P>> readAhead(String cursor, long pageBudget) {
        return CompletableFuture.supplyAsync(() -> readGroup(cursor, pageBudget), reader);
    }

    private Group<P> readGroup(String cursor, long pageBudget) {
        List<Fetched<P>> fetched = new ArrayList<>();
        int inHand = 0;
        boolean more = true;
        while (more && inHand < settings.recordsPerTransaction() && fetched.size() < pageBudget) {
            String after = cursor;
            P page;
            try {
                page = guard.call(guardName, () -> read(after, settings.pageSize()));
            } catch (CallNotPermittedException e) {
                return new Group<>(fetched, inHand, cursor, more, true);
            }
            fetched.add(new Fetched<>(page, after));
            inHand += records(page).size();
            cursor = nextCursor(page);
            more = hasMore(page);
        }
        return new Group<>(fetched, inHand, cursor, more, false);
    }

    /** The group read ahead, or what stopped its reading (retries spent, a time-out) as thrown by the source call. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Pages in the caller's transaction: the valid records, the dead letters, the checkpoint of the last page, the lease renewed. */
    Batch applyBatch(List<Fetched<P>> pages, long from) {
        OffsetDateTime now = now();
        List<Item<R>> items = new ArrayList<>();
        long position = from;
        for (Fetched<P> f : pages) {
            for (R r : records(f.page())) {
                long seq = seq(r) == null ? position + 1 : seq(r);
                position = Math.max(position, seq);
                items.add(new Item<>(r, seq, f.after()));
            }
        }
        List<R> valid = new ArrayList<>();
        long dead = sort(items, valid, now);
        long applied = apply(valid, now);
        repository.saveCheckpoint(source, stream, nextCursor(pages.get(pages.size() - 1).page()), position, applied, now);
        if (!repository.lock(lock, owner, now, now.plus(properties.lockLease()))) {
            throw new IllegalStateException("the lease of " + lock + " passed to another replica");
        }
        return new Batch(applied, dead, position);
    }

    /**
     * A batch split by partition, each share applied by its writer in a transaction with its partition's checkpoint
     * (records a partition already holds skipped); once all committed, the stream's checkpoint and the lease in one more.
     */
    Batch applyPartitioned(List<Fetched<P>> pages, long from, long[] done, ExecutorService pool) {
        int partitions = done.length;
        List<List<Item<R>>> shares = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            shares.add(new ArrayList<>());
        }
        long position = from;
        for (Fetched<P> f : pages) {
            for (R r : records(f.page())) {
                long seq = seq(r) == null ? position + 1 : seq(r);
                position = Math.max(position, seq);
                int p = partition(key(r), partitions);
                if (seq > done[p]) {
                    shares.get(p).add(new Item<>(r, seq, f.after()));
                }
            }
        }
        String cursor = nextCursor(pages.get(pages.size() - 1).page());
        long end = position;
        List<CompletableFuture<Batch>> writes = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            writes.add(CompletableFuture.supplyAsync(Retry.decorateSupplier(PARTITION_RETRY, () -> transactions.run(
                    () -> applyShare(partition, partitions, shares.get(partition), cursor, end))), pool));
        }
        // Every writer finishes (or fails) before the run goes on or ends, so none outlives the lease.
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        long applied = 0;
        long dead = 0;
        for (int p = 0; p < partitions; p++) {
            Batch b = join(writes.get(p));
            done[p] = end;
            applied += b.applied();
            dead += b.deadLetters();
        }
        long total = applied;
        transactions.run(() -> {
            OffsetDateTime now = now();
            repository.saveCheckpoint(source, stream, cursor, end, total, now);
            if (!repository.lock(lock, owner, now, now.plus(properties.lockLease()))) {
                throw new IllegalStateException("the lease of " + lock + " passed to another replica");
            }
        });
        return new Batch(applied, dead, end);
    }

    /** A partition's share of a batch in the caller's transaction, with its checkpoint; refused once the lease is lost. */
    private Batch applyShare(int partition, int partitions, List<Item<R>> items, String cursor, long end) {
        OffsetDateTime now = now();
        if (!repository.holds(lock, owner, now)) {
            throw new IllegalStateException("the lease of " + lock + " passed to another replica");
        }
        List<R> valid = new ArrayList<>();
        long dead = sort(items, valid, now);
        long applied = valid.isEmpty() ? 0 : apply(valid, now);
        repository.savePartitionCheckpoint(source, stream, partition, partitions, cursor, end, applied, now);
        return new Batch(applied, dead, end);
    }

    /** Keeps a record that cannot be applied, with the cursor its page was read after, to replay it after a fix. */
    private void deadLetter(R record, long seq, String after, String problem, OffsetDateTime now) {
        repository.deadLetter(new DeadLetter("DL-" + UUID.randomUUID(), source, stream, seq, after, key(record), problem,
                json.writeValueAsString(record), now, "OPEN", null, null));
    }

    /**
     * Runs a partition's transaction again when a conflict with another partition (a deadlock) aborted it; it is
     * idempotent, so a rerun is safe.
     */
    private static final Retry PARTITION_RETRY = Retry.of("sync-partition-writes", RetryConfig.custom()
            .maxAttempts(ATTEMPTS).waitDuration(java.time.Duration.ofMillis(10)).retryOnException(FeedSync::isTransient).build());

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientException || t instanceof TransientDataAccessException || t instanceof ConcurrencyFailureException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies a dead letter again after a fix: its stored payload if that now passes, else the record read again from
     * the source where its page began. Resolved once; one still broken stays open and the reason is thrown.
     */
    public DeadLetter replay(DeadLetter d) {
        if (!"OPEN".equals(d.status())) {
            throw new IllegalStateException("dead letter " + d.id() + " is " + d.status());
        }
        R stored = json.readValue(d.payload(), shape.recordType());
        R fixed = problemOf(stored) == null ? stored : refetch(d);
        String problem = fixed == null ? "the source no longer serves position " + d.position() : fixed == stored ? null : problemOf(fixed);
        if (problem != null) {
            throw new IllegalStateException("still not applicable: " + problem);
        }
        String resolution = fixed == stored ? "REPARSED" : "REFETCHED";
        return transactions.run(() -> {
            OffsetDateTime now = now();
            apply(List.of(fixed), now);
            repository.resolve(d.id(), resolution, now);
            return repository.lockDeadLetter(d.id()).orElseThrow(() -> new NoSuchElementException(d.id()));
        });
    }

    private R refetch(DeadLetter d) {
        String cursor = d.cursor();
        for (int pages = 0; pages < 100; pages++) {
            String after = cursor;
            P page = guard.call(guardName, () -> read(after, settings.pageSize()));
            for (R r : records(page)) {
                if (seq(r) != null && seq(r) == d.position()) {
                    return r;
                }
            }
            if (!hasMore(page)) {
                return null;
            }
            cursor = nextCursor(page);
        }
        return null;
    }

    protected OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
