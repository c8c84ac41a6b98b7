//! `escape::escape` in every context, on untrusted text. The target decodes
//! each output the way its consumer reads it (HTML character references, JS
//! string escapes, percent-decoding, CSS escapes) with decoders written
//! here, independent of the encoder, and checks that:
//!
//! * the value reads back unchanged (NUL as U+FFFD in HTML and CSS, which
//!   have no way to carry it — the documented exception);
//! * the output holds none of the context's delimiters raw: no `< > " '`
//!   (and `` ` `` in attributes) in HTML, no quotes, `<`, `&`, `/`,
//!   controls or line terminators in JS, only unreserved characters and
//!   `%HH` in URLs, no ASCII besides letters, digits and escapes in CSS.
#![no_main]

use fieldguard::escape::{escape, EscapeContext};
use fieldguard_fuzz::text;
use libfuzzer_sys::fuzz_target;

/// HTML character references: the named ones the encoder may use, and
/// decimal numeric ones. Anything else after `&` is a failure.
fn html_decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let semi = rest[i..].find(';').expect("a reference ends with ';'") + i;
        let name = &rest[i + 1..semi];
        out.push(match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            _ => {
                let n = name
                    .strip_prefix('#')
                    .expect("a named or numeric reference");
                char::from_u32(n.parse().expect("a decimal reference")).expect("a valid character")
            }
        });
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

fn hex(s: &str) -> u32 {
    u32::from_str_radix(s, 16).expect("hex digits")
}

/// JS string literal escapes: `\\`, `\xHH`, `\uHHHH`.
fn js_decode(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let n = match chars.next().expect("an escape after a backslash") {
            '\\' => '\\' as u32,
            'x' => hex(&chars.by_ref().take(2).collect::<String>()),
            'u' => hex(&chars.by_ref().take(4).collect::<String>()),
            other => panic!("unexpected JS escape \\{other}"),
        };
        out.push(char::from_u32(n).expect("a valid character"));
    }
    out
}

/// CSS escapes: a backslash, 1–6 hex digits, and one optional space.
fn css_decode(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let mut digits = String::new();
        while digits.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
            digits.push(chars.next().unwrap());
        }
        assert!(!digits.is_empty(), "a CSS escape is hex");
        if chars.peek() == Some(&' ') {
            chars.next();
        }
        out.push(char::from_u32(hex(&digits)).expect("a valid character"));
    }
    out
}

fn url_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = std::str::from_utf8(&b[i + 1..i + 3]).expect("two hex digits after %");
            assert!(h
                .bytes()
                .all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c)));
            out.push(hex(h) as u8);
            i += 3;
        } else {
            assert!(
                b[i].is_ascii_alphanumeric() || b"-._~".contains(&b[i]),
                "unreserved only"
            );
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    let nul_as_fffd = input.replace('\0', "\u{FFFD}");

    for ctx in [EscapeContext::HtmlText, EscapeContext::HtmlAttribute] {
        let out = escape(&input, ctx);
        assert!(
            !out.contains(['<', '>', '"', '\'', '\r']),
            "no raw HTML delimiters"
        );
        if ctx == EscapeContext::HtmlAttribute {
            assert!(!out.contains('`'));
        }
        assert_eq!(html_decode(&out), nul_as_fffd, "HTML reads back the value");
    }

    let out = escape(&input, EscapeContext::JsString);
    assert!(!out.contains(|c: char| {
        (c as u32) < 0x20
            || matches!(
                c,
                '"' | '\'' | '&' | '<' | '>' | '/' | '`' | '=' | '-' | '\u{7f}'
            )
            || matches!(c, '\u{2028}' | '\u{2029}')
    }));
    assert_eq!(js_decode(&out), *input, "JS reads back the value");

    let out = escape(&input, EscapeContext::UrlComponent);
    assert_eq!(
        url_decode(&out),
        input.as_bytes(),
        "URL reads back the value"
    );

    let out = escape(&input, EscapeContext::CssString);
    assert!(out
        .chars()
        .all(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || c == '\\' || c == ' '));
    assert_eq!(css_decode(&out), nul_as_fffd, "CSS reads back the value");
});
