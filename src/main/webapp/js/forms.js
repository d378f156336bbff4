// Showing a form's errors: per field (next to the input, aria-invalid) and for the whole form.
import { t, has } from './i18n.js';

export function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

export function showFieldError(form, field, message) {
    const slot = form.querySelector(`[data-error-for="${field}"]`);
    const input = form.elements.namedItem(field);
    if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
    }
    if (slot) {
        slot.textContent = message;
        return true;
    }
    return false;
}

/** Maps an ApiError onto the form: the named field if there is a slot for it, else the form. */
export function showError(form, error) {
    const message = has(`error.${error.code}`) ? t(`error.${error.code}`) : (error.message || t('error.generic'));
    const detailed = error.code === 'invalid_input' && error.errors.length ? error.errors[0].message : null;
    if (error.field && showFieldError(form, error.field, detailed ? `${message} (${detailed})` : message)) return;
    form.querySelector('[data-error-for="form"]').textContent = message;
}

export function values(form) {
    return Object.fromEntries(new FormData(form).entries());
}

/** Runs a form's action with its button disabled, showing any failure on the form. */
export async function submit(event, form, action) {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
        await action(form);
    } catch (error) {
        showError(form, error);
    } finally {
        button.disabled = false;
    }
}
