//! Shell words at command positions, read the way `sh` (and Windows `cmd`)
//! read them, to see the command behind quoting tricks.
//!
//! A shell removes quotes and escapes before it looks a command up, so
//! `w'h'o'am'i`, `w"h"oami`, `wh\oami`, `$'\x69\x64'`, `who$@ami` (an empty
//! expansion) and cmd's `w^h^o^a^m^i` all run `whoami`; `{cat,/etc/passwd}`
//! is brace expansion to `cat /etc/passwd`, and `/???/??t` a glob that finds
//! `/bin/cat`. Token rules see none of these. This module finds the command
//! positions — the start of the value and what follows `;`, `|`, `||`,
//! `&&`, `&`, a newline, `$(`, a backtick or `(` — reads one shell word
//! there with quote removal, and reports a known command (the lists of
//! `command`) when spelling it took such a trick: nobody writes `c\at` in
//! prose, so the trick itself is the evidence.
//!
//! Linear: every char is read at most twice (once by the position scan, once
//! by the word reader, which stops at 64 chars).

use super::command::{STRONG, WEAK};
use super::views::View;
use super::{Category, Hits};

/// One shell word as the shell sees it after quote removal.
struct Word {
    text: String,
    end: usize,
    /// Quote removal, an escape, an empty expansion or a cmd caret changed it.
    tricked: bool,
    /// `{cmd,arg}`: brace expansion produced the command.
    brace: bool,
}

const MAX_WORD: usize = 64;

fn ends_word(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | ';' | '|' | '&' | '<' | '>' | '(' | ')' | '`' | '\0'
    )
}

/// `\xHH`, `\NNN` (octal) and the letter escapes of bash's `$'…'`.
fn ansi_c(c: &[char], mut i: usize, out: &mut String) -> usize {
    while i < c.len() && c[i] != '\'' {
        if c[i] == '\\' && i + 1 < c.len() {
            let e = c[i + 1];
            if e == 'x' {
                let hex: String = c[i + 2..c.len().min(i + 4)]
                    .iter()
                    .take_while(|h| h.is_ascii_hexdigit())
                    .collect();
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                    i += 2 + hex.len();
                    continue;
                }
            } else if e.is_digit(8) {
                let oct: String = c[i + 1..c.len().min(i + 4)]
                    .iter()
                    .take_while(|h| h.is_digit(8))
                    .collect();
                if let Some(ch) = u32::from_str_radix(&oct, 8).ok().and_then(char::from_u32) {
                    out.push(ch);
                    i += 1 + oct.len();
                    continue;
                }
            }
            out.push(match e {
                'n' => '\n',
                't' => '\t',
                other => other,
            });
            i += 2;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    i + 1
}

/// The shell word that starts at `i` (lower-cased view chars).
fn read_word(v: &View, mut i: usize) -> Word {
    let c = &v.low;
    let n = c.len().min(i + MAX_WORD);
    let mut text = String::new();
    let mut tricked = false;
    // Quoted and unquoted runs: one quoted run around the whole word
    // (`'cat'`, `"more"`) is how people quote a word, two or more split it.
    let mut runs = 0;
    let mut in_plain = false;
    let brace = c.get(i) == Some(&'{');
    if brace {
        i += 1;
    }
    while i < n && !ends_word(c[i]) {
        let ch = c[i];
        let plain = !matches!(ch, '\'' | '"');
        if !plain || !in_plain {
            runs += 1;
        }
        in_plain = plain;
        match ch {
            '\'' => {
                i += 1;
                while i < n && c[i] != '\'' {
                    text.push(c[i]);
                    i += 1;
                }
                i += 1;
            }
            '"' => {
                i += 1;
                while i < n && c[i] != '"' {
                    if c[i] == '\\' && i + 1 < n {
                        i += 1;
                    } else if c[i] == '$' && matches!(c.get(i + 1), Some('@' | '*')) {
                        i += 2;
                        continue;
                    }
                    text.push(c[i]);
                    i += 1;
                }
                i += 1;
            }
            '\\' if i + 1 < n => {
                tricked = true;
                text.push(c[i + 1]);
                i += 2;
            }
            '$' if c.get(i + 1) == Some(&'\'') => {
                tricked = true;
                i = ansi_c(c, i + 2, &mut text);
            }
            // `$@`, `$*`: empty without positional parameters; `${}`-less.
            '$' if matches!(c.get(i + 1), Some('@' | '*')) => {
                tricked = true;
                i += 2;
            }
            // cmd.exe's escape character.
            '^' if i + 1 < n && c[i + 1].is_ascii_alphanumeric() => {
                tricked = true;
                text.push(c[i + 1]);
                i += 2;
            }
            ',' | '}' if brace => break,
            _ => {
                text.push(ch);
                i += 1;
            }
        }
    }
    Word {
        text,
        end: i.min(c.len()),
        tricked: tricked || runs >= 2,
        brace: brace && c.get(i) == Some(&','),
    }
}

/// A glob that only a filesystem lookup resolves into a command path:
/// `/???/??t`, `/b??/c?t`, `/usr/bin/c*t` (a `/` and at least two of `?`,
/// `*`, with letters only otherwise).
fn glob_path(w: &str) -> bool {
    w.starts_with('/')
        && w.chars().filter(|&c| c == '?' || c == '*').count() >= 2
        && w.chars()
            .all(|c| c.is_ascii_lowercase() || matches!(c, '/' | '?' | '*' | '[' | ']'))
}

/// Command positions: the value's start, and after a separator or an
/// opening substitution.
fn positions(v: &View) -> impl Iterator<Item = usize> + '_ {
    let c = &v.low;
    std::iter::once(0).chain((0..c.len()).filter_map(move |i| {
        let ch = c[i];
        let opens = matches!(ch, ';' | '|' | '&' | '\n' | '`' | '(')
            || (ch == '$' && c.get(i + 1) == Some(&'('));
        opens.then_some(if ch == '$' { i + 2 } else { i + 1 })
    }))
}

pub(crate) fn scan(v: &View, hits: &mut Hits) {
    // Nothing to do without a char that takes part in a trick.
    if !v
        .low
        .iter()
        .any(|&c| matches!(c, '\'' | '"' | '\\' | '$' | '^' | '{' | '?' | '*'))
    {
        return;
    }
    let mut last_end = 0;
    for p in positions(v) {
        let mut i = p;
        while matches!(v.at(i), ' ' | '\t') {
            i += 1;
        }
        if i < last_end || i >= v.len() || matches!(v.at(i), ';' | '|' | '&' | '\n' | '(' | '`') {
            continue;
        }
        let w = read_word(v, i);
        last_end = w.end;
        let name = w.text.rsplit('/').next().unwrap_or("");
        let known = !name.is_empty() && (STRONG.contains(&name) || WEAK.contains(&name));
        let conf = if known && (w.tricked || w.brace) {
            // A word-like command needs its argument to be more than prose
            // when only a brace made it (`{cat,food}` is rare, but cheap to
            // ask): the trick forms need nothing else.
            90
        } else if glob_path(&w.text) {
            85
        } else {
            continue;
        };
        hits.add(
            Category::Command,
            "command.evasion",
            conf,
            i,
            w.end.max(i + 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::test_rules as rules;

    #[test]
    fn evasions() {
        for s in [
            "; w'h'o'am'i",
            ";w\"h\"oami",
            ";who$@ami",
            ";wh\\oami",
            "; c\\at /etc/passwd",
            "; {cat,/etc/passwd}",
            "; /???/??t /???/p??s??",
            "| c^m^d /c whoami",
            "& w^h^o^a^m^i",
            ";$'\\x69\\x64'",
            "$(w'h'oami)",
            "`i\\d`",
        ] {
            assert!(rules(s).contains(&"command.evasion"), "{s}: {:?}", rules(s));
        }
    }

    #[test]
    fn benign() {
        for s in [
            "it's what 'cat' means",
            "say \"id\" please",
            "C:\\Users\\cat\\file",
            "Q&A: who's who?",
            "{name, age}",
            "/path/to/file?.txt",
            "Tom & 'Jerry'",
            "price ^2",
            "'cat'",
            "\"more\"",
            "see (\"ls\")",
        ] {
            assert!(
                !rules(s).contains(&"command.evasion"),
                "{s}: {:?}",
                rules(s)
            );
        }
    }
}
