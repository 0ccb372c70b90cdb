package org.supervisionhub.api.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.Query;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.QueryType;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Watches the driver: every statement, with the access mode it ran under (a session's default mode, or an executable
 * query's routing), the graph-model repository method that issued it, and what the statement ran for: a GraphQL
 * mutation, a GraphQL query (or subscription), an HTTP GET (the public site's JSON, CSV and Atom, draw documents), or
 * anything else (start-up, scheduled work). A unit is one session (one auto-commit statement, or one transaction of the
 * transaction manager) or one executable query.
 *
 * <p>{@link #readsRoutedToWriter()} is the check: a unit run for a query or a GET whose statements all are reads (as the
 * server's planner classifies them, with {@code EXPLAIN}) must have run READ; a WRITE one would reach a cluster's
 * leader. Writes need no check here: a write in a READ unit fails on the server ("Writing in read access mode").
 */
public final class RoutingRecorder {

    public enum Purpose { MUTATION, QUERY, GET, OTHER }

    public record Statement(String cypher, Map<String, Object> parameters) {
    }

    /** One session or executable query: its mode, purpose, statements, and the repository methods that ran them. */
    public static final class Unit {
        final AccessMode mode;
        Purpose purpose;
        final List<Statement> statements = new ArrayList<>();
        final Set<String> repositoryMethods = new LinkedHashSet<>();
        final Set<String> callers = new LinkedHashSet<>();

        Unit(AccessMode mode) {
            this.mode = mode;
        }

        public AccessMode mode() {
            return mode;
        }

        public Purpose purpose() {
            return purpose;
        }

        public Set<String> repositoryMethods() {
            return repositoryMethods;
        }

        String signature() {
            return mode + "|" + purpose + "|" + repositoryMethods + "|" + statements.stream().map(Statement::cypher).toList();
        }

        @Override
        public String toString() {
            return mode + " unit for a " + purpose + ": " + repositoryMethods + " called from " + callers + "; statements: "
                    + statements.stream().map(s -> s.cypher().replaceAll("\\s+", " ").strip())
                    .map(c -> c.length() > 160 ? c.substring(0, 160) + "..." : c).toList();
        }
    }

    private final Driver driver;
    /** Units run for a query or a GET in WRITE mode, one per distinct signature: the candidates the check explains. */
    private final Map<String, Unit> writeUnitsForReads = new ConcurrentHashMap<>();
    /** Per repository method, the modes it ran under for a query or a GET. */
    private final Map<String, Set<AccessMode>> modesForReads = new ConcurrentHashMap<>();
    /** Units finished on this thread while {@link #capture} runs. */
    private final ThreadLocal<List<Unit>> captured = new ThreadLocal<>();
    private final Map<String, Boolean> readOnlyStatements = new ConcurrentHashMap<>();

    private RoutingRecorder(Driver driver) {
        this.driver = driver;
    }

    /** The units {@code action} ran on this thread. */
    public List<Unit> capture(Runnable action) {
        List<Unit> units = new ArrayList<>();
        captured.set(units);
        try {
            action.run();
        } finally {
            captured.remove();
        }
        return units;
    }

    /** Per repository method called for a query or a GET so far, the access modes it ran under. */
    public Map<String, Set<AccessMode>> modesForReads() {
        return new TreeMap<>(modesForReads);
    }

    /** Every unit recorded for a query or a GET that ran only reads, yet WRITE. */
    public List<Unit> readsRoutedToWriter() {
        return readsRoutedToWriter(writeUnitsForReads.values());
    }

    /** Of {@code units}, the WRITE ones that ran only reads. */
    public List<Unit> readsRoutedToWriter(Collection<Unit> units) {
        return units.stream().filter(u -> u.mode == AccessMode.WRITE && !u.statements.isEmpty())
                .filter(u -> u.statements.stream().allMatch(this::readOnly)).toList();
    }

    /** The planner's classification: {@code EXPLAIN} plans without running. */
    private boolean readOnly(Statement s) {
        return readOnlyStatements.computeIfAbsent(s.cypher(), c -> {
            try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
                return session.run("EXPLAIN " + c, s.parameters()).consume().queryType() == QueryType.READ_ONLY;
            }
        });
    }

    private void started(Unit unit) {
        StackWalker.getInstance().forEach(frame -> {
            String type = frame.getClassName();
            if (type.equals("graphql.execution.AsyncSerialExecutionStrategy")) {
                unit.purpose = Purpose.MUTATION;
            } else if (type.startsWith("graphql.execution.") && unit.purpose != Purpose.MUTATION) {
                unit.purpose = Purpose.QUERY;
            } else if (type.equals("org.springframework.web.servlet.FrameworkServlet") && frame.getMethodName().equals("doGet")
                    && unit.purpose == null) {
                unit.purpose = Purpose.GET;
            }
        });
        if (unit.purpose == null) {
            unit.purpose = Purpose.OTHER;
        }
    }

    private void ran(Unit unit, Statement statement) {
        if (unit.purpose == null) {
            started(unit);
        }
        unit.statements.add(statement);
        // The outermost graph-model frame is the repository method the caller called; the frame above it, the caller.
        List<StackWalker.StackFrame> frames = StackWalker.getInstance().walk(s -> s.filter(f -> f.getClassName().startsWith("org.supervisionhub."))
                .collect(Collectors.toList()));
        int outermost = -1;
        for (int i = 0; i < frames.size(); i++) {
            String type = frames.get(i).getClassName();
            if (type.startsWith("org.supervisionhub.graph.") && !type.startsWith("org.supervisionhub.graph.store.")) {
                outermost = i;
            }
        }
        if (outermost >= 0) {
            StackWalker.StackFrame f = frames.get(outermost);
            unit.repositoryMethods.add(simple(f.getClassName()) + "." + f.getMethodName());
            if (outermost + 1 < frames.size()) {
                StackWalker.StackFrame c = frames.get(outermost + 1);
                unit.callers.add(simple(c.getClassName()) + "." + c.getMethodName());
            }
        }
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private void finished(Unit unit) {
        List<Unit> capture = captured.get();
        if (capture != null) {
            capture.add(unit);
        }
        if (unit.statements.isEmpty() || (unit.purpose != Purpose.QUERY && unit.purpose != Purpose.GET)) {
            return;
        }
        unit.repositoryMethods.forEach(m -> modesForReads.computeIfAbsent(m, k -> ConcurrentHashMap.newKeySet()).add(unit.mode));
        if (unit.mode == AccessMode.WRITE) {
            writeUnitsForReads.putIfAbsent(unit.signature(), unit);
        }
    }

    // --- the driver, its sessions, transactions and executable queries, observed ---

    private Driver observed() {
        return proxy(Driver.class, driver, (method, args) -> {
            Object result = invoke(driver, method, args);
            if (method.getName().equals("session") && result instanceof Session session) {
                SessionConfig config = args == null ? SessionConfig.defaultConfig() : java.util.Arrays.stream(args)
                        .filter(SessionConfig.class::isInstance).map(SessionConfig.class::cast).findFirst().orElse(SessionConfig.defaultConfig());
                return observed(session, new Unit(config.defaultAccessMode()));
            }
            if (method.getName().equals("executableQuery")) {
                return observed((ExecutableQuery) result, (String) args[0], Map.of(), QueryConfig.defaultConfig());
            }
            return result;
        });
    }

    private Session observed(Session session, Unit unit) {
        return proxy(Session.class, session, (method, args) -> {
            switch (method.getName()) {
                case "run" -> ran(unit, statement(args));
                case "close" -> finished(unit);
                default -> {
                }
            }
            Object result = invoke(session, method, args);
            if (result instanceof Transaction tx) {
                return proxy(Transaction.class, tx, (m, a) -> {
                    if (m.getName().equals("run")) {
                        ran(unit, statement(a));
                    }
                    return invoke(tx, m, a);
                });
            }
            return result;
        });
    }

    private ExecutableQuery observed(ExecutableQuery query, String cypher, Map<String, Object> parameters, QueryConfig config) {
        return proxy(ExecutableQuery.class, query, (method, args) -> {
            Object result = invoke(query, method, args);
            switch (method.getName()) {
                case "withParameters" -> {
                    return observed((ExecutableQuery) result, cypher, (Map<String, Object>) args[0], config);
                }
                case "withConfig" -> {
                    return observed((ExecutableQuery) result, cypher, parameters, (QueryConfig) args[0]);
                }
                case "withAuthToken" -> {
                    return observed((ExecutableQuery) result, cypher, parameters, config);
                }
                case "execute" -> {
                    Unit unit = new Unit(config.routing() == RoutingControl.READ ? AccessMode.READ : AccessMode.WRITE);
                    ran(unit, new Statement(cypher, parameters));
                    finished(unit);
                }
                default -> {
                }
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private static Statement statement(Object[] args) {
        if (args[0] instanceof Query q) {
            return new Statement(q.text(), q.parameters().asMap());
        }
        Map<String, Object> parameters = Map.of();
        if (args.length > 1 && args[1] instanceof Map<?, ?> m) {
            parameters = (Map<String, Object>) m;
        } else if (args.length > 1 && args[1] instanceof Value v) {
            parameters = v.asMap();
        } else if (args.length > 1 && args[1] instanceof Record r) {
            parameters = r.asMap();
        }
        return new Statement((String) args[0], parameters);
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return (T) Proxy.newProxyInstance(RoutingRecorder.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> switch (method.getName()) {
                    // Identity: the transaction manager binds its transaction to the driver it holds, this proxy.
                    case "equals" -> args.length == 1 && p == args[0];
                    case "hashCode" -> args == null ? System.identityHashCode(p) : handler.handle(method, args);
                    case "toString" -> args == null ? "observed " + target : handler.handle(method, args);
                    default -> handler.handle(method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Wraps the {@link Driver} bean, so the transaction manager, the client and the repositories all use it observed. */
    @org.springframework.boot.test.context.TestConfiguration
    public static class Configuration {

        static final Map<Driver, RoutingRecorder> RECORDERS = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        @Bean
        static BeanPostProcessor observedDriver() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof Driver driver) || Proxy.isProxyClass(bean.getClass())) {
                        return bean;
                    }
                    RoutingRecorder recorder = new RoutingRecorder(driver);
                    Driver observed = recorder.observed();
                    RECORDERS.put(observed, recorder);
                    return observed;
                }
            };
        }

        @Bean
        RoutingRecorder routingRecorder(Driver driver) {
            return RECORDERS.get(driver);
        }
    }
}
