//! Bare domain names (`microsoft.com`, `google.co.il`, `example.com/path`)
//! as URLs, without a scheme or `www.`.
//!
//! Without a prefix a dotted word is as often a file name (`report.pdf`,
//! `setup.py`) or a missing space (`it.It`), so the last label must be a
//! top-level domain from [`TLDS`] (the original generic TLDs, the ISO 3166
//! country codes, `eu` and widely used newer generic ones), written in
//! lower case (`ASP.NET` is a framework), and not one of the country codes
//! that are common file extensions (`.py`, `.rs`, `.sh`, `.md`…). Not inside an email address (`…@example.com`, `jane.de@…`)
//! or a longer token (after `.`, `-`, `/`, `@`…). Score 50, +10 with a URL
//! word (`link`, `website`…).

use super::{is_word, tokens, Cx};

/// Top-level domains accepted for bare domain names, sorted. Country
/// codes that are, far more often in text, file extensions are left out
/// (with a scheme or `www.` they are URLs as any other): am (automake), cc
/// (C++), in (autoconf), md (Markdown), mk (make), ml (OCaml), ps
/// (PostScript), py (Python), rs (Rust), sh (shell), so (shared objects).
#[rustfmt::skip]
const TLDS: &[&str] = &[
    "ac", "academy", "ad", "ae", "aero", "af", "ag", "agency", "ai", "al", "app", "aq", "ar", "art",
    "as", "asia", "at", "au", "aw", "ax", "az", "ba", "bank", "bb", "bd", "be", "berlin", "bf",
    "bg", "bh", "bi", "bio", "biz", "bj", "blog", "bm", "bn", "bo", "br", "bs", "bt", "bw", "by",
    "bz", "ca", "cafe", "capital", "cat", "cd", "center", "cf", "cg", "ch", "ci", "ck", "cl",
    "cloud", "club", "cm", "cn", "co", "com", "company", "consulting", "coop", "cr", "cu", "cv",
    "cw", "cx", "cy", "cz", "de", "design", "dev", "digital", "dj", "dk", "dm", "do", "dz", "ec",
    "edu", "ee", "eg", "email", "er", "es", "et", "eu", "events", "expert", "fi", "finance", "fj",
    "fk", "fm", "fo", "fr", "fun", "ga", "gb", "gd", "ge", "gf", "gg", "gh", "gi", "gl", "global",
    "gm", "gn", "gov", "gp", "gq", "gr", "group", "gs", "gt", "gu", "gw", "gy", "health", "hk",
    "hm", "hn", "host", "hr", "ht", "hu", "id", "ie", "il", "im", "info", "ink", "int", "io", "iq",
    "ir", "is", "it", "je", "jm", "jo", "jobs", "jp", "ke", "kg", "kh", "ki", "km", "kn", "kp",
    "kr", "kw", "ky", "kz", "la", "lb", "lc", "li", "life", "link", "live", "lk", "london", "lr",
    "ls", "lt", "ltd", "lu", "lv", "ly", "ma", "mc", "me", "media", "mg", "mh", "mil", "mm", "mn",
    "mo", "mobi", "mp", "mq", "mr", "mt", "mu", "museum", "mv", "mw", "mx", "my", "mz", "na",
    "name", "nc", "ne", "net", "network", "news", "nf", "ng", "ni", "nl", "no", "np", "nr", "nu",
    "nyc", "nz", "om", "one", "online", "org", "pa", "page", "paris", "pe", "pf", "pg", "ph", "pk",
    "pl", "pm", "pn", "post", "pr", "pro", "pt", "pw", "qa", "re", "ro", "ru", "rw", "sa", "sb",
    "sc", "sd", "se", "services", "sg", "shop", "si", "site", "sk", "sl", "sm", "sn", "solutions",
    "space", "sr", "st", "store", "studio", "su", "sv", "sx", "sy", "systems", "sz", "tc", "td",
    "team", "tech", "tel", "tf", "tg", "th", "tj", "tk", "tl", "tm", "tn", "to", "today", "tools",
    "top", "tr", "travel", "tt", "tv", "tw", "tz", "ua", "ug", "uk", "us", "uy", "uz", "va", "vc",
    "ve", "vg", "vi", "vip", "vn", "vu", "website", "wf", "wien", "work", "world", "ws", "xyz",
    "ye", "yt", "za", "zm", "zone", "zw",
];

fn label_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// A bare domain name starting at the token start `i` (see the module docs).
pub(super) fn bare(cx: &mut Cx, i: usize) {
    let b = cx.b;
    // Most words are not followed by `.` and a letter or digit (after
    // hyphenated parts: `my-site.com`).
    let mut w = cx.word_end;
    while w < b.len() && w - i <= 63 && label_char(b[w]) {
        w += 1;
    }
    if w <= i || cx.at(w) != b'.' || !cx.at(w + 1).is_ascii_alphanumeric() {
        return;
    }
    if i > 0
        && matches!(
            b[i - 1],
            b'.' | b'-' | b'@' | b'/' | b'\\' | b'%' | b'+' | b'~' | b'$'
        )
    {
        return;
    }
    // Labels of letters, digits and inner hyphens, joined by single dots.
    let mut e = i;
    let mut last;
    let mut labels = 0;
    loop {
        let s = e;
        while e < b.len() && e - i <= 253 && label_char(b[e]) {
            e += 1;
        }
        if e == s || e - s > 63 || b[s] == b'-' || b[e - 1] == b'-' || e - i > 253 {
            return;
        }
        labels += 1;
        last = s;
        if cx.at(e) == b'.' && label_char(cx.at(e + 1)) {
            e += 1;
        } else {
            break;
        }
    }
    // `jane.de@example.com` is a local part; `a.b_c`, `x.comé` a longer token.
    let next = cx.at(e);
    let letter_next = cx.text[e..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    if labels < 2 || next == b'@' || is_word(next) || letter_next {
        return;
    }
    let tld = &cx.text[last..e];
    if !tld.bytes().all(|c| c.is_ascii_lowercase()) || TLDS.binary_search(&tld).is_err() {
        return;
    }
    // A port, path, query or fragment continues the URL.
    let mut end = e;
    if matches!(next, b'/' | b'?' | b'#' | b':') {
        match tokens::url_end(cx, i, e) {
            Some(u) if u > e && (next != b':' || cx.at(e + 1).is_ascii_digit()) => end = u,
            _ => {}
        }
    }
    tokens::push_url(cx, i, end, 50, "url.domain");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tlds_sorted_and_no_file_extensions() {
        assert!(TLDS.windows(2).all(|w| w[0] < w[1]));
        let files = [
            "am", "cc", "in", "md", "mk", "ml", "ps", "py", "rs", "sh", "so",
        ];
        assert!(files.iter().all(|x| !TLDS.contains(x)));
    }
}
