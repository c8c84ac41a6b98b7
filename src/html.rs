//! Allowlist HTML sanitizing for user-supplied rich text (cargo feature
//! `html`), on [ammonia](https://docs.rs/ammonia), which parses with
//! html5ever — the WHATWG HTML parsing algorithm browsers use — so the
//! sanitizer sees the same tree a browser will build.
//!
//! Everything not allowed is removed: unknown elements are unwrapped (their
//! text stays), attributes not on the allowlist are dropped, URLs whose
//! scheme is not allowed are dropped, comments are stripped, and the content
//! of [`REMOVED_WITH_CONTENT`] elements (`script`, `style`, `iframe`, …) is
//! removed along with them.
//!
//! # The default profile
//!
//! * **Tags** ([`DEFAULT_TAGS`]): `a abbr b bdi bdo blockquote br caption
//!   cite code col colgroup dd del details dfn div dl dt em figcaption
//!   figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt
//!   ruby s samp small span strong sub summary sup table tbody td tfoot th
//!   thead time tr u ul var wbr`.
//! * **Attributes on every allowed tag**: `lang title dir`.
//! * **Per tag**: `a`: `href hreflang`; `img`: `src alt width height`;
//!   `blockquote q`: `cite`; `del ins`: `cite datetime`; `time`: `datetime`;
//!   `ol`: `start reversed`; `li`: `value`; `td`: `colspan rowspan headers`;
//!   `th`: `colspan rowspan headers scope abbr`; `col colgroup`: `span`.
//! * **URL schemes** (in `href`, `src`, `cite`): `http https mailto tel`;
//!   relative URLs are kept. A URL whose scheme appears only once spaces
//!   and control characters are taken out (`"\u{2028}javascript:…"`,
//!   `"&nbsp;javascript:…"`, `"\x01java\x03script:…"`) is judged by that
//!   scheme: today's browsers read these as relative paths, but a browser,
//!   a mail client or a later decoding step that trims them would run the
//!   script, so they are removed as DOMPurify removes them.
//! * **Links** get `rel="noopener noreferrer"` (a `rel` from the input is dropped).
//! * **Comments** are stripped. No `style` attributes or elements, no
//!   scripts, event handlers, frames, embeds, forms, SVG or MathML.
//! * **Input limits**: 1 MiB (`maxInputBytes`) and a nesting depth of
//!   1536 (`maxNestingDepth`, estimated before parsing as 3 × the depth of
//!   the tags as written, see `depth.rs`); beyond either, `INPUT_TOO_LARGE`.
//!   The depth limit exists because parsing time grows with depth × tags.
//!   Likewise more than 32 formatting elements (`b`, `i`, `a`, …) open
//!   without an end tag at any point is `INPUT_TOO_LARGE`: the parser
//!   re-creates each of them after every block that closed them.
//!
//! # Custom profiles
//!
//! [`HtmlSanitizer`] takes the same [`HtmlOptions`] as JS `sanitizeHtml(html,
//! options)` and the policy file. Configurations that would let script run
//! or that ammonia cannot honour are `INVALID_ARGUMENT` when the sanitizer
//! is built, never a panic while sanitizing: tags in [`FORBIDDEN_TAGS`],
//! `on*`/`style`/`srcdoc`/`srcset`/… attributes ([`FORBIDDEN_ATTRIBUTES`]),
//! the `javascript`, `vbscript`, `data`, `livescript` and `mocha` schemes,
//! `rel` allowed on links while `linkRel` is set, and `class` both allowed
//! as an attribute and restricted by `allowedClasses` on the same tag.
//!
//! The output is a fixed point: sanitizing it again returns it unchanged, so
//! sanitized HTML can be stored and sanitized again on output (when a
//! removal leaves a tree the parser would build differently, the output is
//! sanitized again, at most 4 extra passes, as long as it is within the
//! input limits; output over them is refused by `sanitize` anyway). Markup
//! that still changes after those passes — misnested formatting elements
//! the parser re-opens in every block — is reduced to its escaped text,
//! which is a fixed point.
//!
//! Output is an HTML fragment for element content (inside a `<div>`), not
//! for attribute values, `<script>` or `<style>` — use `fieldguard::escape`
//! for those.

mod depth;
mod options;

pub use options::{
    HtmlOptions, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_TAGS,
    FORBIDDEN_ATTRIBUTES, FORBIDDEN_SCHEMES, FORBIDDEN_TAGS, REMOVED_WITH_CONTENT,
};

use crate::{Error, ErrorKind, Result};

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// How often [`HtmlSanitizer::sanitize`] may sanitize its own output again
/// to reach a fixed point; nesting repairs settle in one or two.
const MAX_EXTRA_PASSES: usize = 4;

/// A sanitizer for one profile. Build once, use for many inputs.
///
/// ```
/// use fieldguard::html::HtmlSanitizer;
/// let s = HtmlSanitizer::new().add_tags(["section"]).build()?;
/// assert_eq!(s.sanitize("<section onclick=x>Hi</section>")?, "<section>Hi</section>");
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct HtmlSanitizer {
    options: HtmlOptions,
}

/// Builder for [`HtmlSanitizer`]; every setter replaces the default named
/// after it (see [`HtmlOptions`]). [`build`](Self::build) validates.
///
/// ```
/// use fieldguard::html::HtmlSanitizer;
/// let err = HtmlSanitizer::new().add_tags(["script"]).build().unwrap_err();
/// assert_eq!(err.code(), "INVALID_ARGUMENT");
/// ```
#[derive(Clone, Debug, PartialEq, Default)]
pub struct HtmlSanitizerBuilder {
    options: HtmlOptions,
}

impl HtmlSanitizer {
    /// A builder starting from the default profile.
    ///
    /// ```
    /// let s = fieldguard::html::HtmlSanitizer::new().build()?;
    /// assert_eq!(s.sanitize("<b>ok</b><script>x</script>")?, "<b>ok</b>");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    #[allow(clippy::new_ret_no_self)]
    pub fn new() -> HtmlSanitizerBuilder {
        HtmlSanitizerBuilder::default()
    }

    /// A sanitizer for `options`, validated (`INVALID_ARGUMENT` if unsafe
    /// or contradictory).
    ///
    /// ```
    /// use fieldguard::html::{HtmlOptions, HtmlSanitizer};
    /// let opts = HtmlOptions { url_schemes: vec!["javascript".into()], ..HtmlOptions::default() };
    /// assert_eq!(HtmlSanitizer::from_options(&opts).unwrap_err().code(), "INVALID_ARGUMENT");
    /// ```
    pub fn from_options(options: &HtmlOptions) -> Result<Self> {
        Ok(Self {
            options: options.validated()?,
        })
    }

    /// The (normalized) options of this sanitizer.
    ///
    /// ```
    /// let s = fieldguard::html::HtmlSanitizer::from_options(&Default::default())?;
    /// assert!(s.options().strip_comments);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn options(&self) -> &HtmlOptions {
        &self.options
    }

    /// Sanitize an HTML fragment. `INPUT_TOO_LARGE` if it is over
    /// `maxInputBytes`.
    ///
    /// ```
    /// let s = fieldguard::html::HtmlSanitizer::from_options(&Default::default())?;
    /// assert_eq!(
    ///     s.sanitize(r#"<a href="javascript:alert(1)" onclick="x()">hi</a>"#)?,
    ///     r#"<a rel="noopener noreferrer">hi</a>"#
    /// );
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn sanitize(&self, input: &str) -> Result<String> {
        self.check_limits(input)?;
        let builder = self.builder();
        let pass = |html: &str| {
            let out = builder.clean(html).to_string();
            // html5ever's serializer writes a CR that came from a character
            // reference (`&#13;`) raw, and every HTML parser reads a raw CR
            // as LF: the output would not hold what the sanitizer kept, and
            // sanitizing it again would change it (found by fuzzing). Keep it
            // a reference, as `escape` does. Raw-text elements, where
            // references are not decoded, are all forbidden; in a kept
            // comment it stays literal text.
            if out.contains('\r') {
                out.replace('\r', "&#13;")
            } else {
                out
            }
        };
        let mut clean = pass(input);
        // Unwrapping a disallowed element can leave a tree the HTML parser
        // does not build (`<h5><x><h5>` keeps an h5 inside an h5), so the
        // output, parsed again, means something else and sanitizing it again
        // changes it (found by fuzzing). Sanitize the output again until it
        // stops changing: every pass is a sanitization of its own input, so
        // the result is allowlisted whichever pass is the last. Output equal
        // to its input is a fixed point already, so clean input costs one pass.
        let mut previous = Cow::Borrowed(input);
        // Only output within the input limits is sanitized again: those are
        // the outputs `sanitize` accepts (and so can be compared), and it
        // keeps every pass as cheap as a call (output can be far larger than
        // its input when the parser re-opens formatting elements).
        for _ in 0..MAX_EXTRA_PASSES {
            if clean == *previous || self.check_limits(&clean).is_err() {
                break;
            }
            let next = pass(&clean);
            previous = Cow::Owned(std::mem::replace(&mut clean, next));
        }
        if clean != *previous && self.check_limits(&clean).is_ok() {
            // Still changing after every extra pass: misnested formatting
            // elements that the parser re-opens in each block (`<b><a>`
            // before many `<div>`s) grow with every pass (found by fuzzing).
            // Keep the text and drop the markup: escaped text parses back to
            // the same text, so it is a fixed point, and nothing is lost but
            // formatting that had no consistent meaning.
            let mut text_only = ammonia::Builder::empty();
            text_only
                .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
                .strip_comments(true);
            let text = text_only.clean(&clean).to_string();
            clean = if text.contains('\r') {
                text.replace('\r', "&#13;")
            } else {
                text
            };
        }
        Ok(clean)
    }

    /// `INPUT_TOO_LARGE` for input over `maxInputBytes`, or that could nest
    /// too deeply or re-open too many formatting elements.
    fn check_limits(&self, input: &str) -> Result<()> {
        if input.len() as u64 > self.options.max_input_bytes {
            return Err(Error::with(
                ErrorKind::InputTooLarge,
                format!(
                    "HTML input is {} bytes, over maxInputBytes ({})",
                    input.len(),
                    self.options.max_input_bytes
                ),
            ));
        }
        // Before parsing: html5ever's cost grows with depth × tags.
        let (depth, formatting) = depth::estimate(input);
        if formatting > depth::MAX_UNCLOSED_FORMATTING {
            return Err(Error::with(
                ErrorKind::InputTooLarge,
                format!(
                    "HTML input has more than {} unclosed formatting elements",
                    depth::MAX_UNCLOSED_FORMATTING
                ),
            ));
        }
        if depth.saturating_mul(3) > self.options.max_nesting_depth {
            return Err(Error::with(
                ErrorKind::InputTooLarge,
                format!(
                    "HTML input may nest deeper than maxNestingDepth ({})",
                    self.options.max_nesting_depth
                ),
            ));
        }
        Ok(())
    }

    /// The ammonia builder for the (already validated) options. Validation
    /// guarantees none of ammonia's configuration assertions can fire.
    fn builder(&self) -> ammonia::Builder<'_> {
        fn set(v: &[String]) -> HashSet<&str> {
            v.iter().map(String::as_str).collect()
        }
        let o = &self.options;
        let mut tags = set(&o.tags);
        tags.extend(o.add_tags.iter().map(String::as_str));
        let tag_attributes: HashMap<&str, HashSet<&str>> = o
            .tag_attributes
            .iter()
            .map(|(tag, attrs)| (tag.as_str(), set(attrs)))
            .collect();
        let allowed_classes: HashMap<&str, HashSet<&str>> = o
            .allowed_classes
            .iter()
            .map(|(tag, classes)| (tag.as_str(), set(classes)))
            .collect();
        let schemes: Vec<String> = o.url_schemes.clone();
        let relative = o.relative_urls;
        let mut b = ammonia::Builder::empty();
        b.tags(tags)
            .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
            .tag_attributes(tag_attributes)
            .generic_attributes(set(&o.generic_attributes))
            .url_schemes(set(&o.url_schemes))
            .url_relative(if o.relative_urls {
                ammonia::UrlRelative::PassThrough
            } else {
                ammonia::UrlRelative::Deny
            })
            .link_rel(o.link_rel.as_deref())
            .allowed_classes(allowed_classes)
            .strip_comments(o.strip_comments)
            // ammonia checks the scheme of href/src only; `cite` and
            // `longdesc` also hold URLs a browser may follow.
            .attribute_filter(move |_tag, attr, value| {
                let url_attr = matches!(
                    attr,
                    "href"
                        | "src"
                        | "cite"
                        | "longdesc"
                        | "action"
                        | "formaction"
                        | "poster"
                        | "background"
                        | "xlink:href"
                );
                if matches!(attr, "cite" | "longdesc") && !url_allowed(value, &schemes, relative)
                    || url_attr && hidden_scheme(value).is_some_and(|s| !schemes.contains(&s))
                {
                    None
                } else {
                    Some(Cow::Borrowed(value))
                }
            });
        b
    }
}

impl HtmlSanitizerBuilder {
    /// Replace the allowed tags.
    pub fn tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.options.tags = tags.into_iter().map(Into::into).collect();
        self
    }

    /// Allow these tags in addition to `tags`.
    pub fn add_tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.options
            .add_tags
            .extend(tags.into_iter().map(Into::into));
        self
    }

    /// Replace the attributes allowed on one tag.
    pub fn tag_attributes<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        tag: &str,
        attributes: I,
    ) -> Self {
        self.options.tag_attributes.insert(
            tag.to_owned(),
            attributes.into_iter().map(Into::into).collect(),
        );
        self
    }

    /// Replace the attributes allowed on every allowed tag.
    pub fn generic_attributes<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        attributes: I,
    ) -> Self {
        self.options.generic_attributes = attributes.into_iter().map(Into::into).collect();
        self
    }

    /// Replace the allowed URL schemes (lower case, without `:`).
    pub fn url_schemes<I: IntoIterator<Item = S>, S: Into<String>>(mut self, schemes: I) -> Self {
        self.options.url_schemes = schemes.into_iter().map(Into::into).collect();
        self
    }

    /// Keep or drop relative URLs (default: keep).
    pub fn relative_urls(mut self, keep: bool) -> Self {
        self.options.relative_urls = keep;
        self
    }

    /// The `rel` value forced on every link, or `None` to leave links alone.
    pub fn link_rel(mut self, rel: Option<&str>) -> Self {
        self.options.link_rel = rel.map(str::to_owned);
        self
    }

    /// Strip comments (default `true`).
    pub fn strip_comments(mut self, strip: bool) -> Self {
        self.options.strip_comments = strip;
        self
    }

    /// Allow only these classes on `tag` (other classes are removed).
    pub fn allowed_classes<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        tag: &str,
        classes: I,
    ) -> Self {
        self.options.allowed_classes.insert(
            tag.to_owned(),
            classes.into_iter().map(Into::into).collect(),
        );
        self
    }

    /// The nesting limit (default 1536; see [`HtmlOptions::max_nesting_depth`]).
    pub fn max_nesting_depth(mut self, limit: usize) -> Self {
        self.options.max_nesting_depth = limit;
        self
    }

    /// The input limit in bytes (default 1 MiB).
    pub fn max_input_bytes(mut self, limit: u64) -> Self {
        self.options.max_input_bytes = limit;
        self
    }

    /// Validate and build.
    ///
    /// ```
    /// use fieldguard::html::HtmlSanitizer;
    /// let err = HtmlSanitizer::new().generic_attributes(["onclick"]).build().unwrap_err();
    /// assert_eq!(err.code(), "INVALID_ARGUMENT");
    /// ```
    pub fn build(self) -> Result<HtmlSanitizer> {
        HtmlSanitizer::from_options(&self.options)
    }
}

/// Sanitize with the default profile. Input over the default limit (1 MiB)
/// is cut to nothing rather than failing: use [`HtmlSanitizer::sanitize`]
/// to get `INPUT_TOO_LARGE` instead.
///
/// ```
/// assert_eq!(
///     fieldguard::html::sanitize_html("<p>Hi <img src=x onerror=alert(1)></p>"),
///     r#"<p>Hi <img src="x"></p>"#
/// );
/// ```
pub fn sanitize_html(input: &str) -> String {
    default_sanitizer().sanitize(input).unwrap_or_default()
}

/// Sanitize `input` with `options` (the JS `sanitizeHtml(html, options)`).
///
/// ```
/// use fieldguard::html::{sanitize_html_with, HtmlOptions};
/// let out = sanitize_html_with("<!-- x --><p>a</p>", &HtmlOptions::default())?;
/// assert_eq!(out, "<p>a</p>");
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn sanitize_html_with(input: &str, options: &HtmlOptions) -> Result<String> {
    HtmlSanitizer::from_options(options)?.sanitize(input)
}

fn default_sanitizer() -> HtmlSanitizer {
    HtmlSanitizer {
        options: HtmlOptions::default(),
    }
}

/// Same decision as ammonia's for `href`/`src`: an absolute URL needs an
/// allowed scheme, a relative one needs `relative`.
/// The scheme of `value` once the characters DOMPurify strips from URL
/// attributes before its scheme check are taken out (C0 controls, space,
/// U+00A0, U+1680, U+180E, U+2000–U+2029, U+205F, U+3000), lower-cased; `None`
/// when the stripped value does not start with `scheme:`, or when nothing
/// was stripped (then ammonia's own URL parse has judged the value).
fn hidden_scheme(value: &str) -> Option<String> {
    let strip = |c: char| matches!(c, '\u{0}'..='\u{20}' | '\u{a0}' | '\u{1680}' | '\u{180e}' | '\u{2000}'..='\u{2029}' | '\u{205f}' | '\u{3000}');
    if !value.chars().any(strip) {
        return None;
    }
    let mut scheme = String::new();
    for c in value.chars().filter(|&c| !strip(c)) {
        match c {
            ':' if !scheme.is_empty() => return Some(scheme),
            'a'..='z' | 'A'..='Z' => scheme.push(c.to_ascii_lowercase()),
            '0'..='9' | '+' | '-' | '.' if !scheme.is_empty() => scheme.push(c),
            _ => return None,
        }
    }
    None
}

fn url_allowed(value: &str, schemes: &[String], relative: bool) -> bool {
    match url::Url::parse(value) {
        Ok(url) => schemes.iter().any(|s| s == url.scheme()),
        Err(url::ParseError::RelativeUrlWithoutBase) => relative,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests;
