package chat.plume.media;

import chat.plume.identity.boundary.Caller;

/**
 * What media needs to know about chat groups' avatars, defined here and implemented by the feature
 * that owns groups ({@code social}), so that media depends on no feature above it.
 */
public interface GroupAvatars {

    /** Refuses unless the group exists and the person is its owner or an admin. */
    void requireMayChange(long groupId, long accountId);

    /** Makes an uploaded image the group's avatar and tells its members. */
    void change(Caller caller, long groupId, long mediaId);

    /** The group's avatar image id, or null; refuses (404) for no such group. */
    Long of(long groupId);
}
