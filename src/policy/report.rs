//! What applying a policy did: per field, the changes, the violations and
//! the PII found. Reports name fields, reason codes and entity types, never
//! values.

use crate::detect::Category;
use crate::pii::EntityType;
use serde::Serialize;

/// What a policy did to one record. Serializes as
/// `{"fields": [{"field", "changes", "violations", "found"?}]}`; fields with
/// nothing to report are left out.
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

    /// How many PII values of each type were found (and anonymized), over
    /// all fields, by type name order.
    pub fn found(&self) -> Vec<FoundEntity> {
        let mut all: Vec<FoundEntity> = Vec::new();
        for f in self.fields.iter().flat_map(|f| &f.found) {
            match all.iter_mut().find(|a| a.entity_type == f.entity_type) {
                Some(a) => a.count += f.count,
                None => all.push(f.clone()),
            }
        }
        crate::sort::sort_by_key(&mut all, |f| f.entity_type.name());
        all
    }

    /// The report of `field`, added (empty) if there is none yet. Linear:
    /// records have few distinct field paths (array elements share one).
    pub(crate) fn entry(&mut self, field: &str) -> &mut FieldReport {
        let i = match self.fields.iter().position(|f| f.field == field) {
            Some(i) => i,
            None => {
                self.fields.push(FieldReport::new(field.to_owned()));
                self.fields.len() - 1
            }
        };
        &mut self.fields[i]
    }

    /// Add a field's report unless it is empty.
    pub(crate) fn push(&mut self, field: FieldReport) {
        if !field.is_empty() {
            self.fields.push(field);
        }
    }

    /// Drop entries that ended up empty.
    pub(crate) fn prune(&mut self) {
        self.fields.retain(|f| !f.is_empty());
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
    /// PII anonymized in this field, per entity type (left out when empty).
    /// Fields the PII scan reaches through arrays are reported once, with
    /// `[*]` for the indexes: `orders[*].note`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub found: Vec<FoundEntity>,
}

impl FieldReport {
    pub(crate) fn new(field: String) -> Self {
        Self {
            field,
            changes: Vec::new(),
            violations: Vec::new(),
            found: Vec::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.violations.is_empty() && self.found.is_empty()
    }

    /// Note a change kind once.
    pub(crate) fn change(&mut self, kind: &str) {
        if !self.changes.iter().any(|x| x == kind) {
            self.changes.push(kind.to_owned());
        }
    }

    /// Count one anonymized value of `entity_type`.
    pub(crate) fn count(&mut self, entity_type: EntityType) {
        match self.found.iter_mut().find(|f| f.entity_type == entity_type) {
            Some(f) => f.count += 1,
            None => self.found.push(FoundEntity {
                entity_type,
                count: 1,
            }),
        }
    }
}

/// How many values of one entity type were found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FoundEntity {
    /// The type.
    pub entity_type: EntityType,
    /// How many.
    pub count: u64,
}

/// A value that broke its rule. Never contains the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Violation {
    /// Stable reason code: a validator reason (`EMAIL_DOMAIN_INVALID`, …),
    /// `REQUIRED`, `NULL_NOT_ALLOWED`, `TYPE_MISMATCH`, `CLEAN_REJECTED`,
    /// `INJECTION` or `ANONYMIZE_FAILED` (the field's operator cannot read
    /// the value, e.g. `date-shift` of something that is not a date).
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
    pub(crate) fn new(reason: &str, message: impl Into<String>) -> Self {
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
