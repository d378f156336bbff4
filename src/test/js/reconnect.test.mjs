// When the page reconnects: exponential backoff with jitter, and never before the server's
// "retry_after" hint when it refused the connection for being too busy (1013) — after a restart
// every client comes back at once, and the hint is how the server spreads them out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reconnectDelay } from '../../main/webapp/js/realtime/connection.js';

const low = () => 0;
const high = () => 0.999;

test('backoff doubles from one second to thirty, a random half of each step', () => {
    assert.equal(reconnectDelay(0, 1006, '', low), 500);
    assert.ok(reconnectDelay(0, 1006, '', high) < 1000);
    assert.equal(reconnectDelay(3, 1006, '', low), 4000);
    assert.equal(reconnectDelay(10, 1006, '', low), 15000);
    assert.ok(reconnectDelay(10, 1006, '', high) <= 30000);
});

test('a 1013 retry_after hint is honoured, with up to a second of spread', () => {
    assert.equal(reconnectDelay(0, 1013, 'overloaded retry_after=7', low), 7000);
    const late = reconnectDelay(0, 1013, 'overloaded retry_after=7', high);
    assert.ok(late > 7900 && late < 8000, `got ${late}`);
});

test('the hint never shortens the backoff, and only a 1013 close carries one', () => {
    assert.equal(reconnectDelay(4, 1013, 'overloaded retry_after=1', low), 8000);
    assert.equal(reconnectDelay(0, 1006, 'overloaded retry_after=20', low), 500);
    assert.equal(reconnectDelay(0, 1013, 'slow_consumer', low), 500);
    assert.equal(reconnectDelay(0, 1013, 'retry_after=abc', low), 500);
});
