//! Blind indexes: keyed, truncated HMAC-SHA256 of a canonicalized value, for
//! finding encrypted rows by equality without deterministic encryption.
//!
//! ```text
//! canonical = NFC(trim(value)), lower-cased first if case-insensitive
//! index    = hex( HMAC-SHA256(blind-index subkey,
//!                             u32_be(len(context)) || context || canonical)[..length] )
//! ```
//!
//! The HMAC is [`super::prf`]'s `Domain::BlindIndex` (no label: blind
//! indexes predate labels and their subkey is used for nothing else).
//!
//! **What it leaks.** Anyone who sees the indexes learns which rows hold the
//! same canonical value in the same context, and so value frequencies (a
//! column of countries leaks its distribution). Truncation trades leakage
//! for false positives: with `length` bytes, two different values collide
//! with probability 2^-(8·length), so a lookup can return extra rows, which
//! the application drops after decrypting. Shorter indexes leak less and
//! collide more; the default of 16 bytes practically never collides. Use a
//! distinct context per column so equal values in two columns do not match.

use super::prf::{hex, Domain, Prf};
use crate::error::{Error, ErrorKind, Result};
use unicode_normalization::UnicodeNormalization;

/// Settings of a blind index.
///
/// Defaults: 16 bytes (32 hex characters), case-sensitive, primary key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlindIndexOptions<'a> {
    pub(super) context: &'a [u8],
    pub(super) length: usize,
    pub(super) case_insensitive: bool,
    pub(super) key_id: Option<u32>,
}

impl<'a> BlindIndexOptions<'a> {
    /// Shortest allowed index, in bytes.
    pub const MIN_LENGTH: usize = 4;
    /// Longest allowed index, in bytes (a whole HMAC-SHA256).
    pub const MAX_LENGTH: usize = 32;

    /// Options for indexes in `context` (for example `b"users.email"`).
    pub const fn new(context: &'a [u8]) -> Self {
        Self {
            context,
            length: 16,
            case_insensitive: false,
            key_id: None,
        }
    }

    /// Index length in bytes, `4..=32` (checked when the index is computed).
    pub const fn length(mut self, bytes: usize) -> Self {
        self.length = bytes;
        self
    }

    /// Lower-case the value before indexing (`Alice@X.org` matches `alice@x.org`).
    pub const fn case_insensitive(mut self, yes: bool) -> Self {
        self.case_insensitive = yes;
        self
    }

    /// Compute under key `id` instead of the primary (lookups during rotation).
    pub const fn key_id(mut self, id: u32) -> Self {
        self.key_id = Some(id);
        self
    }

    /// The length in bytes, if it is in `MIN_LENGTH..=MAX_LENGTH`.
    pub(super) fn checked_length(&self) -> Result<usize> {
        let length = self.length;
        if (Self::MIN_LENGTH..=Self::MAX_LENGTH).contains(&length) {
            Ok(length)
        } else {
            Err(Error::with(
                ErrorKind::InvalidArgument,
                format!("blind index length must be 4..=32 bytes, got {length}"),
            ))
        }
    }
}

/// The canonical form a blind index is computed over: surrounding white
/// space trimmed, Unicode NFC, lower-cased if `case_insensitive`.
///
/// ```
/// assert_eq!(fieldguard::canonicalize_for_index("  Cafe\u{301} ", true), "café");
/// ```
pub fn canonicalize_for_index(value: &str, case_insensitive: bool) -> String {
    let nfc: String = value.trim().nfc().collect();
    if case_insensitive {
        nfc.to_lowercase()
    } else {
        nfc
    }
}

/// The index of `value` under the `blind-index` subkey `key`, `length`
/// bytes as hex (`length` from [`BlindIndexOptions::checked_length`]).
/// Key selection is the caller's (`Keyring::blind_index`).
pub(super) fn compute(
    key: &[u8],
    value: &str,
    options: &BlindIndexOptions<'_>,
    length: usize,
) -> Result<String> {
    let canonical = canonicalize_for_index(value, options.case_insensitive);
    let digest = Prf::new(key, Domain::BlindIndex)
        .framed(options.context)?
        .finish_with(canonical.as_bytes());
    Ok(hex(&digest[..length]))
}
