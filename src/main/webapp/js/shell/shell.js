// The signed-in layout: sidebar sections, the list panel, the conversation panel, the
// connection indicator, and the profile section. On a phone one panel shows at a time.
import { api } from '../api.js';
import { submit, values } from '../forms.js';
import { onLanguageChange, t } from '../i18n.js';
import { Gateway } from '../realtime/connection.js';
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
        ['me-avatar', 'profile-avatar'].forEach((id) => { document.getElementById(id).textContent = initial; });
        document.getElementById('profile-name').textContent = me.displayName;
        document.getElementById('profile-username').textContent = `@${me.username}`;
        document.getElementById('welcome-text').textContent = t('conversation.welcome', { name: me.displayName });
    };

    // Sections
    const navItems = shell.querySelectorAll('.nav-item');
    const showSection = (section) => {
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
        if (section === 'profile') fillEditor();
        contacts.close();
        showPane(section === 'profile' ? 'editor' : 'welcome');
        shell.dataset.view = 'list';
    };
    navItems.forEach((item) => { item.onclick = () => showSection(item.dataset.section); });
    document.getElementById('back-to-list').onclick = () => { shell.dataset.view = 'list'; };

    // The conversation panel shows the welcome pane until later features fill it.
    const editor = document.getElementById('profile-editor');
    const detail = document.getElementById('detail-pane');
    const showPane = (pane) => {
        document.getElementById('welcome-pane').hidden = pane !== 'welcome';
        editor.hidden = pane !== 'editor';
        detail.hidden = pane !== 'detail';
        if (pane === 'detail') return;
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
    const contacts = mountContacts({ gateway, openDetail, setBadge });

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

    const unsubscribe = onLanguageChange(() => { renderMe(); renderState(); contacts.render(); });
    renderMe();
    renderState();
    showSection('chats');
    gateway.start();
}
