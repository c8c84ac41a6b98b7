//! Tokens: email addresses, URLs, MAC and IPv6 addresses, IBANs.

use super::{is_word, Cx, EntityType};
use crate::checks::iban;
use std::net::Ipv6Addr;

/// The local-part characters seen in real addresses. RFC 5322 allows more
/// (`/ = ? { }`…), but in free text those are URL or code punctuation.
fn local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// The length in bytes of the local-part character that ends at `end`, if
/// it is one: ASCII per [`local_char`], or a Unicode letter or digit
/// (internationalized addresses, RFC 6531: `françois@…`). Stopping at a
/// non-ASCII letter instead would report a fragment of the address.
fn local_char_before(b: &[u8], end: usize) -> Option<usize> {
    let last = *b.get(end.checked_sub(1)?)?;
    if last.is_ascii() {
        return local_char(last).then_some(1);
    }
    // Back to the lead byte (at most 3 continuation bytes in UTF-8).
    let mut start = end - 1;
    while start > 0 && end - start < 4 && b[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    let c = std::str::from_utf8(&b[start..end]).ok()?.chars().next()?;
    c.is_alphanumeric().then_some(end - start)
}

/// At an `@`: the local part back (≤ 64 bytes), the domain forward
/// (≤ 253 bytes, ≥ 2 labels, alphabetic TLD of ≥ 2 letters).
pub(super) fn email(cx: &mut Cx, at: usize) {
    if !cx.on(EntityType::EmailAddress) {
        return;
    }
    let b = cx.b;
    let mut s = at;
    while let Some(n) = local_char_before(b, s) {
        s -= n;
        if at - s > 64 {
            return;
        }
    }
    // Quote-like punctuation at the edge is not part of the address.
    while s < at && matches!(b[s], b'.' | b'-' | b'+') {
        s += 1;
    }
    if s == at || b[at - 1] == b'.' {
        return;
    }
    let mut e = at + 1;
    while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'-' || b[e] == b'.') {
        if b[e] == b'.' && matches!(b[e - 1], b'.' | b'@' | b'-') {
            return;
        }
        e += 1;
        if e - at > 254 {
            return;
        }
    }
    // Trailing dots/hyphens are sentence punctuation.
    while e > at + 1 && matches!(b[e - 1], b'.' | b'-') {
        e -= 1;
    }
    let Some(dot) = b[at + 1..e]
        .iter()
        .rposition(|&c| c == b'.')
        .map(|k| k + at + 1)
    else {
        return;
    };
    let tld = &b[dot + 1..e];
    if tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) || b[at + 1] == b'-' {
        return;
    }
    cx.push(EntityType::EmailAddress, s, e, 90, "email.pattern");
}

fn starts_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// `http://`, `https://`, `ftp://`, `www.` up to whitespace, quotes or
/// angle brackets (≤ 4096 bytes); trailing punctuation and an unbalanced
/// `)` are left out.
pub(super) fn url(cx: &mut Cx, i: usize) {
    if !cx.on(EntityType::Url) {
        return;
    }
    let rest = &cx.b[i..];
    let (skip, base, rec) = if starts_ci(rest, b"https://") {
        (8, 70, "url.scheme")
    } else if starts_ci(rest, b"http://") || starts_ci(rest, b"ftps://") {
        (7, 70, "url.scheme")
    } else if starts_ci(rest, b"ftp://") {
        (6, 70, "url.scheme")
    } else if starts_ci(rest, b"www.") {
        (4, 60, "url.www")
    } else {
        return;
    };
    let b = cx.b;
    let mut e = i + skip;
    while e < b.len()
        && e - i < 4096
        && !b[e].is_ascii_whitespace()
        && !matches!(b[e], b'<' | b'>' | b'"' | b'\'' | b'`' | 0..=0x1f)
    {
        e += 1;
    }
    if e - i >= 4096 {
        // Too long to be a URL; do not rescan the blob from inner `http`s.
        cx.url_until = e;
        return;
    }
    loop {
        match b[e - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b']' | b'}' => e -= 1,
            b')' if !b[i..e].contains(&b'(') => e -= 1,
            _ => break,
        }
        if e <= i + skip {
            return;
        }
    }
    // A host: at least one letter or digit right after the prefix.
    if !b.get(i + skip).is_some_and(u8::is_ascii_alphanumeric)
        && !b.get(i + skip).is_some_and(|&c| c >= 0x80 || c == b'[')
    {
        return;
    }
    if rec == "url.www" && !b[i + skip..e].contains(&b'.') {
        return;
    }
    while !cx.text.is_char_boundary(e) {
        e -= 1;
    }
    cx.push(EntityType::Url, i, e, base, rec);
    cx.url_until = e;
}

fn hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

/// MAC (`01:23:45:67:89:ab`, `01-23-…`, `0123.4567.89ab`) and IPv6.
pub(super) fn hex_start(cx: &mut Cx, i: usize) {
    let b = cx.b;
    // Not the tail of a longer `:`/`-`/`.` separated sequence.
    let inside = i > 0 && matches!(b[i - 1], b':' | b'-' | b'.');
    if cx.on(EntityType::MacAddress) && hex(b[i]) && !inside {
        let pairs = b.len() >= i + 17
            && matches!(b[i + 2], b':' | b'-')
            && (0..6).all(|k| {
                hex(b[i + 3 * k])
                    && hex(b[i + 3 * k + 1])
                    && (k == 5 || b[i + 3 * k + 2] == b[i + 2])
            });
        if pairs
            && !is_word(cx.at(i + 17))
            && !(matches!(cx.at(i + 17), b':' | b'-') && hex(cx.at(i + 18)))
        {
            cx.push(EntityType::MacAddress, i, i + 17, 80, "mac.address");
        }
        let cisco = b.len() >= i + 14
            && (0..3).all(|k| {
                b[i + 5 * k..i + 5 * k + 4].iter().all(|&c| hex(c))
                    && (k == 2 || b[i + 5 * k + 4] == b'.')
            });
        if cisco && !is_word(cx.at(i + 14)) && !(cx.at(i + 14) == b'.' && hex(cx.at(i + 15))) {
            cx.push(EntityType::MacAddress, i, i + 14, 80, "mac.address");
        }
    }
    // An IPv6 group has at most 4 hex digits, so a `:` comes within 5
    // bytes: words like `face` or `dead` are ruled out at once.
    let colon_soon = (i..b.len().min(i + 5))
        .find(|&k| !hex(b[k]))
        .is_some_and(|k| b[k] == b':');
    if cx.on(EntityType::IpAddress) && colon_soon {
        let mut e = i;
        let mut colons = 0;
        while e < b.len() && e - i <= 45 && (hex(b[e]) || b[e] == b':' || b[e] == b'.') {
            colons += usize::from(b[e] == b':');
            e += 1;
        }
        if e - i > 45 || colons < 2 || is_word(cx.at(e)) {
            return;
        }
        while e > i && matches!(b[e - 1], b'.') {
            e -= 1;
        }
        let s = &cx.text[i..e];
        // At least one digit: `a::b`, `std::x` are code, not addresses.
        if !s.bytes().any(|c| c.is_ascii_digit()) {
            return;
        }
        if s.parse::<Ipv6Addr>().is_ok() {
            cx.push(EntityType::IpAddress, i, e, 80, "ip.v6");
        }
    }
}

/// IBAN, electronic (`DE89370400440532013000`) or printed with single
/// separators (`BE68 5390 0754 7034`, `BE 68 5390 0754 7034`,
/// `NO 21 650 405 251 19`, `GB29-NWBK-…`, `NO07.8380.08.06006`): a single
/// space, hyphen or dot anywhere after the country code, before a
/// character the structure allows. Characters are read while
/// the country's BBAN structure (SWIFT IBAN Registry, `crate::checks::iban`)
/// allows them, up to exactly the country's length, then mod 97. Letters in
/// the registry's case (upper case in `a` fields, either case in `c`
/// fields and the country code), or all in lower case as typed into forms
/// (`de89 3704 …`); mod 97 is computed on capitals, and Spain's CCC check
/// digits inside the BBAN (`iban::national_ok`). Not reported inside a
/// longer alphanumeric token.
pub(super) fn letter_start(cx: &mut Cx, i: usize) {
    let b = cx.b;
    if !cx.on(EntityType::IbanCode)
        || b.len() < i + 15
        || !b[i].is_ascii_alphabetic()
        || !b[i + 1].is_ascii_alphabetic()
        || (i > 0 && is_word(b[i - 1]))
    {
        return;
    }
    // The check digits follow the country code, after at most one
    // separator: most word starts stop here, before any table lookup.
    let k = i + 2 + usize::from(matches!(b[i + 2], b' ' | b'-' | b'.'));
    if !b[k].is_ascii_digit() {
        return;
    }
    let country = [b[i].to_ascii_uppercase(), b[i + 1].to_ascii_uppercase()];
    let Some(reg) = iban::country(&country) else {
        return;
    };
    let classes = reg.classes();
    let fits = |n: usize, c: u8| classes.get(n).is_some_and(|&k| iban::fits_class(k, c));
    let mut chars = [0u8; iban::MAX_LEN];
    let mut n = 0;
    let mut j = i;
    let (mut upper, mut lower) = (false, false);
    while n < reg.len && j < b.len() {
        let c = b[j];
        if fits(n, c.to_ascii_uppercase()) {
            upper |= c.is_ascii_uppercase();
            lower |= c.is_ascii_lowercase() && n >= 4 && classes[n] == b'a';
            chars[n] = c.to_ascii_uppercase();
            n += 1;
            j += 1;
        } else if matches!(c, b' ' | b'-' | b'.')
            && n >= 2
            && fits(n, cx.at(j + 1).to_ascii_uppercase())
        {
            j += 1;
        } else {
            return;
        }
    }
    // The registry's `a` fields are upper case, its `c` fields either
    // case: `LV80 bANK …` is refused, `MC11 … 1000 h79` is not; an IBAN
    // typed all in lower case is, and so is any case of the country code.
    if upper && lower {
        return;
    }
    let chars = &chars[..n];
    if n != reg.len || is_word(cx.at(j)) {
        return;
    }
    if iban::is_valid(chars) && iban::national_ok(chars) {
        cx.push(EntityType::IbanCode, i, j, 95, "iban.mod97");
    }
}
