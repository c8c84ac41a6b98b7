//! Keys, keyrings, tokens, and the primitives behind them: everything in
//! fieldguard that touches key material lives in this module.
//!
//! The items are re-exported at the crate root as well (`fieldguard::Keyring`
//! is `fieldguard::crypto::Keyring`), where they have always been.
//!
//! | file | holds |
//! |---|---|
//! | `keys.rs` | one key: [`SecretKey`] (zeroized, redacted `Debug`, constant-time `==`), [`KeyStatus`], [`KeyInfo`], and the HKDF per-[`Purpose`] subkeys |
//! | `keyring.rs` | [`Keyring`]: the key set, its JSON, rotation, lookup by key ID, and *every* `Keyring` method (encrypt, decrypt, re-encrypt, blind index), which choose the key and call the primitives below |
//! | `source.rs` | [`KeyringSource`]: reading the JSON from a file, an environment variable or a secret ([`SECRETS_DIR`]) |
//! | `token.rs` | the token wire format: header, text form, [`inspect`] |
//! | `aead.rs` | the two token ciphers over a chosen key: AES-256-GCM (randomized) and AES-SIV (deterministic) |
//! | `blind_index.rs` | [`BlindIndexOptions`], [`canonicalize_for_index`] and the index itself |
//! | `prf.rs` | the one keyed PRF (HMAC-SHA256 with domain labels and length-prefixed framing) behind every HMAC-derived value: blind indexes and the PII `hash`, `date-shift` and `pseudonymize` operators |
//! | `random.rs` | the one source of randomness (the OS CSPRNG; Web Crypto on wasm) |
//!
//! Imports run one way, so there are no cycles: `keyring` uses `keys`,
//! `source`, `token`, `aead` and `blind_index`; those use `keys`, `token`,
//! `prf` and `random`, never `keyring`.
//!
//! # Primitives, and why
//!
//! * **HKDF-SHA256** (RFC 5869) derives one subkey per purpose from each
//!   master key, so one secret never serves two purposes: a blind-index key
//!   can never decrypt, a pseudonym key never encrypt.
//! * **AES-256-GCM** for randomized tokens (the default): fast (AES-NI
//!   where the CPU has it), standard enough that Web Crypto alone opens a
//!   token (`tests/js/reference.mjs`), with a fresh 96-bit random nonce per
//!   token.
//! * **AES-SIV** (RFC 5297) for deterministic tokens: there is no nonce to
//!   repeat, so beyond the length (which every format shows) it leaks only
//!   which plaintexts are equal — the property asked for.
//! * **HMAC-SHA256** for keyed one-way values (blind indexes, `hash`,
//!   `date-shift`, pseudonyms), always through `prf.rs`.
//!
//! The header (format byte, key ID) and the caller's context are
//! authenticated in every token, so a token moved to another field or
//! record, or relabelled with another key ID, does not decrypt.
//!
//! # Specifications
//!
//! The token format (bytes, KDF, AAD, text form) is
//! [`crate::spec::token_format`] (`src/spec/token-format.md`); the keyring
//! file is [`crate::spec::keyring`] (`src/spec/keyring.md`). Both are
//! complete enough to decrypt a token without fieldguard, and
//! `tests/js/reference.mjs` does so for randomized tokens and blind
//! indexes.

mod aead;
mod blind_index;
mod keyring;
mod keys;
pub(crate) mod prf;
pub(crate) mod random;
mod source;
mod token;

pub use blind_index::{canonicalize_for_index, BlindIndexOptions};
pub use keyring::Keyring;
pub use keys::{KeyInfo, KeyStatus, Purpose, SecretKey, KEY_LEN};
pub use source::{KeyringSource, SECRETS_DIR};
pub use token::{
    decode_text, encode_text, inspect, inspect_bytes, looks_like_token, TokenFormat, TokenInfo,
    TEXT_PREFIX,
};
