// The signed-in layout: the sidebar's sections, the list panel, the conversation panel and the
// connection indicator, driven by the address (router.js): every view has its own URL, Back and
// Forward move between views, and a reload returns to the same place. On a phone one panel shows
// at a time.
import { api } from '../api.js';
import { onLanguageChange, t } from '../i18n.js';
import { Gateway } from '../realtime/connection.js';
import { avatar, avatarUrl } from '../dom.js';
import { mountChats } from '../messaging/chats.js';
import { mountCalls } from '../calls/calls.js';
import { mountContacts } from '../social/contacts.js';
import { roster, friendName } from '../social/roster.js';
import { mountAccount } from './account.js';
import { mountNotices } from './notices.js';
import { installShortcuts } from './shortcuts.js';
import { chatOf, chatRoute, formatRoute, parseRoute } from './router.js';
import { SESSION_HINT, SIGNED_OUT_BECAUSE } from '../identity/auth.js';

const WIDE = '(min-width: 760px)';

export function showShell(user) {
    const shell = document.getElementById('shell');
    shell.hidden = false;
    const me = { ...user };
    let devices = 1;
    const gateway = new Gateway();

    const connection = document.getElementById('connection-state');
    const renderState = () => {
        connection.dataset.state = gateway.state;
        const text = gateway.state === 'online' && devices > 1
            ? t('connection.devices', { count: devices }) : t(`connection.${gateway.state}`);
        connection.querySelector('.connection-label').textContent = text;
        connection.title = text;
    };
    gateway.addEventListener('state', renderState);
    gateway.addEventListener('devices', (event) => { devices = event.detail.count; renderState(); });
    gateway.addEventListener('signedout', (event) => leave(event.detail));

    // Panes of the conversation panel ------------------------------------------------------
    const title = document.getElementById('conversation-title');
    const subtitle = document.getElementById('conversation-subtitle');
    const headerAvatar = document.getElementById('conversation-avatar');
    const headerActions = document.getElementById('conversation-actions');
    const body = document.getElementById('conversation-body');
    const panes = {
        welcome: document.getElementById('welcome-pane'),
        editor: document.getElementById('profile-editor'),
        detail: document.getElementById('detail-pane'),
        chat: document.getElementById('chat-pane'),
    };
    function showPane(pane, heading = null) {
        for (const [name, node] of Object.entries(panes)) node.hidden = name !== pane;
        body.classList.toggle('chat-mode', pane === 'chat');
        if (pane !== 'chat') {
            subtitle.textContent = '';
            headerAvatar.replaceChildren();
            headerActions.replaceChildren();
        }
        if (heading === null) {
            // The title follows language changes through its data-i18n key.
            title.dataset.i18n = pane === 'editor' ? 'profile.edit' : 'conversation.none';
            title.textContent = t(title.dataset.i18n);
        } else {
            delete title.dataset.i18n;
            title.textContent = heading;
        }
    }
    const openDetail = (heading, node, focus = true) => {
        panes.detail.replaceChildren(node);
        showPane('detail', heading);
        shell.dataset.view = 'conversation';
        if (focus) title.focus({ preventScroll: true });
    };
    const openChat = (heading, node, sub, conversation, actions) => {
        if (panes.chat.firstChild !== node) panes.chat.replaceChildren(node);
        if (panes.chat.hidden) showPane('chat', heading);
        title.textContent = heading;
        delete title.dataset.i18n;
        subtitle.textContent = sub ?? '';
        headerAvatar.replaceChildren(...conversationBadge(conversation));
        const wanted = [].concat(actions);
        if (wanted.length !== headerActions.childNodes.length || wanted.some((node, i) => headerActions.childNodes[i] !== node)) {
            headerActions.replaceChildren(...wanted);
        }
        shell.dataset.view = 'conversation';
    };
    const isChatVisible = () => !panes.chat.hidden && (shell.dataset.view === 'conversation' || window.matchMedia(WIDE).matches);
    const setBadge = (section, count, label) => {
        const item = shell.querySelector(`.nav-item[data-section="${section}"]`);
        const badge = item.querySelector('.badge');
        badge.hidden = count === 0;
        badge.textContent = count > 99 ? '99+' : String(count);
        item.setAttribute('aria-label', count ? `${t(`nav.${section}`)}, ${label}` : t(`nav.${section}`));
    };

    /** The chat header's avatar, with a friend's online dot. */
    function conversationBadge(conversation) {
        if (!conversation) return [];
        const person = conversation.peer;
        const picture = person ? avatar(person.displayName, person.id, 'avatar-sm', avatarUrl('users', person.id, person.avatar))
            : avatar(conversation.group?.name, conversation.group?.id, 'avatar-sm', avatarUrl('groups', conversation.group?.id,
                conversation.group?.avatar));
        const friend = person ? roster.friend(person.id) : null;
        if (!friend) return [picture];
        const dot = document.createElement('span');
        dot.className = `dot ${friend.online ? 'on' : 'off'}`;
        dot.setAttribute('role', 'img');
        dot.setAttribute('aria-label', t(friend.online ? 'presence.online' : 'presence.offline'));
        return [picture, dot];
    }

    // Features -----------------------------------------------------------------------------
    const go = (hash, { replace = false } = {}) => {
        if (location.hash === hash) return;
        if (replace) {
            history.replaceState(null, '', hash);
            apply();
        } else {
            location.hash = hash;
        }
    };
    const notices = mountNotices({ gateway, me });
    const contacts = mountContacts({ gateway, me, openDetail, setBadge });
    // Calls and chats know each other only through these few functions (names, header buttons).
    const calls = mountCalls({ gateway, me, nameOf: (conversation, user) => chats.nameOf(conversation, user),
        titleOf: (conversation) => chats.titleOfId(conversation), say: (text) => notices.note(text) });
    const chats = mountChats({ gateway, me, openChat, setBadge, isChatVisible, navigate: (id) => go(chatRoute(id)), calls });
    calls.onChange(() => chats.renderHeader());
    const account = mountAccount({ me, openDetail, showEditor: () => { showPane('editor'); shell.dataset.view = 'conversation'; },
        signOut });
    window.addEventListener('plume:open-chat', onOpenChat);
    async function onOpenChat(event) {
        try {
            go(chatRoute(await chats.conversationWith(event.detail)));
        } catch {
            // Not allowed any more (a friendship ended meanwhile): the pane shows the current state.
        }
    }

    const shortcuts = installShortcuts({
        candidates: () => [
            ...chats.conversations().map((c) => ({ kind: 'chat', id: c.id, label: chats.titleOf(c),
                hint: c.peer ? `@${c.peer.username}` : t('nav.chats'), avatarId: c.peer?.id ?? c.group?.id })),
            ...roster.all().map((f) => ({ kind: 'friend', id: f.user.id, label: friendName(f), hint: `@${f.user.username}`,
                avatarId: f.user.id })),
        ],
        openCandidate: (c) => (c.kind === 'chat' ? go(chatRoute(c.id))
            : window.dispatchEvent(new CustomEvent('plume:open-chat', { detail: { userId: c.id } }))),
        step: (direction) => {
            const next = chats.neighbour(direction);
            if (next !== null) go(chatRoute(next));
        },
        closePopup: () => chats.closePopup(),
    });
    document.getElementById('open-help').onclick = () => shortcuts.help();

    // Sections and routes -----------------------------------------------------------------
    const navItems = shell.querySelectorAll('.nav-item');
    const selectSection = (section) => {
        navItems.forEach((item) => {
            if (item.dataset.section === section) item.setAttribute('aria-current', 'page');
            else item.removeAttribute('aria-current');
        });
        shell.querySelectorAll('[data-section-body]').forEach((node) => {
            node.hidden = node.dataset.sectionBody !== section;
        });
        const heading = document.getElementById('list-title');
        heading.dataset.i18n = `nav.${section}`;
        heading.textContent = t(`nav.${section}`);
    };
    navItems.forEach((item) => { item.onclick = () => go(formatRoute({ section: item.dataset.section })); });
    document.getElementById('back-to-list').onclick = () => go(formatRoute({ section: parseRoute(location.hash).section }));

    let applying = Promise.resolve();
    function apply() {
        applying = applying.then(() => show(parseRoute(location.hash))).catch(() => {});
        return applying;
    }
    async function show(route) {
        selectSection(route.section);
        const chat = chatOf(route);
        if (chat === null) chats.close();
        if (route.section !== 'contacts' || !route.path) contacts.close();
        // A failed view falls back to its section, unless the person has moved on meanwhile.
        const fallBack = () => {
            if (location.hash === formatRoute(route)) go(formatRoute({ section: route.section }), { replace: true });
        };
        if (chat !== null) {
            // Not awaited: the chat shows at once and fills in; the next route need not wait for it.
            chats.open(chat).catch(fallBack);
        } else if (route.section === 'contacts' && route.path) {
            contacts.route(route.path).catch(fallBack);
        } else if (route.section === 'profile' && (route.path || window.matchMedia(WIDE).matches)) {
            await account.route(route.path).catch(fallBack);
            if (route.path) shell.dataset.view = 'conversation';
            else shell.dataset.view = window.matchMedia(WIDE).matches ? 'conversation' : 'list';
        } else {
            showPane('welcome');
            shell.dataset.view = 'list';
        }
    }
    window.addEventListener('hashchange', apply);

    // Signing out --------------------------------------------------------------------------
    async function signOut(path) {
        try {
            if (path) await api('DELETE', path);
        } finally {
            leave();
        }
    }
    let left = false;
    /**
     * Signed out (here, elsewhere, or the session ended): the page starts afresh. A reload is the
     * one sure way that nothing of this person — listeners, open chats, friends and remarks in
     * memory, dialogs — is left for whoever signs in next; their unsent drafts go too, since the
     * next person at this browser must not read them.
     */
    function leave(why) {
        if (left) return;
        left = true;
        // The sign-in screen after the reload says why this person was signed out, once.
        if (why === 'banned' || why === 'password_reset') sessionStorage.setItem(SIGNED_OUT_BECAUSE, why);
        chats.dispose();
        calls.dispose();
        unsubscribe();
        gateway.stop();
        localStorage.removeItem(SESSION_HINT);
        localStorage.removeItem(`plume.drafts.${me.id}`);
        localStorage.removeItem(`plume.emoji.recent.${me.id}`);
        location.replace(location.pathname);
    }

    const unsubscribe = onLanguageChange(() => { account.render(); renderState(); contacts.render(); chats.render(); });
    renderState();
    if (!location.hash) history.replaceState(null, '', formatRoute({ section: 'chats' }));
    apply().then(() => {
        // After signing in, focus goes somewhere useful: the open chat's composer (chats.open
        // did that) or the list's heading.
        if (chatOf(parseRoute(location.hash)) === null) document.getElementById('list-title').focus({ preventScroll: true });
    });
    gateway.start();
}
