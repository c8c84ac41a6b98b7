// Every sanitize/validate/detect/policy/PII function, fed random strings from a
// seeded generator — lone UTF-16 surrogates, controls, bidi, combining
// marks, astral characters, HTML/SQL punctuation — either returns or throws
// a FieldguardError with a code. A Rust panic would surface as a
// WebAssembly RuntimeError ("unreachable") and abort the instance; this
// test fails on any such error, and checks the instance still works after.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fgHtml as fg } from './load.mjs';
import { prng } from '../prng.mjs';

const pieces = [
  '\uD800', '\uDFFF', '\uDBFF\uDFFF', '\u0000', '\u001B', '\u007F', '\u0085', '\u202E', '\u2066', '\u200B', '\u200D',
  '\uFEFF', '\u0301', '\u0308', 'e\u0301', '👩‍👩‍👧', '🇫🇷', 'р', 'а', 'у', 'l', 'ǅ', 'ﬁ', 'Ａ', '١', '\t', '\n', ' ', '\u3000',
  '<', '>', '"', "'", '`', '&', ';', '|', '$', '(', ')', '{', '}', '[', ']', '\\', '/', '../', '%2e', '%', '%00', '@', '.',
  '-', '+', '=', '*', '#', ':', 'javascript:', '<script>', '{{', '}}', '${', 'select', 'union', ' or ', '1=1', 'http://',
  'xn--', 'a', 'Z', '0', '9', '4111111111111111', 'DE89', '+1', '2024-02-29', 'T', 'Z', 'ff', '::', '1.2.3.4',
];

function randomString(next) {
  const n = Math.floor(next() * 24);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += next() < 0.8 ? pieces[Math.floor(next() * pieces.length)] : String.fromCharCode(Math.floor(next() * 0x10000));
  }
  return s;
}

const validatorTypes = ['email', 'url', 'hostname', 'ip', 'uuid', 'date', 'date-time', 'phone', 'credit-card', 'iban', 'integer', 'decimal'];
const contexts = ['html-text', 'html-attribute', 'js-string', 'url-component', 'css-string'];
const presets = [undefined, { preset: 'username' }, { preset: 'slug' }, { preset: 'name' }, { preset: 'phone-digits' }, { normalize: 'nfkc', collapseWhitespace: true, maxLength: 5 }];

test('no input panics any function, including lone surrogates from JS', () => {
  const next = prng(20261122);
  const policy = fg.Policy.fromJson({
    version: 1,
    fields: {
      name: { clean: { preset: 'name' }, onViolation: 'clean' },
      email: { validate: { type: 'email' }, onViolation: 'clean' },
      note: { clean: {}, detect: {}, onViolation: 'clean' },
    },
  });
  const kr = fg.Keyring.generate();
  const anonymizers = [{ op: 'redact' }, { op: 'mask', keepLast: 2 }, { op: 'hash' }, { op: 'pseudonymize' }, { op: 'encrypt' },
    { op: 'generalize', to: 'year' }, { op: 'date-shift' }, { op: 'replace' }];
  const entityTypes = ['EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'IBAN_CODE', 'PERSON_NAME', 'DATE_OF_BIRTH', 'UK_NHS', 'IT_FISCAL_CODE'];
  const pii = fg.Policy.fromJson({
    version: 1,
    fields: { name: { anonymize: { op: 'pseudonymize' }, entity: 'PERSON_NAME' }, email: { clean: {}, anonymize: { op: 'pseudonymize' }, onViolation: 'clean' } },
    pii: { defaultOperator: { op: 'pseudonymize' } },
  });
  let calls = 0;
  let coded = 0;
  const call = (f) => {
    calls++;
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof Error, `threw a non-Error: ${e}`);
      assert.equal(e.name, 'FieldguardError', `uncoded error: ${e.stack}`);
      assert.equal(typeof e.code, 'string');
      coded++;
    }
  };
  for (let i = 0; i < 1500; i++) {
    const s = randomString(next);
    const t = randomString(next);
    call(() => fg.clean(s, presets[i % presets.length]));
    call(() => fg.skeleton(s));
    call(() => fg.areConfusable(s, t));
    call(() => fg.analyzeScripts(s));
    call(() => fg.escape(s, contexts[i % contexts.length]));
    call(() => fg.validate(validatorTypes[i % validatorTypes.length], s));
    call(() => fg.detectInjection(s));
    call(() => fg.sanitizeHtml(s));
    call(() => policy.apply({ name: s, email: t, note: s + t }));
    call(() => fg.scanPii(s + t));
    call(() => fg.anonymizeText(null, s + t));
    call(() => kr.anonymizeText(s + t, { defaultOperator: anonymizers[i % anonymizers.length] }));
    call(() => kr.anonymize(s, anonymizers[i % anonymizers.length], { entityType: entityTypes[i % entityTypes.length] }));
    call(() => pii.applyWithKeyring({ name: s, email: t, note: [s, { t }] }, kr));
  }
  policy.free();
  pii.free();
  kr.free();
  // The instance survived: a normal call still works.
  assert.equal(fg.escape('<b>', 'html-text'), '&lt;b&gt;');
  assert.ok(calls > 10000);
  // Lone surrogates are refused with a code rather than replaced, so some calls must have thrown.
  assert.ok(coded > 0);
});
