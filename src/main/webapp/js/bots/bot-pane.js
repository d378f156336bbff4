// One of my bots: where its events go (subscriptions: add one, its secret shown once, a new
// secret, turn on again after failures, delete) and what was delivered lately, with the status
// code each got and a button to send one again.
import { api } from '../api.js';
import { submit, values } from '../forms.js';
import { t } from '../i18n.js';
import { el } from '../dom.js';
import { actor, confirmButton } from '../social/pane-kit.js';

const EVENTS = ['message.created', 'message.edited', 'message.recalled', 'member.joined', 'command'];

export async function botPane(openDetail, botId, shownSecret = null) {
    const [bot, subscriptions, deliveries] = await Promise.all([api('GET', `/bots/${botId}`),
        api('GET', `/bots/${botId}/subscriptions`), api('GET', `/bots/${botId}/deliveries?size=20`)]);
    const status = el('p', { class: 'form-error', role: 'alert' });
    const again = () => botPane(openDetail, botId);
    const act = actor(status, again);
    const withSecret = (request) => async () => {
        try {
            await botPane(openDetail, botId, await request());
        } catch (error) {
            status.textContent = error.message;
        }
    };

    const form = el('form', { class: 'stack', id: 'subscription-form', novalidate: true },
        el('h3', {}, t('events.subscribe')),
        el('label', { for: 'subscription-url' }, t('events.url')),
        el('input', { id: 'subscription-url', name: 'url', type: 'url', required: true, maxlength: 2000,
            placeholder: 'https://bots.example.net/plume', 'aria-describedby': 'subscription-url-hint' }),
        el('p', { class: 'hint', id: 'subscription-url-hint' }, t('events.urlHint')),
        el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'url' } }),
        el('fieldset', { class: 'event-types' }, el('legend', {}, t('events.which')),
            EVENTS.map((type) => el('label', { class: 'inline-check' },
                el('input', { type: 'checkbox', name: 'events', value: type, checked: type === 'message.created' }), type))),
        el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'events' } }),
        el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
        el('button', { type: 'submit', class: 'secondary' }, t('events.add')));
    form.onsubmit = (event) => submit(event, form, async () => {
        const events = [...form.querySelectorAll('input[name="events"]:checked')].map((box) => box.value);
        await botPane(openDetail, botId, await api('POST', `/bots/${botId}/subscriptions`,
            { url: values(form).url.trim(), events }));
    });

    const secretCard = shownSecret ? el('div', { class: 'card stack', id: 'subscription-secret-card' },
        el('p', {}, t('events.secretOnce')),
        el('label', { for: 'subscription-secret' }, t('hooks.secret')),
        el('input', { id: 'subscription-secret', readonly: true, value: shownSecret.secret, onfocus: (e) => e.target.select() }))
        : null;

    const subscriptionRows = subscriptions.map((s) => el('li', { class: 'request-row subscription-row', dataset: { subscriptionId: s.id } },
        el('div', { class: 'row-main' },
            el('span', { class: 'row-title' }, s.url),
            el('span', { class: 'row-sub' }, s.events.join(', ')),
            s.disabledAt ? el('span', { class: 'row-sub form-error' }, t('events.disabled', { reason: s.disabledReason || '' })) : null),
        el('div', { class: 'actions' },
            s.disabledAt ? el('button', { type: 'button', class: 'small', onclick: act(() => api('POST', `/bots/${botId}/subscriptions/${s.id}/enable`)) },
                t('events.enable')) : null,
            el('button', { type: 'button', class: 'small', onclick: withSecret(() => api('POST', `/bots/${botId}/subscriptions/${s.id}/secret`)) },
                t('events.newSecret')),
            confirmButton(t('events.delete'), t('events.deleteConfirm'), act(() => api('DELETE', `/bots/${botId}/subscriptions/${s.id}`)), 'small'))));

    const deliveryRows = deliveries.items.map((d) => el('tr', { class: 'delivery-row', dataset: { deliveryId: d.id, status: d.status } },
        el('td', {}, new Date(d.createdAt).toLocaleString()),
        el('td', {}, d.type),
        el('td', {}, t(`events.status.${d.status}`)),
        el('td', { class: 'status-code' }, d.statusCode ?? '—'),
        el('td', {}, String(d.attempts)),
        el('td', { class: 'delivery-error' }, d.error || ''),
        el('td', {}, d.status === 'pending' ? null : el('button', { type: 'button', class: 'small replay',
            onclick: act(() => api('POST', `/bots/${botId}/deliveries/${d.id}/replay`)) }, t('events.replay')))));

    openDetail(bot.displayName, el('div', { class: 'stack', id: 'bot-pane' },
        secretCard,
        el('div', { class: 'card stack' },
            el('h3', {}, t('events.title')),
            el('p', { class: 'hint' }, t('events.explain')),
            subscriptionRows.length ? el('ul', { class: 'rows' }, subscriptionRows) : el('p', { class: 'hint' }, t('events.none')),
            form, status),
        el('div', { class: 'card' },
            el('h3', {}, t('events.deliveries')),
            deliveryRows.length ? el('table', { class: 'deliveries' },
                el('thead', {}, el('tr', {}, ['events.when', 'events.type', 'events.state', 'events.code', 'events.attempts',
                    'events.error', 'events.action'].map((key) => el('th', { scope: 'col' }, t(key))))),
                el('tbody', {}, deliveryRows)) : el('p', { class: 'hint' }, t('events.noDeliveries')))));
    if (shownSecret) document.getElementById('subscription-secret').focus();
}
