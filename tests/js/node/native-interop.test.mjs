// Tokens cross between the wasm module and the native build (the CLI binary
// that `cargo test --features cli` builds): wasm → native and native → wasm.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fg } from './load.mjs';

const cli = fileURLToPath(new URL('../../../target/debug/fieldguard', import.meta.url));

function native(args, input) {
  return execFileSync(cli, args, { input, encoding: 'utf8', env: { PATH: process.env.PATH } });
}

test('wasm tokens decrypt natively, native tokens decrypt in wasm', (t) => {
  assert.ok(existsSync(cli), `build the native CLI first: cargo build --features cli (looked for ${cli})`);
  const dir = mkdtempSync(join(tmpdir(), 'fieldguard-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const kr = fg.Keyring.generate();
  kr.rotate();
  const path = join(dir, 'keyring.json');
  writeFileSync(path, kr.toJson(), { mode: 0o600 });
  for (const [value, context] of [['alice@example.com', 'users.email'], ['Zoë 山田 👩‍👧', 'users.name'], ['', '']]) {
    const token = kr.encrypt(value, { context });
    assert.equal(native(['decrypt', '--keyring', path, '--context', context], token + '\n'), value + '\n');
    const det = kr.encryptDeterministic(value, { context });
    assert.equal(native(['encrypt', '--deterministic', '--keyring', path, '--context', context], value).trim(), det);
    const fromNative = native(['encrypt', '--keyring', path, '--context', context], value).trim();
    assert.equal(kr.decrypt(fromNative, { context }), value);
  }
  // Record files: the CLI's record context (path, NUL, record ID) is what wasm sees too.
  const input = join(dir, 'in.ndjson');
  writeFileSync(input, JSON.stringify({ id: 'cus_1', user: { email: 'a@x.org' } }) + '\n');
  const out = native(['encrypt', '--keyring', path, '--field', 'user.email', '--record-id', 'id', '--in', input, '--quiet']);
  const token = JSON.parse(out).user.email;
  assert.equal(kr.decrypt(token, { context: 'user.email\u0000cus_1' }), 'a@x.org');
  kr.free();
});
