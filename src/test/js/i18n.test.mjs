// The page's translations: both languages have exactly the same messages with the same
// placeholders, and every error code the server can answer with (docs/protocol.md's table) has
// a message in both, so a refusal is never shown in the server's English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import en from '../../main/webapp/js/i18n/en.js';
import zhCN from '../../main/webapp/js/i18n/zh-CN.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('both languages have the same keys', () => {
    const missingInChinese = Object.keys(en).filter((key) => !(key in zhCN));
    const onlyInChinese = Object.keys(zhCN).filter((key) => !(key in en));
    assert.deepEqual(missingInChinese, [], 'keys without a Chinese message');
    assert.deepEqual(onlyInChinese, [], 'keys without an English message');
});

test('a message has the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
        assert.deepEqual(placeholders(zhCN[key] ?? ''), placeholders(en[key]), key);
    }
});

test('no message is empty', () => {
    for (const [language, messages] of [['en', en], ['zh-CN', zhCN]]) {
        for (const [key, text] of Object.entries(messages)) {
            assert.ok(typeof text === 'string' && text.trim().length > 0, `${language} ${key}`);
        }
    }
});

test('every error code the server answers with has a message', () => {
    const protocol = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8').split('\n');
    const start = protocol.indexOf('<!-- error codes: checked by ErrorCodesTest -->');
    assert.ok(start >= 0, 'the error code table in docs/protocol.md');
    const codes = [];
    for (const line of protocol.slice(start + 3)) {
        const row = /^\| `([a-z_]+)` \|/.exec(line);
        if (!row) break;
        codes.push(row[1]);
    }
    assert.ok(codes.length > 50, `codes read: ${codes.length}`);
    const untranslated = codes.filter((code) => !(`error.${code}` in en));
    assert.deepEqual(untranslated, [], 'error codes the page would show in the server\'s words');
});

test('every message key the page names literally exists', () => {
    const root = new URL('../../main/webapp/', import.meta.url);
    const files = [];
    const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
            if (entry.isDirectory()) walk(path);
            else if (/\.(js|html)$/.test(entry.name) && !dir.pathname.endsWith('/i18n/')) files.push(path);
        }
    };
    walk(root);
    const missing = new Set();
    for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'|data-i18n(?:-aria)?="([a-zA-Z0-9_]+\.[a-zA-Z0-9_.]+)"|\b(?:labelKey|key)\s*[:=]\s*'([a-z]+\.[a-zA-Z0-9_.]+)'|\['[^']+', '([a-z]+\.[a-zA-Z0-9_.]+)'\]/g)) {
            const key = match[1] ?? match[2] ?? match[3] ?? match[4];
            if (!(key in en)) missing.add(`${key} (${file.pathname.split('/webapp/')[1]})`);
        }
    }
    assert.deepEqual([...missing], []);
});
