// The console's action dialog: a reason (required, it goes to the audit log) and whatever else
// the action needs, then the request. A sensitive action on a session that proved itself too
// long ago is refused with reauthentication_required: the dialog then asks for a two-factor code,
// verifies it and tries again — what people.js does for its own actions.
import { api } from '/js/api.js';
import { el } from '/js/dom.js';
import { submit, values } from '/js/forms.js';
import { t } from '/js/i18n.js';

/**
 * {@code fields}: [{ name, label, input }]; {@code send(body)} makes the request with the form's
 * values ({@code reason} included unless {@code withReason} is false); {@code done()} follows.
 */
export function openActionDialog({ title, subtitle = null, fields = [], withReason = true, reason = '',
    danger = false, send, done }) {
    const reasonInput = el('textarea', { id: 'action-reason', name: 'reason', maxlength: '500', rows: '3' });
    reasonInput.value = reason;
    const code = codeField();
    const form = el('form', { method: 'dialog', novalidate: true },
        withReason ? el('label', { for: 'action-reason' }, t('admin.action.reason')) : null,
        withReason ? reasonInput : null,
        withReason ? el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'reason' } }) : null,
        fields.flatMap((f) => [el('label', { for: f.input.id }, f.label), f.input,
            el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: f.name } })]),
        code.node,
        el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
        el('div', { class: 'actions' },
            el('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('admin.cancel')),
            el('button', { type: 'submit', class: danger ? 'primary danger' : 'primary' }, title)));
    const dialog = el('dialog', { class: 'dialog', 'aria-label': title },
        el('div', { class: 'dialog-head' }, el('h2', {}, title)),
        subtitle ? el('p', { class: 'hint' }, subtitle) : null,
        form);
    form.onsubmit = (event) => submit(event, form, async () => {
        const body = values(form);
        delete body.code;
        if (withReason && !body.reason.trim()) {
            form.querySelector('[data-error-for="reason"]').textContent = t('admin.action.reasonRequired');
            reasonInput.focus();
            return;
        }
        await code.retrying(form, () => send(body));
        dialog.close();
        await done?.();
    });
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    (withReason ? reasonInput : fields[0]?.input)?.focus();
}

/** The hidden two-factor code field, and the retry it drives. */
export function codeField() {
    const input = el('input', { id: 'action-code', name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric',
        maxlength: '32' });
    const node = el('div', { hidden: true, class: 'reauth' }, el('label', { for: 'action-code' }, t('twoFactor.code')), input);
    return {
        node,
        /** Verifies a code if one was asked for and typed, then calls; asks for one when the server wants it. */
        async retrying(form, call) {
            if (!node.hidden && input.value.trim()) await api('POST', '/sessions/current/verify', { code: input.value.trim() });
            try {
                return await call();
            } catch (error) {
                if (error.code === 'reauthentication_required') {
                    node.hidden = false;
                    input.focus();
                }
                throw error;
            }
        },
    };
}
