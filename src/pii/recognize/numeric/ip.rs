//! IP addresses: IPv4 from the parsed digit runs, IPv6 at hex and `:`
//! token starts.
//!
//! IPv4: four dotted decimal octets (0–255, no leading zeros). A prefix
//! length `/0`–`/32` is part of the span (`10.0.0.0/8`: the network is the
//! value to protect); an invalid one (`/123`) is not, and the address alone
//! is reported. A port (`10.0.0.1:8080`) is never part of it. After a
//! space or `-` in the same run a second address starts (`10.0.0.1-10.0.0.9`).
//! More than four dotted groups (`1.2.3.4.5`, `192.168.1.1.1`) are a
//! version string, an OID or a section number, not an address.
//!
//! IPv6: the std parser decides (embedded IPv4 included), plus a zone id
//! (`fe80::1%eth0`) and a prefix length `/0`–`/128` (`2001:db8::/32`), both
//! part of the span when well formed. Not the tail of a longer hex/colon
//! sequence: a candidate right after a `:` is read only when that colon ends
//! a label word (`ip:`, `Gateway:`), so `text2001:db8::1` and
//! `2001::db8::1` yield nothing. `::` alone (the unspecified address) is
//! also Haskell or reStructuredText punctuation: 50, and only between
//! spaces, quotes, brackets or sentence punctuation (not in `${::-j}`);
//! with a prefix (`::/0`) it is network notation, 80.

use super::super::{is_word, Cx, EntityType};
use super::{num, Run};
use std::net::Ipv6Addr;

/// Do the last four groups of the run form a dotted quad (`a.b.c.d`)?
pub(super) fn dotted_quad_end(run: &Run) -> bool {
    run.seps.len() >= 3 && run.seps[run.seps.len() - 3..] == *b"..."
}

/// A decimal octet: 1–3 digits, no leading zero, at most 255.
fn octet(b: &[u8]) -> bool {
    !b.is_empty() && b.len() <= 3 && !(b.len() > 1 && b[0] == b'0') && num(b) <= 255
}

/// A prefix length of at most `max`: digits without a leading zero.
fn prefix_len(b: &[u8], max: u32) -> bool {
    !b.is_empty() && b.len() <= 3 && !(b.len() > 1 && b[0] == b'0') && num(b) <= max
}

/// IPv4 addresses in a parsed digit run (see the module docs).
pub(super) fn v4(cx: &mut Cx, run: &Run) {
    if !cx.on(EntityType::IpAddress) || run.plus || run.parens {
        return;
    }
    let (g, s) = (&run.groups, &run.seps);
    let text = |k: usize| &cx.b[g[k].0..g[k].1];
    let mut k = 0;
    while k < g.len() {
        // The dotted segment starting at group k.
        let mut n = 1;
        while k + n < g.len() && s[k + n - 1] == b'.' {
            n += 1;
        }
        let starts = k == 0 || matches!(s[k - 1], b' ' | b'-');
        if n == 4 && starts && (k..k + 4).all(|j| octet(text(j))) {
            let mut end = g[k + 3].1;
            if s.get(k + 3) == Some(&b'/')
                && prefix_len(text(k + 4), 32)
                && s.get(k + 4) != Some(&b'.')
            {
                end = g[k + 4].1;
                n += 1;
            }
            cx.push(EntityType::IpAddress, g[k].0, end, 75, "ip.v4");
        }
        k += n;
    }
}

fn hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

/// Does the `:` at `colon` end a label word (`ip:`, `Gateway:`): ASCII
/// letters, at least one of them not a hex digit, at a word start?
fn label_colon(b: &[u8], colon: usize) -> bool {
    let mut k = colon;
    while k > 0 && colon - k < 64 && b[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    k < colon && b[k..colon].iter().any(|&c| !hex(c)) && (k == 0 || !is_word(b[k - 1]))
}

/// The end of a zone id (`%eth0`, `%25en0`, `%3`) at `pct`, if one is
/// there: 1–15 bytes (an interface name, IFNAMSIZ) of letters, digits,
/// `_ . -`, not ending in `.` or `-`, not followed by a word character.
fn zone_end(cx: &Cx, pct: usize) -> Option<usize> {
    let b = cx.b;
    let mut e = pct + 1;
    while e < b.len() && e - pct <= 16 && (is_word(b[e]) || matches!(b[e], b'.' | b'-')) {
        e += 1;
    }
    while e > pct + 1 && matches!(b[e - 1], b'.' | b'-') {
        e -= 1;
    }
    (e > pct + 1 && e - pct <= 16 && !is_word(cx.at(e))).then_some(e)
}

/// The end of a prefix length (`/64`) of at most `max` at `slash`, if one
/// is there (not followed by a word character or `.digit`).
fn prefix_end(cx: &Cx, slash: usize, max: u32) -> Option<usize> {
    let b = cx.b;
    let mut e = slash + 1;
    while e < b.len() && e - slash <= 4 && b[e].is_ascii_digit() {
        e += 1;
    }
    let longer = is_word(cx.at(e)) || (cx.at(e) == b'.' && cx.at(e + 1).is_ascii_digit());
    (!longer && prefix_len(&b[slash + 1..e], max)).then_some(e)
}

/// An IPv6 address starting at `i` (a hex digit or `:` at a token start).
pub(in crate::pii::recognize) fn v6(cx: &mut Cx, i: usize) {
    let b = cx.b;
    // An IPv6 group has at most 4 hex digits, so a `:` comes within 5
    // bytes: words like `face` or `dead` are ruled out at once.
    let colon_soon = (i..b.len().min(i + 5))
        .find(|&k| !hex(b[k]))
        .is_some_and(|k| b[k] == b':');
    if !colon_soon || !cx.on(EntityType::IpAddress) {
        return;
    }
    if i > 0 && b[i - 1] == b':' && !label_colon(b, i - 1) {
        return;
    }
    let mut e = i;
    let mut colons = 0;
    while e < b.len() && e - i <= 45 && (hex(b[e]) || b[e] == b':' || b[e] == b'.') {
        colons += usize::from(b[e] == b':');
        e += 1;
    }
    if e - i > 45 || colons < 2 || is_word(cx.at(e)) {
        return;
    }
    while e > i && b[e - 1] == b'.' {
        e -= 1;
    }
    let s = &cx.text[i..e];
    let unspecified = s == "::";
    // At least one digit: `a::b`, `std::x` are code, not addresses.
    if !unspecified && !s.bytes().any(|c| c.is_ascii_digit()) {
        return;
    }
    if s.parse::<Ipv6Addr>().is_err() {
        return;
    }
    let mut end = e;
    if cx.at(end) == b'%' {
        if let Some(z) = zone_end(cx, end) {
            end = z;
        }
    }
    let mut prefix = false;
    if cx.at(end) == b'/' {
        if let Some(p) = prefix_end(cx, end, 128) {
            end = p;
            prefix = true;
        }
    }
    // `::` alone between code punctuation (`${::-j}`) is not an address.
    if unspecified
        && !prefix
        && (i > 0
            && !matches!(
                b[i - 1],
                b' ' | b'\t'
                    | b'\n'
                    | b'\r'
                    | b'='
                    | b'('
                    | b'['
                    | b'"'
                    | b'\''
                    | b','
                    | b';'
                    | b'>'
                    | b'`'
            )
            || !matches!(
                cx.at(end),
                0 | b' '
                    | b'\t'
                    | b'\n'
                    | b'\r'
                    | b'.'
                    | b','
                    | b';'
                    | b')'
                    | b']'
                    | b'"'
                    | b'\''
                    | b'>'
                    | b'`'
            ))
    {
        return;
    }
    let base = if unspecified && !prefix { 50 } else { 80 };
    cx.push(EntityType::IpAddress, i, end, base, "ip.v6");
}
