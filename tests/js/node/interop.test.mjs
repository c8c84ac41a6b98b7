// Interoperability with an independent implementation of the spec using only
// Web Crypto (tests/js/reference.mjs): proof that src/spec/token-format.md is
// enough to decrypt fieldguard tokens, and to make tokens fieldguard accepts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ref from '../reference.mjs';
import { fg } from './load.mjs';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });
const masterKey = crypto.getRandomValues(new Uint8Array(32));
const keyId = 0xfeedbeef;
const keyringJson = JSON.stringify({ version: 1, keys: [{ id: keyId, status: 'primary', material: btoa(String.fromCharCode(...masterKey)) }] });

function randomString(n) {
  const pool = ['a', 'Z', '0', ' ', 'é', 'ß', '山', '👩‍👧', '\u0301', '\u0000', '"', '\\', '\n'];
  return Array.from({ length: n }, () => pool[Math.floor(Math.random() * pool.length)]).join('');
}

test('wasm tokens decrypt with Web Crypto using only the spec', async () => {
  const kr = fg.Keyring.fromJson(keyringJson);
  for (let i = 0; i < 200; i++) {
    const plaintext = randomString(i % 40);
    const context = randomString(i % 7);
    const token = kr.encrypt(plaintext, { context });
    const opened = await ref.decryptToken(masterKey, ref.fromText(token), utf8.encode(context));
    assert.equal(fromUtf8.decode(opened), plaintext);
  }
  kr.free();
});

test('Web Crypto tokens decrypt with the wasm module', async () => {
  const kr = fg.Keyring.fromJson(keyringJson);
  for (let i = 0; i < 200; i++) {
    const plaintext = randomString(i % 40);
    const context = randomString(i % 7);
    const token = ref.toText(await ref.encryptToken(masterKey, keyId, utf8.encode(plaintext), utf8.encode(context)));
    assert.equal(kr.decrypt(token, { context }), plaintext);
  }
  kr.free();
});

test('subkeys and blind indexes match the Web Crypto derivation', async () => {
  for (const purpose of ['encrypt', 'deterministic', 'blind-index', 'pseudonymize', 'hash']) {
    assert.equal(ref.toHex(fg.deriveSubkey(masterKey, purpose)), ref.toHex(await ref.deriveSubkey(masterKey, purpose)));
  }
  const kr = fg.Keyring.fromJson(keyringJson);
  for (let i = 0; i < 100; i++) {
    const value = randomString(i % 20);
    const context = randomString(3);
    const length = 4 + (i % 29);
    const ci = i % 2 === 0;
    assert.equal(kr.blindIndex(value, { context, length, caseInsensitive: ci }), await ref.blindIndex(masterKey, value, utf8.encode(context), length, ci));
  }
  kr.free();
});
