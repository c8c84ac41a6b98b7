// The --target bundler build (what webpack/Vite consume: `import` of the
// .wasm file) loads and runs, through Node's wasm ES-module integration.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

test('the bundler build imports and round-trips a token', () => {
  const script = `
    const fg = await import(${JSON.stringify(new URL('../../../pkg/bundler/fieldguard.js', import.meta.url).href)});
    const kr = fg.Keyring.generate();
    const t = kr.encrypt('bundled', { context: 'c' });
    let code = '';
    try { kr.decrypt(t, { context: 'd' }); } catch (e) { code = e.code; }
    console.log(JSON.stringify([kr.decrypt(t, { context: 'c' }), code, fg.inspectToken(t).format]));`;
  const out = execFileSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), ['bundled', 'DECRYPT_FAILED', 'randomized']);
});
