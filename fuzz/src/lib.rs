//! Helpers shared by the fuzz targets in `fuzz_targets/`: the fixed test
//! keyring, and the small input conventions every target and
//! `fuzz/seeds.py` agree on.
//!
//! Input conventions (so seeds can be written by a script, and libFuzzer's
//! byte mutations stay meaningful):
//!
//! * a target that needs a mode reads it from the **first byte**
//!   ([`split_first`]); the rest is the payload;
//! * a target with two inputs (a policy and a record, options and a value)
//!   separates them with the first **NUL byte** ([`split_nul`]): JSON text
//!   cannot contain a raw NUL, so no JSON document is cut by it;
//! * text is decoded with [`text`] (lossy UTF-8) rather than skipping
//!   invalid input, so every mutation reaches the code under test.

use fieldguard::Keyring;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The "main" keyring of the shared vectors (`tests/vectors/tokens.json`):
/// public test key material, so tokens from the vectors decrypt and seeds
/// taken from them reach the authenticated decryption path.
pub const KEYRING_JSON: &str = r#"{"version": 1, "keys": [
 {"id": 16909060, "status": "primary", "material": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="},
 {"id": 7, "status": "decrypt-only", "material": "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8="},
 {"id": 9, "status": "disabled", "material": "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8="}]}"#;

/// The context the vector tokens are bound to.
pub const CONTEXT: &[u8] = b"users.email";

/// The fixed keyring, parsed once per process (parsing derives subkeys,
/// which would otherwise dominate every execution).
pub fn keyring() -> &'static Keyring {
    static KEYRING: OnceLock<Keyring> = OnceLock::new();
    KEYRING.get_or_init(|| Keyring::from_json(KEYRING_JSON).expect("the fixed test keyring parses"))
}

/// The mode byte and the payload; an empty input is mode 0 with no payload.
pub fn split_first(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&mode, rest)) => (mode, rest),
        None => (0, data),
    }
}

/// The bytes before and after the first NUL; without a NUL, everything is
/// the first part and the second is empty.
pub fn split_nul(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

/// The payload as text: invalid UTF-8 becomes U+FFFD, so the input is used
/// rather than thrown away.
pub fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Whether an occurrence of `needle` in `text` overlaps one of `spans`
/// (byte ranges; an empty span is a join point, overlapped by an occurrence
/// that straddles it). The anonymize property: the output may hold a found
/// value only where it is copied input text, never in or across a
/// replacement.
pub fn overlaps_a_span(text: &str, needle: &str, spans: &[(usize, usize)]) -> bool {
    if needle.is_empty() {
        return false;
    }
    text.match_indices(needle).any(|(at, m)| {
        let end = at + m.len();
        spans.iter().any(|&(s, e)| {
            if s == e {
                at < s && end > s
            } else {
                at < e && end > s
            }
        })
    })
}
