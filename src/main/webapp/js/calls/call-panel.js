// The call view: the others' video (a grid in a group call), one's own camera, the timer and the
// connection's quality, and the controls — microphone, camera, screen, devices, hang up. It lives
// outside the chat panes, so the call goes on while the person moves between chats; it can be made
// small. Every tile says what the page measured of its connection (getStats), for people and tests.
import { avatar, el } from '../dom.js';
import { t } from '../i18n.js';
import { formatDuration as duration } from '../messaging/names.js';

export function createCallPanel({ nameOf, titleOf }) {
    const status = el('p', { class: 'call-status', role: 'status', 'aria-live': 'polite' });
    const timer = el('span', { class: 'call-timer' });
    const quality = el('span', { class: 'call-quality' });
    const heading = el('h2', { class: 'call-title', id: 'call-title' });
    const grid = el('div', { class: 'call-grid' });
    const controls = el('div', { class: 'call-controls', role: 'toolbar', 'aria-label': t('calls.controls') });
    const note = el('p', { class: 'call-note', role: 'alert' });
    const root = el('section', { class: 'call-panel', 'aria-labelledby': 'call-title', hidden: true },
        el('div', { class: 'call-head' }, heading, timer, quality,
            el('button', { type: 'button', class: 'call-size', 'aria-pressed': 'false', onclick: () => toggleSize() }, t('calls.minimize'))),
        status, grid, note, controls);
    document.body.append(root);

    const tiles = new Map(); // key → { node, video }
    let session = null;
    let tick = null;
    let actions = {};
    let buttons = {};

    function toggleSize() {
        const small = !root.classList.contains('small');
        root.classList.toggle('small', small);
        root.querySelector('.call-size').setAttribute('aria-pressed', String(small));
        root.querySelector('.call-size').textContent = t(small ? 'calls.maximize' : 'calls.minimize');
    }

    function tile(key, label, stream, { mine = false, user = null, screen = false } = {}) {
        let entry = tiles.get(key);
        if (!entry) {
            const video = el('video', { autoplay: true, playsinline: true, 'aria-label': label });
            video.muted = mine; // one's own voice is never played back
            const node = el('figure', { class: `call-tile${mine ? ' mine' : ''}${screen ? ' screen' : ''}`, dataset: { key } },
                video, el('figcaption', {}, label), user !== null ? avatar(label, user, 'large call-avatar') : null);
            entry = { node, video };
            tiles.set(key, entry);
        }
        if (entry.video.srcObject !== stream) entry.video.srcObject = stream ?? null;
        entry.node.querySelector('figcaption').textContent = label;
        const hasVideo = Boolean(stream?.getVideoTracks().some((track) => track.readyState === 'live' && track.enabled && !track.muted));
        entry.node.classList.toggle('no-video', !hasVideo);
        return entry.node;
    }

    function render() {
        if (!session) return;
        const call = session.call;
        root.hidden = false;
        root.dataset.state = call.state;
        root.dataset.call = call.id;
        heading.textContent = titleOf(call);
        const nodes = [];
        const keys = new Set();
        for (const peer of session.peers.values()) {
            const name = nameOf(call.conversation, peer.user);
            const remoteMedia = session.remoteMedia?.get(peer.user);
            const node = tile(`u${peer.user}`, name, peer.remote, { user: peer.user });
            node.dataset.user = peer.user;
            node.dataset.connection = peer.pc.connectionState;
            node.classList.toggle('mic-off', remoteMedia ? !remoteMedia.audio : false);
            nodes.push(node);
            keys.add(`u${peer.user}`);
            if (peer.screen) {
                nodes.unshift(tile(`s${peer.user}`, t('calls.screenOf', { name }), peer.screen, { screen: true }));
                keys.add(`s${peer.user}`);
            }
        }
        nodes.push(tile('me', t('calls.you'), session.local, { mine: true, user: session.me.id }));
        keys.add('me');
        if (session.screenStream) {
            nodes.push(tile('myscreen', t('calls.yourScreen'), session.screenStream, { mine: true, screen: true }));
            keys.add('myscreen');
        }
        for (const key of [...tiles.keys()]) if (!keys.has(key)) tiles.delete(key);
        // Moved only when the tiles changed: a video taken out of the page and put back flickers.
        if (nodes.length !== grid.children.length || nodes.some((node, i) => grid.children[i] !== node)) grid.replaceChildren(...nodes);
        grid.dataset.count = String(nodes.length);
        status.textContent = statusText(call);
        renderControls();
    }

    function statusText(call) {
        if (call.state === 'ringing') return t(call.group ? 'calls.waitingForOthers' : 'calls.ringing');
        if (call.state === 'ended') return t(`calls.ended.${call.reason}`);
        const connecting = [...session.peers.values()].some((p) => p.pc.connectionState !== 'connected');
        return connecting ? t('calls.connecting') : '';
    }

    /** The controls, made once per call and then only relabelled: focus stays where it is. */
    function makeControls() {
        const button = (name, onclick, extra = '') => el('button', { type: 'button', class: `call-button ${name} ${extra}`.trim(),
            onclick: () => onclick() });
        buttons = {
            mic: button('call-mic', () => actions.microphone()),
            camera: button('call-camera', () => actions.camera()),
            screen: navigator.mediaDevices?.getDisplayMedia ? button('call-screen', () => actions.screen()) : null,
            devices: button('call-devices', () => actions.devices()),
            hangup: button('call-hangup', () => actions.hangup(), 'danger'),
        };
        controls.replaceChildren(...Object.values(buttons).filter(Boolean));
    }

    function renderControls() {
        const label = (node, text, pressed) => {
            if (!node) return;
            node.textContent = text;
            node.title = text;
            node.setAttribute('aria-label', text);
            if (pressed !== undefined) node.setAttribute('aria-pressed', String(pressed));
        };
        label(buttons.mic, t(session.audio ? 'calls.mute' : 'calls.unmute'), !session.audio);
        label(buttons.camera, t(session.video ? 'calls.cameraOff' : 'calls.cameraOn'), !session.video);
        label(buttons.screen, t(session.screenStream ? 'calls.stopSharing' : 'calls.shareScreen'), Boolean(session.screenStream));
        label(buttons.devices, t('calls.devices'));
        label(buttons.hangup, t('calls.hangUp'));
    }

    function showQuality() {
        const results = session?.quality ?? [];
        if (!results.length) {
            quality.textContent = '';
            return;
        }
        const rtt = Math.max(...results.map((r) => r.rtt ?? 0));
        const loss = Math.max(...results.map((r) => r.loss));
        const level = rtt < 150 && loss < 0.02 ? 'good' : rtt < 400 && loss < 0.08 ? 'fair' : 'poor';
        quality.dataset.level = level;
        const relayed = results.some((r) => r.route === 'relay');
        quality.textContent = t(`calls.quality.${level}`, { rtt: Math.round(rtt), loss: (loss * 100).toFixed(1) })
            + (relayed ? ` · ${t('calls.relayed')}` : '');
        for (const r of results) {
            const node = tiles.get(`u${r.user}`)?.node;
            if (!node) continue;
            node.dataset.framesDecoded = String(r.framesDecoded);
            if (r.route) node.dataset.route = r.route;
        }
    }

    function startTimer() {
        clearInterval(tick);
        tick = setInterval(() => {
            const answered = session?.call.answeredAt;
            timer.textContent = answered && session.call.state === 'active' ? duration((Date.now() - Date.parse(answered)) / 1000) : '';
        }, 1000);
    }

    return {
        /** Shows a session; {@code handlers}: microphone, camera, screen, devices, hangup. */
        attach(next, handlers) {
            session = next;
            actions = handlers;
            tiles.clear();
            note.textContent = '';
            root.classList.remove('small');
            session.addEventListener('change', render);
            session.addEventListener('quality', () => { render(); showQuality(); });
            startTimer();
            makeControls();
            render();
            root.querySelector('.call-hangup')?.focus();
        },
        /** The call is over here: says how it ended, then goes away. */
        detach(text) {
            clearInterval(tick);
            // What is left on screen for the moment before it goes: how the call ended, nothing stale.
            timer.textContent = '';
            quality.textContent = '';
            status.textContent = text ?? '';
            controls.replaceChildren();
            for (const { video } of tiles.values()) video.srcObject = null;
            tiles.clear();
            grid.replaceChildren();
            session = null;
            setTimeout(() => { if (!session) root.hidden = true; }, 2500);
        },
        say(text) {
            note.textContent = text;
        },
        render,
        isOpen: () => session !== null,
    };
}

