// Runs tests/vectors/*.json in the browser against the --target web build:
// the core entry, or with ?entry=html the HTML entry (core + sanitizeHtml).
// Opened by a person it fetches the files listed in ?files=a.json,b.json;
// the Chromium test instead calls window.runVectorFiles with their contents.
import { runFile, supports } from '../tests/js/vectors.mjs';
import * as ref from '../tests/js/reference.mjs';

const status = document.getElementById('status');
const params = new URLSearchParams(location.search);
const entry = params.get('entry') === 'html' ? 'html' : 'core';
const fg = await import(entry === 'html' ? '../pkg/html/web/fieldguard.js' : '../pkg/web/fieldguard.js');

/** Run parsed vector files; returns { count, failures }. */
window.runVectorFiles = (files) => {
  let count = 0;
  const failures = [];
  for (const [name, file] of files) {
    if (!supports(fg, file)) continue;
    count += file.cases.length;
    failures.push(...runFile(fg, name, file));
  }
  status.textContent = `${count - failures.length} of ${count} vectors passed in this browser`;
  status.className = failures.length ? 'fail' : 'pass';
  const body = document.getElementById('failures');
  body.replaceChildren(...failures.map((f) => {
    const tr = document.createElement('tr');
    for (const v of [f.file, f.case, JSON.stringify(f.want), JSON.stringify(f.got)]) {
      const td = document.createElement('td'); td.textContent = v; tr.append(td);
    }
    return tr;
  }));
  return { count, failures };
};

/** Tokens made here decrypt with this browser's Web Crypto, and back. */
window.webCryptoInterop = async () => {
  const masterKey = crypto.getRandomValues(new Uint8Array(32));
  const kr = fg.Keyring.fromJson(JSON.stringify({ version: 1, keys: [{ id: 11, status: 'primary', material: btoa(String.fromCharCode(...masterKey)) }] }));
  const utf8 = new TextEncoder();
  const results = [];
  for (const [plaintext, context] of [['browser 🌐', 'form.email'], ['', ''], ['Zoë', 'x\u0000y']]) {
    const token = kr.encrypt(plaintext, { context });
    const viaWebCrypto = new TextDecoder().decode(await ref.decryptToken(masterKey, ref.fromText(token), utf8.encode(context)));
    const back = kr.decrypt(ref.toText(await ref.encryptToken(masterKey, 11, utf8.encode(plaintext), utf8.encode(context))), { context });
    results.push(viaWebCrypto === plaintext && back === plaintext);
  }
  kr.free();
  return results;
};

try {
  await fg.default();
  window.fieldguardReady = true;
  window.fieldguardEntry = entry;
  status.textContent = `fieldguard ${fg.version()} (${entry} entry) loaded`;
  const names = params.get('files');
  if (names) {
    const files = await Promise.all(names.split(',').map(async (n) => [n, await (await fetch(`../tests/vectors/${n}`)).json()]));
    window.runVectorFiles(files);
  }
} catch (e) {
  window.fieldguardReady = false;
  status.textContent = `The wasm module failed to load: ${e.message}`;
  status.className = 'fail';
}
