//! Secrets: JWTs, AWS access key IDs, PEM private keys and secret
//! assignments (`password=…`, `"api_key": "…"`).

use super::{is_word, Cx, EntityType};
use base64::Engine;

fn b64url(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

/// `eyJ…` header `.` payload `.` signature (signature may be empty for
/// `alg: none`); the header must decode to a JSON object with `"alg"`.
/// A JWS in compact form has exactly three parts (RFC 7515 §7.1), so a
/// fourth `.` segment (a JWE has five) rules it out; a `.` followed by
/// no base64url char ends the sentence, not the token.
pub(super) fn jwt(cx: &mut Cx, i: usize) {
    if !cx.on(EntityType::Jwt) || i < cx.jwt_until || !cx.b[i..].starts_with(b"eyJ") {
        return;
    }
    let b = cx.b;
    let seg = |from: usize| {
        let mut e = from;
        while e < b.len() && e - from <= 16384 && b64url(b[e]) {
            e += 1;
        }
        e
    };
    // Every scanned segment is skipped by later `eyJ` triggers inside it,
    // so `eyJ-eyJ-eyJ-…` costs one pass.
    let h = seg(i);
    cx.jwt_until = h;
    if h - i > 4096 || cx.at(h) != b'.' {
        return;
    }
    let p = seg(h + 1);
    cx.jwt_until = p;
    if p == h + 1 || cx.at(p) != b'.' {
        return;
    }
    let s = seg(p + 1);
    cx.jwt_until = s;
    if (cx.at(s) == b'.' && b64url(cx.at(s + 1))) || is_word(cx.at(s)) {
        return;
    }
    let Ok(header) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&b[i..h]) else {
        return;
    };
    let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(&header)
    else {
        return;
    };
    if map.get("alg").is_some_and(serde_json::Value::is_string) {
        cx.push_scored(EntityType::Jwt, i, s, 95, "jwt.header");
    }
}

const AWS_PREFIXES: [&[u8; 4]; 10] = [
    b"AKIA", b"ASIA", b"AGPA", b"AIDA", b"AROA", b"AIPA", b"ANPA", b"ANVA", b"ABIA", b"ACCA",
];

/// A 4-letter AWS prefix + 16 base32 chars (`A–Z`, `2–7`).
pub(super) fn aws(cx: &mut Cx, i: usize) {
    let b = cx.b;
    if !cx.on(EntityType::AwsAccessKey)
        || b.len() < i + 20
        || !AWS_PREFIXES.iter().any(|p| &b[i..i + 4] == *p)
    {
        return;
    }
    if b[i + 4..i + 20]
        .iter()
        .all(|&c| c.is_ascii_uppercase() || (b'2'..=b'7').contains(&c))
        && !is_word(cx.at(i + 20))
    {
        cx.push(EntityType::AwsAccessKey, i, i + 20, 90, "aws.access_key");
    }
}

/// Position of the next `-----END ` at or after `from`, cached so repeated
/// BEGIN markers search each part of the text once.
fn next_end(cx: &mut Cx, from: usize) -> Option<usize> {
    if let Some(cached) = cx.end_marker {
        match cached {
            None => return None,
            Some(p) if p >= from => return Some(p),
            Some(_) => {}
        }
    }
    let found = cx.b[from..]
        .windows(9)
        .position(|w| w == b"-----END ")
        .map(|p| p + from);
    cx.end_marker = Some(found);
    found
}

/// `-----BEGIN [X ]PRIVATE KEY-----` … `-----END [X ]PRIVATE KEY-----`.
pub(super) fn private_key(cx: &mut Cx, i: usize) {
    if !cx.on(EntityType::PrivateKey) {
        return;
    }
    let b = cx.b;
    let label_from = i + 11;
    let Some(close) = b[label_from..b.len().min(label_from + 64)]
        .windows(5)
        .position(|w| w == b"-----")
    else {
        return;
    };
    let label = &b[label_from..label_from + close];
    if !label.ends_with(b"PRIVATE KEY") {
        return;
    }
    let body = label_from + close + 5;
    let Some(end) = next_end(cx, body) else {
        return;
    };
    let tail = end + 9;
    if !b[tail..].starts_with(label) || !b[tail + label.len()..].starts_with(b"-----") {
        return;
    }
    cx.push_scored(
        EntityType::PrivateKey,
        i,
        tail + label.len() + 5,
        100,
        "private_key.pem",
    );
}

const KEYS: [&str; 14] = [
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "api_key",
    "api-key",
    "apikey",
    "secret",
    "secret_key",
    "client_secret",
    "token",
    "access_token",
    "auth_token",
    "private_key",
];

/// Does a query parameter `name=` start at `i`?
fn query_param(b: &[u8], i: usize) -> bool {
    let mut k = i;
    while k < b.len() && k - i <= 64 && (is_word(b[k]) || matches!(b[k], b'-' | b'.')) {
        k += 1;
    }
    k > i && b.get(k) == Some(&b'=')
}

/// Key suffixes that name a secret only after `_`/`-` (`SMTP_PASS`,
/// `DB_PASS`): alone, `pass` is an ordinary word.
const SUFFIX_KEYS: [&str; 1] = ["pass"];

/// Does `key` name a secret: one of `KEYS`, or ending with `_`/`-` and
/// one of them or of `SUFFIX_KEYS` (`db_password`, `SMTP_PASS`), in any
/// case?
pub(super) fn secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    let suffix = |k: &str| {
        key.len() > k.len()
            && key.ends_with(k)
            && matches!(
                key.as_bytes().get(key.len() - k.len() - 1),
                Some(b'_' | b'-')
            )
    };
    KEYS.iter().any(|k| key == *k || suffix(k)) || SUFFIX_KEYS.iter().any(|k| suffix(k))
}

/// `key = value`, `key: value`, `"key": "value"`, where key is one of
/// `KEYS` or ends with `_` + one of them or of `SUFFIX_KEYS` (`db_password`,
/// `SMTP_PASS`); the finding is the value (≤ 256 bytes, ≥ 3 chars), quoted
/// or up to whitespace, `,;"')}`, a sentence-ending `.` or a `&` that
/// starts the next query parameter (`&name=`).
pub(super) fn assignment(cx: &mut Cx, i: usize) {
    if !cx.on(EntityType::SecretAssignment) || i >= cx.b.len() || !cx.b[i].is_ascii_alphabetic() {
        return;
    }
    // Most words are followed by a space and a letter: rule them out
    // without rescanning the word (the main loop knows where it ends).
    if cx.word_end > i && cx.at(cx.word_end) != b'-' {
        let mut k = cx.word_end;
        if matches!(cx.at(k), b'"' | b'\'') {
            k += 1;
        }
        while matches!(cx.at(k), b' ' | b'\t') {
            k += 1;
        }
        if !matches!(cx.at(k), b'=' | b':') {
            return;
        }
    }
    let b = cx.b;
    let mut e = i;
    while e < b.len() && e - i <= 64 && (is_word(b[e]) || b[e] == b'-') {
        e += 1;
    }
    if e - i > 64 {
        return;
    }
    // Cheap test first: an assignment operator must follow.
    let mut j = e;
    if matches!(cx.at(j), b'"' | b'\'') {
        j += 1;
    }
    while cx.at(j) == b' ' || cx.at(j) == b'\t' {
        j += 1;
    }
    if !matches!(cx.at(j), b'=' | b':') || e - i < 3 {
        return;
    }
    if !secret_key(&cx.text[i..e]) {
        return;
    }
    j += 1;
    if cx.at(j) == b'=' {
        return; // `==` comparisons
    }
    while cx.at(j) == b' ' || cx.at(j) == b'\t' {
        j += 1;
    }
    let (start, end) = match cx.at(j) {
        q @ (b'"' | b'\'') => {
            let s = j + 1;
            let mut k = s;
            while k < b.len() && k - s <= 256 && b[k] != q && b[k] != b'\n' {
                k += 1;
            }
            if cx.at(k) != q {
                return;
            }
            (s, k)
        }
        _ => {
            let mut k = j;
            while k < b.len()
                && k - j <= 256
                && !b[k].is_ascii_whitespace()
                && !matches!(b[k], b',' | b';' | b'"' | b'\'' | b'}' | b')')
                && !(b[k] == b'&' && query_param(b, k + 1))
            {
                k += 1;
            }
            // A `.` before whitespace or the end closes the sentence.
            if k > j + 1 && b[k - 1] == b'.' {
                k -= 1;
            }
            (j, k)
        }
    };
    if end - start > 256 || end < start + 3 {
        return;
    }
    // `token = keyring.encrypt(…)`, `token = getToken()`: an unquoted
    // value that opens a call is code, not a secret.
    if start == j && cx.at(end - 1) == b'(' {
        return;
    }
    let mut end = end;
    while !cx.text.is_char_boundary(end) {
        end -= 1;
    }
    let value = &cx.text[start..end];
    if value.chars().count() < 3 || value.chars().all(|c| c == '*' || c == 'x' || c == 'X') {
        return;
    }
    let lower = value.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "null" | "none" | "true" | "false" | "undefined" | "required" | "<redacted>"
    ) {
        return;
    }
    cx.push_scored(
        EntityType::SecretAssignment,
        start,
        end,
        80,
        "secret.assignment",
    );
}
