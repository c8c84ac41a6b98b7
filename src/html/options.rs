//! [`HtmlOptions`]: the serde form of a sanitizer profile, and its checks.

use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The default allowed tags: ordinary rich text (see the [module docs](super)).
pub const DEFAULT_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Tags no profile may allow: they run script, load or embed documents,
/// submit or capture data, change how the rest of the page is parsed or
/// resolved (`base`, raw-text elements), or switch to SVG/MathML, where
/// the HTML allowlist does not apply.
pub const FORBIDDEN_TAGS: &[&str] = &[
    "applet",
    "base",
    "basefont",
    "body",
    "button",
    "datalist",
    "embed",
    "form",
    "frame",
    "frameset",
    "head",
    "html",
    "iframe",
    "input",
    "isindex",
    "keygen",
    "link",
    "listing",
    "math",
    "meta",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "optgroup",
    "option",
    "param",
    "plaintext",
    "portal",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
];

/// Elements removed *with* their content (other disallowed elements are
/// unwrapped and keep their text): script and style source, frames and
/// embeds, raw-text elements and SVG/MathML would otherwise leak as text.
pub const REMOVED_WITH_CONTENT: &[&str] = &[
    "applet",
    "embed",
    "frame",
    "frameset",
    "iframe",
    "math",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "plaintext",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
];

/// Attributes no profile may allow (besides every `on*` event handler):
/// inline CSS, nested documents, URLs that ammonia does not scheme-check
/// (`srcset`, `action`, `formaction`, `background`, `poster`, `data`,
/// `codebase`, `lowsrc`, `dynsrc`, `ping`), and namespace or
/// custom-element switches.
pub const FORBIDDEN_ATTRIBUTES: &[&str] = &[
    "action",
    "background",
    "codebase",
    "data",
    "dynsrc",
    "formaction",
    "http-equiv",
    "is",
    "lowsrc",
    "ping",
    "srcdoc",
    "srcset",
    "style",
    "xmlns",
];

/// URL schemes no profile may allow: they run script or carry a whole
/// document.
pub const FORBIDDEN_SCHEMES: &[&str] = &["data", "javascript", "livescript", "mocha", "vbscript"];

/// The default nesting limit (see [`HtmlOptions::max_nesting_depth`]).
pub const DEFAULT_MAX_NESTING_DEPTH: usize = 1536;

/// The default input limit: 1 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 1 << 20;

/// A sanitizer profile (JS: the `options` of `sanitizeHtml`; camelCase in
/// JSON, unknown fields rejected). Defaults are the safe profile described
/// in the [module docs](super). Names are case-insensitive (stored lower-case).
///
/// ```
/// use fieldguard::html::HtmlOptions;
/// let o: HtmlOptions = serde_json::from_str(r#"{"addTags": ["section"], "linkRel": null}"#).unwrap();
/// assert_eq!(o.add_tags, ["section"]);
/// assert_eq!(o.link_rel, None);
/// assert_eq!(HtmlOptions::default().url_schemes, ["http", "https", "mailto", "tel"]);
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct HtmlOptions {
    /// Allowed tags. Default [`DEFAULT_TAGS`].
    pub tags: Vec<String>,
    /// Tags allowed in addition to `tags`. Default none.
    pub add_tags: Vec<String>,
    /// Attributes allowed per tag. Default: see the module docs.
    pub tag_attributes: BTreeMap<String, Vec<String>>,
    /// Attributes allowed on every allowed tag. Default `lang`, `title`, `dir`.
    pub generic_attributes: Vec<String>,
    /// Allowed schemes of absolute URLs in `href`, `src` and `cite`.
    /// Default `http`, `https`, `mailto`, `tel` (DOMPurify's and ammonia's
    /// defaults keep `tel:` links too).
    pub url_schemes: Vec<String>,
    /// Keep relative URLs (`/a`, `b.png`, `#top`). Default `true`.
    pub relative_urls: bool,
    /// The `rel` set on every `<a>`, replacing any from the input; `null`
    /// leaves links alone. Default `"noopener noreferrer"`.
    pub link_rel: Option<String>,
    /// Remove comments. Default `true`.
    pub strip_comments: bool,
    /// Per tag, the only classes kept in `class` (others are removed).
    /// Default none (no `class` at all).
    pub allowed_classes: BTreeMap<String, Vec<String>>,
    /// Longer input is `INPUT_TOO_LARGE`. Default 1 MiB (1048576).
    pub max_input_bytes: u64,
    /// Input that may nest deeper is `INPUT_TOO_LARGE` (parse time grows
    /// with depth × tags). The depth is estimated before parsing, as 3 × the
    /// nesting of the tags as written (implied `tbody`/`tr` included), so
    /// 1536 admits about 512 levels of explicit nesting — Chromium's own DOM
    /// depth cap. Default 1536.
    pub max_nesting_depth: usize,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        let v = |names: &[&str]| names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let tag_attributes = [
            ("a", &["href", "hreflang"][..]),
            ("img", &["src", "alt", "width", "height"]),
            ("blockquote", &["cite"]),
            ("q", &["cite"]),
            ("del", &["cite", "datetime"]),
            ("ins", &["cite", "datetime"]),
            ("time", &["datetime"]),
            ("ol", &["start", "reversed"]),
            ("li", &["value"]),
            ("td", &["colspan", "rowspan", "headers"]),
            ("th", &["colspan", "rowspan", "headers", "scope", "abbr"]),
            ("col", &["span"]),
            ("colgroup", &["span"]),
        ]
        .into_iter()
        .map(|(tag, attrs)| (tag.to_owned(), v(attrs)))
        .collect();
        Self {
            tags: v(DEFAULT_TAGS),
            add_tags: Vec::new(),
            tag_attributes,
            generic_attributes: v(&["lang", "title", "dir"]),
            url_schemes: v(&["http", "https", "mailto", "tel"]),
            relative_urls: true,
            link_rel: Some("noopener noreferrer".to_owned()),
            strip_comments: true,
            allowed_classes: BTreeMap::new(),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_nesting_depth: DEFAULT_MAX_NESTING_DEPTH,
        }
    }
}

fn invalid(detail: String) -> Error {
    Error::with(ErrorKind::InvalidArgument, detail)
}

/// Lower-case and check every name of a list; `what` names the option.
fn names(list: &[String], what: &str, valid: fn(&str) -> bool) -> Result<Vec<String>> {
    list.iter()
        .enumerate()
        .map(|(i, name)| {
            let name = name.to_ascii_lowercase();
            if valid(&name) {
                Ok(name)
            } else {
                Err(invalid(format!("{what}[{i}] is not a valid name")))
            }
        })
        .collect()
}

fn tag_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn attribute_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_:.".contains(c))
}

fn scheme_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+-.".contains(c))
}

fn check_tags(list: &[String], what: &str) -> Result<()> {
    for tag in list {
        if let Some(bad) = FORBIDDEN_TAGS.iter().find(|t| **t == tag) {
            return Err(invalid(format!("{what}: <{bad}> cannot be allowed")));
        }
    }
    Ok(())
}

fn check_attributes(list: &[String], what: &str) -> Result<()> {
    for attr in list {
        if attr.starts_with("on") {
            return Err(invalid(format!(
                "{what}: event handler attributes (on*) cannot be allowed"
            )));
        }
        if let Some(bad) = FORBIDDEN_ATTRIBUTES.iter().find(|a| **a == attr) {
            return Err(invalid(format!("{what}: \"{bad}\" cannot be allowed")));
        }
    }
    Ok(())
}

impl HtmlOptions {
    /// Lower-cased copy, or `INVALID_ARGUMENT` for an unsafe or
    /// contradictory profile (ammonia would panic on the latter).
    pub(super) fn validated(&self) -> Result<Self> {
        let tags = names(&self.tags, "tags", tag_name)?;
        let add_tags = names(&self.add_tags, "addTags", tag_name)?;
        check_tags(&tags, "tags")?;
        check_tags(&add_tags, "addTags")?;
        let generic_attributes = names(
            &self.generic_attributes,
            "genericAttributes",
            attribute_name,
        )?;
        check_attributes(&generic_attributes, "genericAttributes")?;
        let mut tag_attributes = BTreeMap::new();
        for (tag, attrs) in &self.tag_attributes {
            let key = tag.to_ascii_lowercase();
            if !tag_name(&key) {
                return Err(invalid(
                    "tagAttributes has a key that is not a valid tag name".into(),
                ));
            }
            // ammonia panics on attributes for a tag it removes with content.
            check_tags(std::slice::from_ref(&key), "tagAttributes")?;
            let attrs = names(attrs, &format!("tagAttributes.{key}"), attribute_name)?;
            check_attributes(&attrs, &format!("tagAttributes.{key}"))?;
            tag_attributes
                .entry(key)
                .or_insert_with(Vec::new)
                .extend(attrs);
        }
        let url_schemes = names(&self.url_schemes, "urlSchemes", scheme_name)?;
        if let Some(bad) = url_schemes
            .iter()
            .find_map(|s| FORBIDDEN_SCHEMES.iter().find(|f| **f == s))
        {
            return Err(invalid(format!("urlSchemes: \"{bad}:\" cannot be allowed")));
        }
        let mut allowed_classes = BTreeMap::new();
        for (tag, classes) in &self.allowed_classes {
            let key = tag.to_ascii_lowercase();
            if !tag_name(&key) {
                return Err(invalid(
                    "allowedClasses has a key that is not a valid tag name".into(),
                ));
            }
            if classes
                .iter()
                .any(|c| c.is_empty() || c.contains(char::is_whitespace))
            {
                return Err(invalid(format!(
                    "allowedClasses.{key}: a class must be non-empty without spaces"
                )));
            }
            allowed_classes
                .entry(key)
                .or_insert_with(Vec::new)
                .extend(classes.iter().cloned());
        }
        // The two contradictions ammonia asserts on (see ammonia::Builder).
        let rel_allowed = generic_attributes.iter().any(|a| a == "rel")
            || tag_attributes
                .get("a")
                .is_some_and(|a| a.iter().any(|a| a == "rel"));
        if self.link_rel.is_some() && rel_allowed {
            return Err(invalid(
                "\"rel\" cannot be an allowed attribute of links while linkRel is set \
                 (set linkRel to null to keep rel from the input)"
                    .into(),
            ));
        }
        if !allowed_classes.is_empty() {
            let class_anywhere = generic_attributes.iter().any(|a| a == "class");
            let class_on_tag = allowed_classes.keys().any(|tag| {
                tag_attributes
                    .get(tag)
                    .is_some_and(|a| a.iter().any(|a| a == "class"))
            });
            if class_anywhere || class_on_tag {
                return Err(invalid(
                    "\"class\" cannot be an allowed attribute of a tag that has allowedClasses"
                        .into(),
                ));
            }
        }
        if let Some(rel) = &self.link_rel {
            if rel.chars().any(char::is_control) {
                return Err(invalid("linkRel contains a control character".into()));
            }
        }
        Ok(Self {
            tags,
            add_tags,
            tag_attributes,
            generic_attributes,
            url_schemes,
            relative_urls: self.relative_urls,
            link_rel: self.link_rel.clone(),
            strip_comments: self.strip_comments,
            allowed_classes,
            max_input_bytes: self.max_input_bytes,
            max_nesting_depth: self.max_nesting_depth,
        })
    }
}
