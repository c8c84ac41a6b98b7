//! E-mail addresses: WHATWG "valid e-mail address" plus RFC 5321 limits.

use super::{ascii_domain, unicode_domain, Invalid, Reason, Valid};
use serde::{Deserialize, Serialize};
use std::net::{Ipv4Addr, Ipv6Addr};

/// Options of the `email` validator.
///
/// ```
/// use fieldguard::validate::{EmailOptions, Validator};
/// let o = EmailOptions { unicode_domain: true, ..Default::default() };
/// let v = Validator::Email(o).validate("user@XN--BCHER-KVA.example").unwrap();
/// assert_eq!(v.value, "user@bücher.example");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct EmailOptions {
    /// Maximum length in octets of the address with an ASCII domain.
    /// Default 254 (RFC 5321 path limit of 256 minus the angle brackets).
    pub max_length: usize,
    /// Require at least two domain labels (`user@localhost` is refused).
    /// Default true.
    pub require_tld: bool,
    /// Accept an address literal domain, `[192.0.2.1]` or
    /// `[IPv6:2001:db8::1]` (RFC 5321 §4.1.3). Default false.
    pub allow_ip_domain: bool,
    /// Return the domain as U-labels (`bücher.example`) instead of A-labels
    /// (`xn--bcher-kva.example`). Default false.
    pub unicode_domain: bool,
}

impl Default for EmailOptions {
    fn default() -> Self {
        Self {
            max_length: 254,
            require_tld: true,
            allow_ip_domain: false,
            unicode_domain: false,
        }
    }
}

/// The WHATWG local-part characters (`atext` of RFC 5322) plus `.`.
fn is_atext(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&c)
}

pub(super) fn validate(input: &str, o: &EmailOptions) -> Result<Valid, Invalid> {
    // An IDN domain can shrink or grow under UTS #46, so the exact limit is
    // checked on the canonical form; this only bounds the work.
    if input.len() > o.max_length.saturating_mul(4).max(1024) {
        return Err(Invalid::new(Reason::TooLong));
    }
    // The local part cannot contain `@` (no quoted strings), so the first
    // `@` splits; a second one lands in the domain and fails there.
    let Some((local, domain)) = input.split_once('@') else {
        return Err(Invalid::new(Reason::EmailMissingAt));
    };
    if local.is_empty() {
        return Err(Invalid::msg(
            Reason::EmailLocalInvalid,
            "the local part (before @) is empty",
        ));
    }
    if !local.bytes().all(|c| is_atext(c) || c == b'.') {
        return Err(Invalid::msg(
            Reason::EmailLocalInvalid,
            "the local part (before @) has a character outside A-Z a-z 0-9 .!#$%&'*+/=?^_`{|}~-",
        ));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(Invalid::msg(
            Reason::EmailLocalInvalid,
            "the local part (before @) starts or ends with a dot or has two dots in a row",
        ));
    }
    if local.len() > 64 {
        return Err(Invalid::msg(
            Reason::TooLong,
            "the local part (before @) is longer than 64 octets",
        ));
    }
    if domain.is_empty() {
        return Err(Invalid::msg(
            Reason::EmailDomainInvalid,
            "the domain (after @) is empty",
        ));
    }
    let (ascii, shown, literal) = if domain.starts_with('[') {
        let lit = address_literal(domain, o.allow_ip_domain)?;
        (lit.clone(), lit, true)
    } else {
        let ascii = ascii_domain(domain, o.require_tld)
            .map_err(|m| Invalid::msg(Reason::EmailDomainInvalid, m))?;
        let shown = if o.unicode_domain {
            unicode_domain(&ascii)
        } else {
            ascii.clone()
        };
        (ascii, shown, false)
    };
    if local.len() + 1 + ascii.len() > o.max_length {
        return Err(Invalid::msg(
            Reason::TooLong,
            format!("the address is longer than {} octets", o.max_length),
        ));
    }
    let valid = Valid::new(format!("{local}@{shown}"))
        .with("localPart", local)
        .with("domain", shown);
    Ok(if literal {
        valid.with("ipDomain", true)
    } else {
        valid
    })
}

/// `[192.0.2.1]` or `[IPv6:…]`, canonicalized (RFC 5952 inside).
fn address_literal(domain: &str, allowed: bool) -> Result<String, Invalid> {
    if !allowed {
        return Err(Invalid::msg(
            Reason::EmailDomainInvalid,
            "address literals ([…]) are not allowed (allowIpDomain)",
        ));
    }
    let bad = || {
        Invalid::msg(
            Reason::EmailDomainInvalid,
            "the address literal is not [IPv4] or [IPv6:address]",
        )
    };
    let inner = domain
        .strip_prefix('[')
        .and_then(|d| d.strip_suffix(']'))
        .ok_or_else(bad)?;
    if let Some(v6) = inner
        .get(..5)
        .filter(|p| p.eq_ignore_ascii_case("ipv6:"))
        .and_then(|_| inner.get(5..))
    {
        let a: Ipv6Addr = v6.parse().map_err(|_| bad())?;
        Ok(format!("[IPv6:{a}]"))
    } else {
        let a: Ipv4Addr = inner.parse().map_err(|_| bad())?;
        Ok(format!("[{a}]"))
    }
}
