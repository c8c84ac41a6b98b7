// fieldguard/node (pkg-config/npm/helpers/, assembled into pkg/npm by
// .ci/package-npm.sh): the request-body checker and the log redaction
// helpers, against the Node build. Expected reasons come from the policy
// rules (src/policy/mod.rs) and the validators' documented codes; that
// errors list every rejected field is checked against the strict policy,
// whose VALUE_INVALID error names the first one.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fg, fgHtml } from './load.mjs';

const require = createRequire(import.meta.url);
const esm = await import('../../../pkg/npm/helpers/index.mjs');
const cjs = require('../../../pkg/npm/helpers/index.cjs');
const { bodyValidator, validateBody, redact, redactText, pinoRedaction, createHelpers } = esm;
// The package's Node instance: a keyring must come from the module the helpers are bound to.
const pkgFg = require('../../../pkg/npm/node/index.cjs');

const form = {
  version: 1,
  fields: {
    name: { required: true, clean: { preset: 'name' } },
    username: { required: true, clean: { preset: 'username' } },
    email: { required: true, clean: {}, validate: { type: 'email' } },
    phone: { validate: { type: 'phone', defaultCountry: 'US' } },
    card: { validate: { type: 'credit-card' } },
    'items[*].qty': { validate: { type: 'integer', min: 1, max: 99 } },
    nickname: { clean: { maxLength: 5, overLength: 'reject' }, onViolation: 'clean' },
    message: { clean: {}, detect: { minConfidence: 70 }, scan: true },
  },
  // Only the free text is scanned: the other fields are the user's own data, validated.
  pii: { scanAll: false },
};

test('ESM and CommonJS entries export the same helpers', () => {
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).sort());
  assert.deepEqual(Object.keys(cjs).sort(), ['bodyValidator', 'createHelpers', 'pinoRedaction', 'redact', 'redactText', 'validateBody']);
});

test('a valid body comes back sanitized and canonical, with the report', () => {
  const check = bodyValidator(form);
  const body = {
    name: '  Ana\u200B  María ', username: '\u202EAna_Admin', email: ' Ana@Example.ORG ',
    phone: '(202) 555-0142', card: '4111 1111 1111 1111', items: [{ qty: 2 }, { qty: '3' }],
    message: 'call me at ana@example.org',
  };
  const copy = structuredClone(body);
  const r = check(body);
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.deepEqual(body, copy, 'the body is not modified');
  assert.equal(r.value.name, 'Ana María'); // U+200B removed, whitespace collapsed and trimmed
  assert.equal(r.value.email, 'Ana@example.org'); // domain lower-cased, local part kept (RFC 5321)
  assert.equal(r.value.phone, '+12025550142'); // E.164
  assert.equal(r.value.card, '4111111111111111'); // validate canonicalizes to the digits
  assert.deepEqual(r.value.items, [{ qty: 2 }, { qty: '3' }]);
  assert.equal(r.value.message, 'call me at <EMAIL_ADDRESS>'); // the pii section scans free text
  assert.ok(r.report.fields.some((f) => f.field === 'name' && f.changes.includes('removed-invisible')));
  check.free();
});

test('every rejected field is listed at once, in policy order, never echoing values', () => {
  const check = bodyValidator(form);
  const secret = 'SECRET-7731';
  const body = {
    name: 'Ana', email: `${secret}.example.org`, phone: `555-${secret}`, card: '4111 1111 1111 1112',
    items: [{ qty: 0 }, { qty: 5 }, { qty: `${secret}` }], nickname: `${secret}-long`,
    message: `${secret}' OR '1'='1`,
  };
  const r = check(body);
  assert.equal(r.ok, false);
  assert.equal(r.status, 400);
  assert.deepEqual(r.errors.map((e) => [e.field, e.reason]), [
    ['username', 'REQUIRED'],
    ['email', 'EMAIL_MISSING_AT'],
    ['phone', 'PHONE_INVALID'],
    ['card', 'CARD_CHECKSUM'], // 4111…1112 fails the Luhn check by one
    ['items[*].qty', 'OUT_OF_RANGE'],
    ['items[*].qty', 'NUMBER_INVALID'],
    ['message', 'INJECTION'],
  ]);
  // nickname has onViolation "clean": nulled, reported, not an error.
  assert.ok(!JSON.stringify(r).includes(secret), JSON.stringify(r));
  for (const e of r.errors) assert.equal(typeof e.message, 'string');
  check.free();
});

test('the first error agrees with what the strict policy rejects', () => {
  const strict = fg.Policy.fromJson(form);
  for (const body of [
    { username: 'a', email: 'a@b.example' },
    { name: 'A', username: 'a', email: 'nope' },
    { name: 'A', username: 'a', email: 'a@b.example', items: [{ qty: 1 }, { qty: 100 }] },
    { name: 'A', username: 'a', email: 'a@b.example', message: '<script>alert(1)</script>' },
  ]) {
    const r = validateBody(form, body);
    assert.equal(r.ok, false);
    assert.throws(() => strict.apply(body), (e) => {
      assert.equal(e.code, 'VALUE_INVALID');
      assert.ok(e.message.includes(`field ${r.errors[0].field}: ${r.errors[0].reason}:`), `${e.message} vs ${JSON.stringify(r.errors[0])}`);
      return true;
    });
  }
  strict.free();
});

test('bodies that are not objects or not representable are 400s; setup errors throw', () => {
  const check = bodyValidator({ version: 1, fields: { n: { clean: {} } } });
  for (const body of [null, 'text', 42, [{ n: 'x' }]]) {
    assert.deepEqual(check(body).errors, [{ field: null, reason: 'BODY_NOT_OBJECT', message: 'the body must be a JSON object' }]);
  }
  // A lone surrogate cannot become the record's JSON: INVALID_ARGUMENT, no value in the message.
  const r = check({ n: 'x\uD800y' });
  assert.equal(r.status, 400);
  assert.equal(r.errors[0].reason, 'INVALID_ARGUMENT');
  assert.deepEqual(check({ n: 5 }).errors.map((e) => e.reason), ['TYPE_MISMATCH']);
  check.free();
  assert.throws(() => bodyValidator({ version: 1, fields: { n: { clen: {} } } }), (e) => e.code === 'POLICY_INVALID');
  assert.throws(() => bodyValidator({ version: 1, fields: { s: { anonymize: { op: 'encrypt' } } } }), /needs a keyring/);
  assert.throws(() => bodyValidator('{not json'), (e) => e.code === 'POLICY_INVALID');
});

test('with a keyring, protected fields come back as tokens bound to the field', () => {
  const kr = pkgFg.Keyring.generate();
  const policy = JSON.stringify({ version: 1, fields: { ssn: { required: true, anonymize: { op: 'encrypt' } } } });
  const r = validateBody(policy, { ssn: '078-05-1120' }, { keyring: kr });
  assert.equal(r.ok, true);
  assert.match(r.value.ssn, /^fg\./);
  assert.equal(kr.decrypt(r.value.ssn, { context: 'ssn' }), '078-05-1120');
  assert.deepEqual(validateBody(policy, {}, { keyring: kr }).errors.map((e) => e.reason), ['REQUIRED']);
  kr.free();
});

test('createHelpers binds another entry: the HTML one runs html steps', () => {
  const h = createHelpers(fgHtml);
  const r = h.validateBody({ version: 1, fields: { bio: { html: {} } } }, { bio: '<b onclick="x()">hi</b>' });
  assert.deepEqual(r.value, { bio: '<b>hi</b>' });
  assert.throws(() => createHelpers({}), TypeError);
  assert.throws(() => createHelpers(null), TypeError);
});

test('redact: PII in every string at any depth, keys and other values kept', () => {
  const when = new Date(0);
  const input = {
    msg: 'signup from ana@example.org',
    'ana@example.org': 1, // keys are not scanned (they are field names)
    req: { ip: '203.0.113.7', headers: { ua: 'curl/8' }, ids: [1, true, null, 'iban DE89 3704 0044 0532 0130 00'] },
    when, bytes: new Uint8Array([1, 2]),
  };
  const copy = structuredClone(input);
  assert.deepEqual(redact(input), {
    msg: 'signup from <EMAIL_ADDRESS>',
    'ana@example.org': 1,
    req: { ip: '<IP_ADDRESS>', headers: { ua: 'curl/8' }, ids: [1, true, null, 'iban <IBAN_CODE>'] },
    when, bytes: '[Binary]',
  });
  assert.deepEqual(input, copy, 'the input is not modified');
  for (const v of [undefined, null, 7, true, 'no pii here']) assert.equal(redact(v), v);
  assert.equal(redactText('card 4111 1111 1111 1111', { operators: { CREDIT_CARD: { op: 'mask', keepLast: 4 } } }), 'card **** **** **** 1111');
});

test('redact with a keyring: hashes join log lines without revealing the value', () => {
  const kr = pkgFg.Keyring.generate();
  const options = { keyring: kr, operators: { EMAIL_ADDRESS: { op: 'hash', length: 8 } } };
  const a = redactText('login ana@example.org', options);
  const b = redact({ m: 'logout ana@example.org' }, options).m;
  assert.match(a, /^login [0-9a-f]{16}$/); // 8 bytes, hex
  assert.equal(a.slice(6), b.slice(7));
  // Without the keyring the operator cannot run: fail closed.
  assert.equal(redactText('login ana@example.org', { operators: options.operators }), '[REDACTED]');
  kr.free();
});

test('redact fails closed and survives hostile shapes', () => {
  assert.equal(redactText('ana@example.org \uD800'), '[REDACTED]'); // lone surrogate: cannot be scanned
  assert.equal(redactText('a'.repeat(8 * 1024 * 1024 + 1)), '[REDACTED]'); // over the 8 MiB scan limit
  const cyclic = { a: 'ana@example.org' };
  cyclic.self = cyclic;
  assert.deepEqual(redact(cyclic), { a: '<EMAIL_ADDRESS>', self: '[Circular]' });
  const shared = { e: 'x@example.org' };
  assert.deepEqual(redact([shared, shared]), [{ e: '<EMAIL_ADDRESS>' }, { e: '<EMAIL_ADDRESS>' }]);
  let deep = 'bottom';
  for (let i = 0; i < 10_000; i += 1) deep = { d: deep };
  assert.doesNotThrow(() => JSON.stringify(redact(deep)));
  const trap = new Proxy({}, { ownKeys() { throw new Error('ana@example.org'); } });
  assert.deepEqual(redact({ ok: 'x', trap }), { ok: 'x', trap: '[Unreadable]' });
  const err = Object.assign(new Error('no user ana@example.org'), { code: 'E_USER' });
  const r = redact({ err });
  assert.equal(r.err.type, 'Error');
  assert.equal(r.err.message, 'no user <EMAIL_ADDRESS>');
  assert.equal(r.err.code, 'E_USER');
  assert.ok(!r.err.stack.includes('ana@example.org'));
});

test('pinoRedaction: formatters.log and hooks.logMethod as pino calls them', () => {
  const { formatters, hooks } = pinoRedaction();
  // pino: the merging object goes through formatters.log, then is serialized.
  const line = JSON.stringify({ level: 30, ...formatters.log({ user: { email: 'ana@example.org' } }), msg: 'x' });
  assert.ok(!line.includes('ana@example.org'), line);
  // pino: logMethod(inputArgs, method, level) with the logger as `this`.
  const logger = { name: 'logger' };
  let seen;
  hooks.logMethod.call(logger, [{ to: 'bob@example.com' }, 'sent to %s', 'bob@example.com'], function (...args) { seen = [this, args]; }, 30);
  assert.equal(seen[0], logger);
  assert.deepEqual(seen[1], [{ to: '<EMAIL_ADDRESS>' }, 'sent to %s', '<EMAIL_ADDRESS>']);
});
