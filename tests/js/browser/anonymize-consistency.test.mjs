// Issue 5: "running the same value through the wasm API in Node and in the
// browser gives the same pseudonym". Headless Chromium loads the --target web
// build of the names entry (/pkg/names/web: the core plus the names feature,
// which the CLI has) as a page would; with the fixed keyring and the sample
// policy its `policy.applyWithKeyring` and `keyring.anonymize` must give
// byte for byte what the native CLI (target/debug/fieldguard, `cargo build
// --features cli`) and the Node build give.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  DEFAULT_POLICY_JSON, KEYRING_JSON, POLICY_JSON, TEXT_CASES, TICKETS_CSV, USERS_JSON,
  allRecords, at, parseCsv, runNative, valueCases,
} from '../anonymize-fixture.mjs';
import { fgNames as fg } from '../node/load.mjs';
import { openHarness, start } from './browser.mjs';

const records = allRecords();
let env, page, native;
const pageErrors = [];

before(async () => {
  native = runNative(records); // throws (fails every test) when the binary is missing
  env = await start();
  page = await openHarness(env, pageErrors);
});

after(async () => {
  await env?.stop();
});

/**
 * In the page: apply each policy to its rows and pseudonymize each value.
 * `jobs`: { policy, rows } list; `values`: [value, entityType] list.
 */
function inBrowser(jobs, values) {
  return page.evaluate(async ({ keyringJson, jobs, values }) => {
    const names = await import('/pkg/names/web/fieldguard.js');
    await names.default();
    const { Keyring, Policy } = names;
    const keyring = Keyring.fromJson(keyringJson);
    try {
      const lines = jobs.map(({ policy, rows }) => {
        const p = Policy.fromJson(policy);
        try {
          return rows.map((r) => JSON.stringify(p.applyWithKeyring(r, keyring).record));
        } finally {
          p.free();
        }
      });
      const fakes = values.map(([value, entityType]) => keyring.anonymize(value, { op: 'pseudonymize' }, { entityType }));
      return { lines, fakes };
    } finally {
      keyring.free();
    }
  }, { keyringJson: KEYRING_JSON, jobs, values });
}

test('Chromium: policy.applyWithKeyring equals `fieldguard check --policy`, byte for byte', async () => {
  const { lines } = await inBrowser([{ policy: POLICY_JSON, rows: records }], []);
  assert.equal(lines[0].length, records.length);
  for (let i = 0; i < records.length; i++) {
    assert.equal(lines[0][i], native.check[i], `record ${i} (${records[i].id})`);
  }
});

test('Chromium: keyring.anonymize gives the same pseudonyms as the native run and as Node', async () => {
  const values = [];
  const expected = [];
  records.forEach((record, i) => {
    const out = JSON.parse(native.check[i]);
    for (const [path, value, entityType] of valueCases(record)) {
      values.push([value, entityType]);
      expected.push(at(out, path));
    }
  });
  const { fakes } = await inBrowser([], [...values, ...TEXT_CASES.map(([v, t]) => [v, t])]);
  assert.deepEqual(fakes.slice(0, values.length), expected);
  // Free-text values: the browser's pseudonym is in the native scanned comment, and Node agrees.
  const keyring = fg.Keyring.fromJson(KEYRING_JSON);
  try {
    TEXT_CASES.forEach(([value, entityType, id], j) => {
      const fake = fakes[values.length + j];
      const out = JSON.parse(native.check[records.findIndex((r) => r.id === id)]);
      assert.ok(out.comment.includes(fake), `${id}: the browser's ${entityType} pseudonym is in the native comment`);
      assert.equal(fake, keyring.anonymize(value, { op: 'pseudonymize' }, { entityType }));
    });
  } finally {
    keyring.free();
  }
  assert.ok(fakes.length > 250, `${fakes.length} values compared`);
});

test('Chromium: policy.applyWithKeyring equals `fieldguard anonymize` (NDJSON, CSV, JSON array, default policy)', async () => {
  const rows = parseCsv(TICKETS_CSV);
  const users = JSON.parse(USERS_JSON);
  const { lines } = await inBrowser([
    { policy: POLICY_JSON, rows: records },
    { policy: DEFAULT_POLICY_JSON, rows: records },
    { policy: POLICY_JSON, rows },
    { policy: POLICY_JSON, rows: users },
  ], []);
  assert.deepEqual(lines[0], native.anonymize);
  assert.deepEqual(lines[1], native.anonymizeDefault);
  assert.deepEqual(lines[2].map((l) => JSON.parse(l)), parseCsv(native.ticketsCsv));
  assert.deepEqual(lines[3].map((l) => JSON.parse(l)), native.users);
});

test('Chromium: no page errors', () => {
  assert.deepEqual(pageErrors, []);
});
