package org.supervisionhub.api.access;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the decoder accepted, so a client sending the same bearer token with every request (a partner's
 * restriction checks) has its signature checked and its claims converted once, not per request (a tenth of a check's
 * request-thread CPU, bench/README.md). What a token's text alone decides (signature, issuer, audience, claims) gives
 * the same answer for the same text; what time decides does not, so every request still checks {@code exp} and
 * {@code nbf} against the hub's clock ({@code timestamps}, the validator the decoders use): an expired token is refused
 * as before, by the delegate itself. A refused token is never remembered: each costs a full check, as before.
 * <p>
 * Bounded: at most {@value #MAX_TOKENS} tokens, each for at most {@link #TTL} after it was checked, so a key the
 * identity provider withdraws stops being trusted within a minute (its key set is itself cached by the decoder for
 * minutes). The TTL counts on the cache's own monotonic ticker: it only bounds how long a check is reused; no answer
 * depends on it.
 */
final class CachedJwtDecoder implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;
    static final Duration TTL = Duration.ofMinutes(1);
    /** Tokens longer than this are decoded every time and never kept (a JWT a client resends is a few hundred bytes). */
    static final int MAX_TOKEN_CHARS = 8_192;

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Cache<String, Jwt> accepted;

    CachedJwtDecoder(JwtDecoder delegate, OAuth2TokenValidator<Jwt> timestamps) {
        this.delegate = delegate;
        this.timestamps = timestamps;
        // Maintenance on the caller's thread: no pool to wait for, the bound holds when put returns.
        this.accepted = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(TTL).executor(Runnable::run).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return delegate.decode(token);
        }
        Jwt jwt = accepted.getIfPresent(token);
        if (jwt != null && !timestamps.validate(jwt).hasErrors()) {
            return jwt;
        }
        // Not seen, or no longer valid in time: the delegate decides (and throws its own error for an expired token).
        accepted.invalidate(token);
        jwt = delegate.decode(token);
        accepted.put(token, jwt);
        return jwt;
    }

    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }
}
