// The incoming call: a dialog that rings (Web Audio) and, while the page is in the background and
// the person allowed it, a desktop notification. Accept, Decline, and Escape to decline; it goes
// away by itself when the call stops ringing here (answered on another device, cancelled, missed).
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { ring } from './ringtone.js';

export function createIncoming({ onAccept, onDecline }) {
    let shown = null; // { call, dialog, stopRinging, note }

    function show(call, caller) {
        if (shown?.call.id === call.id) return;
        hide();
        const video = call.media === 'video';
        const what = t(call.group ? (video ? 'calls.incomingGroupVideo' : 'calls.incomingGroupVoice')
            : (video ? 'calls.incomingVideo' : 'calls.incomingVoice'), { name: caller });
        const accept = el('button', { type: 'button', class: 'primary call-accept', onclick: () => { hide(); onAccept(call); } },
            t(call.group ? 'calls.join' : 'calls.accept'));
        const decline = el('button', { type: 'button', class: 'danger call-decline', onclick: () => { hide(); onDecline(call); } },
            t(call.group ? 'calls.ignore' : 'calls.decline'));
        const dialog = el('dialog', { class: 'dialog call-incoming', 'aria-labelledby': 'call-incoming-title',
            dataset: { call: call.id } },
        el('h2', { id: 'call-incoming-title' }, what),
        el('p', { class: 'hint' }, t(video ? 'calls.videoHint' : 'calls.voiceHint')),
        el('div', { class: 'call-incoming-actions' }, decline, accept));
        dialog.addEventListener('cancel', (event) => { event.preventDefault(); hide(); onDecline(call); });
        document.body.append(dialog);
        dialog.showModal();
        accept.focus();
        // A one-to-one call rings; a group call (maybe hundreds of members) only shows itself.
        const stopRinging = call.group ? () => {} : ring('incoming');
        let note = null;
        if (document.hidden && localStorage.getItem('plume.notify') === 'on' && 'Notification' in window
            && Notification.permission === 'granted') {
            note = new Notification(what, { tag: `call${call.id}`, requireInteraction: true });
            note.onclick = () => { window.focus(); note.close(); };
        }
        shown = { call, dialog, stopRinging, note };
    }

    function hide() {
        if (!shown) return;
        shown.stopRinging();
        shown.note?.close();
        shown.dialog.close();
        shown.dialog.remove();
        shown = null;
    }

    return { show, hide, showing: () => shown?.call.id ?? null };
}
