package chat.plume.admin;

import chat.plume.media.MediaReferences;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in feature for {@link RetentionIT}, deployed with it only: once armed, the upload
 * clean-up's question "is this in use?" waits here until released, so a run can be held in the
 * middle while the test starts another. Unarmed, it uses nothing.
 */
@ApplicationScoped
public class BlockingReferences implements MediaReferences {

    private static volatile CountDownLatch entered;
    private static volatile CountDownLatch release;

    static void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    static boolean awaitEntered(Duration timeout) throws InterruptedException {
        return entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void release() {
        CountDownLatch r = release;
        if (r != null) {
            r.countDown();
        }
    }

    static void disarm() {
        release();
        entered = null;
        release = null;
    }

    @Override
    public Set<Long> inUse(Collection<Long> mediaIds) {
        CountDownLatch in = entered;
        CountDownLatch out = release;
        if (in != null && out != null) {
            in.countDown();
            try {
                out.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Set.of();
    }
}
