package org.supervisionhub.api.access;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo issuer's endpoints: {@code POST /demo-issuer/token} (OAuth2 client credentials,
 * RFC 6749 §4.4, form-encoded), {@code GET /demo-issuer/users}, {@code GET /demo-issuer/jwks}.
 */
@RestController
@ConditionalOnProperty(name = "hub.security.demo-issuer.enabled", havingValue = "true")
public class DemoIssuerController {

    private final DemoIssuer issuer;

    public DemoIssuerController(DemoIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(path = "/demo-issuer/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Map<String, Object>> token(@RequestParam("grant_type") String grantType,
                                                     @RequestParam("client_id") String clientId,
                                                     @RequestParam(name = "client_secret", required = false) String clientSecret) {
        if (!"client_credentials".equals(grantType)) {
            return ResponseEntity.badRequest().body(Map.of("error", "unsupported_grant_type"));
        }
        return issuer.token(clientId, clientSecret)
                .<ResponseEntity<Map<String, Object>>>map(t -> ResponseEntity.ok().header("Cache-Control", "no-store")
                        .body(Map.of("access_token", t.accessToken(), "token_type", t.tokenType(), "expires_in", t.expiresIn())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_client",
                        "error_description", "unknown demo user or wrong secret; GET /demo-issuer/users lists them")));
    }

    @GetMapping("/demo-issuer/users")
    public Map<String, DemoIssuer.Subject> users() {
        return issuer.users();
    }

    @GetMapping("/demo-issuer/jwks")
    public Map<String, Object> jwks() {
        return issuer.jwks();
    }
}
