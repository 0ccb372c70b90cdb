package org.supervisionhub.api.explore;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The analyst's picture at {@code /explore}: a static page (classpath:/static/explore/) with the vendored Cytoscape.js
 * (classpath:/static/vendor/cytoscape/). It holds no data; it asks {@code /graphql} with the user's bearer token, so it
 * is served to anyone (SecurityConfiguration permits it and gives it its own Content-Security-Policy).
 */
@Configuration(proxyBeanMethods = false)
public class ExplorePageConfiguration implements WebMvcConfigurer {

    /** The page's policy: everything from the hub itself, nothing inline, no frames, no forms posting elsewhere. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/explore").setViewName("forward:/explore/index.html");
        registry.addViewController("/explore/").setViewName("forward:/explore/index.html");
    }
}
