// End-to-end test of the demo (www/): Debian's Chromium fills the form with
// hostile and PII-laden input, submits, and the test checks what the page
// shows, what the service stored and what it logged. Screenshots and the
// page-weight figures go to tests/out/demo/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './browser.mjs';
import { startDemo } from '../../../www/server.mjs';

const fg = createRequire(import.meta.url)('../../../pkg/nodejs/fieldguard.js');
const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = join(root, 'tests/out/demo');

// Hostile input: a bidi override and zero-width characters, Cyrillic look-alikes,
// and PII everywhere. Expected values are worked out by hand from the
// policy (www/policy.json) and the standards, not recorded from a run.
const RLO = '\u202E';
const ZWSP = '\u200B';
const NAME = `${RLO}\u0410lice${ZWSP}  W\u043Enderland `; // Cyrillic А and о
const NAME_CLEAN = '\u0410lice W\u043Enderland'; // bidi + zero-width removed, whitespace collapsed, trimmed
const FAKE_USERNAME = 'p\u0430yp\u0430l_support'; // Cyrillic а: skeleton "paypal_support"
const EMAIL = ` alice${ZWSP}@Example.ORG `;
const EMAIL_CANONICAL = 'alice@example.org'; // invisible removed, trimmed; WHATWG hosts are ASCII-lowercased
const PHONE = '020 7946 0958';
const PHONE_CANONICAL = '+442079460958'; // UK national number, trunk 0 dropped, E.164
const CARD = '4111 1111 1111 1111'; // the Visa test number: Luhn-valid
const CARD_CANONICAL = '4111111111111111';
const IBAN = 'GB82 WEST 1234 5698 7654 32'; // the ECBS example IBAN: mod-97 = 1
const MESSAGE = `Hi, please refund ${CARD} to IBAN ${IBAN}, or mail me at ${EMAIL_CANONICAL} \u2014 thanks`;
const PII = ['alice@', 'example.org', '4111', 'GB82', '7946', '0958', 'WEST'];

let demo;
let browser;
let dataDir;

before(async () => {
  await mkdir(out, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'fieldguard-demo-test-'));
  delete process.env.FIELDGUARD_KEYRING; // the service must create dataDir/keyring.json, which the test reads
  demo = await startDemo({ port: 0, dataDir });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

after(async () => {
  await browser?.close();
  await demo?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A page in a context that cannot reach anything but the demo. */
async function openPage({ holdWasm } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
  await context.route((url) => !url.href.startsWith(demo.url), (route) => route.abort());
  if (holdWasm) await context.route(/\.wasm$/, holdWasm);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const wasmResponses = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmResponses.push(r); });
  return { context, page, errors, wasmResponses };
}

const feedback = (page, field) => page.locator(`#${field}-feedback`).innerText();
const lines = async (file) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

test('the wasm loads once, asynchronously, and the page reports time-to-ready', async () => {
  const { context, page, errors, wasmResponses } = await openPage();
  await page.goto(`${demo.url}/`);
  await page.waitForFunction(() => window.fgDemo?.state !== 'loading', null, { timeout: 30_000 });
  const state = await page.evaluate(() => window.fgDemo);
  assert.equal(state.state, 'ready', state.error);
  assert.equal(await page.locator('#name').isDisabled(), false);
  assert.equal(wasmResponses.length, 1, 'the wasm is fetched once');
  assert.equal((await wasmResponses[0].allHeaders())['content-encoding'], 'gzip');
  const wasm = await readFile(join(root, 'pkg/web/fieldguard_bg.wasm'));
  const weight = {
    wasmBytes: wasm.length,
    wasmGzipBytes: gzipSync(wasm, { level: 9 }).length,
    transferredBytes: state.wasmEncodedBytes,
    timeToReadyMs: state.timeToReadyMs,
    initMs: state.initMs,
  };
  assert.equal(weight.transferredBytes, weight.wasmGzipBytes, 'the server sends the gzipped wasm');
  console.log(`demo page weight: wasm ${weight.wasmBytes} bytes, ${weight.wasmGzipBytes} gzipped; ready ${weight.timeToReadyMs} ms after navigation (init ${weight.initMs} ms)`);
  await writeFile(join(out, 'page-weight.json'), `${JSON.stringify(weight, null, 2)}\n`);
  await page.screenshot({ path: join(out, '1-ready.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a loading state while the wasm loads, and a failed state that keeps the form disabled', async () => {
  // Hold the wasm request: the page must show its loading state meanwhile, then fail closed.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { context, page } = await openPage({ holdWasm: async (route) => { await held; await route.abort(); } });
  await page.goto(`${demo.url}/`);
  assert.equal(await page.locator('#status').innerText(), 'Loading fieldguard (wasm)…');
  assert.equal(await page.locator('#status').getAttribute('class'), 'status loading');
  assert.equal(await page.locator('#name').isDisabled(), true);
  await page.screenshot({ path: join(out, '0-loading.png'), fullPage: true });
  release();
  await page.waitForFunction(() => window.fgDemo?.state !== 'loading', null, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => window.fgDemo.state), 'failed');
  assert.match(await page.locator('#status').innerText(), /Could not load fieldguard .*form is disabled/s);
  assert.equal(await page.locator('#status').getAttribute('class'), 'status failed');
  assert.equal(await page.locator('#fields').evaluate((f) => f.disabled), true);
  assert.equal(await page.locator('#name').isDisabled(), true);
  assert.equal(await page.locator('#submit').isDisabled(), true);
  await page.screenshot({ path: join(out, '0-failed.png'), fullPage: true });
  await context.close();
});

test('hostile, PII-laden input: cleaned live, encrypted in the page, stored encrypted, logged redacted', async () => {
  const { context, page, errors } = await openPage();
  const requests = [];
  page.on('request', (r) => { if (r.method() === 'POST') requests.push({ url: r.url(), body: r.postData() ?? '' }); });
  await page.goto(`${demo.url}/`);
  await page.waitForFunction(() => window.fgDemo?.state === 'ready', null, { timeout: 30_000 });

  // Name: the report says what was cleaned, and warns about the look-alikes.
  await page.fill('#name', NAME);
  const name = await feedback(page, 'name');
  assert.match(name, /removed bidi override characters/);
  assert.match(name, /removed invisible characters \(zero-width\)/);
  assert.match(name, /collapsed whitespace, trimmed/);
  assert.match(name, /Look-alike characters: mixes scripts \(Cyrl \+ Latn\); it reads as “Alice Wonderland”/);
  assert.ok(name.includes(`Will be sent as ${NAME_CLEAN}`));

  // Username: Cyrillic look-alikes of a reserved name are refused.
  await page.fill('#username', FAKE_USERNAME);
  const username = await feedback(page, 'username');
  assert.match(username, /looks like the reserved name “paypal”; it reads as “paypal_support”/);
  assert.equal(await page.locator('.field[data-field=username]').getAttribute('class'), 'field invalid');

  // Email: a validation message while it is incomplete, the canonical form when valid.
  await page.locator('#email').pressSequentially('alice@');
  assert.match(await feedback(page, 'email'), /EMAIL_DOMAIN_INVALID/);
  await page.fill('#email', EMAIL);
  assert.match(await feedback(page, 'email'), /removed invisible characters \(zero-width\)/);
  assert.ok((await feedback(page, 'email')).includes(`Will be sent as ${EMAIL_CANONICAL}`));
  await page.fill('#phone', PHONE);
  assert.ok((await feedback(page, 'phone')).includes(`Will be sent as ${PHONE_CANONICAL}`));
  await page.fill('#card', '4111 1111 1111 1112');
  assert.match(await feedback(page, 'card'), /CARD_CHECKSUM/);
  await page.fill('#card', CARD);
  assert.ok((await feedback(page, 'card')).includes(`Will be sent as ${CARD_CANONICAL}`));

  // Message: an injection payload is flagged; PII is highlighted as it is typed.
  await page.fill('#message', 'hello <script>alert(1)</script>');
  assert.match(await feedback(page, 'message'), /INJECTION: looks like xss injection/);
  await page.fill('#message', '');
  await page.locator('#message').pressSequentially(MESSAGE);
  const marks = await page.locator('#message-backdrop mark').evaluateAll((ms) => ms.map((m) => [m.dataset.type, m.textContent]));
  assert.deepEqual(marks, [['CREDIT_CARD', CARD], ['IBAN_CODE', IBAN], ['EMAIL_ADDRESS', EMAIL_CANONICAL]]);
  assert.deepEqual(await page.locator('#pii-list li').allInnerTexts(), ['CREDIT_CARD (90)', 'IBAN_CODE (100)', 'EMAIL_ADDRESS (100)']);
  await page.screenshot({ path: join(out, '2-hostile-input.png'), fullPage: true });

  // A lone surrogate (possible by pasting): refused with a message, no exception.
  await page.locator('#phone').evaluate((input) => { input.value = '\uD800 020'; input.dispatchEvent(new Event('input')); });
  assert.match(await feedback(page, 'phone'), /^INVALID_ARGUMENT: this text contains characters that cannot be processed/);
  await page.fill('#phone', PHONE);

  // Submit is refused while the username imitates "paypal".
  await page.click('#submit');
  assert.match(await page.locator('#status').innerText(), /Please fix: username/);
  assert.equal(requests.length, 0, 'nothing is sent while a field is invalid');
  await page.fill('#username', ' Alice.W ');
  assert.ok((await feedback(page, 'username')).includes('Will be sent as alice.w'));

  await page.click('#submit');
  await page.waitForFunction(() => window.fgDemo.submitted, null, { timeout: 10_000 });
  const id = await page.evaluate(() => window.fgDemo.submitted);
  assert.match(await page.locator('#result-status').innerText(), new RegExp(`Stored as ${id}`));
  await page.screenshot({ path: join(out, '3-sent.png'), fullPage: true });

  // What left the page: tokens, never the PII.
  const submit = requests.find((r) => r.url.endsWith('/api/submit'));
  for (const s of PII) assert.ok(!submit.body.includes(s), `the request body must not contain ${s}`);
  const sent = JSON.parse(submit.body).record;
  for (const f of ['email', 'phone', 'card', 'message']) assert.match(sent[f], /^fg\.[A-Za-z0-9_-]+$/, f);
  assert.equal(sent.name, NAME_CLEAN);
  assert.equal(sent.username, 'alice.w');
  assert.equal(await page.locator('#sent').innerText(), JSON.stringify(JSON.parse(submit.body), null, 2));

  // What the service stored: tokens under its own keyring, bound to field and record.
  const [stored] = (await lines(join(dataDir, 'records.ndjson'))).map((l) => JSON.parse(l));
  const storedText = JSON.stringify(stored);
  for (const s of PII) assert.ok(!storedText.includes(s), `the stored record must not contain ${s}`);
  assert.equal(stored.record.id, id);
  assert.equal(stored.record.name, NAME_CLEAN);
  const keyring = fg.Keyring.fromJson(await readFile(join(dataDir, 'keyring.json'), 'utf8'));
  const ctx = (f) => `${f}\u0000${id}`;
  for (const f of ['email', 'phone', 'card', 'message']) {
    assert.match(stored.record[f], /^fg\./, f);
    assert.notEqual(stored.record[f], sent[f], `${f} is re-encrypted at rest, not the transport token`);
  }
  assert.equal(keyring.decrypt(stored.record.email, { context: ctx('email') }), EMAIL_CANONICAL);
  assert.equal(keyring.decrypt(stored.record.phone, { context: ctx('phone') }), PHONE_CANONICAL);
  assert.equal(keyring.decrypt(stored.record.card, { context: ctx('card') }), CARD_CANONICAL);
  assert.equal(keyring.decrypt(stored.record.message, { context: ctx('message') }), MESSAGE);
  assert.throws(() => keyring.decrypt(stored.record.card, { context: ctx('email') }), { code: 'DECRYPT_FAILED' });
  keyring.free();

  // What the service logged: the message with PII replaced by type tags.
  const log = await lines(join(dataDir, 'app.log'));
  assert.equal(log.length, 1);
  for (const s of PII) assert.ok(!log[0].includes(s), `the log must not contain ${s}`);
  const entry = JSON.parse(log[0]);
  assert.equal(entry.id, id);
  assert.equal(entry.message, 'Hi, please refund <CREDIT_CARD> to IBAN <IBAN_CODE>, or mail me at <EMAIL_ADDRESS> \u2014 thanks');

  // The second view shows the stored record and the log line.
  await page.click('#records-link');
  await page.waitForFunction(() => window.recordsReady === true);
  const rows = await page.locator('#fields-body tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.field, tr.dataset.encrypted]));
  assert.deepEqual(rows, [['id', 'false'], ['name', 'false'], ['username', 'false'], ['email', 'true'], ['phone', 'true'], ['card', 'true'], ['message', 'true']]);
  assert.equal(await page.locator('#stored').innerText(), JSON.stringify(stored, null, 2));
  const shownLog = await page.locator('#log').innerText();
  assert.equal(shownLog, log[0]);
  assert.match(shownLog, /<CREDIT_CARD>.*<IBAN_CODE>.*<EMAIL_ADDRESS>/);
  await page.screenshot({ path: join(out, '4-stored-and-log.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the service refuses plaintext, moved tokens, replays and invalid values', async () => {
  const post = async (path, body) => {
    const r = await fetch(`${demo.url}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
    return [r.status, await r.json()];
  };
  const [, session] = await post('/api/demo-keyring');
  const kr = fg.Keyring.fromJson(session.keyring);
  const enc = (field, value) => kr.encrypt(value, { context: `${field}\u0000${session.id}` });
  const base = { id: session.id, name: 'Bob', username: 'bob', message: enc('message', 'hello') };

  // Plaintext email, and a card token moved into the phone field: one error each.
  let [status, body] = await post('/api/submit', { id: session.id, record: { ...base, email: 'bob@example.com', phone: enc('card', CARD) } });
  assert.equal(status, 400);
  assert.deepEqual(body.errors.map((e) => [e.field, e.code]), [['email', 'NOT_ENCRYPTED'], ['phone', 'DECRYPT_FAILED']]);
  assert.ok(!JSON.stringify(body).includes('bob@'), 'errors never quote values');

  // The transport key was for one submission: a retry with the same ID is refused.
  [status, body] = await post('/api/submit', { id: session.id, record: { ...base, email: enc('email', 'bob@example.com') } });
  assert.equal(status, 400);
  assert.equal(body.errors[0].code, 'SESSION_UNKNOWN');
  kr.free();

  // A valid token of an invalid value: the service re-applies the policy.
  const [, s2] = await post('/api/demo-keyring');
  const kr2 = fg.Keyring.fromJson(s2.keyring);
  const enc2 = (field, value) => kr2.encrypt(value, { context: `${field}\u0000${s2.id}` });
  [status, body] = await post('/api/submit', { id: s2.id, record: { id: s2.id, name: 'Bob', username: 'bob', email: enc2('email', 'bob@'), message: enc2('message', 'hi') } });
  kr2.free();
  assert.equal(status, 400);
  assert.equal(body.errors[0].code, 'VALUE_INVALID');
  assert.match(body.errors[0].message, /field email: EMAIL_DOMAIN_INVALID/);
  assert.ok(!JSON.stringify(body).includes('bob@'));

  // A lone surrogate in a plain field (JSON "\ud800" escapes are legal): 400, not 500.
  const [, s3] = await post('/api/demo-keyring');
  const r3 = await fetch(`${demo.url}/api/submit`, { method: 'POST', body: `{"id":"${s3.id}","record":{"id":"${s3.id}","name":"B\\ud800b","username":"bob"}}` });
  assert.equal(r3.status, 400);
  assert.equal((await r3.json()).errors[0].code, 'INVALID_ARGUMENT');

  [status, body] = await post('/api/submit', 'not an object');
  assert.equal(status, 400);
  // Nothing of these was stored.
  assert.equal((await lines(join(dataDir, 'records.ndjson'))).length, 1);
});
