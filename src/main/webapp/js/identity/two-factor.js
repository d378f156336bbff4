// Two-factor authentication in the profile: turn it on (scan the QR code or type the secret,
// confirm with a first code, keep the recovery codes shown once) or off (password and a code).
import { api } from '../api.js';
import { el } from '../dom.js';
import { submit, values } from '../forms.js';
import { t } from '../i18n.js';
import { qrSvg } from './qr.js';

export async function twoFactorPane(openDetail) {
    const status = await api('GET', '/me/two-factor');
    if (status.enabled) {
        const form = el('form', { class: 'card stack', id: 'two-factor-off', novalidate: true },
            el('p', { class: 'form-ok' }, t('twoFactor.on', { count: status.recoveryCodesLeft })),
            el('label', { for: 'two-factor-password' }, t('profile.currentPassword')),
            el('input', { id: 'two-factor-password', name: 'password', type: 'password', required: true,
                autocomplete: 'current-password', maxlength: 256 }),
            el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'password' } }),
            codeInput('two-factor-off-code'),
            el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'code' } }),
            el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
            el('button', { type: 'submit', class: 'primary danger' }, t('twoFactor.turnOff')));
        form.onsubmit = (event) => submit(event, form, async () => {
            const v = values(form);
            await api('POST', '/me/two-factor/disable', { password: v.password, code: v.code.trim() });
            await twoFactorPane(openDetail);
        });
        openDetail(t('twoFactor.title'), form);
        return;
    }
    // Starting asks for the password: a session left open somewhere must not enrol someone else's phone.
    const begin = el('form', { class: 'stack', id: 'two-factor-begin', novalidate: true },
        el('p', {}, t('twoFactor.explain')),
        el('label', { for: 'two-factor-begin-password' }, t('profile.currentPassword')),
        el('input', { id: 'two-factor-begin-password', name: 'password', type: 'password', required: true,
            autocomplete: 'current-password', maxlength: 256 }),
        el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'password' } }),
        el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
        el('button', { type: 'submit', class: 'primary', id: 'two-factor-start' }, t('twoFactor.setUp')));
    const card = el('div', { class: 'card stack', id: 'two-factor-setup' }, begin);
    begin.onsubmit = (event) => submit(event, begin, async () => {
        const enrolment = await api('POST', '/me/two-factor', { password: values(begin).password });
        const form = el('form', { class: 'stack', novalidate: true },
            el('p', {}, t('twoFactor.scan')),
            qrSvg(enrolment.qr, t('twoFactor.qrLabel')),
            el('p', { class: 'hint' }, t('twoFactor.orType')),
            el('code', { class: 'secret', id: 'two-factor-secret' }, enrolment.secret.replace(/(.{4})/g, '$1 ').trim()),
            codeInput('two-factor-code'),
            el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'code' } }),
            el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
            el('button', { type: 'submit', class: 'primary' }, t('twoFactor.confirm')));
        form.onsubmit = (event2) => submit(event2, form, async () => {
            const confirmed = await api('POST', '/me/two-factor/confirm', { code: values(form).code.trim() });
            card.replaceChildren(
                el('p', { class: 'form-ok' }, t('twoFactor.enabled')),
                el('p', {}, t('twoFactor.keepCodes')),
                el('ul', { class: 'recovery-codes', id: 'recovery-codes' }, confirmed.recoveryCodes.map((code) => el('li', {}, el('code', {}, code)))),
                el('button', { type: 'button', class: 'primary', onclick: () => twoFactorPane(openDetail) }, t('twoFactor.done')));
        });
        card.replaceChildren(form);
        form.querySelector('input').focus();
    });
    openDetail(t('twoFactor.title'), card);
}

function codeInput(id) {
    return [el('label', { for: id }, t('twoFactor.code')),
        el('input', { id, name: 'code', required: true, autocomplete: 'one-time-code', inputmode: 'numeric',
            maxlength: 32, spellcheck: 'false', autocapitalize: 'none' })];
}
