// One peer connection of a call: this device and one other participant's device. The first
// negotiation has one side only: whoever joined later offers (the "initiator"), the other adds its
// tracks when the offer comes and answers. Two first offers crossing made Chromium roll one back
// and never gather candidates for its answer (found with three browsers in a group call). Later
// renegotiations — a camera or a screen added, an ICE restart — follow the "perfect negotiation"
// pattern of the WebRTC spec, so that either side may start one at any time and two at once end
// in one: the polite side (the higher account id) yields. Trickled ICE candidates are sent in
// batches, every 100 ms at most.
const CANDIDATE_BATCH_MS = 100;

export class Peer extends EventTarget {
    #signal;
    #makingOffer = false;
    #batch = [];
    #early = [];
    #waitingStreams = [];
    #batchTimer = null;
    #closed = false;

    /**
     * @param user the other participant's account id
     * @param polite whether this side yields when both offer at once
     * @param configuration the RTCConfiguration (ICE servers from the call's answer)
     * @param signal sends a frame ({type: 'call.signal' | 'call.candidates', …}) to that participant
     */
    constructor({ user, polite, configuration, signal, streams, initiator }) {
        super();
        this.user = user;
        this.polite = polite;
        this.#signal = signal;
        this.pc = new RTCPeerConnection(configuration);
        this.remote = null;
        this.screen = null;
        this.pc.onnegotiationneeded = () => this.#offer();
        this.pc.onicecandidate = ({ candidate }) => this.#queue(candidate ? candidate.toJSON() : { candidate: '' });
        this.pc.ontrack = ({ track, streams: [stream] }) => {
            if (!stream) return;
            // The first stream is the peer's microphone and camera; another one is their screen.
            if (!this.remote || this.remote === stream) this.remote = stream;
            else this.screen = stream;
            const changed = () => {
                if (this.screen && !this.screen.getTracks().some((t) => t.readyState === 'live' && !t.muted)) this.screen = null;
                this.dispatchEvent(new Event('tracks'));
            };
            track.addEventListener('ended', changed);
            track.addEventListener('mute', changed);
            track.addEventListener('unmute', changed);
            stream.addEventListener('removetrack', changed);
            this.dispatchEvent(new Event('tracks'));
        };
        this.pc.onconnectionstatechange = () => {
            const state = this.pc.connectionState;
            // After a network change the connection fails: an ICE restart renegotiates new paths.
            if (state === 'failed') this.pc.restartIce();
            this.dispatchEvent(new CustomEvent('state', { detail: state }));
        };
        // The initiator's tracks go in now and start the negotiation; the other side's wait for
        // the offer (then they take the transceivers the offer made, and no second offer is needed).
        this.#waitingStreams = initiator ? [] : streams;
        if (initiator) this.#addTracks(streams);
    }

    #addTracks(streams) {
        // A track turned on while this side waited for the offer was added then: not twice.
        const sending = new Set(this.pc.getSenders().map((sender) => sender.track));
        for (const stream of streams) {
            for (const track of stream.getTracks()) if (!sending.has(track)) this.pc.addTrack(track, stream);
        }
    }

    async #offer() {
        try {
            this.#makingOffer = true;
            await this.pc.setLocalDescription();
            this.#signal({ type: 'call.signal', description: { type: this.pc.localDescription.type, sdp: this.pc.localDescription.sdp } });
        } catch (error) {
            this.dispatchEvent(new CustomEvent('problem', { detail: error }));
        } finally {
            this.#makingOffer = false;
        }
    }

    /** An offer or answer from the other side. */
    async description(description) {
        if (this.#closed) return;
        const collision = description.type === 'offer' && (this.#makingOffer || this.pc.signalingState !== 'stable');
        // Both offered at once: the impolite side keeps its own offer, the polite side rolls back.
        if (!this.polite && collision) return;
        await this.pc.setRemoteDescription(description);
        if (this.#early.length) await this.#add(this.#early.splice(0));
        if (description.type === 'offer') {
            this.#addTracks(this.#waitingStreams.splice(0));
            await this.pc.setLocalDescription();
            this.#signal({ type: 'call.signal', description: { type: this.pc.localDescription.type, sdp: this.pc.localDescription.sdp } });
        }
    }

    /**
     * A batch of candidates from the other side. Candidates that come before any remote
     * description are kept until one is set, not dropped: when both sides offered at once, the
     * polite side's candidates were gathered for its own (rolled back) offer, but its answer reuses
     * the same ICE credentials and gathers nothing new — dropping them left the connection with no
     * path at all (seen in a group call). Candidates of stale credentials are refused by the
     * browser and ignored.
     */
    async candidates(list) {
        if (!this.pc.remoteDescription) {
            this.#early.push(...list);
            return;
        }
        await this.#add(list);
    }

    async #add(list) {
        for (const candidate of list) {
            try {
                await this.pc.addIceCandidate(candidate.candidate ? candidate : null);
            } catch {
                // For credentials no longer in use (an ignored or rolled-back offer): nothing to do.
            }
        }
    }

    #queue(candidate) {
        this.#batch.push(candidate);
        if (this.#batchTimer) return;
        this.#batchTimer = setTimeout(() => {
            this.#batchTimer = null;
            while (this.#batch.length && !this.#closed) {
                this.#signal({ type: 'call.candidates', candidates: this.#batch.splice(0, 32) });
            }
        }, CANDIDATE_BATCH_MS);
    }

    /**
     * Round-trip time (ms) and packet loss (0–1) of the media received, video frames decoded so
     * far, and the route: the type of this side's candidate in use ({@code host}, {@code srflx},
     * {@code relay}), from getStats.
     */
    async quality() {
        const stats = await this.pc.getStats();
        let route = null;
        stats.forEach((report) => {
            if (report.type === 'transport' && report.selectedCandidatePairId) {
                const pair = stats.get(report.selectedCandidatePairId);
                route = stats.get(pair?.localCandidateId)?.candidateType ?? null;
            }
        });
        let rtt = null;
        let lost = 0;
        let received = 0;
        let framesDecoded = 0;
        stats.forEach((report) => {
            if (report.type === 'candidate-pair' && report.nominated && report.state === 'succeeded'
                && report.currentRoundTripTime !== undefined) rtt = report.currentRoundTripTime * 1000;
            if (report.type === 'inbound-rtp') {
                lost += report.packetsLost ?? 0;
                received += report.packetsReceived ?? 0;
                if (report.kind === 'video') framesDecoded += report.framesDecoded ?? 0;
            }
        });
        return { rtt, loss: received + lost ? lost / (received + lost) : 0, framesDecoded, route };
    }

    close() {
        this.#closed = true;
        clearTimeout(this.#batchTimer);
        this.pc.close();
    }
}
