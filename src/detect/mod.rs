//! Detection of likely injection payloads in a single value (a query
//! parameter, a form field, a header).
//!
//! # A second line of defence
//!
//! **Detection does not make a value safe, and a value without findings is
//! not safe either.** The first line of defence is always structural:
//! parameterized queries (never string-built SQL), context-aware escaping
//! ([`crate::escape`]), the HTML sanitizer (`crate::html`, feature `html`),
//! allowlist validation ([`crate::validate`]) and never passing input to a
//! shell, `eval` or a template compiler. Detection is for *logging, alerting
//! and blocking obvious attacks*: it sees the payloads of public cheat sheets
//! and scanners, and a determined attacker can find encodings and dialects it
//! does not know. Treat findings as signals, not verdicts.
//!
//! # What it looks at
//!
//! The input is scanned as it is and, with [`DetectOptions::decode`] (the
//! default), after at most two rounds of decoding — URL percent escapes
//! (including `%uXXXX` and overlong UTF-8 such as `%c0%af`), `+` as a space,
//! and HTML character references (`&#39;`, `&#x3c`, `&lt;`, `&colon;`…) — so
//! that `%27%20OR%201%3D1` and `%252e%252e%252f` are seen. Each text is
//! tokenized once (words, numbers, quotes, operators, `--`, `/* */`) and a
//! hand-written scanner per [`Category`] looks for known patterns with a
//! bounded look-ahead. Every scanner runs in time linear in the input; there
//! are no regular expressions and no recursion.
//!
//! # Rules and confidence
//!
//! Each [`Finding`] names the stable [`rule`](Finding::rule) that fired
//! (`"sql.tautology"`) and a `confidence` from 0 to 100. Confidence is *not*
//! a probability: it is a fixed score per rule, raised or lowered by context
//! that the rule's author judged to separate attacks from ordinary text:
//!
//! * **90–99**: signatures that practically never occur in ordinary text
//!   (`' OR 1=1--`, `UNION SELECT NULL`, `<script>`, `{{7*7}}`,
//!   `${jndi:`, `../../../etc/passwd`, `__import__('os')`).
//! * **70–89**: strong patterns with a plausible but rare benign use
//!   (`; DROP TABLE`, an event-handler attribute inside a tag, `$(whoami)`,
//!   `eval(`, a whole value that is a function call such as
//!   `print("ciao",flush=True)`).
//! * **50–69**: suspicious in a form field, ordinary in a code-review
//!   comment (`<iframe …>`, `alert(1)`, `| cat` with no argument).
//! * **below 50**: weak signals reported only with a lower
//!   [`min_confidence`](DetectOptions::min_confidence): SQL words in prose
//!   (`select … from`), a single `../`, `{{ user.name }}`, `<img>`,
//!   `JavaScript: The Good Parts`, a function call inside prose.
//!
//! The rules and their confidences (the shared test vectors in
//! `tests/vectors/detect.json` check these numbers):
//!
//! | rule | fires on | confidence |
//! |---|---|---|
//! | `sql.tautology` | `' OR 1=1`, `' OR 'a'='a`, `1 OR 1=1`, `' HAVING 1=1` | 95 after a quote, 92 after HAVING, 85 `n OR x=x`, 60 other equal operands or a lone `OR 1`, 30 inequalities |
//! | `sql.boolean-injection` | a quote, `AND`/`OR`, then SQL (`' AND SLEEP(`, `' OR 1>0`) | 82 |
//! | `sql.comment-truncation` | `admin'--`, `admin' #`, `admin'/*` | 88 (85 for `/*`) after a word, else 75 (70) |
//! | `sql.order-by-probe` | `' ORDER BY 3`, `ORDER BY 3--` | 92 after a quote, 80 |
//! | `sql.stacked-query` | `; DROP TABLE`, `; EXEC`, `; WAITFOR`… | 95 after a quote, 85 |
//! | `sql.quote-breakout` | `' UNION SELECT`, `' WAITFOR DELAY`, `'+(SELECT` | 92, 90 |
//! | `sql.union-select` | `UNION [ALL] SELECT` + column list | 92; 45 when followed by prose |
//! | `sql.time-based` | `pg_sleep(`, `BENCHMARK(`, `WAITFOR DELAY '`, `SLEEP(5)` | 95; 88 `SLEEP(n)`, 70 `SLEEP (n)` |
//! | `sql.catalog-access` | `information_schema`, `sqlite_master`, `xp_cmdshell`, `@@version` | 90; 85 others before `.`/`(`; 80 `@@…`; 60 |
//! | `sql.char-obfuscation` | `CHAR(115,101)`, `CHAR(39)\|\|`, `CONCAT(0x7e` | 85 hex, 80; 40 a single `CHAR(n)` |
//! | `sql.comment-obfuscation` | `/*!50000SELECT*/`, `UNION/**/SELECT` | 90, 85 |
//! | `sql.context-break` | placed in a query bare, in `'…'` or in `"…"` (the SQL tokenizer of `sqllex`), the value breaks out into a boolean condition (`' and 'x'='y`, `HOPE AND 8=3`), string arithmetic into a function (`'+ASCII(…)--`), a stacked statement (`'; while 1=1 shutdown--`) or a clause (`' GROUP BY x HAVING 1=1--`) that parses to its end | 90 stacked, 85 clause or a condition with a comparison or function, 80 arithmetic into a function, 75 a bare condition, 70 chained string conditions (`1' OR '1' XOR '0`) |
//! | `sql.statement` | `EXEC master..`, `SELECT * FROM`, `INSERT INTO … VALUES`, `DROP TABLE t;` | 85, 75, 72, 70; 60 `SELECT a, b FROM`; 40 other `select … from` |
//! | `xss.script-tag` | `<script`, `</script` | 95, 85 |
//! | `xss.event-handler` | `on…=` | 90 inside a tag; 80 known handler after a quote with `(` in the value; 40, 25 |
//! | `xss.script-url` | `javascript:`, `vbscript:`, `livescript:`, `mocha:` (tabs/newlines inside ignored), `data:text/html` | 92 when script follows, 80 in an attribute/URL position, 40 in prose; 88 `data:text/html`, 70 `data:image/svg` |
//! | `xss.dangerous-tag` | `<iframe`, `<object`, `<embed`, `<base`…, `<link rel=stylesheet href=…>` / `<meta` / `<svg`, `<math`, `<style`, other `<link` / `<img`, `<body`… | 70 / 60 / 45 / 35 |
//! | `xss.utf7` | `+ADw-script+AD4-` (`<script>` in UTF-7, which old browsers sniffed) | 80 |
//! | `xss.srcdoc` | `srcdoc=` | 88 in a tag, 50 |
//! | `xss.css-expression` | `:expression(`, `-moz-binding`, `behavior:url(`, `@import '…'` | 82 (70 in a tag, 30 in prose), 80, 75, 70 (60 in a tag) |
//! | `xss.js-breakout` | `';alert(1)//`, `"-alert(1)-"` | 88 |
//! | `xss.js-sink` | `alert(1)`, ``alert`1` ``, `String.fromCharCode`, `document.cookie`, `top["al"+"ert"](1)`, `(alert)` as a value | 70 in code position, 80 tagged template, 45 in prose; 70; 70/45; 75; 60 |
//! | `command.separator` / `command.substitution` | `;` `\|` `\|\|` `&&` `&` encoded newline / `$(` backtick Ruby `%x(`, then a known command | 90 non-word command (`whoami`, `wget`, a `/bin/…` path); 85 word-like command (`cat`, `id`) with a flag or path, 75 with a number, 70 glued (`;id`) or substituted, 65 ending the value after `;`/`&&`/`\|\|` or a leading `\|`, `&` or encoded newline, 45 otherwise, 25 with a prose word; −15 after `&` or a literal newline; at most 45 in a markdown code span; +5 right after a quote |
//! | `command.shell-call` | `system('id')`, `shell_exec("ls -la")`, `popen('…')`, Perl's `@{[system "…"]}`: a shell-running call whose string is a command line | as `command.substitution` |
//! | `command.line` | the value is a command line: `cat /etc/passwd`, `dir C:\Users`, `uname -a`, `netsh firewall show config`, `reg add …`, `net user x /ADD` | 75 non-word command with a flag, path or URL; 70 Windows admin tool with a subcommand; 65 word-like command with a flag or path; 55 a lone non-word command |
//! | `command.ifs` | `${IFS}`, `$IFS` | 92 |
//! | `command.evasion` | a known command spelled with a shell trick at a command position (`shlex`: quote removal and escapes as `sh`/`cmd` do): `w'h'o'am'i`, `wh\\oami`, `$'\\x69\\x64'`, `who$@ami`, `w^h^o^a^m^i`, `{cat,/etc/passwd}`; a glob command path `/???/??t` | 90; 85 glob |
//! | `command.ssi` | `<!--#exec cmd="…"-->` (a server-side include that runs a command) | 92 |
//! | `command.shellshock` | `() { :;};` as the value, after `=` or a quote | 95 |
//! | `command.redirect` | `> /etc/…`, `>> /var/www…`, `> shell.php` (a file a web server runs) | 80 |
//! | `command.shell-path` | `/dev/tcp/`, `/bin/sh`, `cmd.exe` | 95, 80; 40 after `#!` or in a sentence |
//! | `command.reverse-shell` | `nc -e`, `bash -i` | 90, 85 |
//! | `path.traversal` | `../` runs (`..\`, encoded, overlong `%c0%af` and `%c0%2e`, fullwidth, IIS best-fit `%uEFC8`/`%uF025`, hex text `..0x2f`, `....//`, `..;/`) | 45 one, 75 two, 90 three or more; ≥85 filter-bypass forms; ≥90 encoded; 95 before a sensitive target; at most 40 for a plain run before a source location (`../../a/b.hh:72:13:`) |
//! | `path.sensitive-file` | `/etc/passwd`, `/proc/self/`, `C:\Windows\win.ini`, `WEB-INF/web.xml`… | per target (55–90) at the start of the value or after `=`, a quote, `/`, `:`; at most 45 in a sentence; 95 after `file://` |
//! | `path.null-byte` | NUL | 85 when encoded (`%00`), 60 literal |
//! | `template.arithmetic-probe` | `{{7*7}}`, `${7*7}`, `<%= 7*7 %>` / `#{…}`, `*{…}` / `@(…)` / `{% %}` | 92 / 88 / 80 / 60 |
//! | `template.object-traversal` | `__class__`, `__globals__`… inside a delimiter | 95 |
//! | `template.dangerous-call` | `Runtime`, `popen`, `exec`, `lipsum`, `attr`, Twig `dump(`, EL `getClassLoader()`…, SpEL `T(`, Freemarker `?new(` | 92, 90, 92 |
//! | `template.context-object` | `{{config}}`, `{{self}}`, `{{request}}`, Twig `{{app.request.server.all}}` | 85 alone or Twig's server/session data, 45 with attributes |
//! | `template.directive` | `{php}`, `<#assign`, `{% debug %}`, `#set($`, Handlebars `{{#with "s" as \|x\|}}`, `{% import %}` | 85, 80, 80, 75, 75, 60; 30–40 others |
//! | `template.polyglot` | openers of three engines within 12 chars (`${{<%[%'"}}%\\.`), the SSTI detection probe | 85 |
//! | `template.jndi-lookup` | `${jndi:`, `${lower:`, `${::-` | 97, 85 |
//! | `template.expression` | any other delimited expression | 60 `<%= f() %>`, 45 ERB, 30 `{{ x }}`, 20 |
//! | `code.dangerous-call` | `os.system(`, `require('child_process'`, `subprocess.`, `__import__(`, `eval(`, `exec(`, `system(`, `passthru(`… | 95 qualified, 90 `subprocess.`; per name (50–95) with a code-like first argument glued to `(`, −20 with a space, 30 with a prose argument |
//! | `code.reflection` | `__builtins__`, `__subclasses__`, `child_process`, `mainModule`, `constructor.constructor`, `java.lang.Runtime` | 70–92 |
//! | `code.php-tag` / `code.php-superglobal` | `<?php`, `<?=` / `$_GET[` | 92, 75 / 75 |
//! | `code.yaml-tag` | `!!python/object/apply:`, `!!python/name:`, `!!javax.script.…`, `!!java.net.URLClassLoader`, `!ruby/object:` (unsafe YAML loaders build objects from them) | 95, 92; 90, 85 Ruby |
//! | `code.lambda` | `lambda x: …` | 72; 40 with nothing after the colon |
//! | `code.function-call` | the whole value is one call | 85 keyword argument with `True`/`False`/`None`; 78 keyword argument, a builtin (`print`, `open`…) with a string, or a method of `os`/`sys`/`process`…; 65 builtin with arguments; 45 other calls with strings; 30 |
//!
//! The trade-off: the default threshold (50) keeps the false-positive rate on
//! the benign corpus in `tests/data/injection/` low (names like O'Brien, prose
//! with "select", "drop", "union", math such as `1=1` or `3 < 5`, URLs, file
//! paths, code snippets), at the price of missing payloads that look like
//! prose (a bare `DROP TABLE users`, `| cat`). The measured rates are in
//! `tests/out/detection-rates.md` (written by `cargo test --test detect`).
//!
//! # Offsets and fragments
//!
//! `start` and `end` are offsets in Unicode scalar values (Rust `char`s, JS
//! code points — *not* UTF-16 units or bytes) into the **original** input.
//! When a finding was made on decoded text, the offsets cover the original
//! chars that decoded to the match, and [`fragment`](Finding::fragment) is
//! always the original input's chars `start..end` (so `%27%20OR%201%3D1`,
//! not `' OR 1=1`), cut to its first 100 chars.
//!
//! ```
//! use fieldguard::detect::{detect_default, Category};
//! let findings = detect_default("1' OR '1'='1")?;
//! assert_eq!(findings[0].category, Category::Sql);
//! // The tautology rule and the SQL tokenizer's context check both see it.
//! assert!(findings.iter().any(|f| f.rule == "sql.tautology"));
//! assert!(findings.iter().any(|f| f.rule == "sql.context-break"));
//! assert!(detect_default("Dear Mr O'Brien, please select a union rep.")?.is_empty());
//! # Ok::<(), fieldguard::Error>(())
//! ```

mod code;
mod command;
mod path;
mod shlex;
mod sql;
mod sqllex;
mod template;
mod views;
mod xss;

use crate::error::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The kind of injection a finding points to.
///
/// Serialized in kebab-case (`"path-traversal"`). More categories may be
/// added, so match with a wildcard arm.
///
/// ```
/// use fieldguard::detect::Category;
/// assert_eq!(serde_json::to_string(&Category::CodeEval).unwrap(), "\"code-eval\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Category {
    /// SQL injection: quote break-out, tautologies, `UNION SELECT`, stacked
    /// queries, time-based probes, catalog access, comment obfuscation.
    Sql,
    /// Cross-site scripting: script tags, event handlers, `javascript:` URLs,
    /// dangerous tags, CSS expressions, JS string break-out.
    Xss,
    /// OS command injection: separators or substitution followed by a known
    /// command, shell paths, `${IFS}`, redirections to sensitive paths.
    Command,
    /// Path traversal: `../` sequences (also encoded), sensitive absolute
    /// paths, NUL bytes.
    PathTraversal,
    /// Server-side template injection: `{{7*7}}`, `${…}`, `#{…}`, `<%= %>`,
    /// `{% %}`, `*{…}`, `@(…)` with expressions or object traversal.
    Template,
    /// Language-level code that might reach `eval`: dangerous calls
    /// (`__import__`, `os.system`, `require('child_process')`,
    /// `Runtime.getRuntime()`), PHP tags, lambdas, a value that is a call.
    CodeEval,
}

impl Category {
    /// Every category, in sort order.
    ///
    /// ```
    /// assert_eq!(fieldguard::detect::Category::ALL.len(), 6);
    /// ```
    pub const ALL: [Category; 6] = [
        Category::Sql,
        Category::Xss,
        Category::Command,
        Category::PathTraversal,
        Category::Template,
        Category::CodeEval,
    ];

    /// The kebab-case name, as in JSON (`"path-traversal"`).
    ///
    /// ```
    /// assert_eq!(fieldguard::detect::Category::PathTraversal.name(), "path-traversal");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Category::Sql => "sql",
            Category::Xss => "xss",
            Category::Command => "command",
            Category::PathTraversal => "path-traversal",
            Category::Template => "template",
            Category::CodeEval => "code-eval",
        }
    }
}

/// One suspicious fragment of the input.
///
/// ```
/// use fieldguard::detect::{detect_default, Category};
/// let f = &detect_default("x=%3Cscript%3Ealert(1)")?[0];
/// assert_eq!((f.category, f.rule), (Category::Xss, "xss.script-tag"));
/// assert_eq!((f.start, f.end, f.fragment.as_str()), (2, 11, "%3Cscript"));
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// What kind of injection this looks like.
    pub category: Category,
    /// 0..=100; see the [module documentation](self) for how it is set.
    pub confidence: u8,
    /// Stable rule identifier, `"<category>.<name>"`, e.g. `"sql.tautology"`.
    pub rule: &'static str,
    /// The original input's chars `start..end`, cut to 100 chars.
    pub fragment: String,
    /// First char (Unicode scalar value) of the match in the original input.
    pub start: usize,
    /// One past the last char of the match in the original input.
    pub end: usize,
}

/// Options of [`detect`].
///
/// ```
/// use fieldguard::detect::{DetectOptions, Category};
/// let opts: DetectOptions = serde_json::from_str(r#"{"categories":["sql"],"minConfidence":80}"#).unwrap();
/// assert_eq!(opts, DetectOptions::default().categories(vec![Category::Sql]).min_confidence(80));
/// assert_eq!(DetectOptions::default().max_input_bytes, 1 << 20);
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DetectOptions {
    /// Only report these categories. Default `None`: all. An empty list is
    /// an `INVALID_ARGUMENT` error (it would silently detect nothing).
    pub categories: Option<Vec<Category>>,
    /// Report findings with at least this confidence, 0..=100. Default 50.
    pub min_confidence: u8,
    /// Also scan the input after up to two rounds of URL-percent, `+` and
    /// HTML-entity decoding. Default `true`.
    pub decode: bool,
    /// Inputs longer than this many UTF-8 bytes are refused with
    /// `INPUT_TOO_LARGE` before any scanning. Must be at least 1. Default
    /// 1 MiB (1048576): far above any form field, small enough that the
    /// O(n) working memory stays bounded — up to about 120 bytes per input
    /// char in the worst case (three decoded views of 16 bytes per char plus
    /// the tokens of one view), so about 120 MiB for a 1 MiB input of
    /// one-char tokens. Lower it where memory is tight (a browser tab).
    pub max_input_bytes: usize,
}

impl Default for DetectOptions {
    fn default() -> Self {
        DetectOptions {
            categories: None,
            min_confidence: 50,
            decode: true,
            max_input_bytes: 1 << 20,
        }
    }
}

impl DetectOptions {
    /// Only report `categories`.
    ///
    /// ```
    /// use fieldguard::detect::{detect, DetectOptions, Category};
    /// let opts = DetectOptions::default().categories(vec![Category::Xss]);
    /// assert!(detect("' OR 1=1--", &opts)?.is_empty());
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    #[must_use]
    pub fn categories(mut self, categories: Vec<Category>) -> Self {
        self.categories = Some(categories);
        self
    }

    /// Set the minimum confidence (0..=100).
    ///
    /// ```
    /// use fieldguard::detect::{detect, DetectOptions};
    /// assert!(!detect("please select * from the menu", &DetectOptions::default().min_confidence(0))?.is_empty());
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    #[must_use]
    pub fn min_confidence(mut self, min_confidence: u8) -> Self {
        self.min_confidence = min_confidence;
        self
    }

    /// Turn decoding on or off.
    ///
    /// ```
    /// use fieldguard::detect::{detect, DetectOptions};
    /// assert!(detect("%3Cscript%3E", &DetectOptions::default().decode(false))?.is_empty());
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    #[must_use]
    pub fn decode(mut self, decode: bool) -> Self {
        self.decode = decode;
        self
    }

    /// Set the input limit in UTF-8 bytes (at least 1).
    ///
    /// ```
    /// use fieldguard::detect::{detect, DetectOptions};
    /// let err = detect("12345", &DetectOptions::default().max_input_bytes(4)).unwrap_err();
    /// assert_eq!(err.code(), "INPUT_TOO_LARGE");
    /// ```
    #[must_use]
    pub fn max_input_bytes(mut self, max_input_bytes: usize) -> Self {
        self.max_input_bytes = max_input_bytes;
        self
    }
}

/// A match inside one view, before mapping to original offsets.
pub(crate) struct Hit {
    pub category: Category,
    pub rule: &'static str,
    pub confidence: u8,
    pub start: usize,
    pub end: usize,
}

/// Collects hits of the scanners.
pub(crate) struct Hits(Vec<Hit>);

impl Hits {
    pub fn add(
        &mut self,
        category: Category,
        rule: &'static str,
        confidence: u8,
        start: usize,
        end: usize,
    ) {
        if end > start {
            self.0.push(Hit {
                category,
                rule,
                confidence: confidence.min(100),
                start,
                end,
            });
        }
    }
}

/// Find likely injection payloads in `input`.
///
/// Errors: `INVALID_ARGUMENT` when `min_confidence` is over 100,
/// `max_input_bytes` is 0 or `categories` is an empty list;
/// `INPUT_TOO_LARGE` when `input` is longer than `max_input_bytes` bytes.
/// Findings are sorted by (`start`, `category`, `rule`); a rule reports at
/// most one finding per start offset.
///
/// ```
/// use fieldguard::detect::{detect, DetectOptions, Category};
/// let found = detect("..%2f..%2f..%2fetc%2fpasswd", &DetectOptions::default())?;
/// assert!(found.iter().any(|f| f.category == Category::PathTraversal && f.confidence >= 90));
/// assert!(detect("docs/a/b.md", &DetectOptions::default())?.is_empty());
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn detect(input: &str, options: &DetectOptions) -> Result<Vec<Finding>> {
    if options.min_confidence > 100 {
        return Err(Error::with(
            ErrorKind::InvalidArgument,
            "minConfidence must be from 0 to 100",
        ));
    }
    if options.max_input_bytes == 0 {
        return Err(Error::with(
            ErrorKind::InvalidArgument,
            "maxInputBytes must be at least 1",
        ));
    }
    if options.categories.as_ref().is_some_and(Vec::is_empty) {
        return Err(Error::with(
            ErrorKind::InvalidArgument,
            "categories must not be empty (omit it for all categories)",
        ));
    }
    if input.len() > options.max_input_bytes {
        return Err(Error::with(
            ErrorKind::InputTooLarge,
            format!(
                "input is {} bytes, maxInputBytes is {}",
                input.len(),
                options.max_input_bytes
            ),
        ));
    }
    let wanted = |c: Category| options.categories.as_ref().is_none_or(|l| l.contains(&c));
    let original: Vec<char> = input.chars().collect();
    let mut views = vec![views::View::raw(&original)];
    if options.decode {
        for _ in 0..2 {
            match views.last().and_then(views::decode_round) {
                Some(v) => views.push(v),
                None => break,
            }
        }
    }
    // Best hit per (rule, original start): the same payload is usually seen
    // in several views.
    let mut best: HashMap<(&'static str, usize), (u8, usize, Category)> = HashMap::new();
    for view in &views {
        let toks = views::tokenize(view);
        let t = views::Toks { v: view, t: &toks };
        let mut hits = Hits(Vec::new());
        if wanted(Category::Sql) {
            sql::scan(&t, &mut hits);
            sqllex::scan(view, &mut hits);
        }
        if wanted(Category::Xss) {
            xss::scan(view, &mut hits);
        }
        if wanted(Category::Command) {
            command::scan(&t, &mut hits);
            shlex::scan(view, &mut hits);
        }
        if wanted(Category::PathTraversal) {
            path::scan(view, &mut hits);
        }
        if wanted(Category::Template) {
            template::scan(view, &mut hits);
        }
        if wanted(Category::CodeEval) {
            code::scan(&t, &mut hits);
        }
        for h in hits.0 {
            if h.confidence < options.min_confidence || !wanted(h.category) {
                continue;
            }
            let (s, e) = view.orig(h.start, h.end);
            let entry = best
                .entry((h.rule, s))
                .or_insert((h.confidence, e, h.category));
            if (h.confidence, e) > (entry.0, entry.1) {
                *entry = (h.confidence, e, h.category);
            }
        }
    }
    let mut findings: Vec<Finding> = best
        .into_iter()
        .map(|((rule, start), (confidence, end, category))| Finding {
            category,
            confidence,
            rule,
            fragment: original
                .get(start..end.min(original.len()))
                .unwrap_or(&[])
                .iter()
                .take(100)
                .collect(),
            start,
            end,
        })
        .collect();
    crate::sort::sort_by(&mut findings, |a, b| {
        (a.start, a.category, a.rule, a.end).cmp(&(b.start, b.category, b.rule, b.end))
    });
    Ok(findings)
}

/// [`detect`] with [`DetectOptions::default()`].
///
/// ```
/// let findings = fieldguard::detect::detect_default("{{7*7}}")?;
/// assert_eq!(findings[0].rule, "template.arithmetic-probe");
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn detect_default(input: &str) -> Result<Vec<Finding>> {
    detect(input, &DetectOptions::default())
}

/// The rule IDs found in `s` with default options: the unit tests of every
/// detector module assert on these.
#[cfg(test)]
pub(crate) fn test_rules(s: &str) -> Vec<&'static str> {
    detect(s, &DetectOptions::default())
        .unwrap()
        .into_iter()
        .map(|f| f.rule)
        .collect()
}
