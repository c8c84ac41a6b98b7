//! The one error type of fieldguard.
//!
//! Every failure carries an [`ErrorKind`] with a stable, SCREAMING_SNAKE_CASE
//! [`code`](ErrorKind::code). The code is the contract: the wasm adapter puts it
//! on the JS `Error` as `error.code`, the CLI prints it, and the shared test
//! vectors compare it across runtimes. Messages are for people and may change.
//!
//! Messages never contain key material, plaintext or record values: a parse
//! error says *where* (line, column, field path), never *what* was there.

use std::borrow::Cow;
use std::fmt;

/// A fieldguard error: a stable [`ErrorKind`] plus a human-readable detail.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    detail: Cow<'static, str>,
}

/// What went wrong, with a stable code for programs.
///
/// New kinds may be added in minor releases, so match with a wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A token did not decrypt. Deliberately one kind for every cause — wrong
    /// key material, wrong context, or a modified token — so that an attacker
    /// learns nothing from which one it was.
    ///
    /// Fix: check the keyring is the one the token was made with and that the
    /// context is byte-for-byte the one used to encrypt.
    DecryptFailed,
    /// The token is not a fieldguard token: bad prefix, bad base64url, or too
    /// short for its format. Fix: pass the token exactly as produced.
    TokenMalformed,
    /// The token's format byte is not one this version knows. Fix: upgrade
    /// fieldguard, or check the value really is a fieldguard token.
    TokenUnknownVersion,
    /// The token names a key ID the keyring does not hold. Fix: load the
    /// keyring that contains that key (rotation keeps old keys for this).
    KeyUnknownId,
    /// The token's key is in the keyring but marked `disabled`. Fix: set it to
    /// `decrypt-only` while old tokens still need it.
    KeyDisabled,
    /// Key material is not exactly 32 bytes. Fix: generate keys with
    /// `fieldguard keygen` or take 32 bytes from a CSPRNG.
    KeyInvalidLength,
    /// Key material is not valid base64. Fix: encode the 32 key bytes as base64.
    KeyInvalidEncoding,
    /// The keyring JSON is malformed or does not follow the schema
    /// (see `src/spec/keyring.md`). The detail says where.
    KeyringInvalid,
    /// No key in the keyring has status `primary`. Fix: mark exactly one key
    /// `primary` (or run `fieldguard rotate`).
    KeyringNoPrimary,
    /// More than one key has status `primary`. Fix: keep exactly one.
    KeyringMultiplePrimary,
    /// Two keys share an ID. Fix: give every key a unique ID.
    KeyringDuplicateKeyId,
    /// The keyring could not be read from its file, environment variable or
    /// secret. The detail names the source, never its content.
    KeyringSource,
    /// An argument is out of range or of the wrong type (for example a blind
    /// index length outside 4..=32, or a lone UTF-16 surrogate from JS).
    InvalidArgument,
    /// The operating system's random source failed. Nothing was encrypted.
    RandomUnavailable,
    /// A field path does not parse (see `records` for the syntax).
    FieldPathInvalid,
    /// A field selected for encryption holds something other than a string or
    /// null (encryption works on strings; convert the value first).
    FieldType,
    /// An input record is not valid JSON. The detail gives line and column.
    RecordInvalid,
    /// Reading or writing a file or stream failed.
    Io,
    /// A value failed validation or a field rule whose action is `reject`.
    /// The detail gives the reason code (for example `EMAIL_DOMAIN_INVALID`)
    /// and, for records, the field path — never the value itself.
    /// Fix: correct the input, or relax the rule.
    ValueInvalid,
    /// A policy (field rules) document is malformed or inconsistent; the
    /// detail says where. Fix: follow the schema in `fieldguard::policy`.
    PolicyInvalid,
    /// An input is larger than the configured limit (for example
    /// `maxInputBytes`). Nothing was processed. Fix: raise the limit or split
    /// the input.
    InputTooLarge,
}

impl ErrorKind {
    /// The stable code of this kind, for example `"DECRYPT_FAILED"`.
    ///
    /// ```
    /// assert_eq!(fieldguard::ErrorKind::DecryptFailed.code(), "DECRYPT_FAILED");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Self::DecryptFailed => "DECRYPT_FAILED",
            Self::TokenMalformed => "TOKEN_MALFORMED",
            Self::TokenUnknownVersion => "TOKEN_UNKNOWN_VERSION",
            Self::KeyUnknownId => "KEY_UNKNOWN_ID",
            Self::KeyDisabled => "KEY_DISABLED",
            Self::KeyInvalidLength => "KEY_INVALID_LENGTH",
            Self::KeyInvalidEncoding => "KEY_INVALID_ENCODING",
            Self::KeyringInvalid => "KEYRING_INVALID",
            Self::KeyringNoPrimary => "KEYRING_NO_PRIMARY",
            Self::KeyringMultiplePrimary => "KEYRING_MULTIPLE_PRIMARY",
            Self::KeyringDuplicateKeyId => "KEYRING_DUPLICATE_KEY_ID",
            Self::KeyringSource => "KEYRING_SOURCE",
            Self::InvalidArgument => "INVALID_ARGUMENT",
            Self::RandomUnavailable => "RANDOM_UNAVAILABLE",
            Self::FieldPathInvalid => "FIELD_PATH_INVALID",
            Self::FieldType => "FIELD_TYPE",
            Self::RecordInvalid => "RECORD_INVALID",
            Self::Io => "IO",
            Self::ValueInvalid => "VALUE_INVALID",
            Self::PolicyInvalid => "POLICY_INVALID",
            Self::InputTooLarge => "INPUT_TOO_LARGE",
        }
    }

    const fn summary(self) -> &'static str {
        match self {
            Self::DecryptFailed => {
                "decryption failed (wrong key, wrong context, or the token was modified)"
            }
            Self::TokenMalformed => "malformed token",
            Self::TokenUnknownVersion => "unknown token version",
            Self::KeyUnknownId => "no key with this ID in the keyring",
            Self::KeyDisabled => "the key is disabled",
            Self::KeyInvalidLength => "key material must be exactly 32 bytes",
            Self::KeyInvalidEncoding => "key material is not valid base64",
            Self::KeyringInvalid => "invalid keyring",
            Self::KeyringNoPrimary => "the keyring has no primary key",
            Self::KeyringMultiplePrimary => "the keyring has more than one primary key",
            Self::KeyringDuplicateKeyId => "the keyring has two keys with the same ID",
            Self::KeyringSource => "cannot read the keyring",
            Self::InvalidArgument => "invalid argument",
            Self::RandomUnavailable => "the operating system's random source failed",
            Self::FieldPathInvalid => "invalid field path",
            Self::FieldType => "field is not a string",
            Self::RecordInvalid => "invalid record",
            Self::Io => "I/O error",
            Self::ValueInvalid => "invalid value",
            Self::PolicyInvalid => "invalid policy",
            Self::InputTooLarge => "input too large",
        }
    }
}

impl Error {
    /// An error of `kind` with no further detail.
    pub(crate) const fn new(kind: ErrorKind) -> Self {
        Self {
            kind,
            detail: Cow::Borrowed(""),
        }
    }

    /// An error of `kind` with a detail. Callers must never put secrets or
    /// input values into `detail`.
    pub(crate) fn with(kind: ErrorKind, detail: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind,
            detail: detail.into(),
        }
    }

    /// An `INVALID_ARGUMENT` error, for applications (such as the CLI) that
    /// check their own arguments. Never put secrets into `detail`.
    ///
    /// ```
    /// let err = fieldguard::Error::invalid_argument("--out exists");
    /// assert_eq!(err.code(), "INVALID_ARGUMENT");
    /// ```
    pub fn invalid_argument(detail: impl Into<String>) -> Self {
        Self::with(ErrorKind::InvalidArgument, detail.into())
    }

    /// The kind of error.
    ///
    /// ```
    /// use fieldguard::{ErrorKind, Keyring};
    /// let err = Keyring::from_json("{}").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::KeyringInvalid);
    /// ```
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable code, shorthand for `self.kind().code()`.
    pub const fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The extra detail (where the problem is), possibly empty.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// Prefix the detail with where the error happened (a file, a line, a
    /// field path). Never pass record content or secrets as `location`.
    ///
    /// ```
    /// let err = fieldguard::Error::invalid_argument("bad").context("line 3");
    /// assert_eq!(err.to_string(), "invalid argument: line 3: bad");
    /// ```
    #[must_use]
    pub fn context(mut self, location: impl fmt::Display) -> Self {
        self.detail = if self.detail.is_empty() {
            Cow::Owned(location.to_string())
        } else {
            Cow::Owned(format!("{location}: {}", self.detail))
        };
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.summary())?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("code", &self.code())
            .field("detail", &self.detail)
            .finish()
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        // io::Error messages name the OS condition, never file content.
        Error::with(ErrorKind::Io, err.to_string())
    }
}

/// Describe a serde_json error by position only: its message can quote the
/// offending value (`invalid type: string "…"`), which may be a key or PII.
pub(crate) fn json_position(err: &serde_json::Error) -> String {
    format!(
        "{} at line {} column {}",
        json_category(err),
        err.line(),
        err.column()
    )
}

/// What kind of JSON error, in words (never the offending text).
pub(crate) fn json_category(err: &serde_json::Error) -> &'static str {
    match err.classify() {
        serde_json::error::Category::Io => "read error",
        serde_json::error::Category::Syntax => "syntax error",
        serde_json::error::Category::Data => "unexpected value",
        serde_json::error::Category::Eof => "unexpected end of input",
    }
}

/// `Result` with fieldguard's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
