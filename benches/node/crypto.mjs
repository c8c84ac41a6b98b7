// node benches/node/crypto.mjs — AES-256-GCM field encryption in Node:
// fieldguard's synchronous wasm API vs crypto.subtle (awaited per call, as a
// request handler would) vs node:crypto vs @noble/ciphers. Prints ops/s for a
// 64-byte field and MB/s for 1 MiB. Needs `bash .ci/build-wasm.sh` and the
// tools from .ci/install-tools.sh.
import { createCipheriv, randomBytes, webcrypto } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fg = require('../../pkg/nodejs/fieldguard.js');
// @noble/ciphers is ESM-only and lives in tests/node_modules: import by path.
const { gcm } = await import(new URL('../../tests/node_modules/@noble/ciphers/aes.js', import.meta.url));

async function measure(name, f, { ms = 1500, bytes } = {}) {
  // Await only what returns a promise: an extra microtask per call would
  // understate the synchronous candidates.
  const isAsync = f() instanceof Promise;
  const call = isAsync ? async () => { for (let i = 0; i < 50; i++) await f(); } : () => { for (let i = 0; i < 50; i++) f(); };
  for (let i = 0; i < 4; i++) await call();
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await call();
    ops += 50;
  }
  const perSec = ops / ((performance.now() - start) / 1000);
  const rate = bytes ? `${((perSec * bytes) / 1e6).toFixed(0).padStart(8)} MB/s` : `${perSec.toFixed(0).padStart(9)} ops/s`;
  console.log(`${name.padEnd(58)} ${rate}`);
  return perSec;
}

const keyring = fg.Keyring.generate();
const context = new TextEncoder().encode('users.email\u0000cus_1001');
const key = randomBytes(32);
const subtleKey = await webcrypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);

async function run(size, label) {
  const data = randomBytes(size);
  const opts = { bytes: size >= 1024 ? size : undefined, ms: size >= 1024 ? 3000 : 1500 };
  console.log(`\n${label}`);
  const wasm = await measure('fieldguard wasm encryptBytes (sync, random nonce)', () => keyring.encryptBytes(data, { context }), opts);
  const subtle = await measure('crypto.subtle.encrypt (await per call)', () =>
    webcrypto.subtle.encrypt({ name: 'AES-GCM', iv: webcrypto.getRandomValues(new Uint8Array(12)), additionalData: context }, subtleKey, data), opts);
  const node = await measure('node:crypto createCipheriv aes-256-gcm', () => {
    const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
    c.setAAD(context);
    return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
  }, opts);
  const noble = await measure('@noble/ciphers gcm', () => gcm(key, webcrypto.getRandomValues(new Uint8Array(12)), context).encrypt(data), opts);
  console.log(`fieldguard wasm vs crypto.subtle: ${(wasm / subtle).toFixed(2)}x; vs node:crypto: ${(wasm / node).toFixed(2)}x; vs @noble/ciphers: ${(wasm / noble).toFixed(2)}x`);
}

console.log(`Node ${process.version}, fieldguard ${fg.version()}`);
await run(64, '64-byte field');
await run(1 << 20, '1 MiB');
keyring.free();
