//! A SQL tokenizer and the question libinjection asks of it: placed in a
//! query as a bare literal, inside `'…'` or inside `"…"`, does the value
//! change the query's structure?
//!
//! For each context the value is tokenized the way a SQL parser would see
//! it there: in a quoted context the text up to the first unescaped closing
//! quote (`''` and `\'` are escapes) is string content, and what follows is
//! SQL. Tokens are classed (string, number, variable, word, function,
//! logic operator, comparison, arithmetic, parentheses, `;`, comment), and a
//! small expression grammar folds them: operands joined by arithmetic,
//! comparisons, then `AND`/`OR`/`XOR`/`&&`/`||`. The value is an injection in
//! a context when what follows the break-out is one of the shapes that only
//! an attack produces there — a boolean condition (`' and 'x'='y`,
//! `HOPE AND 8=3`), string arithmetic into a function (`'+ASCII(…)--`), a
//! stacked statement (`'; while 1=1 shutdown--`) or a clause keyword
//! (`' GROUP BY x HAVING 1=1--`) — and the grammar consumes it to the end of
//! the value, a comment or the application's closing quote. Prose does not
//! parse this far: "rock and roll" has no comparison, "O'Brien" has a word
//! after its quote.
//!
//! Linear: one tokenizing pass per context, and the grammar only moves
//! forward (parentheses nest at most 16 deep).

mod lex;

use super::views::View;
use super::{Category, Hits};
use lex::{string_close, tokenize, worth_it, Tok, T};

/// What a successful parse of an expression saw.
#[derive(Default, Clone, Copy)]
struct Seen {
    /// A comparison whose sides are not both plain words.
    cmp: bool,
    func: bool,
    /// Arithmetic with a string operand (`''*'`, `'a'-'b'`).
    str_arith: bool,
    /// A variable (`@@version`).
    var: bool,
    words: usize,
}

struct P<'a> {
    t: &'a [Tok],
    i: usize,
    seen: Seen,
    depth: usize,
}

impl P<'_> {
    fn peek(&self) -> Option<T> {
        self.t.get(self.i).map(|t| t.t)
    }

    /// `-x`, `~x`, `NOT x`, `!x`, then an atom, then `.name` parts.
    /// Returns whether the operand was a plain word.
    fn operand(&mut self) -> Option<bool> {
        while matches!(self.peek(), Some(T::Arith | T::Not)) {
            self.i += 1;
        }
        let plain = match self.peek()? {
            T::Var => {
                self.seen.var = true;
                false
            }
            T::Num | T::Str(_) => false,
            T::Word => {
                self.seen.words += 1;
                true
            }
            T::Func => {
                self.i += 1;
                if self.peek() != Some(T::Open) {
                    return None;
                }
                self.seen.func = true;
                self.group()?;
                self.postfix();
                return Some(false);
            }
            T::Open => {
                self.group()?;
                self.postfix();
                return Some(false);
            }
            _ => return None,
        };
        self.i += 1;
        self.postfix();
        Some(plain)
    }

    /// `.name` parts and PostgreSQL casts (`version()::int`).
    fn postfix(&mut self) {
        loop {
            let next_word = self
                .t
                .get(self.i + 1)
                .is_some_and(|t| matches!(t.t, T::Word | T::Func));
            if self.peek() == Some(T::Dot) && next_word {
                self.i += 2;
                // `schema.func(…)`: a qualified call.
                if self.t[self.i - 1].t == T::Func && self.peek() == Some(T::Open) {
                    self.seen.func = true;
                    if self.group().is_none() {
                        return;
                    }
                }
            } else if self.peek() == Some(T::Other)
                && self.t.get(self.i + 1).is_some_and(|t| t.t == T::Other)
                && self.t[self.i].end == self.t[self.i + 1].start
                && self.t.get(self.i + 2).is_some_and(|t| t.t == T::Word)
            {
                // `::type`: two `:` (Other) glued, then the type name.
                self.i += 3;
            } else {
                break;
            }
        }
    }

    /// `( expr, expr … )`; an empty `()` is a call without arguments.
    fn group(&mut self) -> Option<()> {
        self.i += 1;
        if self.depth >= 16 {
            return None;
        }
        self.depth += 1;
        if self.peek() != Some(T::Close) {
            loop {
                if matches!(self.peek(), Some(T::Stmt)) {
                    // A subquery: `(SELECT …)`; skip to its close.
                    let mut d = 0;
                    while let Some(t) = self.peek() {
                        match t {
                            T::Open => d += 1,
                            T::Close if d == 0 => break,
                            T::Close => d -= 1,
                            _ => {}
                        }
                        self.i += 1;
                    }
                    self.seen.func = true;
                } else {
                    self.boolean()?;
                    // `CAST(x AS int)`, `CONVERT(x USING utf8)`.
                    if self.peek() == Some(T::Word)
                        && self.t.get(self.i + 1).is_some_and(|t| t.t == T::Word)
                    {
                        self.i += 2;
                    }
                }
                if self.peek() == Some(T::Comma) {
                    self.i += 1;
                } else {
                    break;
                }
            }
        }
        self.depth -= 1;
        if self.peek() == Some(T::Close) {
            self.i += 1;
            Some(())
        } else {
            // `('a'='a`: the application's own `')` closes it.
            (self.peek().is_none() && self.i > 0 && self.t[self.i - 1].t == T::Str(true))
                .then_some(())
        }
    }

    /// operand (arith operand)*; whether all of it was one plain word.
    fn arith(&mut self) -> Option<bool> {
        let is_str = |p: &Self, k: usize| p.t.get(k).is_some_and(|t| matches!(t.t, T::Str(_)));
        let first = self.i;
        let mut plain = self.operand()?;
        while self.peek() == Some(T::Arith) {
            let before = is_str(self, self.i - 1) || is_str(self, first);
            self.i += 1;
            let at = self.i;
            self.operand()?;
            if before || is_str(self, at) {
                self.seen.str_arith = true;
            }
            plain = false;
        }
        Some(plain)
    }

    /// arith [NOT] (cmp arith | BETWEEN a AND b | IN (…) | IS [NOT] NULL).
    fn condition(&mut self) -> Option<()> {
        let left = self.arith()?;
        if self.peek() == Some(T::Not) {
            self.i += 1;
        }
        if self.peek() == Some(T::Cmp) {
            let between = {
                let t = self.t[self.i];
                t.end - t.start == 7
            };
            self.i += 1;
            if self.peek() == Some(T::Not) {
                self.i += 1;
            }
            let right = self.arith()?;
            if between && self.peek() == Some(T::Logic) {
                self.i += 1;
                self.arith()?;
            }
            if !(left && right) {
                self.seen.cmp = true;
            }
        }
        Some(())
    }

    fn boolean(&mut self) -> Option<()> {
        self.condition()?;
        while self.peek() == Some(T::Logic) {
            self.i += 1;
            self.condition()?;
        }
        Some(())
    }

    /// Whether the parse stopped where a payload may end: the end of the
    /// value, a comment, `;`, or an open string (the application's quote
    /// closes it).
    fn at_end(&mut self) -> bool {
        // Unbalanced `)` close the application's own parentheses.
        let mut k = 0;
        while k < 3 && self.peek() == Some(T::Close) {
            self.i += 1;
            k += 1;
        }
        match self.peek() {
            None | Some(T::Comment | T::Semi) => true,
            Some(_) => false,
        }
    }
}

/// How the tokens after a break-out (or the whole value, when `bare`)
/// change the query: the confidence, and the index of the last token.
fn judge(v: &View, t: &[Tok], quote: Option<char>) -> Option<(u8, usize)> {
    let bare = quote.is_none();
    // The value ends inside a short string of the context's own quote,
    // which the application's closing quote ends: `'='`, `aa'like-'aa`.
    // A long one is prose quoting an operator ("escaping '+' - use …").
    let app_string = |x: &Tok| {
        x.t == T::Str(true)
            && Some(v.at(x.start)) == quote
            && v.low[x.start + 1..x.end]
                .iter()
                .filter(|c| !c.is_whitespace())
                .count()
                <= 3
    };
    let mut i = 0;
    // `')`: closing the application's parentheses.
    while !bare && i < 3 && t.get(i).is_some_and(|x| x.t == T::Close) {
        i += 1;
    }
    let first = t.get(i)?.t;
    if !bare {
        match first {
            T::Semi => {
                let next = t.get(i + 1)?;
                return (next.t == T::Stmt).then_some((90, i + 1));
            }
            T::Clause => return clause(v, t, i).then_some((85, i + 1)),
            T::Stmt => return statement(v, t, i).then_some((80, i + 1)),
            _ => {}
        }
    }
    if bare && first == T::Stmt && word(v, t[0], "select") {
        return select_list(v, t);
    }
    let mut p = P {
        t,
        i,
        seen: Seen::default(),
        depth: 0,
    };
    let mut cmp_first = false;
    if bare && first == T::Logic {
        // `AND CONNECTION_ID()=CONNECTION_ID()`: a condition appended to
        // the application's; judged below like one after a break-out, but
        // only with a comparison.
    } else if bare {
        // An operand first (`HOPE`, `1*(HOPE)`, `PI()`), then the logic,
        // or a literal and a clause (`14968 order by 5`, `'1' into outfile`).
        let plain = p.arith()?;
        if p.peek() == Some(T::Clause) && !plain && clause(v, t, p.i) {
            return Some((80, p.i + 1));
        }
        // `( 1 OR @a ) --`: a parenthesized expression and a comment that
        // ends the value cut the rest of the query off.
        if first == T::Open && trailing_comment(v, t, p.i) {
            return Some((70, p.i));
        }
        if p.peek() != Some(T::Logic) {
            return None;
        }
    } else if first == T::Arith {
        // `'+ASCII(SUBSTRING(…))-10--`: string arithmetic into SQL.
        p.i += 1;
        p.arith()?;
    } else if first == T::Cmp {
        // `'='`, `aa'like-'aa`, `' = !!'0`: the application's string
        // compared with the next one (`'' = ''` is true). A comparison word
        // glued to the closing quote is a quoted word (`"LIKE" STAMP`).
        let w = t[i];
        let quoted_word = v.at(w.start).is_ascii_alphabetic()
            && t.get(i + 1)
                .is_some_and(|n| matches!(n.t, T::Str(_)) && n.start == w.end);
        if quoted_word {
            return None;
        }
        p.i += 1;
        if p.peek() == Some(T::Not) {
            p.i += 1;
        }
        p.arith()?;
        cmp_first = true;
    }
    // `'or'1=1`: the logic word glued to the quotes on both sides; prose
    // puts spaces around "or".
    let glued = !bare
        && first == T::Logic
        && i == 0
        && t.get(1)
            .is_some_and(|n| matches!(n.t, T::Str(_)) && n.start == t[0].end)
        && t[0].start > 0
        && !v.at(t[0].start - 1).is_whitespace()
        // ...and the break-out quote itself not opening a quoted word in
        // prose (`select 'and'`).
        && (t[0].start < 2 || !v.at(t[0].start - 2).is_whitespace());
    let mut logic = 0;
    while p.peek() == Some(T::Logic) {
        p.i += 1;
        logic += 1;
        p.condition()?;
    }
    // `9999 or 1 group by …`: a clause after the condition.
    if logic > 0 && p.peek() == Some(T::Clause) && clause(v, t, p.i) {
        return Some((85, p.i + 1));
    }
    let last = p.i.checked_sub(1)?;
    let open_string = last < t.len() && t[last].t == T::Str(true);
    if !(p.at_end() || open_string) {
        return None;
    }
    let s = p.seen;
    let conf = if bare && first == T::Logic {
        if !s.cmp || s.words > 2 {
            return None;
        }
        75
    } else if cmp_first {
        if s.func || s.cmp || logic > 0 {
            85
        } else if t.last().is_some_and(app_string) && last + 1 == t.len() {
            65
        } else {
            return None;
        }
    } else if bare {
        // The whole value must be this expression, with a comparison in
        // its condition ("Apple(s) and pear(s)" has calls, no comparison).
        if logic == 0 || !s.cmp {
            return None;
        }
        if s.words > 2 {
            return None;
        }
        75
    } else if logic == 0 {
        // String arithmetic counts with a function in it, or between the
        // application's string and the next (`'&'`, `' - '`).
        if s.func {
            80
        } else if open_string && t.get(i + 1).is_some_and(app_string) && i + 2 == t.len() {
            // The operator right between the two strings: `'&'`, `' - '`
            // (not `"/TEAMS/">…`, an HTML attribute).
            60
        } else {
            return None;
        }
    } else if s.cmp || s.func {
        85
    } else if logic >= 2 || s.str_arith || glued {
        // `1' OR '1' XOR '0`, `' or ''*'`, `'or'1=1`; a single `' and "x`
        // is as often two quoted phrases.
        70
    } else {
        return None;
    };
    Some((conf, last))
}

/// Token `i` is the last one and a `--` or `#` comment with nothing in it.
fn trailing_comment(v: &View, t: &[Tok], i: usize) -> bool {
    i + 1 == t.len()
        && t[i].t == T::Comment
        && v.low[t[i].start..t[i].end]
            .iter()
            .skip(if v.at(t[i].start) == '#' { 1 } else { 2 })
            .all(|c| c.is_whitespace())
}

fn word(v: &View, t: Tok, w: &str) -> bool {
    t.end - t.start == w.len() && v.is_at(t.start, w)
}

/// A statement right after the break-out (`'exec sp_addlogin …`, `'create
/// user x identified by …`, `' insert into t …`): its keyword and what
/// must follow it in SQL.
fn statement(v: &View, t: &[Tok], i: usize) -> bool {
    let is = |k: usize, w: &str| t.get(k).is_some_and(|x| word(v, *x, w));
    let any = |k: usize, ws: &[&str]| ws.iter().any(|w| is(k, w));
    let s = t[i];
    if word(v, s, "exec") || word(v, s, "execute") {
        t.get(i + 1).is_some_and(|n| {
            matches!(n.t, T::Word | T::Func)
                && (v.is_at(n.start, "sp_")
                    || v.is_at(n.start, "xp_")
                    || v.is_at(n.start, "master"))
        })
    } else if word(v, s, "create") || word(v, s, "alter") || word(v, s, "drop") {
        any(
            i + 1,
            &[
                "user",
                "table",
                "login",
                "database",
                "procedure",
                "function",
                "trigger",
            ],
        )
    } else if word(v, s, "insert") {
        is(i + 1, "into")
    } else if word(v, s, "delete") {
        is(i + 1, "from")
    } else if word(v, s, "update") {
        is(i + 2, "set")
    } else if word(v, s, "shutdown") || word(v, s, "waitfor") {
        true
    } else if word(v, s, "declare") || word(v, s, "set") {
        t.get(i + 1).is_some_and(|n| n.t == T::Var)
    } else {
        false
    }
}

/// The whole value is `SELECT` and a list of expressions that reads the
/// server (`select version();`, `select @@servername`, `select
/// session_user`): a probe, not prose ("select all").
fn select_list(v: &View, t: &[Tok]) -> Option<(u8, usize)> {
    let mut p = P {
        t,
        i: 1,
        seen: Seen::default(),
        depth: 0,
    };
    let mut builtin = false;
    loop {
        let at = p.t.get(p.i)?;
        builtin |= at.t == T::Word
            && [
                "session_user",
                "current_user",
                "system_user",
                "user",
                "database",
                "version",
            ]
            .iter()
            .any(|w| word(v, *at, w));
        p.arith()?;
        if p.peek() == Some(T::Comma) {
            p.i += 1;
        } else {
            break;
        }
    }
    // `select sin('1'),2 from bar where`: a whole query.
    if p.t.get(p.i).is_some_and(|x| word(v, *x, "from"))
        && p.t.get(p.i + 1).is_some_and(|x| x.t == T::Word)
    {
        p.i += 2;
        if p.t.get(p.i).is_some_and(|x| word(v, *x, "where")) {
            return (p.seen.func || p.seen.var).then_some((75, p.i));
        }
    }
    let last = p.i.checked_sub(1)?;
    if !p.at_end() || !(p.seen.func || p.seen.var || builtin) || p.seen.words > 3 {
        return None;
    }
    Some((75, last))
}

/// A clause keyword right after the break-out, with what must follow it
/// in SQL: `UNION [ALL|DISTINCT] SELECT`, `GROUP|ORDER BY`, `HAVING` and
/// a condition, `LIMIT n`, `INTO OUTFILE|DUMPFILE|@var`, `PROCEDURE
/// ANALYSE`. A quoted title ("INTO THE WILD") has other words there.
fn clause(v: &View, t: &[Tok], i: usize) -> bool {
    let is = |k: usize, w: &str| {
        t.get(k)
            .is_some_and(|x| x.end - x.start == w.len() && v.is_at(x.start, w))
    };
    let any = |k: usize, ws: &[&str]| ws.iter().any(|w| is(k, w));
    if is(i, "union") {
        let select = |k: usize| {
            is(k, "select") || t.get(k).is_some_and(|x| x.t == T::Open) && is(k + 1, "select")
        };
        select(i + 1) || (any(i + 1, &["all", "distinct"]) && select(i + 2))
    } else if any(i, &["group", "order"]) {
        is(i + 1, "by")
    } else if is(i, "having") {
        let mut p = P {
            t,
            i: i + 1,
            seen: Seen::default(),
            depth: 0,
        };
        p.boolean().is_some() && p.seen.cmp
    } else if is(i, "limit") {
        t.get(i + 1).is_some_and(|x| x.t == T::Num)
    } else if is(i, "into") {
        any(i + 1, &["outfile", "dumpfile"]) || t.get(i + 1).is_some_and(|x| x.t == T::Var)
    } else if is(i, "procedure") {
        any(i + 1, &["analyse", "analyze"])
    } else {
        false
    }
}

/// The first unescaped `q` in `v` (where the value would close the
/// application's string), if any.
fn break_out(v: &View, q: char) -> Option<usize> {
    string_close(&v.low, 0, q)
}

pub(crate) fn scan(v: &View, hits: &mut Hits) {
    const CAP: usize = 512;
    let (bare, quote) = worth_it(v);
    let mut t = Vec::new();
    if bare {
        tokenize(v, 0, CAP, &mut t);
        if let Some((conf, last)) = judge(v, &t, None) {
            hits.add(
                Category::Sql,
                "sql.context-break",
                conf,
                t[0].start,
                t[last].end,
            );
        }
    }
    if !quote {
        return;
    }
    for q in ['\'', '"'] {
        if let Some(b) = break_out(v, q) {
            tokenize(v, b + 1, CAP, &mut t);
            if let Some((conf, last)) = judge(v, &t, Some(q)) {
                hits.add(Category::Sql, "sql.context-break", conf, b, t[last].end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::test_rules as rules;

    #[test]
    fn attacks() {
        for s in [
            "1' OR '1' XOR '0",
            "' GROUP BY x HAVING 1=1 --",
            "'; while 1=1 shutdown-- -",
            "-1' and 'x'='y",
            "HOPE AND 8=3",
            "PI() AND COS(PI())=-1",
            "~9-(2) OR 1 = ~1",
            "a''12' and (pi()=pi())--",
            "foo'+ ASCII(substring(passwd,1,1))-10--",
            "1') and ('a'='a",
            "\" or \"\"=\"",
            "14968 order by 5",
            "1 or 1=(SELECT TOP 1 Password from artUsersAdmin))--",
            "9999 or 1 group by concat(version(),floor(rand(0)*2)) having min(0)--",
            "330 and 1=version()::int",
            "1 and 1=cast((select version()) as int)",
            "' union (select -1,2,3,4,5)--",
            "'or'1=1",
            " ( 1 OR @a )  --",
            "'='",
            "aa'like-'aa",
            "abc' = !!!!!!!!!!!!!!'0",
            "AND CONNECTION_ID()=CONNECTION_ID()",
            "'1' into outfile 'asd'",
            "select sin('1'),2 from bar where",
            "aa'or column DIV 0 =0 #",
            "' - ( ( BINARY COS ( 'b')) )  --",
            "' or ''*'",
            "'exec sp_addlogin 'name' , 'password' --",
            "'create user name identified by pass123 temporary tablespace temp",
            "' insert into mysql.user (user, host) values ('name', 'localhost') --",
            "select version();",
            "select @@servername",
            "select session_user;",
            "' || myappadmin.adduser('admin', 'newpass') || '",
        ] {
            assert!(
                rules(s).contains(&"sql.context-break"),
                "{s}: {:?}",
                rules(s)
            );
        }
    }

    #[test]
    fn benign() {
        for s in [
            "O'Brien",
            "rock and roll",
            "it's 'fine' or not",
            "a = 1 and b = 2",
            "Tom's and Jerry's",
            "don't, or do",
            "\"quoted\" and more",
            "x and y",
            "I'm tired and 'sad'",
            "\"INTO THE WILD\"",
            "'countdown calendar\" and \"disney:",
            "select 'and'",
            "Apple(s) and pear(s)",
            "chapter 3 order by date",
            "1 in order",
            "select all",
            "(see above) --",
            "5' = 1.5m",
            "and then 2 more",
            "it's = to",
            "Rock 'n' roll",
            "\"LIKE\" STAMP",
            "Q=36\"+X+48+\"+FRAME",
            "LA <A HREF=\"/TEAMS/\">PAGE DES TEAMS</A>",
            "Fix syntax by escaping '+' - Use non-capturing parentheses",
            "SMALL \"&\" SIGN",
            "'-\"8 TRACK PL",
            "use '=' to assign",
            "(1) -- first item",
            "select the best one",
            "'create a user' or 'not'",
            "it's or it isn't",
            "don't execute the plan",
        ] {
            assert!(
                !rules(s).contains(&"sql.context-break"),
                "{s}: {:?}",
                rules(s)
            );
        }
    }
}
