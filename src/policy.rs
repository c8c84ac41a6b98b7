//! Field rules: one declarative policy that says what happens to each field.
//!
//! A policy is a JSON document; the same file is applied by Rust services,
//! the CLI (`fieldguard check --policy`), and the wasm API in browsers, Node
//! and Deno, so a form and the service behind it enforce identical rules.
//!
//! ```json
//! {
//!   "version": 1,
//!   "fields": {
//!     "user.name":   { "clean": { "preset": "name" }, "onViolation": "clean" },
//!     "user.email":  { "required": true, "validate": { "type": "email" } },
//!     "user.age":    { "validate": { "type": "integer", "min": "0", "max": "150" } },
//!     "comment":     { "clean": {}, "detect": { "minConfidence": 70 } },
//!     "orders[*].note": { "clean": { "maxLength": 500 }, "onViolation": "clean" }
//!   }
//! }
//! ```
//!
//! Each key of `fields` is a [`FieldPath`](crate::FieldPath); each value is a
//! [`FieldRule`]. For every value a path selects, the rule runs these steps in
//! order, each optional:
//!
//! 1. **type** — strings are checked; a JSON number is accepted only by an
//!    `integer` or `decimal` validator (it is checked as its exact decimal
//!    text, so no float rounding); `null` passes unless `"nullable": false`;
//!    anything else is a `TYPE_MISMATCH` violation.
//! 2. **`clean`** — [`text::clean`](crate::text::clean) with the given options.
//!    Its changes are reported; a clean option set to *reject* turns into a
//!    `CLEAN_REJECTED` violation.
//! 3. **`html`** (cargo feature `html`) — sanitize the value as HTML with the
//!    given [`HtmlOptions`](crate::html::HtmlOptions); a change is reported as
//!    `sanitized-html`.
//! 4. **`validate`** — a [`Validator`](crate::validate::Validator) such as
//!    `{"type": "email"}`. A valid value is replaced by its canonical form; an
//!    invalid one is a violation whose reason is the validator's code.
//! 5. **`detect`** — [`detect`](crate::detect::detect) injection payloads; any
//!    finding is an `INJECTION` violation naming the category and rule.
//!
//! A path that selects nothing is fine unless `"required": true` (a
//! `REQUIRED` violation). On a violation, `onViolation` decides:
//! `"reject"` (the default) fails the whole record with `VALUE_INVALID`, and
//! `"clean"` keeps the cleaned value when cleaning fixed it, or replaces a
//! value that cannot be fixed (invalid, or carrying an injection) with
//! `null` — an invalid value is never passed on. Either way the
//! [`PolicyReport`] lists what happened. Reports and errors name fields and
//! reason codes, never values.
//!
//! # One schema that grows
//!
//! Unknown keys are rejected at every level, so a policy written for a newer
//! fieldguard fails loudly (`POLICY_INVALID`) on an older one instead of being
//! half-applied. Later versions add steps (masking, pseudonymization,
//! encryption of PII) as new optional keys of [`FieldRule`], keeping
//! `"version": 1` documents valid.

use crate::detect::{self, Category, DetectOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::records::{type_name, FieldPath};
use crate::text::{self, CleanOptions};
use crate::validate::Validator;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};
use std::str::FromStr;

/// What to do when a value breaks its rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum OnViolation {
    /// Fail the record with a `VALUE_INVALID` error naming the field and the
    /// reason. The default: the safe choice for service boundaries.
    #[default]
    Reject,
    /// Keep what cleaning fixed; replace a value that cannot be fixed with
    /// `null`; report every violation. For forms and test-data pipelines.
    Clean,
}

/// The rule for one field. Every key is optional; see the [module
/// docs](self) for the order the steps run in.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct FieldRule {
    /// The path must select at least one value. Default `false`.
    pub required: bool,
    /// `null` is acceptable. Default `true`.
    #[serde(default = "yes")]
    pub nullable: bool,
    /// Canonicalize and clean the text first.
    pub clean: Option<CleanOptions>,
    /// Sanitize the value as HTML (needs the `html` feature; a policy that
    /// uses it is `POLICY_INVALID` in builds without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<Value>,
    /// Check the type and replace the value with its canonical form.
    pub validate: Option<Validator>,
    /// Look for injection payloads.
    pub detect: Option<DetectOptions>,
    /// What a violation does. Default `reject`.
    pub on_violation: OnViolation,
}

fn yes() -> bool {
    true
}

/// A field rule, parsed and ready to run (the HTML profile built once).
#[derive(Debug)]
struct CompiledRule {
    path: FieldPath,
    name: String,
    rule: FieldRule,
    #[cfg(feature = "html")]
    html: Option<crate::html::HtmlSanitizer>,
}

/// A parsed policy. Build it once and apply it to many records.
///
/// ```
/// use fieldguard::policy::Policy;
/// use serde_json::json;
///
/// let policy = Policy::from_json(r#"{"version": 1, "fields": {
///     "email": {"validate": {"type": "email"}},
///     "name": {"clean": {"preset": "name"}, "onViolation": "clean"}
/// }}"#)?;
/// let mut record = json!({"email": "Alice@EXAMPLE.com", "name": "  Zoë\u{200B}  Smith "});
/// let report = policy.apply(&mut record)?;
/// assert_eq!(record, json!({"email": "Alice@example.com", "name": "Zoë Smith"}));
/// assert!(report.violations().next().is_none());
///
/// let mut bad = json!({"email": "not an email"});
/// let err = policy.apply(&mut bad).unwrap_err();
/// assert_eq!(err.code(), "VALUE_INVALID");
/// assert!(!err.to_string().contains("not an email")); // values never leak into errors
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Debug)]
pub struct Policy {
    rules: Vec<CompiledRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u32,
    #[serde(default)]
    fields: Map<String, Value>,
}

impl Policy {
    /// Parse a policy document. Errors are `POLICY_INVALID` and say where:
    /// the field path and, for JSON syntax, the line and column.
    pub fn from_json(json: &str) -> Result<Self> {
        let doc: Document = serde_json::from_str(json)
            .map_err(|e| Error::with(ErrorKind::PolicyInvalid, crate::error::json_position(&e)))?;
        if doc.version != 1 {
            return Err(Error::with(
                ErrorKind::PolicyInvalid,
                format!(
                    "unsupported version {} (this fieldguard reads version 1)",
                    doc.version
                ),
            ));
        }
        let mut rules = Vec::with_capacity(doc.fields.len());
        for (name, value) in doc.fields {
            let bad = |detail: String| {
                Error::with(ErrorKind::PolicyInvalid, format!("field {name}: {detail}"))
            };
            let path = FieldPath::from_str(&name).map_err(|e| bad(e.to_string()))?;
            // Option documents are configuration, not personal data, so serde's
            // message (which may quote an option value) is safe to show.
            let rule: FieldRule = serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
            #[cfg(feature = "html")]
            let html = match &rule.html {
                None => None,
                Some(options) => {
                    let options: crate::html::HtmlOptions = serde_json::from_value(options.clone())
                        .map_err(|e| bad(format!("html: {e}")))?;
                    Some(
                        crate::html::HtmlSanitizer::from_options(&options)
                            .map_err(|e| bad(format!("html: {}", e.detail())))?,
                    )
                }
            };
            #[cfg(not(feature = "html"))]
            if rule.html.is_some() {
                return Err(bad(
                    "\"html\" needs a fieldguard built with the html feature (the wasm html entry)"
                        .into(),
                ));
            }
            if let Some(clean) = &rule.clean {
                // Surface bad clean options now, not on the first record.
                text::clean("", clean).map_err(|e| bad(format!("clean: {}", e.detail())))?;
            }
            rules.push(CompiledRule {
                name: path.to_string(),
                path,
                rule,
                #[cfg(feature = "html")]
                html,
            });
        }
        Ok(Self { rules })
    }

    /// The field paths this policy has rules for, in document order.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.name.as_str())
    }

    /// Apply every rule to `record` in place. With `onViolation: "reject"`
    /// the first violation returns `VALUE_INVALID` (the detail names the
    /// field and the reason code) and `record` must be discarded; otherwise
    /// the report says what changed and which violations were cleaned.
    pub fn apply(&self, record: &mut Value) -> Result<PolicyReport> {
        let mut report = PolicyReport::default();
        for compiled in &self.rules {
            let mut field = FieldReport {
                field: compiled.name.clone(),
                changes: Vec::new(),
                violations: Vec::new(),
            };
            let mut seen = false;
            compiled.path.for_each_mut(record, &mut |value| {
                seen = true;
                compiled.apply_value(value, &mut field)
            })?;
            if !seen && compiled.rule.required {
                let violation = Violation::new("REQUIRED", "the field is missing");
                compiled.violate(violation, None, &mut field)?;
            }
            if !field.changes.is_empty() || !field.violations.is_empty() {
                report.fields.push(field);
            }
        }
        Ok(report)
    }

    /// Apply the rule for `field` (a path exactly as written in the policy,
    /// or its canonical spelling) to one value, as a form does for one input.
    /// `INVALID_ARGUMENT` if the policy has no rule for `field`.
    pub fn apply_field(&self, field: &str, value: &mut Value) -> Result<PolicyReport> {
        let canonical = FieldPath::from_str(field)?.to_string();
        let compiled = self
            .rules
            .iter()
            .find(|r| r.name == canonical)
            .ok_or_else(|| {
                Error::invalid_argument(format!("the policy has no rule for {field}"))
            })?;
        let mut report = FieldReport {
            field: compiled.name.clone(),
            changes: Vec::new(),
            violations: Vec::new(),
        };
        compiled.apply_value(value, &mut report)?;
        let mut out = PolicyReport::default();
        if !report.changes.is_empty() || !report.violations.is_empty() {
            out.fields.push(report);
        }
        Ok(out)
    }
}

impl CompiledRule {
    fn apply_value(&self, value: &mut Value, report: &mut FieldReport) -> Result<()> {
        let rule = &self.rule;
        let numeric = matches!(
            rule.validate,
            Some(Validator::Integer(_)) | Some(Validator::Decimal(_))
        );
        let mut text = match value {
            Value::Null if rule.nullable => return Ok(()),
            Value::Null => {
                let v = Violation::new("NULL_NOT_ALLOWED", "the field is null");
                return self.violate(v, None, report);
            }
            Value::String(s) => std::mem::take(s),
            Value::Number(n) if numeric => n.to_string(),
            _ => {
                let v = Violation::new(
                    "TYPE_MISMATCH",
                    format!("expected {}, found {}", self.expected(), type_name(value)),
                );
                return self.violate(v, Some(value), report);
            }
        };
        let was_number = value.is_number();

        if let Some(options) = &rule.clean {
            match text::clean(&text, options) {
                Ok(cleaned) => {
                    for change in &cleaned.changes {
                        push_unique(&mut report.changes, change.kind.name());
                    }
                    text = cleaned.value;
                }
                Err(e) if e.kind() == ErrorKind::ValueInvalid => {
                    let v = Violation::new("CLEAN_REJECTED", e.detail().to_owned());
                    return self.violate(v, Some(value), report);
                }
                Err(e) => return Err(e.context(format!("field {}", self.name))),
            }
        }

        #[cfg(feature = "html")]
        if let Some(sanitizer) = &self.html {
            let clean = sanitizer
                .sanitize(&text)
                .map_err(|e| e.context(format!("field {}", self.name)))?;
            if clean != text {
                push_unique(&mut report.changes, "sanitized-html");
                text = clean;
            }
        }

        if let Some(validator) = &rule.validate {
            match validator.validate(&text) {
                Ok(valid) => {
                    if valid.value != text {
                        push_unique(&mut report.changes, "canonicalized");
                    }
                    text = valid.value;
                }
                Err(invalid) => {
                    let v = Violation::new(invalid.reason.code(), invalid.message.clone());
                    return self.violate(v, Some(value), report);
                }
            }
        }

        if let Some(options) = &rule.detect {
            let findings = detect::detect(&text, options)
                .map_err(|e| e.context(format!("field {}", self.name)))?;
            if let Some(top) = findings.iter().max_by_key(|f| f.confidence) {
                let mut v = Violation::new(
                    "INJECTION",
                    format!(
                        "looks like {} injection (rule {}, confidence {})",
                        category_name(top.category),
                        top.rule,
                        top.confidence
                    ),
                );
                v.category = Some(top.category);
                return self.violate(v, Some(value), report);
            }
        }

        *value = if was_number {
            // The canonical form of a valid number is a valid JSON number.
            Number::from_str(&text)
                .map(Value::Number)
                .unwrap_or(Value::String(text))
        } else {
            Value::String(text)
        };
        Ok(())
    }

    /// Record a violation; reject mode turns it into an error.
    fn violate(
        &self,
        mut violation: Violation,
        value: Option<&mut Value>,
        report: &mut FieldReport,
    ) -> Result<()> {
        match self.rule.on_violation {
            OnViolation::Reject => Err(Error::with(
                ErrorKind::ValueInvalid,
                format!(
                    "field {}: {}: {}",
                    self.name, violation.reason, violation.message
                ),
            )),
            OnViolation::Clean => {
                violation.action = match value {
                    Some(v) => {
                        *v = Value::Null;
                        ViolationAction::Nulled
                    }
                    None => ViolationAction::Reported,
                };
                report.violations.push(violation);
                Ok(())
            }
        }
    }

    fn expected(&self) -> &'static str {
        match self.rule.validate {
            Some(Validator::Integer(_)) | Some(Validator::Decimal(_)) => "a string or a number",
            _ => "a string",
        }
    }
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_owned());
    }
}

fn category_name(category: Category) -> String {
    serde_json::to_value(category)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// What a policy did to one record. Serializes as
/// `{"fields": [{"field", "changes", "violations"}]}`; fields with nothing to
/// report are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PolicyReport {
    /// One entry per field rule that changed a value or saw a violation.
    pub fields: Vec<FieldReport>,
}

impl PolicyReport {
    /// Every violation, across fields.
    pub fn violations(&self) -> impl Iterator<Item = (&str, &Violation)> {
        self.fields
            .iter()
            .flat_map(|f| f.violations.iter().map(move |v| (f.field.as_str(), v)))
    }

    /// Whether nothing was changed and nothing violated a rule.
    pub fn is_clean(&self) -> bool {
        self.fields.is_empty()
    }
}

/// The report for one field rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FieldReport {
    /// The rule's field path, canonical spelling.
    pub field: String,
    /// Kinds of changes made (`trimmed`, `removed-bidi`, `canonicalized`, …),
    /// each once, in the order first seen.
    pub changes: Vec<String>,
    /// Violations handled by `onViolation: "clean"`.
    pub violations: Vec<Violation>,
}

/// A value that broke its rule. Never contains the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Violation {
    /// Stable reason code: a validator reason (`EMAIL_DOMAIN_INVALID`, …),
    /// `REQUIRED`, `NULL_NOT_ALLOWED`, `TYPE_MISMATCH`, `CLEAN_REJECTED` or
    /// `INJECTION`.
    pub reason: String,
    /// For people; may change between versions.
    pub message: String,
    /// For `INJECTION`, the category with the highest confidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// What was done about it.
    pub action: ViolationAction,
}

impl Violation {
    fn new(reason: &str, message: impl Into<String>) -> Self {
        Self {
            reason: reason.to_owned(),
            message: message.into(),
            category: None,
            action: ViolationAction::Reported,
        }
    }
}

/// What `onViolation: "clean"` did with a violating value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ViolationAction {
    /// The value could not be fixed and was replaced with `null`.
    Nulled,
    /// Nothing to replace (a missing required field); reported only.
    Reported,
}
