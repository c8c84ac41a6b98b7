//! One key: its material, what it may do, and its per-purpose subkeys.
//!
//! Everything about a single key lives here; the set of keys (rotation,
//! lookup by ID, the JSON file) is [`super::keyring`]. A keyring holds
//! 256-bit *master* keys. No master key is ever used directly:
//! each use derives its own subkey with HKDF-SHA256 (RFC 5869), so that one
//! secret never serves two purposes (a blind index can never be turned into a
//! decryption key, a pseudonym key never into an encryption key):
//!
//! ```text
//! subkey = HKDF-SHA256(IKM = master key, salt = "" , info = "fieldguard:v1:" || purpose, L)
//! ```
//!
//! An empty salt means HashLen zero bytes (RFC 5869 §2.2). `L` is 64 for
//! [`Purpose::Deterministic`] (AES-SIV-256 takes two AES-256 keys) and 32 for
//! every other purpose.

use crate::error::{Error, ErrorKind, Result};
use aes_gcm::{Aes256Gcm, KeyInit};
use base64::Engine as _;
use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::fmt;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// Length in bytes of every master key.
pub const KEY_LEN: usize = 32;

/// A 256-bit master key. Zeroized on drop; `Debug` never shows the bytes;
/// equality is constant-time.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SecretKey([u8; KEY_LEN]);

impl SecretKey {
    /// A fresh key from the operating system's CSPRNG (Web Crypto in browsers).
    ///
    /// ```
    /// let key = fieldguard::SecretKey::generate()?;
    /// assert_eq!(format!("{key:?}"), "SecretKey(<redacted>)");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn generate() -> Result<Self> {
        let mut bytes = [0u8; KEY_LEN];
        super::random::fill(&mut bytes)?;
        Ok(Self(bytes))
    }

    /// A key from exactly 32 bytes.
    ///
    /// ```
    /// use fieldguard::{ErrorKind, SecretKey};
    /// assert!(SecretKey::from_bytes(&[7u8; 32]).is_ok());
    /// assert_eq!(SecretKey::from_bytes(&[7u8; 16]).unwrap_err().kind(), ErrorKind::KeyInvalidLength);
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let array: [u8; KEY_LEN] = bytes.try_into().map_err(|_| {
            Error::with(
                ErrorKind::KeyInvalidLength,
                format!("got {} bytes", bytes.len()),
            )
        })?;
        Ok(Self(array))
    }

    /// A key from base64 (standard or URL-safe alphabet, padded or not), the
    /// form used in keyring files. `openssl rand -base64 32` output works.
    pub fn from_base64(text: &str) -> Result<Self> {
        let text = text.trim();
        let bytes = Zeroizing::new(decode_base64_any(text).ok_or_else(|| {
            Error::with(ErrorKind::KeyInvalidEncoding, "expected base64 of 32 bytes")
        })?);
        Self::from_bytes(&bytes)
    }

    /// The key as standard padded base64 — handle the result as a secret.
    pub fn to_base64(&self) -> Zeroizing<String> {
        Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(self.0))
    }

    /// Derive the subkey for `purpose` (see the module docs for the exact KDF).
    ///
    /// ```
    /// use fieldguard::{Purpose, SecretKey};
    /// let key = SecretKey::from_bytes(&[0u8; 32])?;
    /// assert_eq!(key.derive(Purpose::Encrypt).len(), 32);
    /// assert_eq!(key.derive(Purpose::Deterministic).len(), 64);
    /// assert_ne!(&key.derive(Purpose::Encrypt)[..], &key.derive(Purpose::BlindIndex)[..]);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn derive(&self, purpose: Purpose) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(vec![0u8; purpose.subkey_len()]);
        let mut info = Vec::with_capacity(32);
        info.extend_from_slice(INFO_PREFIX);
        info.extend_from_slice(purpose.label().as_bytes());
        Hkdf::<Sha256>::new(None, &self.0)
            .expand(&info, &mut out)
            // expand only fails for L > 255 * 32; our lengths are 32 and 64.
            .expect("HKDF output length is within RFC 5869 limits");
        out
    }
}

impl PartialEq for SecretKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}
impl Eq for SecretKey {}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

const INFO_PREFIX: &[u8] = b"fieldguard:v1:";

/// What a derived subkey is for. Each purpose gets an independent key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Purpose {
    /// AES-256-GCM for randomized tokens (label `encrypt`, 32 bytes).
    Encrypt,
    /// AES-SIV for deterministic tokens (label `deterministic`, 64 bytes).
    Deterministic,
    /// HMAC-SHA256 for blind indexes (label `blind-index`, 32 bytes).
    BlindIndex,
    /// Keyed pseudonyms (label `pseudonymize`, 32 bytes).
    Pseudonymize,
    /// Keyed hashes of values (label `hash`, 32 bytes).
    Hash,
}

impl Purpose {
    /// Every purpose, in a fixed order.
    pub const ALL: [Purpose; 5] = [
        Purpose::Encrypt,
        Purpose::Deterministic,
        Purpose::BlindIndex,
        Purpose::Pseudonymize,
        Purpose::Hash,
    ];

    /// The label appended to `fieldguard:v1:` in the HKDF `info`.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Encrypt => "encrypt",
            Self::Deterministic => "deterministic",
            Self::BlindIndex => "blind-index",
            Self::Pseudonymize => "pseudonymize",
            Self::Hash => "hash",
        }
    }

    /// The purpose with this label.
    ///
    /// ```
    /// use fieldguard::Purpose;
    /// assert_eq!(Purpose::from_label("blind-index")?, Purpose::BlindIndex);
    /// assert!(Purpose::from_label("nope").is_err());
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn from_label(label: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.label() == label)
            .ok_or_else(|| {
                Error::with(
                    ErrorKind::InvalidArgument,
                    "unknown purpose (expected encrypt, deterministic, blind-index, pseudonymize or hash)",
                )
            })
    }

    /// Length in bytes of this purpose's subkey.
    pub const fn subkey_len(self) -> usize {
        match self {
            Self::Deterministic => 64,
            _ => 32,
        }
    }
}

/// What a key may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyStatus {
    /// Encrypts new tokens and decrypts. Exactly one key is primary.
    Primary,
    /// Decrypts existing tokens only.
    DecryptOnly,
    /// Kept in the keyring but refuses every use.
    Disabled,
}

impl KeyStatus {
    /// The name used in the keyring JSON (`primary`, `decrypt-only`, `disabled`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Primary => "primary",
            Self::DecryptOnly => "decrypt-only",
            Self::Disabled => "disabled",
        }
    }
}

/// Public facts about one key: its ID and status, never its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyInfo {
    /// The key ID written into tokens.
    pub id: u32,
    /// What the key may do.
    pub status: KeyStatus,
}

/// One key of a keyring, with the subkeys its token formats and blind
/// indexes need derived once, at load. The `pseudonymize` and `hash`
/// subkeys are derived per use instead (see `Keyring::subkey`), so a
/// keyring only holds what encryption needs.
pub(super) struct KeyEntry {
    pub(super) id: u32,
    pub(super) status: KeyStatus,
    pub(super) material: SecretKey,
    /// AES-256-GCM with the `encrypt` subkey (zeroized on drop by aes-gcm).
    pub(super) gcm: Aes256Gcm,
    /// The 64-byte AES-SIV key (`deterministic` subkey).
    pub(super) siv_key: Zeroizing<Vec<u8>>,
    /// The HMAC-SHA256 key for blind indexes (`blind-index` subkey).
    pub(super) blind_index_key: Zeroizing<Vec<u8>>,
}

impl KeyEntry {
    pub(super) fn new(id: u32, status: KeyStatus, material: SecretKey) -> Self {
        let enc = material.derive(Purpose::Encrypt);
        let gcm = Aes256Gcm::new_from_slice(&enc).expect("the encrypt subkey is 32 bytes");
        Self {
            id,
            status,
            gcm,
            siv_key: material.derive(Purpose::Deterministic),
            blind_index_key: material.derive(Purpose::BlindIndex),
            material,
        }
    }

    pub(super) fn info(&self) -> KeyInfo {
        KeyInfo {
            id: self.id,
            status: self.status,
        }
    }
}

/// Decode base64 in any of the four common variants. Returns `None` rather
/// than an error so callers choose the error kind.
pub(crate) fn decode_base64_any(text: &str) -> Option<Vec<u8>> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    let url = text.contains(['-', '_']);
    let padded = text.ends_with('=');
    let engine = match (url, padded) {
        (false, true) => &STANDARD,
        (false, false) => &STANDARD_NO_PAD,
        (true, true) => &URL_SAFE,
        (true, false) => &URL_SAFE_NO_PAD,
    };
    engine.decode(text).ok()
}
