//! Operators: what to do with a found (or policy-selected) value.
//!
//! An [`Operator`] is a small serde document, the same in Rust, JS and
//! policies: `{"op": "mask", "keepLast": 4}`. [`apply`] runs one over a
//! value with an [`OperatorContext`] (entity type, keyring, context bytes,
//! subject).
//!
//! | op | result | needs a keyring |
//! |---|---|---|
//! | `redact` | `""` | no |
//! | `drop` | `""` in free text; record callers remove the field ([`Operator::removes_field`]) | no |
//! | `replace` | the template `with`, `{type}` → the entity type (default `<{type}>` → `<EMAIL_ADDRESS>`, `<PII>` without a type) | no |
//! | `mask` | letters and digits replaced by `char`, separators kept | no |
//! | `hash` | hex of a truncated HMAC-SHA256 (keyring `hash` subkey) | yes |
//! | `pseudonymize` | a realistic, format-preserving fake, the same for the same value and keyring everywhere | yes |
//! | `encrypt` | a `fg.` text token bound to the context | yes |
//! | `generalize` | a coarser value: date → year/month, number → bucket, code → prefix | no |
//! | `date-shift` | the date moved by a keyed per-subject number of days, same format | yes |
//!
//! An operator that needs a key and gets none fails with `INVALID_ARGUMENT`
//! ("needs a keyring"). A value the operator cannot read (a `generalize`
//! bucket over text, a `date-shift` of something that is not a date) is
//! `VALUE_INVALID`. Errors never contain the value. Nothing here uses
//! floating point, randomness or hash-map iteration: every result is
//! exactly reproducible in every runtime.
//!
//! ```
//! use fieldguard::pii::{operators::{apply, Operator, OperatorContext}, EntityType};
//! let op: Operator = serde_json::from_str(r#"{"op":"mask","keepLast":4}"#).unwrap();
//! let ctx = OperatorContext::new().entity_type(EntityType::CreditCard);
//! assert_eq!(apply(&op, "4111 1111 1111 1111", &ctx)?, "**** **** **** 1111");
//! # Ok::<(), fieldguard::Error>(())
//! ```

mod date_shift;
mod generalize;
mod hash;
mod mask;
mod pseudonym;

use crate::crypto::Keyring;
use crate::error::{Error, ErrorKind, Result};
use crate::pii::EntityType;
use serde::{Deserialize, Serialize};

pub use date_shift::DateShift;
pub use generalize::{DatePart, Generalize};
pub use hash::Hash;
pub use mask::Mask;
pub use pseudonym::Pseudonymize;

/// What to do with a value. JSON: `{"op": "<kebab-case name>", …options}`.
///
/// ```
/// use fieldguard::pii::operators::Operator;
/// let op: Operator = serde_json::from_str(r#"{"op":"hash","length":8}"#).unwrap();
/// assert!(matches!(op, Operator::Hash(h) if h.length == 8));
/// assert!(serde_json::from_str::<Operator>(r#"{"op":"mask","keeplast":4}"#).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Operator {
    /// Remove the value: the result is `""`.
    Redact(Redact),
    /// Replace with a fixed template.
    Replace(Replace),
    /// Hide letters and digits, keeping some at either end.
    Mask(Mask),
    /// A keyed hash (HMAC-SHA256), hex.
    Hash(Hash),
    /// A deterministic, format-preserving fake value.
    Pseudonymize(Pseudonymize),
    /// A fieldguard token (reversible with the keyring and context).
    Encrypt(Encrypt),
    /// A coarser value.
    Generalize(Generalize),
    /// Move a date by a keyed per-subject number of days.
    DateShift(DateShift),
    /// Remove the record field; in free text the same as `redact`.
    Drop(DropField),
}

impl Operator {
    /// Whether a record-level caller should remove the field rather than
    /// store the result (only `drop`).
    ///
    /// ```
    /// use fieldguard::pii::operators::{DropField, Operator, Redact};
    /// assert!(Operator::Drop(DropField::default()).removes_field());
    /// assert!(!Operator::Redact(Redact::default()).removes_field());
    /// ```
    pub fn removes_field(&self) -> bool {
        matches!(self, Self::Drop(_))
    }

    /// The operator's JSON name (`"mask"`, `"date-shift"`, …).
    ///
    /// ```
    /// use fieldguard::pii::operators::{DateShift, Operator};
    /// assert_eq!(Operator::DateShift(DateShift::default()).name(), "date-shift");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Self::Redact(_) => "redact",
            Self::Replace(_) => "replace",
            Self::Mask(_) => "mask",
            Self::Hash(_) => "hash",
            Self::Pseudonymize(_) => "pseudonymize",
            Self::Encrypt(_) => "encrypt",
            Self::Generalize(_) => "generalize",
            Self::DateShift(_) => "date-shift",
            Self::Drop(_) => "drop",
        }
    }

    /// Whether the operator needs a keyring (`hash`, `pseudonymize`,
    /// `encrypt`, `date-shift`).
    ///
    /// ```
    /// use fieldguard::pii::operators::{Operator, Pseudonymize};
    /// assert!(Operator::Pseudonymize(Pseudonymize::default()).needs_keyring());
    /// ```
    pub fn needs_keyring(&self) -> bool {
        matches!(
            self,
            Self::Hash(_) | Self::Pseudonymize(_) | Self::Encrypt(_) | Self::DateShift(_)
        )
    }

    /// Check the options without a value (ranges such as `hash.length`
    /// 4..=32), so a policy can refuse a bad operator when it is loaded.
    ///
    /// ```
    /// use fieldguard::pii::operators::Operator;
    /// let op: Operator = serde_json::from_str(r#"{"op":"hash","length":64}"#).unwrap();
    /// assert_eq!(op.check().unwrap_err().code(), "INVALID_ARGUMENT");
    /// ```
    pub fn check(&self) -> Result<()> {
        match self {
            Self::Hash(h) => h.check(),
            Self::Generalize(g) => g.check(),
            Self::DateShift(d) => d.check(),
            _ => Ok(()),
        }
    }
}

/// Options of `redact` (none).
///
/// ```
/// let op: fieldguard::pii::operators::Operator = serde_json::from_str(r#"{"op":"redact"}"#).unwrap();
/// assert_eq!(op, fieldguard::pii::operators::Operator::Redact(Default::default()));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Redact {}

/// Options of `drop` (none). Free text has no field to remove, so there it
/// acts like `redact`.
///
/// ```
/// let op: fieldguard::pii::operators::Operator = serde_json::from_str(r#"{"op":"drop"}"#).unwrap();
/// assert!(op.removes_field());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct DropField {}

/// Options of `replace`.
///
/// ```
/// use fieldguard::pii::operators::Replace;
/// assert_eq!(Replace::default().with, "<{type}>");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Replace {
    /// The replacement; every `{type}` becomes the entity type name (`PII`
    /// when there is none). Default `"<{type}>"`.
    pub with: String,
}

impl Default for Replace {
    fn default() -> Self {
        Self {
            with: "<{type}>".into(),
        }
    }
}

/// Options of `encrypt`.
///
/// ```
/// use fieldguard::pii::operators::Encrypt;
/// assert!(!Encrypt::default().deterministic);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Encrypt {
    /// AES-SIV tokens (equal values give equal tokens, which leaks
    /// equality) instead of randomized AES-GCM. Default false.
    pub deterministic: bool,
}

/// Everything an operator may need besides the value. Build it with the
/// setters; every part is optional.
///
/// ```
/// use fieldguard::{pii::{operators::OperatorContext, EntityType}, Keyring};
/// let keyring = Keyring::generate()?;
/// let ctx = OperatorContext::new()
///     .entity_type(EntityType::EmailAddress)
///     .keyring(&keyring)
///     .context(b"users.email")
///     .subject("user-42");
/// assert_eq!(ctx.subject, Some("user-42"));
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct OperatorContext<'a> {
    /// The value's type: selects the pseudonym format, names `{type}` in
    /// `replace`, separates hash domains. Default none (generic).
    pub entity_type: Option<EntityType>,
    /// Keys for `hash`, `pseudonymize`, `encrypt` and `date-shift`.
    pub keyring: Option<&'a Keyring>,
    /// Where the value belongs (a field path such as `users.email`): the
    /// token's associated data for `encrypt`, a domain separator for
    /// `hash`, the shift key for `date-shift` without a subject. Default
    /// empty. Pseudonyms ignore it on purpose, so one person gets the same
    /// pseudonym in every field and service.
    pub context: &'a [u8],
    /// The value's own location when it differs from `context` (an array
    /// element, `orders[1].card`, of the field `orders[*].card`): randomized
    /// `encrypt` tokens are bound to it, so two elements' tokens cannot be
    /// swapped. Every other operator, and deterministic `encrypt`, uses
    /// `context`, so equal values stay equal across elements. Default none
    /// (`context`).
    pub location: Option<&'a [u8]>,
    /// Whose value it is (a user ID), for `date-shift`: all dates of one
    /// subject move by the same number of days. Default none.
    pub subject: Option<&'a str>,
    /// Longer values (UTF-8 bytes) are refused with `INPUT_TOO_LARGE`.
    /// Default [`crate::text::DEFAULT_MAX_INPUT_BYTES`] (1 MiB), as `clean`.
    pub max_input_bytes: u64,
}

impl<'a> OperatorContext<'a> {
    /// An empty context.
    pub const fn new() -> Self {
        Self {
            entity_type: None,
            keyring: None,
            context: b"",
            location: None,
            subject: None,
            max_input_bytes: crate::text::DEFAULT_MAX_INPUT_BYTES,
        }
    }

    /// Set the size limit.
    pub const fn max_input_bytes(mut self, max_input_bytes: u64) -> Self {
        self.max_input_bytes = max_input_bytes;
        self
    }

    /// Set the entity type.
    pub const fn entity_type(mut self, t: EntityType) -> Self {
        self.entity_type = Some(t);
        self
    }

    /// Set the keyring.
    pub const fn keyring(mut self, keyring: &'a Keyring) -> Self {
        self.keyring = Some(keyring);
        self
    }

    /// Set the context bytes.
    pub const fn context(mut self, context: &'a [u8]) -> Self {
        self.context = context;
        self
    }

    /// Set the location context (see [`OperatorContext::location`]).
    pub const fn location(mut self, location: &'a [u8]) -> Self {
        self.location = Some(location);
        self
    }

    /// Set the subject.
    pub const fn subject(mut self, subject: &'a str) -> Self {
        self.subject = Some(subject);
        self
    }

    fn need_keyring(&self, op: &str) -> Result<&'a Keyring> {
        self.keyring.ok_or_else(|| {
            Error::with(
                ErrorKind::InvalidArgument,
                format!("the {op} operator needs a keyring"),
            )
        })
    }

    fn type_name(&self) -> &'static str {
        self.entity_type.map_or("PII", EntityType::name)
    }
}

/// Apply `operator` to `value`. Never panics; errors never contain the value.
///
/// ```
/// use fieldguard::{pii::{operators::*, EntityType}, Keyring};
/// let keyring = Keyring::generate()?;
/// let ctx = OperatorContext::new().entity_type(EntityType::CreditCard).keyring(&keyring);
/// let op = Operator::Pseudonymize(Pseudonymize::default());
/// let fake = apply(&op, "4111-1111-1111-1111", &ctx)?;
/// assert_eq!(fake, apply(&op, "4111-1111-1111-1111", &ctx)?); // deterministic
/// assert_eq!(fake.len(), 19);
/// assert!(fake.starts_with('4') && fieldguard::validate::credit_card(&fake).is_ok());
///
/// // Keyed operators without a keyring: INVALID_ARGUMENT.
/// let err = apply(&op, "x", &OperatorContext::new()).unwrap_err();
/// assert_eq!(err.code(), "INVALID_ARGUMENT");
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn apply(operator: &Operator, value: &str, ctx: &OperatorContext) -> Result<String> {
    operator.check()?;
    crate::text::check_input_size(value.len(), ctx.max_input_bytes)?;
    match operator {
        Operator::Redact(_) | Operator::Drop(_) => Ok(String::new()),
        Operator::Replace(r) => Ok(r.with.replace("{type}", ctx.type_name())),
        Operator::Mask(m) => Ok(m.apply(value)),
        Operator::Hash(h) => h.apply(value, ctx, ctx.need_keyring("hash")?),
        Operator::Pseudonymize(p) => p.apply(value, ctx, ctx.need_keyring("pseudonymize")?),
        Operator::Encrypt(e) => {
            let keyring = ctx.need_keyring("encrypt")?;
            if e.deterministic {
                keyring.encrypt_deterministic_str(value, ctx.context)
            } else {
                keyring.encrypt_str(value, ctx.location.unwrap_or(ctx.context))
            }
        }
        Operator::Generalize(g) => g.apply(value),
        Operator::DateShift(d) => d.apply(value, ctx, ctx.need_keyring("date-shift")?),
    }
}

/// `VALUE_INVALID` naming the operator and what is wrong (never the value).
fn value_invalid(detail: &'static str) -> Error {
    Error::with(ErrorKind::ValueInvalid, detail)
}

fn invalid_option(detail: &'static str) -> Error {
    Error::with(ErrorKind::InvalidArgument, detail)
}
