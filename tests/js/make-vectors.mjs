// Writes tests/vectors/*.json. Run from the repository root after building
// pkg/nodejs:  node tests/js/make-vectors.mjs
//
// Expected values for the randomized format, key derivation and blind
// indexes come from tests/js/reference.mjs (Web Crypto, no fieldguard code),
// so the vectors check fieldguard against an independent implementation of
// the spec. AES-SIV has no Web Crypto implementation: deterministic tokens are
// recorded from fieldguard itself (its primitive is checked natively against
// RFC 5297 in tests/kat.rs), so those vectors pin the format across runtimes
// and releases.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as ref from './reference.mjs';

const fg = createRequire(import.meta.url)('../../pkg/nodejs/fieldguard.js');
const utf8 = new TextEncoder();
const range = (start) => Uint8Array.from({ length: 32 }, (_, i) => start + i);
const A = range(0x00), B = range(0x20), C = range(0x40), D = range(0xe0);
const b64 = (k) => btoa(String.fromCharCode(...k));
const url = (text) => text.replaceAll('+', '-').replaceAll('/', '_');
// The same 32 bytes with the two unused low bits of the last character set.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const trailingBits = (text) => text.slice(0, 42) + ALPHABET[ALPHABET.indexOf(text[42]) + 1] + text.slice(43);
const ID_A = 0x01020304, ID_B = 7, ID_C = 9;
const keyrings = {
  main: { version: 1, keys: [
    { id: ID_A, status: 'primary', material: b64(A) },
    { id: ID_B, status: 'decrypt-only', material: b64(B) },
    { id: ID_C, status: 'disabled', material: b64(C) },
  ] },
  rotated: { version: 1, keys: [
    { id: ID_A, status: 'decrypt-only', material: b64(A) },
    { id: ID_B, status: 'primary', material: b64(B) },
  ] },
};

function write(name, description, cases, withKeyrings = true) {
  const file = { description, ...(withKeyrings ? { keyrings } : {}), cases };
  writeFileSync(new URL(`../vectors/${name}`, import.meta.url), JSON.stringify(file, null, 1) + '\n');
  console.log(`tests/vectors/${name}: ${cases.length} cases`);
}

const fixedNonce = (n) => Uint8Array.from({ length: 12 }, (_, i) => (n * 31 + i * 7) & 0xff);

// keys.json ---------------------------------------------------------------
{
  const cases = [];
  for (const [label, key] of [['00..1f', A], ['20..3f', B], ['zeros', new Uint8Array(32)]]) {
    for (const purpose of ['encrypt', 'deterministic', 'blind-index', 'pseudonymize', 'hash']) {
      cases.push({ name: `derive ${purpose} from ${label}`, op: 'derive_subkey', master_key: ref.toHex(key), purpose,
        expect: ref.toHex(await ref.deriveSubkey(key, purpose)) });
    }
  }
  cases.push({ name: 'derive from a 31-byte key', op: 'derive_subkey', master_key: ref.toHex(A.subarray(1)), purpose: 'encrypt', error: 'KEY_INVALID_LENGTH' });
  cases.push({ name: 'derive for an unknown purpose', op: 'derive_subkey', master_key: ref.toHex(A), purpose: 'signing', error: 'INVALID_ARGUMENT' });
  cases.push({ name: 'parse the main keyring', op: 'keyring_parse', keyring: 'main', expect: { primary_key_id: ID_A, keys: [
    { id: ID_A, status: 'primary' }, { id: ID_B, status: 'decrypt-only' }, { id: ID_C, status: 'disabled' }] } });
  const kj = (keys, extra = {}) => JSON.stringify({ version: 1, keys, ...extra });
  const good = { id: 5, status: 'primary', material: b64(A) };
  const bad = [
    ['not JSON', '{"version":1,', 'KEYRING_INVALID'],
    ['a JSON array', '[]', 'KEYRING_INVALID'],
    ['version 2', JSON.stringify({ version: 2, keys: [good] }), 'KEYRING_INVALID'],
    ['an unknown field', kj([good], { comment: 'x' }), 'KEYRING_INVALID'],
    ['a misspelt key field', kj([{ id: 5, staus: 'primary', material: b64(A) }]), 'KEYRING_INVALID'],
    ['an unknown status', kj([{ ...good, status: 'active' }]), 'KEYRING_INVALID'],
    ['key ID 0', kj([{ ...good, id: 0 }]), 'KEYRING_INVALID'],
    ['key ID above u32', kj([{ ...good, id: 4294967296 }]), 'KEYRING_INVALID'],
    ['a fractional key ID', kj([{ ...good, id: 1.5 }]), 'KEYRING_INVALID'],
    ['a string key ID', kj([{ ...good, id: '5' }]), 'KEYRING_INVALID'],
    ['no keys', kj([]), 'KEYRING_NO_PRIMARY'],
    ['no primary', kj([{ ...good, status: 'decrypt-only' }]), 'KEYRING_NO_PRIMARY'],
    ['two primaries', kj([good, { ...good, id: 6 }]), 'KEYRING_MULTIPLE_PRIMARY'],
    ['duplicate IDs', kj([good, { ...good, status: 'disabled' }]), 'KEYRING_DUPLICATE_KEY_ID'],
    ['16-byte material', kj([{ ...good, material: b64(A.subarray(0, 16)) }]), 'KEY_INVALID_LENGTH'],
    ['33-byte material', kj([{ ...good, material: b64(concat(A, [1])) }]), 'KEY_INVALID_LENGTH'],
    ['material that is not base64', kj([{ ...good, material: '!!!!' }]), 'KEY_INVALID_ENCODING'],
    ['empty material', kj([{ ...good, material: '' }]), 'KEY_INVALID_LENGTH'],
    // Material edge cases (src/spec/keyring.md, "material"): one text per key.
    ['material with non-zero trailing bits', kj([{ ...good, material: trailingBits(b64(A)) }]), 'KEY_INVALID_ENCODING'],
    ['unpadded material with non-zero trailing bits', kj([{ ...good, material: trailingBits(b64(A)).replace(/=+$/, '') }]), 'KEY_INVALID_ENCODING'],
    ['a space inside the material', kj([{ ...good, material: b64(A).slice(0, 20) + ' ' + b64(A).slice(20) }]), 'KEY_INVALID_ENCODING'],
    ['a line break inside the material', kj([{ ...good, material: b64(A).slice(0, 20) + '\n' + b64(A).slice(20) }]), 'KEY_INVALID_ENCODING'],
    ['a byte order mark before the material', kj([{ ...good, material: '\ufeff' + b64(A) }]), 'KEY_INVALID_ENCODING'],
    ['too much padding', kj([{ ...good, material: b64(A) + '=' }]), 'KEY_INVALID_ENCODING'],
    ['mixed base64 alphabets', kj([{ ...good, material: b64(D).replace('/', '_') }]), 'KEY_INVALID_ENCODING'],
    ['a byte order mark before the JSON', '\ufeff' + kj([good]), 'KEYRING_INVALID'],
    ['a key ID given twice', kj([good]).replace('"id":5', '"id":5,"id":6'), 'KEYRING_INVALID'],
    ['material given twice', kj([good]).replace('"status"', `"material":"${b64(B)}","status"`), 'KEYRING_INVALID'],
    ['keys given twice', kj([good]).replace('"keys":', '"keys":[],"keys":'), 'KEYRING_INVALID'],
    ['version given twice', kj([good]).replace('"version":1', '"version":1,"version":1'), 'KEYRING_INVALID'],
  ];
  for (const [what, json, code] of bad) cases.push({ name: `reject a keyring with ${what}`, op: 'keyring_parse', keyring_json: json, error: code });
  const variants = [
    ['URL-safe unpadded material', b64(A).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')],
    ['unpadded standard material', b64(A).replace(/=+$/, '')],
    ['standard material with + and /', b64(D)],
    ['URL-safe material with padding', url(b64(D))],
    ['URL-safe material without padding', url(b64(D)).replace(/=+$/, '')],
    ['white space around the material', ' \n\t' + b64(A) + '\r\n '],
    ['no-break and ideographic spaces around the material', '\u00a0' + b64(A) + '\u3000'],
  ];
  for (const [what, material] of variants) {
    cases.push({ name: `accept ${what}`, op: 'keyring_parse', keyring_json: kj([{ ...good, material }]),
      expect: { primary_key_id: 5, keys: [{ id: 5, status: 'primary' }] } });
  }
  write('keys.json', 'Subkey derivation (HKDF-SHA256 per src/spec/token-format.md, expected values from Web Crypto) and keyring parsing with its error codes.', cases);
}

function concat(a, b) { return Uint8Array.from([...a, ...b]); }

// tokens.json -------------------------------------------------------------
{
  const cases = [];
  const samples = [
    ['ASCII', 'alice@example.com', 'users.email'],
    ['empty plaintext', '', 'users.note'],
    ['empty context', 'no context', ''],
    ['accents and CJK', 'Zoë Ångström 山田太郎', 'users.name'],
    ['emoji and ZWJ sequence', '👩‍👩‍👧 family ✨', 'users.bio'],
    ['combining characters', 'e\u0301 n\u0303', 'users.name'],
    ['context with NUL and record ID', '4111 1111 1111 1111', 'payments.card\u000042'],
    ['long plaintext', 'x'.repeat(1000), 'blobs.text'],
  ];
  let n = 0;
  const made = [];
  for (const [what, plaintext, ctx] of samples) {
    const bin = await ref.encryptToken(A, ID_A, utf8.encode(plaintext), utf8.encode(ctx), fixedNonce(n++));
    const token = ref.toText(bin);
    made.push({ token, bin, plaintext, ctx });
    cases.push({ name: `decrypt a Web Crypto token: ${what}`, op: 'decrypt', keyring: 'main', token, context: ctx, expect: plaintext });
  }
  const binPlain = Uint8Array.from([0, 1, 2, 0xfe, 0xff, 0x80]);
  const binCtx = Uint8Array.from([0xff, 0, 0x10]);
  const binTok = await ref.encryptToken(B, ID_B, binPlain, binCtx, fixedNonce(99));
  cases.push({ name: 'decrypt a binary token (non-UTF-8 plaintext and context) under a decrypt-only key', op: 'decrypt_bytes', keyring: 'main',
    token_hex: ref.toHex(binTok), context_hex: ref.toHex(binCtx), expect: ref.toHex(binPlain) });
  cases.push({ name: 'a non-UTF-8 plaintext cannot be decrypted as text', op: 'decrypt', keyring: 'main',
    token: ref.toText(binTok), context_hex: ref.toHex(binCtx), error: 'INVALID_ARGUMENT' });
  const { token, bin, ctx } = made[0];
  cases.push({ name: 'wrong context', op: 'decrypt', keyring: 'main', token, context: 'users.phone', error: 'DECRYPT_FAILED' });
  cases.push({ name: 'context with an extra byte', op: 'decrypt', keyring: 'main', token, context: ctx + ' ', error: 'DECRYPT_FAILED' });
  cases.push({ name: 'right key ID, wrong key material', op: 'decrypt', keyring_json: JSON.stringify({ version: 1, keys: [{ id: ID_A, status: 'primary', material: b64(B) }] }),
    token, context: ctx, error: 'DECRYPT_FAILED' });
  for (const [at, what] of [[5, 'nonce'], [17, 'first ciphertext byte'], [bin.length - 1, 'last tag byte']]) {
    const t = Uint8Array.from(bin); t[at] ^= 0x01;
    cases.push({ name: `flipped bit in the ${what}`, op: 'decrypt', keyring: 'main', token: ref.toText(t), context: ctx, error: 'DECRYPT_FAILED' });
  }
  // Changing the key ID to another key the keyring holds: authenticated, so it fails like tampering.
  const moved = Uint8Array.from(bin); new DataView(moved.buffer).setUint32(1, ID_B, false);
  cases.push({ name: 'key ID changed to another held key', op: 'decrypt', keyring: 'main', token: ref.toText(moved), context: ctx, error: 'DECRYPT_FAILED' });
  const other = Uint8Array.from(bin); new DataView(other.buffer).setUint32(1, 12345, false);
  cases.push({ name: 'key ID not in the keyring', op: 'decrypt', keyring: 'main', token: ref.toText(other), context: ctx, error: 'KEY_UNKNOWN_ID' });
  const disabled = await ref.encryptToken(C, ID_C, utf8.encode('old'), utf8.encode('x'), fixedNonce(7));
  cases.push({ name: 'token under a disabled key', op: 'decrypt', keyring: 'main', token: ref.toText(disabled), context: 'x', error: 'KEY_DISABLED' });
  const v9 = Uint8Array.from(bin); v9[0] = 9;
  cases.push({ name: 'unknown format byte', op: 'decrypt', keyring: 'main', token: ref.toText(v9), context: ctx, error: 'TOKEN_UNKNOWN_VERSION' });
  const v0 = Uint8Array.from(bin); v0[0] = 0;
  cases.push({ name: 'format byte 0', op: 'decrypt', keyring: 'main', token: ref.toText(v0), context: ctx, error: 'TOKEN_UNKNOWN_VERSION' });
  const malformed = [
    ['no prefix', token.slice(3)],
    ['wrong prefix', 'fx.' + token.slice(3)],
    ['upper-case prefix', 'FG.' + token.slice(3)],
    ['prefix only', 'fg.'],
    ['empty string', ''],
    ['padding', token + '='],
    ['standard base64 alphabet', 'fg.+/' + token.slice(5)],
    ['a space inside', token.slice(0, 10) + ' ' + token.slice(10)],
    ['trailing newline', token + '\n'],
    ['truncated to the header', ref.toText(bin.subarray(0, 5))],
    ['one byte short of the minimum', ref.toText(bin.subarray(0, 32))],
    ['impossible base64 length', token.slice(0, 3 + 4 * 5 + 1)],
    ['non-canonical trailing bits', 'fg.AQ'.slice(0, 4) + 'R'],
  ];
  for (const [what, t] of malformed) cases.push({ name: `malformed: ${what}`, op: 'decrypt', keyring: 'main', token: t, context: ctx, error: 'TOKEN_MALFORMED' });
  cases.push({ name: 'malformed binary: empty', op: 'decrypt_bytes', keyring: 'main', token_hex: '', error: 'TOKEN_MALFORMED' });
  cases.push({ name: 'minimum-length token with a bad tag', op: 'decrypt_bytes', keyring: 'main', token_hex: ref.toHex(bin.subarray(0, 33)), error: 'DECRYPT_FAILED' });
  cases.push({ name: 'inspect a text token', op: 'inspect', token, expect: { format: 'randomized', key_id: ID_A } });
  cases.push({ name: 'inspect a binary token', op: 'inspect', token_hex: ref.toHex(binTok), expect: { format: 'randomized', key_id: ID_B } });
  cases.push({ name: 'inspect an empty string', op: 'inspect', token: '', error: 'TOKEN_MALFORMED' });
  cases.push({ name: 'inspect the prefix alone', op: 'inspect', token: 'fg.', error: 'TOKEN_MALFORMED' });
  cases.push({ name: 'inspect an unknown format', op: 'inspect', token_hex: '7f00000001', error: 'TOKEN_UNKNOWN_VERSION' });
  cases.push({ name: 'inspect a short deterministic token', op: 'inspect', token_hex: '0200000001' + '00'.repeat(15), error: 'TOKEN_MALFORMED' });
  write('tokens.json', 'Randomized (format 0x01) tokens made by the Web Crypto reference implementation (tests/js/reference.mjs) with fixed nonces, decrypted by fieldguard; tampering, header and malformed-input error codes.', cases);
}

// deterministic.json ------------------------------------------------------
{
  const kr = fg.Keyring.fromJson(JSON.stringify(keyrings.main));
  const cases = [];
  for (const [what, plaintext, context] of [
    ['email', 'alice@example.com', 'users.email'], ['same email, other context', 'alice@example.com', 'orders.email'],
    ['empty', '', 'users.email'], ['unicode', 'Zoë 山田 👩‍👩‍👧', 'users.name'], ['empty context', 'x', ''],
  ]) {
    const token = kr.encryptDeterministic(plaintext, { context });
    cases.push({ name: `encrypt deterministically: ${what}`, op: 'encrypt_deterministic', keyring: 'main', plaintext, context, expect: token });
    cases.push({ name: `decrypt deterministic: ${what}`, op: 'decrypt', keyring: 'main', token, context, expect: plaintext });
  }
  const underB = kr.encryptDeterministic('alice@example.com', { context: 'users.email', keyId: ID_B });
  cases.push({ name: 'encrypt deterministically under a decrypt-only key', op: 'encrypt_deterministic', keyring: 'main', plaintext: 'alice@example.com', context: 'users.email', key_id: ID_B, expect: underB });
  cases.push({ name: 'deterministic under a disabled key', op: 'encrypt_deterministic', keyring: 'main', plaintext: 'x', context: '', key_id: ID_C, error: 'KEY_DISABLED' });
  cases.push({ name: 'deterministic under an unknown key', op: 'encrypt_deterministic', keyring: 'main', plaintext: 'x', context: '', key_id: 77, error: 'KEY_UNKNOWN_ID' });
  const bytes = Uint8Array.from([0, 0xff, 1]);
  cases.push({ name: 'deterministic binary token', op: 'encrypt_deterministic_bytes', keyring: 'main', plaintext_hex: ref.toHex(bytes), context: 'b',
    expect: ref.toHex(kr.encryptDeterministicBytes(bytes, { context: 'b' })) });
  const t = kr.encryptDeterministic('alice@example.com', { context: 'users.email' });
  cases.push({ name: 'deterministic token, wrong context', op: 'decrypt', keyring: 'main', token: t, context: 'orders.email', error: 'DECRYPT_FAILED' });
  const tb = ref.fromText(t); tb[8] ^= 0x80;
  cases.push({ name: 'deterministic token, flipped SIV bit', op: 'decrypt', keyring: 'main', token: ref.toText(tb), context: 'users.email', error: 'DECRYPT_FAILED' });
  cases.push({ name: 'inspect a deterministic token', op: 'inspect', token: t, expect: { format: 'deterministic', key_id: ID_A } });
  kr.free();
  write('deterministic.json', 'Deterministic (format 0x02, AES-SIV) tokens. Recorded from fieldguard (no Web Crypto AES-SIV exists); the primitive is checked against RFC 5297 in tests/kat.rs. These pin the format: any change to them is a breaking change.', cases);
}

// blind-index.json --------------------------------------------------------
{
  const cases = [];
  for (const [what, value, context, length, ci] of [
    ['default options', 'alice@example.com', 'users.email', undefined, undefined],
    ['trimmed value', '  alice@example.com\t', 'users.email', undefined, undefined],
    ['case-insensitive', 'Alice@Example.COM', 'users.email', undefined, true],
    ['case-sensitive keeps case', 'Alice@Example.COM', 'users.email', undefined, false],
    ['NFC: decomposed input', 'Cafe\u0301', 'users.name', undefined, undefined],
    ['NFC: composed input', 'Caf\u00e9', 'users.name', undefined, undefined],
    ['other context', 'alice@example.com', 'orders.email', undefined, undefined],
    ['4 bytes', 'alice@example.com', 'users.email', 4, undefined],
    ['32 bytes', 'alice@example.com', 'users.email', 32, undefined],
    ['empty value', '', 'users.email', undefined, undefined],
    ['unicode case folding', 'ÅNGSTRÖM', 'users.name', 8, true],
    // src/spec/token-format.md, "Blind indexes": the exact canonical form.
    ['trim: U+0085 NEL is white space', '\u0085alice\u0085', 'users.name', undefined, undefined],
    ['trim: ideographic space and line separator', '\u3000alice\u2028', 'users.name', undefined, undefined],
    ['trim: U+FEFF is not white space', '\ufeffalice', 'users.name', undefined, undefined],
    ['trim: zero-width space is not white space', '\u200balice', 'users.name', undefined, undefined],
    ['lower-case: final sigma', 'ΟΔΟΣ', 'users.name', undefined, true],
    ['lower-case: final sigma, already lower-case', 'οδος', 'users.name', undefined, true],
    ['lower-case: medial sigma', 'ΟΔΟΣ ΟΔΟΣ', 'users.name', undefined, true],
    ['lower-case: ß is kept (not case folding)', 'Straße', 'users.name', undefined, true],
    ['lower-case: SS is not ß', 'STRASSE', 'users.name', undefined, true],
    ['lower-case: capital I with dot above', 'İ', 'users.name', undefined, true],
    ['lower-case after NFC: A and combining ring', 'A\u030a', 'users.name', undefined, true],
    ['context of 300 bytes: big-endian length prefix', 'v', 'c'.repeat(300), undefined, undefined],
  ]) {
    cases.push({ name: `blind index: ${what}`, op: 'blind_index', keyring: 'main', value, context,
      ...(length !== undefined ? { length } : {}), ...(ci !== undefined ? { case_insensitive: ci } : {}),
      expect: await ref.blindIndex(A, value, utf8.encode(context), length ?? 16, ci ?? false) });
  }
  cases.push({ name: 'blind index under a decrypt-only key', op: 'blind_index', keyring: 'main', value: 'v', context: 'c', key_id: ID_B,
    expect: await ref.blindIndex(B, 'v', utf8.encode('c')) });
  for (const length of [0, 3, 33]) cases.push({ name: `blind index length ${length} is refused`, op: 'blind_index', keyring: 'main', value: 'v', context: 'c', length, error: 'INVALID_ARGUMENT' });
  cases.push({ name: 'blind index under a disabled key', op: 'blind_index', keyring: 'main', value: 'v', context: 'c', key_id: ID_C, error: 'KEY_DISABLED' });
  cases.push({ name: 'blind index under an unknown key', op: 'blind_index', keyring: 'main', value: 'v', context: 'c', key_id: 77, error: 'KEY_UNKNOWN_ID' });
  // Rotation: new indexes come from the new primary; the old key still gives the old ones.
  cases.push({ name: 'after rotation the new primary gives a new index', op: 'blind_index', keyring: 'rotated', value: 'alice@example.com', context: 'users.email',
    expect: await ref.blindIndex(B, 'alice@example.com', utf8.encode('users.email')) });
  cases.push({ name: 'after rotation the old key (by ID) gives the old index', op: 'blind_index', keyring: 'rotated', value: 'alice@example.com', context: 'users.email', key_id: ID_A,
    expect: await ref.blindIndex(A, 'alice@example.com', utf8.encode('users.email')) });
  write('blind-index.json', 'Blind indexes; expected values from the Web Crypto reference implementation (tests/js/reference.mjs).', cases);
}

// roundtrip.json ----------------------------------------------------------
{
  const cases = [];
  for (const [what, plaintext, context] of [['ASCII', 'hello', 'a.b'], ['empty', '', ''], ['emoji', '🔐 ключ', 'users.secret']]) {
    cases.push({ name: `encrypt then decrypt: ${what}`, op: 'roundtrip', keyring: 'main', plaintext, context, expect: { plaintext, key_id: ID_A } });
  }
  const underA = ref.toText(await ref.encryptToken(A, ID_A, utf8.encode('rotate me'), utf8.encode('users.email'), fixedNonce(50)));
  cases.push({ name: 're-encrypt after rotation moves to the new primary', op: 'reencrypt', keyring: 'rotated', token: underA, context: 'users.email',
    expect: { plaintext: 'rotate me', key_id: ID_B, format: 'randomized', unchanged: false } });
  cases.push({ name: 're-encrypt under the primary returns the token unchanged', op: 'reencrypt', keyring: 'main', token: underA, context: 'users.email',
    expect: { plaintext: 'rotate me', key_id: ID_A, format: 'randomized', unchanged: true } });
  cases.push({ name: 're-encrypt verifies the context first', op: 'reencrypt', keyring: 'rotated', token: underA, context: 'users.phone', error: 'DECRYPT_FAILED' });
  const kr = fg.Keyring.fromJson(JSON.stringify(keyrings.main));
  const det = kr.encryptDeterministic('rotate me', { context: 'users.email' });
  kr.free();
  cases.push({ name: 're-encrypt keeps a deterministic token deterministic', op: 'reencrypt', keyring: 'rotated', token: det, context: 'users.email',
    expect: { plaintext: 'rotate me', key_id: ID_B, format: 'deterministic', unchanged: false } });
  cases.push({ name: 're-encrypt returns a deterministic token under the primary unchanged', op: 'reencrypt', keyring: 'main', token: det, context: 'users.email',
    expect: { plaintext: 'rotate me', key_id: ID_A, format: 'deterministic', unchanged: true } });
  cases.push({ name: 're-encrypt verifies a deterministic token under the primary first', op: 'reencrypt', keyring: 'main', token: det, context: 'users.phone', error: 'DECRYPT_FAILED' });
  write('roundtrip.json', 'Operations with random output, checked by their effect: encrypt-then-decrypt and re-encryption after rotation.', cases);
}

// records.json ------------------------------------------------------------
// The record-context text of src/spec/records.md, checked exactly: a policy
// encrypts, then each token is opened with the context the spec spells out
// (a wrong byte anywhere is DECRYPT_FAILED).
{
  const cases = [];
  const N = '\u0000';
  const enc = { anonymize: { op: 'encrypt' } };
  const det = { anonymize: { op: 'encrypt', deterministic: true } };
  const add = (name, policy, record, open, extra = {}) =>
    cases.push({ name, op: 'policy_open', keyring: 'main', policy: { version: 1, ...policy }, record, ...extra, open: open.map(([at, context]) => ({ at, context })),
      expect: open.map(([, , want]) => want) });
  const FAIL = { error: 'DECRYPT_FAILED' };

  add('array elements: each randomized token is bound to its index',
    { recordId: 'id', fields: { 'orders[*].card': enc } },
    { id: 'c1', orders: [{ card: '4111' }, { card: '5500' }] },
    [['/orders/0/card', `orders[0].card${N}c1`, '4111'], ['/orders/1/card', `orders[1].card${N}c1`, '5500'],
      ['/orders/1/card', `orders[0].card${N}c1`, FAIL], ['/orders/0/card', `orders[*].card${N}c1`, FAIL]]);
  add('array elements: deterministic tokens are bound to the field path',
    { recordId: 'id', fields: { 'orders[*].email': det } },
    { id: 'c1', orders: [{ email: 'a@x.org' }, { email: 'a@x.org' }] },
    [['/orders/0/email', `orders[*].email${N}c1`, 'a@x.org'], ['/orders/1/email', `orders[*].email${N}c1`, 'a@x.org'],
      ['/orders/1/email', `orders[1].email${N}c1`, FAIL]]);
  add('an explicit index is part of the path', { recordId: 'id', fields: { 'orders[1].card': enc } },
    { id: 'c1', orders: [{ card: 'x' }, { card: '5500' }] }, [['/orders/1/card', `orders[1].card${N}c1`, '5500']]);
  add('nested arrays', { fields: { 'm[*][*]': enc } }, { m: [['a'], ['b', 'c']] },
    [['/m/1/1', 'm[1][1]', 'c'], ['/m/0/0', 'm[0][0]', 'a']]);
  add('a path spelled with needless quotes binds its canonical spelling', { fields: { '["user"]["email"]': enc } },
    { user: { email: 'a@x.org' } }, [['/user/email', 'user.email', 'a@x.org']]);
  // Member names: bare when they can be, else a JSON string in brackets.
  const names = [
    ['plain', 'k.plain'], ['a.b', 'k["a.b"]'], ['a"b', 'k["a\\"b"]'], ['a b', 'k["a b"]'], ['', 'k[""]'],
    ['*', 'k["*"]'], ['a[0]', 'k["a[0]"]'], ['a]b', 'k["a]b"]'], ['é', 'k.é'], ['e\u0301', 'k.e\u0301'], ['山田', 'k.山田'],
    ['\u0001', 'k["\\u0001"]'], ['\t\n', 'k["\\t\\n"]'], ['\b\f\r', 'k["\\b\\f\\r"]'], ['\u001f', 'k["\\u001f"]'],
    ['\u007f', 'k["\u007f"]'], ['\u0085', 'k["\u0085"]'], ['\u00a0', 'k["\u00a0"]'], ['x\u2028y', 'k["x\u2028y"]'],
    ['\u200b', 'k.\u200b'], ['\ufeff', 'k.\ufeff'], ['a/b\\c~', 'k.a/b\\c~'], ['\\"', 'k["\\\\\\""]'],
  ];
  const k = Object.fromEntries(names.map(([name], i) => [name, `v${i}`]));
  const ptr = (name) => '/k/' + name.replaceAll('~', '~0').replaceAll('/', '~1');
  add('member names matched by * are bound by their canonical spelling', { fields: { 'k.*': enc } }, { k },
    names.map(([name, spelled], i) => [ptr(name), spelled, `v${i}`]));
  // Record IDs.
  const ids = [
    ['a string', 'c1', 'c1'], ['an empty string', '', ''], ['a string with NUL', 'a\u0000b', 'a\u0000b'],
    ['an integer', 42, '42'], ['a negative integer', -7, '-7'], ['an integer beyond 64 bits', 2e19, '20000000000000000000'],
  ];
  for (const [what, id, text] of ids) {
    add(`record ID: ${what}`, { recordId: 'id', fields: { x: enc } }, { id, x: 'v' },
      [['/x', `x${N}${text}`, 'v'], ['/x', 'x', FAIL]]);
  }
  add('record ID at a nested path', { recordId: 'meta.id', fields: { x: enc } }, { meta: { id: 'r9' }, x: 'v' }, [['/x', `x${N}r9`, 'v']]);
  add('no record ID: the path alone', { fields: { x: enc } }, { x: 'v' }, [['/x', 'x', 'v'], ['/x', `x${N}`, FAIL]]);
  for (const [what, id, code] of [
    ['a fraction', 1.5, 'FIELD_TYPE'], ['an exponent', 1e21, 'FIELD_TYPE'], ['a boolean', true, 'FIELD_TYPE'],
    ['null', null, 'FIELD_TYPE'], ['an object', {}, 'FIELD_TYPE'], ['missing', undefined, 'RECORD_INVALID'],
  ]) {
    cases.push({ name: `record ID: ${what} is refused`, op: 'policy_open', keyring: 'main',
      policy: { version: 1, recordId: 'id', fields: { x: enc } }, record: id === undefined ? { x: 'v' } : { id, x: 'v' }, open: [], error: code });
  }
  add('one value without a record: bound to the rule path', { recordId: 'id', fields: { 'orders[*].card': enc } }, '4111',
    [['', 'orders[*].card', '4111'], ['', 'orders[0].card', FAIL]], { field: 'orders[*].card' });
  const pii = (deterministic) => ({ recordId: 'id', pii: { operators: { EMAIL_ADDRESS: { op: 'encrypt', deterministic } } } });
  add('PII scan: a finding in an array element is bound to the element', pii(false),
    { id: 'c1', notes: ['x', 'mail a@x.org now'] }, [['/notes/1', `notes[1]${N}c1`, 'a@x.org'], ['/notes/1', `notes[*]${N}c1`, FAIL]]);
  add('PII scan: deterministic findings are bound to the field path', pii(true),
    { id: 'c1', notes: ['x', 'mail a@x.org now'] }, [['/notes/1', `notes[*]${N}c1`, 'a@x.org']]);
  for (const c of cases.slice(-2)) for (const o of c.open) o.in_text = true;
  write('records.json', 'Record contexts (src/spec/records.md): a policy encrypts, each token is opened with the context the spec spells out. Randomized tokens are bound to the location (orders[1].card), deterministic ones to the field path (orders[*].card).', cases);
}
