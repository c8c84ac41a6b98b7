//! The policy's PII pass (phase 3): after the field rules, every string
//! and number of the record that no rule protects is scanned for PII, and
//! each finding is replaced by its type's operator (see
//! [`crate::pii::anonymize`]). The walk itself is
//! [`path::walk_leaves`](crate::path::walk_leaves), shared with `fieldguard
//! scan`, so both name fields alike; this module decides which subtrees
//! the rules leave out and what happens to each leaf.

use super::known::{KnownValues, Match};
use super::report::PolicyReport;
use super::rule::{json_value, whole_value_type, CompiledRule, Scope};
use crate::error::ErrorKind;
use crate::error::Result;
use crate::path::{walk_leaves, FieldPath, LeafVisitor, Segment};
use crate::pii::anonymize::{AnonymizeOptions, Anonymizer, Preset};
use crate::pii::operators::{apply, Operator, OperatorContext};
use crate::pii::recognize::{RecognizeOptions, Recognizer};
use crate::pii::EntityType;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

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

/// Scans one record (or one field value).
pub(super) struct PiiPass<'a> {
    pub(super) anonymizer: &'a Anonymizer,
    pub(super) rules: &'a [CompiledRule],
    /// The default scan of a policy without a `pii` section: a field the
    /// policy names is left to its rule unless it says `"scan": true`.
    pub(super) named_fields_excluded: bool,
    pub(super) scope: &'a Scope<'a>,
    pub(super) report: &'a mut PolicyReport,
    /// The values the record's own field rules protected.
    pub(super) known: &'a KnownValues,
    /// The run's values from other records (the CLI's pre-pass).
    pub(super) run_known: Option<&'a KnownValues>,
    /// Types a value of a rule without `entity`.
    pub(super) detector: &'a Recognizer,
    /// What each known value (by rule) becomes, computed once per record.
    pub(super) replacements: HashMap<(usize, String), (String, Option<EntityType>)>,
    /// The fields whose name typed their whole value (`name`, `city`,
    /// `zip`; [`typed_fields`]): field name and type, for the known values
    /// numbered from `rules.len()` on.
    pub(super) typed: Vec<(String, EntityType)>,
}

/// Whether the PII pass scans the subtree at `at` (`included`: whether its
/// parent is scanned): a rule with `anonymize` or `"scan": false` leaves
/// its fields out with everything inside them; `"scan": true` brings them in.
fn scanned(
    rules: &[CompiledRule],
    named_fields_excluded: bool,
    at: &[Segment],
    mut included: bool,
) -> Option<bool> {
    for compiled in rules {
        if compiled.path.matches(at) {
            let rule = &compiled.rule;
            if rule.anonymize.is_some() || rule.scan == Some(false) {
                return None;
            }
            if named_fields_excluded && rule.scan != Some(true) {
                return None;
            }
            included |= rule.scan == Some(true);
        }
    }
    Some(included)
}

/// Collects the values the PII pass will replace whole because their field
/// name types them (`"name": "Tobiah Brannock"`, `"city": "Werdau"`, `"zip":
/// "08412"`; feature `names`), as known values numbered from `base` on, so
/// their mentions in the record's free text (`Tobiah called from Werdau`)
/// get the field's replacement even where no recognizer finds them.
struct TypedCollector<'a> {
    anonymizer: &'a Anonymizer,
    rules: &'a [CompiledRule],
    named_fields_excluded: bool,
    base: usize,
    values: KnownValues,
    typed: Vec<(String, EntityType)>,
}

impl LeafVisitor for TypedCollector<'_> {
    type Scope = bool;

    fn enter(&mut self, at: &[Segment], included: bool) -> Option<bool> {
        scanned(self.rules, self.named_fields_excluded, at, included)
    }

    fn leaf(&mut self, at: &[Segment], value: &mut Value, included: bool) -> Result<()> {
        let (true, Value::String(text), Some(key)) = (included, &*value, FieldPath::own_key(at))
        else {
            return Ok(());
        };
        if !Recognizer::types_whole_value(key) {
            return Ok(());
        }
        let Some(t) = self.anonymizer.whole_value_type(text, key)? else {
            return Ok(());
        };
        let name = FieldPath::generalize(at).to_string();
        let index = match self.typed.iter().position(|(n, e)| *n == name && *e == t) {
            Some(i) => i,
            None => {
                self.typed.push((name, t));
                self.typed.len() - 1
            }
        };
        let person = t == EntityType::PersonName;
        self.values.add(text, self.base + index, person, false);
        Ok(())
    }
}

/// The typed whole values of `record` (see [`TypedCollector`]) and their
/// fields, numbered from `base` (the number of the policy's rules) on.
pub(super) fn typed_fields(
    anonymizer: &Anonymizer,
    rules: &[CompiledRule],
    named_fields_excluded: bool,
    record: &mut Value,
    scan_all: bool,
) -> Result<(KnownValues, Vec<(String, EntityType)>)> {
    let mut c = TypedCollector {
        anonymizer,
        rules,
        named_fields_excluded,
        base: rules.len(),
        values: KnownValues::with_cap(super::known::RUN_CAP),
        typed: Vec::new(),
    };
    walk_leaves(record, &mut Vec::new(), scan_all, &mut c)?;
    Ok((c.values, c.typed))
}

/// The scope is whether the subtree is scanned.
impl LeafVisitor for PiiPass<'_> {
    type Scope = bool;

    /// See [`scanned`].
    fn enter(&mut self, at: &[Segment], included: bool) -> Option<bool> {
        scanned(self.rules, self.named_fields_excluded, at, included)
    }

    fn leaf(&mut self, at: &[Segment], value: &mut Value, included: bool) -> Result<()> {
        if !included {
            return Ok(());
        }
        match value {
            Value::String(text) => {
                if let Some(out) = self.anonymize(text, at)? {
                    *text = out;
                }
            }
            Value::Number(n) => {
                if let Some(out) = self.anonymize(&n.to_string(), at)? {
                    *value = json_value(out, true);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

impl PiiPass<'_> {
    /// Scan `value`, found at `at` (concrete steps: empty for a record, the
    /// rule's own path when one field value is checked on its own);
    /// `scan_all` says whether the walk starts out scanning.
    pub(super) fn run(
        &mut self,
        value: &mut Value,
        at: &mut Vec<Segment>,
        scan_all: bool,
    ) -> Result<()> {
        walk_leaves(value, at, scan_all, self)
    }

    /// The anonymized text, or `None` when nothing was found.
    fn anonymize(&mut self, text: &str, at: &[Segment]) -> Result<Option<String>> {
        // Array positions are not part of the name: all elements of
        // `orders[*].note` share one report entry and one field context
        // (hashes and pseudonyms stay equal across elements); randomized
        // tokens are bound to the element itself.
        let name = FieldPath::generalize(at).to_string();
        let context = self.scope.context_for(&name);
        // A leaf's location differs from its name only under an array (the
        // walk gives concrete keys): skip building it for the common case.
        let location = if at.iter().any(|s| matches!(s, Segment::Index(_))) {
            self.scope.location_for(at, &name)
        } else {
            None
        };
        let ctx = OperatorContext {
            entity_type: None,
            keyring: self.scope.keyring,
            context: &context,
            location: location.as_deref(),
            subject: self.scope.subject.as_deref(),
            ..OperatorContext::new()
        };
        let matches = self.known.find(self.run_known, text);
        let presets = self
            .presets(&matches, &name)
            .map_err(|e| e.context(format!("field {name}")))?;
        let out = self
            .anonymizer
            .anonymize_with(text, FieldPath::own_key(at), &presets, &ctx)
            .map_err(|e| e.context(format!("field {name}")))?;
        if out.items.is_empty() && presets.is_empty() {
            return Ok(None);
        }
        let entry = self.report.entry(&name);
        entry.change("anonymized");
        if !presets.is_empty() {
            entry.change("known-value");
        }
        for item in &out.items {
            entry.count(item.entity_type);
            if item.fallback {
                entry.change("anonymize-fallback");
            }
        }
        Ok(Some(out.text))
    }
}

impl PiiPass<'_> {
    /// The replacement of each known-value match: what the supplying
    /// rule's operator makes of the value with that rule's context (the
    /// field's own pseudonym, hash or tag); a dropped value, or one the
    /// operator cannot read, becomes its type tag.
    fn presets(&mut self, matches: &[Match<'_>], field: &str) -> Result<Vec<Preset>> {
        let mut out = Vec::with_capacity(matches.len());
        for m in matches {
            if let Some(k) = m.rule.checked_sub(self.rules.len()) {
                // A typed field's own value is the scan's to replace.
                if let Some(p) = self.typed_preset(k, m, field)? {
                    out.push(p);
                }
                continue;
            }
            let key = (m.rule, m.value.to_owned());
            if !self.replacements.contains_key(&key) {
                let computed = self.replacement(m.rule, m.value)?;
                self.replacements.insert(key.clone(), computed);
            }
            let Some(compiled) = self.rules.get(m.rule) else {
                continue;
            };
            let Some((replacement, entity_type)) = self.replacements.get(&key) else {
                continue;
            };
            out.push(Preset {
                start: m.start,
                end: m.end,
                entity_type: *entity_type,
                replacement: replacement.clone(),
                operator: compiled
                    .rule
                    .anonymize
                    .as_ref()
                    .map_or("replace", Operator::name),
            });
        }
        Ok(out)
    }

    /// The preset of a match of the typed field `k`'s value in `field`:
    /// what the PII pass's operator for the field's type makes of it with
    /// that field's context, which is what the field itself became.
    fn typed_preset(&mut self, k: usize, m: &Match<'_>, field: &str) -> Result<Option<Preset>> {
        let Some((name, t)) = self.typed.get(k).cloned() else {
            return Ok(None);
        };
        if name == field {
            return Ok(None);
        }
        let key = (self.rules.len() + k, m.value.to_owned());
        if !self.replacements.contains_key(&key) {
            let context = self.scope.context_for(&name);
            let ctx = OperatorContext {
                entity_type: Some(t),
                keyring: self.scope.keyring,
                context: &context,
                subject: self.scope.subject.as_deref(),
                ..OperatorContext::new()
            };
            let out = match apply(self.anonymizer.operator_for(t), m.value, &ctx) {
                Ok(out) => out,
                Err(e) if e.kind() == ErrorKind::ValueInvalid => format!("<{}>", t.name()),
                Err(e) => return Err(e.context(format!("field {name}"))),
            };
            self.replacements.insert(key.clone(), (out, Some(t)));
        }
        Ok(self.replacements.get(&key).map(|(replacement, _)| Preset {
            start: m.start,
            end: m.end,
            entity_type: Some(t),
            replacement: replacement.clone(),
            operator: self.anonymizer.operator_for(t).name(),
        }))
    }

    fn replacement(&self, rule: usize, value: &str) -> Result<(String, Option<EntityType>)> {
        let compiled = &self.rules[rule];
        let entity = compiled
            .rule
            .entity
            .or_else(|| whole_value_type(self.detector, value));
        let tag = || format!("<{}>", entity.map_or("PII", EntityType::name));
        let Some(op) = compiled
            .rule
            .anonymize
            .as_ref()
            .filter(|op| !op.removes_field())
        else {
            return Ok((tag(), entity));
        };
        let context = self.scope.context_for(&compiled.name);
        let ctx = OperatorContext {
            entity_type: entity,
            keyring: self.scope.keyring,
            context: &context,
            subject: self.scope.subject.as_deref(),
            ..OperatorContext::new()
        };
        match apply(op, value, &ctx) {
            Ok(out) => Ok((out, entity)),
            Err(e) if e.kind() == ErrorKind::ValueInvalid => Ok((tag(), entity)),
            Err(e) => Err(e.context(format!("field {}", compiled.name))),
        }
    }
}
