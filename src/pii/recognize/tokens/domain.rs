//! Bare domain names (`microsoft.com`, `google.co.il`, `example.com/path`)
//! as URLs, without a scheme or `www.`.
//!
//! Without a prefix a dotted word is as often a file name (`report.pdf`,
//! `setup.py`), a member access in code (`log.info`, `user.id`) or a
//! missing space (`it.It`), so the last label must be a top-level domain
//! from [`TLDS`], in lower case (`ASP.NET` is a framework), and the name is
//! not followed by `(` or `[` (a call, an index). Not inside an email address
//! (`…@example.com`, `jane.de@…`) or a longer token (after `.`, `-`, `/`,
//! `@`…). A port, path, query or fragment continues it as in a URL.
//! Score 50, +10 with a URL word (`link`, `website`…).

use super as tokens;
use super::super::{is_word, Cx};

/// Top-level domains accepted for bare domain names, sorted: the ISO 3166
/// country codes and the generic TLDs that are not also common words of
/// code and data (`log.info`, `user.name`, `app.post`, `style.top` and
/// `user.email` are member accesses). Country codes that are, far more
/// often in text, file extensions or identifiers are left out (with a
/// scheme or `www.` they are URLs as any other): am (automake), as, by
/// (`order.by`), cc (C++), do (`to.do`), gs (Apps Script), id (`user.id`),
/// in (autoconf), is, md (Markdown), me, mk (make), ml (OCaml), ms
/// (`timeout.ms`), my, no (`order.no`), pm (Perl modules), ps
/// (PostScript), py (Python), rs (Rust), sh (shell), so (shared objects),
/// st, tf (Terraform), to (`path.to`), us; na (Italian `Sig.na`) and the
/// generic int (`self.int`) too.
#[rustfmt::skip]
const TLDS: &[&str] = &[
    "ac", "ad", "ae", "aero", "af", "ag", "ai", "al", "aq", "ar", "asia", "at", "au", "aw", "ax",
    "az", "ba", "bb", "bd", "be", "bf", "bg", "bh", "bi", "biz", "bj", "bm", "bn", "bo", "br",
    "bs", "bt", "bw", "bz", "ca", "cat", "cd", "cf", "cg", "ch", "ci", "ck", "cl", "cm", "cn",
    "co", "com", "coop", "cr", "cu", "cv", "cw", "cx", "cy", "cz", "de", "dj", "dk", "dm", "dz",
    "ec", "edu", "ee", "eg", "er", "es", "et", "eu", "fi", "fj", "fk", "fm", "fo", "fr", "ga",
    "gb", "gd", "ge", "gf", "gg", "gh", "gi", "gl", "gm", "gn", "gov", "gp", "gq", "gr", "gt",
    "gu", "gw", "gy", "hk", "hm", "hn", "hr", "ht", "hu", "ie", "il", "im", "io", "iq",
    "ir", "it", "je", "jm", "jo", "jobs", "jp", "ke", "kg", "kh", "ki", "km", "kn", "kp", "kr",
    "kw", "ky", "kz", "la", "lb", "lc", "li", "lk", "lr", "ls", "lt", "lu", "lv", "ly", "ma", "mc",
    "mg", "mh", "mil", "mm", "mn", "mo", "mobi", "mp", "mq", "mr", "mt", "mu", "museum", "mv",
    "mw", "mx", "mz", "nc", "ne", "net", "nf", "ng", "ni", "nl", "np", "nr", "nu", "nz",
    "om", "org", "pa", "pe", "pf", "pg", "ph", "pk", "pl", "pn", "pr", "pt", "pw", "qa", "re",
    "ro", "ru", "rw", "sa", "sb", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "sr", "su",
    "sv", "sx", "sy", "sz", "tc", "td", "tg", "th", "tj", "tk", "tl", "tm", "tn", "tr", "travel",
    "tt", "tv", "tw", "tz", "ua", "ug", "uk", "uy", "uz", "va", "vc", "ve", "vg", "vi", "vn", "vu",
    "wf", "ws", "xyz", "ye", "yt", "za", "zm", "zw",
];

fn label_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// A bare domain name starting at the token start `i` (see the module docs).
pub(super) fn bare(cx: &mut Cx, i: usize) {
    let b = cx.b;
    if i > 0
        && matches!(
            b[i - 1],
            b'.' | b'-' | b'@' | b'/' | b'\\' | b'%' | b'+' | b'~' | b'$'
        )
    {
        return;
    }
    // Most words are not followed by `.` and a letter or digit (after
    // hyphenated parts: `my-site.com`).
    let mut w = cx.word_end;
    while w < b.len() && w - i <= 63 && label_char(b[w]) {
        w += 1;
    }
    if w <= i || cx.at(w) != b'.' || !cx.at(w + 1).is_ascii_alphanumeric() {
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
    // `path.join(…)` calls and `df.at[…]` indexing are code.
    if labels < 2 || matches!(next, b'@' | b'(' | b'[') || is_word(next) || letter_next {
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
    fn tlds_sorted_and_no_file_extensions_or_identifiers() {
        assert!(TLDS.windows(2).all(|w| w[0] < w[1]));
        let left_out = [
            "am", "as", "by", "cc", "do", "gs", "id", "in", "info", "int", "is", "md", "me", "mk",
            "ml", "ms", "my", "na", "name", "no", "pm", "ps", "py", "rs", "sh", "so", "st", "tf",
            "to", "us",
        ];
        assert!(left_out.iter().all(|x| !TLDS.contains(x)));
    }
}
