// The short tone of a new message (Web Audio; no sound file to fetch).
let audio = null;

export function beep() {
    try {
        audio = audio ?? new AudioContext();
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.frequency.value = 880;
        gain.gain.setValueAtTime(0.08, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start();
        oscillator.stop(audio.currentTime + 0.25);
    } catch {
        // No sound is no loss.
    }
}
