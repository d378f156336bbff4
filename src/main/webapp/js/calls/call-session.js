// This device's part in one call: its microphone, camera and screen, and one peer connection per
// other participant (a mesh). It follows the call as the server pushes it: a participant who
// joins gets a connection, one who leaves loses it, one who came back on a new device (their join
// time moved) gets a fresh one. It reports once that media connected (the server then no longer
// ends the call as failed) and measures the connection every two seconds.
import { Peer } from './peer.js';

const QUALITY_EVERY_MS = 2000;

/** Why local media could not be had, as an i18n key: no permission, no such device, or another reason. */
export function mediaProblem(error, wantedVideo) {
    // An http:// page that is not localhost has no mediaDevices at all: say why, not "no permission".
    if (globalThis.isSecureContext === false || !globalThis.navigator?.mediaDevices) return 'calls.insecure';
    if (error?.name === 'NotAllowedError' || error?.name === 'SecurityError') {
        return wantedVideo ? 'calls.noCameraPermission' : 'calls.noMicrophonePermission';
    }
    if (error?.name === 'NotFoundError' || error?.name === 'OverconstrainedError') {
        return wantedVideo ? 'calls.noCamera' : 'calls.noMicrophone';
    }
    return 'calls.deviceBusy';
}

/**
 * The local stream for a call: microphone, and camera when {@code video}. Without a camera a video
 * call goes on with voice only (the problem is returned to be said); without a microphone nothing
 * can be had and this throws.
 */
export async function localMedia(video, devices = {}) {
    if (!navigator.mediaDevices?.getUserMedia) {
        const error = new Error('insecure');
        error.name = 'SecurityError';
        throw error;
    }
    const audio = devices.audio ? { deviceId: { exact: devices.audio } } : true;
    if (video) {
        try {
            return { stream: await navigator.mediaDevices.getUserMedia({ audio,
                video: devices.video ? { deviceId: { exact: devices.video } } : { width: { ideal: 1280 }, height: { ideal: 720 } } }),
            problem: null };
        } catch (error) {
            if (error.name !== 'NotFoundError' && error.name !== 'NotReadableError' && error.name !== 'OverconstrainedError') {
                throw error;
            }
            return { stream: await navigator.mediaDevices.getUserMedia({ audio }), problem: 'calls.noCamera' };
        }
    }
    return { stream: await navigator.mediaDevices.getUserMedia({ audio }), problem: null };
}

export class CallSession extends EventTarget {
    #gateway;
    #joinedAt = new Map(); // user → the join time their current peer connection was made for
    #qualityTimer = null;
    #connectedReported = false;

    constructor({ gateway, me, call, ice, stream, muted, relayOnly }) {
        super();
        this.#gateway = gateway;
        this.me = me;
        this.call = call;
        this.local = stream;
        this.screenStream = null;
        this.peers = new Map();
        this.configuration = { iceServers: ice?.iceServers ?? [], iceTransportPolicy: relayOnly ? 'relay' : 'all' };
        this.audio = !muted;
        this.local.getAudioTracks().forEach((track) => { track.enabled = this.audio; });
        this.video = this.local.getVideoTracks().length > 0;
        this.ended = false;
        this.#qualityTimer = setInterval(() => this.#measure(), QUALITY_EVERY_MS);
        // This device just joined: it offers to everyone already in the call.
        this.update(call, true);
        this.#announceMedia();
    }

    /**
     * The call as the server says it is now. {@code initiate}: this device has just joined (its
     * own invite, accept or rejoin was answered), so it offers to the others; a participant who
     * joins after it gets a connection that waits for their offer.
     */
    update(call, initiate = false) {
        this.call = call;
        if (call.state === 'ended') {
            this.close();
            return;
        }
        const present = new Set();
        for (const p of call.participants) {
            if (p.user === this.me.id || p.state !== 'joined') continue;
            present.add(p.user);
            const known = this.#joinedAt.get(p.user);
            if (known === null) {
                // Made when their first offer came ahead of the news that they joined: it is theirs.
                this.#joinedAt.set(p.user, p.joinedAt);
            } else if (known !== undefined && known !== p.joinedAt) {
                this.#drop(p.user); // they are on a new device now
            }
            if (!this.peers.has(p.user)) this.#connect(p.user, p.joinedAt, initiate);
        }
        for (const user of [...this.peers.keys()]) {
            if (!present.has(user)) this.#drop(user);
        }
        this.dispatchEvent(new Event('change'));
    }

    /**
     * After this device came back on a new connection (call.rejoin): the others start over with it,
     * so it does too — every peer connection is made afresh.
     */
    restart(call, ice) {
        // The answer to the rejoin brought fresh TURN credentials: the new connections use them.
        if (ice) this.configuration = { ...this.configuration, iceServers: ice.iceServers };
        for (const user of [...this.peers.keys()]) this.#drop(user);
        this.update(call, true);
    }

    #connect(user, joinedAt, initiator) {
        const peer = new Peer({
            user,
            initiator,
            polite: this.me.id > user,
            configuration: this.configuration,
            streams: [this.local, this.screenStream].filter(Boolean),
            // A refusal here means the call or the peer is gone: the call frame that says so follows.
            signal: (frame) => this.#gateway.request({ ...frame, call: this.call.id, to: user }).catch(() => {}),
        });
        peer.addEventListener('tracks', () => this.dispatchEvent(new Event('change')));
        peer.addEventListener('state', (event) => {
            if (event.detail === 'connected' && !this.#connectedReported) {
                this.#connectedReported = true;
                this.#gateway.request({ type: 'call.connected', call: this.call.id }).catch(() => {
                    this.#connectedReported = false;
                });
            }
            this.dispatchEvent(new Event('change'));
        });
        this.peers.set(user, peer);
        this.#joinedAt.set(user, joinedAt);
        return peer;
    }

    #drop(user) {
        this.peers.get(user)?.close();
        this.peers.delete(user);
        this.#joinedAt.delete(user);
    }

    /**
     * The peer connection for a relayed frame's sender: a new one when they joined a moment
     * before we were told, or when the frame says they are on a new device now ({@code since}
     * differs from the join time our connection was made for).
     */
    #peerForFrame(frame) {
        const known = this.#joinedAt.get(frame.from);
        if (this.peers.has(frame.from) && frame.since && known && known !== frame.since) this.#drop(frame.from);
        const peer = this.peers.get(frame.from) ?? this.#connectForFrame(frame.from);
        if (peer && frame.since && !this.#joinedAt.get(frame.from)) this.#joinedAt.set(frame.from, frame.since);
        return peer;
    }

    /** An offer or answer relayed from a participant. */
    async signal(frame) {
        const peer = this.#peerForFrame(frame);
        if (peer) await peer.description(frame.description).catch((error) => this.#problem(error));
    }

    async candidates(frame) {
        const peer = this.#peerForFrame(frame);
        if (peer) await peer.candidates(frame.candidates);
    }

    #connectForFrame(user) {
        // Their join time is not known yet (null): the push that brings it adopts this connection.
        return this.ended ? null : this.#connect(user, null, false);
    }

    /** What the others' tiles show about this participant ({audio, video, screen}). */
    media(frame) {
        this.remoteMedia = this.remoteMedia ?? new Map();
        this.remoteMedia.set(frame.user, frame);
        this.dispatchEvent(new Event('change'));
    }

    toggleMicrophone() {
        this.audio = !this.audio;
        this.local.getAudioTracks().forEach((track) => { track.enabled = this.audio; });
        this.#announceMedia();
        this.dispatchEvent(new Event('change'));
    }

    /** Camera off and on; the first time in a voice call it asks for a camera and renegotiates. */
    async toggleCamera() {
        const tracks = this.local.getVideoTracks();
        if (tracks.length) {
            this.video = !this.video;
            tracks.forEach((track) => { track.enabled = this.video; });
        } else {
            const camera = await navigator.mediaDevices.getUserMedia({ video: true });
            if (this.ended) {
                camera.getTracks().forEach((t) => t.stop()); // hung up while the browser asked
                return;
            }
            const track = camera.getVideoTracks()[0];
            this.local.addTrack(track);
            for (const peer of this.peers.values()) peer.pc.addTrack(track, this.local);
            this.video = true;
        }
        this.#announceMedia();
        this.dispatchEvent(new Event('change'));
    }

    /** Shares the screen as a second video stream (a renegotiation), or stops sharing it. */
    async toggleScreen() {
        if (this.screenStream) {
            this.#stopScreen();
            return;
        }
        const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
        if (this.ended) {
            screen.getTracks().forEach((t) => t.stop());
            return;
        }
        this.screenStream = screen;
        const track = screen.getVideoTracks()[0];
        track.addEventListener('ended', () => this.#stopScreen());
        for (const peer of this.peers.values()) peer.pc.addTrack(track, screen);
        this.#announceMedia();
        this.dispatchEvent(new Event('change'));
    }

    #stopScreen() {
        const screen = this.screenStream;
        if (!screen) return;
        this.screenStream = null;
        for (const peer of this.peers.values()) {
            for (const sender of peer.pc.getSenders()) {
                if (sender.track && screen.getTracks().includes(sender.track)) peer.pc.removeTrack(sender);
            }
        }
        screen.getTracks().forEach((track) => track.stop());
        this.#announceMedia();
        this.dispatchEvent(new Event('change'));
    }

    /** Switches microphone or camera ({@code kind}: 'audio' or 'video') without renegotiating. */
    async useDevice(kind, deviceId) {
        const fresh = await navigator.mediaDevices.getUserMedia({ [kind]: { deviceId: { exact: deviceId } } });
        if (this.ended) {
            fresh.getTracks().forEach((t) => t.stop());
            return;
        }
        const track = kind === 'audio' ? fresh.getAudioTracks()[0] : fresh.getVideoTracks()[0];
        const old = kind === 'audio' ? this.local.getAudioTracks()[0] : this.local.getVideoTracks()[0];
        track.enabled = kind === 'audio' ? this.audio : this.video;
        for (const peer of this.peers.values()) {
            const sender = peer.pc.getSenders().find((s) => s.track === old);
            if (sender) await sender.replaceTrack(track);
            else peer.pc.addTrack(track, this.local);
        }
        if (old) {
            this.local.removeTrack(old);
            old.stop();
        }
        this.local.addTrack(track);
        this.dispatchEvent(new Event('change'));
    }

    #announceMedia() {
        this.#gateway.request({ type: 'call.media', call: this.call.id, audio: this.audio,
            video: this.video && this.local.getVideoTracks().length > 0, screen: Boolean(this.screenStream) }).catch(() => {});
    }

    async #measure() {
        const results = [];
        for (const peer of this.peers.values()) {
            try {
                results.push({ user: peer.user, ...(await peer.quality()) });
            } catch {
                // A connection closing meanwhile: measured next time, if it is still there.
            }
        }
        this.quality = results;
        this.dispatchEvent(new Event('quality'));
    }

    #problem(error) {
        this.dispatchEvent(new CustomEvent('problem', { detail: error }));
    }

    /** Leaves: the server is told, everything local stops. */
    async hangup() {
        const id = this.call.id;
        this.close();
        await this.#gateway.request({ type: 'call.hangup', call: id }).catch(() => {});
    }

    /** Stops everything local (the call ended, or this device no longer has it). */
    close() {
        if (this.ended) return;
        this.ended = true;
        clearInterval(this.#qualityTimer);
        for (const peer of this.peers.values()) peer.close();
        this.peers.clear();
        this.local.getTracks().forEach((track) => track.stop());
        this.screenStream?.getTracks().forEach((track) => track.stop());
        this.dispatchEvent(new Event('ended'));
    }
}
