// The connectivity self-test in the profile: can this browser call at all, and how? It asks for
// the microphone and camera, gathers ICE candidates against the configured STUN and TURN servers,
// and tries a connection between two peer connections on this page that may only use the TURN
// relay. Then it says in plain words what works — a direct path on this network (host), through
// the router (server-reflexive), through the relay — and what that means for calls.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { mediaProblem } from './call-session.js';

const GATHER_MS = 6000;
const RELAY_MS = 10000;

export function callsPane(openDetail) {
    const results = el('ul', { class: 'self-test-results', 'aria-live': 'polite' });
    const run = el('button', { type: 'button', class: 'primary', id: 'run-self-test' }, t('selfTest.run'));
    const relay = el('input', { type: 'checkbox', id: 'calls-relay-only', checked: localStorage.getItem('plume.calls.relay') === 'on' });
    relay.onchange = () => localStorage.setItem('plume.calls.relay', relay.checked ? 'on' : 'off');
    run.onclick = async () => {
        run.disabled = true;
        replace(results);
        try {
            await selfTest((key, ok, values) => results.append(el('li', { class: ok ? 'ok' : 'fail', dataset: { check: key } },
                el('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '), t(`selfTest.${key}.${ok ? 'ok' : 'fail'}`, values))));
        } finally {
            run.disabled = false;
            results.append(el('li', { class: 'done', dataset: { check: 'done' } }, t('selfTest.done')));
        }
    };
    openDetail(t('selfTest.title'), el('div', { class: 'card self-test' },
        el('p', {}, t('selfTest.intro')), run, results,
        el('h3', {}, t('selfTest.privacy')),
        el('div', { class: 'check-row' }, relay, el('label', { for: 'calls-relay-only' }, t('selfTest.relayOnly'))),
        el('p', { class: 'hint' }, t('selfTest.relayOnlyHint'))));
}

/** Runs every check; {@code report(key, ok, values)} is called once per check, in order. */
async function selfTest(report) {
    try {
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
        stream.getTracks().forEach((track) => track.stop());
        report('devices', true);
    } catch (error) {
        report('devices', false, { problem: t(mediaProblem(error, true)) });
    }
    let configuration;
    try {
        configuration = await api('GET', '/calls/ice-servers');
    } catch {
        report('servers', false);
        return;
    }
    const urls = configuration.iceServers.flatMap((s) => s.urls);
    const hasTurn = urls.some((u) => u.startsWith('turn'));
    const hasStun = urls.some((u) => u.startsWith('stun'));
    report('servers', urls.length > 0, { count: urls.length });
    const types = await gather(configuration.iceServers);
    report('host', types.has('host'));
    if (hasStun || hasTurn) report('srflx', types.has('srflx'));
    if (!hasTurn) {
        report('relayConfigured', false);
        return;
    }
    report('relayCandidate', types.has('relay'));
    report('relayPath', await relayLoopback(configuration.iceServers));
}

/** The candidate types this browser finds with these servers (host, srflx, relay). */
async function gather(iceServers) {
    const pc = new RTCPeerConnection({ iceServers });
    const types = new Set();
    try {
        pc.createDataChannel('probe');
        const done = new Promise((resolve) => {
            pc.onicecandidate = ({ candidate }) => {
                if (candidate?.type) types.add(candidate.type);
                if (!candidate) resolve();
            };
            setTimeout(resolve, GATHER_MS);
        });
        await pc.setLocalDescription();
        await done;
    } finally {
        pc.close();
    }
    return types;
}

/** Whether two connections on this page reach each other through the relay only. */
async function relayLoopback(iceServers) {
    const a = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
    const b = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
    try {
        a.onicecandidate = ({ candidate }) => candidate && b.addIceCandidate(candidate).catch(() => {});
        b.onicecandidate = ({ candidate }) => candidate && a.addIceCandidate(candidate).catch(() => {});
        const channel = a.createDataChannel('relay');
        const open = new Promise((resolve) => {
            channel.onopen = () => resolve(true);
            setTimeout(() => resolve(false), RELAY_MS);
        });
        await a.setLocalDescription();
        await b.setRemoteDescription(a.localDescription);
        await b.setLocalDescription();
        await a.setRemoteDescription(b.localDescription);
        return await open;
    } catch {
        return false;
    } finally {
        a.close();
        b.close();
    }
}
