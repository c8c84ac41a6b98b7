// tests/vectors/*.json against the Node (CommonJS, --target nodejs) builds:
// every file against both entries, except that the core entry skips files
// that require the HTML sanitizer (and must not have it).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonical, expected, runCase, supports } from '../vectors.mjs';
import { entries, fg, vectorFiles } from './load.mjs';

for (const [entry, mod] of entries) {
  for (const [name, file] of vectorFiles) {
    if (!supports(mod, file)) continue;
    describe(`${entry}: ${name}`, () => {
      for (const c of file.cases) {
        test(c.name, () => {
          assert.equal(canonical(runCase(mod, file, c)), canonical(expected(c)));
        });
      }
    });
  }
}

test('the core entry has no HTML sanitizer (it lives in the html entry)', () => {
  assert.equal(fg.sanitizeHtml, undefined);
});
