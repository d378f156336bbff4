// The ringtone of an incoming call and the ringback a caller hears, made with the Web Audio API
// (no sound file to fetch): two short tones, then a pause, until stopped.
let audio = null;

/** Starts ringing; returns the function that stops it. {@code kind}: 'incoming' or 'ringback'. */
export function ring(kind = 'incoming') {
    let stopped = false;
    let timer = null;
    const pattern = kind === 'incoming' ? [[660, 0, 0.35], [880, 0.45, 0.35]] : [[440, 0, 1.2]];
    const period = kind === 'incoming' ? 2000 : 4000;
    const play = () => {
        if (stopped) return;
        try {
            audio = audio ?? new AudioContext();
            const now = audio.currentTime;
            for (const [frequency, at, length] of pattern) {
                const oscillator = audio.createOscillator();
                const gain = audio.createGain();
                oscillator.frequency.value = frequency;
                gain.gain.setValueAtTime(0.0001, now + at);
                gain.gain.exponentialRampToValueAtTime(0.12, now + at + 0.02);
                gain.gain.exponentialRampToValueAtTime(0.0001, now + at + length);
                oscillator.connect(gain).connect(audio.destination);
                oscillator.start(now + at);
                oscillator.stop(now + at + length + 0.05);
            }
        } catch {
            // No sound (no audio device, or the browser wants a gesture first): the dialog still shows.
        }
        timer = setTimeout(play, period);
    };
    play();
    return () => {
        stopped = true;
        clearTimeout(timer);
    };
}
