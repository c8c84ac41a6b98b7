// Rebuild tests/data/html/dompurify-fixtures.json from DOMPurify's own test
// fixtures (test/fixtures/expect.mjs) at the pinned commit:
//   node tests/data/html/build-dompurify-fixtures.mjs GIT_DIR [--check]
// GIT_DIR is a clone of cure53/DOMPurify holding the commit (read with
// `git show`, so its checkout does not matter). The test machines cannot
// reach GitHub: the tests read the committed JSON, and --check is for a
// machine with the clone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const COMMIT = '1fa97e8f0b671ded461adfe6af255f2aab4202d0';
const PATH = 'test/fixtures/expect.mjs';
const [repo, flag] = process.argv.slice(2);
if (!repo) {
  console.error('usage: build-dompurify-fixtures.mjs GIT_DIR [--check]');
  process.exit(2);
}
const source = execFileSync('git', ['-C', repo, 'show', `${COMMIT}:${PATH}`]);
const dir = mkdtempSync(join(tmpdir(), 'dompurify-'));
const file = join(dir, 'expect.mjs');
writeFileSync(file, source);
const fixtures = (await import(pathToFileURL(file))).default;
rmSync(dir, { recursive: true });
const out = {
  description:
    "DOMPurify's own test fixtures: each payload with the output DOMPurify's default configuration is expected to give "
    + '(a list where browsers differ). Read by tests/js/node/dompurify-fixtures.test.mjs (per-fixture comparison with '
    + "fieldguard's default profile) and tests/js/browser/xss.test.mjs (execution in Chromium).",
  source: {
    repository: 'https://github.com/cure53/DOMPurify',
    commit: COMMIT,
    path: PATH,
    version: '3.4.14',
    licence: '(MPL-2.0 OR Apache-2.0)',
  },
  fixtures: fixtures.map((f) => ({
    title: f.title,
    payload: f.payload,
    expected: Array.isArray(f.expected) ? f.expected : [f.expected],
  })),
};
const text = `${JSON.stringify(out, null, 1)}\n`;
const target = new URL('dompurify-fixtures.json', import.meta.url);
if (flag === '--check') {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('stale: tests/data/html/dompurify-fixtures.json');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
console.log(`${out.fixtures.length} fixtures`);
