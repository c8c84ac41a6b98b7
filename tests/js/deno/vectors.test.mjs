// tests/vectors/*.json against the ES-module builds for browsers (--target web),
// in Deno: the core entry and the HTML entry.
import init, * as fg from '../../../pkg/web/fieldguard.js';
import initHtml, * as fgHtml from '../../../pkg/html/web/fieldguard.js';
import { canonical, expected, runCase, supports } from '../vectors.mjs';
import * as ref from '../reference.mjs';

await init({ module_or_path: await Deno.readFile(new URL('../../../pkg/web/fieldguard_bg.wasm', import.meta.url)) });
await initHtml({ module_or_path: await Deno.readFile(new URL('../../../pkg/html/web/fieldguard_bg.wasm', import.meta.url)) });

function assertEquals(got, want, message) {
  if (got !== want) throw new Error(`${message}\n  want ${want}\n  got  ${got}`);
}

const dir = new URL('../../vectors/', import.meta.url);
const names = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith('.json')).sort();
for (const [entry, mod] of [['core', fg], ['html', fgHtml]]) {
  for (const name of names) {
    const file = JSON.parse(Deno.readTextFileSync(new URL(name, dir)));
    if (!supports(mod, file)) continue;
    for (const c of file.cases) {
      Deno.test(`${entry}: ${name} / ${c.name}`, () => {
        assertEquals(canonical(runCase(mod, file, c)), canonical(expected(c)), c.name);
      });
    }
  }
}

Deno.test('Deno: wasm tokens decrypt with Web Crypto and back', async () => {
  const masterKey = crypto.getRandomValues(new Uint8Array(32));
  const kr = fg.Keyring.fromJson(JSON.stringify({ version: 1, keys: [{ id: 3, status: 'primary', material: btoa(String.fromCharCode(...masterKey)) }] }));
  const utf8 = new TextEncoder();
  for (const [plaintext, context] of [['deno 🦕', 'a.b'], ['', ''], ['x'.repeat(300), 'ctx\u0000id']]) {
    const token = kr.encrypt(plaintext, { context });
    assertEquals(new TextDecoder().decode(await ref.decryptToken(masterKey, ref.fromText(token), utf8.encode(context))), plaintext, 'to Web Crypto');
    const back = ref.toText(await ref.encryptToken(masterKey, 3, utf8.encode(plaintext), utf8.encode(context)));
    assertEquals(kr.decrypt(back, { context }), plaintext, 'from Web Crypto');
  }
  kr.free();
});
