//! Keyrings: a set of master keys with IDs, exactly one of them primary.
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

use super::keys::{Purpose, SecretKey};
use crate::error::{json_position, Error, ErrorKind, Result};
use aes_gcm::{Aes256Gcm, KeyInit};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};
use zeroize::{Zeroize, Zeroizing};

/// The directory Docker and Kubernetes mount secrets into.
pub const SECRETS_DIR: &str = "/run/secrets";

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

/// One key with its per-purpose subkeys derived once, at load.
pub(crate) struct KeyEntry {
    pub(crate) id: u32,
    pub(crate) status: KeyStatus,
    material: SecretKey,
    /// AES-256-GCM with the `encrypt` subkey (zeroized on drop by aes-gcm).
    pub(crate) gcm: Aes256Gcm,
    /// The 64-byte AES-SIV key (`deterministic` subkey).
    pub(crate) siv_key: Zeroizing<Vec<u8>>,
    /// The HMAC-SHA256 key for blind indexes (`blind-index` subkey).
    pub(crate) blind_index_key: Zeroizing<Vec<u8>>,
}

impl KeyEntry {
    fn new(id: u32, status: KeyStatus, material: SecretKey) -> Self {
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
}

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
        let file: KeyringFile = serde_json::from_str(json)
            .map_err(|e| Error::with(ErrorKind::KeyringInvalid, json_position(&e)))?;
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
        let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
            Error::with(
                ErrorKind::KeyringSource,
                format!("cannot read keyring file {}: {e}", path.display()),
            )
        })?);
        Self::from_json(&text).map_err(|e| e.context(path.display()))
    }

    /// Read the keyring JSON from the environment variable `name`.
    pub fn from_env(name: &str) -> Result<Self> {
        let text = Zeroizing::new(std::env::var(name).map_err(|e| {
            let why = match e {
                std::env::VarError::NotPresent => "is not set",
                std::env::VarError::NotUnicode(_) => "is not valid UTF-8",
            };
            Error::with(
                ErrorKind::KeyringSource,
                format!("environment variable {name} {why}"),
            )
        })?);
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
        Self::from_file(secret_path(dir.as_ref(), name)?)
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
        self.keys.iter().map(|k| KeyInfo {
            id: k.id,
            status: k.status,
        })
    }

    pub(crate) fn primary(&self) -> &KeyEntry {
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
        let entry = match key_id {
            Some(id) => self.usable(id)?,
            None => self.primary(),
        };
        Ok(entry.material.derive(purpose))
    }

    fn find(&self, id: u32) -> Option<&KeyEntry> {
        self.keys.iter().find(|k| k.id == id)
    }

    /// The key for decrypting (or recomputing) under `id`.
    pub(crate) fn usable(&self, id: u32) -> Result<&KeyEntry> {
        let entry = self.find(id).ok_or_else(|| unknown_key(id))?;
        if entry.status == KeyStatus::Disabled {
            return Err(Error::with(ErrorKind::KeyDisabled, format!("key ID {id}")));
        }
        Ok(entry)
    }

    fn validate(&self) -> Result<()> {
        let mut ids: Vec<u32> = self.keys.iter().map(|k| k.id).collect();
        ids.sort_unstable();
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

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("keys", &self.keys().collect::<Vec<_>>())
            .finish()
    }
}

fn unknown_key(id: u32) -> Error {
    Error::with(ErrorKind::KeyUnknownId, format!("key ID {id}"))
}

/// Where to load a keyring from. Keys never come from the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyringSource {
    /// A JSON file.
    File(PathBuf),
    /// An environment variable holding the JSON.
    Env(String),
    /// A Docker/Kubernetes secret: `/run/secrets/<name>`.
    Secret(String),
}

/// `dir/name`, refusing names that would leave `dir` (`../x`, `a/b`, ``).
pub(crate) fn secret_path(dir: &Path, name: &str) -> Result<PathBuf> {
    let single = Path::new(name).components().count() == 1
        && matches!(
            Path::new(name).components().next(),
            Some(std::path::Component::Normal(_))
        );
    if name.is_empty() || !single || name.contains(['/', '\\']) {
        return Err(Error::with(
            ErrorKind::KeyringSource,
            "a secret name is a single file name such as \"fieldguard-keyring\"",
        ));
    }
    Ok(dir.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_cannot_escape_the_directory() {
        let dir = Path::new("/run/secrets");
        assert_eq!(secret_path(dir, "kr").unwrap(), dir.join("kr"));
        for bad in ["", "..", ".", "../etc/passwd", "a/b", "/etc/passwd", "a\\b"] {
            assert_eq!(
                secret_path(dir, bad).unwrap_err().kind(),
                ErrorKind::KeyringSource,
                "{bad:?}"
            );
        }
    }

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
}
