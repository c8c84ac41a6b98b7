// Code the demo page (pkg/web) and the demo service (pkg/nodejs) share, so
// both derive the same things from the same policy file. Every function takes
// the fieldguard module `fg` as its first argument: the browser and Node load
// different builds of the same wasm.

/** Usernames a new account must not imitate (homoglyph check). */
export const RESERVED_NAMES = ['admin', 'support', 'paypal', 'root', 'security', 'fieldguard'];

/**
 * The policy for live, per-keystroke feedback: the same field rules without
 * the protect step (`anonymize`) and the PII scan, so the form can show the
 * canonical value and every validation message without a keyring. Submit
 * applies the full policy.
 */
export function livePolicy(policy) {
  const fields = {};
  for (const [name, rule] of Object.entries(policy.fields ?? {})) {
    const { anonymize, scan, entity, ...sanitize } = rule;
    fields[name] = sanitize;
  }
  return { version: policy.version, fields };
}

/** Fields the policy encrypts (`anonymize.op === "encrypt"`): the form sends them as tokens. */
export function encryptedFields(policy) {
  return Object.entries(policy.fields ?? {})
    .filter(([, rule]) => rule.anonymize?.op === 'encrypt')
    .map(([name]) => name);
}

/** The token context of a top-level field, as the policy binds it: field path, NUL, record ID. */
export function tokenContext(field, recordId) {
  return `${field}\u0000${recordId}`;
}

/**
 * Homoglyph report for one value: the scripts it mixes (UTS #39) and a
 * reserved name it is confusable with. `blocking` is true for a mixed-script
 * value or one that imitates a reserved name.
 */
export function homoglyphs(fg, value, reserved = RESERVED_NAMES) {
  if (!value) return { scripts: [], mixedScript: false, confusableWith: null, skeleton: '', blocking: false };
  const { scripts, mixedScript, restrictionLevel } = fg.analyzeScripts(value);
  const skeleton = fg.skeleton(value);
  // Compare the whole value and its parts ("paypal_support" imitates "paypal").
  const parts = [value, ...value.split(/[._\-\s]+/).filter(Boolean)];
  const confusableWith = reserved.find((r) => parts.some((p) => p !== r && fg.areConfusable(p, r))) ?? null;
  return { scripts, mixedScript, restrictionLevel, skeleton, confusableWith, blocking: mixedScript || confusableWith !== null };
}

/**
 * Log redaction: every string inside `entry` (at any depth) with each PII
 * finding replaced by its type tag (`<EMAIL_ADDRESS>`). Needs no keyring.
 * Usable as a plain function or a pino-style `formatters.log`.
 */
export function redactForLog(fg, entry) {
  if (typeof entry === 'string') return fg.anonymizeText(null, entry, { defaultOperator: { op: 'replace' } }).text;
  if (Array.isArray(entry)) return entry.map((v) => redactForLog(fg, v));
  if (entry && typeof entry === 'object') {
    return Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, redactForLog(fg, v)]));
  }
  return entry;
}
