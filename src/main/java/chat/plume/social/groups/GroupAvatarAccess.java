package chat.plume.social.groups;

import chat.plume.identity.boundary.Caller;
import chat.plume.media.GroupAvatars;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Answers media's questions about group avatars (see {@link GroupAvatars}). */
@ApplicationScoped
public class GroupAvatarAccess implements GroupAvatars {

    @Inject
    ChatGroups groups;

    @Override
    public void requireMayChange(long groupId, long accountId) {
        groups.requireMayManage(groupId, accountId);
    }

    @Override
    public void change(Caller caller, long groupId, long mediaId) {
        groups.setAvatar(caller, groupId, mediaId);
    }

    @Override
    public Long of(long groupId) {
        return groups.avatarOf(groupId);
    }
}
