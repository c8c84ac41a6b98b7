// tests/vectors/*.json against the Node (CommonJS, --target nodejs) build.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonical, expected, runCase } from '../vectors.mjs';
import { fg, vectorFiles } from './load.mjs';

for (const [name, file] of vectorFiles) {
  describe(name, () => {
    for (const c of file.cases) {
      test(c.name, () => {
        assert.equal(canonical(runCase(fg, file, c)), canonical(expected(c)));
      });
    }
  });
}
