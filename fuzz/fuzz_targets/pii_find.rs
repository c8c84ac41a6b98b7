//! PII scanning (`pii::recognize::find`, `Recognizer::try_find`) on
//! untrusted text.
//!
//! The mode byte sets `minScore` (mode % 101) and, with bit 7, a 40-byte
//! `maxInputBytes` (the `INPUT_TOO_LARGE` path). Checked besides "no
//! panic", as the module docs promise: every finding's byte offsets are in
//! bounds, non-empty and on char boundaries (so `&text[start..end]` never
//! panics in a caller); findings are sorted by start and never overlap;
//! scores are within `minScore..=100`; `find` and a reused `Recognizer`
//! agree; the UTF-16 and char offsets for JS are consistent with the byte
//! offsets.
#![no_main]

use fieldguard::pii::recognize::{char_offsets, find, utf16_offsets, RecognizeOptions, Recognizer};
use fieldguard_fuzz::{split_first, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = split_first(data);
    let input = text(payload);
    let mut options = RecognizeOptions::default().min_score(mode % 101);
    if mode & 0x80 != 0 {
        options.max_input_bytes = 40;
    }
    let found = find(&input, &options);
    let recognizer = Recognizer::new(&options).expect("valid options");
    assert_eq!(
        recognizer.try_find(&input).ok(),
        found.clone().ok(),
        "find == try_find"
    );
    let Ok(findings) = found else {
        assert!(
            input.len() > options.max_input_bytes as usize,
            "only too-large input fails"
        );
        return;
    };
    let mut previous_end = 0;
    for f in &findings {
        assert!(
            f.start < f.end && f.end <= input.len(),
            "offsets in bounds and non-empty"
        );
        assert!(
            input.is_char_boundary(f.start) && input.is_char_boundary(f.end),
            "char boundaries"
        );
        assert!(f.start >= previous_end, "sorted and non-overlapping");
        assert!(f.score >= options.min_score && f.score <= 100);
        previous_end = f.end;
    }
    let utf16 = utf16_offsets(&input, &findings);
    let chars = char_offsets(&input, &findings);
    for ((f, u), c) in findings.iter().zip(&utf16).zip(&chars) {
        let before = &input[..f.start];
        let value = &input[f.start..f.end];
        assert_eq!(c.0, before.chars().count());
        assert_eq!(c.1 - c.0, value.chars().count());
        assert_eq!(u.0, before.encode_utf16().count());
        assert_eq!(u.1 - u.0, value.encode_utf16().count());
    }
    assert_eq!((utf16.len(), chars.len()), (findings.len(), findings.len()));
});
