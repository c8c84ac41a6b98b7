//! Tokens: email addresses, URLs, MAC addresses, IBANs (IP addresses: `ip`).

mod domain;

use super::{is_word, Cx, EntityType};
use crate::checks::iban;

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
    let punycode = tld.len() > 4
        && starts_ci(tld, b"xn--")
        && tld.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-');
    let alphabetic = tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic);
    if !(alphabetic || punycode) || b[at + 1] == b'-' {
        return;
    }
    if density_file(&b[at + 1..e]) || userinfo(b, s) {
        return;
    }
    cx.push(EntityType::EmailAddress, s, e, 90, "email.pattern");
}

/// Image file extensions (a "TLD" that is none).
const IMAGE_EXTENSIONS: [&[u8]; 12] = [
    b"avif", b"bmp", b"gif", b"heic", b"ico", b"jpeg", b"jpg", b"png", b"svg", b"tif", b"tiff",
    b"webp",
];

/// Is the "domain" a pixel-density suffix and an image extension
/// (`logo@2x.png`, `icon@3x.webp`, `hero@1.5x.jpg`)? Such names are image
/// files (the `@2x` convention of iOS, macOS and `srcset`), not addresses.
fn density_file(domain: &[u8]) -> bool {
    let Some(dot) = domain.iter().rposition(|&c| c == b'.') else {
        return false;
    };
    let (scale, ext) = (&domain[..dot], &domain[dot + 1..]);
    let Some(digits) = scale
        .strip_suffix(b"x")
        .or_else(|| scale.strip_suffix(b"X"))
    else {
        return false;
    };
    let mut parts = digits.splitn(2, |&c| c == b'.');
    let number =
        |p: Option<&[u8]>| p.is_some_and(|p| !p.is_empty() && p.iter().all(u8::is_ascii_digit));
    let whole = parts.next();
    let frac = parts.next();
    number(whole)
        && (frac.is_none() || number(frac))
        && IMAGE_EXTENSIONS.iter().any(|x| ext.eq_ignore_ascii_case(x))
}

/// Is the local part starting at `s` the userinfo of a URL
/// (`https://user:pass@host/`, `ftp://anonymous@host`)? Then the URL is
/// reported, not an address: nothing but `/`-free, space-free text lies
/// between the `://` and it.
fn userinfo(b: &[u8], s: usize) -> bool {
    if s == 0 || !matches!(b[s - 1], b':' | b'/') {
        return false;
    }
    let from = s.saturating_sub(256);
    let Some(slash) = b[from..s]
        .iter()
        .rposition(|&c| c == b'/' || c.is_ascii_whitespace())
    else {
        return false;
    };
    let k = from + slash;
    b[k] == b'/' && k >= 2 && b[k - 1] == b'/' && b[k - 2] == b':'
}

fn starts_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// `http://`, `https://`, `ftp://`, `www.` up to whitespace, quotes or
/// angle brackets (≤ 4096 bytes); trailing punctuation and unbalanced
/// `)` are left out. The host must be a dotted name, an IP literal,
/// `localhost` or carry a port (`http://microsoft` is a word after a
/// scheme, not a URL). Without a prefix, a bare domain name
/// ([`super::domain`]).
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
        // A bare domain continues the word with `.` (or `-`, `my-site.com`):
        // the test here spares most words a call.
        if matches!(cx.at(cx.word_end), b'.' | b'-') {
            domain::bare(cx, i);
        }
        return;
    };
    let b = cx.b;
    let Some(e) = url_end(cx, i, i + skip) else {
        return;
    };
    // A host: at least one letter or digit right after the prefix.
    if !b.get(i + skip).is_some_and(u8::is_ascii_alphanumeric)
        && !b.get(i + skip).is_some_and(|&c| c >= 0x80 || c == b'[')
    {
        return;
    }
    if !host_ok(&b[i + skip..e]) {
        return;
    }
    push_url(cx, i, e, base, rec);
}

/// The end of a URL whose text starts at `i` and whose host starts at
/// `host`: up to whitespace, quotes, angle brackets or control bytes,
/// without trailing punctuation or an unbalanced `)`. `None` when nothing
/// is left after the host start, or the text is too long to be a URL
/// (then `url_until` skips it, so inner `http`s do not rescan the blob).
pub(super) fn url_end(cx: &mut Cx, i: usize, host: usize) -> Option<usize> {
    let b = cx.b;
    let mut e = host;
    while e < b.len()
        && e - i < 4096
        && !b[e].is_ascii_whitespace()
        && !matches!(b[e], b'<' | b'>' | b'"' | b'\'' | b'`' | 0..=0x1f)
    {
        e += 1;
    }
    if e - i >= 4096 {
        cx.url_until = e;
        return None;
    }
    if e <= host {
        return None;
    }
    // More `)` than `(`: a trailing `)` closes text around the URL
    // (`(see https://x.example/a_(b))`), not a part of it. Counted once.
    let count = |c: u8| b[i..e].iter().filter(|&&x| x == c).count();
    let (opens, mut closes) = (count(b'('), count(b')'));
    loop {
        match b[e - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b']' | b'}' => e -= 1,
            b')' if closes > opens => {
                closes -= 1;
                e -= 1;
            }
            _ => break,
        }
        if e <= host {
            return None;
        }
    }
    while !cx.text.is_char_boundary(e) {
        e -= 1;
    }
    Some(e)
}

/// Is the authority at the start of `rest` (after `scheme://` or `www.`) a
/// host: a dotted name, an IP literal `[…]`, `localhost`, or any name with
/// a port?
fn host_ok(rest: &[u8]) -> bool {
    let auth_end = rest
        .iter()
        .position(|&c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let auth = &rest[..auth_end];
    let host = match auth.iter().rposition(|&c| c == b'@') {
        Some(at) => &auth[at + 1..],
        None => auth,
    };
    if host.first() == Some(&b'[') {
        return true;
    }
    let (name, port) = match host.iter().position(|&c| c == b':') {
        Some(c) => (&host[..c], &host[c + 1..]),
        None => (host, &b""[..]),
    };
    let dotted = name.len() > 2 && name[1..name.len() - 1].contains(&b'.');
    dotted
        || name.eq_ignore_ascii_case(b"localhost")
        || (!port.is_empty() && port.iter().all(u8::is_ascii_digit))
}

/// Does the URL carry a credential: a query or fragment parameter named
/// like a secret (`?token=…`, `#access_token=…`, `&api_key=…`; the keys of
/// the `secret.assignment` recognizer), or a password in the userinfo
/// (`https://user:pass@host`)?
fn credential(url: &[u8]) -> bool {
    let after_scheme = url
        .windows(3)
        .position(|w| w == b"://")
        .map_or(0, |p| p + 3);
    let rest = &url[after_scheme..];
    let auth_end = rest
        .iter()
        .position(|&c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    if let Some(at) = rest[..auth_end].iter().rposition(|&c| c == b'@') {
        if rest[..at].contains(&b':') {
            return true;
        }
    }
    let Some(q) = rest[auth_end..]
        .iter()
        .position(|&c| matches!(c, b'?' | b'#'))
    else {
        return false;
    };
    rest[auth_end + q + 1..]
        .split(|&c| matches!(c, b'&' | b';' | b'?' | b'#'))
        .any(|param| match param.iter().position(|&c| c == b'=') {
            Some(eq) => {
                eq + 1 < param.len()
                    && std::str::from_utf8(&param[..eq]).is_ok_and(super::secrets::secret_key)
            }
            None => false,
        })
}

/// Record a URL `i..e`. A URL that carries a credential scores 100: it is
/// reported whole, covering every candidate inside it (the value's
/// `secret.assignment`, a JWT, an email), so anonymizing it leaves none of
/// them, nor the rest of the URL, in clear.
pub(super) fn push_url(cx: &mut Cx, i: usize, e: usize, base: u8, rec: &'static str) {
    let base = if credential(&cx.b[i..e]) { 100 } else { base };
    cx.push(EntityType::Url, i, e, base, rec);
    cx.url_until = e;
}

fn hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

/// The broadcast address `FF:FF:FF:FF:FF:FF` and the null address
/// `00:00:00:00:00:00` (any layout) name no device: not personal data.
fn broadcast_or_null(span: &[u8]) -> bool {
    let mut digits = span.iter().filter(|c| hex(**c));
    digits.clone().all(|&c| c == b'0') || digits.all(|&c| c == b'f' || c == b'F')
}

/// MAC (`01:23:45:67:89:ab`, `01-23-…`, `0123.4567.89ab`) and IPv6.
/// Layouts are not mixed (`10:2F:33-AC-29-C3` is not one); the broadcast and
/// null addresses are not reported.
pub(super) fn hex_start(cx: &mut Cx, i: usize) {
    let b = cx.b;
    // Called at every word start; most words are not hex. Every shape below
    // (MAC `aa:`/`aa-`, Cisco `aaaa.`, an IPv6 group `aaaa:`) has its first
    // non-hex byte within 5 bytes, and that byte is `:`, `-` or `.`.
    let first_other = b[i..b.len().min(i + 5)].iter().find(|&&c| !hex(c));
    if !matches!(first_other, Some(b':' | b'-' | b'.')) {
        return;
    }
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
        let longer =
            is_word(cx.at(i + 17)) || (matches!(cx.at(i + 17), b':' | b'-') && hex(cx.at(i + 18)));
        if pairs && !longer && !broadcast_or_null(&b[i..i + 17]) {
            cx.push(EntityType::MacAddress, i, i + 17, 80, "mac.address");
        }
        let cisco = b.len() >= i + 14
            && (0..3).all(|k| {
                b[i + 5 * k..i + 5 * k + 4].iter().all(|&c| hex(c))
                    && (k == 2 || b[i + 5 * k + 4] == b'.')
            });
        let longer = is_word(cx.at(i + 14)) || (cx.at(i + 14) == b'.' && hex(cx.at(i + 15)));
        if cisco && !longer && !broadcast_or_null(&b[i..i + 14]) {
            cx.push(EntityType::MacAddress, i, i + 14, 80, "mac.address");
        }
    }
    super::numeric::ip::v6(cx, i);
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
