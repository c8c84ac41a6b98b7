// anonymizeValue / Keyring.anonymize beyond the shared vectors: the
// keyring is borrowed (still usable afterwards), argument checking, lone
// surrogates, and values never appear in error messages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fg } from './load.mjs';

const coded = (code) => (e) => e instanceof Error && e.name === 'FieldguardError' && e.code === code;

test('the keyring is borrowed, not consumed, and both entry points agree', () => {
  const kr = fg.Keyring.generate();
  const op = { op: 'pseudonymize' };
  const opts = { entityType: 'CREDIT_CARD' };
  const a = fg.anonymizeValue(kr, '4111 1111 1111 1111', op, opts);
  const b = kr.anonymize('4111 1111 1111 1111', op, opts);
  assert.equal(a, b);
  assert.match(a, /^4\d{3} \d{4} \d{4} \d{4}$/);
  assert.equal(fg.validate('credit-card', a).valid, true);
  // Still usable: encrypt/decrypt with the same object.
  assert.equal(kr.decrypt(kr.encrypt('x')), 'x');
  kr.free();
});

test('keyless operators take null or undefined; keyed ones say they need a keyring', () => {
  assert.equal(fg.anonymizeValue(null, '4111-1111-1111-1111', { op: 'mask', keepLast: 4 }), '****-****-****-1111');
  assert.equal(fg.anonymizeValue(undefined, 'x', { op: 'replace' }, { entityType: 'US_SSN' }), '<US_SSN>');
  assert.throws(() => fg.anonymizeValue(null, 'alice@example.com', { op: 'hash' }),
    (e) => coded('INVALID_ARGUMENT')(e) && /needs a keyring/.test(e.message) && !e.message.includes('alice'));
});

test('bad arguments are coded errors without the value', () => {
  const kr = fg.Keyring.generate();
  assert.throws(() => fg.anonymizeValue({}, 'x', { op: 'redact' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeValue('keyring', 'x', { op: 'redact' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeValue(kr, 42, { op: 'redact' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeValue(kr, 'x\uD800', { op: 'redact' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => kr.anonymize('x\uDC00y', { op: 'pseudonymize' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeValue(kr, 'x', 'redact'), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeValue(kr, 'x', [{ op: 'redact' }]), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeValue(kr, 'x', { op: 'replace', with: 'a\uD800' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeValue(kr, 'x', { op: 'redact' }, { subject: 'a\uD800' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeValue(kr, 'x', { op: 'redact' }, { contxt: 'a' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeValue(kr, 'secret-date', { op: 'date-shift' }, { subject: 's' }),
    (e) => coded('VALUE_INVALID')(e) && !e.message.includes('secret'));
  kr.free();
});

test('encrypt binds the context (string or bytes) and round-trips', () => {
  const kr = fg.Keyring.generate();
  const t = fg.anonymizeValue(kr, 'alice@example.com', { op: 'encrypt' }, { context: 'users.email' });
  assert.equal(kr.decrypt(t, { context: 'users.email' }), 'alice@example.com');
  const d1 = kr.anonymize('v', { op: 'encrypt', deterministic: true }, { context: new TextEncoder().encode('c') });
  const d2 = kr.anonymize('v', { op: 'encrypt', deterministic: true }, { context: 'c' });
  assert.equal(d1, d2);
  kr.free();
});
