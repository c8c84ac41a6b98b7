//! Field paths from policies, CLI flags and C/JS callers: `FieldPath`'s
//! parser and canonical `Display`. Two inputs per run, from the same bytes:
//!
//! * the bytes as path text: a path that parses must round-trip,
//!   `parse(display(p)) == p`, and its display is a fixed point;
//! * the bytes read by `arbitrary` as a list of segments (any key, index,
//!   wildcard — names with quotes, dots, controls, empty names): the path
//!   `FieldPath::generalize` builds from them displays as text that parses
//!   back to the same path. (A path always has a segment, so an empty list
//!   is skipped: it is not a path any parser can produce.)
//!
//! Both paths are also looked up in a fixed record (`FieldPath::get`).
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use fieldguard::path::Segment;
use fieldguard::FieldPath;
use fieldguard_fuzz::text;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Step {
    Key(String),
    AnyKey,
    Index(usize),
    AnyIndex,
}

fn round_trip(path: &FieldPath) {
    let shown = path.to_string();
    let again: FieldPath = shown.parse().expect("a displayed path parses");
    assert_eq!(&again, path, "parse(display(p)) == p");
    assert_eq!(again.to_string(), shown, "display is canonical");
    let record = serde_json::json!({"a": {"b": [1, {"c": "x"}]}, "e.mail": "y", "": [true]});
    let _ = path.get(&record);
}

fuzz_target!(|data: &[u8]| {
    if let Ok(path) = text(data).parse::<FieldPath>() {
        round_trip(&path);
    }
    let mut u = Unstructured::new(data);
    let Ok(steps) = Vec::<Step>::arbitrary(&mut u) else {
        return;
    };
    if steps.is_empty() {
        return;
    }
    let segments: Vec<Segment> = steps
        .into_iter()
        .map(|s| match s {
            Step::Key(k) => Segment::Key(k),
            Step::AnyKey => Segment::AnyKey,
            Step::Index(i) => Segment::Index(i),
            Step::AnyIndex => Segment::AnyIndex,
        })
        .collect();
    let generalized = FieldPath::generalize(&segments);
    round_trip(&generalized);
});
