// fieldguard/node: dependency-free helpers for request handlers and logs.
//
// Written once against whichever fieldguard entry the runtime loaded (the
// Node build, or the web build in Deno and browsers): `createHelpers(fg)`
// binds them. .ci/package-npm.sh derives a CommonJS copy (core.cjs) from
// this file for `require`, so it must stay free of imports.

/** Error codes caused by the request body itself (a 400), not by the server's setup. */
const CLIENT_CODES = new Set(['VALUE_INVALID', 'INVALID_ARGUMENT', 'INPUT_TOO_LARGE', 'RECORD_INVALID', 'FIELD_TYPE']);

/** What a log string becomes when it cannot be scanned: fail closed, never pass it through. */
const UNSCANNABLE = '[REDACTED]';

/** Nesting depth past which `redact` stops descending (logs are not meant to be that deep). */
const MAX_DEPTH = 32;

export function createHelpers(fg) {
  if (fg === null || typeof fg !== 'object' || typeof fg.Policy !== 'function' || typeof fg.anonymizeText !== 'function') {
    throw new TypeError('createHelpers: pass a fieldguard module (with Policy and anonymizeText)');
  }

  /**
   * A reusable request-body checker for one policy document (a JSON string
   * or object: the same file the browser and other services apply).
   */
  function bodyValidator(policyDoc, options = {}) {
    const keyring = options.keyring ?? null;
    // Parse the document as written first, so its errors (POLICY_INVALID,
    // also for malformed JSON) are fieldguard's own, then learn which rules
    // reject (the default).
    const strict = fg.Policy.fromJson(typeof policyDoc === 'string' ? policyDoc : JSON.stringify(policyDoc));
    const doc = typeof policyDoc === 'string' ? JSON.parse(policyDoc) : policyDoc;
    const names = strict.fields();
    const rules = Object.values(doc.fields);
    const rejecting = new Set(names.filter((_, i) => (rules[i]?.onViolation ?? 'reject') === 'reject'));
    if (strict.needsKeyring && keyring === null) {
      strict.free();
      throw new TypeError('bodyValidator: this policy needs a keyring (options.keyring)');
    }
    strict.free();
    // Why a second, all-"clean" policy: `apply` stops at the first rejected
    // value, while a form wants every error at once. In clean mode every
    // violation is reported instead; those of rejecting rules become errors,
    // and when there are none the record equals what the strict policy gives.
    const lenient = fg.Policy.fromJson(JSON.stringify({
      ...doc,
      fields: Object.fromEntries(Object.entries(doc.fields).map(([k, r]) => [k, { ...r, onViolation: 'clean' }])),
    }));

    function check(body) {
      // A form or API body is an object; a policy would pass a bare string
      // or array through untouched, so refuse them here.
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return { ok: false, status: 400, errors: [{ field: null, reason: 'BODY_NOT_OBJECT', message: 'the body must be a JSON object' }] };
      }
      let out;
      try {
        out = keyring === null ? lenient.apply(body) : lenient.applyWithKeyring(body, keyring);
      } catch (e) {
        if (e && e.name === 'FieldguardError' && CLIENT_CODES.has(e.code)) {
          // fieldguard's messages name fields and reasons, never values.
          return { ok: false, status: 400, errors: [{ field: null, reason: e.code, message: e.message }] };
        }
        throw e;
      }
      const errors = [];
      for (const f of out.report.fields) {
        if (!rejecting.has(f.field)) continue;
        for (const v of f.violations) errors.push({ field: f.field, reason: v.reason, message: v.message });
      }
      if (errors.length > 0) return { ok: false, status: 400, errors };
      return { ok: true, value: out.record, report: out.report };
    }
    check.free = () => lenient.free();
    return check;
  }

  /** One-shot `bodyValidator(policyDoc, options)(body)`. */
  function validateBody(policyDoc, body, options = {}) {
    const check = bodyValidator(policyDoc, options);
    try {
      return check(body);
    } finally {
      check.free();
    }
  }

  /** PII in one string replaced by type tags such as "<EMAIL_ADDRESS>". */
  function redactText(text, options = {}) {
    if (typeof text !== 'string') return text;
    const { keyring = null, ...rest } = options;
    try {
      return fg.anonymizeText(keyring, text, { defaultOperator: { op: 'replace' }, ...rest }).text;
    } catch {
      // Too large, lone surrogates, …: a log line is better without the
      // string than with unscanned personal data.
      return UNSCANNABLE;
    }
  }

  /**
   * A copy of `value` with PII redacted in every string at any depth.
   * Keys are kept; cycles become "[Circular]"; Error objects become
   * { type, message, stack } with both redacted.
   */
  function redact(value, options = {}) {
    const seen = new WeakSet();
    const walk = (v, depth) => {
      if (typeof v === 'string') return redactText(v, options);
      if (v === null || typeof v !== 'object') return v;
      if (seen.has(v)) return '[Circular]';
      if (depth >= MAX_DEPTH) return '[Truncated]';
      seen.add(v);
      try {
        if (v instanceof Error) {
          const out = { type: v.name, message: redactText(v.message, options) };
          if (typeof v.stack === 'string') out.stack = redactText(v.stack, options);
          if ('code' in v) out.code = walk(v.code, depth + 1);
          return out;
        }
        if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
        if (v instanceof Date) return v;
        if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return '[Binary]';
        const out = {};
        for (const [k, x] of Object.entries(v)) out[k] = walk(x, depth + 1);
        return out;
      } catch {
        // A throwing getter or proxy trap: logging must not crash, nor leak.
        return '[Unreadable]';
      } finally {
        seen.delete(v);
      }
    };
    return walk(value, 0);
  }

  /**
   * Options for pino: `pino({ ...pinoRedaction() })`. `formatters.log`
   * redacts the merging object; `hooks.logMethod` redacts the message
   * string and its interpolation arguments, which pino does not pass to
   * formatters.
   */
  function pinoRedaction(options = {}) {
    return {
      formatters: { log: (obj) => redact(obj, options) },
      hooks: {
        logMethod(args, method) {
          return method.apply(this, args.map((a) => redact(a, options)));
        },
      },
    };
  }

  return { bodyValidator, validateBody, redactText, redact, pinoRedaction };
}
