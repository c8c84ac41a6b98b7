//! Keyrings: a set of master keys with IDs, exactly one of them primary, and
//! every public `Keyring` method.
//!
//! The `impl Keyring` is whole here: building and parsing a keyring, rotation
//! and key lookup, and the operations (encrypt, decrypt, re-encrypt, blind
//! index), which choose the key (the primary to make a token, the token's
//! key ID to open one, never a disabled key) and hand it to the primitive in
//! [`super::aead`] or [`super::blind_index`]. The primitives get a chosen
//! [`KeyEntry`] and know nothing of the set; where the JSON comes from is
//! [`super::source`].
//!
//! The JSON schema (also in `src/spec/keyring.md`):
//!
//! ```json
//! {
//!   "version": 1,
//!   "keys": [
//!     { "id": 2882400001, "status": "primary",      "material": "<base64 of 32 bytes>" },
//!     { "id": 305419896,  "status": "decrypt-only", "material": "<base64 of 32 bytes>" },
//!     { "id": 19088743,   "status": "disabled",     "material": "<base64 of 32 bytes>" }
//!   ]
//! }
//! ```
//!
//! * `id`: an integer in `1..=4294967295`, unique in the keyring; it is written
//!   into every token (big-endian, 4 bytes) so the right key is found without
//!   trying them all.
//! * `status`: `primary` encrypts and decrypts (exactly one key); `decrypt-only`
//!   decrypts tokens made before a rotation; `disabled` keys are kept but
//!   refuse to decrypt (error `KEY_DISABLED`) — the step before deleting one.
//! * `material`: the 32 key bytes in base64 (standard or URL-safe, padding
//!   optional).
//!
//! Unknown fields are rejected, so a typo such as `"staus"` is an error rather
//! than a silently ignored setting.

use super::aead;
use super::blind_index::{self, BlindIndexOptions};
use super::keys::{KeyEntry, KeyInfo, KeyStatus, Purpose, SecretKey};
use super::source::{self, KeyringSource, SECRETS_DIR};
use super::token::{self, TokenFormat};
use crate::error::{json_position, Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;
use zeroize::{Zeroize, Zeroizing};

/// A set of keys with exactly one primary. See the module docs for the JSON.
///
/// `Debug` shows key IDs and statuses only.
///
/// ```
/// use fieldguard::{KeyStatus, Keyring};
/// let mut keyring = Keyring::generate()?;
/// let old = keyring.primary_id();
/// let token = keyring.encrypt_str("alice@example.com", b"users.email")?;
///
/// let new = keyring.rotate()?;
/// assert_ne!(old, new);
/// assert_eq!(keyring.status(old), Some(KeyStatus::DecryptOnly));
/// // Tokens made before the rotation still decrypt.
/// assert_eq!(keyring.decrypt_str(&token, b"users.email")?, "alice@example.com");
///
/// // The JSON round-trips.
/// let again = Keyring::from_json(&keyring.to_json())?;
/// assert_eq!(again.primary_id(), new);
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub struct Keyring {
    keys: Vec<KeyEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyringFile {
    version: u32,
    keys: Vec<KeyFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    id: u32,
    status: KeyStatus,
    material: String,
}

impl Drop for KeyFile {
    fn drop(&mut self) {
        self.material.zeroize();
    }
}

const FORMAT_VERSION: u32 = 1;

impl Keyring {
    /// A new keyring with one fresh primary key.
    pub fn generate() -> Result<Self> {
        let id = super::random::nonzero_u32()?;
        Ok(Self {
            keys: vec![KeyEntry::new(
                id,
                KeyStatus::Primary,
                SecretKey::generate()?,
            )],
        })
    }

    /// A keyring from explicit keys, validated like a parsed one.
    ///
    /// ```
    /// use fieldguard::{KeyStatus, Keyring, SecretKey};
    /// let keyring = Keyring::from_keys(vec![
    ///     (1, KeyStatus::Primary, SecretKey::from_bytes(&[1; 32])?),
    ///     (2, KeyStatus::DecryptOnly, SecretKey::from_bytes(&[2; 32])?),
    /// ])?;
    /// assert_eq!(keyring.primary_id(), 1);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn from_keys(keys: Vec<(u32, KeyStatus, SecretKey)>) -> Result<Self> {
        let keyring = Self {
            keys: keys
                .into_iter()
                .map(|(id, status, key)| KeyEntry::new(id, status, key))
                .collect(),
        };
        keyring.validate()?;
        Ok(keyring)
    }

    /// Parse the keyring JSON (schema in the module docs).
    ///
    /// ```
    /// use fieldguard::{ErrorKind, Keyring};
    /// let json = r#"{"version":1,"keys":[{"id":7,"status":"primary","material":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}]}"#;
    /// assert_eq!(Keyring::from_json(json)?.primary_id(), 7);
    /// let err = Keyring::from_json(r#"{"version":1,"keys":[]}"#).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::KeyringNoPrimary);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        // JSON parsers may skip a byte order mark (RFC 8259 §8.1); we refuse
        // it, as JavaScript's JSON.parse does, but say what it is.
        if json.starts_with('\u{feff}') {
            return Err(Error::with(
                ErrorKind::KeyringInvalid,
                "the keyring starts with a byte order mark (U+FEFF): save it as UTF-8 without one",
            ));
        }
        let file: KeyringFile = serde_json::from_str(json)
            .map_err(|e| Error::with(ErrorKind::KeyringInvalid, keyring_json_error(&e)))?;
        if file.version != FORMAT_VERSION {
            return Err(Error::with(
                ErrorKind::KeyringInvalid,
                format!(
                    "keyring version {} is not supported (expected {FORMAT_VERSION})",
                    file.version
                ),
            ));
        }
        let mut keys = Vec::with_capacity(file.keys.len());
        for (index, key) in file.keys.iter().enumerate() {
            if key.id == 0 {
                return Err(Error::with(
                    ErrorKind::KeyringInvalid,
                    format!("keys[{index}]: key ID 0 is reserved"),
                ));
            }
            let material = SecretKey::from_base64(&key.material)
                .map_err(|e| e.context(format!("keys[{index}]")))?;
            keys.push(KeyEntry::new(key.id, key.status, material));
        }
        let keyring = Self { keys };
        keyring.validate()?;
        Ok(keyring)
    }

    /// The keyring as pretty-printed JSON. The result holds key material:
    /// it is zeroized on drop, and must be stored as a secret.
    pub fn to_json(&self) -> Zeroizing<String> {
        let file = KeyringFile {
            version: FORMAT_VERSION,
            keys: self
                .keys
                .iter()
                .map(|k| KeyFile {
                    id: k.id,
                    status: k.status,
                    material: k.material.to_base64().to_string(),
                })
                .collect(),
        };
        let mut out = serde_json::to_string_pretty(&file).expect("keyring serializes");
        out.push('\n');
        Zeroizing::new(out)
    }

    /// Read the keyring JSON from a file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let text = source::read_file(path)?;
        Self::from_json(&text).map_err(|e| e.context(path.display()))
    }

    /// Read the keyring JSON from the environment variable `name`.
    pub fn from_env(name: &str) -> Result<Self> {
        let text = source::read_env(name)?;
        Self::from_json(&text).map_err(|e| e.context(format!("environment variable {name}")))
    }

    /// Read the keyring from the Docker/Kubernetes secret `name`, that is the
    /// file `/run/secrets/<name>`.
    pub fn from_secret(name: &str) -> Result<Self> {
        Self::from_secret_in(SECRETS_DIR, name)
    }

    /// Read the keyring from the secret `name` in `dir` (for secrets mounted
    /// elsewhere). `name` must be a single path component.
    pub fn from_secret_in(dir: impl AsRef<Path>, name: &str) -> Result<Self> {
        Self::from_file(source::secret_path(dir.as_ref(), name)?)
    }

    /// Load from any [`KeyringSource`].
    pub fn load(source: &KeyringSource) -> Result<Self> {
        match source {
            KeyringSource::File(path) => Self::from_file(path),
            KeyringSource::Env(name) => Self::from_env(name),
            KeyringSource::Secret(name) => Self::from_secret(name),
        }
    }

    /// Make a fresh key the primary; the old primary becomes `decrypt-only`.
    /// Returns the new key's ID.
    pub fn rotate(&mut self) -> Result<u32> {
        let key = SecretKey::generate()?;
        let id = loop {
            let id = super::random::nonzero_u32()?;
            if self.find(id).is_none() {
                break id;
            }
        };
        for entry in &mut self.keys {
            if entry.status == KeyStatus::Primary {
                entry.status = KeyStatus::DecryptOnly;
            }
        }
        self.keys.push(KeyEntry::new(id, KeyStatus::Primary, key));
        Ok(id)
    }

    /// Change a key's status. Making a key `primary` demotes the current
    /// primary to `decrypt-only`; the primary itself cannot be demoted
    /// (promote another key instead).
    ///
    /// ```
    /// use fieldguard::{ErrorKind, KeyStatus, Keyring};
    /// let mut keyring = Keyring::generate()?;
    /// let old = keyring.primary_id();
    /// keyring.rotate()?;
    /// keyring.set_status(old, KeyStatus::Disabled)?;
    /// let err = keyring.set_status(keyring.primary_id(), KeyStatus::Disabled).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::KeyringNoPrimary);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn set_status(&mut self, id: u32, status: KeyStatus) -> Result<()> {
        let current = self.find(id).ok_or_else(|| unknown_key(id))?.status;
        if current == KeyStatus::Primary && status != KeyStatus::Primary {
            return Err(Error::with(
                ErrorKind::KeyringNoPrimary,
                "promote another key to primary instead of demoting the primary",
            ));
        }
        for entry in &mut self.keys {
            if entry.id == id {
                entry.status = status;
            } else if status == KeyStatus::Primary && entry.status == KeyStatus::Primary {
                entry.status = KeyStatus::DecryptOnly;
            }
        }
        Ok(())
    }

    /// The ID of the primary key.
    pub fn primary_id(&self) -> u32 {
        self.primary().id
    }

    /// The status of key `id`, if the keyring holds it.
    pub fn status(&self, id: u32) -> Option<KeyStatus> {
        self.find(id).map(|k| k.status)
    }

    /// IDs and statuses of all keys, in keyring order.
    pub fn keys(&self) -> impl Iterator<Item = KeyInfo> + '_ {
        self.keys.iter().map(KeyEntry::info)
    }

    fn primary(&self) -> &KeyEntry {
        self.keys
            .iter()
            .find(|k| k.status == KeyStatus::Primary)
            .expect("a validated keyring has a primary key")
    }

    /// The `purpose` subkey of key `key_id`, or of the primary key when
    /// `None` (for the PII operators: `pseudonymize` and `hash`). Derived on
    /// each call rather than cached, so a keyring only holds the subkeys its
    /// token formats need; zeroized on drop.
    pub(crate) fn subkey(
        &self,
        purpose: Purpose,
        key_id: Option<u32>,
    ) -> Result<Zeroizing<Vec<u8>>> {
        Ok(self.key_or_primary(key_id)?.material.derive(purpose))
    }

    /// Key `key_id` (which must be usable), or the primary when `None`.
    fn key_or_primary(&self, key_id: Option<u32>) -> Result<&KeyEntry> {
        match key_id {
            Some(id) => self.usable(id),
            None => Ok(self.primary()),
        }
    }

    fn find(&self, id: u32) -> Option<&KeyEntry> {
        self.keys.iter().find(|k| k.id == id)
    }

    /// The key for decrypting (or recomputing) under `id`.
    fn usable(&self, id: u32) -> Result<&KeyEntry> {
        let entry = self.find(id).ok_or_else(|| unknown_key(id))?;
        if entry.status == KeyStatus::Disabled {
            return Err(Error::with(ErrorKind::KeyDisabled, format!("key ID {id}")));
        }
        Ok(entry)
    }

    fn validate(&self) -> Result<()> {
        let mut ids: Vec<u32> = self.keys.iter().map(|k| k.id).collect();
        crate::sort::sort(&mut ids);
        if let Some(pair) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(Error::with(
                ErrorKind::KeyringDuplicateKeyId,
                format!("key ID {}", pair[0]),
            ));
        }
        if ids.first() == Some(&0) {
            return Err(Error::with(
                ErrorKind::KeyringInvalid,
                "key ID 0 is reserved",
            ));
        }
        match self
            .keys
            .iter()
            .filter(|k| k.status == KeyStatus::Primary)
            .count()
        {
            0 => Err(Error::new(ErrorKind::KeyringNoPrimary)),
            1 => Ok(()),
            _ => Err(Error::new(ErrorKind::KeyringMultiplePrimary)),
        }
    }
}

// Encryption and blind indexes: the key is chosen here; the ciphers are in
// `aead.rs`, the index in `blind_index.rs`.
impl Keyring {
    /// Encrypt `plaintext` under the primary key into a binary token.
    ///
    /// ```
    /// let keyring = fieldguard::Keyring::generate()?;
    /// let token = keyring.encrypt(b"\x00\x01 raw bytes", b"files.blob")?;
    /// assert_eq!(keyring.decrypt(&token, b"files.blob")?, b"\x00\x01 raw bytes");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn encrypt(&self, plaintext: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        aead::seal_randomized(self.primary(), plaintext, context)
    }

    /// Decrypt a binary token of either format.
    ///
    /// Every cryptographic failure is the one error `DECRYPT_FAILED`; only
    /// header problems (`TOKEN_MALFORMED`, `TOKEN_UNKNOWN_VERSION`,
    /// `KEY_UNKNOWN_ID`, `KEY_DISABLED`) have their own codes.
    ///
    /// ```
    /// use fieldguard::{ErrorKind, Keyring};
    /// let keyring = Keyring::generate()?;
    /// let token = keyring.encrypt(b"secret", b"users.ssn\x0042")?;
    /// // Moved to another record: refused, with the same error as tampering.
    /// let err = keyring.decrypt(&token, b"users.ssn\x0043").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::DecryptFailed);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn decrypt(&self, token: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        let info = token::inspect_bytes(token)?;
        aead::open(self.usable(info.key_id)?, info.format, token, context)
    }

    /// Encrypt a string into a text token (`fg.` + base64url).
    ///
    /// ```
    /// let keyring = fieldguard::Keyring::generate()?;
    /// let token = keyring.encrypt_str("4111 1111 1111 1111", b"payments.card")?;
    /// assert!(token.starts_with("fg."));
    /// assert_eq!(keyring.decrypt_str(&token, b"payments.card")?, "4111 1111 1111 1111");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn encrypt_str(&self, plaintext: &str, context: &[u8]) -> Result<String> {
        Ok(token::encode_text(
            &self.encrypt(plaintext.as_bytes(), context)?,
        ))
    }

    /// [`Keyring::encrypt_str`] refusing plaintext over `max_input_bytes`
    /// (UTF-8 bytes) with `INPUT_TOO_LARGE`: the JS `encrypt` uses it, with
    /// `clean`'s default ([`crate::text::DEFAULT_MAX_INPUT_BYTES`]).
    ///
    /// ```
    /// let keyring = fieldguard::Keyring::generate()?;
    /// let err = keyring.encrypt_str_limited("12345", b"", 4).unwrap_err();
    /// assert_eq!(err.code(), "INPUT_TOO_LARGE");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn encrypt_str_limited(
        &self,
        plaintext: &str,
        context: &[u8],
        max_input_bytes: u64,
    ) -> Result<String> {
        crate::text::check_input_size(plaintext.len(), max_input_bytes)?;
        self.encrypt_str(plaintext, context)
    }

    /// Decrypt a text token to a string. A token whose plaintext is not UTF-8
    /// (made with [`Keyring::encrypt`] from bytes) gives `INVALID_ARGUMENT`.
    pub fn decrypt_str(&self, token: &str, context: &[u8]) -> Result<String> {
        let plaintext = self.decrypt(&token::decode_text(token)?, context)?;
        aead::into_utf8(plaintext)
    }

    /// Encrypt deterministically (AES-SIV, RFC 5297) under the primary key:
    /// the same plaintext, context and key always give the same token, so the
    /// token can be looked up by equality (`WHERE email_enc = ?`).
    ///
    /// **What it leaks**: which records hold equal values in the same
    /// context (and so their frequency), and the plaintext length. Use it only
    /// for fields that must be matched by equality, and prefer a distinct
    /// context per field so equal values in different fields do not match.
    /// After a key rotation, values encrypted under the old key no longer
    /// match new lookups: re-encrypt them, or search with
    /// [`Keyring::encrypt_deterministic_with_key`] for each active key.
    ///
    /// ```
    /// let keyring = fieldguard::Keyring::generate()?;
    /// let a = keyring.encrypt_deterministic(b"alice@example.com", b"users.email")?;
    /// let b = keyring.encrypt_deterministic(b"alice@example.com", b"users.email")?;
    /// assert_eq!(a, b);
    /// assert_eq!(keyring.decrypt(&a, b"users.email")?, b"alice@example.com");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn encrypt_deterministic(&self, plaintext: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        aead::seal_deterministic(self.primary(), plaintext, context)
    }

    /// [`Keyring::encrypt_deterministic`] under key `key_id` instead of the
    /// primary (for lookups of rows not yet re-encrypted after a rotation).
    pub fn encrypt_deterministic_with_key(
        &self,
        plaintext: &[u8],
        context: &[u8],
        key_id: u32,
    ) -> Result<Vec<u8>> {
        aead::seal_deterministic(self.usable(key_id)?, plaintext, context)
    }

    /// Text-token form of [`Keyring::encrypt_deterministic`].
    pub fn encrypt_deterministic_str(&self, plaintext: &str, context: &[u8]) -> Result<String> {
        Ok(token::encode_text(
            &self.encrypt_deterministic(plaintext.as_bytes(), context)?,
        ))
    }

    /// Re-encrypt a binary token under the current primary key, keeping its
    /// format (randomized stays randomized, deterministic stays
    /// deterministic). The token is always decrypted first, so a damaged
    /// token is an error, never passed on. A token already under the primary
    /// key is returned unchanged.
    ///
    /// ```
    /// let mut keyring = fieldguard::Keyring::generate()?;
    /// let old = keyring.encrypt(b"v", b"ctx")?;
    /// let new_primary = keyring.rotate()?;
    /// let new = keyring.reencrypt(&old, b"ctx")?;
    /// assert_eq!(fieldguard::inspect_bytes(&new)?.key_id, new_primary);
    /// assert_eq!(keyring.decrypt(&new, b"ctx")?, b"v");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn reencrypt(&self, token: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        Ok(self
            .reencrypt_if_needed(token, context)?
            .unwrap_or_else(|| token.to_vec()))
    }

    /// Text-token form of [`Keyring::reencrypt`].
    pub fn reencrypt_str(&self, token: &str, context: &[u8]) -> Result<String> {
        Ok(
            match self.reencrypt_if_needed(&token::decode_text(token)?, context)? {
                Some(again) => token::encode_text(&again),
                None => token.to_owned(),
            },
        )
    }

    /// Decrypt `token` (always: a damaged token is an error, never passed
    /// on), then re-encrypt it under the primary key in the same format;
    /// `None` when it already is under the primary key.
    fn reencrypt_if_needed(&self, token: &[u8], context: &[u8]) -> Result<Option<Vec<u8>>> {
        let info = token::inspect_bytes(token)?;
        let key = self.usable(info.key_id)?;
        let plaintext = Zeroizing::new(aead::open(key, info.format, token, context)?);
        if info.key_id == self.primary_id() {
            return Ok(None);
        }
        match info.format {
            TokenFormat::Randomized => self.encrypt(&plaintext, context),
            TokenFormat::Deterministic => self.encrypt_deterministic(&plaintext, context),
        }
        .map(Some)
    }

    /// The blind index of `value` as lower-case hex.
    ///
    /// ```
    /// use fieldguard::{BlindIndexOptions, Keyring};
    /// let keyring = Keyring::generate()?;
    /// let opts = BlindIndexOptions::new(b"users.email").case_insensitive(true);
    /// let a = keyring.blind_index("Alice@Example.com ", &opts)?;
    /// let b = keyring.blind_index("alice@example.com", &opts)?;
    /// assert_eq!(a, b);
    /// assert_eq!(a.len(), 32);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn blind_index(&self, value: &str, options: &BlindIndexOptions<'_>) -> Result<String> {
        // The length is checked first, so a bad length is reported before
        // any key problem.
        let length = options.checked_length()?;
        let key = self.key_or_primary(options.key_id)?;
        blind_index::compute(&key.blind_index_key, value, options, length)
    }
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("keys", &self.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// Where the keyring JSON is wrong, and, for a member given twice, which
/// one: a duplicate is refused rather than letting the last one win, so a
/// pasted second `"material"` can never silently replace the first. Only
/// serde's duplicate-field message is read, because it names a schema
/// field (`id`, `status`, …) and never keyring content.
fn keyring_json_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let duplicate = message
        .strip_prefix("duplicate field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name)
        .filter(|name| ["version", "keys", "id", "status", "material"].contains(name));
    match duplicate {
        Some(name) => format!(
            "member \"{name}\" appears twice at line {} column {}",
            e.line(),
            e.column()
        ),
        None => json_position(e),
    }
}

fn unknown_key(id: u32) -> Error {
    Error::with(ErrorKind::KeyUnknownId, format!("key ID {id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_errors_never_show_material() {
        let keyring = Keyring::generate().unwrap();
        let json = keyring.to_json();
        let material = json.split("\"material\": \"").nth(1).unwrap();
        let material = &material[..material.find('"').unwrap()];
        assert!(!format!("{keyring:?}").contains(material));
        // A keyring whose material sits where the ID belongs: the error must
        // say where, not echo the value.
        let bad = format!(
            r#"{{"version":1,"keys":[{{"id":"{material}","status":"primary","material":"x"}}]}}"#
        );
        let err = Keyring::from_json(&bad).unwrap_err();
        assert!(!err.to_string().contains(material), "{err}");
        assert!(!format!("{err:?}").contains(material));
    }

    #[test]
    fn duplicate_members_and_a_byte_order_mark_are_refused_by_name() {
        let key = r#""status":"primary","material":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=""#;
        let good = format!(r#"{{"version":1,"keys":[{{"id":5,{key}}}]}}"#);
        assert!(Keyring::from_json(&good).is_ok());
        for (json, name) in [
            (good.replace(r#""id":5"#, r#""id":5,"id":6"#), "id"),
            (
                good.replace(r#""status""#, r#""material":"x","status""#),
                "material",
            ),
            (
                good.replace(r#""version":1"#, r#""version":1,"version":1"#),
                "version",
            ),
        ] {
            let err = Keyring::from_json(&json).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::KeyringInvalid);
            assert!(
                err.to_string()
                    .contains(&format!("\"{name}\" appears twice")),
                "{err}"
            );
        }
        let err = Keyring::from_json(&format!("\u{feff}{good}")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::KeyringInvalid);
        assert!(err.to_string().contains("byte order mark"), "{err}");
    }
}
