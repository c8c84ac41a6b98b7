// fieldguard.scanPii from JS: offsets are UTF-16 code units, so
// text.slice(start, end) is the finding even after astral emoji, ZWJ
// sequences and combining marks; argument checking matches the other APIs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fg } from './load.mjs';

function throwsCode(f, code) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof Error, 'is an Error');
    assert.equal(e.name, 'FieldguardError');
    assert.equal(e.code, code, e.message);
    return true;
  });
}

const PREFIXES = ['', '😀 ', 'e\u0301 ', '👨‍👩‍👧 ', '🇫🇷 ', '\u{1F44D}\u{1F3FD} ', '電話 ', 'a\u0308\u0323 ', '𝔘𝔫𝔦 '];
const FINDINGS = [
  ['EMAIL_ADDRESS', 'bob.smith@example.com'],
  ['CREDIT_CARD', '4111 1111 1111 1111'],
  ['IBAN_CODE', 'GB82 WEST 1234 5698 7654 32'],
  ['PHONE_NUMBER', '+44 20 7946 0958'],
  ['IP_ADDRESS', '2001:db8::ff00:42:8329'],
  ['URL', 'https://example.com/a?b=c'],
  ['CRYPTO', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
];

test('text.slice(start, end) is the finding after emoji and combining marks', () => {
  for (const prefix of PREFIXES) {
    for (const [type, value] of FINDINGS) {
      for (const suffix of ['', ' ✔', ' 😀 end']) {
        const text = `${prefix}x ${value}${suffix}`;
        const found = fg.scanPii(text);
        assert.equal(found.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(found)}`);
        const [f] = found;
        assert.equal(f.entityType, type);
        assert.equal(text.slice(f.start, f.end), value);
        assert.ok(Number.isInteger(f.score) && f.score >= 0 && f.score <= 100);
        assert.equal(typeof f.recognizer, 'string');
      }
    }
  }
});

test('several findings in one text keep their order and UTF-16 spans', () => {
  const values = FINDINGS.map(([, v]) => v);
  const text = values.map((v, i) => `${PREFIXES[i % PREFIXES.length]}${v}`).join(' ; ');
  const found = fg.scanPii(text);
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), values);
  for (let i = 1; i < found.length; i++) assert.ok(found[i - 1].end <= found[i].start);
});

test('lone surrogates are INVALID_ARGUMENT, never replaced', () => {
  for (const bad of ['\uD800', 'a@b.example \uDC00', '\uDBFFx 4111111111111111', 'x\uDFFF\uD800']) {
    throwsCode(() => fg.scanPii(bad), 'INVALID_ARGUMENT');
  }
  throwsCode(() => fg.scanPii('x', { entities: ['\uD800'] }), 'INVALID_ARGUMENT');
  assert.deepEqual(fg.scanPii('\uD83D\uDE00'), []);
});

test('wrong argument types and options are INVALID_ARGUMENT', () => {
  for (const v of [42, null, undefined, true, new String('boxed'), ['a'], { a: 1 }]) {
    throwsCode(() => fg.scanPii(v), 'INVALID_ARGUMENT');
  }
  throwsCode(() => fg.scanPii('x', 'all'), 'INVALID_ARGUMENT');
  throwsCode(() => fg.scanPii('x', [1]), 'INVALID_ARGUMENT');
  throwsCode(() => fg.scanPii('x', { minScore: 101 }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.scanPii('x', { minScore: 1.5 }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.scanPii('x', { entities: ['NOPE'] }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.scanPii('x', { entitiez: [] }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.scanPii('hello', { maxInputBytes: 4 }), 'INPUT_TOO_LARGE');
  // null/undefined options are the defaults.
  assert.deepEqual(fg.scanPii('a@b.example', null), fg.scanPii('a@b.example'));
  assert.deepEqual(fg.scanPii('a@b.example', undefined), fg.scanPii('a@b.example'));
});

test('a large text with many findings converts offsets in one pass', () => {
  const unit = '😀 mail a@b.example, card 4111111111111111. ';
  const text = unit.repeat(20000);
  const t = performance.now();
  const found = fg.scanPii(text);
  const ms = performance.now() - t;
  assert.equal(found.length, 40000);
  assert.equal(text.slice(found[39999].start, found[39999].end), '4111111111111111');
  assert.ok(ms < 20000, `${ms} ms`);
});
