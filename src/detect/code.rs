//! Language-level code in a value that might reach `eval`: dangerous calls
//! and reflection in Python, JS/Node, Java, PHP and Ruby, PHP tags,
//! lambdas, and a value that *is* a function call, such as
//! `print("ciao",flush=True)`.

use super::views::{Kind, Toks};
use super::{Category, Hits};

const CODE: Category = Category::CodeEval;

/// Calls that run code or commands, and their confidence when called with a
/// string, variable or nested call as the first argument.
const CALLS: [(&str, u8); 30] = [
    ("__import__", 95),
    ("eval", 88),
    ("exec", 85),
    ("execfile", 90),
    ("system", 85),
    ("popen", 90),
    ("passthru", 92),
    ("shell_exec", 92),
    ("proc_open", 92),
    ("pcntl_exec", 92),
    ("create_function", 90),
    ("call_user_func", 85),
    ("call_user_func_array", 85),
    ("assert", 60),
    ("execsync", 90),
    ("spawnsync", 90),
    ("execfilesync", 90),
    ("instance_eval", 88),
    ("class_eval", 88),
    ("module_eval", 88),
    ("compile", 55),
    ("getattr", 60),
    ("settimeout", 80),
    ("setinterval", 80),
    ("function", 85),
    ("processbuilder", 90),
    ("forname", 85),
    ("getruntime", 95),
    ("loads", 50),
    ("globals", 60),
];

/// Names whose appearance as a word is already telling.
const WORDS: [(&str, u8); 10] = [
    ("__builtins__", 92),
    ("__globals__", 92),
    ("__subclasses__", 92),
    ("__mro__", 88),
    ("__bases__", 88),
    ("__class__", 70),
    ("__getattribute__", 85),
    ("child_process", 92),
    ("mainmodule", 92),
    ("__reduce__", 80),
];

/// Builtins that a value consisting of one call to them is almost surely code.
const BUILTINS: [&str; 14] = [
    "print",
    "open",
    "input",
    "exec",
    "eval",
    "getattr",
    "setattr",
    "dir",
    "vars",
    "locals",
    "globals",
    "breakpoint",
    "help",
    "console",
];

fn lookup(t: &Toks, i: usize, table: &[(&str, u8)]) -> Option<u8> {
    table.iter().find(|(w, _)| t.is(i, w)).map(|&(_, c)| c)
}

/// The first argument after `(` at `k` looks like code: a string, a
/// variable, a call, a concatenation — not a prose word such as `(s)`.
fn code_arg(t: &Toks, k: usize) -> bool {
    match t.kind(k) {
        Some(Kind::Quote) => true,
        Some(Kind::Word) => {
            t.punct(k + 1, '(')
                || t.punct(k + 1, '.')
                || t.punct(k + 1, '[')
                || t.punct(k + 1, '+')
                || t.punct(k + 1, ',')
        }
        Some(Kind::Punct) => t.punct(k, '$') || t.punct(k, '[') || t.punct(k, '@'),
        _ => false,
    }
}

pub(crate) fn scan(t: &Toks, hits: &mut Hits) {
    yaml_tags(t.v, hits);
    let v = t.v;
    let n = t.len();
    whole_call(t, hits);
    for i in 0..n {
        let tok = t.t[i];
        if tok.kind == Kind::Punct && v.at(tok.start) == '<'
            || tok.kind == Kind::Op && v.at(tok.start) == '<'
        {
            if v.is_at(tok.start, "<?php") {
                hits.add(CODE, "code.php-tag", 92, tok.start, tok.start + 5);
            } else if v.is_at(tok.start, "<?=") {
                hits.add(CODE, "code.php-tag", 75, tok.start, tok.start + 3);
            }
        }
        if tok.kind != Kind::Word {
            continue;
        }
        let qualified = i >= 2 && t.punct(i - 1, '.') && t.word(i - 2);
        let call = t.punct(i + 1, '(');
        if let Some(conf) = lookup(t, i, &WORDS) {
            hits.add(CODE, "code.reflection", conf, tok.start, tok.end);
        } else if call
            && qualified
            && (t.is(i - 2, "os")
                && t.is_any(
                    i,
                    &[
                        "system",
                        "popen",
                        "execl",
                        "execv",
                        "execve",
                        "execvp",
                        "spawnl",
                        "spawnv",
                        "startfile",
                        "remove",
                        "rmdir",
                    ],
                )
                || t.is(i - 2, "subprocess")
                || t.is_any(i - 2, &["child_process", "cp"])
                    && t.is_any(
                        i,
                        &["exec", "execsync", "spawn", "spawnsync", "execfile", "fork"],
                    )
                || t.is_any(i - 2, &["pickle", "marshal", "yaml", "cpickle"])
                    && t.is_any(i, &["loads", "load"])
                || t.is(i - 2, "kernel")
                || t.is(i - 2, "io") && t.is(i, "popen")
                || t.is(i - 2, "runtime") && t.is(i, "getruntime")
                || t.is(i - 2, "system") && t.is(i, "exec"))
        {
            hits.add(
                CODE,
                "code.dangerous-call",
                95,
                t.start(i - 2),
                t.end(i + 1),
            );
        } else if t.is(i, "subprocess") && t.punct(i + 1, '.') && t.word(i + 2) {
            hits.add(CODE, "code.dangerous-call", 90, tok.start, t.end(i + 2));
        } else if call
            && t.is(i, "require")
            && t.kind(i + 2) == Some(Kind::Quote)
            && t.is_any(i + 3, &["child_process", "fs", "net", "vm", "os", "http"])
        {
            hits.add(CODE, "code.dangerous-call", 95, tok.start, t.end(i + 4));
        } else if t.is(i, "process")
            && t.punct(i + 1, '.')
            && t.is_any(i + 2, &["binding", "dlopen", "kill"])
        {
            hits.add(CODE, "code.reflection", 88, tok.start, t.end(i + 2));
        } else if t.is(i, "constructor") && t.punct(i + 1, '.') && t.is(i + 2, "constructor")
            || t.is(i, "constructor") && call && t.kind(i + 2) == Some(Kind::Quote)
        {
            hits.add(CODE, "code.reflection", 90, tok.start, t.end(i + 2));
        } else if t.is(i, "java")
            && t.punct(i + 1, '.')
            && t.is(i + 2, "lang")
            && t.punct(i + 3, '.')
            && t.is_any(i + 4, &["runtime", "processbuilder", "system", "class"])
        {
            hits.add(CODE, "code.reflection", 90, tok.start, t.end(i + 4));
        } else if call {
            if let Some(base) = lookup(t, i, &CALLS) {
                let arg = code_arg(t, i + 2);
                let tight = t.tight(i + 1);
                let new_fn = t.is(i, "function") && i > 0 && t.is(i - 1, "new");
                // `Function(` must be capitalised in JS; in prose "function (x)" is common.
                let cap_fn = !t.is(i, "function") || t.v.chars.get(tok.start) == Some(&'F');
                let conf = if !cap_fn {
                    0
                } else if new_fn || (arg && tight) {
                    base
                } else if arg {
                    base.saturating_sub(20)
                } else if t.is(i, "__import__") || t.is(i, "getruntime") {
                    base
                } else {
                    30
                };
                if conf > 0 {
                    let start = if new_fn { t.start(i - 1) } else { tok.start };
                    hits.add(CODE, "code.dangerous-call", conf, start, t.end(i + 1));
                }
            }
        }
        if t.is(i, "lambda") && !qualified {
            // `lambda:`, `lambda x:`, `lambda x, y:`, `lambda *a:`
            let colon = (i + 1..(i + 8).min(n + 1)).find(|&k| t.punct(k, ':'));
            let params_ok = colon.is_some_and(|c| {
                (i + 1..c).all(|k| {
                    t.word(k)
                        || t.punct(k, ',')
                        || t.punct(k, '*')
                        || t.is(k, "**")
                        || t.punct(k, '=')
                })
            });
            if let (Some(c), true) = (colon, params_ok) {
                let conf = if t.kind(c + 1).is_some() { 72 } else { 40 };
                hits.add(CODE, "code.lambda", conf, tok.start, t.end(c));
            }
        }
        if t.punct(i.wrapping_sub(1), '$')
            && t.tight(i)
            && t.is_any(
                i,
                &["_get", "_post", "_request", "_cookie", "_server", "_files"],
            )
            && t.punct(i + 1, '[')
        {
            hits.add(
                CODE,
                "code.php-superglobal",
                75,
                t.start(i - 1),
                t.end(i + 1),
            );
        }
    }
}

/// A value that is, as a whole, one call (`print("ciao",flush=True)`,
/// `os.getcwd()`): rare in a form field, typical of an eval probe. Only
/// calls with code-like arguments count (`Apple(s)` is a word).
fn whole_call(t: &Toks, hits: &mut Hits) {
    let n = t.len();
    let mut k = 0;
    // Optional `obj.` prefixes.
    while t.word(k) && t.punct(k + 1, '.') && t.tight(k + 1) && t.word(k + 2) && t.tight(k + 2) {
        k += 2;
    }
    if !(t.word(k) && t.punct(k + 1, '(') && t.tight(k + 1)) {
        return;
    }
    // The call must end the value (or be followed only by `;` or a comment).
    let mut depth = 0usize;
    let mut close = None;
    let mut strings = false;
    let mut kwarg = false;
    let mut py_literal = false;
    let mut nested = false;
    let mut in_quote: Option<char> = None;
    for j in k + 1..n {
        let tok = t.t[j];
        let c = t.v.at(tok.start);
        if let Some(q) = in_quote {
            if tok.kind == Kind::Quote && c == q {
                in_quote = None;
            }
            continue;
        }
        if tok.kind == Kind::Quote {
            in_quote = Some(c);
            strings = true;
        } else if t.punct(j, '(') {
            depth += 1;
            if depth > 1 {
                nested = true;
            }
        } else if t.punct(j, ')') {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                close = Some(j);
                break;
            }
        } else if depth == 1
            && t.word(j)
            && t.punct(j + 1, '=')
            && (t.punct(j - 1, ',') || t.punct(j - 1, '('))
        {
            kwarg = true;
        } else if t.is_any(j, &["true", "false", "none", "null", "undefined"])
            && t.v
                .chars
                .get(tok.start)
                .is_some_and(|c| c.is_uppercase() || t.is(j, "null") || t.is(j, "undefined"))
        {
            py_literal = true;
        }
    }
    let Some(close) = close else { return };
    let tail_ok = t.kind(close + 1).is_none()
        || (t.punct(close + 1, ';') && t.kind(close + 2).is_none())
        || t.punct(close + 1, '#')
        || t.kind(close + 1) == Some(Kind::Dashes)
        || t.punct(close + 1, '.') && t.word(close + 2);
    if !tail_ok || close == k + 2 && !t.is_any(k, &BUILTINS) && k == 0 {
        return;
    }
    let builtin = t.is_any(k, &BUILTINS) && k == 0;
    // `os.getcwd()`, `process.cwd()`: a method of a module that reaches
    // the system. `console.log("x")` or `map.get("k")` is a code snippet.
    let system_object = k > 0
        && t.is_any(
            0,
            &[
                "os",
                "sys",
                "subprocess",
                "process",
                "runtime",
                "child_process",
                "io",
                "kernel",
                "shutil",
                "posix",
                "pty",
                "socket",
            ],
        );
    let conf: u8 = if kwarg && py_literal {
        85
    } else if kwarg || (strings && builtin) || system_object {
        78
    } else if builtin && close > k + 2 {
        65
    } else if strings || nested || builtin {
        45
    } else {
        30
    };
    hits.add(CODE, "code.function-call", conf, t.start(0), t.end(close));
}

/// YAML tags that make an unsafe loader build objects: PyYAML's
/// `!!python/object/apply:os.system`, SnakeYAML's `!!javax.script…` and
/// `!!java.net.URLClassLoader`, Ruby's Psych `!ruby/object:`. A YAML value
/// in a form field has no use for them.
fn yaml_tags(v: &super::views::View, hits: &mut Hits) {
    const TAGS: [(&str, u8); 8] = [
        ("!!python/object", 95),
        ("!!python/name:", 92),
        ("!!python/module:", 92),
        ("!!javax.script.", 95),
        ("!!java.net.url", 92),
        ("!!com.sun.rowset", 92),
        ("!ruby/object:", 90),
        ("!ruby/hash:", 85),
    ];
    for i in (0..v.len()).filter(|&i| v.at(i) == '!') {
        if let Some(&(pat, conf)) = TAGS.iter().find(|(p, _)| v.is_at(i, p)) {
            let mut e = i + pat.len();
            while e < v.len() && !v.at(e).is_whitespace() && v.at(e) != '[' {
                e += 1;
            }
            hits.add(CODE, "code.yaml-tag", conf, i, e);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::test_rules as rules;

    #[test]
    fn each_rule() {
        assert!(rules("print(\"ciao\",flush=True)").contains(&"code.function-call"));
        assert!(rules("__import__('os').system('id')").contains(&"code.dangerous-call"));
        assert!(rules("os.system('ls')").contains(&"code.dangerous-call"));
        assert!(rules("require('child_process').exec('id')").contains(&"code.dangerous-call"));
        assert!(rules("process.mainModule.require('fs')").contains(&"code.reflection"));
        assert!(rules("!!python/object/apply:os.system [\"id\"]").contains(&"code.yaml-tag"));
        assert!(rules("Runtime.getRuntime().exec(\"calc\")").contains(&"code.dangerous-call"));
        assert!(rules("<?php system($_GET['c']); ?>").contains(&"code.php-tag"));
        assert!(rules("lambda x: x.__class__").contains(&"code.lambda"));
        assert!(rules("eval(atob('YWxlcnQoMSk='))").contains(&"code.dangerous-call"));
        assert!(rules("setTimeout(\"alert(1)\",0)").contains(&"code.dangerous-call"));
    }

    #[test]
    fn benign() {
        for s in [
            "Apple(s) and pear(s)",
            "f(x) = 2x + 1",
            "the system (as designed) works",
            "we call print() in the loop",
            "lambda calculus",
            "evaluation (eval) of the results",
        ] {
            assert!(rules(s).is_empty(), "{s}: {:?}", rules(s));
        }
    }
}
