package org.supervisionhub.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.supervisionhub.api.TestClock;

/** The decoder in front of the identity provider's: each token checked once, its times on every request, by the hub's clock. */
class CachedJwtDecoderTest {

    final TestClock clock = new TestClock(Instant.parse("2026-12-04T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    final AtomicInteger decoded = new AtomicInteger();

    /** Stands for NimbusJwtDecoder: "good-N[~padding]" tokens are valid until N minutes past the start (by the hub's clock), others forged. */
    final JwtDecoder identityProvider = token -> {
        decoded.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid signature");
        }
        Instant issued = Instant.parse("2026-12-04T01:55:00Z");
        Jwt jwt = new Jwt(token, issued, Instant.parse("2026-12-04T02:00:00Z").plus(Duration.ofMinutes(Long.parseLong(token.substring(5).split("~")[0]))),
                Map.of("alg", "RS256"), Map.of("sub", "partner", "roles", List.of("PARTNER")));
        var result = SecurityConfiguration.timestamps(clock).validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: Jwt expired", result.getErrors());
        }
        return jwt;
    };

    final CachedJwtDecoder decoder = new CachedJwtDecoder(identityProvider, SecurityConfiguration.timestamps(clock));

    @Test
    void aTokenSentAgainIsCheckedOnceAndGivesTheSameClaims() {
        Jwt first = decoder.decode("good-30");
        Jwt again = decoder.decode("good-30");
        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("partner");
        assertThat(decoded).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceExpiredByTheHubsClock() {
        decoder.decode("good-10");
        // JwtTimestampValidator allows 60 s of clock skew, as the identity provider's decoder does.
        clock.advance(Duration.ofMinutes(10).plusSeconds(30));
        assertThat(decoder.decode("good-10").getSubject()).isEqualTo("partner");
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> decoder.decode("good-10")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode("good-10")).isInstanceOf(JwtValidationException.class);
        // Expired: each request went back to the identity provider's decoder, which refused it.
        assertThat(decoded).hasValue(3);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void anOverlongTokenIsCheckedEveryTime() {
        String huge = "good-30~" + "x".repeat(CachedJwtDecoder.MAX_TOKEN_CHARS);
        decoder.decode(huge);
        decoder.decode(huge);
        assertThat(decoded).hasValue(2);
        assertThat(decoder.size()).isZero();
    }
}
