// What the contact panes share: running an action with its failure shown in place, a button
// that asks once more before doing what cannot be undone, the join-policy select, a contact
// group's shown name and a problem's message in the page's language.
import { el } from '../dom.js';
import { has, t } from '../i18n.js';

/**
 * Wraps a pane's actions: the form is not submitted, a failure is shown in {@code status}, and
 * on success {@code after()} runs (typically a reload of what the action changed).
 */
export function actor(status, after = async () => {}) {
    return (action) => async (event) => {
        event?.preventDefault?.();
        status.textContent = '';
        try {
            await action();
            await after();
        } catch (error) {
            status.textContent = problemText(error);
        }
    };
}

/** Two clicks for anything that cannot be undone: the first arms the button, the second acts. */
export function confirmButton(label, confirmLabel, action, extra = '') {
    const button = el('button', { type: 'button', class: `danger ${extra}`.trim() }, label);
    button.addEventListener('click', (event) => {
        if (button.dataset.armed) {
            action(event);
        } else {
            button.dataset.armed = 'true';
            button.textContent = confirmLabel;
        }
    });
    return button;
}

export function policySelect(id, selected) {
    return el('select', { id }, ['open', 'approval', 'invite_only'].map((p) => el('option', {
        value: p, selected: p === selected }, t(`groups.policy.${p}`))));
}

export function contactGroupName(group) {
    return group.name ?? t('contacts.defaultGroup');
}

export function problemText(error) {
    return has(`error.${error.code}`) ? t(`error.${error.code}`) : (error.message || t('error.generic'));
}
