// A group's incoming webhooks, on its page for its owner and admins: make one that posts as one
// of your bots in the group (its address and secret are shown once, with an example), see the
// group's hooks, revoke one. Posting itself is plain HTTP (docs/bots.md).
import { api } from '../api.js';
import { submit, values } from '../forms.js';
import { t } from '../i18n.js';
import { el, replace } from '../dom.js';
import { actor, confirmButton } from '../social/pane-kit.js';

/** `bots`: the group's bot members (the hook posts as one of them, and it must be one of yours). */
export async function hooksSection(group, bots) {
    const section = el('section', { class: 'hooks', id: 'group-hooks', 'aria-labelledby': 'hooks-title' });
    const { id: conversation } = await api('POST', '/conversations', { groupId: group.id });
    const render = async (made = null) => {
        const [hooks, mine] = await Promise.all([api('GET', `/hooks?conversation=${conversation}`), api('GET', '/bots?size=50')]);
        const inGroup = mine.items.filter((b) => bots.some((m) => m.user.id === b.id));
        const status = el('p', { class: 'form-error', role: 'alert' });
        const act = actor(status, () => render());
        const form = inGroup.length ? el('form', { class: 'stack', id: 'hook-form', novalidate: true },
            el('label', { for: 'hook-name' }, t('hooks.name')),
            el('input', { id: 'hook-name', name: 'name', required: true, maxlength: 64 }),
            el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'name' } }),
            el('label', { for: 'hook-bot' }, t('hooks.postsAs')),
            el('select', { id: 'hook-bot', name: 'bot' }, inGroup.map((b) => el('option', { value: b.id }, b.displayName))),
            el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
            el('button', { type: 'submit', class: 'secondary' }, t('hooks.make'))) : el('p', { class: 'hint' }, t('hooks.needBot'));
        if (inGroup.length) {
            form.onsubmit = (event) => submit(event, form, async () => {
                const v = values(form);
                if (!v.name.trim()) {
                    form.querySelector('[data-error-for="name"]').textContent = t('error.required');
                    return;
                }
                await render(await api('POST', '/hooks', { conversation, bot: Number(v.bot), name: v.name.trim() }));
            });
        }
        const url = (id) => `${location.origin}/api/v1/hooks/${id}`;
        replace(section,
            el('h3', { id: 'hooks-title' }, t('hooks.title')),
            el('p', { class: 'hint' }, t('hooks.explain')),
            made ? el('div', { class: 'card stack', id: 'hook-made' },
                el('p', {}, t('hooks.secretOnce')),
                el('label', { for: 'hook-url' }, t('hooks.url')),
                el('input', { id: 'hook-url', readonly: true, value: url(made.hook.id), onfocus: (e) => e.target.select() }),
                el('label', { for: 'hook-secret' }, t('hooks.secret')),
                el('input', { id: 'hook-secret', readonly: true, value: made.secret, onfocus: (e) => e.target.select() }),
                el('pre', { class: 'example' }, `curl -X POST ${url(made.hook.id)} \\\n  -H 'X-Plume-Hook-Secret: ${made.secret}' \\\n`
                    + "  -H 'Content-Type: application/json' -d '{\"text\": \"Hello\"}'")) : null,
            hooks.length ? el('ul', { class: 'rows' }, hooks.map((h) => el('li', { class: 'request-row hook-row', dataset: { hookId: h.id } },
                el('div', { class: 'row-main' }, el('span', { class: 'row-title' }, h.name),
                    el('span', { class: 'row-sub' }, h.lastUsedAt ? t('hooks.lastUsed', { time: new Date(h.lastUsedAt).toLocaleString() })
                        : t('hooks.neverUsed'))),
                confirmButton(t('hooks.revoke'), t('hooks.revokeConfirm'), act(() => api('DELETE', `/hooks/${h.id}`)), 'small'))))
                : null,
            form, status);
    };
    await render();
    return section;
}
