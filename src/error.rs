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

/// The table of error kinds: the one place a kind is listed. Each row is
/// the variant (with its docs), its C status number (`fg_status` in
/// `pkg-config/include/fieldguard.h`), its code string and the summary that
/// starts its message. Everything else is derived from it: [`ErrorKind`],
/// [`ErrorKind::code`], [`ErrorKind::status`], [`ErrorKind::ALL`], the C
/// ABI's status mapping and the TypeScript `ErrorCode` union; the tests below
/// compare the header and the union with it.
///
/// The status numbers and codes are contracts across runtimes: never change
/// or reuse one, and add new kinds at the end with the next free number.
macro_rules! error_kinds {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $status:literal, $code:literal, $summary:literal;
    )*) => {
        /// What went wrong, with a stable code for programs.
        ///
        /// New kinds may be added in minor releases, so match with a wildcard arm.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $( $(#[$doc])* $variant, )*
        }

        impl ErrorKind {
            /// Every kind, in the order of their status numbers.
            ///
            /// ```
            /// use fieldguard::ErrorKind;
            /// assert!(ErrorKind::ALL.contains(&ErrorKind::DecryptFailed));
            /// ```
            pub const ALL: &'static [ErrorKind] = &[$(Self::$variant),*];

            /// The stable code of this kind, for example `"DECRYPT_FAILED"`.
            ///
            /// ```
            /// assert_eq!(fieldguard::ErrorKind::DecryptFailed.code(), "DECRYPT_FAILED");
            /// ```
            pub const fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)*
                }
            }

            /// The code followed by a NUL byte, so that the C ABI can hand
            /// out a static C string without a second list of codes.
            #[cfg_attr(not(feature = "ffi"), allow(dead_code))]
            pub(crate) const fn code_with_nul(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!($code, "\0"),)*
                }
            }

            /// The stable status number of this kind in the C API (the
            /// `fg_status` enum of `fieldguard.h`); `0` is success there and
            /// is never a kind.
            ///
            /// ```
            /// assert_eq!(fieldguard::ErrorKind::DecryptFailed.status(), 1);
            /// ```
            pub const fn status(self) -> i32 {
                match self {
                    $(Self::$variant => $status,)*
                }
            }

            const fn summary(self) -> &'static str {
                match self {
                    $(Self::$variant => $summary,)*
                }
            }
        }

        /// The TypeScript `ErrorCode` union, for the wasm adapter's
        /// declarations (`src/wasm/mod.rs`). Built here, from the same
        /// table, so that a native test can check it. (`allow`: wasm-bindgen
        /// reads it from a generated static the dead-code lint does not see.)
        #[cfg(any(feature = "wasm", test))]
        #[allow(dead_code)]
        pub(crate) const TS_ERROR_CODE: &str = concat!(
            "/** Stable error codes; `error.code` is always one of these. */\n",
            "export type ErrorCode =",
            $("\n  | \"", $code, "\"",)*
            ";\n"
        );
    };
}

error_kinds! {
    /// A token did not decrypt. Deliberately one kind for every cause — wrong
    /// key material, wrong context, or a modified token — so that an attacker
    /// learns nothing from which one it was.
    ///
    /// Fix: check the keyring is the one the token was made with and that the
    /// context is byte-for-byte the one used to encrypt.
    DecryptFailed = 1, "DECRYPT_FAILED",
        "decryption failed (wrong key, wrong context, or the token was modified)";
    /// The token is not a fieldguard token: bad prefix, bad base64url, or too
    /// short for its format. Fix: pass the token exactly as produced.
    TokenMalformed = 2, "TOKEN_MALFORMED", "malformed token";
    /// The token's format byte is not one this version knows. Fix: upgrade
    /// fieldguard, or check the value really is a fieldguard token.
    TokenUnknownVersion = 3, "TOKEN_UNKNOWN_VERSION", "unknown token version";
    /// The token names a key ID the keyring does not hold. Fix: load the
    /// keyring that contains that key (rotation keeps old keys for this).
    KeyUnknownId = 4, "KEY_UNKNOWN_ID", "no key with this ID in the keyring";
    /// The token's key is in the keyring but marked `disabled`. Fix: set it to
    /// `decrypt-only` while old tokens still need it.
    KeyDisabled = 5, "KEY_DISABLED", "the key is disabled";
    /// Key material is not exactly 32 bytes. Fix: generate keys with
    /// `fieldguard keygen` or take 32 bytes from a CSPRNG.
    KeyInvalidLength = 6, "KEY_INVALID_LENGTH", "key material must be exactly 32 bytes";
    /// Key material is not valid base64. Fix: encode the 32 key bytes as base64.
    KeyInvalidEncoding = 7, "KEY_INVALID_ENCODING", "key material is not valid base64";
    /// The keyring JSON is malformed or does not follow the schema
    /// (see `src/spec/keyring.md`). The detail says where.
    KeyringInvalid = 8, "KEYRING_INVALID", "invalid keyring";
    /// No key in the keyring has status `primary`. Fix: mark exactly one key
    /// `primary` (or run `fieldguard rotate`).
    KeyringNoPrimary = 9, "KEYRING_NO_PRIMARY", "the keyring has no primary key";
    /// More than one key has status `primary`. Fix: keep exactly one.
    KeyringMultiplePrimary = 10, "KEYRING_MULTIPLE_PRIMARY",
        "the keyring has more than one primary key";
    /// Two keys share an ID. Fix: give every key a unique ID.
    KeyringDuplicateKeyId = 11, "KEYRING_DUPLICATE_KEY_ID",
        "the keyring has two keys with the same ID";
    /// The keyring could not be read from its file, environment variable or
    /// secret. The detail names the source, never its content.
    KeyringSource = 12, "KEYRING_SOURCE", "cannot read the keyring";
    /// An argument is out of range or of the wrong type (for example a blind
    /// index length outside 4..=32, or a lone UTF-16 surrogate from JS).
    InvalidArgument = 13, "INVALID_ARGUMENT", "invalid argument";
    /// The operating system's random source failed. Nothing was encrypted.
    RandomUnavailable = 14, "RANDOM_UNAVAILABLE", "the operating system's random source failed";
    /// A field path does not parse (see `fieldguard::path` for the syntax).
    FieldPathInvalid = 15, "FIELD_PATH_INVALID", "invalid field path";
    /// A field selected for encryption holds something other than a string or
    /// null (encryption works on strings; convert the value first).
    FieldType = 16, "FIELD_TYPE", "field is not a string";
    /// An input record is not valid JSON. The detail gives line and column.
    RecordInvalid = 17, "RECORD_INVALID", "invalid record";
    /// Reading or writing a file or stream failed.
    Io = 18, "IO", "I/O error";
    /// A value failed validation or a field rule whose action is `reject`.
    /// The detail gives the reason code (for example `EMAIL_DOMAIN_INVALID`)
    /// and, for records, the field path — never the value itself.
    /// Fix: correct the input, or relax the rule.
    ValueInvalid = 19, "VALUE_INVALID", "invalid value";
    /// A policy (field rules) document is malformed or inconsistent; the
    /// detail says where. Fix: follow the schema in `fieldguard::policy`.
    PolicyInvalid = 20, "POLICY_INVALID", "invalid policy";
    /// An input is larger than the configured limit (for example
    /// `maxInputBytes`). Nothing was processed. Fix: raise the limit or split
    /// the input.
    InputTooLarge = 21, "INPUT_TOO_LARGE", "input too large";
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

#[cfg(test)]
mod tests {
    //! The table against the copies other runtimes read: the C header and
    //! the TypeScript union. Both directions, so a kind missing on either
    //! side, a renumbered status or a misspelt code fails here.

    use super::{ErrorKind, TS_ERROR_CODE};
    use std::collections::{BTreeMap, BTreeSet};

    /// The `FG_*` constants of the `fg_status` enum in the header.
    fn header_statuses() -> BTreeMap<String, i32> {
        let header = include_str!("../pkg-config/include/fieldguard.h");
        let start = header
            .find("typedef enum fg_status {")
            .expect("fg_status enum in fieldguard.h");
        let body = &header[start..];
        let body = &body[..body.find("} fg_status;").expect("end of fg_status")];
        body.lines()
            .skip(1)
            .map(|line| line.split("/*").next().unwrap_or("").trim())
            .filter(|line| !line.is_empty())
            .map(|line| {
                let (name, number) = line
                    .trim_end_matches(',')
                    .split_once('=')
                    .unwrap_or_else(|| panic!("unexpected line in fg_status: {line}"));
                let number = number.trim().parse().expect("status number");
                (name.trim().to_owned(), number)
            })
            .collect()
    }

    #[test]
    fn the_table_has_unique_codes_and_statuses() {
        let codes: BTreeSet<_> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
        let statuses: BTreeSet<_> = ErrorKind::ALL.iter().map(|k| k.status()).collect();
        assert_eq!(codes.len(), ErrorKind::ALL.len());
        assert_eq!(statuses.len(), ErrorKind::ALL.len());
        for kind in ErrorKind::ALL {
            // 0 is FG_OK and 100 FG_INTERNAL in the C API.
            assert!(kind.status() > 0 && kind.status() < 100, "{kind:?}");
            assert_eq!(kind.code_with_nul(), format!("{}\0", kind.code()));
            assert!(kind
                .code()
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'_'));
        }
        // The ALL order is the status order (the header lists them so).
        assert!(ErrorKind::ALL
            .windows(2)
            .all(|w| w[0].status() < w[1].status()));
    }

    #[test]
    fn the_c_header_lists_exactly_the_table() {
        let mut header = header_statuses();
        assert_eq!(header.remove("FG_OK"), Some(0));
        assert_eq!(header.remove("FG_INTERNAL"), Some(100));
        let table: BTreeMap<String, i32> = ErrorKind::ALL
            .iter()
            .map(|k| (format!("FG_{}", k.code()), k.status()))
            .collect();
        assert_eq!(
            header, table,
            "fg_status in pkg-config/include/fieldguard.h disagrees with the error table"
        );
    }

    #[test]
    fn the_typescript_union_lists_exactly_the_table() {
        let union = TS_ERROR_CODE
            .split_once("export type ErrorCode =")
            .expect("ErrorCode declaration")
            .1;
        let union = union.trim().strip_suffix(';').expect("ends with ;");
        let codes: Vec<&str> = union
            .split('|')
            .map(|member| member.trim())
            .filter(|member| !member.is_empty())
            .map(|member| member.trim_matches('"'))
            .collect();
        let table: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes, table);
    }

    /// `src/spec/errors.md` is the page users read: every code of the table
    /// appears in it as `` `CODE` ``, and it names no code the table lacks.
    #[test]
    fn the_spec_page_lists_exactly_the_table() {
        let page = include_str!("spec/errors.md");
        let mut listed = std::collections::BTreeSet::new();
        for cell in page.split('`').skip(1).step_by(2) {
            let is_code = cell.len() > 1
                && cell
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'_' || b.is_ascii_digit())
                && cell.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
            if is_code && !cell.starts_with("FG_") {
                listed.insert(cell);
            }
        }
        let table: std::collections::BTreeSet<&str> =
            ErrorKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(
            listed, table,
            "src/spec/errors.md disagrees with the error table in src/error.rs"
        );
    }
}
