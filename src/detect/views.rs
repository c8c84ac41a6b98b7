//! The decoding *views* the detectors look at (the input, then after one or
//! two rounds of decoding, each char remembering where it came from) and the
//! one tokenizer they share.
//!
//! Everything here is a single left-to-right pass with constant lookahead,
//! so the cost is linear in the input whatever it contains.

/// A text the detectors look at: the input itself, or the input after one or
/// two rounds of decoding. `map[i]` is the range of *original* chars that
/// produced `chars[i]`, so findings can be reported in input offsets.
pub(crate) struct View {
    pub chars: Vec<char>,
    /// `chars` with ASCII letters lower-cased (same length: matching is
    /// ASCII case-insensitive and positions stay aligned).
    pub low: Vec<char>,
    pub map: Vec<(u32, u32)>,
}

impl View {
    /// The input as it is (every char maps to itself).
    pub fn raw(input: &[char]) -> View {
        let map = (0..input.len() as u32).map(|i| (i, i + 1)).collect();
        View::new(input.to_vec(), map)
    }

    fn new(chars: Vec<char>, map: Vec<(u32, u32)>) -> View {
        let low = chars.iter().map(char::to_ascii_lowercase).collect();
        View { chars, low, map }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The lower-cased char at `i`, or NUL past the end (NUL never matches
    /// a pattern char, so callers need no separate bounds checks).
    pub fn at(&self, i: usize) -> char {
        self.low.get(i).copied().unwrap_or('\0')
    }

    /// Whether the text at `i` is `pat` (ASCII case-insensitive; `pat` must
    /// be lower case).
    pub fn is_at(&self, i: usize, pat: &str) -> bool {
        (i..)
            .zip(pat.chars())
            .all(|(k, p)| self.low.get(k) == Some(&p))
    }

    /// The original char range that view chars `s..e` came from.
    pub fn orig(&self, s: usize, e: usize) -> (usize, usize) {
        let e = e.max(s + 1).min(self.map.len());
        let s = s.min(e.saturating_sub(1));
        match (self.map.get(s), self.map.get(e.wrapping_sub(1))) {
            (Some(a), Some(b)) => (a.0 as usize, b.1 as usize),
            _ => (0, 0),
        }
    }

    /// Whether any of the chars `s..e` was produced by decoding an escape
    /// (its original span is not exactly one char).
    pub fn encoded(&self, s: usize, e: usize) -> bool {
        self.map
            .get(s..e.min(self.map.len()))
            .is_some_and(|m| m.iter().any(|&(a, b)| b != a + 1))
    }

    /// Whether `i` starts a word (the char before is not alphanumeric).
    pub fn word_start(&self, i: usize) -> bool {
        i == 0 || !is_word_char(self.at(i - 1))
    }

    /// Whether `i` ends a word (the char at `i` is not alphanumeric).
    pub fn word_end(&self, i: usize) -> bool {
        !is_word_char(self.at(i))
    }

    /// The first index `>= i` that is not a space or tab.
    pub fn skip_spaces(&self, mut i: usize) -> usize {
        while matches!(self.at(i), ' ' | '\t') {
            i += 1;
        }
        i
    }
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// One round of decoding: URL percent escapes (`%27`, `%u0027`, overlong
/// UTF-8 such as `%c0%af`), `+` as a space, and HTML character references
/// (`&#39;`, `&#x27;`, `&lt;`…). `None` when the round changed nothing.
pub(crate) fn decode_round(v: &View) -> Option<View> {
    let src = &v.chars;
    let mut chars = Vec::with_capacity(src.len());
    let mut map = Vec::with_capacity(src.len());
    let mut changed = false;
    let mut i = 0;
    let span = |a: usize, b: usize| (v.map[a].0, v.map[b - 1].1);
    while i < src.len() {
        let c = src[i];
        if c == '%' {
            if let Some((ch, len)) = percent_u(src, i) {
                chars.push(ch);
                map.push(span(i, i + len));
                i += len;
                changed = true;
                continue;
            }
            // A run of %XX escapes, decoded as UTF-8 bytes together.
            let mut bytes: Vec<u8> = Vec::new();
            let mut k = i;
            while let Some(b) = percent_byte(src, k) {
                bytes.push(b);
                k += 3;
            }
            if !bytes.is_empty() {
                let mut b = 0;
                while b < bytes.len() {
                    let (ch, n) = utf8_lenient(&bytes[b..]);
                    chars.push(ch);
                    map.push(span(i + 3 * b, i + 3 * (b + n)));
                    b += n;
                }
                i = k;
                changed = true;
                continue;
            }
        } else if c == '+' {
            chars.push(' ');
            map.push(span(i, i + 1));
            i += 1;
            changed = true;
            continue;
        } else if c == '&' {
            if let Some((ch, len)) = entity(src, i) {
                chars.push(ch);
                map.push(span(i, i + len));
                i += len;
                changed = true;
                continue;
            }
        }
        chars.push(c);
        map.push(v.map[i]);
        i += 1;
    }
    changed.then(|| View::new(chars, map))
}

fn hex_val(c: char) -> Option<u32> {
    c.to_digit(16)
}

fn percent_byte(src: &[char], i: usize) -> Option<u8> {
    if src.get(i) != Some(&'%') {
        return None;
    }
    let h = hex_val(*src.get(i + 1)?)?;
    let l = hex_val(*src.get(i + 2)?)?;
    Some((h * 16 + l) as u8)
}

/// `%uXXXX` (the non-standard IIS form, still seen in evasions).
fn percent_u(src: &[char], i: usize) -> Option<(char, usize)> {
    if !matches!(src.get(i + 1), Some('u' | 'U')) {
        return None;
    }
    let mut v = 0;
    for k in 0..4 {
        v = v * 16 + hex_val(*src.get(i + 2 + k)?)?;
    }
    Some((char::from_u32(v).unwrap_or('\u{FFFD}'), 6))
}

/// Decode one char from `b`, the way a lenient decoder would: overlong
/// 2- and 3-byte forms (`C0 AF` = `/`) are accepted, because accepting them
/// is exactly the bug that attacks using them target; so is a `C0`/`C1` lead
/// before an ASCII byte, which such decoders drop (`C0 2E` = `.`, `C0 5C` =
/// `\`). Invalid bytes → U+FFFD.
fn utf8_lenient(b: &[u8]) -> (char, usize) {
    let cont = |k: usize| b.get(k).is_some_and(|x| x & 0xC0 == 0x80);
    let b0 = b[0];
    if b0 < 0x80 {
        return (b0 as char, 1);
    }
    if (b0 == 0xC0 || b0 == 0xC1) && b.get(1).is_some_and(|&x| x < 0x80) {
        return (b[1] as char, 2);
    }
    if (b0 == 0xC0 || b0 == 0xC1) && b.get(1).is_some_and(|&x| x < 0xC0) {
        let cp = (u32::from(b0 & 0x1F) << 6) | u32::from(b[1] & 0x3F);
        return (char::from_u32(cp).unwrap_or('\u{FFFD}'), 2);
    }
    if b0 == 0xE0 && cont(1) && cont(2) {
        let cp =
            (u32::from(b0 & 0x0F) << 12) | (u32::from(b[1] & 0x3F) << 6) | u32::from(b[2] & 0x3F);
        return (char::from_u32(cp).unwrap_or('\u{FFFD}'), 3);
    }
    let need = match b0 {
        0xC2..=0xDF => 2,
        0xE1..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return ('\u{FFFD}', 1),
    };
    match b.get(..need).and_then(|s| std::str::from_utf8(s).ok()) {
        Some(s) => (s.chars().next().unwrap_or('\u{FFFD}'), need),
        None => ('\u{FFFD}', 1),
    }
}

/// An HTML character reference at `i` (which holds `&`): numeric with or
/// without the `;` (browsers accept both), or one of the named references
/// that matter for injection.
fn entity(src: &[char], i: usize) -> Option<(char, usize)> {
    let mut k = i + 1;
    if src.get(k) == Some(&'#') {
        k += 1;
        let radix = if matches!(src.get(k), Some('x' | 'X')) {
            k += 1;
            16
        } else {
            10
        };
        let start = k;
        let mut v: u32 = 0;
        while let Some(d) = src.get(k).and_then(|c| c.to_digit(radix)) {
            v = v.saturating_mul(radix).saturating_add(d).min(0x11_0000);
            k += 1;
        }
        if k == start {
            return None;
        }
        if src.get(k) == Some(&';') {
            k += 1;
        }
        let ch = match char::from_u32(v) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        };
        return Some((ch, k - i));
    }
    let start = k;
    while k < src.len() && k - start < 10 && src[k].is_ascii_alphabetic() {
        k += 1;
    }
    let name: String = src[start..k].iter().collect();
    let semi = src.get(k) == Some(&';');
    let ch = match name.as_str() {
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "amp" | "AMP" => '&',
        "quot" | "QUOT" => '"',
        _ if !semi => return None,
        "apos" => '\'',
        "colon" => ':',
        "Tab" => '\t',
        "NewLine" => '\n',
        "lpar" => '(',
        "rpar" => ')',
        "sol" => '/',
        "bsol" => '\\',
        "period" => '.',
        "comma" => ',',
        "semi" => ';',
        "equals" => '=',
        "excl" => '!',
        "num" => '#',
        "dollar" => '$',
        "percnt" => '%',
        "plus" => '+',
        "grave" => '`',
        "lowbar" => '_',
        "lbrace" | "lcub" => '{',
        "rbrace" | "rcub" => '}',
        "nbsp" => '\u{A0}',
        _ => return None,
    };
    Some((ch, k - i + usize::from(semi)))
}

/// Token kinds. Quotes are single tokens, not strings: an injected quote is
/// by definition unbalanced, and the detectors care about what follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits and `_`, starting with a non-digit.
    Word,
    /// Starts with a digit (`1`, `0x41`, `3.5`, `5pm`).
    Number,
    /// `'`, `"` or `` ` ``.
    Quote,
    /// Operator: `=`, `==`, `<>`, `||`, `&&`, `|`, `&`, `<`, `>`, `+`…
    Op,
    /// `/* … */` (or an unterminated `/*`, or a lone `*/`).
    Block,
    /// `--`.
    Dashes,
    /// `\n` or `\r`.
    Newline,
    /// Any other single char: `( ) ; , . $ @ # { } [ ] : \ ?`…
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whitespace right before this token.
    pub space: bool,
}

const OPS2: [&str; 13] = [
    "||", "&&", "==", "!=", "<>", "<=", ">=", ">>", "<<", ":=", "=>", "|&", "&>",
];

/// Split a view into tokens, in one pass.
pub(crate) fn tokenize(v: &View) -> Vec<Tok> {
    let c = &v.low;
    let n = c.len();
    let mut out = Vec::with_capacity(n / 3 + 1);
    let mut i = 0;
    let mut space = false;
    // Where the search for a closing `*/` found none: no later `/*` can find
    // one either, so unterminated comments cost one scan in total.
    let mut no_close_after = usize::MAX;
    while i < n {
        let ch = c[i];
        if ch == ' ' || ch == '\t' || ch == '\u{A0}' || ch == '\u{B}' || ch == '\u{C}' {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if ch == '\n' || ch == '\r' {
            i += 1;
            Kind::Newline
        } else if ch.is_alphabetic() || ch == '_' {
            while i < n && is_word_char(c[i]) {
                i += 1;
            }
            Kind::Word
        } else if ch.is_ascii_digit() {
            while i < n && (is_word_char(c[i]) || (c[i] == '.' && v.at(i + 1).is_ascii_digit())) {
                i += 1;
            }
            Kind::Number
        } else if ch == '\'' || ch == '"' || ch == '`' {
            i += 1;
            Kind::Quote
        } else if ch == '/' && v.at(i + 1) == '*' {
            if v.at(i + 2) == '!' {
                // MySQL version comment `/*!50000 … */`: its content runs.
                i += 3;
                while i < n && c[i].is_ascii_digit() {
                    i += 1;
                }
            } else {
                let mut k = i + 2;
                let mut found = false;
                if k < no_close_after {
                    while k + 1 < n {
                        if c[k] == '*' && c[k + 1] == '/' {
                            found = true;
                            break;
                        }
                        k += 1;
                    }
                }
                if found {
                    i = k + 2;
                } else {
                    no_close_after = i;
                    i += 2;
                }
            }
            Kind::Block
        } else if ch == '*' && v.at(i + 1) == '/' {
            i += 2;
            Kind::Block
        } else if ch == '-' && v.at(i + 1) == '-' {
            i += 2;
            Kind::Dashes
        } else if "=<>!|&+-*/%^~:".contains(ch) {
            i += 1;
            if i < n && OPS2.iter().any(|op| v.is_at(start, op)) {
                i += 1;
            }
            if ch == ':' && i == start + 1 {
                Kind::Punct
            } else {
                Kind::Op
            }
        } else {
            i += 1;
            Kind::Punct
        };
        out.push(Tok {
            kind,
            start,
            end: i,
            space,
        });
        space = false;
    }
    out
}

/// Token helpers over one view.
pub(crate) struct Toks<'a> {
    pub v: &'a View,
    pub t: &'a [Tok],
}

impl Toks<'_> {
    pub fn len(&self) -> usize {
        self.t.len()
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is exactly `s` (lower-case ASCII).
    pub fn is(&self, i: usize, s: &str) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.end - t.start == s.len() && self.v.is_at(t.start, s))
    }

    /// Whether token `i` is one of `list` (lower-case ASCII words). The
    /// token is looked up once and each entry is rejected by its length
    /// before its chars are compared: the rules ask this of lists of up to
    /// 60 words for every separator and word.
    #[inline]
    pub fn is_any(&self, i: usize, list: &[&str]) -> bool {
        let Some(t) = self.t.get(i) else {
            return false;
        };
        let Some(word) = self.v.low.get(t.start..t.end) else {
            return false;
        };
        list.iter()
            .any(|s| s.len() == word.len() && s.bytes().zip(word).all(|(b, &c)| b as char == c))
    }

    pub fn word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    pub fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| {
            matches!(t.kind, Kind::Punct | Kind::Op | Kind::Quote)
                && t.end == t.start + 1
                && self.v.at(t.start) == c
        })
    }

    /// Whether token `i` directly follows token `i - 1` (no whitespace).
    pub fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }

    pub fn start(&self, i: usize) -> usize {
        self.t.get(i).map_or(self.v.len(), |t| t.start)
    }

    pub fn end(&self, i: usize) -> usize {
        self.t.get(i).map_or(self.v.len(), |t| t.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> View {
        View::raw(&s.chars().collect::<Vec<_>>())
    }

    fn decoded(s: &str) -> String {
        decode_round(&view(s)).map_or_else(|| s.to_string(), |v| v.chars.iter().collect())
    }

    #[test]
    fn decodes_percent_entities_and_overlong() {
        assert_eq!(decoded("%27%20OR%201%3D1"), "' OR 1=1");
        assert_eq!(decoded("..%c0%af"), "../");
        assert_eq!(decoded("%e2%82%ac+x"), "€ x");
        assert_eq!(decoded("&#x3C;&#60&lt;&colon;&bogus;"), "<<<:&bogus;");
        assert_eq!(decoded("%252e"), "%2e");
        assert_eq!(decoded("%u002e%zz%"), ".%zz%");
    }

    #[test]
    fn maps_back_to_original() {
        let v = decode_round(&view("a%27b")).unwrap();
        assert_eq!(v.orig(1, 2), (1, 4));
        assert!(v.encoded(1, 2) && !v.encoded(2, 3));
    }

    #[test]
    fn tokenizes() {
        let v = view("admin'-- /*x*/UNION/*!50000select*/ 1<>2 \n");
        let kinds: Vec<Kind> = tokenize(&v).iter().map(|t| t.kind).collect();
        use Kind::*;
        assert_eq!(
            kinds,
            [Word, Quote, Dashes, Block, Word, Block, Word, Block, Number, Op, Number, Newline]
        );
    }
}
