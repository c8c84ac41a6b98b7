// Policy in JS beyond the shared vectors: entry differences, argument
// checking, and that the caller's record is never modified.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fg, fgHtml } from './load.mjs';

const coded = (code) => (e) => e instanceof Error && e.name === 'FieldguardError' && e.code === code;

test('the core entry refuses an html step with POLICY_INVALID; the html entry runs it', () => {
  const doc = { version: 1, fields: { bio: { html: {} } } };
  assert.throws(() => fg.Policy.fromJson(doc), (e) => coded('POLICY_INVALID')(e) && /html/.test(e.message));
  const p = fgHtml.Policy.fromJson(JSON.stringify(doc));
  assert.deepEqual(p.apply({ bio: '<b onclick="x()">hi</b>' }).record, { bio: '<b>hi</b>' });
  p.free();
});

test('apply returns a new record and leaves the argument untouched', () => {
  const p = fg.Policy.fromJson({ version: 1, fields: { name: { clean: { preset: 'name' } } } });
  const input = { name: '  Zoë  ', n: 1 };
  const { record, report } = p.apply(input);
  assert.deepEqual(input, { name: '  Zoë  ', n: 1 });
  assert.deepEqual(record, { name: 'Zoë', n: 1 });
  assert.deepEqual(report.fields[0].changes, ['collapsed-whitespace', 'trimmed']);
  assert.deepEqual(p.fields(), ['name']);
  p.free();
});

test('bad arguments are coded errors, and values never appear in messages', () => {
  const p = fg.Policy.fromJson({ version: 1, fields: { email: { validate: { type: 'email' } } } });
  assert.throws(() => p.apply({ email: 'x\uD800' }), coded('INVALID_ARGUMENT'));
  assert.throws(() => p.apply({ email: 'secret-value@' }), (e) => coded('VALUE_INVALID')(e) && !e.message.includes('secret-value'));
  assert.throws(() => p.applyField(42, 'x'), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.Policy.fromJson(42), coded('INVALID_ARGUMENT'));
  assert.throws(() => fg.Policy.fromJson('{"version": 1, "fields": {"a": {"validat": {}}}}'), coded('POLICY_INVALID'));
  p.free();
});
