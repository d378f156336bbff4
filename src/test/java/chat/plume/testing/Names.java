package chat.plume.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Unique usernames, so tests never depend on each other or on what an earlier run left. */
public final class Names {

    private Names() {}

    public static String unique(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
    }
}
