// The profile's "My bots": make a bot (its token is shown once, to copy into the script that
// will act as it), see one's bots, give one a new token or none, delete one. The bot itself then
// talks to the same API as people (docs/bots.md).
import { api } from '../api.js';
import { submit, values } from '../forms.js';
import { t } from '../i18n.js';
import { avatar, avatarUrl, el } from '../dom.js';
import { actor, confirmButton } from '../social/pane-kit.js';

export async function botsPane(openDetail, shownToken = null) {
    const page = await api('GET', '/bots?size=50');
    const status = el('p', { class: 'form-error', role: 'alert' });
    const again = () => botsPane(openDetail);
    const act = actor(status, again);

    const form = el('form', { class: 'stack', id: 'bot-form', novalidate: true },
        el('h3', {}, t('bots.new')),
        el('label', { for: 'bot-username' }, t('auth.username')),
        el('input', { id: 'bot-username', name: 'username', required: true, maxlength: 32, autocapitalize: 'none',
            spellcheck: 'false', 'aria-describedby': 'bot-username-hint' }),
        el('p', { class: 'hint', id: 'bot-username-hint' }, t('auth.usernameHint')),
        el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'username' } }),
        el('label', { for: 'bot-display-name' }, t('auth.displayName')),
        el('input', { id: 'bot-display-name', name: 'displayName', required: true, maxlength: 64 }),
        el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'displayName' } }),
        el('label', { for: 'bot-description' }, t('bots.description')),
        el('input', { id: 'bot-description', name: 'description', maxlength: 500 }),
        el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'description' } }),
        el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
        el('button', { type: 'submit', class: 'primary' }, t('bots.create')));
    form.onsubmit = (event) => submit(event, form, async () => {
        const v = values(form);
        const made = await api('POST', '/bots', { username: v.username.trim(), displayName: v.displayName.trim(),
            description: v.description.trim() || undefined });
        await botsPane(openDetail, made);
    });

    const tokenCard = shownToken ? el('div', { class: 'card stack token-card', id: 'bot-token-card' },
        el('p', {}, t('bots.tokenOnce', { name: shownToken.bot.displayName })),
        el('label', { for: 'bot-token' }, t('bots.token')),
        el('input', { id: 'bot-token', readonly: true, value: shownToken.token, spellcheck: 'false',
            onfocus: (event) => event.target.select() }),
        el('button', { type: 'button', class: 'small', onclick: () => navigator.clipboard?.writeText(shownToken.token) },
            t('bots.copy'))) : null;

    const rows = page.items.map((b) => el('li', { class: 'request-row bot-row', dataset: { botId: b.id } },
        avatar(b.displayName, b.id, '', avatarUrl('users', b.id, b.avatar)),
        el('div', { class: 'row-main' },
            el('a', { class: 'row-title', href: `#/profile/bots/${b.id}` }, b.displayName,
                el('span', { class: 'bot-badge' }, t('bot.badge'))),
            el('span', { class: 'row-sub' }, `@${b.username}${b.description ? ` · ${b.description}` : ''}`)),
        el('div', { class: 'actions' },
            confirmButton(t('bots.newToken'), t('bots.newTokenConfirm'),
                async () => { try { await botsPane(openDetail, await api('POST', `/bots/${b.id}/token`)); } catch (e) { status.textContent = e.message; } }, 'small'),
            confirmButton(t('bots.revokeToken'), t('bots.revokeTokenConfirm'),
                act(() => api('DELETE', `/bots/${b.id}/token`)), 'small'),
            confirmButton(t('bots.delete'), t('bots.deleteConfirm'), act(() => api('DELETE', `/bots/${b.id}`)), 'small'))));

    openDetail(t('bots.title'), el('div', { class: 'stack', id: 'bots-pane' },
        tokenCard,
        el('div', { class: 'card' },
            el('p', { class: 'hint' }, t('bots.explain')),
            rows.length ? el('ul', { class: 'rows' }, rows) : el('p', { class: 'hint', id: 'no-bots' }, t('bots.none')),
            status),
        el('div', { class: 'card' }, form)));
    if (shownToken) document.getElementById('bot-token').focus();
}
