package org.supervisionhub.api.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.sampling.DrawSecrets;

/**
 * The demo's draw secrets: while the demo loader replays the province's year, each draw's secret is
 * {@code SHA256("supervision-hub-demo-draw:" + seed + ":" + drawId)}, so the same seed on the same date gives the same
 * selections (and the demo's overlapping draws, joint visits and results are the same on every start and in every test
 * run). Once the demo is loaded, draws made by its users get fresh secure secrets like anywhere else. Demo profile only.
 */
@Component
@ConditionalOnProperty(prefix = "hub.demo", name = "enabled", havingValue = "true")
public class DemoDrawSecrets implements DrawSecrets {

    private final long seed;
    private final AtomicBoolean replaying = new AtomicBoolean();

    public DemoDrawSecrets(DemoProperties properties) {
        this.seed = properties.seed();
    }

    @Override
    public byte[] secretFor(String drawId) {
        if (!replaying.get()) {
            return DrawSecrets.secure().secretFor(drawId);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(("supervision-hub-demo-draw:" + seed + ":" + drawId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the demo's replay with derived secrets. */
    void replay(Runnable load) {
        replaying.set(true);
        try {
            load.run();
        } finally {
            replaying.set(false);
        }
    }
}
