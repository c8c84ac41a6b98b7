//! Field paths, selections and record contexts: how fieldguard names a
//! place inside a JSON record. No I/O here — reading and writing record
//! files is `fieldguard::stream`'s job (cargo feature `stream`); this
//! module is what stream transforms, policies and the CLI agree on, so a
//! field is spelled, selected and bound to its tokens one way everywhere.
//!
//! A [`FieldPath`] selects values inside a JSON record:
//!
//! | path                | selects                                         |
//! |---------------------|-------------------------------------------------|
//! | `email`             | member `email` of the record                    |
//! | `user.email`        | member `email` of member `user`                 |
//! | `orders[*].card`    | `card` of every element of the array `orders`   |
//! | `orders[0].card`    | `card` of the first element only                |
//! | `user.*`            | every member of `user`                          |
//! | `["e.mail"].x`      | a member whose name needs quoting (JSON string) |
//!
//! Unquoted names are any characters other than `.`, `[`, `]`, `"`, white
//! space and control characters. A path that does not exist in a record is
//! skipped: optional fields stay optional.
//!
//! When a record transform encrypts, each value has two contexts (the
//! [`context`] module, specified in `src/spec/records.md`): its
//! **location**, the canonical spelling of where it is (`orders[1].card`),
//! which randomized tokens are bound to, so two elements' tokens cannot be
//! swapped; and its **field**, the spelling of the selecting path
//! (`orders[*].card`), which deterministic tokens, hashes and pseudonyms use
//! so that equal values stay equal across elements. Both are followed by a
//! NUL byte and the record ID when one is selected — see [`field_context`]
//! and [`ValueContexts`].
//!
//! [`walk_leaves`] visits every string and number of a record with its
//! location, so whatever reports on fields (a policy's PII pass, `fieldguard
//! scan`) names them the same way: [`FieldPath::generalize`].

mod context;

pub(crate) use context::{context_bytes, id_text, record_id_text};
pub use context::{field_context, ValueContexts};

use crate::error::{Error, ErrorKind, Result};
use serde_json::Value;
use std::fmt;
use std::str::FromStr;

/// One step of a [`FieldPath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Segment {
    /// An object member by name.
    Key(String),
    /// Every member of an object (`*`).
    AnyKey,
    /// An array element by position.
    Index(usize),
    /// Every element of an array (`[*]`).
    AnyIndex,
}

/// A parsed field path such as `orders[*].card`.
///
/// ```
/// use fieldguard::FieldPath;
/// let path: FieldPath = r#"orders[*]["card no"]"#.parse()?;
/// assert_eq!(path.to_string(), r#"orders[*]["card no"]"#);
/// assert!("a..b".parse::<FieldPath>().is_err());
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

impl FieldPath {
    /// The steps of the path.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether the path can select more than one value.
    pub fn has_wildcard(&self) -> bool {
        self.segments
            .iter()
            .any(|s| matches!(s, Segment::AnyKey | Segment::AnyIndex))
    }

    /// Call `f` on every value the path selects in `record`, read only.
    pub fn for_each(&self, record: &Value, f: &mut dyn FnMut(&Value)) {
        visit_ref(record, &self.segments, f);
    }

    /// Call `f` on every value the path selects in `record`.
    pub fn for_each_mut(
        &self,
        record: &mut Value,
        f: &mut dyn FnMut(&mut Value) -> Result<()>,
    ) -> Result<()> {
        visit(record, &self.segments, f)
    }

    /// The name of the concrete location `at` in reports and field
    /// contexts: array positions become `[*]`, so all elements of
    /// `orders[*].note` share one name (and one field context; randomized
    /// tokens are bound to the location itself, [`FieldPath::concrete`]).
    ///
    /// ```
    /// use fieldguard::path::{FieldPath, Segment};
    /// let at = [Segment::Key("orders".into()), Segment::Index(3), Segment::Key("a.b".into())];
    /// assert_eq!(FieldPath::generalize(&at).to_string(), r#"orders[*]["a.b"]"#);
    /// ```
    pub fn generalize(at: &[Segment]) -> Self {
        let segments = at
            .iter()
            .map(|s| match s {
                Segment::Index(_) => Segment::AnyIndex,
                other => other.clone(),
            })
            .collect();
        Self { segments }
    }

    /// The own key of the value at `at`: its last member name, array
    /// positions skipped (`phones[2]` → `phones`); `None` at the top or
    /// under arrays only. The recognizers take it as context evidence.
    ///
    /// ```
    /// use fieldguard::path::{FieldPath, Segment};
    /// let at = [Segment::Key("user".into()), Segment::Key("phones".into()), Segment::Index(2)];
    /// assert_eq!(FieldPath::own_key(&at), Some("phones"));
    /// assert_eq!(FieldPath::own_key(&[Segment::Index(0)]), None);
    /// ```
    pub fn own_key(at: &[Segment]) -> Option<&str> {
        at.iter().rev().find_map(|s| match s {
            Segment::Key(k) => Some(k.as_str()),
            _ => None,
        })
    }

    /// The concrete location `at` as a path (its text is the location
    /// context of a value found there).
    pub(crate) fn concrete(at: &[Segment]) -> Self {
        Self {
            segments: at.to_vec(),
        }
    }

    /// Call `f` on every value the path selects in `record`, with its
    /// concrete location (`Key` and `Index` steps only: each wildcard
    /// replaced by the member name or position it matched).
    pub(crate) fn for_each_located_mut(
        &self,
        record: &mut Value,
        f: &mut dyn FnMut(&[Segment], &mut Value) -> Result<()>,
    ) -> Result<()> {
        visit_located(record, &self.segments, &mut Vec::new(), f)
    }

    /// Whether this path, read as a pattern, selects the concrete location
    /// `at` (only `Key` and `Index` steps): `orders[*].card` matches
    /// `orders[3].card`.
    pub(crate) fn matches(&self, at: &[Segment]) -> bool {
        self.segments.len() == at.len()
            && self.segments.iter().zip(at).all(|(p, c)| match (p, c) {
                (Segment::AnyKey, Segment::Key(_)) | (Segment::AnyIndex, Segment::Index(_)) => true,
                (p, c) => p == c,
            })
    }

    /// Remove every value the path selects from its parent object or array;
    /// returns how many were removed. Object members are removed keeping
    /// the order of the others.
    pub(crate) fn remove_all(&self, record: &mut Value) -> usize {
        let Some((last, parents)) = self.segments.split_last() else {
            return 0;
        };
        let mut removed = 0;
        // `visit` only fails when its callback does, and this one never does.
        let _ = visit(record, parents, &mut |parent| {
            removed += match (last, parent) {
                (Segment::Key(k), Value::Object(map)) => usize::from(map.shift_remove(k).is_some()),
                (Segment::AnyKey, Value::Object(map)) => std::mem::take(map).len(),
                (Segment::Index(i), Value::Array(items)) if *i < items.len() => {
                    items.remove(*i);
                    1
                }
                (Segment::AnyIndex, Value::Array(items)) => std::mem::take(items).len(),
                _ => 0,
            };
            Ok(())
        });
        removed
    }

    /// The single value the path selects, if any (first match for wildcards).
    pub fn get<'v>(&self, record: &'v Value) -> Option<&'v Value> {
        let mut current = record;
        for segment in &self.segments {
            current = match (segment, current) {
                (Segment::Key(k), Value::Object(map)) => map.get(k)?,
                (Segment::AnyKey, Value::Object(map)) => map.values().next()?,
                (Segment::Index(i), Value::Array(items)) => items.get(*i)?,
                (Segment::AnyIndex, Value::Array(items)) => items.first()?,
                _ => return None,
            };
        }
        Some(current)
    }
}

fn visit(
    value: &mut Value,
    segments: &[Segment],
    f: &mut dyn FnMut(&mut Value) -> Result<()>,
) -> Result<()> {
    let Some((first, rest)) = segments.split_first() else {
        return f(value);
    };
    match (first, value) {
        (Segment::Key(k), Value::Object(map)) => match map.get_mut(k) {
            Some(v) => visit(v, rest, f),
            None => Ok(()),
        },
        (Segment::AnyKey, Value::Object(map)) => {
            map.values_mut().try_for_each(|v| visit(v, rest, f))
        }
        (Segment::Index(i), Value::Array(items)) => match items.get_mut(*i) {
            Some(v) => visit(v, rest, f),
            None => Ok(()),
        },
        (Segment::AnyIndex, Value::Array(items)) => {
            items.iter_mut().try_for_each(|v| visit(v, rest, f))
        }
        _ => Ok(()),
    }
}

fn visit_ref(value: &Value, segments: &[Segment], f: &mut dyn FnMut(&Value)) {
    let Some((first, rest)) = segments.split_first() else {
        return f(value);
    };
    match (first, value) {
        (Segment::Key(k), Value::Object(map)) => {
            if let Some(v) = map.get(k) {
                visit_ref(v, rest, f);
            }
        }
        (Segment::AnyKey, Value::Object(map)) => map.values().for_each(|v| visit_ref(v, rest, f)),
        (Segment::Index(i), Value::Array(items)) => {
            if let Some(v) = items.get(*i) {
                visit_ref(v, rest, f);
            }
        }
        (Segment::AnyIndex, Value::Array(items)) => {
            items.iter().for_each(|v| visit_ref(v, rest, f))
        }
        _ => {}
    }
}

fn visit_located(
    value: &mut Value,
    segments: &[Segment],
    at: &mut Vec<Segment>,
    f: &mut dyn FnMut(&[Segment], &mut Value) -> Result<()>,
) -> Result<()> {
    let Some((first, rest)) = segments.split_first() else {
        return f(at, value);
    };
    let mut step = |at: &mut Vec<Segment>, segment: Segment, v: &mut Value| {
        at.push(segment);
        let result = visit_located(v, rest, at, f);
        at.pop();
        result
    };
    match (first, value) {
        (Segment::Key(k), Value::Object(map)) => match map.get_mut(k) {
            Some(v) => step(at, Segment::Key(k.clone()), v),
            None => Ok(()),
        },
        (Segment::AnyKey, Value::Object(map)) => map
            .iter_mut()
            .try_for_each(|(k, v)| step(at, Segment::Key(k.clone()), v)),
        (Segment::Index(i), Value::Array(items)) => match items.get_mut(*i) {
            Some(v) => step(at, Segment::Index(*i), v),
            None => Ok(()),
        },
        (Segment::AnyIndex, Value::Array(items)) => items
            .iter_mut()
            .enumerate()
            .try_for_each(|(i, v)| step(at, Segment::Index(i), v)),
        _ => Ok(()),
    }
}

impl FromStr for FieldPath {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        Parser { text, pos: 0 }.parse()
    }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> Error {
        Error::with(
            ErrorKind::FieldPathInvalid,
            format!("{what} at byte {} of the path", self.pos),
        )
    }

    fn parse(mut self) -> Result<FieldPath> {
        let mut segments = Vec::new();
        if self.text.is_empty() {
            return Err(self.error("empty path"));
        }
        if !self.text.starts_with('[') {
            segments.push(self.name()?);
        }
        while let Some(c) = self.text[self.pos..].chars().next() {
            match c {
                '.' => {
                    self.pos += 1;
                    segments.push(self.name()?);
                }
                '[' => {
                    self.pos += 1;
                    segments.push(self.bracket()?);
                }
                _ => return Err(self.error("expected '.' or '['")),
            }
        }
        Ok(FieldPath { segments })
    }

    fn name(&mut self) -> Result<Segment> {
        let rest = &self.text[self.pos..];
        let end = rest
            .find(|c: char| {
                matches!(c, '.' | '[' | ']' | '"') || c.is_whitespace() || c.is_control()
            })
            .unwrap_or(rest.len());
        if end == 0 {
            return Err(self.error("expected a field name"));
        }
        self.pos += end;
        Ok(match &rest[..end] {
            "*" => Segment::AnyKey,
            name => Segment::Key(name.to_owned()),
        })
    }

    fn bracket(&mut self) -> Result<Segment> {
        let rest = &self.text[self.pos..];
        let segment = if rest.starts_with('"') {
            // A JSON string literal: let serde_json find its end and unescape.
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<String>();
            let name = match stream.next() {
                Some(Ok(name)) => name,
                _ => return Err(self.error("unterminated or invalid quoted name")),
            };
            self.pos += stream.byte_offset();
            Segment::Key(name)
        } else {
            let end = rest.find(']').ok_or_else(|| self.error("missing ']'"))?;
            let inner = &rest[..end];
            self.pos += end;
            if inner == "*" {
                Segment::AnyIndex
            } else if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) {
                Segment::Index(inner.parse().map_err(|_| self.error("index too large"))?)
            } else {
                return Err(self.error("expected an index, '*' or a quoted name inside '[]'"));
            }
        };
        if !self.text[self.pos..].starts_with(']') {
            return Err(self.error("missing ']'"));
        }
        self.pos += 1;
        Ok(segment)
    }
}

impl fmt::Display for FieldPath {
    /// The canonical spelling: bare names where possible, quoted otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(k) if is_bare_name(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Segment::Key(k) => {
                    let quoted = serde_json::to_string(k).map_err(|_| fmt::Error)?;
                    write!(f, "[{quoted}]")?;
                }
                Segment::AnyKey => f.write_str(if i > 0 { ".*" } else { "*" })?,
                Segment::Index(n) => write!(f, "[{n}]")?,
                Segment::AnyIndex => f.write_str("[*]")?,
            }
        }
        Ok(())
    }
}

fn is_bare_name(name: &str) -> bool {
    !name.is_empty()
        && name != "*"
        && !name.contains(|c: char| {
            matches!(c, '.' | '[' | ']' | '"') || c.is_whitespace() || c.is_control()
        })
}

/// Which fields of each record to transform, and where the record ID is.
#[derive(Clone, Debug, Default)]
pub struct FieldSelection {
    /// Each path with its canonical spelling, rendered once rather than for
    /// every record (the spelling is part of every token's context).
    fields: Vec<(FieldPath, String)>,
    record_id: Option<FieldPath>,
}

impl FieldSelection {
    /// Select the values at `fields`.
    pub fn new(fields: Vec<FieldPath>) -> Self {
        Self {
            fields: fields
                .into_iter()
                .map(|path| {
                    let canonical = path.to_string();
                    (path, canonical)
                })
                .collect(),
            record_id: None,
        }
    }

    /// Bind each token to its record too: the value at `path` (a string or
    /// an integer, without wildcards) becomes part of the context.
    pub fn with_record_id(mut self, path: FieldPath) -> Result<Self> {
        if path.has_wildcard() {
            return Err(Error::with(
                ErrorKind::FieldPathInvalid,
                "a record ID path cannot contain wildcards",
            ));
        }
        self.record_id = Some(path);
        Ok(self)
    }

    /// Apply `op(value, contexts)` to every selected string in `record`;
    /// nulls are left alone, other types are a `FIELD_TYPE` error. Returns
    /// how many values were transformed. `contexts` are the value's
    /// location and field contexts ([`ValueContexts`]): bind randomized
    /// tokens to the location, anything that must be equal for equal values
    /// to the field (`ValueContexts`' methods do both).
    pub fn apply(
        &self,
        record: &mut Value,
        op: &mut dyn FnMut(&str, &ValueContexts) -> Result<String>,
    ) -> Result<u64> {
        let record_id = match &self.record_id {
            None => None,
            Some(path) => Some(record_id_text(path, record)?),
        };
        let mut count = 0;
        for (path, canonical) in &self.fields {
            let field = context_bytes(canonical, record_id.as_deref());
            let concrete = !path.has_wildcard();
            path.for_each_located_mut(record, &mut |at, value| match value {
                Value::Null => Ok(()),
                Value::String(s) => {
                    // Without wildcards the location is the path itself.
                    let location = (!concrete).then(|| {
                        context_bytes(&FieldPath::concrete(at).to_string(), record_id.as_deref())
                    });
                    let contexts = ValueContexts {
                        location: location.as_deref().unwrap_or(&field),
                        field: &field,
                    };
                    *s = op(s, &contexts).map_err(|e| e.context(format!("field {path}")))?;
                    count += 1;
                    Ok(())
                }
                other => Err(Error::with(
                    ErrorKind::FieldType,
                    format!("field {path} holds {}", type_name(other)),
                )),
            })?;
        }
        Ok(count)
    }
}

/// "a string", "an object", … for error messages (never the value).
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// How deep [`walk_leaves`] follows nested objects and arrays. serde_json
/// refuses to parse documents nested deeper than 128, but a record built in
/// code can be deeper, and the walk is recursive.
pub const MAX_DEPTH: usize = 128;

/// What [`walk_leaves`] does at each value of a record.
pub trait LeafVisitor {
    /// What a subtree inherits from the values around it (for a policy:
    /// whether the subtree is scanned at all). `()` when nothing is.
    type Scope: Copy;

    /// Called on every value, containers and leaves, before looking inside
    /// it, with its location: `None` skips the value and everything in it;
    /// otherwise the scope for it and its children. Default: go on with the
    /// scope of the parent.
    fn enter(&mut self, at: &[Segment], scope: Self::Scope) -> Option<Self::Scope> {
        let _ = at;
        Some(scope)
    }

    /// Called on every string and number that was not skipped, in document
    /// order; it may replace the value.
    fn leaf(&mut self, at: &[Segment], value: &mut Value, scope: Self::Scope) -> Result<()>;
}

/// Visit every string and number under `value` with its concrete location
/// (`Key` and `Index` steps; `at` holds the location of `value` itself,
/// usually empty, and is restored on return). Objects are walked in member
/// order, arrays in index order; object keys, booleans and nulls are not
/// leaves. A value nested deeper than [`MAX_DEPTH`] steps is a
/// `RECORD_INVALID` error; an error from `visitor` stops the walk and is
/// returned as it is.
///
/// ```
/// use fieldguard::path::{walk_leaves, FieldPath, LeafVisitor, Segment};
/// use serde_json::{json, Value};
///
/// struct Names(Vec<String>);
/// impl LeafVisitor for Names {
///     type Scope = ();
///     fn leaf(&mut self, at: &[Segment], _: &mut Value, _: ()) -> fieldguard::Result<()> {
///         self.0.push(FieldPath::generalize(at).to_string());
///         Ok(())
///     }
/// }
/// let mut record = json!({"a.b": "x", "orders": [{"n": 1}, {"n": 2, "ok": true}]});
/// let mut names = Names(Vec::new());
/// walk_leaves(&mut record, &mut Vec::new(), (), &mut names)?;
/// assert_eq!(names.0, [r#"["a.b"]"#, "orders[*].n", "orders[*].n"]);
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn walk_leaves<V: LeafVisitor + ?Sized>(
    value: &mut Value,
    at: &mut Vec<Segment>,
    scope: V::Scope,
    visitor: &mut V,
) -> Result<()> {
    if at.len() > MAX_DEPTH {
        return Err(Error::with(
            ErrorKind::RecordInvalid,
            format!("the record is nested deeper than {MAX_DEPTH} levels"),
        ));
    }
    let Some(scope) = visitor.enter(at, scope) else {
        return Ok(());
    };
    match value {
        Value::Object(map) => {
            for (key, member) in map.iter_mut() {
                at.push(Segment::Key(key.clone()));
                let result = walk_leaves(member, at, scope, visitor);
                at.pop();
                result?;
            }
            Ok(())
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                at.push(Segment::Index(i));
                let result = walk_leaves(item, at, scope, visitor);
                at.pop();
                result?;
            }
            Ok(())
        }
        Value::String(_) | Value::Number(_) => visitor.leaf(at, value, scope),
        Value::Null | Value::Bool(_) => Ok(()),
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_parse_and_print_canonically() {
        for (text, canonical) in [
            ("a", "a"),
            ("a.b.c", "a.b.c"),
            ("orders[*].card", "orders[*].card"),
            ("orders[12].card", "orders[12].card"),
            ("user.*", "user.*"),
            ("[*].x", "[*].x"),
            (r#"["a.b"].c"#, r#"["a.b"].c"#),
            (r#"["plain"]"#, "plain"),
            (r#"a["\u00e9"]"#, "a.é"),
            (r#"["*"]"#, r#"["*"]"#),
        ] {
            let path: FieldPath = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(path.to_string(), canonical, "{text}");
            assert_eq!(canonical.parse::<FieldPath>().unwrap(), path);
        }
        for bad in [
            "",
            ".",
            "a.",
            "a..b",
            "a[",
            "a[]",
            "a[x]",
            "a[-1]",
            "a]",
            "a b",
            r#"a["x"#,
            r#"a["x"x]"#,
            "a[1]b",
        ] {
            let err = bad.parse::<FieldPath>().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::FieldPathInvalid, "{bad:?}");
        }
    }

    #[test]
    fn selection_visits_nested_values_and_skips_missing() {
        let mut record = json!({
            "id": 7,
            "user": {"email": "a@x.org", "phone": null},
            "orders": [{"card": "4111"}, {"card": "5500"}, {"other": 1}]
        });
        let selection = FieldSelection::new(vec![
            "user.email".parse().unwrap(),
            "user.phone".parse().unwrap(),
            "orders[*].card".parse().unwrap(),
            "missing.field".parse().unwrap(),
        ])
        .with_record_id("id".parse().unwrap())
        .unwrap();
        let mut seen = Vec::new();
        let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
        let n = selection
            .apply(&mut record, &mut |v, ctx| {
                seen.push((text(ctx.location), text(ctx.field)));
                Ok(v.to_uppercase())
            })
            .unwrap();
        assert_eq!(n, 3);
        assert_eq!(record["user"]["email"], "A@X.ORG");
        assert_eq!(record["orders"][1]["card"], "5500");
        let pair = |l: &str, f: &str| (l.to_owned(), f.to_owned());
        assert_eq!(
            seen,
            [
                pair("user.email\u{0}7", "user.email\u{0}7"),
                pair("orders[0].card\u{0}7", "orders[*].card\u{0}7"),
                pair("orders[1].card\u{0}7", "orders[*].card\u{0}7"),
            ]
        );

        // `*` members are located by name, with quoting where needed.
        let mut record = json!({"user": {"e.mail": "a", "tel": "b"}});
        let mut seen = Vec::new();
        FieldSelection::new(vec!["user.*".parse().unwrap()])
            .apply(&mut record, &mut |v, ctx| {
                seen.push((text(ctx.location), text(ctx.field)));
                Ok(v.to_owned())
            })
            .unwrap();
        assert_eq!(
            seen,
            [
                pair(r#"user["e.mail"]"#, "user.*"),
                pair("user.tel", "user.*")
            ]
        );

        let mut bad = json!({"user": {"email": 5}});
        let err = FieldSelection::new(vec!["user.email".parse().unwrap()])
            .apply(&mut bad, &mut |v, _| Ok(v.to_owned()))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::FieldType);
    }

    #[test]
    fn the_leaf_walk_prunes_scopes_and_bounds_depth() {
        /// Collects leaves; skips `skip`, and marks everything under `mark`.
        struct Probe(Vec<(String, bool)>);
        impl LeafVisitor for Probe {
            type Scope = bool;
            fn enter(&mut self, at: &[Segment], marked: bool) -> Option<bool> {
                match at.last() {
                    Some(Segment::Key(k)) if k == "skip" => None,
                    Some(Segment::Key(k)) if k == "mark" => Some(true),
                    _ => Some(marked),
                }
            }
            fn leaf(&mut self, at: &[Segment], value: &mut Value, marked: bool) -> Result<()> {
                self.0.push((FieldPath::generalize(at).to_string(), marked));
                *value = Value::String("seen".into());
                Ok(())
            }
        }
        let mut record = json!({"a": 1, "skip": {"x": "s"}, "mark": [{"y": "t"}, null, true],
                                "z": ["u"]});
        let mut probe = Probe(Vec::new());
        walk_leaves(&mut record, &mut Vec::new(), false, &mut probe).unwrap();
        let names: Vec<_> = probe.0.iter().map(|(n, m)| (n.as_str(), *m)).collect();
        assert_eq!(names, [("a", false), ("mark[*].y", true), ("z[*]", false)]);
        assert_eq!(record["skip"]["x"], "s");
        assert_eq!(record["mark"], json!([{"y": "seen"}, null, true]));

        let mut deep = json!("leaf");
        for _ in 0..=MAX_DEPTH {
            deep = json!([deep]);
        }
        let err =
            walk_leaves(&mut deep, &mut Vec::new(), false, &mut Probe(Vec::new())).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::RecordInvalid);
        let mut shallow = deep[0].take();
        assert!(walk_leaves(&mut shallow, &mut Vec::new(), false, &mut Probe(Vec::new())).is_ok());
    }
}
