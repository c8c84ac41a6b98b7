// JS-side behaviour: every failure is a real Error with a stable code, bad
// argument types are refused rather than coerced, and tampering is rejected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fg } from './load.mjs';

function throwsCode(f, code) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof Error, 'is an Error');
    assert.equal(e.name, 'FieldguardError');
    assert.equal(e.code, code, e.message);
    assert.ok(e.stack, 'has a stack');
    return true;
  });
}

test('wrong argument types are INVALID_ARGUMENT, not coerced', () => {
  const kr = fg.Keyring.generate();
  throwsCode(() => kr.encrypt(42), 'INVALID_ARGUMENT');
  throwsCode(() => kr.encrypt(undefined), 'INVALID_ARGUMENT');
  throwsCode(() => kr.encrypt(new String('boxed')), 'INVALID_ARGUMENT');
  throwsCode(() => kr.encryptBytes('not bytes'), 'INVALID_ARGUMENT');
  throwsCode(() => kr.encryptBytes([1, 2, 3]), 'INVALID_ARGUMENT');
  throwsCode(() => kr.decrypt(null), 'INVALID_ARGUMENT');
  throwsCode(() => kr.encrypt('x', 'context as a bare string'), 'INVALID_ARGUMENT');
  throwsCode(() => kr.encrypt('x', { context: 5 }), 'INVALID_ARGUMENT');
  throwsCode(() => kr.encrypt('x', [1]), 'INVALID_ARGUMENT');
  throwsCode(() => kr.blindIndex('x', { length: 16.5 }), 'INVALID_ARGUMENT');
  throwsCode(() => kr.blindIndex('x', { caseInsensitive: 'yes' }), 'INVALID_ARGUMENT');
  throwsCode(() => kr.encryptDeterministic('x', { keyId: -1 }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.Keyring.fromJson({ version: 1 }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.inspectToken(7), 'INVALID_ARGUMENT');
  throwsCode(() => kr.setStatus(kr.primaryKeyId, 'retired'), 'INVALID_ARGUMENT');
  kr.free();
});

test('a misspelt option is refused instead of silently ignored', () => {
  const kr = fg.Keyring.generate();
  throwsCode(() => kr.encrypt('x', { contxt: 'users.email' }), 'INVALID_ARGUMENT');
  throwsCode(() => kr.blindIndex('x', { case_insensitive: true }), 'INVALID_ARGUMENT');
  kr.free();
});

test('lone surrogates are refused, not replaced with U+FFFD', () => {
  const kr = fg.Keyring.generate();
  throwsCode(() => kr.encrypt('\uD800'), 'INVALID_ARGUMENT');
  throwsCode(() => kr.encrypt('ok', { context: 'a\uDC00' }), 'INVALID_ARGUMENT');
  throwsCode(() => kr.blindIndex('x\uDBFF'), 'INVALID_ARGUMENT');
  // A valid pair is fine.
  const t = kr.encrypt('😀');
  assert.equal(kr.decrypt(t), '😀');
  kr.free();
});

test('options are optional; Buffer works as Uint8Array; string and byte contexts agree', () => {
  const kr = fg.Keyring.generate();
  assert.equal(kr.decrypt(kr.encrypt('v')), 'v');
  assert.equal(kr.decrypt(kr.encrypt('v', null), undefined), 'v');
  const tok = kr.encryptBytes(Buffer.from('buf'), { context: Buffer.from('ctx') });
  assert.ok(tok instanceof Uint8Array);
  assert.equal(Buffer.from(kr.decryptBytes(tok, { context: 'ctx' })).toString(), 'buf');
  kr.free();
});

test('flipping any single bit of a token is rejected (property test)', () => {
  const kr = fg.Keyring.generate();
  let checked = 0;
  for (let round = 0; round < 20; round++) {
    const plaintext = crypto.getRandomValues(new Uint8Array(round * 3));
    const context = crypto.getRandomValues(new Uint8Array(round % 5));
    for (const token of [kr.encryptBytes(plaintext, { context }), kr.encryptDeterministicBytes(plaintext, { context })]) {
      for (let bit = 0; bit < token.length * 8; bit++) {
        const t = Uint8Array.from(token);
        t[bit >> 3] ^= 1 << (bit & 7);
        assert.throws(() => kr.decryptBytes(t, { context }), (e) =>
          ['DECRYPT_FAILED', 'TOKEN_UNKNOWN_VERSION', 'KEY_UNKNOWN_ID', 'TOKEN_MALFORMED'].includes(e.code));
        checked++;
      }
      if (context.length > 0) {
        const other = Uint8Array.from(context); other[0] ^= 1;
        assert.throws(() => kr.decryptBytes(token, { context: other }), (e) => e.code === 'DECRYPT_FAILED');
      }
    }
  }
  assert.ok(checked > 5000);
  kr.free();
});

test('keyring JSON, rotation and Debug-free surface', () => {
  const kr = fg.Keyring.generate();
  const first = kr.primaryKeyId;
  const token = kr.encrypt('secret value', { context: 'c' });
  const second = kr.rotate();
  assert.notEqual(first, second);
  assert.deepEqual(kr.keys().map((k) => k.status), ['decrypt-only', 'primary']);
  const again = fg.Keyring.fromJson(kr.toJson());
  assert.equal(again.decrypt(token, { context: 'c' }), 'secret value');
  assert.equal(fg.inspectToken(again.reencrypt(token, { context: 'c' })).keyId, second);
  // Nothing but IDs and statuses is enumerable on the object.
  assert.ok(!JSON.stringify(Object.entries(kr)).includes('material'));
  kr.free();
  again.free();
});
