// How chats name things: a conversation's title, a sender's name (one's remark for a friend
// wins, then the group nickname, then the display name), a sender's avatar, one's role in a
// group, what a system message says, and the one-line preview in the chat list.
import { has, t } from '../i18n.js';
import { roster } from '../social/roster.js';

/** A poll message's question and options (its body), or null when it cannot be read. */
export function pollOf(m) {
    try {
        const poll = JSON.parse(m.body);
        return typeof poll?.question === 'string' && Array.isArray(poll.options) ? poll : null;
    } catch {
        return null;
    }
}

export function createNames({ me, state }) {
    function title(c) {
        return c.peer ? (roster.friend(c.peer.id)?.remark || c.peer.displayName) : (c.group?.name ?? '');
    }

    function member(conversationId, userId) {
        return state.members.get(conversationId)?.find((m) => m.user.id === userId) ?? null;
    }

    function memberName(conversationId, userId, fallback = null) {
        if (userId === undefined || userId === null) return t('chats.someone');
        if (userId === me.id) return me.displayName;
        const remark = roster.friend(userId)?.remark;
        if (remark) return remark;
        const conversation = state.conversations.get(conversationId);
        if (conversation?.peer?.id === userId) return conversation.peer.displayName;
        const found = member(conversationId, userId);
        if (found) return found.nickname || found.user.displayName;
        return fallback || t('chats.someone');
    }

    function avatarOf(conversationId, userId) {
        const conversation = state.conversations.get(conversationId);
        if (conversation?.peer?.id === userId) return conversation.peer.avatar;
        return member(conversationId, userId)?.user.avatar ?? null;
    }

    /** Whether someone in a conversation is a bot (shown with a badge). */
    function isBot(conversationId, userId) {
        const conversation = state.conversations.get(conversationId);
        if (conversation?.peer?.id === userId) return Boolean(conversation.peer.bot);
        return Boolean(member(conversationId, userId)?.user.bot);
    }

    function myRole(conversationId) {
        return state.groupInfo.get(conversationId)?.myRole ?? member(conversationId, me.id)?.role;
    }

    function systemText(conversationId, m) {
        let event;
        try {
            event = JSON.parse(m.body);
        } catch {
            return '';
        }
        const key = `chats.system.${event.event}`;
        return has(key) ? t(key, { user: memberName(conversationId, event.user, event.userName), by: memberName(conversationId, event.by, event.byName),
            detail: event.detail ?? '' }) : '';
    }

    /**
     * What a call's entry says: "Missed voice call", "Video call · 3:12", "Group video call · 3:12 ·
     * 3 people" — from the side of whoever reads it (a missed call is "No answer" to its caller).
     */
    function callText(m) {
        let call;
        try {
            call = JSON.parse(m.body);
        } catch {
            return '';
        }
        const media = call.media === 'video' ? 'video' : 'voice';
        const group = call.group ? 'group' : 'direct';
        if (call.state !== 'ended') return t(`calls.entry.live.${group}.${media}`);
        const mine = call.by === me.id;
        const time = formatDuration(call.duration ?? 0);
        switch (call.reason) {
        case 'completed':
        case 'dropped':
            return call.group ? t(`calls.entry.group.${media}`, { duration: time, count: call.joined?.length ?? 0 })
                : t(`calls.entry.${call.reason}.${media}`, { duration: time });
        case 'missed':
        case 'cancelled':
            return t(mine ? `calls.entry.${call.reason === 'missed' ? 'noAnswer' : 'cancelled'}.${media}` : `calls.entry.missed.${media}`);
        case 'declined':
            return t(mine ? 'calls.entry.declinedByThem' : 'calls.entry.declinedByYou');
        case 'busy':
            return t(mine ? 'calls.entry.busy' : `calls.entry.missed.${media}`);
        default:
            return t('calls.entry.failed');
        }
    }

    /**
     * What a message says, in one line, whatever state it is in: deleted for me, recalled, a
     * notice, an image or file (by name), or its text. Previews, quotes and pins all use it.
     */
    function summary(conversationId, m) {
        if (m.hidden) return t('chats.deletedForYou');
        if (m.recalled) return t('chats.recalled');
        if (m.kind === 'system') return systemText(conversationId, m);
        if (m.kind === 'call') return callText(m);
        if (m.kind === 'poll') return `📊 ${pollOf(m)?.question ?? ''}`;
        if (m.kind === 'image') return `[${t('chats.image')}]`;
        if (m.kind === 'file') return `[${t('chats.file')}] ${m.media?.name ?? ''}`;
        return m.body ?? '';
    }

    /** One line for the chat list; in a group, who said it first (the server names the sender). */
    function preview(c, m) {
        const plain = m.hidden || m.recalled || m.kind === 'system' || m.kind === 'call';
        const who = !plain && c.kind === 'group' && m.sender !== me.id ? `${memberName(c.id, m.sender, m.senderName)}: ` : '';
        return who + summary(c.id, m);
    }

    /** The name others see for a group member (never one's private remark): for @mentions. */
    function publicName(member) {
        return member.nickname || member.user.displayName;
    }

    return { title, memberName, avatarOf, isBot, myRole, systemText, callText, summary, preview, publicName };
}

/** 192 → "3:12", 3723 → "1:02:03". */
export function formatDuration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const rest = String(s % 60).padStart(2, '0');
    return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
