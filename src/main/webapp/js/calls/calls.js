// Calls on this page: the buttons in a chat's header (voice, video, or joining a group's call),
// the incoming call dialog, the call view, and the frames that drive them. The server decides
// everything about a call (docs/protocol.md, "Calls"); this device knows it is the one in a call
// because its own invite, accept or rejoin was answered — any other device of the person that sees
// them joined stops ringing and says the call was answered elsewhere.
import { el } from '../dom.js';
import { has, t } from '../i18n.js';
import { CallSession, localMedia, mediaProblem } from './call-session.js';
import { createCallPanel } from './call-panel.js';
import { createIncoming } from './incoming.js';
import { ring } from './ringtone.js';

export function mountCalls({ gateway, me, nameOf, titleOf, say }) {
    const live = new Map();     // conversation id → its call ringing or in progress
    const listeners = new Set();
    let session = null;         // this device's call
    let stopRingback = null;
    let starting = false;
    const panel = createCallPanel({ nameOf, titleOf: (call) => titleOf(call.conversation) });
    const incoming = createIncoming({ onAccept: accept, onDecline: decline });
    const changed = () => listeners.forEach((listener) => listener());
    const relayOnly = () => localStorage.getItem('plume.calls.relay') === 'on';

    const participant = (call, user) => call.participants.find((p) => p.user === user);
    const errorText = (reply) => (has(`error.${reply.code}`) ? t(`error.${reply.code}`) : reply.message);

    gateway.addEventListener('call', (event) => {
        const call = event.detail.call;
        if (call) seen(call);
    });
    gateway.addEventListener('call.signal', (event) => session?.call.id === event.detail.call && session.signal(event.detail));
    gateway.addEventListener('call.candidates', (event) => session?.call.id === event.detail.call && session.candidates(event.detail));
    gateway.addEventListener('call.media', (event) => session?.call.id === event.detail.call && session.media(event.detail));
    gateway.addEventListener('call.moved', (event) => {
        if (session?.call.id !== event.detail.call) return;
        end(t('calls.movedElsewhere'));
    });

    /** Every call frame, pushed or answered: what the page shows follows it. */
    function seen(call) {
        if (call.state === 'ended') {
            if (live.get(call.conversation)?.id === call.id) live.delete(call.conversation);
        } else {
            live.set(call.conversation, call);
        }
        const mine = participant(call, me.id);
        if (session?.call.id === call.id) {
            if (call.state !== 'ringing') stopRinging();
            if (call.state === 'ended') end(t(`calls.ended.${call.reason}`));
            // Out of the call while it goes on: removed from the group, or dropped while away.
            else if (mine?.state !== 'joined') end(t('calls.noLongerIn'));
            else session.update(call);
        } else if (incoming.showing() === call.id) {
            if (call.state === 'ended') incoming.hide();
            else if (mine?.state === 'joined') {
                incoming.hide();
                say(t('calls.answeredElsewhere'));
            }
        } else if (call.state !== 'ended' && !session && mine?.state === 'invited') {
            incoming.show(call, nameOf(call.conversation, call.startedBy));
        } else if (call.state === 'ringing' && call.group && !session && !mine && call.startedBy !== me.id) {
            incoming.show(call, nameOf(call.conversation, call.startedBy));
        }
        changed();
    }

    function stopRinging() {
        stopRingback?.();
        stopRingback = null;
    }

    /** Opens this device's part in a call from an answer to invite, accept or rejoin. */
    function begin(answer, stream) {
        const mine = participant(answer.call, me.id);
        session = new CallSession({ gateway, me, call: answer.call, ice: answer.ice, stream, muted: mine?.muted,
            relayOnly: relayOnly() });
        session.addEventListener('problem', () => panel.say(t('calls.networkProblem')));
        panel.attach(session, {
            microphone: () => session.toggleMicrophone(),
            camera: () => session.toggleCamera().catch((error) => panel.say(t(mediaProblem(error, true)))),
            screen: () => session.toggleScreen().catch(() => {}),
            devices: () => openDevices(),
            hangup: () => hangup(),
        });
        if (mine?.muted) panel.say(t('calls.joinedMuted'));
        if (answer.call.state === 'ringing' && !answer.call.group) stopRingback = ring('ringback');
        seen(answer.call);
    }

    async function withMedia(video, run) {
        let media;
        try {
            media = await localMedia(video);
        } catch (error) {
            say(t(mediaProblem(error, video)));
            return;
        }
        if (media.problem) say(t(media.problem));
        try {
            const reply = await run();
            if (reply.type === 'error') {
                media.stream.getTracks().forEach((track) => track.stop());
                say(errorText(reply));
                return;
            }
            if (reply.call.state === 'ended') {
                media.stream.getTracks().forEach((track) => track.stop());
                seen(reply.call);
                say(t(`calls.ended.${reply.call.reason}`));
                return;
            }
            begin(reply, media.stream);
        } catch {
            media.stream.getTracks().forEach((track) => track.stop());
            say(t('error.network'));
        }
    }

    async function start(conversationId, media) {
        if (session || starting) {
            say(t('calls.alreadyInCall'));
            return;
        }
        starting = true;
        try {
            await withMedia(media === 'video', () => gateway.request({ type: 'call.invite', conversation: conversationId, media }));
        } finally {
            starting = false;
        }
    }

    async function accept(call) {
        if (session) {
            say(t('calls.alreadyInCall'));
            return;
        }
        await withMedia(call.media === 'video', () => gateway.request({ type: 'call.accept', call: call.id }));
    }

    function decline(call) {
        gateway.request({ type: 'call.decline', call: call.id }).catch(() => {});
    }

    async function rejoin(call) {
        await withMedia(call.media === 'video', () => gateway.request({ type: 'call.rejoin', call: call.id }));
    }

    async function hangup() {
        const current = session;
        if (!current) return;
        stopRinging();
        session = null;
        panel.detach(t('calls.youHungUp'));
        await current.hangup();
        changed();
    }

    function end(text) {
        stopRinging();
        const current = session;
        session = null;
        current?.close();
        panel.detach(text);
        changed();
    }

    async function openDevices() {
        const devices = await navigator.mediaDevices.enumerateDevices();
        const select = (kind, label) => {
            const options = devices.filter((d) => d.kind === kind);
            const id = `call-device-${kind}`;
            const current = (kind === 'audioinput' ? session.local.getAudioTracks() : session.local.getVideoTracks())[0]
                ?.getSettings().deviceId;
            return [el('label', { for: id }, label), el('select', { id, dataset: { kind } },
                options.map((d, i) => el('option', { value: d.deviceId, selected: d.deviceId === current },
                    d.label || `${label} ${i + 1}`)))];
        };
        const dialog = el('dialog', { class: 'dialog', 'aria-labelledby': 'call-devices-title' },
            el('div', { class: 'dialog-head' }, el('h2', { id: 'call-devices-title' }, t('calls.devices')),
                el('button', { type: 'button', class: 'icon', 'aria-label': t('chats.close'), onclick: () => dialog.close() }, '✕')),
            el('div', { class: 'stack' }, select('audioinput', t('calls.microphone')), select('videoinput', t('calls.camera'))));
        dialog.querySelectorAll('select').forEach((node) => {
            node.onchange = () => session?.useDevice(node.dataset.kind === 'audioinput' ? 'audio' : 'video', node.value)
                .catch((error) => panel.say(t(mediaProblem(error, node.dataset.kind === 'videoinput'))));
        });
        dialog.addEventListener('close', () => dialog.remove());
        document.body.append(dialog);
        dialog.showModal();
    }

    /** The buttons for a chat's header: call by voice or video, join its call, or take one's call over here. */
    function headerButtons(conversation) {
        const call = live.get(conversation.id);
        const here = session?.call.id === call?.id && session !== null;
        const mine = call ? participant(call, me.id) : null;
        if (call && !here && mine?.state === 'joined') {
            return el('button', { type: 'button', class: 'small call-rejoin', onclick: () => rejoin(call) }, t('calls.moveHere'));
        }
        if (call && call.group && !here) {
            const count = call.participants.filter((p) => p.state === 'joined').length;
            return el('button', { type: 'button', class: 'small primary call-join', onclick: () => accept(call) },
                t('calls.joinCount', { count }));
        }
        const busy = Boolean(session) || (call && !call.group);
        return el('span', { class: 'call-buttons' },
            el('button', { type: 'button', class: 'icon call-voice', disabled: busy, 'aria-label': t('calls.voiceCall'),
                title: t('calls.voiceCall'), onclick: () => start(conversation.id, 'voice') }, '📞'),
            el('button', { type: 'button', class: 'icon call-video', disabled: busy, 'aria-label': t('calls.videoCall'),
                title: t('calls.videoCall'), onclick: () => start(conversation.id, 'video') }, '🎥'));
    }

    /** Asks for a conversation's live call (a group chat opened after its call started). */
    function refresh(conversationId) {
        gateway.request({ type: 'call.get', conversation: conversationId }).then((reply) => {
            if (reply.type === 'call' && reply.call) seen(reply.call);
            else if (reply.type === 'call' && live.has(conversationId) && !session) {
                live.delete(conversationId);
                changed();
            }
        }).catch(() => {});
    }

    // A reconnect: the server pushes the calls this person is in again; a session whose call the
    // server no longer has for this device ends with the answer to a rejoin.
    gateway.addEventListener('welcome', () => {
        if (session) {
            gateway.request({ type: 'call.rejoin', call: session.call.id }).then((reply) => {
                if (reply.type === 'error') end(errorText(reply));
                else session?.restart(reply.call, reply.ice);
            }).catch(() => {});
        }
    });

    return {
        headerButtons,
        refresh,
        onChange: (listener) => listeners.add(listener),
        inCall: () => session !== null,
        dispose: () => { if (session) session.hangup(); incoming.hide(); },
    };
}
