// anonymizeText / Keyring.anonymizeText and Policy.applyWithKeyring beyond
// the shared vectors: JS offsets slice the output, the keyring is borrowed,
// argument checking, lone surrogates, encrypted findings decrypt with their
// field context, and values never appear in errors or reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fg } from './load.mjs';

const coded = (code) => (e) => e instanceof Error && e.name === 'FieldguardError' && e.code === code;

test('UTF-16 offsets slice the replacements out of the output', () => {
  const text = '👩‍👩‍👧 e\u0301 mail ana@example.org, card 4111 1111 1111 1111 🇫🇷';
  const out = fg.anonymizeText(null, text, { operators: { CREDIT_CARD: { op: 'mask', keepLast: 4 } } });
  assert.deepEqual(out.items.map((i) => out.text.slice(i.start, i.end)), ['<EMAIL_ADDRESS>', '**** **** **** 1111']);
  assert.ok(out.text.startsWith('👩‍👩‍👧 e\u0301 mail ') && out.text.endsWith(' 🇫🇷'));
});

test('the keyring is borrowed; both entry points agree; pseudonyms match anonymizeValue', () => {
  const kr = fg.Keyring.generate();
  const options = { operators: { EMAIL_ADDRESS: { op: 'pseudonymize' } } };
  const a = fg.anonymizeText(kr, 'cc alice@example.com', options);
  const b = kr.anonymizeText('cc alice@example.com', options);
  assert.deepEqual(a, b);
  const fake = kr.anonymize('alice@example.com', { op: 'pseudonymize' }, { entityType: 'EMAIL_ADDRESS' });
  assert.equal(a.text, `cc ${fake}`);
  assert.equal(kr.decrypt(kr.encrypt('still usable')), 'still usable');
  kr.free();
});

test('bad arguments are coded errors without the value', () => {
  const kr = fg.Keyring.generate();
  assert.throws(() => fg.anonymizeText({}, 'x'), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeText(null, 42), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeText(null, 'ana@example.org \uD800'), coded('INVALID_ARGUMENT'));
  assert.throws(() => kr.anonymizeText('x', { subject: '\uDC00' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => kr.anonymizeText('x', { context: 7 }), coded('INVALID_ARGUMENT'));
  assert.throws(() => kr.anonymizeText('x', []), coded('INVALID_ARGUMENT'));
  assert.throws(() => kr.anonymizeText('x', { defaultOperator: 'redact' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.anonymizeText(null, 'mail secret@example.org', { defaultOperator: { op: 'hash' } }),
    (e) => coded('INVALID_ARGUMENT')(e) && !e.message.includes('secret'));
  kr.free();
});

test('policies: keyed steps need applyWithKeyring; tokens decrypt with the field context', () => {
  const policy = fg.Policy.fromJson({
    version: 1,
    recordId: 'id',
    fields: { ssn: { anonymize: { op: 'encrypt' } }, email: { anonymize: { op: 'pseudonymize' } } },
    pii: { operators: { IBAN_CODE: { op: 'encrypt' } } },
  });
  assert.equal(policy.needsKeyring, true);
  const record = { id: 'u-1', ssn: '536-90-4399', email: 'ana@example.org', notes: ['IBAN GB82 WEST 1234 5698 7654 32'] };
  assert.throws(() => policy.apply(record), coded('INVALID_ARGUMENT'));
  const kr = fg.Keyring.generate();
  const { record: out, report } = policy.applyWithKeyring(record, kr);
  assert.equal(record.ssn, '536-90-4399', 'the input is not modified');
  assert.equal(kr.decrypt(out.ssn, { context: 'ssn\u0000u-1' }), '536-90-4399');
  const token = out.notes[0].slice('IBAN '.length);
  // Randomized tokens are bound to the element's own position (src/spec/records.md).
  assert.equal(kr.decrypt(token, { context: 'notes[0]\u0000u-1' }), 'GB82 WEST 1234 5698 7654 32');
  assert.throws(() => kr.decrypt(token, { context: 'notes[*]\u0000u-1' }), coded('DECRYPT_FAILED'));
  assert.equal(out.email, kr.anonymize('ana@example.org', { op: 'pseudonymize' }, { entityType: 'EMAIL_ADDRESS' }));
  const text = JSON.stringify(report);
  for (const secret of ['536-90-4399', 'ana@example.org', 'GB82']) assert.ok(!text.includes(secret), text);
  assert.deepEqual(report.fields.map((f) => f.field), ['ssn', 'email', 'notes[*]']);
  assert.throws(() => policy.applyWithKeyring(record, {}), /./);
  policy.free();
  kr.free();
});
