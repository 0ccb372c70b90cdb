package org.supervisionhub.api.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.supervisionhub.api.HubProperties;
import org.supervisionhub.api.explore.ExplorePageConfiguration;
import org.supervisionhub.api.graphql.JsonErrors;
import org.supervisionhub.api.publicsite.PublicSiteConfiguration;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.graphql.GraphiqlPage;

/**
 * OAuth2 resource server: a bearer JWT is checked when present; GraphQL itself admits anonymous
 * callers and lets the schema's {@code @access} rules decide field by field. Every other path is
 * denied unless listed here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    static final String DEFAULT_PERSON_ID_KEY = "change-me-in-production";
    static final String DEMO_ISSUER_ENABLED = "hub.security.demo-issuer.enabled";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> decoders, RateLimitFilter rateLimit,
                            ObjectProvider<AccessAudit> audit, Clock clock) throws Exception {
        if (decoders.getIfAvailable() == null) {
            throw new IllegalStateException("No token issuer: set spring.security.oauth2.resourceserver.jwt.issuer-uri"
                    + " (or jwk-set-uri) to your identity provider, or hub.security.demo-issuer.enabled=true for the demo");
        }
        AuthenticationEntryPoint unauthenticated = unauthenticated(rateLimit, audit);
        AccessDeniedHandler denied = (request, response, e) -> JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN,
                ErrorCode.FORBIDDEN, "not allowed: " + request.getRequestURI());
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/graphql/schema").authenticated()
                        .requestMatchers("/graphql", "/graphiql", "/graphiql/**", "/public/**", "/demo-issuer/**",
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        // The /explore page and its library hold no data (the page asks /graphql with the user's token).
                        .requestMatchers(HttpMethod.GET, "/explore", "/explore/**", "/vendor/**").permitAll()
                        // The public site (一公开) and the front page: static files; their data is /public/**.
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/site", "/site/**").permitAll()
                        .requestMatchers("/import/**", "/evidence/**").authenticated()
                        // vdraw-1: the assignment part of a draw's verification document is for oversight only.
                        .requestMatchers("/oversight/**").hasAnyRole(Role.OVERSIGHT.name(), Role.ADMIN.name())
                        // Operational metrics (sources' breakers, retries, rate limiters; requests; the business meters of
                        // operations.*) for administrators; Prometheus scrapes with an administrator's token.
                        .requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus").hasRole(Role.ADMIN.name())
                        .anyRequest().denyAll())
                // Each page the hub serves has its own policy: nothing from another host, no framing.
                .headers(h -> h
                        .addHeaderWriter(contentSecurityPolicy(GraphiqlPage.CONTENT_SECURITY_POLICY, PathPatternRequestMatcher.pathPattern("/graphiql/**")))
                        .addHeaderWriter(contentSecurityPolicy(ExplorePageConfiguration.CONTENT_SECURITY_POLICY,
                                PathPatternRequestMatcher.pathPattern("/explore"), PathPatternRequestMatcher.pathPattern("/explore/**")))
                        .addHeaderWriter(contentSecurityPolicy(PublicSiteConfiguration.CONTENT_SECURITY_POLICY, PathPatternRequestMatcher.pathPattern("/"),
                                PathPatternRequestMatcher.pathPattern("/index.html"), PathPatternRequestMatcher.pathPattern("/site/**"))))
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(new CachedJwtDecoder(decoders.getObject(), timestamps(clock)))
                                .jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }

    private static DelegatingRequestMatcherHeaderWriter contentSecurityPolicy(String policy, RequestMatcher... paths) {
        return new DelegatingRequestMatcherHeaderWriter(new OrRequestMatcher(paths), new StaticHeadersWriter("Content-Security-Policy", policy));
    }


    /**
     * Answers requests without a valid token. A refused token counts against the caller's address first: each costs a
     * signature check, and bad tokens must not be a way around the quota (the limit filter runs after authentication and
     * never sees them). An upload refused here never reaches its controller, which audits it: it is recorded here.
     */
    static AuthenticationEntryPoint unauthenticated(RateLimitFilter rateLimit, ObjectProvider<? extends AccessAudit> audit) {
        return (request, response, e) -> {
            if (!rateLimit.admit(request, response)) {
                return;
            }
            String upload = uploadOperation(request);
            if (upload != null) {
                Map<String, Object> asked = new LinkedHashMap<>();
                asked.put("method", request.getMethod());
                asked.put("path", bounded(request.getRequestURI()));
                asked.put("contentLength", request.getContentLengthLong());
                audit.getObject().refused(Viewer.anonymous(request.getRemoteAddr()), upload, asked, ErrorCode.UNAUTHENTICATED.name());
            }
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
                    "a valid bearer token is required: " + e.getMessage());
        };
    }

    /** Upload paths whose refusals are audited: {@code POST /import/**} and {@code POST /evidence/**}. */
    static String uploadOperation(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return switch (path) {
            case "/import/enterprises" -> "importEnterprises";
            case "/import/inspectors" -> "importInspectors";
            case "/evidence/files" -> "uploadEvidenceFile";
            default -> path.startsWith("/import/") || path.startsWith("/evidence/") ? "POST " + bounded(path) : null;
        };
    }

    private static String bounded(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    /**
     * Tokens' exp/nbf are checked against the hub's clock, not the system's: Boot's decoders take this validator in place
     * of their default {@link JwtTimestampValidator} (which reads the system clock), so a hub whose clock is set elsewhere
     * (tests at another date) accepts the tokens issued for that time.
     */
    @Bean
    OAuth2TokenValidator<Jwt> jwtTimestampValidator(Clock clock) {
        return timestamps(clock);
    }

    static JwtTimestampValidator timestamps(Clock clock) {
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(clock);
        return validator;
    }

    /**
     * No observation of the security filters, the authentication or the authorization: the same as
     * {@code management.observations.enable.spring.security=false}, without wrapping every filter of every request in an
     * observation that is then discarded (part of the filter chain's cost on a restriction check, bench/README.md).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Roles become authorities {@code ROLE_X}; the token's subject is the principal name. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Viewers.roles(jwt).forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** Reads the schema's rules at start: a root field without one stops the hub (deny by default). */
    @Bean
    AccessPolicy accessPolicy(GraphQlSource source) {
        return new AccessPolicy(source.schema());
    }

    @Bean
    RateLimitFilter rateLimit(SecurityProperties properties) {
        return new RateLimitFilter(properties.rateLimit());
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitFilter rateLimit) {
        FilterRegistrationBean<RateLimitFilter> bean = new FilterRegistrationBean<>(rateLimit);
        // Public draw documents (up to ~1 MB and seconds of work each) and the demo issuer count too.
        bean.addUrlPatterns("/graphql", "/import/*", "/evidence/*", "/public/*", "/demo-issuer/*");
        // After Spring Security (order -100), so the token's client is known.
        bean.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return bean;
    }

    /**
     * A hub that takes real tokens handles real national IDs: it must not pseudonymise them with the published default key.
     * Only the demo module's issuer ({@value #DEMO_ISSUER_ENABLED}), whose users are synthetic, may run with it.
     */
    @Bean
    InitializingBean personIdKeyGuard(HubProperties hub, org.springframework.core.env.Environment environment) {
        return () -> {
            boolean demoIssuer = environment.getProperty(DEMO_ISSUER_ENABLED, Boolean.class, false);
            if (!demoIssuer && DEFAULT_PERSON_ID_KEY.equals(hub.personIdKey())) {
                throw new IllegalStateException("hub.person-id-key is the default; set a secret key (HUB_PERSON_ID_KEY) outside the demo");
            }
        };
    }
}
