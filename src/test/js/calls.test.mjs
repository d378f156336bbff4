// How calls read in a chat and what a page says when it cannot have a microphone or camera: a
// call's entry from each side of it, in words and with its duration, and every media failure
// mapped to advice a person can follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNames, formatDuration } from '../../main/webapp/js/messaging/names.js';
import { mediaProblem } from '../../main/webapp/js/calls/call-session.js';

const me = { id: 1, displayName: 'Me' };
const names = createNames({ me, state: { conversations: new Map(), members: new Map() } });
const entry = (call) => ({ kind: 'call', body: JSON.stringify(call) });

test('a call entry reads from the side of whoever reads it', () => {
    const missed = { call: 7, media: 'voice', group: false, state: 'ended', by: 2, joined: [2], reason: 'missed', duration: 0 };
    assert.equal(names.callText(entry(missed)), 'Missed voice call');
    assert.equal(names.callText(entry({ ...missed, by: 1 })), 'Voice call · no answer');
    assert.equal(names.callText(entry({ ...missed, reason: 'declined' })), 'You declined a call');
    assert.equal(names.callText(entry({ ...missed, by: 1, reason: 'declined' })), 'Call declined');
    assert.equal(names.callText(entry({ ...missed, by: 1, reason: 'busy' })), 'Call · line busy');
    assert.equal(names.callText(entry({ ...missed, reason: 'cancelled' })), 'Missed voice call');
    assert.equal(names.callText(entry({ ...missed, media: 'video', reason: 'completed', duration: 192 })), 'Video call · 3:12');
    assert.equal(names.callText(entry({ ...missed, group: true, media: 'video', reason: 'completed', duration: 340,
        joined: [1, 2, 3] })), 'Group video call · 5:40 · 3 people');
    assert.equal(names.callText(entry({ ...missed, state: 'active', reason: undefined })), 'Voice call in progress');
    assert.equal(names.callText({ kind: 'call', body: 'not json' }), '');
    assert.equal(names.summary(0, entry(missed)), 'Missed voice call', 'the chat list shows it too');
});

test('durations read as a clock', () => {
    assert.equal(formatDuration(0), '0:00');
    assert.equal(formatDuration(59.9), '0:59');
    assert.equal(formatDuration(192), '3:12');
    assert.equal(formatDuration(3723), '1:02:03');
    assert.equal(formatDuration(-5), '0:00');
});

test('every way of not getting a microphone or camera says what to do', () => {
    // A secure page with media devices, as a browser on https:// or localhost has.
    Object.defineProperty(globalThis, 'navigator', { value: { mediaDevices: {} }, configurable: true });
    globalThis.isSecureContext = true;
    assert.equal(mediaProblem({ name: 'NotAllowedError' }, false), 'calls.noMicrophonePermission');
    assert.equal(mediaProblem({ name: 'NotAllowedError' }, true), 'calls.noCameraPermission');
    assert.equal(mediaProblem({ name: 'NotFoundError' }, true), 'calls.noCamera');
    assert.equal(mediaProblem({ name: 'NotFoundError' }, false), 'calls.noMicrophone');
    assert.equal(mediaProblem({ name: 'NotReadableError' }, true), 'calls.deviceBusy');
    // http:// on a network address: not a secure context, no mediaDevices: say so, not "no permission".
    globalThis.isSecureContext = false;
    assert.equal(mediaProblem({ name: 'SecurityError' }, true), 'calls.insecure');
    delete globalThis.isSecureContext;
    Object.defineProperty(globalThis, 'navigator', { value: undefined, configurable: true });
    assert.equal(mediaProblem({ name: 'NotAllowedError' }, false), 'calls.insecure');
});
