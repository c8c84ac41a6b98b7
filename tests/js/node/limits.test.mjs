// Size limits: every export that does more than trivial linear work on
// unbounded text refuses input over `maxInputBytes` (default 1 MiB, as
// `clean`) with INPUT_TOO_LARGE, before doing the work. A 32 MB string used
// to block the event loop for 16–90 s in skeleton, areConfusable,
// analyzeScripts, anonymizeValue and Keyring.encrypt.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entries } from './load.mjs';

const big = 'a\u0440'.repeat(8 << 20); // 32 MiB of UTF-8 (Latin a + Cyrillic р)
const justOver = 'a'.repeat((1 << 20) + 1);

function tooLarge(f) {
  assert.throws(f, (e) => e.name === 'FieldguardError' && e.code === 'INPUT_TOO_LARGE');
}

for (const [entry, fg] of entries) {
  test(`${entry}: 32 MB inputs are refused with INPUT_TOO_LARGE`, () => {
    const kr = fg.Keyring.generate();
    for (const s of [big, justOver]) {
      tooLarge(() => fg.clean(s));
      tooLarge(() => fg.skeleton(s));
      tooLarge(() => fg.areConfusable(s, 'x'));
      tooLarge(() => fg.areConfusable('x', s));
      tooLarge(() => fg.analyzeScripts(s));
      tooLarge(() => fg.anonymizeValue(null, s, { op: 'mask' }));
      tooLarge(() => fg.anonymizeValue(kr, s, { op: 'pseudonymize' }));
      tooLarge(() => kr.anonymize(s, { op: 'hash' }));
      tooLarge(() => kr.encrypt(s));
      tooLarge(() => fg.detectInjection(s));
    }
    tooLarge(() => fg.scanPii(big));
    tooLarge(() => fg.anonymizeText(null, big));
    if (fg.sanitizeHtml) tooLarge(() => fg.sanitizeHtml(big));
    kr.free();
  });

  test(`${entry}: maxInputBytes raises and lowers the limit`, () => {
    const kr = fg.Keyring.generate();
    const two = 'ab'.repeat(1 << 19) + 'c'; // 1 MiB + 1
    assert.equal(typeof fg.skeleton(two, { maxInputBytes: 2 << 20 }), 'string');
    assert.equal(fg.areConfusable(two, two, { maxInputBytes: 2 << 20 }), true);
    assert.ok(fg.analyzeScripts(two, { maxInputBytes: 2 << 20 }).scripts.includes('Latn'));
    assert.equal(kr.decrypt(kr.encrypt(two, { maxInputBytes: 2 << 20 })), two);
    assert.equal(fg.anonymizeValue(null, two, { op: 'redact' }, { maxInputBytes: 2 << 20 }), '');
    tooLarge(() => fg.skeleton('abcde', { maxInputBytes: 4 }));
    tooLarge(() => kr.encrypt('abcde', { maxInputBytes: 4 }));
    tooLarge(() => kr.anonymize('abcde', { op: 'mask' }, { maxInputBytes: 4 }));
    assert.throws(() => fg.skeleton('x', { maxInputByte: 4 }), (e) => e.code === 'INVALID_ARGUMENT');
    assert.throws(() => kr.encrypt('x', { maxInputBytes: -1 }), (e) => e.code === 'INVALID_ARGUMENT');
    kr.free();
  });
}
