package org.supervisionhub.api.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.supervisionhub.graph.roster.RosterRepository;

/**
 * The embedded demo's token issuer: signs RS256 JWTs (Nimbus JOSE) for the configured demo users
 * with a key generated at start, so tokens end with the process. Never enabled outside the demo:
 * production tokens come from the organisation's identity provider.
 */
public class DemoIssuer {

    /**
     * An https URL, as identity providers' issuers are: Spring Security converts {@code iss} to a {@link java.net.URL} on every
     * request, and for a scheme without a handler (urn:) that conversion searches the class path each time (~7 ms a request).
     */
    public static final String ISSUER = "https://demo-issuer.supervision-hub.invalid";
    public static final String AUDIENCE = "supervision-hub";

    /** A token as the OAuth2 token endpoint returns it. */
    public record Token(String accessToken, String tokenType, long expiresIn) {
    }

    /** Who a token is for. */
    public record Subject(String subject, List<Role> roles, String department, String unit, String inspector) {
    }

    private final RSAKey key;
    private final DemoIssuerProperties settings;
    private final RosterRepository roster;
    private final Clock clock;

    public DemoIssuer(DemoIssuerProperties settings, RosterRepository roster, Clock clock) {
        this.settings = settings;
        this.roster = roster;
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("demo-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the demo signing key", e);
        }
    }

    /** The demo users and their claims, with an INSPECTOR's inspector id resolved from the graph. */
    public Map<String, Subject> users() {
        Map<String, Subject> users = new LinkedHashMap<>();
        settings.users().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> users.put(e.getKey(), subject(e.getKey(), e.getValue())));
        return users;
    }

    /** The client-credentials grant: a token for a demo user, if the secret matches. */
    public Optional<Token> token(String clientId, String clientSecret) {
        DemoIssuerProperties.DemoUser user = clientId == null ? null : settings.users().get(clientId);
        if (user == null || !settings.clientSecret().equals(clientSecret)) {
            return Optional.empty();
        }
        return Optional.of(mint(subject(clientId, user)));
    }

    public Token mint(Subject s) {
        Instant now = clock.instant();
        long seconds = settings.tokenMinutes() * 60L;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(s.subject())
                .claim("azp", s.subject()).claim("roles", s.roles().stream().map(Enum::name).toList())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(seconds)))
                .jwtID(UUID.randomUUID().toString());
        if (s.department() != null) {
            claims.claim("department", s.department());
        }
        if (s.unit() != null) {
            claims.claim("unit", s.unit());
        }
        if (s.inspector() != null) {
            claims.claim("inspector", s.inspector());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
        return new Token(jwt.serialize(), "Bearer", seconds);
    }

    /** The public key set, as an identity provider publishes it. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    /** Verifies signature, issuer, audience and expiry (against the hub's clock, which minted them) of tokens this issuer signed. */
    public JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithValidators(List.of(SecurityConfiguration.timestamps(clock),
                            new org.springframework.security.oauth2.jwt.JwtIssuerValidator(ISSUER))),
                    new org.springframework.security.oauth2.jwt.JwtClaimValidator<List<String>>("aud",
                            aud -> aud != null && aud.contains(AUDIENCE))));
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Subject subject(String id, DemoIssuerProperties.DemoUser user) {
        List<Role> roles = user.roles() == null ? List.of() : List.copyOf(user.roles());
        String inspector = user.inspector();
        if (inspector == null && roles.contains(Role.INSPECTOR) && user.department() != null) {
            inspector = roster.firstInspectorOf(user.department()).orElse(null);
        }
        return new Subject(id, roles, user.department(), user.unit(), inspector);
    }
}
