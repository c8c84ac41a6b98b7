//! Path traversal: `../` runs (also encoded, overlong, fullwidth and
//! filter-bypass forms such as `....//`), sensitive absolute paths, NUL bytes.
//! A dot or separator may also be written as C-style hex text (`..0x2f`,
//! `0x2e0x2e0x5c`), which naive decoders in some servers turn back into the
//! character.

use super::views::View;
use super::{Category, Hits};

const PT: Category = Category::PathTraversal;

fn is_dot(c: char) -> bool {
    matches!(c, '.' | '\u{FF0E}' | '\u{2024}')
}

fn is_sep(c: char) -> bool {
    // U+EFC8 and U+F025 (private use): IIS's best-fit mapping of `%u` escapes
    // reads them as `/` (the `..%uEFC8` / `..%uF025` forms of dotdotpwn's
    // and PayloadsAllTheThings' traversal lists).
    matches!(
        c,
        '/' | '\\'
            | '\u{FF0F}'
            | '\u{2215}'
            | '\u{2216}'
            | '\u{FF3C}'
            | '\u{2044}'
            | '\u{EFC8}'
            | '\u{F025}'
    )
}

/// A dot at `k`: its length in view chars (1, or 4 for the text `0x2e`).
fn dot(v: &View, k: usize) -> Option<usize> {
    if is_dot(v.at(k)) {
        Some(1)
    } else {
        v.is_at(k, "0x2e").then_some(4)
    }
}

/// A separator at `k`: its length (1, or 4 for `0x2f` / `0x5c`).
fn sep(v: &View, k: usize) -> Option<usize> {
    if is_sep(v.at(k)) {
        Some(1)
    } else {
        (v.is_at(k, "0x2f") || v.is_at(k, "0x5c")).then_some(4)
    }
}

/// Files and directories an attacker reads through a traversal, with the
/// confidence of naming one directly. `/` in a pattern matches `/` or `\`.
const TARGETS: [(&str, u8); 24] = [
    ("etc/passwd", 85),
    ("etc/shadow", 85),
    ("etc/group", 65),
    ("etc/hosts", 55),
    ("etc/issue", 65),
    ("etc/master.passwd", 85),
    ("proc/self/", 88),
    ("proc/version", 80),
    ("proc/1/", 75),
    ("windows/win.ini", 90),
    ("windows/system.ini", 90),
    ("windows/system32/", 75),
    ("win.ini", 80),
    ("boot.ini", 85),
    ("winnt/", 65),
    ("inetpub/", 60),
    ("web-inf/web.xml", 90),
    ("web-inf/", 70),
    (".ssh/id_rsa", 90),
    (".ssh/authorized_keys", 90),
    (".htpasswd", 80),
    ("wp-config.php", 75),
    ("var/log/", 55),
    ("root/.bash_history", 85),
];

/// A sensitive target at `p`: (confidence, end).
fn target(v: &View, p: usize) -> Option<(u8, usize)> {
    let first = v.at(p);
    if !matches!(first, 'e' | 'p' | 'w' | 'b' | '.' | 'i' | 'v' | 'r') {
        return None;
    }
    TARGETS.iter().find_map(|&(pat, conf)| {
        let mut k = p;
        for c in pat.chars() {
            let got = v.at(k);
            let ok = if c == '/' { is_sep(got) } else { got == c };
            if !ok {
                return None;
            }
            k += 1;
        }
        Some((conf, k))
    })
}

/// A relative source location at `p`: path chars, a file name with an
/// extension, then `:<line>` (the shape of compiler, linter and stack-trace
/// output).
fn source_location(v: &View, p: usize) -> bool {
    let mut k = p;
    let mut ext = false;
    while matches!(v.at(k), 'a'..='z' | '0'..='9' | '_' | '-' | '/' | '.') {
        ext = v.at(k) == '.' && v.at(k + 1).is_ascii_alphanumeric() || ext && v.at(k) != '/';
        k += 1;
    }
    ext && k > p && v.at(k) == ':' && v.at(k + 1).is_ascii_digit()
}

pub(crate) fn scan(v: &View, hits: &mut Hits) {
    let n = v.len();
    let mut i = 0;
    while i < n {
        let c = v.at(i);
        let first = dot(v, i);
        if first.is_some_and(|l| dot(v, i + l).is_some()) && (i == 0 || !is_dot(v.at(i - 1))) {
            let start = i;
            let mut k = i;
            let mut segs = 0;
            let mut bypass = false;
            let mut hex_text = false;
            let mut dots_end = i;
            loop {
                let (mut d, mut dots) = (k, 0);
                while let Some(l) = dot(v, d) {
                    hex_text |= l > 1;
                    d += l;
                    dots += 1;
                }
                if k == start {
                    dots_end = d;
                }
                if dots == 1 && segs > 0 {
                    if let Some(l) = sep(v, d) {
                        // `./` inside a run (`..././`): a no-op segment that
                        // survives filters deleting `../` once.
                        bypass = true;
                        k = d + l;
                        continue;
                    }
                }
                if dots < 2 {
                    break;
                }
                let mut s = d;
                if v.at(s) == ';' {
                    s += 1;
                    bypass = true;
                }
                let mut seps = 0;
                while let Some(l) = sep(v, s) {
                    hex_text |= l > 1;
                    s += l;
                    seps += 1;
                }
                if seps == 0 {
                    break;
                }
                // `....//` survives a filter that deletes `../` once.
                bypass |= dots >= 3 && seps >= 2 || dots == 3 && seps == 1 && segs > 0;
                segs += 1;
                k = s;
            }
            if segs == 0 {
                i = dots_end.max(i + 1);
                continue;
            }
            let nonascii = v.low[start..k].iter().any(|c| !c.is_ascii());
            let encoded = v.encoded(start, k) || nonascii || hex_text;
            let mut conf: u8 = match segs {
                1 => 45,
                2 => 75,
                _ => 90,
            };
            if bypass {
                conf = conf.max(85);
            }
            if encoded {
                conf = conf.max(90);
            }
            let mut end = k;
            if let Some((_, e)) = target(v, k) {
                conf = conf.max(95);
                end = e;
            } else if segs == 1
                && matches!(v.at(k), 'e' | 'w')
                && (v.is_at(k, "etc") || v.is_at(k, "windows"))
            {
                conf = conf.max(70);
            } else if !encoded && !bypass && source_location(v, k) {
                // `../../util/options.hh:72:13:` is a compiler's or linter's
                // pointer at a source file, not a request for one.
                conf = conf.min(40);
            }
            hits.add(PT, "path.traversal", conf, start, end);
            i = k;
            continue;
        }
        if is_sep(c)
            || (c.is_ascii_alphabetic()
                && v.at(i + 1) == ':'
                && is_sep(v.at(i + 2))
                && v.word_start(i))
        {
            let p = if is_sep(c) { i + 1 } else { i + 3 };
            if let Some((base, e)) = target(v, p) {
                let prev = if i == 0 { '\0' } else { v.at(i - 1) };
                // A path at the start of the value or as a parameter value is a
                // request for that file; a path mentioned in a sentence is not.
                let direct = i == 0
                    || matches!(
                        prev,
                        '=' | '"' | '\'' | '(' | '/' | ':' | '\0' | '\n' | '|' | ';' | '&' | '`'
                    );
                let file_url =
                    i >= 5 && (v.is_at(i.saturating_sub(7), "file://") || v.is_at(i - 5, "file:"));
                let conf = if file_url {
                    95
                } else if direct {
                    base
                } else {
                    base.min(45)
                };
                hits.add(PT, "path.sensitive-file", conf, i, e);
                i = e;
                continue;
            }
        }
        if c == '\0' {
            let mut k = i;
            while v.at(k) == '\0' && k < n {
                k += 1;
            }
            let conf = if v.encoded(i, k) { 85 } else { 60 };
            hits.add(PT, "path.null-byte", conf, i, k);
            i = k;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::test_rules as rules;

    #[test]
    fn each_rule() {
        assert!(rules("../../../etc/passwd").contains(&"path.traversal"));
        assert!(rules("..\\..\\windows\\win.ini").contains(&"path.traversal"));
        assert!(rules("%2e%2e%2f%2e%2e%2fx").contains(&"path.traversal"));
        assert!(rules("%252e%252e%252f").contains(&"path.traversal"));
        assert!(rules("..%c0%af..%c0%afetc").contains(&"path.traversal"));
        assert!(rules("..%c0%5c..%c0%5c..%c0%5cx").contains(&"path.traversal"));
        assert!(rules("....//....//x").contains(&"path.traversal"));
        assert!(rules("/etc/passwd").contains(&"path.sensitive-file"));
        assert!(rules("C:\\Windows\\win.ini").contains(&"path.sensitive-file"));
        assert!(rules("file:///proc/self/environ").contains(&"path.sensitive-file"));
        assert!(rules("shell.php%00.jpg").contains(&"path.null-byte"));
        for s in [
            "..0x2f{FILE}",
            "0x2e0x2e/x",
            "0x2e0x2e0x2fx",
            "..0x5cwin",
            "..%c0%2fx",
            "%c0%2e%c0%2e/x",
            "..%uEFC8x",
            "..%uF025x",
        ] {
            assert!(rules(s).contains(&"path.traversal"), "{s}");
        }
    }

    #[test]
    fn benign() {
        for s in [
            "see ../README.md",
            "docs/a/b.md",
            "wait... what?",
            "v1.2.3",
            "edit /etc/hosts to add it",
            "C:\\Users\\me\\notes.txt",
            "mask 0x2e0x2f",
            "../../util/options.hh:72:13: warning: unused variable",
            "0x2e.5",
        ] {
            assert!(rules(s).is_empty(), "{s}: {:?}", rules(s));
        }
    }
}
