// Hostile calls: every export and method of both Node entries, called with
// wrong types in each argument position (Symbols, BigInts, throwing and
// revoked proxies, the other wasm class, freed objects), after free(), with
// double free, and with arguments whose getters/toString/toJSON re-enter the
// object under call. Every throw must be a FieldguardError whose `code` is in
// the declared ErrorCode union: the types promise a code on every error, and
// a glue message such as "expected instance of Keyring" or "null pointer
// passed to rust" breaks that promise. A WebAssembly.RuntimeError (a trap)
// fails the test too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { entries } from './load.mjs';

/** The ErrorCode union as the package declares it (fieldguard.d.ts). */
const declaredCodes = new Set(
  readFileSync(new URL('../../../pkg/nodejs/fieldguard.d.ts', import.meta.url), 'utf8')
    .match(/export type ErrorCode =([^;]*);/)[1]
    .match(/"([A-Z_]+)"/g)
    .map((s) => s.slice(1, -1)),
);

const boom = () => {
  throw new Error('hostile trap');
};
/** A proxy that throws from every trap. */
const throwingProxy = () =>
  new Proxy({}, Object.fromEntries(['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'set', 'apply', 'construct', 'defineProperty', 'deleteProperty', 'isExtensible', 'preventExtensions', 'setPrototypeOf'].map((t) => [t, boom])));
const revoked = () => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};
const detached = () => {
  const u = new Uint8Array(8);
  structuredClone(u.buffer, { transfer: [u.buffer] });
  return u;
};

/**
 * Hostile argument values. Each is a factory taking the objects of the call
 * under test ({ fg, kr, policy }) so that re-entrant ones act on exactly the
 * keyring/policy that is mid-call.
 */
const hostile = {
  undefined: () => undefined,
  null: () => null,
  number: () => 42,
  NaN: () => NaN,
  fraction: () => 1.5,
  huge: () => 2 ** 53,
  boolean: () => true,
  string: () => 'str',
  loneSurrogate: () => '\uD800',
  symbol: () => Symbol('s'),
  bigint: () => 10n,
  object: () => ({}),
  nullProto: () => Object.create(null),
  array: () => [1, 2],
  function: () => () => {},
  boxedString: () => new String('x'),
  date: () => new Date(0),
  map: () => new Map(),
  bytes: () => new Uint8Array(3),
  buffer: () => Buffer.from('ab'),
  u16: () => new Uint16Array(2),
  arrayBuffer: () => new ArrayBuffer(4),
  dataView: () => new DataView(new ArrayBuffer(4)),
  detachedBytes: detached,
  throwingProxy,
  revokedProxy: revoked,
  proxyOfBytes: () => new Proxy(new Uint8Array(4), { get: boom }),
  proxyOfKeyring: ({ kr }) => new Proxy(kr, {}),
  fakeKeyring: ({ fg }) => Object.create(fg.Keyring.prototype),
  otherKeyring: ({ fg }) => fg.Keyring.generate(),
  freedKeyring: ({ fg }) => {
    const k = fg.Keyring.generate();
    k.free();
    return k;
  },
  policy: ({ policy }) => policy,
  keyringObject: ({ kr }) => kr,
  freedPolicy: ({ fg }) => {
    const p = fg.Policy.fromJson({ version: 1, fields: {} });
    p.free();
    return p;
  },
  throwingGetters: () => ({ get context() { boom(); }, get op() { boom(); }, get maxInputBytes() { boom(); } }),
  throwingToJson: () => ({ toJSON: boom }),
  cycle: () => {
    const o = {};
    o.self = o;
    return o;
  },
  toPrimitive: () => ({ [Symbol.toPrimitive]: boom, toString: boom, valueOf: boom }),
  // Re-entrancy: the value frees or mutates the object while it is under call.
  freesKeyringInGetter: ({ kr }) => ({ get context() { kr.free(); return 'c'; }, get op() { kr.free(); return 'hash'; } }),
  rotatesInGetter: ({ kr }) => ({ get context() { kr.rotate(); return 'c'; } }),
  reentersInGetter: ({ kr }) => ({ get context() { return kr.encrypt('again'); } }),
  freesKeyringInToJson: ({ kr }) => ({ toJSON() { kr.free(); return {}; } }),
  freesPolicyInToJson: ({ policy }) => ({ toJSON() { policy.free(); return {}; } }),
  rotatesInToJson: ({ kr }) => ({ toJSON() { kr.rotate(); return { name: 'x' }; } }),
  freesInToString: ({ kr }) => ({ toString() { kr.free(); return 'x'; }, valueOf() { kr.free(); return 1; }, [Symbol.toPrimitive]() { kr.free(); return 'x'; } }),
};

const policyJson = {
  version: 1,
  fields: { name: { clean: {}, anonymize: { op: 'pseudonymize' }, entity: 'PERSON_NAME' }, note: { clean: {}, detect: {}, onViolation: 'clean' } },
};

/** Every callable: [name, valid arguments, call]. `o` holds fg, kr, policy. */
function callables(fg, html) {
  const token = (o) => o.kr.encrypt('v');
  const list = [
    ['clean', () => ['x', {}], (o, a) => fg.clean(...a)],
    ['skeleton', () => ['x'], (o, a) => fg.skeleton(...a)],
    ['areConfusable', () => ['x', 'y'], (o, a) => fg.areConfusable(...a)],
    ['analyzeScripts', () => ['x'], (o, a) => fg.analyzeScripts(...a)],
    ['escape', () => ['x', 'html-text'], (o, a) => fg.escape(...a)],
    ['validate', () => ['email', 'a@b.co', {}], (o, a) => fg.validate(...a)],
    ['detectInjection', () => ['x', {}], (o, a) => fg.detectInjection(...a)],
    ['scanPii', () => ['x', {}], (o, a) => fg.scanPii(...a)],
    ['anonymizeText', (o) => [o.kr, 'a@b.co', { defaultOperator: { op: 'hash' } }], (o, a) => fg.anonymizeText(...a)],
    ['anonymizeValue', (o) => [o.kr, 'x', { op: 'hash' }, { context: 'c' }], (o, a) => fg.anonymizeValue(...a)],
    ['inspectToken', (o) => [token(o)], (o, a) => fg.inspectToken(...a)],
    ['deriveSubkey', () => [new Uint8Array(32), 'hash'], (o, a) => fg.deriveSubkey(...a)],
    ['version', () => [], (o, a) => fg.version(...a)],
    ['Keyring.generate', () => [], (o, a) => fg.Keyring.generate(...a)],
    ['Keyring.fromJson', (o) => [o.kr.toJson()], (o, a) => fg.Keyring.fromJson(...a)],
    ['Policy.fromJson', () => [policyJson], (o, a) => fg.Policy.fromJson(...a)],
    ['kr.toJson', () => [], (o, a) => o.kr.toJson(...a)],
    ['kr.rotate', () => [], (o, a) => o.kr.rotate(...a)],
    ['kr.setStatus', (o) => [o.kr.primaryKeyId, 'primary'], (o, a) => o.kr.setStatus(...a)],
    ['kr.primaryKeyId', () => [], (o) => o.kr.primaryKeyId],
    ['kr.keys', () => [], (o, a) => o.kr.keys(...a)],
    ['kr.encrypt', () => ['x', { context: 'c' }], (o, a) => o.kr.encrypt(...a)],
    ['kr.decrypt', (o) => [token(o), {}], (o, a) => o.kr.decrypt(...a)],
    ['kr.encryptBytes', () => [new Uint8Array(2), { context: 'c' }], (o, a) => o.kr.encryptBytes(...a)],
    ['kr.decryptBytes', (o) => [o.kr.encryptBytes(new Uint8Array(2)), {}], (o, a) => o.kr.decryptBytes(...a)],
    ['kr.encryptDeterministic', () => ['x', { context: 'c' }], (o, a) => o.kr.encryptDeterministic(...a)],
    ['kr.encryptDeterministicBytes', () => [new Uint8Array(2), { context: 'c' }], (o, a) => o.kr.encryptDeterministicBytes(...a)],
    ['kr.reencrypt', (o) => [token(o), {}], (o, a) => o.kr.reencrypt(...a)],
    ['kr.reencryptBytes', (o) => [o.kr.encryptBytes(new Uint8Array(2)), {}], (o, a) => o.kr.reencryptBytes(...a)],
    ['kr.blindIndex', () => ['x', { context: 'c' }], (o, a) => o.kr.blindIndex(...a)],
    ['kr.anonymize', () => ['x', { op: 'hash' }, { context: 'c' }], (o, a) => o.kr.anonymize(...a)],
    ['kr.anonymizeText', () => ['a@b.co', { defaultOperator: { op: 'hash' } }], (o, a) => o.kr.anonymizeText(...a)],
    ['kr.free', () => [], (o, a) => o.kr.free(...a)],
    ['policy.fields', () => [], (o, a) => o.policy.fields(...a)],
    ['policy.needsKeyring', () => [], (o) => o.policy.needsKeyring],
    ['policy.apply', () => [{ name: 'Ann', note: 'hi' }], (o, a) => o.policy.apply(...a)],
    ['policy.applyField', () => ['note', 'hi'], (o, a) => o.policy.applyField(...a)],
    ['policy.applyWithKeyring', (o) => [{ name: 'Ann' }, o.kr], (o, a) => o.policy.applyWithKeyring(...a)],
    ['policy.applyFieldWithKeyring', (o) => ['name', 'Ann', o.kr], (o, a) => o.policy.applyFieldWithKeyring(...a)],
    ['policy.free', () => [], (o, a) => o.policy.free(...a)],
  ];
  if (html) list.push(['sanitizeHtml', () => ['<b>x</b>', {}], (o, a) => fg.sanitizeHtml(...a)]);
  return list;
}

/** Classify one call: null when it returned or threw a declared code, else a description. */
function attempt(f) {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof Error && e.name === 'FieldguardError' && declaredCodes.has(e.code)) return null;
    return `${e?.constructor?.name}: ${e?.message ?? String(e)} (code ${e?.code})`;
  }
}

function runHostile(fg, html) {
  const failures = [];
  let calls = 0;
  const fresh = () => ({ fg, kr: fg.Keyring.generate(), policy: fg.Policy.fromJson(policyJson) });
  const check = (label, f) => {
    calls++;
    const bad = attempt(f);
    if (bad) failures.push(`${label}: ${bad}`);
  };
  for (const [name, valid, call] of callables(fg, html)) {
    const arity = valid(fresh()).length;
    // One more position than declared: extra arguments must be harmless.
    for (let pos = 0; pos <= arity; pos++) {
      for (const [hname, make] of Object.entries(hostile)) {
        const o = fresh();
        check(`${name} arg ${pos} = ${hname}`, () => {
          const args = valid(o);
          args[pos] = make(o);
          call(o, args);
        });
        // The objects under call must still be freeable afterwards.
        check(`${name} arg ${pos} = ${hname}, then kr.free()`, () => o.kr.free());
        check(`${name} arg ${pos} = ${hname}, then policy.free()`, () => o.policy.free());
      }
    }
    // Use after free and double free of each object.
    for (const which of ['kr', 'policy']) {
      const o = fresh();
      const args = valid(o);
      o[which].free();
      check(`${name} after ${which}.free()`, () => call(o, args));
      check(`${name}: ${which}.free() twice`, () => o[which].free());
    }
  }
  return { calls, failures };
}

for (const [entry, fg] of entries) {
  test(`${entry}: every error from a hostile call is a FieldguardError with a declared code`, () => {
    const { calls, failures } = runHostile(fg, entry === 'html');
    console.log(`${entry}: ${calls} hostile calls, ${failures.length} errors without a declared code`);
    assert.ok(calls > 5000, `only ${calls} calls`);
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${calls} calls threw uncoded errors`);
    // The instance still works.
    assert.equal(fg.escape('<b>', 'html-text'), '&lt;b&gt;');
  });
}

test('free() works after a call abandoned mid-way (a throwing proxy), and the keyring then reads as freed', () => {
  for (const [, fg] of entries) {
    const kr = fg.Keyring.generate();
    const tok = kr.encrypt('secret');
    // ownKeys throws while the keyring method is checking its options.
    const proxy = new Proxy({}, { ownKeys: boom });
    assert.equal(attempt(() => kr.encrypt('x', proxy)), null);
    // The keyring still works, and free() succeeds.
    assert.equal(kr.decrypt(tok), 'secret');
    kr.free();
    assert.throws(() => kr.decrypt(tok), (e) => e.name === 'FieldguardError' && e.code === 'INVALID_ARGUMENT');
  }
});

test('re-entrant free during a call: the call fails with a code, the object ends up freed', () => {
  for (const [, fg] of entries) {
    const kr = fg.Keyring.generate();
    const opts = { get context() { kr.free(); return 'c'; } };
    assert.equal(attempt(() => kr.encrypt('x', opts)), null);
    assert.throws(() => kr.encrypt('x'), (e) => e.code === 'INVALID_ARGUMENT');
    const policy = fg.Policy.fromJson(policyJson);
    const k2 = fg.Keyring.generate();
    assert.equal(attempt(() => policy.applyWithKeyring({ toJSON() { k2.free(); return { name: 'Ann' }; } }, k2)), null);
    assert.throws(() => k2.toJson(), (e) => e.code === 'INVALID_ARGUMENT');
    policy.free();
  }
});
