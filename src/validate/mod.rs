//! Typed validators and normalizers: each returns the value's **canonical
//! form** (so that equal values compare equal, index the same and encrypt
//! deterministically to the same token) or a typed, stable [`Reason`].
//!
//! One type, [`Validator`], describes a check and its options. Its JSON shape
//! is the one the policy file uses: `{"type": "email", "maxLength": 254}`
//! (the `type` is kebab-case, options are camelCase, unknown options are
//! errors). Convenience functions ([`email`], [`url()`], [`phone()`] …) run a
//! validator with its default options.
//!
//! ```
//! use fieldguard::validate::{self, Validator};
//!
//! let v = validate::email("Alice@Example.COM").unwrap();
//! assert_eq!(v.value, "Alice@example.com"); // local part as typed, domain lower-cased
//!
//! let phone: Validator = serde_json::from_str(r#"{"type":"phone","defaultCountry":"US"}"#).unwrap();
//! assert_eq!(phone.validate("(415) 555-2671").unwrap().value, "+14155552671");
//!
//! let err = validate::iban("GB82 WEST 1234 5698 7654 31").unwrap_err();
//! assert_eq!(err.reason.code(), "IBAN_CHECKSUM");
//! ```
//!
//! # General rules
//!
//! * Input is **not trimmed**: leading or trailing white space makes a value
//!   invalid (except where separators are part of the format: phone numbers,
//!   card numbers and IBANs strip spaces anywhere). Run `text::clean` first
//!   if you want trimming.
//! * The empty string is always [`Reason::Empty`].
//! * Messages ([`Invalid::message`]) never contain the input; they say what
//!   rule failed. [`Reason::code`] is the stable contract.
//! * Every validator runs in time linear in the input and never panics.
//!
//! # The rules, per type
//!
//! * **`email`** ([`EmailOptions`]): the WHATWG HTML "valid e-mail address"
//!   (`input type=email`): local part of `` A-Z a-z 0-9 .!#$%&'*+/=?^_`{|}~- ``,
//!   domain of LDH labels (letters, digits, hyphen; 1–63 octets, no leading or
//!   trailing hyphen). Stricter than WHATWG in four documented ways: dots in
//!   the local part follow RFC 5322 `dot-atom` (no leading, trailing or
//!   doubled dot), the local part is at most 64 octets (RFC 5321 §4.5.3.1.1),
//!   the address at most `maxLength` (default 254) octets with the domain in
//!   ASCII form, and — by default (`requireTld`) — the domain needs at least
//!   two labels; a domain whose last label is all digits is always refused
//!   (a URL parser would read it as an IPv4 address). IDN domains are
//!   converted with UTS #46 (`idna`, as the WHATWG URL standard does) to
//!   A-labels. No quoted local parts, no comments, no IP literals unless
//!   `allowIpDomain` (`[192.0.2.1]`, `[IPv6:2001:db8::1]`, RFC 5321 §4.1.3).
//!   Canonical form: local part as typed, domain lower-case A-labels
//!   (U-labels with `unicodeDomain`).
//! * **`url`** ([`UrlOptions`]): parsed with the WHATWG URL standard (`url`
//!   crate). Refused before parsing: ASCII white space or control characters
//!   anywhere (the WHATWG parser would silently drop tabs and newlines, a
//!   classic filter bypass). The input must be a WHATWG *valid URL string*:
//!   any validation error the parser recovers from (`http:/x`, `https:x`,
//!   backslashes, `%` without two hex digits, `<` `>` `"` `{` in a path …)
//!   is `URL_INVALID`, not silently repaired. A domain host must be LDH
//!   labels like `hostname` (one trailing dot allowed; no `_`, `*`, empty
//!   labels): `URL_HOST_INVALID`. WHATWG IPv4 forms (`0x7f.1`) are
//!   accepted and canonicalized (`127.0.0.1`). The scheme must be in `schemes` (default
//!   `["https", "http"]`), a host is required (`requireHost`), user name and
//!   password are refused (`allowCredentials` false), and both the input and
//!   the canonical form are at most `maxLength` (2048) octets. Canonical
//!   form: the WHATWG serialization (lower-case scheme and host, punycode,
//!   default port dropped, `/` path for special schemes, percent-encoding).
//! * **`hostname`** ([`HostnameOptions`]): RFC 1123 LDH labels after UTS #46
//!   (IDN → A-label; `xn--` labels must be valid punycode, and their U-labels
//!   must not start or end with a hyphen, RFC 5891 §4.2.3.1), total ≤ 253 octets, no trailing dot, last label not all
//!   digits, at least two labels unless `requireTld` is false. Canonical
//!   form: lower-case A-labels.
//! * **`ip`** ([`IpOptions`]): dotted-quad IPv4 with no leading zeros (`010`
//!   is octal to some parsers and decimal to others), or IPv6 text (RFC 4291
//!   §2.2, embedded IPv4 allowed; no zone IDs, no brackets). `version`
//!   restricts to `v4` or `v6`. Canonical form: RFC 5952 for IPv6 (lower
//!   case, longest zero run compressed), dotted decimal for IPv4.
//! * **`uuid`** ([`UuidOptions`]): `8-4-4-4-12` hex digits in either case,
//!   optionally in braces `{…}` or after `urn:uuid:` (RFC 9562 §4,
//!   case-insensitive). Versions 1–8 must have the RFC 9562 variant (`10xx`);
//!   the nil (all 0) and max (all f) UUIDs are accepted only with `allowNil`
//!   (default false: they are placeholders, not identifiers). `versions`
//!   restricts the version. Canonical form: lower-case, hyphenated.
//! * **`date`** ([`DateOptions`]): ISO 8601 calendar date `YYYY-MM-DD`
//!   (exactly 4-digit year 0000–9999, proleptic Gregorian, leap years).
//!   Canonical form: the same text.
//! * **`date-time`** ([`DateTimeOptions`]): RFC 3339 §5.6 `date-time`:
//!   `YYYY-MM-DDTHH:MM:SS[.fraction]` then `Z` or `±HH:MM` (required unless
//!   `requireOffset` is false). `t`/`z` may be lower case (RFC 3339 §5.6
//!   note); a space instead of `T` is refused. Seconds 00–59: leap second
//!   `60` is refused (it cannot be checked without a leap-second table).
//!   The fraction has 1–9 digits. Canonical form: upper-case `T` and `Z`,
//!   everything else as typed (the offset is kept, not converted to UTC).
//! * **`phone`** ([`PhoneOptions`]): see [`phone`](self::phone()) and the
//!   `phone` module: E.164, max 15 digits, country-aware.
//! * **`credit-card`** ([`CardOptions`]): spaces and `-` stripped, 12–19
//!   digits, a known IIN range with its lengths, Luhn checksum. Canonical
//!   form: digits only. Details: `brand` and `last4`, never the number.
//! * **`iban`** ([`IbanOptions`]): spaces stripped, upper-cased, a country
//!   of the SWIFT IBAN registry with its exact length and BBAN structure
//!   (digits, letters, alphanumerics per position), check digits 02–98,
//!   ISO 7064 mod 97-10 = 1. Canonical form: electronic format.
//! * **`integer`** / **`decimal`** ([`IntegerOptions`], [`DecimalOptions`]):
//!   ASCII digits with an optional `+` or `-` sign, no exponent, no
//!   separators, any length (compared textually, never overflowing).
//!   Canonical form: no `+`, no leading zeros, no trailing fraction zeros,
//!   `-0` → `0`.

mod card;
mod datetime;
mod email;
mod iban;
mod net;
mod number;
mod phone;
mod uuid;

// Tables the PII recognizers (`crate::pii::recognize`) reuse; the check
// digits themselves live in `crate::checks`.
pub(crate) use card::brand as card_brand;

use crate::error::{Error, ErrorKind};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::fmt;

pub use card::{CardBrand, CardOptions};
pub use datetime::{DateOptions, DateTimeOptions};
pub use email::EmailOptions;
pub use iban::IbanOptions;
pub use net::{HostnameOptions, IpOptions, IpVersion, UrlOptions};
pub use number::{DecimalOptions, IntegerOptions};
pub use phone::PhoneOptions;
pub use uuid::UuidOptions;

/// A validator and its options. JSON: `{"type": "<kebab-case>", ...options}`.
///
/// ```
/// use fieldguard::validate::{IntegerOptions, Validator};
/// let v: Validator = serde_json::from_str(r#"{"type":"integer","min":0,"max":10}"#).unwrap();
/// assert_eq!(v, Validator::Integer(IntegerOptions { min: Some(0), max: Some(10) }));
/// assert_eq!(v.validate("007").unwrap().value, "7");
/// assert!(serde_json::from_str::<Validator>(r#"{"type":"integer","maximum":3}"#).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Validator {
    /// An e-mail address (WHATWG rules; see the module docs).
    Email(EmailOptions),
    /// An absolute URL (WHATWG parsing).
    Url(UrlOptions),
    /// A DNS host name.
    Hostname(HostnameOptions),
    /// An IPv4 or IPv6 address.
    Ip(IpOptions),
    /// A UUID.
    Uuid(UuidOptions),
    /// An ISO 8601 calendar date.
    Date(DateOptions),
    /// An RFC 3339 date-time.
    DateTime(DateTimeOptions),
    /// A telephone number, normalized to E.164.
    Phone(PhoneOptions),
    /// A payment card number.
    CreditCard(CardOptions),
    /// An IBAN.
    Iban(IbanOptions),
    /// An integer of any length.
    Integer(IntegerOptions),
    /// A decimal number of any length.
    Decimal(DecimalOptions),
}

/// The `type` names accepted in JSON, in declaration order.
pub const TYPES: &[&str] = &[
    "email",
    "url",
    "hostname",
    "ip",
    "uuid",
    "date",
    "date-time",
    "phone",
    "credit-card",
    "iban",
    "integer",
    "decimal",
];

impl Validator {
    /// Check `input`: its canonical form and details, or why it is invalid.
    ///
    /// ```
    /// use fieldguard::validate::{IpOptions, Validator};
    /// let v = Validator::Ip(IpOptions::default());
    /// assert_eq!(v.validate("2001:DB8:0:0:0:0:0:1").unwrap().value, "2001:db8::1");
    /// assert_eq!(v.validate("010.0.0.1").unwrap_err().reason.code(), "IP_INVALID");
    /// ```
    pub fn validate(&self, input: &str) -> Result<Valid, Invalid> {
        if input.is_empty() {
            return Err(Invalid::new(Reason::Empty));
        }
        match self {
            Self::Email(o) => email::validate(input, o),
            Self::Url(o) => net::url(input, o),
            Self::Hostname(o) => net::hostname(input, o),
            Self::Ip(o) => net::ip(input, o),
            Self::Uuid(o) => uuid::validate(input, o),
            Self::Date(o) => datetime::date(input, o),
            Self::DateTime(o) => datetime::date_time(input, o),
            Self::Phone(o) => phone::validate(input, o),
            Self::CreditCard(o) => card::validate(input, o),
            Self::Iban(o) => iban::validate(input, o),
            Self::Integer(o) => number::integer(input, o),
            Self::Decimal(o) => number::decimal(input, o),
        }
    }

    /// The kebab-case `type` name of this validator.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::Validator::from_type("date-time", None).unwrap().type_name(), "date-time");
    /// ```
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Email(_) => "email",
            Self::Url(_) => "url",
            Self::Hostname(_) => "hostname",
            Self::Ip(_) => "ip",
            Self::Uuid(_) => "uuid",
            Self::Date(_) => "date",
            Self::DateTime(_) => "date-time",
            Self::Phone(_) => "phone",
            Self::CreditCard(_) => "credit-card",
            Self::Iban(_) => "iban",
            Self::Integer(_) => "integer",
            Self::Decimal(_) => "decimal",
        }
    }

    /// Build a validator from a `type` name and an options object (which must
    /// not contain `type`). Unknown types, unknown options, wrong option types
    /// and invalid option values are `INVALID_ARGUMENT`.
    ///
    /// ```
    /// use fieldguard::validate::Validator;
    /// let opts = serde_json::json!({"version": "v6"});
    /// let v = Validator::from_type("ip", opts.as_object()).unwrap();
    /// assert!(v.validate("192.0.2.1").is_err());
    /// assert_eq!(Validator::from_type("zip", None).unwrap_err().code(), "INVALID_ARGUMENT");
    /// ```
    pub fn from_type(type_name: &str, options: Option<&Map<String, Value>>) -> crate::Result<Self> {
        let options = options.cloned().unwrap_or_default();
        if options.contains_key("type") {
            return Err(Error::with(
                ErrorKind::InvalidArgument,
                "options must not contain \"type\"",
            ));
        }
        Self::build(type_name, options).map_err(|e| Error::with(ErrorKind::InvalidArgument, e))
    }

    /// Parse the JSON shape `{"type": …, …options}`.
    fn from_map(mut map: Map<String, Value>) -> Result<Self, String> {
        let type_name = match map.remove("type") {
            Some(Value::String(s)) => s,
            Some(_) => return Err("\"type\" must be a string".into()),
            None => return Err("missing \"type\"".into()),
        };
        Self::build(&type_name, map)
    }

    fn build(type_name: &str, options: Map<String, Value>) -> Result<Self, String> {
        fn parse<T: serde::de::DeserializeOwned>(options: Map<String, Value>) -> Result<T, String> {
            // serde_json's messages here name fields and expected types, not
            // values, except for unknown variants, which echo option values
            // (not the validated input): acceptable in an options error.
            serde_json::from_value(Value::Object(options)).map_err(|e| e.to_string())
        }
        let v = match type_name {
            "email" => Self::Email(parse(options)?),
            "url" => Self::Url(parse(options)?),
            "hostname" => Self::Hostname(parse(options)?),
            "ip" => Self::Ip(parse(options)?),
            "uuid" => Self::Uuid(parse(options)?),
            "date" => Self::Date(parse(options)?),
            "date-time" => Self::DateTime(parse(options)?),
            "phone" => Self::Phone(parse(options)?),
            "credit-card" => Self::CreditCard(parse(options)?),
            "iban" => Self::Iban(parse(options)?),
            "integer" => Self::Integer(parse(options)?),
            "decimal" => Self::Decimal(parse(options)?),
            _ => {
                return Err(format!(
                    "unknown validator type (expected one of: {})",
                    TYPES.join(", ")
                ))
            }
        };
        v.check_options()?;
        Ok(v)
    }

    /// Option values that parse but make no sense (an unknown region, a
    /// minimum above the maximum) are refused up front, not at each value.
    fn check_options(&self) -> Result<(), String> {
        match self {
            Self::Phone(o) => phone::check_options(o),
            Self::Integer(o) => number::check_integer_options(o),
            Self::Decimal(o) => number::check_decimal_options(o),
            Self::Uuid(o) => uuid::check_options(o),
            _ => Ok(()),
        }
    }
}

impl<'de> Deserialize<'de> for Validator {
    /// Hand-written rather than `#[serde(tag = "type")]`: serde buffers
    /// internally tagged content, and with serde_json's
    /// `arbitrary_precision` buffered numbers no longer deserialize as
    /// integers. Going through a JSON map keeps every option working.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = Map::<String, Value>::deserialize(deserializer)?;
        Self::from_map(map).map_err(serde::de::Error::custom)
    }
}

/// A valid value: its canonical form and facts about it.
///
/// ```
/// let v = fieldguard::validate::credit_card("4111 1111 1111 1111").unwrap();
/// assert_eq!(v.value, "4111111111111111");
/// assert_eq!(v.details["brand"], "visa");
/// assert_eq!(v.details["last4"], "1111");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Valid {
    /// The canonical form (see the module docs, per type).
    pub value: String,
    /// Facts per type (strings, integers and booleans only; never the full
    /// card number): email `localPart`, `domain`; url `scheme`, `host`;
    /// hostname `unicode`; ip `version`; uuid `version`; date `year`,
    /// `month`, `day`; date-time `offset`; phone `countryCode`,
    /// `nationalNumber`, `region`; card `brand`, `last4`; iban `country`,
    /// `checkDigits`, `bban`, `printFormat`; decimal `scale`.
    pub details: Map<String, Value>,
}

impl Valid {
    pub(crate) fn new(value: String) -> Self {
        Self {
            value,
            details: Map::new(),
        }
    }

    pub(crate) fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.details.insert(key.to_owned(), value.into());
        self
    }
}

/// Why a value is invalid: a stable reason and a message without the input.
///
/// ```
/// let err = fieldguard::validate::email("alice").unwrap_err();
/// assert_eq!(err.reason, fieldguard::validate::Reason::EmailMissingAt);
/// assert!(!err.message.contains("alice"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The stable reason.
    pub reason: Reason,
    /// A human-readable explanation; never contains the input.
    pub message: String,
}

impl Invalid {
    pub(crate) fn new(reason: Reason) -> Self {
        Self {
            reason,
            message: reason.summary().to_owned(),
        }
    }

    pub(crate) fn msg(reason: Reason, message: impl Into<String>) -> Self {
        Self {
            reason,
            message: message.into(),
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.reason.code(), self.message)
    }
}

impl std::error::Error for Invalid {}

impl From<Invalid> for Error {
    /// `VALUE_INVALID` with the reason code and message as detail.
    ///
    /// ```
    /// let err: fieldguard::Error = fieldguard::validate::uuid("nope").unwrap_err().into();
    /// assert_eq!(err.code(), "VALUE_INVALID");
    /// assert!(err.detail().starts_with("UUID_INVALID"));
    /// ```
    fn from(invalid: Invalid) -> Self {
        Error::with(ErrorKind::ValueInvalid, invalid.to_string())
    }
}

macro_rules! reasons {
    ($($(#[$doc:meta])* $name:ident => $code:literal, $summary:literal;)*) => {
        /// The stable reason a value is invalid. Match with a wildcard arm:
        /// new reasons may be added in minor releases.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Reason {
            $($(#[$doc])* $name,)*
        }

        impl Reason {
            /// The stable SCREAMING_SNAKE code.
            ///
            /// ```
            /// assert_eq!(fieldguard::validate::Reason::CardChecksum.code(), "CARD_CHECKSUM");
            /// ```
            pub const fn code(self) -> &'static str {
                match self { $(Self::$name => $code,)* }
            }

            /// The default message.
            const fn summary(self) -> &'static str {
                match self { $(Self::$name => $summary,)* }
            }

            /// Every reason, for documentation and tests.
            pub const ALL: &'static [Reason] = &[$(Self::$name,)*];
        }
    };
}

reasons! {
    /// The input is the empty string.
    Empty => "EMPTY", "the value is empty";
    /// The input (or its canonical form) exceeds a length limit.
    TooLong => "TOO_LONG", "the value is too long";
    /// An e-mail address without `@`.
    EmailMissingAt => "EMAIL_MISSING_AT", "the address has no @";
    /// The part before `@` is empty or has a character or dot not allowed.
    EmailLocalInvalid => "EMAIL_LOCAL_INVALID", "the local part (before @) is not valid";
    /// The part after `@` is not a valid domain.
    EmailDomainInvalid => "EMAIL_DOMAIN_INVALID", "the domain (after @) is not valid";
    /// Not a URL, or white space/control characters in it.
    UrlInvalid => "URL_INVALID", "not a valid URL";
    /// The URL's scheme is not in `schemes`.
    UrlSchemeNotAllowed => "URL_SCHEME_NOT_ALLOWED", "the URL scheme is not allowed";
    /// The URL's host is a domain that is not a DNS host name (LDH labels).
    UrlHostInvalid => "URL_HOST_INVALID", "the URL host is not a valid host name";
    /// The URL has no host but `requireHost` is set.
    UrlHostMissing => "URL_HOST_MISSING", "the URL has no host";
    /// The URL has a user name or password but `allowCredentials` is false.
    UrlCredentials => "URL_CREDENTIALS", "the URL contains a user name or password";
    /// Not a valid host name.
    HostnameInvalid => "HOSTNAME_INVALID", "not a valid host name";
    /// Not a valid IP address.
    IpInvalid => "IP_INVALID", "not a valid IP address";
    /// An IP address of the version not allowed by `version`.
    IpVersionNotAllowed => "IP_VERSION_NOT_ALLOWED", "this IP version is not allowed";
    /// Not a valid UUID.
    UuidInvalid => "UUID_INVALID", "not a valid UUID";
    /// A UUID version not in `versions` (or nil/max without `allowNil`).
    UuidVersionNotAllowed => "UUID_VERSION_NOT_ALLOWED", "this UUID version is not allowed";
    /// Not a valid calendar date.
    DateInvalid => "DATE_INVALID", "not a valid date (YYYY-MM-DD)";
    /// Not a valid RFC 3339 date-time.
    DateTimeInvalid => "DATE_TIME_INVALID", "not a valid date-time (RFC 3339)";
    /// A date-time without offset while `requireOffset` is set.
    DateTimeOffsetMissing => "DATE_TIME_OFFSET_MISSING", "the date-time has no Z or ±HH:MM offset";
    /// A phone number with characters or structure not allowed.
    PhoneInvalid => "PHONE_INVALID", "not a valid phone number";
    /// The country calling code is unassigned, or a national number was given without `defaultCountry`.
    PhoneCountryUnknown => "PHONE_COUNTRY_UNKNOWN", "the country of the phone number is unknown";
    /// Too many or too few digits for E.164 or for the region.
    PhoneLength => "PHONE_LENGTH", "the phone number has the wrong number of digits";
    /// A card number with characters other than digits, spaces and `-`.
    CardInvalid => "CARD_INVALID", "not a card number";
    /// The card number fails the Luhn check.
    CardChecksum => "CARD_CHECKSUM", "the card number's check digit is wrong";
    /// Wrong number of digits for the card brand (or outside 12–19).
    CardLength => "CARD_LENGTH", "the card number has the wrong number of digits";
    /// No known card brand has this issuer identification number.
    CardUnknownIin => "CARD_UNKNOWN_IIN", "unknown card issuer (IIN)";
    /// The brand is not in `brands`.
    CardBrandNotAllowed => "CARD_BRAND_NOT_ALLOWED", "this card brand is not allowed";
    /// An IBAN with characters other than letters, digits and spaces, no country and check digits, or a BBAN outside its country's registry structure.
    IbanInvalid => "IBAN_INVALID", "not an IBAN";
    /// The country is not in the SWIFT IBAN registry.
    IbanCountryUnknown => "IBAN_COUNTRY_UNKNOWN", "the IBAN country is unknown";
    /// Wrong length for the IBAN's country.
    IbanLength => "IBAN_LENGTH", "the IBAN has the wrong length for its country";
    /// The IBAN check digits are wrong (mod 97).
    IbanChecksum => "IBAN_CHECKSUM", "the IBAN check digits are wrong";
    /// Not a number in the accepted syntax.
    NumberInvalid => "NUMBER_INVALID", "not a valid number";
    /// A number outside `min`..=`max`.
    OutOfRange => "OUT_OF_RANGE", "the number is out of range";
    /// A decimal with more fraction digits than `maxScale`.
    NumberScale => "NUMBER_SCALE", "the number has too many decimal places";
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// The serializable outcome of a validation, as the JS API returns it:
/// `{"valid": true, "value": …, "details": {…}}` or
/// `{"valid": false, "reason": "CODE", "message": …}`.
///
/// ```
/// use fieldguard::validate::{outcome, date};
/// let json = serde_json::to_string(&outcome(&date("2024-02-30"))).unwrap();
/// assert_eq!(json, r#"{"valid":false,"reason":"DATE_INVALID","message":"no such day in that month"}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ValidationOutcome {
    /// The value is valid.
    Valid {
        /// Always `true`.
        valid: bool,
        /// The canonical form.
        value: String,
        /// Facts per type.
        details: Map<String, Value>,
    },
    /// The value is invalid.
    Invalid {
        /// Always `false`.
        valid: bool,
        /// The stable reason code.
        reason: Reason,
        /// The message (never the input).
        message: String,
    },
}

/// Convert a validation result into its serializable outcome.
///
/// ```
/// use fieldguard::validate::{outcome, ip};
/// let o = serde_json::to_value(outcome(&ip("192.0.2.1"))).unwrap();
/// assert_eq!(o, serde_json::json!({"valid": true, "value": "192.0.2.1", "details": {"version": 4}}));
/// ```
pub fn outcome(result: &Result<Valid, Invalid>) -> ValidationOutcome {
    match result {
        Ok(v) => ValidationOutcome::Valid {
            valid: true,
            value: v.value.clone(),
            details: v.details.clone(),
        },
        Err(e) => ValidationOutcome::Invalid {
            valid: false,
            reason: e.reason,
            message: e.message.clone(),
        },
    }
}

macro_rules! shortcuts {
    ($($(#[$doc:meta])* $name:ident => $variant:ident;)*) => {$(
        $(#[$doc])*
        pub fn $name(input: &str) -> Result<Valid, Invalid> {
            Validator::$variant(Default::default()).validate(input)
        }
    )*};
}

shortcuts! {
    /// [`Validator::Email`] with default options.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::email("a@b").unwrap_err().code(), "EMAIL_DOMAIN_INVALID");
    /// ```
    email => Email;
    /// [`Validator::Url`] with default options.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::url("HTTPS://Example.com").unwrap().value, "https://example.com/");
    /// ```
    url => Url;
    /// [`Validator::Hostname`] with default options.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::hostname("Bücher.example").unwrap().value, "xn--bcher-kva.example");
    /// ```
    hostname => Hostname;
    /// [`Validator::Ip`] with default options (either version).
    ///
    /// ```
    /// assert!(fieldguard::validate::ip("::1").is_ok());
    /// ```
    ip => Ip;
    /// [`Validator::Uuid`] with default options.
    ///
    /// ```
    /// let v = fieldguard::validate::uuid("{F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6}").unwrap();
    /// assert_eq!(v.value, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    /// ```
    uuid => Uuid;
    /// [`Validator::Date`] with default options.
    ///
    /// ```
    /// assert!(fieldguard::validate::date("2024-02-29").is_ok());
    /// assert!(fieldguard::validate::date("2023-02-29").is_err());
    /// ```
    date => Date;
    /// [`Validator::DateTime`] with default options.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::date_time("1985-04-12t23:20:50.52z").unwrap().value, "1985-04-12T23:20:50.52Z");
    /// ```
    date_time => DateTime;
    /// [`Validator::Phone`] with default options (no `defaultCountry`: the
    /// number must start with `+`).
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::phone("+44 20 7946 0958").unwrap().value, "+442079460958");
    /// ```
    phone => Phone;
    /// [`Validator::CreditCard`] with default options.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::credit_card("4111 1111 1111 1112").unwrap_err().code(), "CARD_CHECKSUM");
    /// ```
    credit_card => CreditCard;
    /// [`Validator::Iban`] with default options.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::iban("gb82 west 1234 5698 7654 32").unwrap().value, "GB82WEST12345698765432");
    /// ```
    iban => Iban;
    /// [`Validator::Integer`] with default options (no range).
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::integer("-0").unwrap().value, "0");
    /// ```
    integer => Integer;
    /// [`Validator::Decimal`] with default options.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::decimal("+001.2500").unwrap().value, "1.25");
    /// ```
    decimal => Decimal;
}

impl Invalid {
    /// Shorthand for `self.reason.code()`.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::integer("1e3").unwrap_err().code(), "NUMBER_INVALID");
    /// ```
    pub fn code(&self) -> &'static str {
        self.reason.code()
    }
}

/// Is `label` an LDH label (RFC 1123: letters, digits, inner hyphens, 1–63)?
fn is_ldh_label(label: &str) -> bool {
    let b = label.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

/// A domain name through UTS #46 to lower-case A-labels, then checked:
/// LDH labels, ≤ 253 octets, no empty label (so no trailing dot), last
/// label not all digits, at least two labels when `require_tld`.
fn ascii_domain(input: &str, require_tld: bool) -> Result<String, &'static str> {
    // Cheap refusals first, so UTS #46 never sees obviously bad input (and
    // a huge input costs one scan).
    if input.len() > 1024 {
        return Err("the domain is longer than 253 octets");
    }
    if input.ends_with('.') {
        return Err("the domain ends with a dot");
    }
    let ascii = idna::domain_to_ascii(input).map_err(|_| "the domain is not a valid IDN")?;
    if ascii.is_empty() {
        return Err("the domain is empty");
    }
    if ascii.len() > 253 {
        return Err("the domain is longer than 253 octets");
    }
    let mut labels = 0usize;
    let mut last = "";
    for label in ascii.split('.') {
        if !is_ldh_label(label) {
            return Err("a domain label is empty, too long, or has a character other than letters, digits and inner hyphens");
        }
        if label.starts_with("xn--") {
            let (unicode, _) = idna::domain_to_unicode(label);
            if unicode.starts_with('-') || unicode.ends_with('-') {
                return Err("an internationalized label starts or ends with a hyphen");
            }
        }
        labels += 1;
        last = label;
    }
    if last.bytes().all(|c| c.is_ascii_digit()) {
        return Err("the last domain label is all digits");
    }
    if require_tld && labels < 2 {
        return Err("the domain has no top-level domain");
    }
    Ok(ascii)
}

/// A domain in A-labels back to U-labels (for display options).
fn unicode_domain(ascii: &str) -> String {
    idna::domain_to_unicode(ascii).0
}
