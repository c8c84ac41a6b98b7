//! The token format (full specification: `src/spec/token-format.md`).
//!
//! A token has a binary form (for byte columns) and a text form (for JSON
//! fields and text columns). The text form is the ASCII prefix `fg.` followed
//! by the unpadded base64url encoding (RFC 4648 §5) of the binary form, so it
//! is URL-safe and never needs escaping in JSON.
//!
//! ```text
//! format 0x01, randomized (AES-256-GCM):
//!   0x01 | key_id (u32, big-endian) | nonce (12) | ciphertext | tag (16)
//!   AAD = first 5 bytes (format byte and key ID) || context
//!
//! format 0x02, deterministic (AES-SIV, RFC 5297, 512-bit key):
//!   0x02 | key_id (u32, big-endian) | SIV (16) | ciphertext
//!   associated data vector = [first 5 bytes, context]
//! ```
//!
//! The format byte and key ID are authenticated: changing either makes the
//! token fail to decrypt, unlike formats whose key-ID prefix is outside the
//! AEAD.

use crate::error::{Error, ErrorKind, Result};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// Prefix of every text token.
pub const TEXT_PREFIX: &str = "fg.";

/// Length of the authenticated header: format byte plus 4-byte key ID.
pub(crate) const HEADER_LEN: usize = 5;
pub(crate) const GCM_NONCE_LEN: usize = 12;
pub(crate) const GCM_TAG_LEN: usize = 16;
pub(crate) const SIV_TAG_LEN: usize = 16;

/// Which token format a token uses (its first byte).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenFormat {
    /// `0x01`: AES-256-GCM with a random 96-bit nonce.
    Randomized,
    /// `0x02`: AES-SIV (RFC 5297); equal plaintexts give equal tokens.
    Deterministic,
}

impl TokenFormat {
    /// The format byte.
    pub const fn byte(self) -> u8 {
        match self {
            Self::Randomized => 0x01,
            Self::Deterministic => 0x02,
        }
    }

    fn from_byte(byte: u8) -> Result<Self> {
        match byte {
            0x01 => Ok(Self::Randomized),
            0x02 => Ok(Self::Deterministic),
            other => Err(Error::with(
                ErrorKind::TokenUnknownVersion,
                format!("format byte 0x{other:02x}"),
            )),
        }
    }

    /// The shortest valid binary token of this format (empty plaintext).
    pub const fn min_len(self) -> usize {
        match self {
            Self::Randomized => HEADER_LEN + GCM_NONCE_LEN + GCM_TAG_LEN,
            Self::Deterministic => HEADER_LEN + SIV_TAG_LEN,
        }
    }

    /// The lower-case name used in JSON and the CLI.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Randomized => "randomized",
            Self::Deterministic => "deterministic",
        }
    }
}

/// What a token's authenticated header says. Reading it does not need a key
/// and proves nothing: only a successful decrypt authenticates it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    /// The token format.
    pub format: TokenFormat,
    /// ID of the key the token claims to be encrypted under.
    pub key_id: u32,
}

/// Read the header of a binary token.
///
/// ```
/// use fieldguard::{inspect_bytes, ErrorKind};
/// assert_eq!(inspect_bytes(&[9]).unwrap_err().kind(), ErrorKind::TokenUnknownVersion);
/// assert_eq!(inspect_bytes(&[1, 0, 0]).unwrap_err().kind(), ErrorKind::TokenMalformed);
/// ```
pub fn inspect_bytes(token: &[u8]) -> Result<TokenInfo> {
    let (&first, _) = token
        .split_first()
        .ok_or_else(|| Error::with(ErrorKind::TokenMalformed, "empty token"))?;
    let format = TokenFormat::from_byte(first)?;
    if token.len() < format.min_len() {
        return Err(Error::with(
            ErrorKind::TokenMalformed,
            format!(
                "{} bytes is shorter than the {} bytes of an empty {} token",
                token.len(),
                format.min_len(),
                format.name()
            ),
        ));
    }
    let key_id = u32::from_be_bytes([token[1], token[2], token[3], token[4]]);
    Ok(TokenInfo { format, key_id })
}

/// Read the header of a text token.
///
/// ```
/// use fieldguard::{inspect, Keyring, TokenFormat};
/// let keyring = Keyring::generate()?;
/// let token = keyring.encrypt_str("x", b"ctx")?;
/// let info = inspect(&token)?;
/// assert_eq!(info.format, TokenFormat::Randomized);
/// assert_eq!(info.key_id, keyring.primary_id());
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn inspect(token: &str) -> Result<TokenInfo> {
    inspect_bytes(&decode_text(token)?)
}

/// Whether `value` looks like a text token (prefix and base64url alphabet).
/// Cheap; does not decode.
pub fn looks_like_token(value: &str) -> bool {
    value.strip_prefix(TEXT_PREFIX).is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// Binary form → text form.
pub fn encode_text(binary: &[u8]) -> String {
    let mut out = String::with_capacity(TEXT_PREFIX.len() + binary.len().div_ceil(3) * 4);
    out.push_str(TEXT_PREFIX);
    URL_SAFE_NO_PAD.encode_string(binary, &mut out);
    out
}

/// Text form → binary form. Strict: the prefix must be present, the base64url
/// must be unpadded and canonical (no stray bits), so each token has exactly
/// one text form.
pub fn decode_text(token: &str) -> Result<Vec<u8>> {
    let body = token.strip_prefix(TEXT_PREFIX).ok_or_else(|| {
        Error::with(
            ErrorKind::TokenMalformed,
            format!("text tokens start with \"{TEXT_PREFIX}\""),
        )
    })?;
    URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| Error::with(ErrorKind::TokenMalformed, "invalid base64url"))
}
