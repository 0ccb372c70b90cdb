package org.supervisionhub.api.graphql;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphiQL served by the hub itself, with its assets (GraphiQL 3.8.3 and React 18.3.1, release files from the npm
 * registry with their licences, under {@code classpath:/graphiql/vendor/}): it works without internet and under a
 * policy that lets it load nothing from elsewhere. On in the demo profile ({@code hub.graphiql.enabled}); Spring's own
 * page, which loads its scripts from a CDN, stays off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.graphiql.enabled", havingValue = "true")
public class GraphiqlPage implements WebMvcConfigurer {

    /**
     * The page loads everything from this hub and may talk to it only. React
     * and GraphiQL set inline styles, hence {@code 'unsafe-inline'} for styles alone; no inline script runs.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " font-src 'self' data:; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'none'";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/graphiql/**").addResourceLocations("classpath:/graphiql/");
    }

    @Bean
    RouterFunction<ServerResponse> graphiqlIndex() {
        ClassPathResource index = new ClassPathResource("graphiql/index.html");
        // The page's asset paths are relative to /graphiql/.
        return RouterFunctions.route()
                .GET("/graphiql", request -> ServerResponse.status(308).location(URI.create("/graphiql/")).build())
                .GET("/graphiql/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(index))
                .build();
    }
}
