//! Cross-site scripting patterns, in one pass over the (lower-cased) chars.
//! The pass remembers whether it is inside an open tag (`<name …` not yet
//! closed by `>`), because `onerror=` means much more inside a tag.

use super::views::{is_word_char, View};
use super::{Category, Hits};

const XSS: Category = Category::Xss;

/// Event handlers that payload lists use outside a tag (attribute
/// break-out, `" onmouseover="…`). Inside a tag any `on…=` counts.
const HANDLERS: [&str; 40] = [
    "onload",
    "onerror",
    "onclick",
    "onmouseover",
    "onmouseout",
    "onmouseenter",
    "onmousemove",
    "onmousedown",
    "onmouseup",
    "onfocus",
    "onblur",
    "onfocusin",
    "onfocusout",
    "onkeydown",
    "onkeyup",
    "onkeypress",
    "onchange",
    "oninput",
    "onsubmit",
    "onreset",
    "onselect",
    "onscroll",
    "onresize",
    "onanimationstart",
    "onanimationend",
    "ontransitionend",
    "onbeforeunload",
    "onunload",
    "onpageshow",
    "onhashchange",
    "onmessage",
    "ontoggle",
    "onpointerover",
    "onpointerdown",
    "ondrag",
    "ondrop",
    "onwheel",
    "oncopy",
    "onpaste",
    "onbegin",
];

/// Tags that load or run content by themselves, and their confidence.
fn tag_confidence(name: &[char]) -> Option<u8> {
    let s: String = name.iter().collect();
    Some(match s.as_str() {
        "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "base" | "isindex"
        | "portal" => 70,
        "meta" => 60,
        "svg" | "math" | "xss" | "style" | "link" | "import" => 45,
        "img" | "image" | "body" | "video" | "audio" | "source" | "input" | "details"
        | "marquee" | "form" | "button" | "select" | "textarea" | "keygen" | "table" | "td"
        | "a" | "div" | "animate" | "set" | "foreignobject" | "bgsound" | "xml" => 35,
        // Netscape's layers load a document from their `src`.
        "layer" | "ilayer" => 60,
        _ => return None,
    })
}

/// Whether the `<link` tag whose name ends at `k` has a `rel` of
/// `stylesheet` or `import` and an `href` (within its first 200 chars).
fn link_loads(v: &View, k: usize) -> bool {
    let end = (k..v.len().min(k + 200))
        .find(|&e| v.at(e) == '>')
        .unwrap_or(v.len().min(k + 200));
    let has = |pat: &str| (k..end).any(|e| v.is_at(e, pat));
    (has("stylesheet") || has("import")) && has("href")
}

/// Match `pat` at `i`, ignoring tab, CR and LF between its letters (browsers
/// strip them from URLs: `java&#x09;script:` runs). Returns the end index.
fn loose(v: &View, i: usize, pat: &str) -> Option<usize> {
    let mut k = i;
    for (n, p) in pat.chars().enumerate() {
        if n > 0 {
            while matches!(v.at(k), '\t' | '\n' | '\r') {
                k += 1;
            }
        }
        if v.at(k) != p {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// The previous char that is not a space, and its index.
fn prev_nonspace(v: &View, i: usize) -> Option<(usize, char)> {
    (i.saturating_sub(12)..i)
        .rev()
        .map(|k| (k, v.at(k)))
        .find(|&(_, c)| !c.is_whitespace())
}

/// A value that starts like script: `alert(`, `//`, `(`, a quote…
fn script_follows(v: &View, i: usize) -> bool {
    let k = v.skip_spaces(i);
    let c = v.at(k);
    if "/([{'\"`%\\!-+~&".contains(c) || c.is_ascii_digit() {
        return c != '\0';
    }
    let mut e = k;
    while v.at(e).is_ascii_alphanumeric() || v.at(e) == '_' || v.at(e) == '$' {
        e += 1;
    }
    e > k && matches!(v.at(e), '(' | '.' | '[' | '`' | '=')
}

pub(crate) fn scan(v: &View, hits: &mut Hits) {
    let n = v.len();
    let mut in_tag = false;
    let mut i = 0;
    while i < n {
        let c = v.at(i);
        if c == '<' {
            let mut k = i + 1;
            let closing = v.at(k) == '/';
            if closing {
                k += 1;
            }
            let ns = k;
            while v.at(k).is_ascii_alphanumeric() || v.at(k) == ':' || v.at(k) == '-' {
                k += 1;
            }
            let delimited =
                matches!(v.at(k), ' ' | '\t' | '\n' | '\r' | '/' | '>' | '\u{c}') || k >= n;
            if k > ns && v.at(ns).is_ascii_alphabetic() && delimited {
                let name = &v.low[ns..k];
                if name == ['s', 'c', 'r', 'i', 'p', 't'] {
                    hits.add(XSS, "xss.script-tag", if closing { 85 } else { 95 }, i, k);
                } else if !closing {
                    if let Some(conf) = tag_confidence(name) {
                        // `<link rel=stylesheet|import href=…>` loads a style
                        // sheet (CSS expressions, exfiltration) or a document
                        // from wherever the value says.
                        let conf = if name.iter().copied().eq("link".chars()) && link_loads(v, k) {
                            70
                        } else {
                            conf
                        };
                        hits.add(XSS, "xss.dangerous-tag", conf, i, k);
                    }
                }
                in_tag = !closing;
                i = k;
                continue;
            }
        } else if c == '>' {
            in_tag = false;
        } else if c == 'o' && v.at(i + 1) == 'n' && v.word_start(i) {
            let mut k = i + 2;
            while v.at(k).is_ascii_alphabetic() {
                k += 1;
            }
            let mut e = k;
            while v.at(e).is_whitespace() && e < k + 8 {
                e += 1;
            }
            if k - i >= 5 && v.at(e) == '=' && v.at(e + 1) != '=' {
                let name = &v.low[i..k];
                let known = HANDLERS.iter().any(|h| h.chars().eq(name.iter().copied()));
                let sep = i == 0
                    || matches!(
                        v.at(i - 1),
                        ' ' | '\t' | '\n' | '\r' | '/' | '"' | '\'' | '\u{c}'
                    );
                let value = v.low[e + 1..(e + 60).min(n)]
                    .iter()
                    .any(|&c| c == '(' || c == '`');
                let conf = if in_tag && sep {
                    90
                } else if sep && known && value {
                    80
                } else if known {
                    40
                } else {
                    25
                };
                hits.add(XSS, "xss.event-handler", conf, i, e + 1);
            }
            i = k;
            continue;
        } else if matches!(c, 'j' | 'v' | 'l' | 'm') && v.word_start(i) {
            let end = loose(v, i, "javascript")
                .or_else(|| loose(v, i, "vbscript"))
                .or_else(|| loose(v, i, "livescript"))
                .or_else(|| loose(v, i, "mocha"));
            if let Some(e) = end {
                let colon = v.skip_spaces(e);
                if v.at(colon) == ':' {
                    let attr = (i == 0 && !v.at(colon + 1).is_whitespace())
                        || prev_nonspace(v, i).is_some_and(|(_, p)| "=\"'(`".contains(p));
                    let conf = if script_follows(v, colon + 1) {
                        92
                    } else if attr {
                        80
                    } else {
                        40
                    };
                    hits.add(XSS, "xss.script-url", conf, i, colon + 1);
                    i = colon + 1;
                    continue;
                }
            }
        } else if c == 'd' && v.is_at(i, "data:") && v.word_start(i) {
            let k = v.skip_spaces(i + 5);
            let conf = if v.is_at(k, "text/html")
                || v.is_at(k, "text/javascript")
                || v.is_at(k, "application/javascript")
                || v.is_at(k, "application/x-javascript")
            {
                88
            } else if v.is_at(k, "image/svg")
                || v.is_at(k, "text/xml")
                || v.is_at(k, "application/xhtml")
            {
                70
            } else {
                0
            };
            if conf > 0 {
                hits.add(XSS, "xss.script-url", conf, i, k + 9);
            }
        } else if c == 'e' && v.is_at(i, "expression") && v.word_start(i) {
            let k = v.skip_spaces(i + 10);
            // `expression\28…\29`: the paren as a CSS escape.
            if v.at(k) == '(' || v.is_at(k, "\\28") || v.is_at(k, "\\0028") {
                let css = prev_nonspace(v, i).is_some_and(|(_, p)| p == ':' || p == '/');
                let conf = if css {
                    82
                } else if in_tag {
                    70
                } else {
                    30
                };
                hits.add(XSS, "xss.css-expression", conf, i, k + 1);
            }
        } else if c == 'a' && v.is_at(i, "attributename") && in_tag {
            // SVG `<set attributeName="onmouseover" to="alert(1)">`: an
            // animation that writes an event handler (or a link target).
            let mut k = v.skip_spaces(i + 13);
            if v.at(k) == '=' {
                k = v.skip_spaces(k + 1);
                if "'\"".contains(v.at(k)) {
                    k += 1;
                }
                if v.is_at(k, "on") && v.at(k + 2).is_ascii_alphabetic()
                    || v.is_at(k, "xlink:href")
                    || v.is_at(k, "href")
                {
                    hits.add(XSS, "xss.event-handler", 85, i, k + 2);
                }
            }
        } else if c == 'd' && v.is_at(i, "dataformatas") && in_tag {
            // IE data binding: `dataformatas=html` renders bound data as markup.
            let k = v.skip_spaces(i + 12);
            if v.at(k) == '='
                && v.low[k + 1..(k + 8).min(n)]
                    .iter()
                    .collect::<String>()
                    .contains("html")
            {
                hits.add(XSS, "xss.dangerous-tag", 70, i, k + 1);
            }
        } else if c == '#' && v.is_at(i, "#default#time2") {
            // IE HTML+TIME behaviour (`implementation="#default#time2"`).
            hits.add(XSS, "xss.css-expression", 70, i, i + 14);
        } else if c == '-' && v.is_at(i, "-moz-binding") {
            hits.add(XSS, "xss.css-expression", 80, i, i + 12);
        } else if c == 'b' && v.is_at(i, "behavior") && v.word_start(i) {
            let k = v.skip_spaces(i + 8);
            if v.at(k) == ':' && v.is_at(v.skip_spaces(k + 1), "url(") {
                hits.add(XSS, "xss.css-expression", 75, i, k + 1);
            }
        } else if c == 's'
            && v.is_at(i, "srcdoc")
            && v.word_start(i)
            && v.at(v.skip_spaces(i + 6)) == '='
        {
            hits.add(XSS, "xss.srcdoc", if in_tag { 88 } else { 50 }, i, i + 6);
        } else if matches!(c, 'a' | 'p' | 'c') && v.word_start(i) {
            sink(v, i, hits);
        } else if c == '+'
            && v.is_at(i, "+adw-")
            && v.at(i + 5).is_ascii_alphabetic()
            && (i + 6..v.len().min(i + 40)).any(|k| v.is_at(k, "+ad4-"))
        {
            // `+ADw-script+AD4-`: `<script>` in UTF-7, which old browsers
            // sniffed when a page declared no charset.
            hits.add(XSS, "xss.utf7", 80, i, i + 5);
        } else if c == '@' && v.is_at(i, "@import") {
            let k = v.skip_spaces(i + 7);
            if "'\"".contains(v.at(k)) || v.is_at(k, "url(") {
                hits.add(
                    XSS,
                    "xss.css-expression",
                    if in_tag { 60 } else { 70 },
                    i,
                    k + 1,
                );
            }
        } else if c == 's' && v.is_at(i, "string.fromcharcode") {
            hits.add(XSS, "xss.js-sink", 70, i, i + 19);
        } else if matches!(c, 't' | 'w' | 's' | 'p' | 'f' | 'g') && v.word_start(i) {
            global_index_call(v, i, hits);
        } else if c == 'd'
            && (v.is_at(i, "document.cookie") || v.is_at(i, "document.domain"))
            && v.word_start(i)
        {
            let breakout = prev_nonspace(v, i).is_some_and(|(_, p)| "(;+=-".contains(p));
            hits.add(
                XSS,
                "xss.js-sink",
                if breakout { 70 } else { 45 },
                i,
                i + 15,
            );
        }
        i += 1;
    }
}

/// `top["al"+"ert"](1)`, `window['al\x65rt'](1)`, `self[x](1)`: a call
/// through the global object by a computed name, how payloads hide the
/// function they call. The bracket must close and be called within 60 chars.
fn global_index_call(v: &View, i: usize, hits: &mut Hits) {
    let Some(len) = ["top", "window", "self", "parent", "frames", "globalthis"]
        .iter()
        .find(|s| v.is_at(i, s) && v.word_end(i + s.len()))
        .map(|s| s.len())
    else {
        return;
    };
    if v.at(i + len) != '[' {
        return;
    }
    let open = i + len;
    let close = (open + 1..v.len().min(open + 60)).find(|&k| v.at(k) == ']');
    if let Some(c) = close {
        let name = &v.low[open + 1..c];
        let computed = name.iter().any(|&ch| "'\"`+/.\\".contains(ch));
        if computed && v.at(v.skip_spaces(c + 1)) == '(' {
            hits.add(XSS, "xss.js-sink", 75, i, c + 2);
        }
    }
}

/// `alert(1)`, `prompt(…)`, `confirm(…)`, `alert\`1\``, and the JS string
/// break-out around them (`';alert(1)//`, `"-alert(1)-"`).
fn sink(v: &View, i: usize, hits: &mut Hits) {
    let Some(len) = ["alert", "prompt", "confirm"]
        .iter()
        .find(|s| v.is_at(i, s))
        .map(|s| s.len())
    else {
        return;
    };
    let k = v.skip_spaces(i + len);
    let tagged = v.at(k) == '`';
    // `(alert)(1)`, `[1].find(alert)`, `a=alert,a(1)`: the function passed
    // as a value, to be called elsewhere.
    let passed = match prev_nonspace(v, i) {
        // `.find(alert)`: an argument of a call (the `(` glued to a name).
        Some((p, '(')) if v.at(k) == ')' => {
            p > 0 && (is_word_char(v.at(p - 1)) || v.at(p - 1) == ']')
                || v.at(v.skip_spaces(k + 1)) == '('
        }
        // `a=alert,a(1)`.
        Some((_, '=')) => v.at(k) == ',' || v.at(k) == ';',
        _ => false,
    };
    if v.word_end(i + len) && passed {
        hits.add(XSS, "xss.js-sink", 60, i, i + len);
        return;
    }
    if !(v.at(k) == '(' || tagged) || !v.word_end(i + len) {
        return;
    }
    let a = v.skip_spaces(k + 1);
    let arg = tagged
        || v.at(a).is_ascii_digit()
        || "'\"`/)".contains(v.at(a))
        || v.is_at(a, "document")
        || v.is_at(a, "window")
        || v.is_at(a, "string.")
        || v.is_at(a, "this")
        || v.is_at(a, "origin")
        || v.is_at(a, "location");
    if !arg {
        return;
    }
    // Walk back over the operator and the quote that ends the JS string.
    let prev = prev_nonspace(v, i);
    let breakout = prev.is_some_and(|(p, ch)| {
        ";-+*|&,".contains(ch)
            && prev_nonspace(v, p).is_some_and(|(q, ch2)| {
                "'\"".contains(ch2)
                    || (ch2 == ')' || ch2 == '\\') && q > 0 && "'\"".contains(v.at(q - 1))
            })
    });
    let start_or_code = prev.is_none_or(|(_, ch)| "=>;(:{}-+".contains(ch));
    let conf = if breakout {
        88
    } else if tagged {
        80
    } else if start_or_code {
        70
    } else {
        45
    };
    hits.add(
        XSS,
        if breakout {
            "xss.js-breakout"
        } else {
            "xss.js-sink"
        },
        conf,
        i,
        k + 1,
    );
}

#[cfg(test)]
mod tests {
    use crate::detect::test_rules as rules;

    #[test]
    fn each_rule() {
        assert!(rules("<script>alert(1)</script>").contains(&"xss.script-tag"));
        assert!(rules("+ADw-script+AD4-alert(1)+ADw-/script+AD4-").contains(&"xss.utf7"));
        assert!(rules("top[\"al\"+\"ert\"](1)").contains(&"xss.js-sink"));
        assert!(rules("[1].find(alert)").contains(&"xss.js-sink"));
        assert!(
            rules("<STYLE>@import'http://x.test/x.css';</STYLE>").contains(&"xss.css-expression")
        );
        assert!(rules("<IMG SRC=\"mocha:[code]\">").contains(&"xss.script-url"));
        assert!(
            rules("<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/>")
                .contains(&"xss.event-handler")
        );
        assert!(rules("<// style=x:expression\\28write(1)\\29>").contains(&"xss.css-expression"));
        assert!(
            rules("<SPAN DATASRC=#I DATAFLD=C DATAFORMATAS=HTML></SPAN>")
                .contains(&"xss.dangerous-tag")
        );
        assert!(rules("<img src=x onerror=alert(1)>").contains(&"xss.event-handler"));
        assert!(rules("<svg/onload=alert(1)>").contains(&"xss.event-handler"));
        assert!(rules("\" onmouseover=\"alert(1)").contains(&"xss.event-handler"));
        assert!(rules("<a href=\"jav&#x09;ascript:alert(1)\">").contains(&"xss.script-url"));
        assert!(rules("data:text/html;base64,PHNjcmlwdD4=").contains(&"xss.script-url"));
        assert!(rules("<iframe src=//evil.example>").contains(&"xss.dangerous-tag"));
        assert!(rules("<iframe srcdoc=\"&lt;script&gt;\">").contains(&"xss.srcdoc"));
        assert!(rules("<div style=\"width:expression(alert(1))\">").contains(&"xss.css-expression"));
        assert!(rules("';alert(1)//").contains(&"xss.js-breakout"));
        assert!(rules("%3Cscript%3Ealert(1)%3C/script%3E").contains(&"xss.script-tag"));
    }

    #[test]
    fn benign() {
        for s in [
            "JavaScript: The Good Parts",
            "3 < 5 and 7 > 2",
            "a regular expression (regex)",
            "onboarding = done",
            "Send an alert (email) to ops",
            "<b>bold</b>",
            "Mocha: a test framework",
            "the top [10] list",
            "we import data (alert) daily",
            "C++ADw-compat",
        ] {
            assert!(rules(s).is_empty(), "{s}: {:?}", rules(s));
        }
    }
}
