// Voice messages: recorded in the browser (MediaRecorder) and sent as an audio file, so that the
// media limits and checks apply as to any file. One press starts, the next stops and sends; a
// recording stops by itself after five minutes. Without a microphone (or permission) it says so.
import { el } from '../dom.js';
import { t } from '../i18n.js';

const MAX_MS = 5 * 60 * 1000;
const TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/mp4'];

export function createVoiceRecorder({ current, onRecorded, onError }) {
    const button = el('button', { type: 'button', class: 'emoji-button', id: 'record-voice', 'aria-pressed': 'false' }, '🎤');
    let recorder = null;
    let starting = false; // asking for the microphone: a second press waits for the answer
    let timer = null;
    let started = 0;
    let ticker = null;

    button.addEventListener('click', () => (recorder ? stop() : start()));

    async function start() {
        if (starting) return;
        const conversation = current();
        if (conversation === null || conversation === undefined) return;
        starting = true;
        try {
            await record(conversation);
        } finally {
            starting = false;
        }
    }

    /** Records for {@code conversation}: whatever chat is open when it stops, it goes there. */
    async function record(conversation) {
        if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
            onError(t('chats.voiceUnsupported'));
            return;
        }
        let stream;
        try {
            stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        } catch {
            onError(t('chats.voiceNoMicrophone'));
            return;
        }
        const type = TYPES.find((candidate) => MediaRecorder.isTypeSupported(candidate)) ?? '';
        const chunks = [];
        recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
        recorder.addEventListener('dataavailable', (event) => { if (event.data.size) chunks.push(event.data); });
        recorder.addEventListener('stop', () => {
            stream.getTracks().forEach((track) => track.stop());
            const mime = recorder.mimeType || 'audio/webm';
            const extension = mime.includes('ogg') ? 'ogg' : mime.includes('mp4') ? 'm4a' : 'webm';
            const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
            recorder = null;
            render();
            if (chunks.length) onRecorded(new File(chunks, `voice-${stamp}.${extension}`, { type: mime }), conversation);
        });
        recorder.start(1000);
        started = Date.now();
        timer = setTimeout(stop, MAX_MS);
        ticker = setInterval(render, 1000);
        render();
    }

    function stop() {
        clearTimeout(timer);
        clearInterval(ticker);
        if (recorder?.state === 'recording') recorder.stop();
    }

    function render() {
        const recording = Boolean(recorder);
        button.setAttribute('aria-pressed', String(recording));
        button.classList.toggle('recording', recording);
        const seconds = Math.floor((Date.now() - started) / 1000);
        button.textContent = recording ? `■ ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` : '🎤';
        button.setAttribute('aria-label', t(recording ? 'chats.voiceStop' : 'chats.voiceRecord'));
    }

    render();
    return { node: button, render, stop, isRecording: () => Boolean(recorder) };
}
