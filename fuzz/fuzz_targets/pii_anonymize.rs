//! Free-text anonymization (`pii::anonymize::Anonymizer`) on untrusted
//! text, with the fixed keyring.
//!
//! The mode byte picks the operator for every entity type (`OPERATORS`:
//! the default `replace` tag, `redact`, a custom `replace`, `mask`, `hash`,
//! `pseudonymize`, `encrypt`, `generalize`, `date-shift`, `drop`); any
//! other mode reads the payload as `AnonymizeOptions` JSON, a NUL byte,
//! and the text. Checked besides "no panic":
//!
//! * the output is the input with exactly the findings' spans replaced
//!   (`find` with the same scan options gives the spans; the text between
//!   replacements is copied input), one item per finding, in order;
//! * with `redact`, `replace` and `drop`, no found value is in the output
//!   inside or across a replacement — where it is still present, it is
//!   copied input text that was not found (an occurrence the recognizer did
//!   not report), never the finding itself nor text glued together around a
//!   removed span;
//! * `encrypt` replacements decrypt to the found value with the context;
//!   the keyed deterministic operators give the same text twice.
#![no_main]

use fieldguard::pii::anonymize::{AnonymizeOptions, Anonymizer};
use fieldguard::pii::operators::{Operator, OperatorContext};
use fieldguard::pii::recognize::find;
use fieldguard_fuzz::{keyring, overlaps_a_span, split_first, split_nul, text};
use libfuzzer_sys::fuzz_target;

const OPERATORS: &[&str] = &[
    r#"{"op": "replace"}"#,
    r#"{"op": "redact"}"#,
    r#"{"op": "replace", "with": "[{type} removed]"}"#,
    r#"{"op": "mask", "keepLast": 4}"#,
    r#"{"op": "hash", "length": 8}"#,
    r#"{"op": "pseudonymize"}"#,
    r#"{"op": "encrypt"}"#,
    r#"{"op": "generalize"}"#,
    r#"{"op": "date-shift", "maxDays": 30}"#,
    r#"{"op": "drop"}"#,
];

/// Modes whose operator removes the value outright.
const REMOVING: &[u8] = &[0, 1, 2, 9];
const ENCRYPT: u8 = 6;
const DETERMINISTIC: &[u8] = &[3, 4, 5, 7, 8];

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = split_first(data);
    let (options, input) = match OPERATORS.get(usize::from(mode)) {
        Some(json) => {
            let op: Operator = serde_json::from_str(json).expect("fixed operators parse");
            let mut options = AnonymizeOptions::default();
            options.default_operator = op;
            (options, text(payload))
        }
        None => {
            let (json, rest) = split_nul(payload);
            let Ok(options) = serde_json::from_str::<AnonymizeOptions>(&text(json)) else {
                return;
            };
            (options, text(rest))
        }
    };
    let Ok(anonymizer) = Anonymizer::new(&options) else {
        return;
    };
    let ctx = OperatorContext::new()
        .keyring(keyring())
        .context(b"notes")
        .subject("u1");
    let Ok(out) = anonymizer.anonymize(&input, &ctx) else {
        return;
    };
    let findings = find(&input, &options.scan).expect("the anonymizer's scan succeeded");
    assert_eq!(out.items.len(), findings.len(), "one item per finding");
    let (mut copied_in, mut copied_out) = (0, 0);
    for (item, f) in out.items.iter().zip(&findings) {
        assert_eq!(item.entity_type, f.entity_type);
        assert!(item.start <= item.end && item.end <= out.text.len());
        assert_eq!(
            &out.text[copied_out..item.start],
            &input[copied_in..f.start],
            "gaps are copied input"
        );
        (copied_in, copied_out) = (f.end, item.end);
    }
    assert_eq!(&out.text[copied_out..], &input[copied_in..]);

    let spans: Vec<(usize, usize)> = out.items.iter().map(|i| (i.start, i.end)).collect();
    if REMOVING.contains(&mode) {
        for f in &findings {
            let value = &input[f.start..f.end];
            assert!(
                !overlaps_a_span(&out.text, value, &spans),
                "a removed value is not in or across a replacement"
            );
        }
    }
    if mode == ENCRYPT {
        for (item, f) in out.items.iter().zip(&findings).filter(|(i, _)| !i.fallback) {
            let token = &out.text[item.start..item.end];
            let plain = keyring()
                .decrypt_str(token, b"notes")
                .expect("encrypted findings decrypt");
            assert_eq!(plain, input[f.start..f.end]);
        }
    }
    if DETERMINISTIC.contains(&mode) {
        let again = anonymizer.anonymize(&input, &ctx).expect("succeeded once");
        assert_eq!(again.text, out.text, "keyed deterministic operators repeat");
    }
});
