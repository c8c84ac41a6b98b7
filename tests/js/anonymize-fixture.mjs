// Shared by tests/js/node/anonymize-consistency.test.mjs and
// tests/js/browser/anonymize-consistency.test.mjs: a fixed keyring, the
// sample policy, records full of PII, and the native CLI's output for them.
// Both suites assert that the wasm API (Node, Chromium) produces exactly what
// the native binary produces, record by record and value by value.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
/** The native CLI that `cargo build --features cli` (and `cargo test`) builds. */
export const CLI = fileURLToPath(new URL('target/debug/fieldguard', root));
const services = new URL('examples/data/services/', root);

/** A fixed keyring: a primary and an older decrypt-only key, so the primary is the one used. */
const material = (seed) => Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + seed) & 255)).toString('base64');
export const KEYRING_JSON = JSON.stringify({
  version: 1,
  keys: [
    { id: 4000000001, status: 'primary', material: material(11) },
    { id: 17, status: 'decrypt-only', material: material(200) },
  ],
});

/** The shared policy of the sample services (examples/data/services/policy.json). */
export const POLICY_JSON = readFileSync(new URL('policy.json', services), 'utf8');
/** What `fieldguard anonymize` applies without --policy (issue 5). */
export const DEFAULT_POLICY_JSON = '{"version":1,"pii":{"defaultOperator":{"op":"pseudonymize"}}}';

/**
 * Hand-made records: every entity type the policy names, in several layouts,
 * Unicode names, and the same values repeated in free text (where the pii
 * scan, not the field rule, must give the same pseudonym).
 */
export const RECORDS = [
  {
    id: 'c1', name: 'Zoë Łukasiewicz', email: 'zoe.lukasiewicz@example.com', phone: '+44 20 7946 0018',
    iban: 'GB82 WEST 1234 5698 7654 32', cards: [{ number: '4111 1111 1111 1111' }],
    comment: 'Reach me at zoe.lukasiewicz@example.com or +44 20 7946 0018; card 4111 1111 1111 1111.',
  },
  {
    id: 'c2', name: 'MARÍA JOSÉ GARCÍA-LÓPEZ', email: 'Maria.Garcia@Example.ORG', phone: '020 7946 0991',
    iban: 'DE89370400440532013000', cards: [{ number: '3782-822463-10005' }, { number: '5555555555554444' }],
    comment: 'Refund to DE89 3704 0044 0532 0130 00, confirmation to maria.garcia@example.org.',
  },
  {
    id: 'c3', name: 'J. R. Hartley', email: 'jr.hartley@example.net', phone: '+1 202-555-0147',
    iban: 'FR14 2004 1010 0505 0001 3M02 606', cards: [{ number: '6011 0009 9013 9424' }],
    comment: 'US line (202) 555-0147, old mobile 07700 900123, logged in from 192.0.2.44.',
  },
  {
    id: 'c4', name: 'Ngozi Okonkwo-Hale', email: ' ngozi@example.com ', phone: '+49 30 901820',
    iban: 'NL91ABNA0417164300', cards: [], total: 12345678901234567890, nested: { deep: [[{ note: 'ngozi@example.com' }]] },
    comment: '山田さん: 連絡先 ngozi@example.com, Karte 4000 0566 5566 5556 😀',
  },
];

/** The same records, together with the sample export (users.json as NDJSON, orders.ndjson). */
export function allRecords() {
  const users = JSON.parse(readFileSync(new URL('users.json', services), 'utf8'));
  const orders = readFileSync(new URL('orders.ndjson', services), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return [...RECORDS, ...users, ...orders];
}

/** The sample tickets file (CSV; only `fieldguard anonymize` reads CSV). */
export const TICKETS_CSV = readFileSync(new URL('tickets.csv', services), 'utf8');
/** The sample users file (one JSON array). */
export const USERS_JSON = readFileSync(new URL('users.json', services), 'utf8');

/** [field of the policy-applied record, raw value, entity type]: the field rules' pseudonyms. */
export function valueCases(record) {
  const cases = [
    ['email', record.email, 'EMAIL_ADDRESS'],
    ['phone', record.phone, 'PHONE_NUMBER'],
    ['iban', record.iban, 'IBAN_CODE'],
    ['name', record.name, 'PERSON_NAME'],
    ['customer_email', record.customer_email, 'EMAIL_ADDRESS'],
  ];
  (record.cards ?? []).forEach((c, i) => cases.push([`cards.${i}.number`, c.number, 'CREDIT_CARD']));
  if (record.shipping) {
    cases.push(['shipping.phone', record.shipping.phone, 'PHONE_NUMBER'], ['shipping.name', record.shipping.name, 'PERSON_NAME']);
  }
  return cases.filter(([, v]) => typeof v === 'string');
}

/** `path` ("cards.0.number") in a record. */
export function at(record, path) {
  return path.split('.').reduce((v, k) => (v == null ? undefined : v[k]), record);
}

/**
 * Free-text values (in `comment`/`notes`) whose pseudonym must appear in the
 * policy-applied text: [raw value, entity type, field].
 */
export const TEXT_CASES = [
  ['zoe.lukasiewicz@example.com', 'EMAIL_ADDRESS', 'c1'],
  ['+44 20 7946 0018', 'PHONE_NUMBER', 'c1'],
  ['4111 1111 1111 1111', 'CREDIT_CARD', 'c1'],
  ['DE89 3704 0044 0532 0130 00', 'IBAN_CODE', 'c2'],
  ['maria.garcia@example.org', 'EMAIL_ADDRESS', 'c2'],
  ['(202) 555-0147', 'PHONE_NUMBER', 'c3'],
  ['07700 900123', 'PHONE_NUMBER', 'c3'],
  ['192.0.2.44', 'IP_ADDRESS', 'c3'],
  ['ngozi@example.com', 'EMAIL_ADDRESS', 'c4'],
  ['4000 0566 5566 5556', 'CREDIT_CARD', 'c4'],
];

function cliRun(args) {
  return execFileSync(CLI, args, { encoding: 'utf8', env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Run the native CLI over `records` (written as NDJSON), the tickets CSV and
 * the users JSON array. Returns { check: lines of `fieldguard check
 * --policy`, anonymize: lines of `fieldguard anonymize --policy`,
 * anonymizeDefault: lines without --policy, ticketsCsv: the anonymized CSV
 * text, users: the anonymized users.json, parsed }.
 */
export function runNative(records) {
  if (!existsSync(CLI)) throw new Error(`build the native CLI first: cargo build --features cli (looked for ${CLI})`);
  const dir = mkdtempSync(join(tmpdir(), 'fieldguard-consistency-'));
  try {
    const keyring = join(dir, 'keyring.json');
    const policy = join(dir, 'policy.json');
    const input = join(dir, 'records.ndjson');
    writeFileSync(keyring, KEYRING_JSON, { mode: 0o600 });
    writeFileSync(policy, POLICY_JSON);
    writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const lines = (text) => text.split('\n').filter(Boolean);
    const result = { check: lines(cliRun(['check', '--quiet', '--policy', policy, '--keyring', keyring, '--in', input])) };
    const tickets = join(dir, 'tickets.csv');
    const users = join(dir, 'users.json');
    writeFileSync(tickets, TICKETS_CSV);
    writeFileSync(users, USERS_JSON);
    for (const [key, extra] of [['anonymize', ['--policy', policy]], ['anonymizeDefault', []]]) {
      const out = join(dir, key);
      cliRun(['anonymize', '--quiet', ...extra, '--keyring', keyring, input, tickets, users, '--out', out]);
      result[key] = lines(readFileSync(join(out, 'records.ndjson'), 'utf8'));
      if (key === 'anonymize') {
        result.ticketsCsv = readFileSync(join(out, 'tickets.csv'), 'utf8');
        result.users = JSON.parse(readFileSync(join(out, 'users.json'), 'utf8'));
      }
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) → row objects keyed by the header. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
