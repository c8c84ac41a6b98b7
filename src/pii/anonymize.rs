//! Free-text anonymization: scan, then replace every finding with the
//! result of its type's operator.
//!
//! [`AnonymizeOptions`] is one JSON document, the same in Rust, JS, the CLI
//! and the `pii` section of a [policy](crate::policy):
//!
//! ```json
//! {
//!   "scan": { "minScore": 60 },
//!   "operators": { "EMAIL_ADDRESS": { "op": "pseudonymize" },
//!                  "CREDIT_CARD":   { "op": "mask", "keepLast": 4 } },
//!   "defaultOperator": { "op": "replace" }
//! }
//! ```
//!
//! Every finding is replaced, left to right (findings never overlap). Its
//! operator is `operators[type]`, else `defaultOperator` (default `replace`,
//! giving `<EMAIL_ADDRESS>`). The operator sees the finding's entity type,
//! so `pseudonymize` keeps the format of that type.
//!
//! # When an operator cannot read a finding
//!
//! `generalize` with a bucket over an email, or `date-shift` over a date the
//! recognizer read differently, fails with `VALUE_INVALID` on a single
//! value. In free text that would leave the caller with nothing but an
//! error, or tempt them to pass the text on unchanged, so the finding is
//! replaced by the `<TYPE>` tag instead and its [item](AnonymizedItem) says
//! `fallback: true`. The PII never survives. Configuration errors (a keyed
//! operator without a keyring) are still errors.
//!
//! # From other runtimes
//!
//! JS `anonymizeText`, C `fg_anonymize_text` and the shared test vectors
//! send one JSON object, [`AnonymizeTextRequest`]: these options plus the
//! operator context's `context` and `subject`. The adapters only convert
//! their types into it and the result back
//! ([`Anonymized::with_utf16_offsets`] for JS).

use super::operators::{apply, Operator, OperatorContext, Replace};
use super::recognize::{RecognizeOptions, Recognizer};
use super::EntityType;
use crate::error::{ErrorKind, Result};
use crate::Keyring;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How to anonymize free text: what to look for and what to do with it.
///
/// ```
/// use fieldguard::pii::anonymize::AnonymizeOptions;
/// let o: AnonymizeOptions = serde_json::from_str(
///     r#"{"operators": {"EMAIL_ADDRESS": {"op": "mask", "keepDomain": true}}}"#,
/// ).unwrap();
/// assert_eq!(o.operators.len(), 1);
/// assert_eq!(o.scan.min_score, 50); // the scan defaults
/// assert!(serde_json::from_str::<AnonymizeOptions>(r#"{"operator": {}}"#).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct AnonymizeOptions {
    /// What to look for. Default: [`RecognizeOptions::default`].
    pub scan: RecognizeOptions,
    /// The operator for each entity type. Default empty.
    pub operators: BTreeMap<EntityType, Operator>,
    /// The operator for types not in `operators`. Default `replace`
    /// (`<EMAIL_ADDRESS>`).
    pub default_operator: Operator,
}

impl Default for AnonymizeOptions {
    fn default() -> Self {
        Self {
            scan: RecognizeOptions::default(),
            operators: BTreeMap::new(),
            default_operator: Operator::Replace(Replace::default()),
        }
    }
}

impl AnonymizeOptions {
    /// Use `operator` for findings of type `entity_type`.
    ///
    /// ```
    /// use fieldguard::pii::{anonymize::AnonymizeOptions, operators::{Operator, Redact}, EntityType};
    /// let o = AnonymizeOptions::default().operator(EntityType::UsSsn, Operator::Redact(Redact::default()));
    /// assert!(o.operators.contains_key(&EntityType::UsSsn));
    /// ```
    pub fn operator(mut self, entity_type: EntityType, operator: Operator) -> Self {
        self.operators.insert(entity_type, operator);
        self
    }
}

/// An anonymizer built once from [`AnonymizeOptions`] and reused.
///
/// ```
/// use fieldguard::pii::anonymize::{AnonymizeOptions, Anonymizer};
/// use fieldguard::pii::operators::OperatorContext;
/// let a = Anonymizer::new(&AnonymizeOptions::default())?;
/// let out = a.anonymize("mail bob@example.com, card 4111 1111 1111 1111", &OperatorContext::new())?;
/// assert_eq!(out.text, "mail <EMAIL_ADDRESS>, card <CREDIT_CARD>");
/// assert_eq!(out.items.len(), 2);
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Anonymizer {
    scanner: Recognizer,
    /// Indexed by `EntityType as usize`; `None` → the default operator.
    operators: Vec<Option<Operator>>,
    default_operator: Operator,
    needs_keyring: bool,
}

impl Anonymizer {
    /// Check the options (scan options and every operator's options) and
    /// build the anonymizer. Errors are `INVALID_ARGUMENT`.
    ///
    /// ```
    /// use fieldguard::pii::anonymize::{AnonymizeOptions, Anonymizer};
    /// let bad: AnonymizeOptions =
    ///     serde_json::from_str(r#"{"defaultOperator": {"op": "hash", "length": 99}}"#).unwrap();
    /// assert_eq!(Anonymizer::new(&bad).unwrap_err().code(), "INVALID_ARGUMENT");
    /// ```
    pub fn new(options: &AnonymizeOptions) -> Result<Self> {
        Self::build(&options.scan, &options.operators, &options.default_operator)
    }

    /// [`Anonymizer::new`] from the parts, which [`AnonymizeTextRequest`]
    /// holds too.
    fn build(
        scan: &RecognizeOptions,
        by_type: &BTreeMap<EntityType, Operator>,
        default_operator: &Operator,
    ) -> Result<Self> {
        let scanner = Recognizer::new(scan)?;
        default_operator
            .check()
            .map_err(|e| e.context("defaultOperator"))?;
        let mut operators = vec![None; EntityType::ALL.len()];
        for (t, op) in by_type {
            op.check()
                .map_err(|e| e.context(format!("operators.{}", t.name())))?;
            operators[*t as usize] = Some(op.clone());
        }
        let needs_keyring =
            default_operator.needs_keyring() || by_type.values().any(Operator::needs_keyring);
        Ok(Self {
            scanner,
            operators,
            default_operator: default_operator.clone(),
            needs_keyring,
        })
    }

    /// Whether some operator needs a keyring (`hash`, `pseudonymize`,
    /// `encrypt`, `date-shift`), so callers can refuse early.
    ///
    /// ```
    /// use fieldguard::pii::anonymize::{AnonymizeOptions, Anonymizer};
    /// assert!(!Anonymizer::new(&AnonymizeOptions::default())?.needs_keyring());
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn needs_keyring(&self) -> bool {
        self.needs_keyring
    }

    /// The operator used for findings of `entity_type`.
    pub(crate) fn operator_for(&self, entity_type: EntityType) -> &Operator {
        self.operators
            .get(entity_type as usize)
            .and_then(Option::as_ref)
            .unwrap_or(&self.default_operator)
    }

    /// Replace every finding in `text`. `ctx` supplies the keyring, the
    /// context (for `encrypt`/`hash`) and the subject (for `date-shift`);
    /// its entity type is ignored (each finding brings its own).
    ///
    /// Errors: `INPUT_TOO_LARGE` over `scan.maxInputBytes`;
    /// `INVALID_ARGUMENT` when a keyed operator is needed and `ctx` has no
    /// keyring. The error is raised before any work if the options need a
    /// keyring, not only when a finding happens to need it, so a
    /// misconfiguration does not hide behind PII-free test input.
    ///
    /// ```
    /// use fieldguard::pii::anonymize::{AnonymizeOptions, Anonymizer};
    /// use fieldguard::pii::{operators::{Operator, OperatorContext, Pseudonymize}, EntityType};
    /// use fieldguard::Keyring;
    /// let options = AnonymizeOptions::default()
    ///     .operator(EntityType::EmailAddress, Operator::Pseudonymize(Pseudonymize::default()));
    /// let a = Anonymizer::new(&options)?;
    /// assert_eq!(a.anonymize("no pii", &OperatorContext::new()).unwrap_err().code(), "INVALID_ARGUMENT");
    ///
    /// let keyring = Keyring::generate()?;
    /// let ctx = OperatorContext::new().keyring(&keyring);
    /// let once = a.anonymize("write to ana@example.org", &ctx)?;
    /// assert!(once.text.ends_with("@example.org") && !once.text.contains("ana@"));
    /// assert_eq!(once.text, a.anonymize("write to ana@example.org", &ctx)?.text);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn anonymize(&self, text: &str, ctx: &OperatorContext) -> Result<Anonymized> {
        self.anonymize_in_field(text, None, ctx)
    }

    /// [`anonymize`](Self::anonymize) the value of a field: its name (the
    /// field's own key) is context evidence, as in
    /// [`Recognizer::find_in_field`](crate::pii::recognize::Recognizer::find_in_field).
    ///
    /// ```
    /// use fieldguard::pii::anonymize::{AnonymizeOptions, Anonymizer};
    /// use fieldguard::pii::operators::OperatorContext;
    /// let a = Anonymizer::new(&AnonymizeOptions::default())?;
    /// let ctx = OperatorContext::new();
    /// assert_eq!(a.anonymize_in_field("6034423667", Some("phone"), &ctx)?.text, "<PHONE_NUMBER>");
    /// assert_eq!(a.anonymize_in_field("6034423667", None, &ctx)?.text, "6034423667");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn anonymize_in_field(
        &self,
        text: &str,
        field: Option<&str>,
        ctx: &OperatorContext,
    ) -> Result<Anonymized> {
        self.anonymize_with(text, field, &[], ctx)
    }

    /// The type of `text` when one finding covers all of it (trimmed) and
    /// is a name, place or street address typed by the field name `field`:
    /// the whole value that field's anonymization replaces.
    pub(crate) fn whole_value_type(&self, text: &str, field: &str) -> Result<Option<EntityType>> {
        use EntityType::{Location, PersonName, StreetAddress};
        let v = text.trim();
        let start = text.len() - text.trim_start().len();
        let found = self.scanner.try_find_in_field(text, Some(field))?;
        Ok(match found.as_slice() {
            [f] if f.start == start
                && f.end == start + v.len()
                && matches!(f.entity_type, PersonName | Location | StreetAddress) =>
            {
                Some(f.entity_type)
            }
            _ => None,
        })
    }

    /// [`anonymize_in_field`](Self::anonymize_in_field) with spans decided
    /// by the caller (the policy's known values): each [`Preset`] is
    /// replaced by its replacement and wins over any finding it overlaps.
    /// `presets` must be sorted by start and not overlap; a preset without
    /// an entity type yields no item.
    pub fn anonymize_with(
        &self,
        text: &str,
        field: Option<&str>,
        presets: &[Preset],
        ctx: &OperatorContext,
    ) -> Result<Anonymized> {
        if self.needs_keyring && ctx.keyring.is_none() {
            return Err(crate::error::Error::with(
                ErrorKind::InvalidArgument,
                "these operators need a keyring (hash, pseudonymize, encrypt or date-shift)",
            ));
        }
        let mut findings = self.scanner.try_find_in_field(text, field)?;
        if !presets.is_empty() {
            findings.retain(|f| !presets.iter().any(|p| p.start < f.end && f.start < p.end));
        }
        let mut presets = presets.iter().peekable();
        let mut out = String::with_capacity(text.len());
        let mut items = Vec::with_capacity(findings.len());
        let mut copied = 0;
        let mut findings = findings.into_iter().peekable();
        loop {
            let preset_next = match (presets.peek(), findings.peek()) {
                (Some(p), Some(f)) => p.start < f.start,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if preset_next {
                let Some(p) = presets.next() else { break };
                if p.start < copied
                    || p.end > text.len()
                    || !text.is_char_boundary(p.start)
                    || !text.is_char_boundary(p.end)
                {
                    continue;
                }
                out.push_str(&text[copied..p.start]);
                let start = out.len();
                out.push_str(&p.replacement);
                if let Some(t) = p.entity_type {
                    items.push(AnonymizedItem {
                        entity_type: t,
                        start,
                        end: out.len(),
                        operator: p.operator,
                        fallback: false,
                    });
                }
                copied = p.end;
                continue;
            }
            let Some(finding) = findings.next() else {
                break;
            };
            out.push_str(&text[copied..finding.start]);
            let value = &text[finding.start..finding.end];
            let operator = self.operator_for(finding.entity_type);
            let typed = OperatorContext {
                entity_type: Some(finding.entity_type),
                ..*ctx
            };
            let start = out.len();
            let fallback = match apply(operator, value, &typed) {
                Ok(replacement) => {
                    out.push_str(&replacement);
                    false
                }
                Err(e) if e.kind() == ErrorKind::ValueInvalid => {
                    out.push('<');
                    out.push_str(finding.entity_type.name());
                    out.push('>');
                    true
                }
                Err(e) => return Err(e.context(finding.entity_type.name())),
            };
            items.push(AnonymizedItem {
                entity_type: finding.entity_type,
                start,
                end: out.len(),
                operator: operator.name(),
                fallback,
            });
            copied = finding.end;
        }
        out.push_str(&text[copied..]);
        Ok(Anonymized { text: out, items })
    }
}

/// A span of the text whose replacement the caller decided (see
/// [`Anonymizer::anonymize_with`]): UTF-8 byte offsets into the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Start (inclusive), a char boundary.
    pub start: usize,
    /// End (exclusive), a char boundary.
    pub end: usize,
    /// The type reported for it (`None`: no item).
    pub entity_type: Option<EntityType>,
    /// What replaces the span.
    pub replacement: String,
    /// The operator name reported for it.
    pub operator: &'static str,
}

/// Anonymize `text` with `options` (builds an [`Anonymizer`] each call;
/// build one yourself to reuse it).
///
/// ```
/// use fieldguard::pii::anonymize::{anonymize_text, AnonymizeOptions};
/// use fieldguard::pii::operators::OperatorContext;
/// let options: AnonymizeOptions = serde_json::from_str(
///     r#"{"operators": {"CREDIT_CARD": {"op": "mask", "keepLast": 4}}}"#).unwrap();
/// let out = anonymize_text("paid with 4111-1111-1111-1111 today", &options, &OperatorContext::new())?;
/// assert_eq!(out.text, "paid with ****-****-****-1111 today");
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn anonymize_text(
    text: &str,
    options: &AnonymizeOptions,
    ctx: &OperatorContext,
) -> Result<Anonymized> {
    Anonymizer::new(options)?.anonymize(text, ctx)
}

/// One anonymize-text call as it arrives from outside Rust: the
/// [`AnonymizeOptions`] and the operator context's `context` and `subject`
/// in one JSON object. It is the JS `AnonymizeTextOptions` and the C
/// `options_json` of `fg_anonymize_text`; every adapter deserializes this
/// one type (unknown keys refused), so the three cannot drift apart.
///
/// ```json
/// { "operators": { "EMAIL_ADDRESS": { "op": "hash" } },
///   "context": "tickets.body", "subject": "user-42" }
/// ```
///
/// ```
/// use fieldguard::pii::anonymize::AnonymizeTextRequest;
/// let request: AnonymizeTextRequest = serde_json::from_str(
///     r#"{"defaultOperator": {"op": "redact"}, "context": "tickets.body"}"#,
/// ).unwrap();
/// assert_eq!(request.context, b"tickets.body");
/// let out = request.anonymize("mail bob@example.com", None)?;
/// assert_eq!(out.text, "mail ");
/// assert!(serde_json::from_str::<AnonymizeTextRequest>(r#"{"contxt": "x"}"#).is_err());
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct AnonymizeTextRequest {
    /// What to look for ([`AnonymizeOptions::scan`]).
    pub scan: RecognizeOptions,
    /// The operator for each entity type ([`AnonymizeOptions::operators`]).
    pub operators: BTreeMap<EntityType, Operator>,
    /// The operator for other types ([`AnonymizeOptions::default_operator`]).
    pub default_operator: Operator,
    /// [`OperatorContext::context`]: in JSON a string (its UTF-8 bytes);
    /// adapters whose callers pass bytes (a JS `Uint8Array`) set the field
    /// themselves. Default empty; `null` counts as absent.
    #[serde(deserialize_with = "string_bytes")]
    pub context: Vec<u8>,
    /// [`OperatorContext::subject`], for `date-shift`. Default none.
    pub subject: Option<String>,
}

impl Default for AnonymizeTextRequest {
    fn default() -> Self {
        let options = AnonymizeOptions::default();
        Self {
            scan: options.scan,
            operators: options.operators,
            default_operator: options.default_operator,
            context: Vec::new(),
            subject: None,
        }
    }
}

impl AnonymizeTextRequest {
    /// Check the options, then anonymize `text` with `keyring` (needed only
    /// by keyed operators) and this request's context and subject. Offsets
    /// are UTF-8 bytes; see [`Anonymized::with_utf16_offsets`] for JS.
    ///
    /// Errors as [`Anonymizer::new`] and [`Anonymizer::anonymize`].
    pub fn anonymize(&self, text: &str, keyring: Option<&Keyring>) -> Result<Anonymized> {
        let anonymizer = Anonymizer::build(&self.scan, &self.operators, &self.default_operator)?;
        let mut ctx = OperatorContext::new().context(&self.context);
        if let Some(subject) = &self.subject {
            ctx = ctx.subject(subject);
        }
        if let Some(keyring) = keyring {
            ctx = ctx.keyring(keyring);
        }
        anonymizer.anonymize(text, &ctx)
    }
}

/// A JSON string as its UTF-8 bytes (`null` as none).
fn string_bytes<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    Ok(Option::<String>::deserialize(d)?
        .map(String::into_bytes)
        .unwrap_or_default())
}

/// The anonymized text and what was replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Anonymized {
    /// The text with every finding replaced.
    pub text: String,
    /// One item per replaced finding, in text order.
    pub items: Vec<AnonymizedItem>,
}

impl Anonymized {
    /// The same result with the items' offsets in UTF-16 code units of the
    /// output text, as the JS API returns them (one walk over the text).
    ///
    /// ```
    /// use fieldguard::pii::anonymize::{anonymize_text, AnonymizeOptions};
    /// use fieldguard::pii::operators::OperatorContext;
    /// let out = anonymize_text("😀 bob@example.com", &AnonymizeOptions::default(), &OperatorContext::new())?;
    /// assert_eq!((out.items[0].start, out.items[0].end), (5, 20)); // bytes
    /// let js = out.with_utf16_offsets();
    /// assert_eq!((js.items[0].start, js.items[0].end), (3, 18));
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    #[must_use]
    pub fn with_utf16_offsets(mut self) -> Self {
        let spans = crate::offsets::utf16(&self.text, self.items.iter().map(|i| (i.start, i.end)));
        for (item, (start, end)) in self.items.iter_mut().zip(spans) {
            item.start = start;
            item.end = end;
        }
        self
    }
}

/// One replaced finding. Offsets locate the *replacement* in the output
/// text (UTF-8 bytes in Rust; the JS API gives UTF-16 offsets). It never
/// holds the original value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AnonymizedItem {
    /// What was found.
    pub entity_type: EntityType,
    /// Start of the replacement in the output, a UTF-8 byte offset.
    pub start: usize,
    /// End of the replacement in the output (exclusive).
    pub end: usize,
    /// The operator that ran (`"mask"`, `"pseudonymize"`, …).
    pub operator: &'static str,
    /// The operator could not read this value and the `<TYPE>` tag was used
    /// instead (see the module docs).
    pub fallback: bool,
}
