// Reporting a message or a person to Plume's administrators: a reason from a short list and, if
// one likes, a few words. Reporting the same thing again is harmless (the server answers with the
// report already open). The reporter is told later that it was handled, never what was decided.
import { api } from '../api.js';
import { el } from '../dom.js';
import { submit } from '../forms.js';
import { t } from '../i18n.js';

const REASONS = ['spam', 'harassment', 'hate', 'violence', 'sexual', 'impersonation', 'other'];

/** {@code subject}: { conversation, seq } for a message, { person } for a person; {@code name} says whom. */
export function openReportDialog({ subject, name, onDone = () => {} }) {
    const title = subject.person ? t('report.personTitle', { name }) : t('report.messageTitle');
    const reasons = el('fieldset', { class: 'report-reasons' }, el('legend', {}, t('report.why')),
        REASONS.map((reason, i) => el('label', { class: 'check' },
            el('input', { type: 'radio', name: 'reason', value: reason, required: true, checked: i === 0 }),
            t(`report.reason.${reason}`))));
    const form = el('form', { class: 'report-form', novalidate: true },
        reasons,
        el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'reason' } }),
        el('label', { for: 'report-note' }, t('report.note')),
        el('textarea', { id: 'report-note', name: 'note', maxlength: '1000', rows: '3' }),
        el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'note' } }),
        el('p', { class: 'hint' }, t('report.privacy')),
        el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
        el('div', { class: 'actions' },
            el('button', { type: 'button', class: 'link', onclick: () => dialog.close() }, t('report.cancel')),
            el('button', { type: 'submit', class: 'primary danger', id: 'report-send' }, t('report.send'))));
    const dialog = el('dialog', { class: 'dialog', id: 'report-dialog', 'aria-label': title },
        el('div', { class: 'dialog-head' }, el('h2', {}, title),
            el('button', { type: 'button', class: 'link dialog-close', 'aria-label': t('chats.close'),
                onclick: () => dialog.close() }, '✕')),
        form);
    form.addEventListener('submit', (event) => submit(event, form, async () => {
        const data = new FormData(form);
        const note = String(data.get('note') || '').trim();
        await api('POST', '/reports', { ...subject, reason: data.get('reason'), note: note || null });
        form.replaceChildren(el('p', { class: 'report-done', role: 'status' }, t('report.thanks')),
            el('div', { class: 'actions' }, el('button', { type: 'button', class: 'primary', autofocus: true,
                onclick: () => dialog.close() }, t('report.close'))));
        onDone();
    }));
    document.body.append(dialog);
    dialog.addEventListener('close', () => dialog.remove());
    dialog.showModal();
}
