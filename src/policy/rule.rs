//! One field rule: the sanitize steps (type, clean, html, validate, detect)
//! and the protect step (anonymize).

use super::known::{self, KnownValues};
use super::report::{FieldReport, Violation, ViolationAction};
use crate::crypto::Keyring;
use crate::detect::{self, Category, DetectOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::path::{context_bytes, type_name, FieldPath, Segment};
use crate::pii::operators::{apply, Operator, OperatorContext};
use crate::pii::recognize::Recognizer;
use crate::pii::EntityType;
use crate::text::{self, CleanOptions};
use crate::validate::Validator;
use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};
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

/// The rule for one field. Every key is optional; see the [policy
/// docs](crate::policy) for the order the steps run in.
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
    /// Protect the whole value with a PII operator, after the sanitize
    /// steps: `{"op": "pseudonymize"}`, `{"op": "encrypt"}`, `{"op":
    /// "drop"}` (removes the field), … Strings and numbers are accepted (a
    /// number stays a number when the result is one); `drop` takes any
    /// value. Default none.
    pub anonymize: Option<Operator>,
    /// The value's entity type for `anonymize`: the pseudonym format, the
    /// `replace` tag, the hash domain. Default: recognized from the value
    /// when a single finding covers all of it (so `PERSON_NAME`, which is
    /// never recognized, must be named), else none (the generic format).
    pub entity: Option<EntityType>,
    /// Whether the policy's PII scan looks inside this field. Default: it
    /// does when `pii.scanAll` is true, and without a `pii` section it does
    /// not (the field is the rule's business; see the [module
    /// docs](super)). A field with `anonymize` is never scanned again.
    pub scan: Option<bool>,
    /// What a violation does. Default `reject`.
    pub on_violation: OnViolation,
}

impl FieldRule {
    /// Whether any sanitize step is set (without one, values of any type
    /// pass untouched to `anonymize`).
    fn sanitizes(&self) -> bool {
        self.clean.is_some()
            || self.html.is_some()
            || self.validate.is_some()
            || self.detect.is_some()
    }
}

fn yes() -> bool {
    true
}

/// A field rule, parsed and ready to run (the HTML profile built once).
#[derive(Debug)]
pub(super) struct CompiledRule {
    pub(super) path: FieldPath,
    pub(super) name: String,
    pub(super) rule: FieldRule,
    #[cfg(feature = "html")]
    pub(super) html: Option<crate::html::HtmlSanitizer>,
}

impl CompiledRule {
    /// Parse and check one rule of the document; errors are
    /// `POLICY_INVALID` naming the field.
    pub(super) fn compile(name: &str, value: Value) -> Result<Self> {
        let bad = |detail: String| {
            Error::with(ErrorKind::PolicyInvalid, format!("field {name}: {detail}"))
        };
        let path = FieldPath::from_str(name).map_err(|e| bad(e.to_string()))?;
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
        if let Some(op) = &rule.anonymize {
            op.check()
                .map_err(|e| bad(format!("anonymize: {}", e.detail())))?;
        }
        // Keys that would silently do nothing are mistakes worth reporting.
        if rule.entity.is_some() && rule.anonymize.is_none() {
            return Err(bad("\"entity\" only applies to \"anonymize\"".into()));
        }
        if rule.scan.is_some() && rule.anonymize.is_some() {
            return Err(bad(
                "a field with \"anonymize\" is never scanned; remove \"scan\"".into(),
            ));
        }
        Ok(Self {
            name: path.to_string(),
            path,
            rule,
            #[cfg(feature = "html")]
            html,
        })
    }

    /// The sanitize steps over one value (see the module docs).
    pub(super) fn sanitize(&self, value: &mut Value, report: &mut FieldReport) -> Result<()> {
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
            _ if !rule.sanitizes() => return Ok(()),
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
                        report.change(change.kind.name());
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
                report.change("sanitized-html");
                text = clean;
            }
        }

        if let Some(validator) = &rule.validate {
            match validator.validate(&text) {
                Ok(valid) => {
                    if valid.value != text {
                        report.change("canonicalized");
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
    pub(super) fn violate(
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

fn category_name(category: Category) -> String {
    serde_json::to_value(category)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// What the protect step of every rule of one record shares.
pub(super) struct Scope<'a> {
    pub(super) keyring: Option<&'a Keyring>,
    pub(super) record_id: Option<String>,
    pub(super) subject: Option<String>,
}

impl Scope<'_> {
    /// The context of the field named `field` (canonical spelling) or of
    /// the concrete location spelled `field`: the path plus the record ID,
    /// as [`field_context`](crate::field_context) builds it.
    pub(super) fn context_for(&self, field: &str) -> Vec<u8> {
        context_bytes(field, self.record_id.as_deref())
    }

    /// The location context of a value found at `at` when it differs from
    /// the field context `field_name` (the rule's path had wildcards).
    pub(super) fn location_for(&self, at: &[Segment], field_name: &str) -> Option<Vec<u8>> {
        let location = FieldPath::concrete(at).to_string();
        (location != field_name).then(|| self.context_for(&location))
    }
}

impl CompiledRule {
    /// The protect step: run `anonymize` over one value (not `drop`, which
    /// the caller does on the parent) found at `at` (its concrete location;
    /// `None` for a value checked on its own, bound to the rule's path).
    pub(super) fn protect(
        &self,
        value: &mut Value,
        at: Option<&[Segment]>,
        scope: &Scope,
        detector: &Recognizer,
        report: &mut FieldReport,
        known: Option<(&mut KnownValues, usize)>,
    ) -> Result<()> {
        let Some(op) = &self.rule.anonymize else {
            return Ok(());
        };
        let (text, was_number) = match value {
            Value::Null => return Ok(()),
            Value::String(s) => (std::mem::take(s), false),
            Value::Number(n) => (n.to_string(), true),
            _ => {
                let v = Violation::new(
                    "TYPE_MISMATCH",
                    format!(
                        "{} takes a string or a number, found {}",
                        op.name(),
                        type_name(value)
                    ),
                );
                return self.violate(v, Some(value), report);
            }
        };
        let entity = self
            .rule
            .entity
            .or_else(|| whole_value_type(detector, &text));
        let context = scope.context_for(&self.name);
        let location = at.and_then(|at| scope.location_for(at, &self.name));
        let ctx = OperatorContext {
            entity_type: entity,
            keyring: scope.keyring,
            context: &context,
            location: location.as_deref(),
            subject: scope.subject.as_deref(),
            ..OperatorContext::new()
        };
        if let (Some((known, index)), false) = (known, was_number) {
            if known::propagates(op) {
                known.add(
                    &text,
                    index,
                    entity == Some(EntityType::PersonName),
                    entity == Some(EntityType::EmailAddress),
                );
            }
        }
        match apply(op, &text, &ctx) {
            Ok(out) => {
                *value = json_value(out, was_number);
                report.change("anonymized");
                if let Some(t) = entity {
                    report.count(t);
                }
                Ok(())
            }
            Err(e) if e.kind() == ErrorKind::ValueInvalid => {
                // Operators never put the value into their errors.
                let v = Violation::new("ANONYMIZE_FAILED", e.detail().to_owned());
                self.violate(v, Some(value), report)
            }
            Err(e) => Err(e.context(format!("field {}", self.name))),
        }
    }
}

/// The entity type of a value that is one recognizable entity and nothing
/// else (surrounding spaces aside).
pub(super) fn whole_value_type(detector: &Recognizer, text: &str) -> Option<EntityType> {
    let trimmed = text.trim();
    match detector.find(trimmed).as_slice() {
        [only] if only.start == 0 && only.end == trimmed.len() => Some(only.entity_type),
        _ => None,
    }
}

/// An operator's result as JSON: a number stays a number when the result
/// still reads as one (a pseudonymized numeric ID), else a string.
pub(super) fn json_value(text: String, was_number: bool) -> Value {
    if was_number {
        if let Ok(n) = Number::from_str(&text) {
            return Value::Number(n);
        }
    }
    Value::String(text)
}
