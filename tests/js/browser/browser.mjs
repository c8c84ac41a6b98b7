// Starts the static server and Debian's Chromium (driven by playwright-core;
// no browser download) for the browser tests.
import { chromium } from 'playwright-core';
import { serve } from '../../../www/serve.mjs';

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function start() {
  const server = await serve(0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    browser,
    async stop() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * A page on tests/js/browser/harness.html in a context that cannot reach the
 * network (payloads name external hosts), with page errors collected into
 * `pageErrors`. Resolves once both wasm entries have loaded.
 */
export async function openHarness(env, pageErrors) {
  const context = await env.browser.newContext();
  await context.route((url) => !url.href.startsWith(env.base), (route) => route.abort());
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${env.base}/tests/js/browser/harness.html`);
  await page.waitForFunction(() => window.harnessReady !== undefined, null, { timeout: 30_000 });
  if ((await page.evaluate(() => window.harnessReady)) !== true) throw new Error('harness: wasm modules did not load');
  return page;
}
