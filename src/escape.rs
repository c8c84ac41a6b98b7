//! Output encoding for the five contexts of the OWASP Cross Site Scripting
//! Prevention Cheat Sheet, following the OWASP Java Encoder's rules.
//!
//! Escaping is for putting an *untrusted string* into a *trusted template*.
//! Pick the context by where the value lands, not by what it contains:
//!
//! | context | use it for | rules |
//! |---|---|---|
//! | [`HtmlText`](EscapeContext::HtmlText) | element content: `<p>…</p>` | `& < > " '` → `&amp; &lt; &gt; &#34; &#39;`; CR → `&#13;` |
//! | [`HtmlAttribute`](EscapeContext::HtmlAttribute) | a **quoted** attribute value: `title="…"` or `title='…'` | as HTML text, plus `` ` `` → `&#96;` |
//! | [`JsString`](EscapeContext::JsString) | a quoted JS string literal: `'…'` or `"…"`, in a `<script>` block or in an event-handler attribute | `\xHH` for controls and ``" ' & < > / ` = -``, `\\` for `\`, `\u2028` `\u2029` |
//! | [`UrlComponent`](EscapeContext::UrlComponent) | one path segment, query name or query value | RFC 3986 percent-encoding of the UTF-8 bytes; only unreserved `A-Z a-z 0-9 - . _ ~` stay |
//! | [`CssString`](EscapeContext::CssString) | a quoted CSS string: `content: "…"` | `\HH ` (hex, then one space) for every ASCII character except letters and digits, and for C1 controls, U+2028 and U+2029 |
//!
//! What is deliberately **not** supported, because no escaping makes it safe:
//! unquoted attribute values, event-handler attribute *names*, whole URLs
//! (a `javascript:` URL is still a `javascript:` URL once escaped — validate
//! the scheme instead), JS outside a string literal (template literals,
//! identifiers, `eval` arguments), CSS outside a quoted string, and element
//! or attribute names. For rich text, sanitize instead (`fieldguard::html`).
//!
//! Characters a context cannot carry: HTML and CSS have no way to represent
//! U+0000 (the HTML parser drops it and `&#0;` or `\0` read as U+FFFD), so
//! NUL becomes U+FFFD in those contexts, which is what a browser would turn
//! it into anyway. Every other string reads back unchanged; the browser
//! tests (`tests/js/browser/escape.test.mjs`) check that for each context.
//!
//! Non-ASCII text is left as it is (apart from the cases above), so pages
//! must be served as UTF-8 — which they must be anyway.

use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// Where an escaped value will be placed.
///
/// ```
/// use fieldguard::escape::EscapeContext;
/// let ctx: EscapeContext = serde_json::from_str("\"js-string\"").unwrap();
/// assert_eq!(ctx, EscapeContext::JsString);
/// assert_eq!(ctx.name(), "js-string");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EscapeContext {
    /// Element content, between tags.
    HtmlText,
    /// A quoted (`"` or `'`) attribute value. Not for unquoted attributes,
    /// not for `on*` or `style` attributes (use `JsString`/`CssString` for
    /// the string literal inside them), not for whole URLs.
    HtmlAttribute,
    /// The inside of a quoted JavaScript string literal (`'…'` or `"…"`,
    /// not a template literal).
    JsString,
    /// One URL component (path segment, query parameter name or value).
    UrlComponent,
    /// The inside of a quoted CSS string.
    CssString,
}

impl EscapeContext {
    /// The JSON/JS name, for example `"html-text"`.
    ///
    /// ```
    /// assert_eq!(fieldguard::escape::EscapeContext::UrlComponent.name(), "url-component");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Self::HtmlText => "html-text",
            Self::HtmlAttribute => "html-attribute",
            Self::JsString => "js-string",
            Self::UrlComponent => "url-component",
            Self::CssString => "css-string",
        }
    }

    /// Parse a JSON/JS name; unknown names are `INVALID_ARGUMENT`.
    ///
    /// ```
    /// use fieldguard::escape::EscapeContext;
    /// assert_eq!(EscapeContext::from_name("css-string").unwrap(), EscapeContext::CssString);
    /// assert_eq!(EscapeContext::from_name("html").unwrap_err().code(), "INVALID_ARGUMENT");
    /// ```
    pub fn from_name(name: &str) -> Result<Self> {
        Ok(match name {
            "html-text" => Self::HtmlText,
            "html-attribute" => Self::HtmlAttribute,
            "js-string" => Self::JsString,
            "url-component" => Self::UrlComponent,
            "css-string" => Self::CssString,
            _ => {
                return Err(Error::with(
                    ErrorKind::InvalidArgument,
                    "context must be \"html-text\", \"html-attribute\", \"js-string\", \
                     \"url-component\" or \"css-string\"",
                ))
            }
        })
    }
}

/// Escape `input` for `context` (see the [module docs](self) for the rules).
///
/// ```
/// use fieldguard::escape::{escape, EscapeContext};
/// assert_eq!(escape("<b>", EscapeContext::HtmlText), "&lt;b&gt;");
/// assert_eq!(escape("a b", EscapeContext::UrlComponent), "a%20b");
/// ```
pub fn escape(input: &str, context: EscapeContext) -> String {
    match context {
        EscapeContext::HtmlText => escape_html_text(input),
        EscapeContext::HtmlAttribute => escape_html_attribute(input),
        EscapeContext::JsString => escape_js_string(input),
        EscapeContext::UrlComponent => escape_url_component(input),
        EscapeContext::CssString => escape_css_string(input),
    }
}

/// Escape for HTML element content.
///
/// ```
/// assert_eq!(
///     fieldguard::escape::escape_html_text(r#"<a href="x">Tom & 'Jerry'</a>"#),
///     "&lt;a href=&#34;x&#34;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
/// );
/// ```
pub fn escape_html_text(input: &str) -> String {
    html(input, false)
}

/// Escape for a quoted HTML attribute value (`"…"` or `'…'`).
///
/// ```
/// assert_eq!(fieldguard::escape::escape_html_attribute("\" onclick=`x`"), "&#34; onclick=&#96;x&#96;");
/// ```
pub fn escape_html_attribute(input: &str) -> String {
    html(input, true)
}

fn html(input: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            // Old IE treated the backtick as an attribute quote.
            '`' if attribute => out.push_str("&#96;"),
            // The input stream turns a raw CR (and CRLF) into LF; a
            // character reference keeps it.
            '\r' => out.push_str("&#13;"),
            // The parser drops a raw NUL and reads `&#0;` as U+FFFD.
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escape for the inside of a quoted JavaScript string literal, safe both
/// in a `<script>` block and in an event-handler attribute (`onclick="f('…')"`):
/// the output contains no `<`, `&`, quotes or line terminators.
///
/// ```
/// assert_eq!(
///     fieldguard::escape::escape_js_string("</script>'\u{2028}"),
///     "\\x3c\\x2fscript\\x3e\\x27\\u2028"
/// );
/// ```
pub fn escape_js_string(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 4);
    for c in input.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            // Line terminators end a string literal (U+2028/2029 only before
            // ES2019 and still in JSON-in-JS); controls and the HTML/JS
            // delimiters become \xHH so that neither the HTML tokenizer
            // (`</script>`, `<!--`, `&…;` in attributes) nor the JS parser
            // (quotes, backtick) sees them.
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20
                || matches!(
                    c,
                    '"' | '\'' | '&' | '<' | '>' | '/' | '`' | '=' | '-' | '\u{7f}'
                ) =>
            {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Percent-encode one URL component (RFC 3986 section 2.1, UTF-8 bytes,
/// upper-case hex); only the unreserved characters `A-Z a-z 0-9 - . _ ~`
/// are kept, so the result is safe as a path segment, a query name or a
/// query value (`+`, `&`, `=`, `/`, `?`, `#` are all encoded).
///
/// ```
/// assert_eq!(fieldguard::escape::escape_url_component("a+b&c=d/é"), "a%2Bb%26c%3Dd%2F%C3%A9");
/// ```
pub fn escape_url_component(input: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(input.len() * 3 / 2);
    for &b in input.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Escape for the inside of a quoted CSS string: every ASCII character
/// other than a letter or digit, every C1 control and U+2028/U+2029 become
/// `\HH ` (lower-case hex and one space, which the CSS tokenizer consumes as
/// part of the escape). NUL becomes `\fffd ` (CSS reads `\0` as U+FFFD).
///
/// ```
/// assert_eq!(fieldguard::escape::escape_css_string("a\"};b"), "a\\22 \\7d \\3b b");
/// ```
pub fn escape_css_string(input: &str) -> String {
    let mut out = String::with_capacity(input.len() * 2);
    for c in input.chars() {
        let n = c as u32;
        if c.is_ascii_alphanumeric() || (n >= 0xa0 && n != 0x2028 && n != 0x2029) {
            out.push(c);
        } else {
            let n = if n == 0 { 0xfffd } else { n };
            // Writing to a String cannot fail.
            let _ = write!(out, "\\{n:x} ");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_contexts() {
        assert_eq!(escape_html_text("a\r\nb\0"), "a&#13;\nb\u{FFFD}");
        assert_eq!(escape_html_text("`"), "`");
        assert_eq!(escape_html_attribute("`"), "&#96;");
    }

    #[test]
    fn js_has_no_html_or_js_delimiters() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        let out = escape_js_string(&all);
        for bad in [
            '<', '>', '&', '"', '\'', '`', '\n', '\r', '\u{2028}', '\u{2029}', '/',
        ] {
            assert!(!out.contains(bad), "{bad:?}");
        }
    }

    #[test]
    fn css_and_url() {
        assert_eq!(escape_css_string("\0 é😀"), "\\fffd \\20 é😀");
        assert_eq!(escape_url_component("~-._ 😀"), "~-._%20%F0%9F%98%80");
    }
}
