// Issue 5: "running the same value through the wasm API in Node and in the
// browser gives the same pseudonym" — here Node against the native CLI
// (target/debug/fieldguard, built by `cargo build --features cli`). With one
// fixed keyring and the sample policy, `policy.applyWithKeyring` must give
// byte-identical records to `fieldguard check --policy` and `fieldguard
// anonymize`, and `keyring.anonymize(value, {op: 'pseudonymize'}, {entityType})`
// on a raw value must give the pseudonym the native run put in its field and
// in free text.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  DEFAULT_POLICY_JSON, KEYRING_JSON, POLICY_JSON, RECORDS, TEXT_CASES, TICKETS_CSV, USERS_JSON,
  allRecords, at, parseCsv, runNative, valueCases,
} from '../anonymize-fixture.mjs';
// The CLI includes the names feature, so the wasm side is the names entry (core + names).
import { fgNames as fg } from './load.mjs';

const PSEUDONYMIZE = { op: 'pseudonymize' };
const records = allRecords();
let native;

before(() => {
  native = runNative(records); // throws (fails every test) when the binary is missing
});

/** Apply `policyJson` to each record in wasm; the records as compact JSON lines. */
function wasmLines(policyJson, rows) {
  const keyring = fg.Keyring.fromJson(KEYRING_JSON);
  const policy = fg.Policy.fromJson(policyJson);
  try {
    return rows.map((r) => JSON.stringify(policy.applyWithKeyring(r, keyring).record));
  } finally {
    policy.free();
    keyring.free();
  }
}

test('the fixture exercises every field rule and free-text type', () => {
  assert.equal(records.length, RECORDS.length + 25 + 60);
  assert.equal(native.check.length, records.length);
  const out = JSON.parse(native.check[0]);
  assert.notEqual(out.email, RECORDS[0].email);
  assert.match(out.email, /^[a-z0-9._]+@example\.com$/); // domain kept
  assert.equal(out.comment.includes('zoe.lukasiewicz'), false);
});

test('Node: policy.applyWithKeyring equals `fieldguard check --policy`, byte for byte', () => {
  const lines = wasmLines(POLICY_JSON, records);
  for (let i = 0; i < records.length; i++) {
    assert.equal(lines[i], native.check[i], `record ${i} (${records[i].id})`);
  }
});

test('Node: keyring.anonymize on raw values gives the pseudonyms of the native run', () => {
  const keyring = fg.Keyring.fromJson(KEYRING_JSON);
  let n = 0;
  try {
    records.forEach((record, i) => {
      const out = JSON.parse(native.check[i]);
      for (const [path, value, entityType] of valueCases(record)) {
        assert.equal(keyring.anonymize(value, PSEUDONYMIZE, { entityType }), at(out, path), `${record.id} ${path}`);
        n++;
      }
    });
    // Free text: the pii scan gives each finding the same pseudonym as the whole value.
    for (const [value, entityType, id] of TEXT_CASES) {
      const out = JSON.parse(native.check[records.findIndex((r) => r.id === id)]);
      const fake = keyring.anonymize(value, PSEUDONYMIZE, { entityType });
      assert.notEqual(fake, value);
      assert.ok(out.comment.includes(fake), `${id}: the ${entityType} pseudonym is in the scanned comment`);
      assert.equal(out.comment.includes(value), false, `${id}: the original ${entityType} is gone`);
      n++;
    }
  } finally {
    keyring.free();
  }
  assert.ok(n > 250, `${n} values compared`);
});

test('Node: one customer, one pseudonym across services (users, orders)', () => {
  const keyring = fg.Keyring.fromJson(KEYRING_JSON);
  try {
    const byEmail = new Map();
    records.forEach((r, i) => {
      if (typeof r.email === 'string' && r.id.startsWith('usr_')) byEmail.set(r.email, JSON.parse(native.check[i]).email);
    });
    let joined = 0;
    records.forEach((r, i) => {
      if (typeof r.customer_email !== 'string') return;
      const want = byEmail.get(r.customer_email.trim().toLowerCase());
      assert.ok(want, `${r.id}: the order's customer is a user`);
      assert.equal(JSON.parse(native.check[i]).customer_email, want, r.id);
      joined++;
    });
    assert.equal(joined, 60);
  } finally {
    keyring.free();
  }
});

test('Node: policy.applyWithKeyring equals `fieldguard anonymize` (NDJSON, CSV, JSON array, default policy)', () => {
  assert.deepEqual(native.anonymize, native.check);
  assert.deepEqual(native.anonymizeDefault, wasmLines(DEFAULT_POLICY_JSON, records));
  // CSV: compare the parsed rows (quoting style is the writer's choice).
  const rows = parseCsv(TICKETS_CSV);
  assert.equal(rows.length, 30);
  const wasm = wasmLines(POLICY_JSON, rows).map((l) => JSON.parse(l));
  assert.deepEqual(parseCsv(native.ticketsCsv), wasm);
  // JSON array: compare the parsed records (the layout of the array is the writer's choice).
  const users = JSON.parse(USERS_JSON);
  assert.deepEqual(native.users, wasmLines(POLICY_JSON, users).map((l) => JSON.parse(l)));
});
