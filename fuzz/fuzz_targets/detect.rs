//! Injection detection (`detect::detect`) on untrusted text.
//!
//! The mode byte sets the options: bit 0 turns decoding off, bits 1–3 pick
//! a single category (0 = all; 1–6 one of `Category::ALL`), bit 4 lowers
//! `minConfidence` to 0, bit 5 sets a 256-byte `maxInputBytes`. Checked
//! besides "no panic": every finding's char offsets are in bounds and
//! ordered, its fragment is exactly the input's chars `start..end` cut to
//! 100, its confidence meets the minimum and its category was asked for;
//! the rule id names the category; the default entry point agrees with
//! explicit default options.
#![no_main]

use fieldguard::detect::{detect, detect_default, Category, DetectOptions};
use fieldguard_fuzz::{split_first, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = split_first(data);
    let input = text(payload);
    let mut options = DetectOptions::default().decode(mode & 1 == 0);
    let only = usize::from((mode >> 1) & 7);
    if let Some(&category) = only.checked_sub(1).and_then(|i| Category::ALL.get(i)) {
        options = options.categories(vec![category]);
    }
    if mode & 0x10 != 0 {
        options = options.min_confidence(0);
    }
    if mode & 0x20 != 0 {
        options = options.max_input_bytes(256);
    }
    let Ok(findings) = detect(&input, &options) else {
        return;
    };
    let chars: Vec<char> = input.chars().collect();
    for f in &findings {
        assert!(
            f.start <= f.end && f.end <= chars.len(),
            "offsets in bounds"
        );
        let fragment: String = chars[f.start..f.end].iter().take(100).collect();
        assert_eq!(
            f.fragment, fragment,
            "the fragment is the input at the offsets"
        );
        assert!(f.confidence >= options.min_confidence && f.confidence <= 100);
        if let Some(categories) = &options.categories {
            assert!(categories.contains(&f.category));
        }
        // Rule ids start with a short category name ("path.", "code.").
        let prefix = f.category.name().split('-').next().unwrap_or_default();
        assert!(f.rule.starts_with(prefix), "rule ids name their category");
    }
    if mode & 0x3f == 0 {
        assert_eq!(detect_default(&input).expect("default options"), findings);
    }
});
