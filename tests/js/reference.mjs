// An independent implementation of src/spec/token-format.md using nothing but
// Web Crypto (crypto.subtle), so it runs unchanged in Node, Deno and browsers.
// It shares no code with fieldguard: if it and the wasm module agree, the
// spec is complete enough for a third party to decrypt tokens.

const subtle = globalThis.crypto.subtle;
const utf8 = new TextEncoder();
const PREFIX = 'fg.';

/** HKDF-SHA256(IKM = master key, salt = empty, info = "fieldguard:v1:" + purpose). */
export async function deriveSubkey(masterKey, purpose) {
  const length = purpose === 'deterministic' ? 64 : 32;
  const ikm = await subtle.importKey('raw', masterKey, 'HKDF', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8.encode(`fieldguard:v1:${purpose}`) },
    ikm,
    length * 8,
  );
  return new Uint8Array(bits);
}

function header(format, keyId) {
  const h = new Uint8Array(5);
  h[0] = format;
  new DataView(h.buffer).setUint32(1, keyId, false);
  return h;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Format 0x01: 0x01 | key_id (BE u32) | nonce (12) | AES-256-GCM(ct || tag), AAD = header || context. */
export async function encryptToken(masterKey, keyId, plaintext, context, nonce = crypto.getRandomValues(new Uint8Array(12))) {
  const key = await subtle.importKey('raw', await deriveSubkey(masterKey, 'encrypt'), 'AES-GCM', false, ['encrypt']);
  const h = header(0x01, keyId);
  const sealed = await subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: concat(h, context), tagLength: 128 }, key, plaintext);
  return concat(h, nonce, new Uint8Array(sealed));
}

/** Inverse of encryptToken; throws on any failure. */
export async function decryptToken(masterKey, token, context) {
  if (token[0] !== 0x01 || token.length < 33) throw new Error('not a format 0x01 token');
  const key = await subtle.importKey('raw', await deriveSubkey(masterKey, 'encrypt'), 'AES-GCM', false, ['decrypt']);
  const opened = await subtle.decrypt(
    { name: 'AES-GCM', iv: token.subarray(5, 17), additionalData: concat(token.subarray(0, 5), context), tagLength: 128 },
    key,
    token.subarray(17),
  );
  return new Uint8Array(opened);
}

// Unicode White_Space, the 25 code points the spec trims. Not String.prototype.trim:
// that one also strips U+FEFF and keeps U+0085.
const WHITE_SPACE = '[\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TRIM = new RegExp(`^${WHITE_SPACE}+|${WHITE_SPACE}+$`, 'g');

/** hex(HMAC-SHA256(blind-index subkey, u32_be(len(ctx)) || ctx || canonical)[..length]). */
export async function blindIndex(masterKey, value, context, length = 16, caseInsensitive = false) {
  let canonical = value.replace(TRIM, '').normalize('NFC');
  if (caseInsensitive) canonical = canonical.toLowerCase();
  const key = await subtle.importKey('raw', await deriveSubkey(masterKey, 'blind-index'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, context.length, false);
  const mac = new Uint8Array(await subtle.sign('HMAC', key, concat(len, context, utf8.encode(canonical))));
  return toHex(mac.subarray(0, length));
}

export function toText(binary) {
  let s = '';
  for (const b of binary) s += String.fromCharCode(b);
  return PREFIX + btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromText(text) {
  if (!text.startsWith(PREFIX)) throw new Error('no fg. prefix');
  const b64 = text.slice(PREFIX.length).replaceAll('-', '+').replaceAll('_', '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex) {
  if (hex.length % 2) throw new Error('odd hex');
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}
