//! The UTS #39 checks on untrusted names: `text::skeleton`,
//! `text::are_confusable` and `text::analyze_scripts`. The payload is two
//! strings separated by a NUL byte. Checked besides "no panic":
//! confusability is reflexive and symmetric and agrees with comparing
//! skeletons; ASCII letters and digits report the `ascii` level and no
//! mixed scripts, and only ASCII reports `ascii`. (Mixed scripts come
//! from Script_Extensions and the list from Script, so one listed script
//! can still be mixed: no property ties them.)
#![no_main]

use fieldguard::text::{analyze_scripts, are_confusable, skeleton, RestrictionLevel};
use fieldguard_fuzz::{split_nul, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (a, b) = split_nul(data);
    let (a, b) = (text(a), text(b));
    assert!(are_confusable(&a, &a));
    let ab = are_confusable(&a, &b);
    assert_eq!(ab, are_confusable(&b, &a), "confusability is symmetric");
    assert_eq!(ab, skeleton(&a) == skeleton(&b));
    let report = analyze_scripts(&a);
    // The levels are for identifiers: ASCII letters and digits are `ascii`,
    // while ASCII with a space or punctuation may be `unrestricted` (documented).
    if a.bytes().all(|c| c.is_ascii_alphanumeric()) {
        assert_eq!(report.restriction_level, RestrictionLevel::Ascii);
        assert!(!report.mixed_script);
    }
    if report.restriction_level == RestrictionLevel::Ascii {
        assert!(a.is_ascii(), "the ascii level means ASCII only");
    }
});
