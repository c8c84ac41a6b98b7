// The repository README's browser examples (```js test=browser) run as
// written, as module scripts in Chromium against the web build served by
// www/serve.mjs. An example fails by throwing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { start } from './browser.mjs';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/^```js test=browser\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test('the README has browser examples', () => {
  assert.ok(examples.length >= 1);
});

for (const [i, code] of examples.entries()) {
  test(`README browser example #${i + 1} runs`, async () => {
    const page = await env.browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${env.base}/tests/js/browser/blank.html`);
    // A module script: top-level await and imports work as in an app.
    await page.addScriptTag({ type: 'module', content: `${code}\nwindow.readmeDone = true;\n` });
    await page.waitForFunction(() => window.readmeDone === true || document.readyState === 'complete', null, { timeout: 30_000 });
    await page.waitForFunction((n) => window.readmeDone === true || n > 0, errors.length, { timeout: 30_000 }).catch(() => {});
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => window.readmeDone), true);
    await page.close();
  });
}
