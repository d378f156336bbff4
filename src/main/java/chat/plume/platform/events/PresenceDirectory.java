package chat.plume.platform.events;

/** Who is online right now (on this node); implemented by {@code realtime}'s registry. */
public interface PresenceDirectory {

    boolean isOnline(long accountId);
}
