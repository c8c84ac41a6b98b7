//! `hash`: a keyed hash, never a plain or salted SHA.
//!
//! ```text
//! hash = hex( HMAC-SHA256(hash subkey,
//!            "fieldguard:hash:v1" || u32_be(len(type)) || type
//!            || u32_be(len(context)) || context || value)[..length] )
//! ```
//!
//! `type` is the entity type name (`PII` without one) and `context` the
//! operator context (a field path), so equal values of different types or
//! fields do not hash alike unless the caller wants it. The length
//! prefixes keep the concatenation unambiguous. The value is hashed as
//! given (no trimming or case folding): normalize it first if variants
//! must match. The HMAC and its framing are `crypto::prf`
//! (`Domain::Hash`).

use super::{invalid_option, OperatorContext, Result};
use crate::crypto::prf::{hex, Domain, Prf};
use crate::crypto::{Keyring, Purpose};
use serde::{Deserialize, Serialize};

/// Options of `hash`.
///
/// ```
/// use fieldguard::{pii::operators::*, Keyring};
/// let keyring = Keyring::generate()?;
/// let ctx = OperatorContext::new().keyring(&keyring).context(b"users.email");
/// let h = apply(&Operator::Hash(Hash::default()), "alice@example.com", &ctx)?;
/// assert_eq!(h.len(), 32); // 16 bytes, hex
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Hash {
    /// Output length in bytes, 4..=32 (twice as many hex digits). Default 16.
    pub length: usize,
    /// Hash under this key instead of the primary (lookups after a
    /// rotation). Default none.
    pub key_id: Option<u32>,
}

impl Default for Hash {
    fn default() -> Self {
        Self {
            length: 16,
            key_id: None,
        }
    }
}

impl Hash {
    pub(super) fn check(&self) -> Result<()> {
        if (4..=32).contains(&self.length) {
            Ok(())
        } else {
            Err(invalid_option("hash: length must be from 4 to 32 bytes"))
        }
    }

    pub(super) fn apply(
        &self,
        value: &str,
        ctx: &OperatorContext,
        keyring: &Keyring,
    ) -> Result<String> {
        let key = keyring.subkey(Purpose::Hash, self.key_id)?;
        let digest = Prf::new(&key, Domain::Hash)
            .framed(ctx.type_name().as_bytes())?
            .framed(ctx.context)?
            .finish_with(value.as_bytes());
        Ok(hex(&digest[..self.length]))
    }
}
