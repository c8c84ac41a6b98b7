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
