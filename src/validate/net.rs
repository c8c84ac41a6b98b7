//! URLs, host names and IP addresses.

use super::{ascii_domain, unicode_domain, Invalid, Reason, Valid};
use serde::{Deserialize, Serialize};
use std::net::{Ipv4Addr, Ipv6Addr};

/// Options of the `url` validator.
///
/// ```
/// use fieldguard::validate::{UrlOptions, Validator};
/// let o = UrlOptions { schemes: vec!["mailto".into()], require_host: false, ..Default::default() };
/// assert!(Validator::Url(o).validate("mailto:a@example.com").is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct UrlOptions {
    /// Allowed schemes, lower-case, without `:`. Default `["https", "http"]`.
    /// An empty list allows every scheme (including `javascript:`; avoid).
    pub schemes: Vec<String>,
    /// Require a non-empty host. Default true.
    pub require_host: bool,
    /// Allow `user:password@` in the URL. Default false: credentials in URLs
    /// leak into logs and enable `https://bank.example@evil.example` tricks.
    pub allow_credentials: bool,
    /// Maximum length in octets of the input and of the canonical form.
    /// Default 2048.
    pub max_length: usize,
}

impl Default for UrlOptions {
    fn default() -> Self {
        Self {
            schemes: vec!["https".into(), "http".into()],
            require_host: true,
            allow_credentials: false,
            max_length: 2048,
        }
    }
}

pub(super) fn url(input: &str, o: &UrlOptions) -> Result<Valid, Invalid> {
    if input.len() > o.max_length {
        return Err(Invalid::new(Reason::TooLong));
    }
    if input.bytes().any(|c| c <= b' ' || c == 0x7f) {
        return Err(Invalid::msg(
            Reason::UrlInvalid,
            "the URL contains white space or a control character",
        ));
    }
    // Only a *valid URL string* is accepted: the WHATWG parser recovers from
    // many errors (`http:/x`, `\\`, `%zz`, `<` in a path) and reports them as
    // validation errors; a validator should refuse what the standard calls
    // invalid rather than silently repair it. Credentials are checked below,
    // with their own reason and option.
    let violation = std::cell::Cell::new(None);
    let record = |v: url::SyntaxViolation| {
        if v != url::SyntaxViolation::EmbeddedCredentials && violation.get().is_none() {
            violation.set(Some(v));
        }
    };
    let parsed = url::Url::options()
        .syntax_violation_callback(Some(&record))
        .parse(input)
        .map_err(|e| {
            // url::ParseError messages are fixed texts, never the input.
            Invalid::msg(Reason::UrlInvalid, format!("not a valid URL: {e}"))
        })?;
    if let Some(v) = violation.get() {
        return Err(Invalid::msg(
            Reason::UrlInvalid,
            format!("not a valid URL string: {}", v.description()),
        ));
    }
    let scheme = parsed.scheme();
    if !o.schemes.is_empty() && !o.schemes.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        return Err(Invalid::new(Reason::UrlSchemeNotAllowed));
    }
    let host = parsed.host_str().unwrap_or("");
    if o.require_host && host.is_empty() {
        return Err(Invalid::new(Reason::UrlHostMissing));
    }
    if let Some(url::Host::Domain(domain)) = parsed.host() {
        // WHATWG hosts may contain `*`, `'`, `$`, `_` or empty labels; a
        // host name must be DNS LDH labels (a trailing root dot is kept).
        let name = domain.strip_suffix('.').unwrap_or(domain);
        if ascii_domain(name, false).is_err() {
            return Err(Invalid::new(Reason::UrlHostInvalid));
        }
    }
    if !o.allow_credentials && (!parsed.username().is_empty() || parsed.password().is_some()) {
        return Err(Invalid::new(Reason::UrlCredentials));
    }
    let value = String::from(parsed.clone());
    if value.len() > o.max_length {
        return Err(Invalid::msg(
            Reason::TooLong,
            "the URL is too long once canonicalized",
        ));
    }
    let mut valid = Valid::new(value).with("scheme", scheme);
    if parsed.has_host() {
        valid = valid.with("host", host);
    }
    Ok(valid)
}

/// Options of the `hostname` validator.
///
/// ```
/// use fieldguard::validate::{HostnameOptions, Validator};
/// let o = HostnameOptions { require_tld: false };
/// assert!(Validator::Hostname(o).validate("localhost").is_ok());
/// assert!(fieldguard::validate::hostname("localhost").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct HostnameOptions {
    /// Require at least two labels. Default true.
    pub require_tld: bool,
}

impl Default for HostnameOptions {
    fn default() -> Self {
        Self { require_tld: true }
    }
}

pub(super) fn hostname(input: &str, o: &HostnameOptions) -> Result<Valid, Invalid> {
    let ascii =
        ascii_domain(input, o.require_tld).map_err(|m| Invalid::msg(Reason::HostnameInvalid, m))?;
    let unicode = unicode_domain(&ascii);
    Ok(Valid::new(ascii).with("unicode", unicode))
}

/// Which IP versions the `ip` validator accepts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum IpVersion {
    /// IPv4 or IPv6 (default).
    #[default]
    Any,
    /// IPv4 only.
    V4,
    /// IPv6 only.
    V6,
}

/// Options of the `ip` validator.
///
/// ```
/// use fieldguard::validate::{IpOptions, IpVersion, Validator};
/// let v = Validator::Ip(IpOptions { version: IpVersion::V4 });
/// assert_eq!(v.validate("::1").unwrap_err().code(), "IP_VERSION_NOT_ALLOWED");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct IpOptions {
    /// `"any"` (default), `"v4"` or `"v6"`.
    pub version: IpVersion,
}

pub(super) fn ip(input: &str, o: &IpOptions) -> Result<Valid, Invalid> {
    // std's parsers accept exactly the RFC 4291 text forms and refuse IPv4
    // octets with leading zeros, in both IPv4 and embedded IPv4.
    let (value, version) = if input.contains(':') {
        let a: Ipv6Addr = input.parse().map_err(|_| Invalid::new(Reason::IpInvalid))?;
        (a.to_string(), 6)
    } else {
        let a: Ipv4Addr = input.parse().map_err(|_| Invalid::new(Reason::IpInvalid))?;
        (a.to_string(), 4)
    };
    match (o.version, version) {
        (IpVersion::V4, 6) | (IpVersion::V6, 4) => Err(Invalid::new(Reason::IpVersionNotAllowed)),
        _ => Ok(Valid::new(value).with("version", version)),
    }
}
