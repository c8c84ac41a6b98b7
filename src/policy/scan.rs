//! The policy's PII scan: after the field rules, every string and number
//! of the record that no rule protects is scanned for PII, and each finding
//! is replaced by its type's operator (see [`crate::pii::anonymize`]).

use super::report::PolicyReport;
use super::rule::{json_value, CompiledRule, Scope};
use crate::error::{Error, ErrorKind, Result};
use crate::pii::anonymize::{AnonymizeOptions, Anonymizer};
use crate::pii::operators::{Operator, OperatorContext};
use crate::pii::recognize::RecognizeOptions;
use crate::pii::EntityType;
use crate::records::{FieldPath, Segment};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The `pii` section of a policy: scan the record's text for PII and
/// anonymize what is found.
///
/// ```
/// use fieldguard::policy::PiiRules;
/// let rules: PiiRules = serde_json::from_str(
///     r#"{"operators": {"EMAIL_ADDRESS": {"op": "pseudonymize"}}}"#).unwrap();
/// assert!(rules.scan_all); // the default: every string
/// assert_eq!(rules.default_operator.name(), "replace");
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct PiiRules {
    /// Scan every string and number of the record, except fields whose
    /// rule has `anonymize` or `"scan": false`. With `false`, only fields
    /// whose rule says `"scan": true` are scanned. Default `true`.
    pub scan_all: bool,
    /// What to look for. Default: [`RecognizeOptions::default`].
    pub scan: RecognizeOptions,
    /// The operator for each entity type. Default empty.
    pub operators: BTreeMap<EntityType, Operator>,
    /// The operator for the other types. Default `replace` (`<US_SSN>`).
    pub default_operator: Operator,
}

impl Default for PiiRules {
    /// `scanAll` true; the rest as [`AnonymizeOptions::default`]. (The
    /// fields are repeated rather than flattened because serde cannot
    /// combine `flatten` with `deny_unknown_fields`.)
    fn default() -> Self {
        let a = AnonymizeOptions::default();
        Self {
            scan_all: true,
            scan: a.scan,
            operators: a.operators,
            default_operator: a.default_operator,
        }
    }
}

impl PiiRules {
    /// The free-text anonymization these rules describe.
    ///
    /// ```
    /// use fieldguard::policy::PiiRules;
    /// assert_eq!(PiiRules::default().anonymize_options().scan.min_score, 50);
    /// ```
    pub fn anonymize_options(&self) -> AnonymizeOptions {
        AnonymizeOptions {
            scan: self.scan.clone(),
            operators: self.operators.clone(),
            default_operator: self.default_operator.clone(),
        }
    }
}

/// serde_json refuses to parse documents nested deeper than 128; a record
/// built in Rust could be deeper, and the walk is recursive.
const MAX_DEPTH: usize = 128;

/// Scans one record (or one field value).
pub(super) struct Walker<'a> {
    pub(super) anonymizer: &'a Anonymizer,
    pub(super) rules: &'a [CompiledRule],
    pub(super) scope: &'a Scope<'a>,
}

impl Walker<'_> {
    /// Scan `value`, found at `path` (concrete steps; the rule's own path
    /// when one field value is checked on its own).
    pub(super) fn walk(
        &self,
        value: &mut Value,
        path: &mut Vec<Segment>,
        mut included: bool,
        report: &mut PolicyReport,
    ) -> Result<()> {
        if path.len() > MAX_DEPTH {
            return Err(Error::with(
                ErrorKind::RecordInvalid,
                format!("the record is nested deeper than {MAX_DEPTH} levels"),
            ));
        }
        for compiled in self.rules {
            if compiled.path.matches(path) {
                let rule = &compiled.rule;
                if rule.anonymize.is_some() || rule.scan == Some(false) {
                    return Ok(());
                }
                included |= rule.scan == Some(true);
            }
        }
        match value {
            Value::Object(map) => {
                for (key, member) in map.iter_mut() {
                    path.push(Segment::Key(key.clone()));
                    let result = self.walk(member, path, included, report);
                    path.pop();
                    result?;
                }
                Ok(())
            }
            Value::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    path.push(Segment::Index(i));
                    let result = self.walk(item, path, included, report);
                    path.pop();
                    result?;
                }
                Ok(())
            }
            Value::String(text) if included => {
                if let Some(out) = self.anonymize(text, path, report)? {
                    *text = out;
                }
                Ok(())
            }
            Value::Number(n) if included => {
                if let Some(out) = self.anonymize(&n.to_string(), path, report)? {
                    *value = json_value(out, true);
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The anonymized text, or `None` when nothing was found.
    fn anonymize(
        &self,
        text: &str,
        path: &[Segment],
        report: &mut PolicyReport,
    ) -> Result<Option<String>> {
        // Array positions are not part of the name: all elements of
        // `orders[*].note` share one report entry and one token context.
        let general = path
            .iter()
            .map(|s| match s {
                Segment::Index(_) => Segment::AnyIndex,
                other => other.clone(),
            })
            .collect();
        let name = FieldPath::from_segments(general).to_string();
        let context = self.scope.context_for(&name);
        let ctx = OperatorContext {
            entity_type: None,
            keyring: self.scope.keyring,
            context: &context,
            subject: self.scope.subject.as_deref(),
        };
        let out = self
            .anonymizer
            .anonymize(text, &ctx)
            .map_err(|e| e.context(format!("field {name}")))?;
        if out.items.is_empty() {
            return Ok(None);
        }
        let entry = report.entry(&name);
        entry.change("anonymized");
        for item in &out.items {
            entry.count(item.entity_type);
            if item.fallback {
                entry.change("anonymize-fallback");
            }
        }
        Ok(Some(out.text))
    }
}
