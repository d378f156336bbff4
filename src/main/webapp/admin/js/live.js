// The console's one live stream: the node's samples as server-sent events, opened once for the
// whole console. The dashboard draws them; the navigation's report badge reads the queue length
// each sample carries. EventSource reconnects by itself when a stream ends (every few minutes).
const listeners = new Set();
let source = null;

export function startLive() {
    if (source) return;
    source = new EventSource('/api/v1/admin/dashboard/stream');
    source.addEventListener('sample', (event) => {
        const sample = JSON.parse(event.data);
        listeners.forEach((listener) => listener(sample));
    });
}

/** Calls {@code listener} with every new sample; returns a function that stops it. */
export function onSample(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}
