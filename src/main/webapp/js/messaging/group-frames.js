// Group frames applied to the chat list and the open chat: the frame carries what changed
// (the group's name and picture, a member who joined, changed or left), so nothing is fetched
// again — syncing the whole list on every group frame cost the server one sync per member and
// change. Only joining a group fetches its one conversation.
import { api } from '../api.js';
import { holdMembers, MEMBERS_HELD } from './members.js';

/** Applies one frame (only `group.*` ones change anything) and redraws what it touched. */
export function applyGroupFrame(frame, { me, state, renderList, renderChat, renderComposer }) {
    const type = frame.type || '';
    if (!type.startsWith('group.') || type.startsWith('group.join_request.')) return;
    const groupId = frame.group?.id ?? frame.groupId;
    const conversation = [...state.conversations.values()].find((c) => c.group?.id === groupId);
    if (frame.group && conversation) {
        conversation.group = { id: frame.group.id, name: frame.group.name, number: frame.group.number,
            avatar: frame.group.avatar ?? null };
    }
    if (type.startsWith('group.member.') && conversation && state.members.has(conversation.id)) {
        // The frame carries the member (joined, updated) or names who left: applied as is.
        const members = state.members.get(conversation.id).filter((m) => m.user.id !== frame.user);
        if (frame.member) holdMembers(members, [frame.member], MEMBERS_HELD);
        state.members.set(conversation.id, members);
        const info = state.groupInfo.get(conversation.id);
        if (info) {
            if (type === 'group.member.joined') info.memberCount += 1;
            if (type === 'group.member.left' || type === 'group.member.removed') info.memberCount = Math.max(0, info.memberCount - 1);
            if (frame.member?.user.id === me.id) info.myRole = frame.member.role;
        }
    }
    if (frame.group?.myRole && conversation && state.groupInfo.has(conversation.id)) {
        Object.assign(state.groupInfo.get(conversation.id), { memberCount: frame.group.memberCount, myRole: frame.group.myRole });
    }
    const gone = type === 'group.dissolved'
        || ((type === 'group.member.left' || type === 'group.member.removed') && frame.user === me.id);
    if (gone && conversation) {
        state.conversations.delete(conversation.id);
        if (state.open === conversation.id) renderComposer();
    }
    if (type === 'group.member.joined' && frame.user === me.id && !conversation) {
        api('POST', '/conversations', { groupId }).then((joined) => {
            if (!state.conversations.has(joined.id)) state.conversations.set(joined.id, joined);
            renderList();
        }).catch(() => {});
    }
    renderList();
    if (conversation && !gone && state.open === conversation.id
        && (frame.group || type.startsWith('group.member.'))) renderChat();
}
