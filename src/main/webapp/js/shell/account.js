// The profile section: one's card, editing the profile and avatar, changing the password, the
// signed-in devices (each can be signed out), notification and sound preferences, the theme,
// and signing out here or everywhere.
import { api } from '../api.js';
import { submit, values } from '../forms.js';
import { t } from '../i18n.js';
import { avatarUrl, el } from '../dom.js';
import { actor, confirmButton } from '../social/pane-kit.js';
import { applyTheme, theme } from './theme.js';
import { twoFactorPane } from '../identity/two-factor.js';
import { callsPane } from '../calls/self-test.js';
import { botsPane } from '../bots/bots-pane.js';
import { botPane } from '../bots/bot-pane.js';

export function mountAccount({ me, openDetail, showEditor, signOut }) {
    const editor = document.getElementById('profile-editor');

    function renderMe() {
        const initial = (me.displayName || me.username).trim().charAt(0).toUpperCase();
        ['me-avatar', 'profile-avatar'].forEach((id) => {
            const node = document.getElementById(id);
            node.textContent = initial;
            const url = avatarUrl('users', me.id, me.avatar);
            if (url) node.append(Object.assign(document.createElement('img'), { src: url, alt: '' }));
        });
        document.getElementById('profile-name').textContent = me.displayName;
        document.getElementById('open-admin').hidden = me.role !== 'admin';
        document.getElementById('profile-username').textContent = `@${me.username}`;
        document.getElementById('welcome-text').textContent = t('conversation.welcome', { name: me.displayName });
    }

    /** Replaces what is known of the signed-in person, in place: every module holds this one object. */
    function update(fresh) {
        Object.assign(me, fresh);
        renderMe();
    }

    // Preferences (kept in this browser).
    const notifyButton = document.getElementById('toggle-notify');
    const soundButton = document.getElementById('toggle-sound');
    const themeButton = document.getElementById('toggle-theme');
    function renderPrefs() {
        const notifyOn = localStorage.getItem('plume.notify') === 'on' && 'Notification' in window
            && Notification.permission === 'granted';
        notifyButton.textContent = t(notifyOn ? 'profile.notificationsOn' : 'profile.notificationsOff');
        soundButton.textContent = t(localStorage.getItem('plume.sound') === 'off' ? 'profile.soundOff' : 'profile.soundOn');
        themeButton.textContent = t(`profile.theme.${theme()}`);
    }
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
    themeButton.onclick = () => {
        const order = ['system', 'light', 'dark'];
        applyTheme(order[(order.indexOf(theme()) + 1) % order.length]);
        renderPrefs();
    };

    const avatarFile = document.getElementById('avatar-file');
    avatarFile.onchange = async () => {
        const file = avatarFile.files[0];
        const error = document.getElementById('avatar-error');
        error.textContent = '';
        if (!file) return;
        const response = await fetch('/api/v1/avatars/me', { method: 'PUT', body: file, credentials: 'same-origin',
            headers: { 'Content-Type': 'application/octet-stream' } });
        if (response.ok) {
            update(await api('GET', '/me'));
        } else {
            const problem = await response.json().catch(() => null);
            error.textContent = problem?.detail ?? t('error.generic');
        }
        avatarFile.value = '';
    };
    function fillEditor() {
        editor.elements.displayName.value = me.displayName || '';
        editor.elements.signature.value = me.signature || '';
        editor.elements.gender.value = me.gender || '';
        editor.elements.region.value = me.region || '';
        editor.elements.phone.value = me.phone || '';
        document.getElementById('profile-saved').textContent = '';
    }
    editor.onsubmit = (event) => submit(event, editor, async (form) => {
        const v = values(form);
        const blank = (value) => (value && value.trim() ? value.trim() : null);
        update(await api('PUT', '/me', {
            displayName: v.displayName.trim(), signature: blank(v.signature), gender: blank(v.gender),
            region: blank(v.region), phone: blank(v.phone),
        }));
        document.getElementById('profile-saved').textContent = t('profile.saved');
    });

    function passwordPane() {
        const form = el('form', { class: 'card stack', id: 'password-form', novalidate: true },
            el('label', { for: 'current-password' }, t('profile.currentPassword')),
            el('input', { id: 'current-password', name: 'currentPassword', type: 'password', required: true,
                autocomplete: 'current-password', maxlength: 256 }),
            el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'currentPassword' } }),
            el('label', { for: 'new-password' }, t('profile.newPassword')),
            el('input', { id: 'new-password', name: 'newPassword', type: 'password', required: true,
                autocomplete: 'new-password', minlength: 8, maxlength: 256, 'aria-describedby': 'new-password-hint' }),
            el('p', { class: 'hint', id: 'new-password-hint' }, t('auth.passwordHint')),
            el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'newPassword' } }),
            el('p', { class: 'hint' }, t('profile.passwordSignsOut')),
            el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
            el('button', { type: 'submit', class: 'primary' }, t('profile.changePassword')));
        form.onsubmit = (event) => submit(event, form, async () => {
            const v = values(form);
            await api('PUT', '/me/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
            // The server signed every session out, this one included: back to the sign-in page.
            signOut(null);
        });
        openDetail(t('profile.changePassword'), form);
    }

    /** The email address: the verified one, the one waiting for its link, adding or changing it, removing it. */
    function emailPane(notice = '') {
        const status = el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } });
        const form = el('form', { class: 'stack', id: 'email-form', novalidate: true },
            el('label', { for: 'email-address' }, t(me.email ? 'profile.emailChange' : 'profile.emailAdd')),
            el('input', { id: 'email-address', name: 'email', type: 'email', required: true, autocomplete: 'email',
                maxlength: 254, autocapitalize: 'none', spellcheck: 'false', 'aria-describedby': 'email-hint' }),
            el('p', { class: 'hint', id: 'email-hint' }, t('profile.emailHint')),
            el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'email' } }),
            status,
            el('button', { type: 'submit', class: 'primary' }, t('profile.emailSend')));
        form.onsubmit = (event) => submit(event, form, async () => {
            const { email } = values(form);
            if (!email.trim()) {
                form.querySelector('[data-error-for="email"]').textContent = t('error.required');
                return;
            }
            update(await api('PUT', '/me/email', { email: email.trim() }));
            emailPane(t('profile.emailSent', { email: me.pendingEmail }));
        });
        const act = actor(status, () => emailPane());
        openDetail(t('profile.email'), el('div', { class: 'card stack', id: 'email-pane' },
            el('p', { id: 'email-verified' }, me.email ? t('profile.emailVerified', { email: me.email }) : t('profile.emailNone')),
            me.pendingEmail ? el('p', { class: 'hint', id: 'email-pending' }, t('profile.emailPending', { email: me.pendingEmail })) : null,
            notice ? el('p', { class: 'form-ok', role: 'status' }, notice) : null,
            form,
            me.email || me.pendingEmail ? confirmButton(t('profile.emailRemove'), t('profile.emailRemoveConfirm'),
                act(async () => update(await api('DELETE', '/me/email'))), 'small') : null));
    }

    async function devicesPane() {
        const status = el('p', { class: 'form-error', role: 'alert' });
        const devices = await api('GET', '/sessions');
        const act = actor(status, devicesPane);
        openDetail(t('profile.devices'), el('div', { class: 'card' },
            el('ul', { class: 'rows' }, devices.map((d) => el('li', { class: 'request-row device-row', dataset: { sessionId: d.id } },
                el('div', { class: 'row-main' },
                    el('span', { class: 'row-title' }, d.userAgent || t('profile.unknownDevice'),
                        d.current ? el('span', { class: 'role' }, t('profile.thisDevice')) : null),
                    el('span', { class: 'row-sub' }, t('profile.lastUsed', { time: new Date(d.lastUsedAt).toLocaleString() }))),
                d.current ? null : confirmButton(t('profile.signOutDevice'), t('profile.confirmSignOutDevice'),
                    act(() => api('DELETE', `/sessions/${d.id}`)), 'small')))),
            status));
    }

    /** Shows a view of the profile section: the editor (also the section's default), password, devices. */
    async function route(path) {
        if (path === 'password') return passwordPane();
        if (path === 'devices') return devicesPane();
        if (path === 'email') return emailPane();
        if (path === 'bots') return botsPane(openDetail);
        if (/^bots\/\d{1,18}$/.test(path)) return botPane(openDetail, Number(path.slice(5)));
        if (path === 'two-factor') return twoFactorPane(openDetail);
        if (path === 'calls') return callsPane(openDetail);
        fillEditor();
        return showEditor();
    }

    document.getElementById('sign-out').onclick = () => signOut('/sessions/current');
    document.getElementById('sign-out-everywhere').onclick = () => signOut('/sessions');

    renderMe();
    renderPrefs();
    return { route, render: () => { renderMe(); renderPrefs(); } };
}
