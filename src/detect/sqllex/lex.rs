//! The SQL tokenizer of `sqllex`: strings in each quote style (`''` and
//! `\\` escapes, unterminated ones marked open), `--`/`#`/block comments
//! (MySQL's `/*! … */` read as code), numbers, `@`/`@@` variables, words
//! classed as logic, comparison, arithmetic, statement and clause keywords
//! or functions (a word before `(`), operators and punctuation. One pass,
//! at most `cap` tokens.

use crate::detect::views::View;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum T {
    /// A string literal; `true` when the value ends inside it (the
    /// application's own closing quote would end it).
    Str(bool),
    Num,
    /// `@x`, `@@version`.
    Var,
    Word,
    /// A word followed by `(`.
    Func,
    /// Statement-starting keywords after `;`.
    Stmt,
    /// `UNION`, `GROUP`/`ORDER BY`, `HAVING`, `LIMIT`, `INTO`, `PROCEDURE`.
    Clause,
    Logic,
    Not,
    Cmp,
    Arith,
    Open,
    Close,
    Comma,
    Semi,
    Dot,
    Comment,
    Other,
}

#[derive(Clone, Copy)]
pub(super) struct Tok {
    pub(super) t: T,
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) const LOGIC: [&str; 3] = ["and", "or", "xor"];
pub(super) const CMP_WORDS: [&str; 6] = ["like", "rlike", "regexp", "is", "in", "between"];
pub(super) const ATOM_WORDS: [&str; 4] = ["true", "false", "null", "unknown"];
pub(super) const STATEMENTS: [&str; 19] = [
    "select", "insert", "update", "delete", "drop", "create", "alter", "exec", "execute",
    "declare", "shutdown", "waitfor", "while", "if", "begin", "truncate", "grant", "set", "call",
];
pub(super) const CLAUSES: [&str; 7] = [
    "union",
    "group",
    "order",
    "having",
    "limit",
    "procedure",
    "into",
];

pub(super) fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

pub(super) fn word_is(v: &View, s: usize, e: usize, list: &[&str]) -> bool {
    let first = v.at(s);
    list.iter().any(|w| {
        w.len() == e - s && w.as_bytes().first().map(|&b| b as char) == Some(first) && v.is_at(s, w)
    })
}

/// The end of the number that starts at `i`: `0x1f`, `12.5`, `1e0`.
pub(super) fn number_end(c: &[char], mut i: usize) -> usize {
    let n = c.len();
    if c[i] == '0' && c.get(i + 1) == Some(&'x') {
        i += 2;
        while i < n && c[i].is_ascii_hexdigit() {
            i += 1;
        }
    } else {
        while i < n && (c[i].is_ascii_digit() || c[i] == '.') {
            i += 1;
        }
        if i < n && c[i] == 'e' && c.get(i + 1).is_some_and(char::is_ascii_digit) {
            i += 1;
            while i < n && c[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
    i
}

/// The index of the quote `q` that closes a string whose content starts at
/// `i` (`''` and a backslash escape what follows them), if any. The
/// tokenizer reads strings with it, and `sqllex` finds with it where a value
/// breaks out of the application's string.
pub(super) fn string_close(c: &[char], mut i: usize, q: char) -> Option<usize> {
    while i < c.len() {
        if c[i] == '\\' {
            i += 2;
        } else if c[i] == q {
            if c.get(i + 1) == Some(&q) {
                i += 2;
            } else {
                return Some(i);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Tokens of `v.low[from..]`, at most `cap` of them, into `out` (cleared
/// first: one buffer serves the three contexts).
pub(super) fn tokenize(v: &View, from: usize, cap: usize, out: &mut Vec<Tok>) {
    let c = &v.low;
    let n = c.len();
    out.clear();
    let mut i = from;
    while i < n && out.len() < cap {
        let ch = c[i];
        let start = i;
        let t = match ch {
            ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{a0}' => {
                i += 1;
                continue;
            }
            '\'' | '"' | '`' => {
                let close = string_close(c, i + 1, ch);
                let closed = close.is_some();
                i = close.map_or(n, |k| k + 1);
                if ch == '`' {
                    // A quoted identifier.
                    T::Word
                } else {
                    T::Str(!closed)
                }
            }
            '-' if c.get(i + 1) == Some(&'-') => {
                while i < n && c[i] != '\n' {
                    i += 1;
                }
                T::Comment
            }
            '#' => {
                while i < n && c[i] != '\n' {
                    i += 1;
                }
                T::Comment
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                // MySQL runs `/*! … */` as code: skip the marker (and its
                // version digits) and read on.
                if c.get(i + 2) == Some(&'!') {
                    i += 3;
                    while i < n && c[i].is_ascii_digit() {
                        i += 1;
                    }
                    continue;
                }
                i += 2;
                while i < n && !(c[i] == '*' && c.get(i + 1) == Some(&'/')) {
                    i += 1;
                }
                i = (i + 2).min(n);
                // A comment between tokens is whitespace.
                continue;
            }
            '*' if c.get(i + 1) == Some(&'/') => {
                i += 2;
                continue;
            }
            '0'..='9' | '.' if ch != '.' || c.get(i + 1).is_some_and(char::is_ascii_digit) => {
                i = number_end(c, i);
                T::Num
            }
            '@' => {
                i += 1;
                if c.get(i) == Some(&'@') {
                    i += 1;
                }
                while i < n && word_char(c[i]) {
                    i += 1;
                }
                T::Var
            }
            c0 if word_char(c0) => {
                while i < n && word_char(c[i]) {
                    i += 1;
                }
                let mut k = i;
                while k < n && matches!(c[k], ' ' | '\t') {
                    k += 1;
                }
                if word_is(v, start, i, &LOGIC) {
                    T::Logic
                } else if word_is(v, start, i, &["not", "binary"]) {
                    // MySQL's BINARY is a prefix operator, like NOT.
                    T::Not
                } else if word_is(v, start, i, &CMP_WORDS) || word_is(v, start, i, &["sounds"]) {
                    T::Cmp
                } else if word_is(v, start, i, &["div", "mod"]) {
                    T::Arith
                } else if word_is(v, start, i, &ATOM_WORDS) {
                    T::Num
                } else if k < n && c[k] == '(' && !word_is(v, start, i, &["union", "select"]) {
                    T::Func
                } else if word_is(v, start, i, &STATEMENTS) {
                    T::Stmt
                } else if word_is(v, start, i, &CLAUSES) {
                    T::Clause
                } else {
                    T::Word
                }
            }
            '=' | '<' | '>' | '!' => {
                i += 1;
                while i < n && matches!(c[i], '=' | '<' | '>') && i - start < 3 {
                    i += 1;
                }
                if ch == '!' && i == start + 1 {
                    T::Not
                } else {
                    T::Cmp
                }
            }
            '&' | '|' if c.get(i + 1) == Some(&ch) => {
                i += 2;
                T::Logic
            }
            '+' | '-' | '*' | '/' | '%' | '^' | '&' | '|' | '~' => {
                i += 1;
                T::Arith
            }
            '(' => {
                i += 1;
                T::Open
            }
            ')' => {
                i += 1;
                T::Close
            }
            ',' => {
                i += 1;
                T::Comma
            }
            '.' => {
                i += 1;
                T::Dot
            }
            ';' => {
                i += 1;
                T::Semi
            }
            _ => {
                i += 1;
                T::Other
            }
        };
        out.push(Tok { t, start, end: i });
    }
}

/// Whether the value has what every shape `judge` accepts needs: for the
/// bare context a logic operator (`and`, `or`, `xor`, `&&`, `||`), a
/// clause word, `select` or a comment, for the quoted ones a quote. One pass over the chars, so
/// that the common value costs no tokenizing.
pub(super) fn worth_it(v: &View) -> (bool, bool) {
    let c = &v.low;
    let (mut bare, mut quote) = (false, false);
    let mut i = 0;
    while i < c.len() && !(bare && quote) {
        let ch = c[i];
        if ch == '\'' || ch == '"' {
            quote = true;
        } else if (ch == '&' || ch == '|' || ch == '-') && c.get(i + 1) == Some(&ch) || ch == '#' {
            // `&&`, `||`, and a comment (`( 1 ) --`).
            bare = true;
        } else if ch.is_ascii_digit() {
            // Numbers end as the tokenizer ends them (`1AND`, `1e0UNION`).
            i = number_end(c, i);
            continue;
        } else if word_char(ch) {
            let s = i;
            while i < c.len() && word_char(c[i]) {
                i += 1;
            }
            // Only lengths 2 to 9 and these first letters can be a logic or
            // clause word.
            bare |= (2..=9).contains(&(i - s))
                && matches!(
                    ch,
                    'a' | 'o' | 'x' | 'u' | 'g' | 'h' | 'l' | 'p' | 'i' | 's'
                )
                && (word_is(v, s, i, &LOGIC)
                    || word_is(v, s, i, &CLAUSES)
                    || word_is(v, s, i, &["select"]));
            continue;
        }
        i += 1;
    }
    (bare, quote)
}
