// The one runner of tests/vectors/*.json for every JS runtime (Node, Deno,
// Chromium). `fg` is the loaded fieldguard module (any build target). The
// native runner, tests/vectors.rs, implements the same ops; a vector file's
// "cases" must give identical results in all four.

import { fromHex, toHex } from './reference.mjs';

const utf8 = new TextEncoder();

function context(c) {
  if (c.context_hex !== undefined) return fromHex(c.context_hex);
  return c.context ?? '';
}

function keyring(fg, file, c) {
  if (c.keyring_json !== undefined) return fg.Keyring.fromJson(c.keyring_json);
  const data = file.keyrings?.[c.keyring];
  if (!data) throw new Error(`vector error: unknown keyring ${c.keyring}`);
  return fg.Keyring.fromJson(JSON.stringify(data));
}

const ops = {
  // The sanitize/validate/detect APIs: `fg[fn](...args)`; tests/calls/ in
  // the native runner maps the same names to the Rust API.
  call: (fg, _file, c) => {
    const f = fg[c.fn];
    if (typeof f !== 'function') throw new Error(`vector error: no function ${c.fn} in this build`);
    return f(...(c.args ?? []));
  },
  // A policy over one record (or, with `field`, over one value), with a keyring when the case names one.
  policy: (fg, file, c) => {
    const policy = fg.Policy.fromJson(JSON.stringify(c.policy));
    const kr = c.keyring !== undefined ? keyring(fg, file, c) : null;
    try {
      if (kr) {
        return c.field !== undefined ? policy.applyFieldWithKeyring(c.field, c.record, kr) : policy.applyWithKeyring(c.record, kr);
      }
      return c.field !== undefined ? policy.applyField(c.field, c.record) : policy.apply(c.record);
    } finally {
      policy.free();
      kr?.free();
    }
  },
  // Free text anonymized; the keyring is optional (null when no operator needs one).
  anonymize_text: (fg, file, c) => {
    const kr = c.keyring !== undefined ? keyring(fg, file, c) : null;
    try {
      return fg.anonymizeText(kr, c.text, c.options);
    } finally {
      kr?.free();
    }
  },
  // A PII operator over one value; the keyring is optional (null for keyless operators).
  anonymize: (fg, file, c) => {
    const kr = c.keyring !== undefined ? keyring(fg, file, c) : null;
    try {
      return fg.anonymizeValue(kr, c.value, c.operator, c.options);
    } finally {
      kr?.free();
    }
  },
  // A policy applied with a keyring, then its tokens opened: each `open` entry names a token
  // by JSON pointer (`in_text`: the first fg. token inside that string) and the context to try.
  policy_open: (fg, file, c) => {
    const policy = fg.Policy.fromJson(JSON.stringify(c.policy));
    const kr = keyring(fg, file, c);
    try {
      const { record } = c.field !== undefined ? policy.applyFieldWithKeyring(c.field, c.record, kr) : policy.applyWithKeyring(c.record, kr);
      return c.open.map((o) => {
        const found = pointer(record, o.at);
        if (typeof found !== 'string') throw new Error(`vector error: no string at ${o.at}`);
        const token = o.in_text ? found.match(/fg\.[A-Za-z0-9_-]+/)[0] : found;
        try {
          return kr.decrypt(token, { context: o.context });
        } catch (e) {
          if (e?.name === 'FieldguardError') return { error: e.code };
          throw e;
        }
      });
    } finally {
      policy.free();
      kr.free();
    }
  },
  derive_subkey: (fg, _file, c) => toHex(fg.deriveSubkey(fromHex(c.master_key), c.purpose)),
  keyring_parse: (fg, file, c) => {
    const kr = keyring(fg, file, c);
    try {
      return { primary_key_id: kr.primaryKeyId, keys: kr.keys() };
    } finally {
      kr.free();
    }
  },
  decrypt: (fg, file, c) => withKeyring(fg, file, c, (kr) => kr.decrypt(c.token, { context: context(c) })),
  decrypt_bytes: (fg, file, c) =>
    withKeyring(fg, file, c, (kr) => toHex(kr.decryptBytes(fromHex(c.token_hex), { context: context(c) }))),
  encrypt_deterministic: (fg, file, c) =>
    withKeyring(fg, file, c, (kr) =>
      kr.encryptDeterministic(c.plaintext, { context: context(c), ...(c.key_id ? { keyId: c.key_id } : {}) })),
  encrypt_deterministic_bytes: (fg, file, c) =>
    withKeyring(fg, file, c, (kr) => toHex(kr.encryptDeterministicBytes(fromHex(c.plaintext_hex), { context: context(c) }))),
  blind_index: (fg, file, c) =>
    withKeyring(fg, file, c, (kr) =>
      kr.blindIndex(c.value, {
        context: context(c),
        ...(c.length !== undefined ? { length: c.length } : {}),
        ...(c.case_insensitive !== undefined ? { caseInsensitive: c.case_insensitive } : {}),
        ...(c.key_id !== undefined ? { keyId: c.key_id } : {}),
      })),
  inspect: (fg, _file, c) => {
    const info = fg.inspectToken(c.token_hex !== undefined ? fromHex(c.token_hex) : c.token);
    return { format: info.format, key_id: info.keyId };
  },
  roundtrip: (fg, file, c) =>
    withKeyring(fg, file, c, (kr) => {
      const token = kr.encrypt(c.plaintext, { context: context(c) });
      const bytes = toHex(kr.decryptBytes(kr.encryptBytes(utf8.encode(c.plaintext), { context: context(c) }), { context: context(c) }));
      if (bytes !== toHex(utf8.encode(c.plaintext))) throw new Error('bytes round trip differs');
      return { plaintext: kr.decrypt(token, { context: context(c) }), key_id: fg.inspectToken(token).keyId };
    }),
  reencrypt: (fg, file, c) =>
    withKeyring(fg, file, c, (kr) => {
      const again = kr.reencrypt(c.token, { context: context(c) });
      return {
        plaintext: kr.decrypt(again, { context: context(c) }),
        key_id: fg.inspectToken(again).keyId,
        format: fg.inspectToken(again).format,
        unchanged: again === c.token,
      };
    }),
};

/** RFC 6901 JSON pointer into a parsed value. */
function pointer(value, at) {
  if (at === '') return value;
  return at.slice(1).split('/').reduce((v, step) => v?.[step.replaceAll('~1', '/').replaceAll('~0', '~')], value);
}

function withKeyring(fg, file, c, f) {
  const kr = keyring(fg, file, c);
  try {
    return f(kr);
  } finally {
    kr.free();
  }
}

/** Run one case: `{ ok: value }` or `{ error: code }`. A thrown error without a code is returned as `{ crash }`. */
export function runCase(fg, file, c) {
  const op = ops[c.op];
  if (!op) return { crash: `unknown op ${c.op}` };
  try {
    let ok = op(fg, file, c);
    // The names entry's PERSON_NAME/LOCATION/STREET_ADDRESS findings are checked by
    // pii-names.json; the other files describe the core recognizers (as in tests/vectors.rs).
    if (file.requires === undefined && Array.isArray(ok) && hasNames(fg)) {
      ok = ok.filter((f) => !NAME_TYPES.has(f?.entityType));
    }
    return { ok };
  } catch (e) {
    if (e instanceof Error && typeof e.code === 'string' && e.name === 'FieldguardError') return { error: e.code };
    return { crash: String(e?.stack ?? e) };
  }
}

/** The expected outcome of a case in the same shape as runCase's result. */
export function expected(c) {
  return c.error !== undefined ? { error: c.error } : { ok: c.expect };
}

/** Run every case of a parsed vector file; returns a list of failures (empty when all pass). */
export function runFile(fg, name, file) {
  const failures = [];
  if (!supports(fg, file)) return failures;
  for (const c of file.cases) {
    const got = runCase(fg, file, c);
    const want = expected(c);
    if (canonical(got) !== canonical(want)) failures.push({ file: name, case: c.name, want, got });
  }
  return failures;
}

/** Whether this build can run the file: `"requires": "html"` needs the HTML entry,
 * `"names"` an entry with the names feature (pkg/names), `"no-names"` one without it. */
export function supports(fg, file) {
  if (file.requires === 'html') return typeof fg.sanitizeHtml === 'function';
  if (file.requires === 'names') return hasNames(fg);
  if (file.requires === 'no-names') return !hasNames(fg);
  return true;
}

const NAME_TYPES = new Set(['PERSON_NAME', 'LOCATION', 'STREET_ADDRESS']);

const namesEntries = new WeakMap();

/** Whether `fg` is an entry with the names feature (asked once per entry). */
function hasNames(fg) {
  if (!namesEntries.has(fg)) {
    let yes = true;
    try {
      fg.scanPii('x', { entities: ['LOCATION'] });
    } catch {
      yes = false;
    }
    namesEntries.set(fg, yes);
  }
  return namesEntries.get(fg);
}

/** JSON with sorted keys, so comparisons ignore property order. */
export function canonical(value) {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v);
}
