//! `text::clean` on untrusted text with several option sets.
//!
//! The mode byte picks the options: 0–4 are the defaults and the four
//! presets, for which the docs promise idempotence, so there the target
//! checks `clean(clean(x).value) == clean(x).value`. 5–11 are fixed sets
//! that exercise the other switches (NFKC + lowercase + collapsing, a
//! rejecting allowlist, a length limit in chars, a custom separator,
//! keeping bidi/invisible characters, a rejecting grapheme limit, a tiny
//! input limit). Any other mode reads a whole `CleanOptions` from the next
//! bytes with `arbitrary` (every switch, any separator and extra
//! characters), the rest being the text.
//!
//! Checked for every set: no panic; `changed` is exactly "value differs
//! from input"; with a truncating limit the value is within the limit.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use fieldguard::text::{
    clean, CharClass, CleanOptions, Disallowed, LengthUnit, Normalization, OverLength, Preset,
};
use fieldguard_fuzz::{split_first, text};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

const FIXED: &[&str] = &[
    r#"{}"#,
    r#"{"preset": "username"}"#,
    r#"{"preset": "slug"}"#,
    r#"{"preset": "name"}"#,
    r#"{"preset": "phone-digits"}"#,
    r#"{"normalize": "nfkc", "lowercase": true, "collapseWhitespace": true}"#,
    r#"{"allow": ["letters", "digits", "space"], "disallowed": "reject"}"#,
    r#"{"maxLength": 5, "lengthUnit": "chars", "trim": false}"#,
    r#"{"separator": ".", "normalize": "none", "allow": ["ascii-letters"], "allowExtra": "é"}"#,
    r#"{"removeBidi": false, "removeInvisible": false, "keepNewlines": false, "keepTabs": false}"#,
    r#"{"maxLength": 3, "overLength": "reject", "preset": "name"}"#,
    r#"{"maxInputBytes": 64, "keepLeadingPlus": true, "allow": ["ascii-digits"]}"#,
];

/// How many of `FIXED` the docs promise to be idempotent (defaults, presets).
const IDEMPOTENT: usize = 5;

#[derive(Arbitrary, Debug)]
struct Fuzzed {
    preset: Option<u8>,
    normalize: Option<u8>,
    keep_newlines: Option<bool>,
    keep_tabs: Option<bool>,
    remove_bidi: Option<bool>,
    remove_invisible: Option<bool>,
    lowercase: Option<bool>,
    allow: Option<Vec<u8>>,
    allow_extra: Option<String>,
    keep_leading_plus: Option<bool>,
    reject_disallowed: Option<bool>,
    collapse_whitespace: Option<bool>,
    separator: Option<String>,
    trim: Option<bool>,
    max_length: Option<u8>,
    chars: Option<bool>,
    reject_over_length: Option<bool>,
    max_input_bytes: Option<u16>,
}

fn pick<T: Copy>(choices: &[T], i: u8) -> T {
    choices[usize::from(i) % choices.len()]
}

impl Fuzzed {
    fn options(self) -> CleanOptions {
        use CharClass::*;
        CleanOptions {
            preset: self.preset.map(|i| {
                pick(
                    &[
                        Preset::Username,
                        Preset::Slug,
                        Preset::Name,
                        Preset::PhoneDigits,
                    ],
                    i,
                )
            }),
            normalize: self.normalize.map(|i| {
                pick(
                    &[Normalization::None, Normalization::Nfc, Normalization::Nfkc],
                    i,
                )
            }),
            keep_newlines: self.keep_newlines,
            keep_tabs: self.keep_tabs,
            remove_bidi: self.remove_bidi,
            remove_invisible: self.remove_invisible,
            lowercase: self.lowercase,
            allow: self.allow.map(|v| {
                v.into_iter()
                    .map(|i| pick(&[Any, AsciiLetters, AsciiDigits, Letters, Digits, Space], i))
                    .collect()
            }),
            allow_extra: self.allow_extra,
            keep_leading_plus: self.keep_leading_plus,
            disallowed: self.reject_disallowed.map(|r| {
                if r {
                    Disallowed::Reject
                } else {
                    Disallowed::Remove
                }
            }),
            collapse_whitespace: self.collapse_whitespace,
            separator: self.separator,
            trim: self.trim,
            // Small limits: truncation only gets interesting near the text's length.
            max_length: self.max_length.map(u32::from),
            length_unit: self.chars.map(|c| {
                if c {
                    LengthUnit::Chars
                } else {
                    LengthUnit::Graphemes
                }
            }),
            over_length: self.reject_over_length.map(|r| {
                if r {
                    OverLength::Reject
                } else {
                    OverLength::Truncate
                }
            }),
            max_input_bytes: self.max_input_bytes.map(u64::from),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = split_first(data);
    let (options, input, idempotent) = match FIXED.get(usize::from(mode)) {
        Some(json) => (
            serde_json::from_str::<CleanOptions>(json).expect("fixed options parse"),
            text(payload),
            usize::from(mode) < IDEMPOTENT,
        ),
        None => {
            let mut u = Unstructured::new(payload);
            let Ok(fuzzed) = Fuzzed::arbitrary(&mut u) else {
                return;
            };
            let rest = u.take_rest();
            (fuzzed.options(), text(rest), false)
        }
    };
    let Ok(out) = clean(&input, &options) else {
        return;
    };
    assert_eq!(
        out.changed,
        out.value != *input,
        "`changed` says whether the value differs"
    );
    if let (Some(limit), None | Some(OverLength::Truncate)) =
        (options.max_length, options.over_length)
    {
        let len = match options.length_unit {
            Some(LengthUnit::Chars) => out.value.chars().count(),
            _ => out.value.graphemes(true).count(),
        };
        assert!(
            len <= limit as usize,
            "a truncated value is within the limit"
        );
    }
    if idempotent {
        let again = clean(&out.value, &options).expect("a cleaned value cleans again");
        assert_eq!(
            again.value, out.value,
            "clean is idempotent for defaults and presets"
        );
        assert!(!again.changed);
    }
});
