//! Record contexts: the bytes a token for a value inside a record is bound
//! to, and which of a value's two contexts each kind of output uses. The
//! text is specified in `src/spec/records.md` so that other implementations
//! bind the same bytes; this module is the one place that builds it (CLI
//! record mode, policies and the Rust API all come here).
//!
//! A value selected by a path has two contexts (each followed by a NUL byte
//! and the record ID when one is selected):
//!
//! * **location** — the canonical spelling of where the value is, every
//!   wildcard resolved: `orders[1].card`. Randomized tokens are bound to it,
//!   so the tokens of two array elements (or two members matched by `*`)
//!   cannot be swapped without `DECRYPT_FAILED`.
//! * **field** — the canonical spelling of the path that selected it:
//!   `orders[*].card`. Deterministic tokens (and, in policies, hashes,
//!   pseudonyms and date shifts) use it on purpose: equal values must give
//!   equal outputs in every element, or equality lookups and joins break.
//!   It is also the second context tried when a randomized token does not
//!   open under its location, because earlier releases bound randomized
//!   tokens to it; [`ValueContexts::reencrypt`] moves such tokens to their
//!   location.

use super::{type_name, FieldPath};
use crate::crypto::{inspect_bytes, Keyring, TokenFormat};
use crate::error::{Error, ErrorKind, Result};
use serde_json::Value;
use zeroize::Zeroizing;

/// The context bound to a token stored at `path` of a record: the canonical
/// path, then, if given, a NUL byte and the record ID. With a concrete path
/// (no wildcards, such as `orders[1].card`) this is a value's location
/// context; with the selecting path (`orders[*].card`), its field context
/// (see [`ValueContexts`]).
///
/// ```
/// let path: fieldguard::FieldPath = "user.email".parse()?;
/// assert_eq!(fieldguard::field_context(&path, Some("42")), b"user.email\x0042");
/// assert_eq!(fieldguard::field_context(&path, None), b"user.email");
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn field_context(path: &FieldPath, record_id: Option<&str>) -> Vec<u8> {
    context_bytes(&path.to_string(), record_id)
}

pub(crate) fn context_bytes(canonical_path: &str, record_id: Option<&str>) -> Vec<u8> {
    let id = record_id.map_or(0, |id| id.len() + 1);
    let mut context = Vec::with_capacity(canonical_path.len() + id);
    context.extend_from_slice(canonical_path.as_bytes());
    if let Some(id) = record_id {
        // A canonical path never holds a raw NUL (control characters are
        // quoted as `\u0000`), so the first NUL always ends the path.
        context.push(0);
        context.extend_from_slice(id.as_bytes());
    }
    context
}

/// The record ID at `path` as it goes into token contexts: a string as it
/// is, an integer as its exact decimal JSON text (any size: `serde_json`
/// keeps the digits); anything else, or nothing, is an error.
pub(crate) fn record_id_text(path: &FieldPath, record: &Value) -> Result<String> {
    match path.get(record) {
        Some(value) => id_text("record ID", path, value),
        None => Err(Error::with(
            ErrorKind::RecordInvalid,
            format!("record has no ID field {path}"),
        )),
    }
}

/// A string or an integer as context text; `what` names the role in the
/// error (`record ID`, `subject`).
pub(crate) fn id_text(what: &str, path: &FieldPath, value: &Value) -> Result<String> {
    let refused = |held: &str| {
        Error::with(
            ErrorKind::FieldType,
            format!("{what} {path} holds {held}; it must be a string or an integer"),
        )
    };
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => {
            let text = n.to_string();
            let digits = text.strip_prefix('-').unwrap_or(&text);
            // 1, 1.0 and 1e0 are one number but three spellings, and three
            // different contexts: only the one spelling of an integer is
            // accepted, so an ID binds the same bytes however it was written.
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                Ok(text)
            } else {
                Err(refused("a number with a fraction or an exponent"))
            }
        }
        other => Err(refused(type_name(other))),
    }
}

/// The two contexts of one value inside a record (see the [module
/// docs](self)), and the token operations that pick between them.
///
/// ```
/// use fieldguard::{path::ValueContexts, ErrorKind, Keyring};
/// let keyring = Keyring::generate()?;
/// let first = ValueContexts { location: b"orders[0].card", field: b"orders[*].card" };
/// let second = ValueContexts { location: b"orders[1].card", field: b"orders[*].card" };
/// let token = first.encrypt(&keyring, b"4111", false)?;
/// assert_eq!(first.decrypt(&keyring, &token)?, b"4111");
/// // Moved to the other element: refused.
/// assert_eq!(second.decrypt(&keyring, &token).unwrap_err().kind(), ErrorKind::DecryptFailed);
/// // A token of an earlier release, bound to the field, still opens, and
/// // re-encrypting binds it to its element.
/// let old = keyring.encrypt(b"4111", b"orders[*].card")?;
/// assert_eq!(second.decrypt(&keyring, &old)?, b"4111");
/// let rebound = second.reencrypt(&keyring, &old)?;
/// assert_eq!(keyring.decrypt(&rebound, b"orders[1].card")?, b"4111");
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueContexts<'a> {
    /// Where the value is, wildcards resolved (`orders[1].card`, then NUL
    /// and the record ID): what randomized tokens are bound to.
    pub location: &'a [u8],
    /// The path that selected it (`orders[*].card`, then NUL and the
    /// record ID): what deterministic tokens are bound to, and the
    /// fallback for randomized tokens of earlier releases.
    pub field: &'a [u8],
}

impl<'a> ValueContexts<'a> {
    /// One context for both: a value outside a record, or a path without
    /// wildcards.
    pub const fn single(context: &'a [u8]) -> Self {
        Self {
            location: context,
            field: context,
        }
    }

    /// A binary token for `plaintext` under the primary key: randomized
    /// tokens bound to the location, deterministic ones to the field.
    pub fn encrypt(
        &self,
        keyring: &Keyring,
        plaintext: &[u8],
        deterministic: bool,
    ) -> Result<Vec<u8>> {
        if deterministic {
            keyring.encrypt_deterministic(plaintext, self.field)
        } else {
            keyring.encrypt(plaintext, self.location)
        }
    }

    /// Open a binary token: a deterministic one under the field context; a
    /// randomized one under the location, then, if that is
    /// `DECRYPT_FAILED`, under the field (tokens of earlier releases).
    pub fn decrypt(&self, keyring: &Keyring, token: &[u8]) -> Result<Vec<u8>> {
        Ok(self.open(keyring, token)?.0.to_vec())
    }

    /// The token under the primary key, bound as [`encrypt`](Self::encrypt)
    /// binds a new one, in the same format; decrypted first, so a damaged
    /// token is an error. Returned unchanged when nothing would change: it
    /// is under the primary key already and (randomized) bound to its
    /// location, or (deterministic) to its field. A randomized token that
    /// only opened under the field context is re-encrypted even under the
    /// primary key, to bind it to its location.
    pub fn reencrypt(&self, keyring: &Keyring, token: &[u8]) -> Result<Vec<u8>> {
        let (plaintext, bound_here) = self.open(keyring, token)?;
        let info = inspect_bytes(token)?;
        if bound_here && info.key_id == keyring.primary_id() {
            return Ok(token.to_vec());
        }
        self.encrypt(
            keyring,
            &plaintext,
            info.format == TokenFormat::Deterministic,
        )
    }

    /// The plaintext, and whether the token is bound where a new token of
    /// its format would be (false: a randomized token of an earlier
    /// release, opened under the field context).
    fn open(&self, keyring: &Keyring, token: &[u8]) -> Result<(Zeroizing<Vec<u8>>, bool)> {
        let info = inspect_bytes(token)?;
        if info.format == TokenFormat::Deterministic {
            return Ok((Zeroizing::new(keyring.decrypt(token, self.field)?), true));
        }
        match keyring.decrypt(token, self.location) {
            Ok(plaintext) => Ok((Zeroizing::new(plaintext), true)),
            Err(e) if e.kind() == ErrorKind::DecryptFailed && self.location != self.field => {
                let plaintext = keyring.decrypt(token, self.field)?;
                Ok((Zeroizing::new(plaintext), false))
            }
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn record_ids_are_strings_or_integers_of_any_size() {
        let path: FieldPath = "id".parse().unwrap();
        for (id, text) in [
            (json!("cus_1"), "cus_1"),
            (json!(""), ""),
            (json!(42), "42"),
            (json!(-7), "-7"),
            (json!(u64::MAX), "18446744073709551615"),
        ] {
            assert_eq!(record_id_text(&path, &json!({ "id": id })).unwrap(), text);
        }
        // Beyond 64 bits: the exact digits, not a rounded float.
        let big: Value = serde_json::from_str(r#"{"id": 123456789012345678901234567890}"#).unwrap();
        assert_eq!(
            record_id_text(&path, &big).unwrap(),
            "123456789012345678901234567890"
        );
        for (json, held) in [
            (r#"{"id": 1.0}"#, "a number with a fraction or an exponent"),
            (r#"{"id": 1e3}"#, "a number with a fraction or an exponent"),
            (r#"{"id": true}"#, "a boolean"),
            (r#"{"id": null}"#, "null"),
            (r#"{"id": [1]}"#, "an array"),
        ] {
            let err = record_id_text(&path, &serde_json::from_str(json).unwrap()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::FieldType, "{json}");
            assert!(err.to_string().contains(held), "{json}: {err}");
        }
        let err = record_id_text(&path, &json!({})).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::RecordInvalid);
    }
}
