// The composer: the text box (growing with its content), per-chat drafts, replying and editing,
// the @mention list and the emoji panel — both driven by the keyboard — attachments by button,
// paste and drop. Esc closes the innermost open thing (emoji panel, mention list, reply or edit
// mode) and never touches the text.
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { createEmojiPicker } from './emoji-picker.js';
import { Drafts } from './drafts.js';
import { createVoiceRecorder } from './voice-recorder.js';
import { createMentionList } from './mention-list.js';
import { createCommandList } from './command-list.js';

const TYPING_EVERY_MS = 2000;
const DRAFT_SAVE_MS = 300;

export function createComposer({ me, gateway, state, names, searchMembers, onSend, onEdit, onFiles, onEditLast, onError }) {
    const drafts = new Drafts(localStorage, `plume.drafts.${me.id}`);
    let open = null;       // conversation id
    let replyTo = null;    // seq
    let editing = null;    // seq
    let stash = '';        // the draft put aside while editing
    const mentions = new Map(); // name shown after @ → user id, for the message being written

    const replyBar = el('div', { class: 'reply-bar', hidden: true });
    const picker = createEmojiPicker({ owner: me.id, onPick: (emoji) => { insert(emoji); closeEmoji(); } });
    const emojiPanel = picker.node;
    emojiPanel.id = 'emoji-panel';
    emojiPanel.querySelector('.emoji-search').id = 'emoji-search';
    const input = el('textarea', { id: 'composer', rows: 1, 'aria-autocomplete': 'list',
        'aria-controls': 'mention-list command-list' });
    const mentionList = createMentionList({ me, names, input, members: () => state.members.get(open),
        search: searchMembers, conversation: () => open, onChoose: (member, start, end) => {
            // The text everyone reads gets the name everyone knows, never one's private remark.
            const name = names.publicName(member);
            replaceRange(start, end, `@${name} `);
            mentions.set(name, member.user.id);
            saveDraft();
        } });
    const commandList = createCommandList({ input, members: () => state.members.get(open),
        conversation: () => state.conversations.get(open), onChoose: (text, start, end) => {
            replaceRange(start, end, text);
            saveDraft();
        } });
    const sendButton = el('button', { type: 'submit', class: 'primary send', id: 'send-button' });
    const emojiButton = el('button', { type: 'button', class: 'emoji-button', id: 'emoji-button',
        'aria-expanded': 'false', 'aria-controls': 'emoji-panel' }, '😀');
    const fileInput = el('input', { type: 'file', id: 'attach-file', multiple: true, hidden: true });
    const attachButton = el('button', { type: 'button', class: 'emoji-button', id: 'attach-button',
        onclick: () => fileInput.click() }, '📎');
    const voice = createVoiceRecorder({ current: () => open, onRecorded: (file, conversation) => onFiles([file], conversation),
        onError });
    const node = el('form', { class: 'composer', onsubmit: (event) => { event.preventDefault(); submit(); } },
        replyBar, mentionList.node, commandList.node, emojiPanel,
        el('div', { class: 'composer-row' }, emojiButton, attachButton, voice.node, fileInput, input, sendButton));

    fileInput.addEventListener('change', () => {
        onFiles([...fileInput.files]);
        fileInput.value = '';
    });
    input.addEventListener('paste', (event) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (files.length) {
            event.preventDefault();
            onFiles(files);
        }
    });

    emojiButton.addEventListener('click', () => (emojiPanel.hidden ? openEmoji() : closeEmoji()));
    emojiPanel.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            closeEmoji();
            emojiButton.focus();
        }
    });

    input.addEventListener('keydown', (event) => {
        if (mentionList.handleKey(event) || commandList.handleKey(event)) return;
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
        } else if (event.key === 'Escape') {
            if (closeInnermost()) {
                event.preventDefault();
                event.stopPropagation();
            }
        } else if (event.key === 'ArrowUp' && !input.value && editing === null) {
            event.preventDefault();
            onEditLast();
        }
    });
    let lastTyping = 0;
    let saveTimer = null;
    input.addEventListener('input', () => {
        grow();
        const conversation = state.conversations.get(open);
        if (conversation?.kind === 'direct' && Date.now() - lastTyping > TYPING_EVERY_MS && input.value) {
            lastTyping = Date.now();
            gateway.send({ type: 'typing', conversation: conversation.id });
        }
        mentionList.suggest();
        commandList.suggest();
        if (editing === null) {
            clearTimeout(saveTimer);
            saveTimer = setTimeout(saveDraft, DRAFT_SAVE_MS);
        }
    });
    window.addEventListener('pagehide', saveDraft);

    let disposed = false;
    function saveDraft() {
        clearTimeout(saveTimer);
        if (!disposed && open !== null && editing === null && drafts.set(open, input.value)) {
            node.dispatchEvent(new CustomEvent('draft', { detail: { conversation: open } }));
        }
    }

    /** Shows the composer for a conversation: its own draft, no reply, no edit, no popups. */
    function show(conversationId) {
        if (conversationId === open) return;
        saveDraft();
        voice.stop(); // a recording goes to the chat it was started in, not the next one
        open = conversationId;
        replyTo = null;
        editing = null;
        mentions.clear();
        closeEmoji();
        mentionList.close();
        commandList.close();
        input.value = drafts.get(conversationId);
        grow();
        render();
    }

    function submit() {
        const body = input.value;
        if (!body.trim() || open === null) return;
        if (editing !== null) {
            onEdit(open, editing, body);
            editing = null;
            input.value = stash;
        } else {
            const ids = [...mentions.entries()].filter(([name]) => body.includes(`@${name}`)).map(([, id]) => id);
            onSend(open, { body, replyTo, mentions: ids });
            replyTo = null;
            mentions.clear();
            input.value = '';
        }
        saveDraft();
        grow();
        mentionList.close();
        commandList.close();
        render();
    }

    function reply(seq) {
        replyTo = seq;
        render();
        input.focus();
    }

    function edit(message) {
        if (editing === null) {
            saveDraft(); // keystrokes of the last moments are kept, not lost to the edit
            stash = input.value;
        }
        editing = message.seq;
        replyTo = null;
        input.value = message.body;
        grow();
        render();
        input.focus();
        input.selectionStart = input.selectionEnd = input.value.length;
    }

    function cancelMode() {
        if (editing !== null) input.value = stash;
        editing = null;
        replyTo = null;
        grow();
        render();
    }

    /** Closes the innermost open thing; returns whether there was one. */
    function closeInnermost() {
        if (!emojiPanel.hidden) {
            closeEmoji();
            return true;
        }
        if (mentionList.close() || commandList.close()) return true;
        if (editing !== null || replyTo !== null) {
            cancelMode();
            return true;
        }
        return false;
    }

    /** Inserts at the caret as typing would, so that Ctrl+Z takes it back. */
    function insert(text) {
        replaceRange(input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, text);
        grow();
        saveDraft();
    }

    /**
     * Replaces a range of the text the way the browser's own editing does (execCommand keeps the
     * undo history; setting the value would wipe it), falling back to setting the value.
     */
    function replaceRange(start, end, text) {
        input.focus();
        input.setSelectionRange(start, end);
        if (!document.execCommand?.('insertText', false, text)) {
            input.value = input.value.slice(0, start) + text + input.value.slice(end);
            input.selectionStart = input.selectionEnd = start + text.length;
        }
    }

    /** The text box grows with its content (up to the stylesheet's max-height), measured only when shown. */
    function grow() {
        if (!input.offsetParent) {
            input.style.height = '';
            return;
        }
        input.style.height = 'auto';
        input.style.height = `${input.scrollHeight + 2}px`;
    }

    function openEmoji() {
        emojiButton.setAttribute('aria-expanded', 'true');
        picker.open();
    }

    function closeEmoji() {
        picker.close();
        emojiButton.setAttribute('aria-expanded', 'false');
    }

    function render() {
        const conversation = state.conversations.get(open);
        replyBar.hidden = replyTo === null && editing === null;
        if (!replyBar.hidden) {
            replace(replyBar, el('span', {}, editing !== null ? t('chats.editing')
                : [t('chats.replyingTo'), ' ', quoteOf(replyTo)]),
            el('button', { type: 'button', class: 'link', onclick: () => { cancelMode(); input.focus(); } }, t('chats.cancel')));
        }
        input.setAttribute('aria-label', t('chats.message'));
        input.placeholder = conversation ? t('chats.writeTo', { name: names.title(conversation) }) : '';
        sendButton.textContent = editing !== null ? t('profile.save') : t('chats.send');
        emojiButton.setAttribute('aria-label', t('chats.emoji'));
        attachButton.setAttribute('aria-label', t('chats.attach'));
        picker.render();
        voice.render();
        mentionList.render();
        commandList.render();
    }

    let quoteOf = () => null;

    return {
        node,
        show,
        reply,
        edit,
        render,
        closeInnermost,
        focus: () => { grow(); input.focus(); },
        draftOf: (conversationId) => drafts.get(conversationId),
        /** How a quoted message is drawn in the reply bar (the chat panel knows the messages). */
        setQuote: (fn) => { quoteOf = fn; },
        onDraftChange: (listener) => node.addEventListener('draft', listener),
        dispose: () => {
            disposed = true;
            clearTimeout(saveTimer);
            voice.stop();
        },
    };
}
