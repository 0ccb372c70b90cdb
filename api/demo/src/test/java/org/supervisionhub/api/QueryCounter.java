package org.supervisionhub.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Counts Cypher statements issued through {@link Neo4jClient}, the only way the API reaches the graph. */
public class QueryCounter {

    private final AtomicInteger count = new AtomicInteger();

    public int count() {
        return count.get();
    }

    public void reset() {
        count.set(0);
    }

    @org.springframework.boot.test.context.TestConfiguration
    public static class Configuration {

        @Bean
        QueryCounter queryCounter() {
            return new QueryCounter();
        }

        @Bean
        static BeanPostProcessor countingNeo4jClient(org.springframework.beans.factory.ObjectProvider<QueryCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof Neo4jClient client)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(Neo4jClient.class.getClassLoader(), new Class<?>[] {Neo4jClient.class},
                            (proxy, method, args) -> {
                                if (method.getName().equals("query")) {
                                    counter.getObject().count.incrementAndGet();
                                }
                                try {
                                    return method.invoke(client, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            };
        }
    }
}
