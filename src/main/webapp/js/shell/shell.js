// The signed-in layout: sidebar sections, the list panel, the conversation panel, the
// connection indicator, and the profile section. On a phone one panel shows at a time.
import { api } from '../api.js';
import { submit, values } from '../forms.js';
import { onLanguageChange, t } from '../i18n.js';
import { Gateway } from '../realtime/connection.js';
import { avatarUrl } from '../dom.js';
import { mountChats } from '../messaging/chats.js';
import { mountContacts } from '../social/contacts.js';

export function showShell(user, onSignedOut) {
    const shell = document.getElementById('shell');
    shell.hidden = false;
    let me = user;
    let devices = 1;
    const gateway = new Gateway();

    const state = document.getElementById('connection-state');
    const renderState = () => {
        state.dataset.state = gateway.state;
        const text = gateway.state === 'online' && devices > 1
            ? t('connection.devices', { count: devices }) : t(`connection.${gateway.state}`);
        state.querySelector('.connection-label').textContent = text;
        state.title = text;
    };
    gateway.addEventListener('state', renderState);
    gateway.addEventListener('devices', (event) => { devices = event.detail.count; renderState(); });
    gateway.addEventListener('signedout', () => leave());

    const renderMe = () => {
        const initial = (me.displayName || me.username).trim().charAt(0).toUpperCase();
        ['me-avatar', 'profile-avatar'].forEach((id) => {
            const node = document.getElementById(id);
            node.textContent = initial;
            const url = avatarUrl('users', me.id, me.avatar);
            if (url) node.append(Object.assign(document.createElement('img'), { src: url, alt: '' }));
        });
        document.getElementById('profile-name').textContent = me.displayName;
        document.getElementById('profile-username').textContent = `@${me.username}`;
        document.getElementById('welcome-text').textContent = t('conversation.welcome', { name: me.displayName });
    };

    // Sections
    const navItems = shell.querySelectorAll('.nav-item');
    // Marks a section as current and shows its list, leaving the conversation panel alone.
    const selectSection = (section) => {
        navItems.forEach((item) => {
            if (item.dataset.section === section) item.setAttribute('aria-current', 'page');
            else item.removeAttribute('aria-current');
        });
        shell.querySelectorAll('[data-section-body]').forEach((body) => {
            body.hidden = body.dataset.sectionBody !== section;
        });
        const title = document.getElementById('list-title');
        title.dataset.i18n = `nav.${section}`;
        title.textContent = t(`nav.${section}`);
    };
    const showSection = (section) => {
        selectSection(section);
        if (section === 'profile') fillEditor();
        contacts.close();
        showPane(section === 'profile' ? 'editor' : 'welcome');
        shell.dataset.view = 'list';
    };
    navItems.forEach((item) => { item.onclick = () => showSection(item.dataset.section); });
    document.getElementById('back-to-list').onclick = () => { shell.dataset.view = 'list'; };

    // The conversation panel shows the welcome pane until later features fill it.
    const editor = document.getElementById('profile-editor');
    let chats = null;
    const detail = document.getElementById('detail-pane');
    const chatPane = document.getElementById('chat-pane');
    const body = document.getElementById('conversation-body');
    const subtitle = document.getElementById('conversation-subtitle');
    const showPane = (pane) => {
        document.getElementById('welcome-pane').hidden = pane !== 'welcome';
        editor.hidden = pane !== 'editor';
        detail.hidden = pane !== 'detail';
        chatPane.hidden = pane !== 'chat';
        body.classList.toggle('chat-mode', pane === 'chat');
        if (pane !== 'chat') {
            subtitle.textContent = '';
            chats?.close();
        }
        if (pane === 'detail' || pane === 'chat') return;
        // The title follows language changes through its data-i18n key.
        const title = document.getElementById('conversation-title');
        title.dataset.i18n = pane === 'editor' ? 'profile.edit' : 'conversation.none';
        title.textContent = t(title.dataset.i18n);
    };

    // Features show their details in the conversation panel (on a phone: in place of the list).
    const openDetail = (heading, node) => {
        const title = document.getElementById('conversation-title');
        delete title.dataset.i18n;
        title.textContent = heading;
        detail.replaceChildren(node);
        showPane('detail');
        shell.dataset.view = 'conversation';
    };
    const setBadge = (section, count, label) => {
        const item = shell.querySelector(`.nav-item[data-section="${section}"]`);
        const badge = item.querySelector('.badge');
        badge.hidden = count === 0;
        badge.textContent = count > 99 ? '99+' : String(count);
        item.setAttribute('aria-label', count ? `${t(`nav.${section}`)}, ${label}` : t(`nav.${section}`));
    };
    const contacts = mountContacts({ gateway, me, openDetail, setBadge });

    // A chat takes the conversation panel; the chats list is shown beside it.
    const openChat = (heading, node, sub) => {
        const title = document.getElementById('conversation-title');
        delete title.dataset.i18n;
        title.textContent = heading;
        subtitle.textContent = sub ?? '';
        if (chatPane.firstChild !== node) chatPane.replaceChildren(node);
        if (chatPane.hidden) {
            showPane('chat');
            selectSection('chats');
            shell.dataset.view = 'conversation';
        }
    };
    const isChatVisible = () => !chatPane.hidden && (shell.dataset.view === 'conversation'
        || window.matchMedia('(min-width: 760px)').matches);
    chats = mountChats({ gateway, me, openChat, setBadge, isChatVisible });

    // Notification preferences (kept in this browser).
    const notifyButton = document.getElementById('toggle-notify');
    const soundButton = document.getElementById('toggle-sound');
    const renderPrefs = () => {
        const notifyOn = localStorage.getItem('plume.notify') === 'on' && 'Notification' in window
            && Notification.permission === 'granted';
        notifyButton.textContent = t(notifyOn ? 'profile.notificationsOn' : 'profile.notificationsOff');
        soundButton.textContent = t(localStorage.getItem('plume.sound') === 'off' ? 'profile.soundOff' : 'profile.soundOn');
    };
    notifyButton.onclick = async () => {
        if (localStorage.getItem('plume.notify') === 'on') {
            localStorage.setItem('plume.notify', 'off');
        } else if ('Notification' in window && (await Notification.requestPermission()) === 'granted') {
            localStorage.setItem('plume.notify', 'on');
        }
        renderPrefs();
    };
    soundButton.onclick = () => {
        localStorage.setItem('plume.sound', localStorage.getItem('plume.sound') === 'off' ? 'on' : 'off');
        renderPrefs();
    };

    document.getElementById('avatar-file').onchange = async (event) => {
        const file = event.target.files[0];
        const error = document.getElementById('avatar-error');
        error.textContent = '';
        if (!file) return;
        const response = await fetch('/api/v1/avatars/me', { method: 'PUT', body: file, credentials: 'same-origin',
            headers: { 'Content-Type': 'application/octet-stream' } });
        if (response.ok) {
            me = await api('GET', '/me');
            renderMe();
        } else {
            const problem = await response.json().catch(() => null);
            error.textContent = problem?.detail ?? t('error.generic');
        }
        event.target.value = '';
    };
    document.getElementById('open-profile-editor').onclick = () => {
        fillEditor();
        showPane('editor');
        shell.dataset.view = 'conversation';
    };
    const fillEditor = () => {
        editor.elements.displayName.value = me.displayName || '';
        editor.elements.signature.value = me.signature || '';
        editor.elements.gender.value = me.gender || '';
        editor.elements.region.value = me.region || '';
        editor.elements.phone.value = me.phone || '';
        document.getElementById('profile-saved').textContent = '';
    };
    editor.onsubmit = (event) => submit(event, editor, async (form) => {
        const v = values(form);
        const blank = (value) => (value && value.trim() ? value.trim() : null);
        me = await api('PUT', '/me', {
            displayName: v.displayName.trim(), signature: blank(v.signature), gender: blank(v.gender),
            region: blank(v.region), phone: blank(v.phone),
        });
        renderMe();
        document.getElementById('profile-saved').textContent = t('profile.saved');
    });

    // Signing out
    document.getElementById('sign-out').onclick = () => signOut('/sessions/current');
    document.getElementById('sign-out-everywhere').onclick = () => signOut('/sessions');
    async function signOut(path) {
        try {
            await api('DELETE', path);
        } finally {
            leave();
        }
    }
    function leave() {
        unsubscribe();
        gateway.stop();
        shell.hidden = true;
        onSignedOut();
    }

    const unsubscribe = onLanguageChange(() => { renderMe(); renderState(); renderPrefs(); contacts.render(); chats.render(); });
    renderMe();
    renderState();
    renderPrefs();
    showSection('chats');
    gateway.start();
}
