//! SQL injection patterns, on tokens with `/* … */` comments removed (they
//! are whitespace to SQL, and `UNION/**/SELECT` is a classic evasion).

use super::views::{Kind, Tok, Toks};
use super::{Category, Hits};

const SQL: Category = Category::Sql;

/// Words that start a statement after `;` and what must follow them for the
/// pair to read as SQL rather than prose (`; drop by tomorrow`).
fn stacked_follows(t: &Toks, i: usize) -> bool {
    let next = i + 1;
    if t.is(i, "drop") || t.is(i, "truncate") {
        t.is_any(
            next,
            &[
                "table",
                "database",
                "schema",
                "user",
                "view",
                "procedure",
                "index",
                "function",
                "login",
            ],
        )
    } else if t.is(i, "delete") {
        t.is(next, "from")
            || (t.word(next) && (t.is(next + 1, "where") || t.kind(next + 1).is_none()))
    } else if t.is(i, "update") {
        t.is(next + 1, "set")
    } else if t.is(i, "insert") {
        t.is(next, "into")
    } else if t.is_any(i, &["exec", "execute"]) {
        t.kind(next).is_some_and(|k| k != Kind::Newline)
    } else if t.is_any(i, &["shutdown", "waitfor"]) {
        true
    } else if t.is(i, "declare") || t.is(i, "set") {
        t.punct(next, '@')
    } else if t.is_any(i, &["create", "alter"]) {
        t.is_any(
            next,
            &[
                "table",
                "user",
                "login",
                "database",
                "procedure",
                "function",
                "trigger",
            ],
        )
    } else if t.is(i, "select") {
        (next..next + 8)
            .any(|k| t.is(k, "from") || t.punct(k, '*') || t.punct(k, '@') || t.punct(k, '('))
            || t.kind(next) == Some(Kind::Number)
    } else if t.is_any(i, &["grant", "revoke"]) {
        t.is(next, "all") || (next..next + 6).any(|k| t.is(k, "to") || t.is(k, "on"))
    } else {
        false
    }
}

/// Words that make the operand after `OR`/`AND` read as SQL.
const SQL_WORDS: [&str; 22] = [
    "select",
    "not",
    "exists",
    "sleep",
    "benchmark",
    "true",
    "false",
    "null",
    "user",
    "database",
    "version",
    "substring",
    "substr",
    "ascii",
    "length",
    "char",
    "if",
    "case",
    "updatexml",
    "extractvalue",
    "pg_sleep",
    "row",
];

/// An operand of a comparison: a number, a quoted string (possibly
/// unterminated: the application adds the closing quote), or a bare word,
/// optionally in parentheses. Returns (value token range, kind, next index).
fn operand(t: &Toks, mut i: usize) -> Option<(usize, usize, Kind, usize)> {
    let mut parens = 0;
    while t.punct(i, '(') && parens < 3 {
        i += 1;
        parens += 1;
    }
    let (a, b, kind, mut next) = match t.kind(i)? {
        Kind::Number => (t.start(i), t.end(i), Kind::Number, i + 1),
        Kind::Word => (t.start(i), t.end(i), Kind::Word, i + 1),
        Kind::Quote => {
            let q = t.v.at(t.start(i));
            // Up to four tokens inside the string.
            let mut k = i + 1;
            while k < t.len()
                && k <= i + 5
                && !(t.kind(k) == Some(Kind::Quote) && t.v.at(t.start(k)) == q)
            {
                k += 1;
            }
            if k >= t.len() {
                (t.end(i), t.v.len(), Kind::Quote, k)
            } else if t.kind(k) == Some(Kind::Quote) {
                (t.end(i), t.start(k), Kind::Quote, k + 1)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    while parens > 0 && t.punct(next, ')') {
        next += 1;
        parens -= 1;
    }
    Some((a, b, kind, next))
}

fn same_text(t: &Toks, a: (usize, usize), b: (usize, usize)) -> bool {
    a.1 - a.0 == b.1 - b.0 && t.v.low[a.0..a.1] == t.v.low[b.0..b.1]
}

fn number(t: &Toks, a: usize, b: usize) -> Option<i64> {
    let s: String = t.v.low[a..b].iter().collect();
    s.parse().ok()
}

/// `X op Y` at `i` that is always true (`1=1`, `'a'='a`, `2>1`, `x=x`), or
/// a lone true value at the end (`OR 1--`, `OR true`). Returns the index
/// after the expression.
fn tautology(t: &Toks, i: usize) -> Option<usize> {
    let (a0, a1, ka, next) = operand(t, i)?;
    let ends = |k: usize| {
        t.kind(k).is_none()
            || matches!(t.kind(k), Some(Kind::Dashes))
            || t.punct(k, '#')
            || t.punct(k, ';')
            || t.punct(k, ')')
    };
    if (ka == Kind::Number && number(t, a0, a1).is_some_and(|n| n != 0) || t.is(i, "true"))
        && ends(next)
    {
        return Some(next);
    }
    let op = next;
    let opname = if t.kind(op) == Some(Kind::Op) || t.word(op) {
        let s: String = t.v.low[t.start(op)..t.end(op)].iter().collect();
        s
    } else {
        return None;
    };
    let (b0, b1, kb, after) = operand(t, op + 1)?;
    let truth = match (ka, kb) {
        (Kind::Number, Kind::Number) => match (number(t, a0, a1), number(t, b0, b1)) {
            (Some(x), Some(y)) => match opname.as_str() {
                "=" | "==" | "like" | "<=" | ">=" => {
                    x == y || (opname == "<=" && x < y) || (opname == ">=" && x > y)
                }
                "<>" | "!=" => x != y,
                "<" => x < y,
                ">" => x > y,
                _ => false,
            },
            _ => false,
        },
        (Kind::Quote, Kind::Quote) | (Kind::Word, Kind::Word) => {
            matches!(opname.as_str(), "=" | "==" | "like") && same_text(t, (a0, a1), (b0, b1))
        }
        _ => false,
    };
    truth.then_some(after)
}

fn is_or_and(t: &Toks, i: usize) -> bool {
    t.is_any(i, &["or", "and", "xor", "||", "&&"])
}

/// Looks like SQL right after a boolean operator.
fn sqlish_after_bool(t: &Toks, k: usize) -> bool {
    match t.kind(k) {
        Some(Kind::Number) => {
            t.kind(k + 1) == Some(Kind::Op)
                || t.is_any(k + 1, &["like", "between", "in", "is"])
                || t.kind(k + 1).is_none()
                || t.kind(k + 1) == Some(Kind::Dashes)
                || t.punct(k + 1, '#')
        }
        Some(Kind::Word) => {
            t.is_any(k, &SQL_WORDS)
                || (t.punct(k + 1, '(') && t.tight(k + 1))
                || (t.kind(k + 1) == Some(Kind::Op) && !t.punct(k + 1, '-'))
        }
        Some(Kind::Punct) => t.punct(k, '('),
        _ => false,
    }
}

/// For each token: whether it is a quote that closes a quotation opened
/// earlier in the value. A quotation opens with a quote after a space (or
/// the start) and before a word, and closes with the same quote after a word
/// and not before one; apostrophes (`O'Brien`) are neither.
fn quotations(t: &Toks) -> Vec<bool> {
    let mut closing = vec![false; t.len()];
    let mut open: Option<char> = None;
    let wordish = |k: usize| matches!(t.kind(k), Some(Kind::Word | Kind::Number));
    for (i, tok) in t.t.iter().enumerate() {
        if tok.kind != Kind::Quote {
            continue;
        }
        let q = t.v.at(tok.start);
        let prev_word = i > 0 && !tok.space && wordish(i - 1);
        let next_word = t.tight(i + 1) && wordish(i + 1);
        if open == Some(q) && prev_word && !next_word {
            closing[i] = true;
            open = None;
        } else if open.is_none() && !prev_word && next_word {
            open = Some(q);
        }
    }
    closing
}

/// Whether the quote token `q`, the dashes token `d` right after it and what
/// follows are a quoted command-line flag: exactly `--`, a letter at once,
/// flag characters, then the same quote char closing it before the end or a
/// space or list punctuation.
fn quoted_flag(t: &Toks, q: usize, d: usize) -> bool {
    let v = t.v;
    let open = v.at(t.start(q));
    let (ds, de) = (t.start(d), t.end(d));
    if de != ds + 2 || !t.tight(d) || !v.at(de).is_ascii_alphabetic() {
        return false;
    }
    let mut k = de;
    while matches!(v.at(k), 'a'..='z' | '0'..='9' | '-' | '_' | '=' | '.') {
        k += 1;
    }
    v.at(k) == open
        && matches!(
            v.at(k + 1),
            '\0' | ' ' | '\t' | '\n' | ',' | ']' | ')' | ';'
        )
}

pub(crate) fn scan(all: &Toks, hits: &mut Hits) {
    let v = all.v;
    // Comment obfuscation on the unfiltered tokens: `UNION/**/SELECT`, `/*!50000SELECT*/`.
    for (i, tok) in all.t.iter().enumerate() {
        if tok.kind != Kind::Block {
            continue;
        }
        let version = v.is_at(tok.start, "/*!");
        // `admin'/*`: the comment swallows the rest of the query.
        if i > 0
            && all.kind(i - 1) == Some(Kind::Quote)
            && all.tight(i)
            && i + 1 == all.len()
            && !version
        {
            let word_before = i > 1 && all.tight(i - 1) && all.word(i - 2);
            hits.add(
                SQL,
                "sql.comment-truncation",
                if word_before { 85 } else { 70 },
                all.start(i - 1),
                tok.end,
            );
        }
        let kw = |k: usize| {
            all.is_any(
                k,
                &[
                    "union",
                    "select",
                    "from",
                    "where",
                    "and",
                    "or",
                    "order",
                    "by",
                    "insert",
                    "into",
                    "drop",
                    "table",
                    "null",
                    "concat",
                    "information_schema",
                    "sleep",
                    "all",
                ],
            )
        };
        let around =
            i > 0 && kw(i - 1) && all.tight(i) && (all.tight(i + 1) || all.kind(i + 1).is_none());
        let after = kw(i + 1) && all.tight(i + 1);
        if version && after {
            hits.add(
                SQL,
                "sql.comment-obfuscation",
                90,
                tok.start,
                all.end(i + 1),
            );
        } else if around && (after || kw(i + 1)) && i + 1 < all.len() {
            hits.add(
                SQL,
                "sql.comment-obfuscation",
                85,
                all.start(i - 1),
                all.end(i + 1),
            );
        }
    }
    let filtered: Vec<Tok> = all
        .t
        .iter()
        .copied()
        .filter(|t| t.kind != Kind::Block)
        .collect();
    let t = Toks { v, t: &filtered };
    let n = t.len();
    let closing = quotations(&t);
    for i in 0..n {
        let tok = t.t[i];
        // Quote break-out: a quote (and closing parentheses) followed by SQL.
        if tok.kind == Kind::Quote && matches!(v.at(tok.start), '\'' | '"') {
            // A quote that closes a quotation opened in the same value
            // ("he said 'yes' or 'no'") is prose, not a break-out: at most 45,
            // like the other in-prose forms.
            let cap: u8 = if closing.get(i) == Some(&true) {
                45
            } else {
                100
            };
            let mut j = i + 1;
            while t.punct(j, ')') && j < i + 4 {
                j += 1;
            }
            if t.kind(j) == Some(Kind::Dashes) && quoted_flag(&t, i, j) {
                // `'--disable-ssl2-support'`, `"--oneline"`: a command-line
                // flag in quotes, not a comment after a break-out.
            } else if t.kind(j) == Some(Kind::Dashes)
                || (t.punct(j, '#') && (t.kind(j + 1).is_none() || t.t[j + 1].space))
            {
                // `admin'--`, `admin' #`
                let word_before =
                    i > 0 && t.tight(i) && matches!(t.kind(i - 1), Some(Kind::Word | Kind::Number));
                hits.add(
                    SQL,
                    "sql.comment-truncation",
                    (if word_before || i == 0 { 88 } else { 75 }).min(cap),
                    tok.start,
                    t.end(j),
                );
            } else if is_or_and(&t, j) {
                if let Some(end) = tautology(&t, j + 1) {
                    hits.add(SQL, "sql.tautology", 95.min(cap), tok.start, t.end(end - 1));
                } else if sqlish_after_bool(&t, j + 1) {
                    hits.add(
                        SQL,
                        "sql.boolean-injection",
                        82.min(cap),
                        tok.start,
                        t.end(j + 1),
                    );
                }
            } else if (t.is(j, "order") || t.is(j, "group"))
                && t.is(j + 1, "by")
                && t.kind(j + 2) == Some(Kind::Number)
            {
                hits.add(
                    SQL,
                    "sql.order-by-probe",
                    92.min(cap),
                    tok.start,
                    t.end(j + 2),
                );
            } else if t.is(j, "having") && tautology(&t, j + 1).is_some() {
                hits.add(SQL, "sql.tautology", 92.min(cap), tok.start, t.end(j + 1));
            } else if t.punct(j, ';') && t.word(j + 1) && stacked_follows(&t, j + 1) {
                hits.add(
                    SQL,
                    "sql.stacked-query",
                    95.min(cap),
                    tok.start,
                    t.end(j + 1),
                );
            } else if t.is_any(
                j,
                &["union", "select", "waitfor", "procedure", "limit", "into"],
            ) && t.word(j + 1)
            {
                if t.is(j, "union") && (t.is(j + 1, "select") || t.is(j + 2, "select"))
                    || t.is(j, "waitfor") && t.is_any(j + 1, &["delay", "time"])
                {
                    hits.add(
                        SQL,
                        "sql.quote-breakout",
                        92.min(cap),
                        tok.start,
                        t.end(j + 1),
                    );
                }
            } else if t.punct(j, '+') || t.kind(j) == Some(Kind::Op) && t.is(j, "||") {
                // `'+(SELECT …)+'`, `'||(SELECT …)||'`
                if t.punct(j + 1, '(') && t.is(j + 2, "select") {
                    hits.add(
                        SQL,
                        "sql.quote-breakout",
                        90.min(cap),
                        tok.start,
                        t.end(j + 2),
                    );
                }
            }
        }
        // Tautology without a quote: `1 OR 1=1`, `id=1 or 1=1--`.
        if is_or_and(&t, i) && !(i > 0 && t.kind(i - 1) == Some(Kind::Quote)) {
            if let Some(end) = tautology(&t, i + 1) {
                // A comparison of equal operands (`1=1`, `x=x`) or a lone
                // `OR 1`; an inequality (`3 < 5 and 7 > 2`) is arithmetic prose.
                let lone = end == i + 2;
                let eq = (i + 2..end).any(|k| t.is_any(k, &["=", "==", "like"]));
                let before =
                    i == 0 || matches!(t.kind(i - 1), Some(Kind::Number)) || t.punct(i - 1, ')');
                // `between 1950 or 1960`: a number that a prose word leads
                // into is a quantity in a sentence, not an operand.
                let prose_number = i >= 2
                    && t.kind(i - 1) == Some(Kind::Number)
                    && t.kind(i - 2) == Some(Kind::Word);
                let conf = match (eq, lone, before) {
                    (true, _, true) => 85,
                    (true, _, false) => 60,
                    (false, true, true) if !prose_number => 60,
                    _ => 30,
                };
                hits.add(SQL, "sql.tautology", conf, tok.start, t.end(end - 1));
            }
        }
        if t.is(i, "union") {
            let mut j = i + 1;
            if t.is_any(j, &["all", "distinct"]) {
                j += 1;
            }
            if t.punct(j, '(') {
                j += 1;
            }
            if t.is(j, "select") {
                let k = j + 1;
                let sqlish = matches!(t.kind(k), Some(Kind::Number | Kind::Quote))
                    || t.is_any(
                        k,
                        &[
                            "null",
                            "all",
                            "distinct",
                            "concat",
                            "group_concat",
                            "table_name",
                            "column_name",
                            "username",
                            "password",
                            "user",
                            "version",
                            "database",
                            "schema_name",
                            "load_file",
                            "char",
                            "from",
                            "top",
                            "@@version",
                        ],
                    )
                    || t.punct(k, '*')
                    || t.punct(k, '@')
                    || t.punct(k, '(')
                    || (t.word(k)
                        && (t.punct(k + 1, ',') || t.is(k + 1, "from") || t.punct(k + 1, '(')));
                let before = i > 0
                    && (matches!(t.kind(i - 1), Some(Kind::Number | Kind::Quote))
                        || t.punct(i - 1, ')'));
                hits.add(
                    SQL,
                    "sql.union-select",
                    if sqlish || before { 92 } else { 45 },
                    tok.start,
                    t.end(j),
                );
            }
        }
        // Stacked query without a quote: `1; DROP TABLE users`.
        if t.punct(i, ';')
            && t.word(i + 1)
            && stacked_follows(&t, i + 1)
            && !(i > 0 && t.kind(i - 1) == Some(Kind::Quote))
        {
            hits.add(SQL, "sql.stacked-query", 85, tok.start, t.end(i + 1));
        }
        // Time-based blind probes.
        if tok.kind == Kind::Word {
            let call = t.punct(i + 1, '(');
            let tight = call && t.tight(i + 1);
            if t.is_any(i, &["sleep", "pg_sleep", "benchmark", "randomblob"])
                && call
                && t.kind(i + 2) == Some(Kind::Number)
            {
                let conf = if t.is(i, "sleep") && !tight {
                    70
                } else if t.is(i, "sleep") {
                    88
                } else {
                    95
                };
                let end = if t.punct(i + 3, ')') { i + 3 } else { i + 2 };
                hits.add(SQL, "sql.time-based", conf, tok.start, t.end(end));
            } else if t.is(i, "waitfor")
                && t.is_any(i + 1, &["delay", "time"])
                && t.kind(i + 2) == Some(Kind::Quote)
                || t.is(i, "dbms_lock") && t.punct(i + 1, '.') && t.is(i + 2, "sleep")
            {
                hits.add(SQL, "sql.time-based", 95, tok.start, t.end(i + 2));
            } else if t.is_any(
                i,
                &[
                    "information_schema",
                    "sqlite_master",
                    "pg_catalog",
                    "pg_shadow",
                    "sysobjects",
                    "syscolumns",
                    "all_tab_columns",
                    "all_tables",
                    "xp_cmdshell",
                    "sys_exec",
                    "load_file",
                    "utl_http",
                    "pg_read_file",
                ],
            ) {
                let conf = if t.is_any(
                    i,
                    &[
                        "xp_cmdshell",
                        "information_schema",
                        "sqlite_master",
                        "sys_exec",
                    ],
                ) {
                    90
                } else if tight || t.punct(i + 1, '.') {
                    85
                } else {
                    60
                };
                hits.add(SQL, "sql.catalog-access", conf, tok.start, tok.end);
            } else if t.is_any(i, &["version", "datadir", "hostname", "servername"])
                && i >= 2
                && t.punct(i - 1, '@')
                && t.punct(i - 2, '@')
                && t.tight(i)
                && t.tight(i - 1)
            {
                hits.add(SQL, "sql.catalog-access", 80, t.start(i - 2), tok.end);
            } else if t.is_any(i, &["char", "chr", "nchar"])
                && tight
                && t.kind(i + 2) == Some(Kind::Number)
            {
                // CHAR(39)||CHAR(39), CHAR(115,101,108)
                let many = t.punct(i + 3, ',') && t.kind(i + 4) == Some(Kind::Number);
                let joined = t.punct(i + 3, ')') && (t.is(i + 4, "||") || t.punct(i + 4, '+'));
                let conf = if many || joined { 80 } else { 40 };
                // Report up to the closing parenthesis when it is near.
                let close = (i + 3..(i + 24).min(n))
                    .find(|&k| t.punct(k, ')'))
                    .unwrap_or(i + 2);
                hits.add(SQL, "sql.char-obfuscation", conf, tok.start, t.end(close));
            } else if t.is_any(
                i,
                &["concat", "concat_ws", "unhex", "updatexml", "extractvalue"],
            ) && tight
            {
                let hex = t.kind(i + 2) == Some(Kind::Number) && v.is_at(t.start(i + 2), "0x");
                let hex_later = t.punct(i + 3, ',')
                    && t.kind(i + 4) == Some(Kind::Number)
                    && v.is_at(t.start(i + 4), "0x");
                if hex || hex_later {
                    hits.add(SQL, "sql.char-obfuscation", 85, tok.start, t.end(i + 2));
                }
            }
            // Generic statements: weak alone (prose uses these words), strong
            // with `*` or a statement shape no sentence has.
            if t.is(i, "select") {
                let star = t.punct(i + 1, '*') || (t.is(i + 1, "count") && t.punct(i + 2, '('));
                if let Some(f) = (i + 1..(i + 10).min(n)).find(|&k| t.is(k, "from")) {
                    let conf = if star {
                        75
                    } else if t.punct(i + 2, ',') || t.punct(i + 1, '@') {
                        60
                    } else {
                        40
                    };
                    hits.add(SQL, "sql.statement", conf, tok.start, t.end(f));
                }
            } else if t.is_any(i, &["drop", "truncate"])
                && t.is_any(i + 1, &["table", "database"])
                && t.word(i + 2)
            {
                // A search for "drop table lamp" ends the same way; only a
                // statement terminator makes it a statement.
                let end_ok = t.punct(i + 3, ';')
                    || t.kind(i + 3) == Some(Kind::Dashes)
                    || t.punct(i + 3, '#');
                hits.add(
                    SQL,
                    "sql.statement",
                    if end_ok { 72 } else { 40 },
                    tok.start,
                    t.end(i + 2),
                );
            } else if t.is(i, "insert")
                && t.is(i + 1, "into")
                && (i + 2..(i + 12).min(n)).any(|k| t.is(k, "values") || t.is(k, "select"))
            {
                hits.add(SQL, "sql.statement", 72, tok.start, t.end(i + 1));
            } else if t.is(i, "delete") && t.is(i + 1, "from") && t.word(i + 2) {
                let end_ok = t.is(i + 3, "where") || t.punct(i + 3, ';');
                hits.add(
                    SQL,
                    "sql.statement",
                    if end_ok { 70 } else { 40 },
                    tok.start,
                    t.end(i + 2),
                );
            } else if t.is(i, "update")
                && t.word(i + 1)
                && t.is(i + 2, "set")
                && t.word(i + 3)
                && t.punct(i + 4, '=')
            {
                hits.add(SQL, "sql.statement", 70, tok.start, t.end(i + 4));
            } else if (t.is(i, "order") || t.is(i, "group"))
                && t.is(i + 1, "by")
                && t.kind(i + 2) == Some(Kind::Number)
                && (t.kind(i + 3) == Some(Kind::Dashes) || t.punct(i + 3, '#'))
            {
                hits.add(SQL, "sql.order-by-probe", 80, tok.start, t.end(i + 3));
            } else if t.is_any(i, &["exec", "execute"])
                && (t.is(i + 1, "master")
                    || t.is_any(
                        i + 1,
                        &["sp_executesql", "sp_configure", "xp_cmdshell", "xp_dirtree"],
                    ))
            {
                hits.add(SQL, "sql.statement", 85, tok.start, t.end(i + 1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::test_rules as rules;

    #[test]
    fn each_rule() {
        assert!(rules("' OR 1=1--").contains(&"sql.tautology"));
        assert!(rules("' or 'a'='a").contains(&"sql.tautology"));
        assert!(rules("') or ('x'='x").contains(&"sql.tautology"));
        assert!(rules("1 OR 1=1").contains(&"sql.tautology"));
        assert!(rules("admin'--").contains(&"sql.comment-truncation"));
        assert!(rules("1 UNION ALL SELECT NULL,NULL--").contains(&"sql.union-select"));
        assert!(rules("1/**/UNION/**/SELECT/**/1").contains(&"sql.comment-obfuscation"));
        assert!(rules("1; DROP TABLE users").contains(&"sql.stacked-query"));
        assert!(rules("1' AND SLEEP(5)#").contains(&"sql.time-based"));
        assert!(rules("'; WAITFOR DELAY '0:0:5'--").contains(&"sql.time-based"));
        assert!(
            rules("1 and 1=2 union select table_name from information_schema.tables")
                .contains(&"sql.catalog-access")
        );
        assert!(rules("' ORDER BY 3--").contains(&"sql.order-by-probe"));
        assert!(rules("SELECT CHAR(115,101,108)").contains(&"sql.char-obfuscation"));
        assert!(rules("' AND extractvalue(1,concat(0x7e,version()))--")
            .contains(&"sql.boolean-injection"));
    }

    #[test]
    fn benign() {
        for s in [
            "O'Brien",
            "D'Angelo's union select committee",
            "1=1",
            "3 < 5",
            "Select the items from the list",
            "drop the table by noon",
            "It's 'or' not 'and'",
            "'--disable-ssl2-support'",
            "git log \"--oneline\" -3",
            "built between 1950 or 1960",
        ] {
            assert!(rules(s).is_empty(), "{s}: {:?}", rules(s));
        }
    }
}
