// tests/vectors/*.json in headless Chromium, loading www/vectors.html with
// the --target web build, exactly as a page would.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { supports } from '../vectors.mjs';
import { entries, vectorFiles } from '../node/load.mjs';
import { start } from './browser.mjs';

let env, page, htmlPage;
const pageErrors = [];

async function open(entry) {
  const p = await env.browser.newPage();
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  await p.goto(`${env.base}/www/vectors.html${entry === 'html' ? '?entry=html' : ''}`);
  await p.waitForFunction(() => window.fieldguardReady !== undefined, null, { timeout: 30_000 });
  assert.equal(await p.evaluate(() => window.fieldguardReady), true, `${entry} wasm module loaded`);
  return p;
}

before(async () => {
  env = await start();
  page = await open('core');
  htmlPage = await open('html');
});

after(async () => {
  await env?.stop();
});

const [[, coreModule], [, htmlModule]] = entries;
for (const [entry, module, getPage] of [['core', coreModule, () => page], ['html', htmlModule, () => htmlPage]]) {
  for (const [name, file] of vectorFiles) {
    if (!supports(module, file)) continue;
    test(`Chromium (${entry} entry): ${name}`, async () => {
      const { count, failures } = await getPage().evaluate((files) => window.runVectorFiles(files), [[name, file]]);
      assert.equal(count, file.cases.length);
      assert.deepEqual(failures, []);
    });
  }
}

test('Chromium: tokens interoperate with the browser\'s Web Crypto', async () => {
  assert.deepEqual(await page.evaluate(() => window.webCryptoInterop()), [true, true, true]);
});

test('Chromium: the page shows the result, with no page errors', async () => {
  await page.evaluate((files) => window.runVectorFiles(files), vectorFiles);
  const text = await page.textContent('#status');
  const total = vectorFiles.filter(([, f]) => supports(coreModule, f)).reduce((n, [, f]) => n + f.cases.length, 0);
  assert.equal(text, `${total} of ${total} vectors passed in this browser`);
  const dir = new URL('../../out/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: new URL('browser-vectors.png', dir).pathname, fullPage: true });
  assert.deepEqual(pageErrors, []);
});
