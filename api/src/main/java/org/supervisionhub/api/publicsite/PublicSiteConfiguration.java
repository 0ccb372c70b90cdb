package org.supervisionhub.api.publicsite;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.supervisionhub.api.store.GraphConfiguration.GraphSchema;
import org.supervisionhub.graph.publicsite.PublicSiteRepository;

/**
 * The public site: static pages under {@code classpath:/static/site/} (plain HTML, CSS and JS, nothing fetched from
 * another host), the hub's front page {@code /} ({@code static/index.html}), and the open data under {@code /public/data}
 * and {@code /public/feeds}. SecurityConfiguration permits the pages and gives them {@link #CONTENT_SECURITY_POLICY}.
 */
@Configuration(proxyBeanMethods = false)
public class PublicSiteConfiguration implements WebMvcConfigurer {

    /** Everything from the hub itself, nothing inline, no frames: the pages need no more. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PublicSiteRepository publicSiteRepository(Driver driver, GraphSchema schema, @Value("${spring.data.neo4j.database:}") String database) {
        return new PublicSiteRepository(driver, database);
    }

    /**
     * ETags (a hash of the body; 304 on If-None-Match) on the open data, so a CDN or a client revalidates cheaply. Not on
     * the draw documents: a pool of a million lines is streamed, never buffered to hash.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicDataEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> bean = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        bean.addUrlPatterns("/public/data/*", "/public/feeds/*");
        return bean;
    }

    /** Open data is for anyone's page: GET (and HEAD) from any origin, no credentials. */
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/public/**").allowedOrigins("*").allowedMethods("GET", "HEAD").allowCredentials(false).maxAge(3600);
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/site").setViewName("redirect:/site/");
        registry.addViewController("/site/").setViewName("forward:/site/index.html");
    }
}
