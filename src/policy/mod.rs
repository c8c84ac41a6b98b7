//! Field rules: one declarative policy that says what happens to each field.
//!
//! A policy is a JSON document; the same file is applied by Rust services,
//! the CLI (`fieldguard check --policy`), and the wasm API in browsers, Node
//! and Deno, so a form, the service behind it and the pipeline that copies
//! its data into a test environment enforce identical rules.
//!
//! ```json
//! {
//!   "version": 1,
//!   "recordId": "id",
//!   "fields": {
//!     "user.name":   { "clean": { "preset": "name" }, "onViolation": "clean",
//!                      "anonymize": { "op": "pseudonymize" }, "entity": "PERSON_NAME" },
//!     "user.email":  { "required": true, "validate": { "type": "email" },
//!                      "anonymize": { "op": "pseudonymize" } },
//!     "user.age":    { "validate": { "type": "integer", "min": 0, "max": 150 },
//!                      "anonymize": { "op": "generalize", "bucket": 10 } },
//!     "user.ssn":    { "anonymize": { "op": "encrypt" } },
//!     "comment":     { "clean": {}, "detect": { "minConfidence": 70 } },
//!     "orders[*].note": { "clean": { "maxLength": 500 }, "onViolation": "clean" },
//!     "id":          { "scan": false }
//!   },
//!   "pii": {
//!     "operators": { "EMAIL_ADDRESS": { "op": "pseudonymize" },
//!                    "CREDIT_CARD": { "op": "mask", "keepLast": 4 } },
//!     "defaultOperator": { "op": "replace" }
//!   }
//! }
//! ```
//!
//! Each key of `fields` is a [`FieldPath`](crate::path); each value is a
//! [`FieldRule`]. Applying a policy to a record runs three phases.
//!
//! **1. Sanitize.** For every value a rule's path selects, these steps run
//! in order, each optional:
//!
//! 1. **type** — strings are checked; a JSON number is accepted only by an
//!    `integer` or `decimal` validator (it is checked as its exact decimal
//!    text, so no float rounding); `null` passes unless `"nullable": false`;
//!    anything else is a `TYPE_MISMATCH` violation. A rule without any of
//!    the steps below checks nothing but `null`.
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
//! `null` — an invalid value is never passed on.
//!
//! **2. Protect.** Each rule's `anonymize` [operator](crate::pii::operators)
//! replaces the whole (sanitized) value: `pseudonymize`, `encrypt`, `hash`,
//! `mask`, `generalize`, `date-shift`, `replace`, `redact`, or `drop`, which
//! removes the field. `entity` names the value's type (the pseudonym
//! format); without it the type is recognized from the value. An operator
//! that cannot read the value (a `date-shift` of something that is not a
//! date) is an `ANONYMIZE_FAILED` violation, handled as above.
//!
//! **3. Scan.** PII is scanned for unless the policy says not to: no value
//! leaves unprotected because a policy forgot a section.
//!
//! * With a `pii` section ([`PiiRules`]), every remaining string and number
//!   of the record — in every field, named in the policy or not, at any
//!   depth — is scanned, and each finding is replaced by the operator for
//!   its type. Fields with `anonymize` or `"scan": false` are skipped, with
//!   everything inside them; with `"scanAll": false` only fields with
//!   `"scan": true` are scanned.
//! * Without one, the fields the policy does **not** name are scanned with
//!   the default operators (each finding becomes its tag,
//!   `<EMAIL_ADDRESS>`); named fields are left to their rules unless they
//!   say `"scan": true`. So a validation policy for a form keeps the email
//!   it validates, and a stray field with an email in it is still caught.
//! * `"scan": false` at the top level turns the scan off for the record
//!   (then the policy may not have a `pii` section or `"scan": true` fields).
//!
//! [`Policy::unscanned`] lists what a policy leaves out, for summaries.
//! Object keys are not scanned.
//!
//! The scan takes two kinds of record evidence: each value's own key is a
//! context word for the recognizers
//! ([`Recognizer::find_in_field`](crate::pii::recognize::Recognizer::find_in_field)),
//! and the values phase 2 protected — and, with the feature `names`, the
//! values the scan replaces whole because their field name types them
//! (`name`, `city`, `zip`) — are searched for in the free text and replaced
//! as in their fields ([`KnownValues`]; across records with
//! [`Policy::apply_with_known`], for the protected ones). Fields with such
//! matches report the change `known-value`.
//!
//! **Keys and contexts.** `hash`, `pseudonymize`, `encrypt` and
//! `date-shift` need a keyring (the second argument of [`Policy::apply`]);
//! applying a policy that uses one without a keyring is an `INVALID_ARGUMENT` error
//! before anything changes. Randomized `encrypt` tokens are bound to the
//! value's location (`orders[1].card`, so two elements' tokens cannot be
//! swapped); deterministic tokens, hashes and date shifts to the field path
//! (array positions as `[*]`, so equal values stay equal across elements);
//! both, when `recordId` names the record's ID field, to the ID too — the
//! location and field contexts of [`ValueContexts`](crate::path::ValueContexts),
//! specified in `src/spec/records.md`. The ID is read after phase 1, so
//! choose an ID field that is not itself anonymized. `date-shift` moves all dates of one subject by the same
//! number of days: the subject is the value at `subject` (a field path),
//! else the record ID.
//!
//! The [`PolicyReport`] lists what happened per field: changes
//! (`trimmed`, `canonicalized`, `anonymized`, `dropped`, …), violations,
//! and how many PII values of each type were found. Reports and errors name
//! fields, reason codes and types, never values.
//!
//! # One schema that grows
//!
//! Unknown keys are rejected at every level, so a policy written for a newer
//! fieldguard fails loudly (`POLICY_INVALID`) on an older one instead of being
//! half-applied. New steps arrive as new optional keys, keeping `"version":
//! 1` documents valid.

mod known;
mod pii_pass;
mod report;
mod rule;

pub use known::{KnownValues, RUN_CAP as KNOWN_VALUES_RUN_CAP};
pub use pii_pass::PiiRules;
pub use report::{FieldReport, FoundEntity, PolicyReport, Violation, ViolationAction};
pub use rule::{FieldRule, OnViolation};

use crate::crypto::Keyring;
use crate::error::{Error, ErrorKind, Result};
use crate::path::{id_text, record_id_text, FieldPath};
use crate::pii::anonymize::Anonymizer;
use crate::pii::recognize::{RecognizeOptions, Recognizer};
use crate::pii::EntityType;
use pii_pass::PiiPass;
use rule::{CompiledRule, Scope};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::str::FromStr;

/// What a policy's PII scan covers ([`Policy::scan_coverage`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScanCoverage<'a> {
    /// The policy turns the scan off (`"scan": false`).
    Off,
    /// Only these fields are scanned (`"scanAll": false`).
    Only(Vec<&'a str>),
    /// Every string and number except in these fields (and those protected
    /// by `anonymize`).
    AllBut(Vec<&'a str>),
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
/// let report = policy.apply(&mut record, None)?;
/// assert_eq!(record, json!({"email": "Alice@example.com", "name": "Zoë Smith"}));
/// assert!(report.violations().next().is_none());
///
/// let mut bad = json!({"email": "not an email"});
/// let err = policy.apply(&mut bad, None).unwrap_err();
/// assert_eq!(err.code(), "VALUE_INVALID");
/// assert!(!err.to_string().contains("not an email")); // values never leak into errors
/// # Ok::<(), fieldguard::Error>(())
/// ```
///
/// Protecting PII (see the [module docs](self)):
///
/// ```
/// use fieldguard::{policy::Policy, Keyring};
/// use serde_json::json;
///
/// let policy = Policy::from_json(r#"{"version": 1,
///     "fields": {"email": {"anonymize": {"op": "pseudonymize"}}, "card": {"anonymize": {"op": "drop"}}},
///     "pii": {}}"#)?;
/// let keyring = Keyring::generate()?;
/// let mut record = json!({"email": "ana@example.org", "card": "4111 1111 1111 1111",
///                         "notes": ["call +44 20 7946 0958"]});
/// let report = policy.apply(&mut record, Some(&keyring))?;
/// let email = record["email"].as_str().unwrap();
/// assert!(email.ends_with("@example.org") && email != "ana@example.org");
/// assert!(record.get("card").is_none());
/// assert_eq!(record["notes"][0], "call <PHONE_NUMBER>");
/// assert_eq!(report.fields.last().unwrap().field, "notes[*]");
///
/// // Pseudonymizing needs the keyring.
/// assert_eq!(policy.apply(&mut json!({}), None).unwrap_err().code(), "INVALID_ARGUMENT");
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Debug)]
pub struct Policy {
    rules: Vec<CompiledRule>,
    /// The `pii` scan, when the policy has one.
    pii: Option<PiiScan>,
    record_id: Option<FieldPath>,
    subject: Option<FieldPath>,
    /// Recognizes the entity type of a whole value for `anonymize` without
    /// `entity`.
    detector: Recognizer,
    needs_keyring: bool,
}

#[derive(Debug)]
struct PiiScan {
    anonymizer: Anonymizer,
    /// Whether the walk starts out scanning (`scanAll`).
    scan_all: bool,
    /// No `pii` section: the default scan, which leaves the fields the
    /// policy names to their rules.
    implicit: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Document {
    version: u32,
    #[serde(default)]
    fields: Map<String, Value>,
    #[serde(default)]
    pii: Option<PiiRules>,
    #[serde(default)]
    record_id: Option<String>,
    #[serde(default)]
    subject: Option<String>,
    /// `false` turns the PII scan off; default on.
    #[serde(default)]
    scan: Option<bool>,
}

impl Policy {
    /// Parse a policy document. Errors are `POLICY_INVALID` and say where:
    /// the field path and, for JSON syntax, the line and column.
    pub fn from_json(json: &str) -> Result<Self> {
        let bad = |detail: String| Error::with(ErrorKind::PolicyInvalid, detail);
        let doc: Document =
            serde_json::from_str(json).map_err(|e| bad(crate::error::json_position(&e)))?;
        if doc.version != 1 {
            return Err(bad(format!(
                "unsupported version {} (this fieldguard reads version 1)",
                doc.version
            )));
        }
        let rules = doc
            .fields
            .into_iter()
            .map(|(name, value)| CompiledRule::compile(&name, value))
            .collect::<Result<Vec<_>>>()?;
        let scan_off = doc.scan == Some(false);
        if scan_off && doc.pii.is_some() {
            return Err(bad(
                "\"scan\": false turns off the scan the \"pii\" section configures; remove one of them"
                    .into(),
            ));
        }
        if scan_off {
            if let Some(r) = rules.iter().find(|r| r.rule.scan == Some(true)) {
                return Err(bad(format!(
                    "field {}: \"scan\": true in a policy with \"scan\": false",
                    r.name
                )));
            }
        }
        let implicit = doc.pii.is_none();
        let pii_rules = match doc.pii {
            Some(rules) => Some(rules),
            None if scan_off => None,
            None => Some(PiiRules::default()),
        };
        let pii = match &pii_rules {
            None => None,
            Some(rules) => Some(PiiScan {
                anonymizer: Anonymizer::new(&rules.anonymize_options())
                    .map_err(|e| bad(format!("pii: {}", e.detail())))?,
                scan_all: rules.scan_all,
                implicit,
            }),
        };
        let single = |key: &str, path: Option<String>| -> Result<Option<FieldPath>> {
            let Some(path) = path else { return Ok(None) };
            let path = FieldPath::from_str(&path).map_err(|e| bad(format!("{key}: {e}")))?;
            if path.has_wildcard() {
                return Err(bad(format!("{key}: the path cannot contain wildcards")));
            }
            Ok(Some(path))
        };
        let record_id = single("recordId", doc.record_id)?;
        let subject = single("subject", doc.subject)?;
        let scans = pii
            .as_ref()
            .is_some_and(|p| p.scan_all || rules.iter().any(|r| r.rule.scan == Some(true)));
        let needs_keyring = rules
            .iter()
            .filter_map(|r| r.rule.anonymize.as_ref())
            .any(|op| op.needs_keyring())
            || (scans && pii.as_ref().is_some_and(|p| p.anonymizer.needs_keyring()));
        Ok(Self {
            rules,
            pii: pii.filter(|_| scans),
            record_id,
            subject,
            detector: Recognizer::new(&RecognizeOptions::default())?,
            needs_keyring,
        })
    }

    /// The field paths this policy has rules for, in document order.
    ///
    /// ```
    /// let p = fieldguard::policy::Policy::from_json(r#"{"version":1,"fields":{"b":{},"a[*]":{}}}"#)?;
    /// assert_eq!(p.fields().collect::<Vec<_>>(), ["b", "a[*]"]);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.name.as_str())
    }

    /// What the PII scan covers, for summaries that must say what was not
    /// looked at: nothing (`"scan": false`), only some fields
    /// (`"scanAll": false`), or every field but those listed — rules with
    /// `"scan": false` and, in a policy without a `pii` section, the fields
    /// it names. Fields with `anonymize` are protected, not listed.
    ///
    /// ```
    /// use fieldguard::policy::{Policy, ScanCoverage};
    /// let p = Policy::from_json(r#"{"version":1,"fields":{
    ///     "x": {"anonymize": {"op": "redact"}}, "id": {"scan": false}, "email": {"validate": {"type": "email"}}}}"#)?;
    /// assert_eq!(p.scan_coverage(), ScanCoverage::AllBut(vec!["id", "email"]));
    /// let off = Policy::from_json(r#"{"version":1,"scan":false}"#)?;
    /// assert_eq!(off.scan_coverage(), ScanCoverage::Off);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn scan_coverage(&self) -> ScanCoverage<'_> {
        let Some(pii) = &self.pii else {
            return ScanCoverage::Off;
        };
        let unprotected = || self.rules.iter().filter(|r| r.rule.anonymize.is_none());
        if !pii.scan_all {
            return ScanCoverage::Only(
                unprotected()
                    .filter(|r| r.rule.scan == Some(true))
                    .map(|r| r.name.as_str())
                    .collect(),
            );
        }
        ScanCoverage::AllBut(
            unprotected()
                .filter(|r| match r.rule.scan {
                    Some(scan) => !scan,
                    None => pii.implicit,
                })
                .map(|r| r.name.as_str())
                .collect(),
        )
    }

    /// Whether applying the policy needs a keyring (an operator is `hash`,
    /// `pseudonymize`, `encrypt` or `date-shift`).
    ///
    /// ```
    /// let p = fieldguard::policy::Policy::from_json(r#"{"version":1,"pii":{}}"#)?;
    /// assert!(!p.needs_keyring()); // the default operator is replace
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn needs_keyring(&self) -> bool {
        self.needs_keyring
    }

    /// Apply the policy to `record` in place (all three phases, see the
    /// [module docs](self)), with the keys for `hash`, `pseudonymize`,
    /// `encrypt` and `date-shift` when it uses them. With `onViolation:
    /// "reject"` the first violation returns `VALUE_INVALID` (the detail
    /// names the field and the reason code) and `record` must be discarded;
    /// otherwise the report says what changed. A policy that needs a
    /// keyring ([`needs_keyring`](Self::needs_keyring)) given `None` is an
    /// `INVALID_ARGUMENT` error before anything changes.
    pub fn apply(&self, record: &mut Value, keyring: Option<&Keyring>) -> Result<PolicyReport> {
        self.apply_with_known(record, keyring, None)
    }

    /// [`apply`](Self::apply), also searching the free text for the values
    /// in `run` (collected from other records with
    /// [`collect_known`](Self::collect_known)) besides the record's own
    /// protected values; see [`KnownValues`].
    ///
    /// ```
    /// use fieldguard::policy::{KnownValues, Policy};
    /// use serde_json::json;
    /// let p = Policy::from_json(r#"{"version": 1, "fields": {"name": {"anonymize": {"op": "replace"},
    ///     "entity": "PERSON_NAME"}}, "pii": {}}"#)?;
    /// let mut run = KnownValues::with_cap(1000);
    /// p.collect_known(&json!({"name": "Tobiah Brannock"}), &mut run);
    /// let mut ticket = json!({"body": "Brannock called"});
    /// p.apply_with_known(&mut ticket, None, Some(&run))?;
    /// assert_eq!(ticket, json!({"body": "<PERSON_NAME> called"}));
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn apply_with_known(
        &self,
        record: &mut Value,
        keyring: Option<&Keyring>,
        run: Option<&KnownValues>,
    ) -> Result<PolicyReport> {
        self.check_keyring(keyring)?;
        let mut report = PolicyReport::default();
        for compiled in &self.rules {
            let mut field = FieldReport::new(compiled.name.clone());
            let mut seen = false;
            compiled.path.for_each_mut(record, &mut |value| {
                seen = true;
                compiled.sanitize(value, &mut field)
            })?;
            if !seen && compiled.rule.required {
                let violation = Violation::new("REQUIRED", "the field is missing");
                compiled.violate(violation, None, &mut field)?;
            }
            report.push(field);
        }

        let protects = self.rules.iter().any(|r| r.rule.anonymize.is_some());
        if !protects && self.pii.is_none() {
            return Ok(report);
        }
        let record_id = match &self.record_id {
            Some(path) => Some(record_id_text(path, record)?),
            None => None,
        };
        let subject = match &self.subject {
            Some(path) => subject_text(path, record)?,
            None => record_id.clone(),
        };
        let scope = Scope {
            keyring,
            record_id,
            subject,
        };
        let mut known = KnownValues::with_cap(known::RUN_CAP);
        for (index, compiled) in self.rules.iter().enumerate() {
            let Some(op) = &compiled.rule.anonymize else {
                continue;
            };
            let field = report.entry(&compiled.name);
            if op.removes_field() {
                self.collect_rule(record, index, &mut known);
                if compiled.path.remove_all(record) > 0 {
                    field.change("dropped");
                }
                continue;
            }
            compiled
                .path
                .for_each_located_mut(record, &mut |at, value| {
                    let known = Some((&mut known, index));
                    compiled.protect(value, Some(at), &scope, &self.detector, field, known)
                })?;
        }
        if let Some(pii) = &self.pii {
            let (typed_values, typed) = pii_pass::typed_fields(
                &pii.anonymizer,
                &self.rules,
                pii.implicit,
                record,
                pii.scan_all,
            )?;
            known.merge(typed_values);
            PiiPass {
                anonymizer: &pii.anonymizer,
                rules: &self.rules,
                named_fields_excluded: pii.implicit,
                scope: &scope,
                report: &mut report,
                known: &known,
                run_known: run,
                detector: &self.detector,
                replacements: Default::default(),
                typed,
            }
            .run(record, &mut Vec::new(), pii.scan_all)?;
        }
        report.prune();
        Ok(report)
    }

    /// Whether some field rule supplies known values (an `anonymize`
    /// operator other than `generalize` and `date-shift`) and the policy
    /// scans, so [`collect_known`](Self::collect_known) can find anything.
    pub fn has_known_values(&self) -> bool {
        self.pii.is_some()
            && self
                .rules
                .iter()
                .any(|r| r.rule.anonymize.as_ref().is_some_and(known::propagates))
    }

    /// Remember the values of `record` that this policy's field rules
    /// protect (see [`KnownValues`]), as written in the record (before
    /// sanitizing), for [`apply_with_known`](Self::apply_with_known) on
    /// other records. Call it on the records in a fixed order: the first
    /// value wins and the cap keeps the first ones.
    pub fn collect_known(&self, record: &Value, into: &mut KnownValues) {
        for index in 0..self.rules.len() {
            self.collect_rule(record, index, into);
        }
    }

    /// The values the rule at `index` supplies from `record`.
    fn collect_rule(&self, record: &Value, index: usize, into: &mut KnownValues) {
        let compiled = &self.rules[index];
        let Some(op) = &compiled.rule.anonymize else {
            return;
        };
        if !known::propagates(op) {
            return;
        }
        compiled.path.for_each(record, &mut |value| {
            if let Value::String(text) = value {
                let entity = compiled
                    .rule
                    .entity
                    .or_else(|| rule::whole_value_type(&self.detector, text));
                into.add(
                    text,
                    index,
                    entity == Some(EntityType::PersonName),
                    entity == Some(EntityType::EmailAddress),
                );
            }
        });
    }

    /// Apply the rule for `field` (a path exactly as written in the policy,
    /// or its canonical spelling) to one value, as a form does for one
    /// input: the rule's steps, then the PII scan if the field is scanned;
    /// `keyring` as for [`apply`](Self::apply). `drop` turns the value into
    /// `null`. There is no record, so tokens are bound to the field path
    /// only. `INVALID_ARGUMENT` if the policy has no rule for `field`.
    ///
    /// ```
    /// use fieldguard::policy::Policy;
    /// use serde_json::json;
    /// let p = Policy::from_json(r#"{"version":1,"fields":{"msg":{"clean":{}}},"pii":{}}"#)?;
    /// let mut value = json!(" mail me: ana@example.org ");
    /// p.apply_field("msg", &mut value, None)?;
    /// assert_eq!(value, "mail me: <EMAIL_ADDRESS>");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn apply_field(
        &self,
        field: &str,
        value: &mut Value,
        keyring: Option<&Keyring>,
    ) -> Result<PolicyReport> {
        let canonical = FieldPath::from_str(field)?.to_string();
        let compiled = self
            .rules
            .iter()
            .find(|r| r.name == canonical)
            .ok_or_else(|| {
                Error::invalid_argument(format!("the policy has no rule for {field}"))
            })?;
        self.check_keyring(keyring)?;
        let mut report = PolicyReport::default();
        let entry = report.entry(&compiled.name);
        compiled.sanitize(value, entry)?;
        let scope = Scope {
            keyring,
            record_id: None,
            subject: None,
        };
        match &compiled.rule.anonymize {
            Some(op) if op.removes_field() && !value.is_null() => {
                *value = Value::Null;
                entry.change("dropped");
            }
            Some(op) if op.removes_field() => {}
            Some(_) => compiled.protect(value, None, &scope, &self.detector, entry, None)?,
            None => {}
        }
        if let Some(pii) = &self.pii {
            let mut at = compiled.path.segments().to_vec();
            PiiPass {
                anonymizer: &pii.anonymizer,
                rules: &self.rules,
                named_fields_excluded: pii.implicit,
                scope: &scope,
                report: &mut report,
                known: &KnownValues::default(),
                run_known: None,
                detector: &self.detector,
                replacements: Default::default(),
                typed: Vec::new(),
            }
            .run(value, &mut at, pii.scan_all)?;
        }
        report.prune();
        Ok(report)
    }

    fn check_keyring(&self, keyring: Option<&Keyring>) -> Result<()> {
        if self.needs_keyring && keyring.is_none() {
            return Err(Error::invalid_argument(
                "this policy needs a keyring (it uses hash, pseudonymize, encrypt or date-shift)",
            ));
        }
        Ok(())
    }
}

/// The subject of a record for `date-shift`: a string or an integer, as
/// record IDs are read; a missing or `null` subject means none (dates then
/// shift per field).
fn subject_text(path: &FieldPath, record: &Value) -> Result<Option<String>> {
    match path.get(record) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => id_text("subject", path, value).map(Some),
    }
}
