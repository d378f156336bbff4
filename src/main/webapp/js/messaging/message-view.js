// How a message looks in a chat: a bubble with its quote, text or media, the sender's name and
// avatar (in a group), the time, its state (sending, sent, read, read by n, failed with retry),
// and the "⋯" button that opens its menu. Nodes are kept per message and rebuilt only when what
// they show changed, so a frame that touches one message redraws one message.
import { avatar, avatarUrl, botBadge, el, humanSize, KeyedNodes } from '../dom.js';
import { t } from '../i18n.js';
import { pollOf } from './names.js';
import { richText } from './text.js';
import { mediaNode } from './media-view.js';
import { dayLabel, clock } from './time.js';

const RUN_GAP_MS = 5 * 60 * 1000;

export function createMessageView({ me, state, names, openViewer, onShowReaders, onRetry, onCancelUpload, onReact, onVote }) {
    const nodes = new KeyedNodes();

    /** The nodes of a conversation's log, in order: separators, messages, then what is still pending. */
    function logNodes(conversation) {
        const id = conversation.id;
        const out = [];
        const held = state.messages.sorted(id);
        if (!state.messages.isComplete(id) && held.length) {
            out.push(nodes.node(`more:${id}`, t('chats.scrollForMore'),
                () => el('p', { class: 'hint center' }, t('chats.scrollForMore'))));
        }
        let day = null;
        let previous = null;
        const divider = state.divider?.conversation === id ? state.divider.after : null;
        let dividerShown = false;
        for (const message of held) {
            if (message.hidden) continue; // deleted for me: its place is kept in the store, not shown
            const date = new Date(message.createdAt).toDateString();
            if (date !== day) {
                day = date;
                previous = null;
                const label = dayLabel(message.createdAt);
                out.push(nodes.node(`day:${id}:${date}`, label,
                    () => el('p', { class: 'date-separator', role: 'separator' }, label)));
            }
            if (divider !== null && !dividerShown && message.seq > divider && message.sender !== me.id
                && message.kind !== 'system') {
                dividerShown = true;
                const label = t('chats.newMessages');
                out.push(nodes.node(`new:${id}`, label, () => el('p', { class: 'new-divider', role: 'separator' }, label)));
                previous = null;
            }
            out.push(messageNode(conversation, message, continues(previous, message)));
            previous = message;
        }
        for (const [clientId, p] of state.pending) {
            if (p.conversation === id) out.push(pendingNode(clientId, p));
        }
        if (!out.some((node) => node.classList.contains('message') || node.classList.contains('call-entry'))
            && state.messages.isComplete(id)) {
            // A new chat is not a blank pane: it says what to do.
            const hint = t('chats.sayHello', { name: names.title(conversation) });
            out.push(nodes.node(`empty:${id}`, hint, () => el('div', { class: 'empty-chat' },
                el('span', { class: 'empty-chat-wave', 'aria-hidden': 'true' }, '👋'), el('p', {}, hint))));
        }
        nodes.sweep();
        return out;
    }

    /** Whether a message continues its sender's run (one avatar and name per run, as QQ and Telegram do). */
    function continues(previous, m) {
        return Boolean(previous) && !['system', 'call'].includes(previous.kind) && !['system', 'call'].includes(m.kind)
            && previous.sender === m.sender
            && new Date(m.createdAt) - new Date(previous.createdAt) < RUN_GAP_MS;
    }

    function messageNode(conversation, m, continued = false) {
        if (m.kind === 'system') {
            const text = names.systemText(conversation.id, m);
            return nodes.node(`m:${conversation.id}:${m.seq}`, `system:${text}`,
                () => el('p', { class: 'system-message', dataset: { seq: m.seq } }, text));
        }
        if (m.kind === 'call') {
            // A call's entry: one line in the middle, like a notice, with the time it started.
            const text = names.callText(m);
            const video = m.body?.includes('"media":"video"');
            return nodes.node(`m:${conversation.id}:${m.seq}`, `call:${text}:${m.createdAt}`,
                () => el('p', { class: 'call-entry', role: 'article', dataset: { seq: m.seq } },
                    el('span', { 'aria-hidden': 'true' }, video ? '🎥 ' : '📞 '), text, ' ',
                    el('time', { datetime: m.createdAt }, clock(m.createdAt))));
        }
        const mine = m.sender === me.id;
        const look = {
            m,
            mine,
            author: mine || conversation.kind === 'direct' ? null : names.memberName(conversation.id, m.sender, m.senderName),
            authorIsBot: !mine && names.isBot(conversation.id, m.sender),
            avatar: mine ? null : avatarUrl('users', m.sender, names.avatarOf(conversation.id, m.sender)),
            sender: mine ? me.displayName : names.memberName(conversation.id, m.sender, m.senderName),
            quote: m.replyTo ? quoteText(conversation.id, m.replyTo) : null,
            receipt: mine ? receipt(conversation, m) : null,
            mentionsMe: Boolean(m.mentions?.includes(me.id)),
            continued,
            selected: Boolean(state.selection?.conversation === conversation.id && state.selection.seqs.has(m.seq)),
            reactions: (m.reactions ?? []).map((r) => [r.emoji, r.count, r.users.includes(me.id),
                r.users.map((id) => names.memberName(conversation.id, id)).join(', ')]),
            language: t('chats.reply'), // a language change redraws
        };
        return nodes.node(`m:${conversation.id}:${m.seq}`, JSON.stringify(look), () => build(conversation, look));
    }

    /** A poll: its question, and each option as a button with its votes; one's own choice is pressed (again: taken back). */
    function pollNode(conversation, m) {
        const poll = pollOf(m);
        if (!poll) return null;
        const standing = m.poll ?? { votes: poll.options.map(() => 0), voters: 0, mine: null };
        return el('div', { class: 'poll', role: 'group', 'aria-label': poll.question },
            el('p', { class: 'poll-question' }, '📊 ', poll.question),
            el('ul', { class: 'poll-options' }, poll.options.map((option, i) => el('li', {},
                el('button', { type: 'button', class: 'poll-option', 'aria-pressed': String(standing.mine === i),
                    onclick: () => onVote(conversation.id, m.seq, standing.mine === i ? null : i) },
                el('span', { class: 'poll-text' }, option),
                el('span', { class: 'poll-count' }, String(standing.votes[i] ?? 0)),
                el('progress', { max: Math.max(1, standing.voters), value: standing.votes[i] ?? 0, 'aria-hidden': 'true' }))))),
            el('p', { class: 'poll-voters' }, t('chats.pollVoters', { count: standing.voters })));
    }

    function build(conversation, look) {
        const { m, mine, author, avatar: picture, quote, receipt: status, mentionsMe, continued } = look;
        const bubble = el('div', { class: 'bubble' },
            m.forwarded && !m.recalled ? el('span', { class: 'forwarded' }, t('chats.forwarded')) : null,
            quote ? quoteNode(quote) : null,
            m.recalled ? el('em', { class: 'recalled' }, mine ? t('chats.youRecalled') : t('chats.recalled'))
                : m.kind === 'poll' ? pollNode(conversation, m)
                    : [mediaNode(m, openViewer), m.body ? el('span', { class: 'text' }, richText(m.body)) : null],
            m.editedAt && !m.recalled ? el('span', { class: 'edited' }, ` ${t('chats.edited')}`) : null);
        const statusNode = !mine ? null : conversation.kind === 'group' && m.readCount
            ? el('button', { type: 'button', class: 'link status', tabindex: '-1',
                onclick: () => onShowReaders(conversation.id, m.seq) }, status)
            : el('span', { class: 'status' }, status);
        const sender = look.sender;
        return el('div', { class: `message${mine ? ' mine' : ''}${mentionsMe ? ' mentions-me' : ''}${continued ? ' continued' : ''}${look.selected ? ' selected' : ''}`,
            dataset: { seq: m.seq }, tabindex: '-1', role: 'article' },
        look.selected ? el('span', { class: 'visually-hidden' }, t('chats.selectedOne')) : null,
        mine ? null : avatar(sender, m.sender, '', picture),
        el('div', { class: 'message-main' },
            author && !continued ? el('span', { class: 'author' }, author,
                look.authorIsBot ? botBadge({ bot: true }) : null) : null,
            bubble,
            look.reactions.length ? el('div', { class: 'reactions' }, look.reactions.map(([emoji, count, reacted, who]) => el('button', {
                type: 'button', class: 'reaction', tabindex: '-1', 'aria-pressed': String(reacted),
                'aria-label': `${t('chats.reactionLabel', { emoji, count })}: ${who}`, title: who,
                onclick: () => onReact(conversation.id, m.seq, emoji, !reacted) }, `${emoji} ${count}`))) : null,
            el('span', { class: 'meta' }, el('time', { datetime: m.createdAt }, clock(m.createdAt)), statusNode,
                m.recalled ? null : el('button', { type: 'button', class: 'menu-button', tabindex: '-1',
                    'aria-haspopup': 'menu', 'aria-label': t('chats.messageMenu') }, '⋯'))));
    }

    function pendingNode(clientId, p) {
        const look = { status: p.status, error: p.error ?? null, body: p.body ?? null, file: p.file?.name ?? null,
            language: t('chats.sending') };
        return nodes.node(`p:${clientId}`, JSON.stringify(look), () => {
            const content = p.file ? el('span', { class: 'text' }, `${p.file.name} · ${humanSize(p.file.size)}`)
                : el('span', { class: 'text' }, richText(p.body));
            const progress = p.status === 'uploading' ? [el('progress', { max: 100, value: p.progress ?? 0,
                'aria-label': t('chats.uploading', { name: p.file.name }) }),
            el('button', { type: 'button', class: 'small cancel-upload', onclick: () => onCancelUpload(clientId) },
                t('chats.cancel'))] : null;
            return el('div', { class: 'message mine pending', dataset: { clientId } },
                el('div', { class: 'message-main' },
                    el('div', { class: 'bubble' }, content, progress),
                    el('span', { class: 'meta' }, p.status === 'failed'
                        ? [el('span', { class: 'status failed' }, p.error || t('chats.failed')),
                            el('button', { type: 'button', class: 'small retry', onclick: () => onRetry(clientId) }, t('chats.retry'))]
                        : el('span', { class: 'status' }, t(p.status === 'uploading' ? 'chats.uploadingShort' : 'chats.sending')))));
        });
    }

    function receipt(conversation, m) {
        if (conversation.kind === 'direct') {
            return (conversation.peerReadSeq ?? 0) >= m.seq ? t('chats.read') : t('chats.sent');
        }
        return m.readCount ? t('chats.readCount', { count: m.readCount }) : t('chats.sent');
    }

    /** What a quote of message {@code seq} says: its sender and the start of its text. */
    function quoteText(conversationId, seq) {
        const original = state.messages.get(conversationId, seq);
        if (!original) return { who: '', text: t('chats.earlierMessage') };
        const text = names.summary(conversationId, original);
        return { who: original.hidden ? '' : `${names.memberName(conversationId, original.sender)}: `,
            text: text.length > 80 ? `${text.slice(0, 80)}…` : text };
    }

    function quoteNode({ who, text }) {
        return el('blockquote', { class: 'quote' }, who, text);
    }

    return {
        logNodes,
        quote: (conversationId, seq) => quoteNode(quoteText(conversationId, seq)),
        forget: () => nodes.clear(),
    };
}
