//! UTS #39 (Unicode Security Mechanisms): confusable skeletons, mixed-script
//! detection and restriction levels, from the `unicode-security` crate.

use super::{check_input_size, DEFAULT_MAX_INPUT_BYTES};
use crate::Result;
use serde::{Deserialize, Serialize};
use unicode_script::{Script, UnicodeScript};
use unicode_security::{MixedScript, RestrictionLevelDetection};

/// The UTS #39 skeleton of `input`: NFD, default-ignorable code points
/// removed, every character replaced by its confusables.txt prototype, NFD
/// again. Two strings are confusable when their skeletons are equal. A
/// skeleton is for comparison only, never for display or storage as the value.
///
/// ```
/// use fieldguard::text::skeleton;
/// // Cyrillic р, а, у look like Latin p, a, y.
/// assert_eq!(skeleton("\u{0440}\u{0430}\u{0443}\u{0440}\u{0430}l"), skeleton("paypal"));
/// ```
pub fn skeleton(input: &str) -> String {
    unicode_security::skeleton(input).collect()
}

/// The size limit of the `_limited` functions (JS: their options object).
/// UTS #39 skeletons expand and renormalize every character, so an
/// unbounded input is unbounded work; the default is `clean`'s.
///
/// ```
/// use fieldguard::text::{skeleton_limited, InputLimit};
/// let limit = InputLimit::new(4);
/// assert_eq!(skeleton_limited("abcde", &limit).unwrap_err().code(), "INPUT_TOO_LARGE");
/// assert_eq!(InputLimit::default().max(), fieldguard::text::DEFAULT_MAX_INPUT_BYTES);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct InputLimit {
    /// Longer input (UTF-8 bytes) is refused with `INPUT_TOO_LARGE`.
    /// Default [`DEFAULT_MAX_INPUT_BYTES`] (1 MiB).
    pub max_input_bytes: Option<u64>,
}

impl InputLimit {
    /// A limit of `max_input_bytes`.
    pub const fn new(max_input_bytes: u64) -> Self {
        Self {
            max_input_bytes: Some(max_input_bytes),
        }
    }

    /// The limit in bytes.
    pub fn max(&self) -> u64 {
        self.max_input_bytes.unwrap_or(DEFAULT_MAX_INPUT_BYTES)
    }
}

/// [`skeleton`] with a size limit: `INPUT_TOO_LARGE` over `limit`.
pub fn skeleton_limited(input: &str, limit: &InputLimit) -> Result<String> {
    check_input_size(input.len(), limit.max())?;
    Ok(skeleton(input))
}

/// [`are_confusable`] with a size limit applied to each string.
pub fn are_confusable_limited(a: &str, b: &str, limit: &InputLimit) -> Result<bool> {
    check_input_size(a.len(), limit.max())?;
    check_input_size(b.len(), limit.max())?;
    Ok(are_confusable(a, b))
}

/// [`analyze_scripts`] with a size limit.
pub fn analyze_scripts_limited(input: &str, limit: &InputLimit) -> Result<ScriptReport> {
    check_input_size(input.len(), limit.max())?;
    Ok(analyze_scripts(input))
}

/// Whether `a` and `b` are confusable per UTS #39 (equal skeletons). Equal
/// strings are confusable too; callers comparing a new name against
/// existing ones should compare skeletons of *different* stored values.
///
/// ```
/// use fieldguard::text::are_confusable;
/// assert!(are_confusable("\u{0440}\u{0430}\u{0443}\u{0440}\u{0430}l", "paypal"));
/// assert!(!are_confusable("paypal", "paypol"));
/// ```
pub fn are_confusable(a: &str, b: &str) -> bool {
    unicode_security::skeleton(a).eq(unicode_security::skeleton(b))
}

/// The scripts of a string and its UTS #39 restriction level.
///
/// ```
/// use fieldguard::text::{analyze_scripts, RestrictionLevel};
/// let r = analyze_scripts("\u{0440}\u{0430}\u{0443}\u{0440}\u{0430}l");
/// assert_eq!(r.scripts, ["Cyrl", "Latn"]);
/// assert!(r.mixed_script);
/// assert_eq!(r.restriction_level, RestrictionLevel::MinimallyRestrictive);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ScriptReport {
    /// ISO 15924 codes (the Unicode `Script` property's short aliases, e.g.
    /// `"Latn"`, `"Cyrl"`, `"Hani"`) of the characters' `Script` values,
    /// sorted, without `Zyyy` (Common) and `Zinh` (Inherited). Unassigned
    /// code points show as `Zzzz`.
    pub scripts: Vec<String>,
    /// True when the UTS #39 resolved script set (intersection of the
    /// augmented Script_Extensions sets) is empty: no single script, not even
    /// Japanese/Korean/Han-with-Bopomofo, covers the whole string.
    pub mixed_script: bool,
    /// The UTS #39 restriction level (section 5.2).
    pub restriction_level: RestrictionLevel,
}

/// UTS #39 restriction levels, most to least restrictive. The levels are
/// defined for identifiers: a character outside the UTS #39 identifier
/// profile (a space, most punctuation) makes any string `Unrestricted`.
///
/// ```
/// use fieldguard::text::RestrictionLevel;
/// assert_eq!(serde_json::to_string(&RestrictionLevel::SingleScript).unwrap(), "\"single-script\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RestrictionLevel {
    /// Only ASCII (and all of it in the identifier profile).
    Ascii,
    /// One script (resolved script set not empty).
    SingleScript,
    /// Latin plus Han with Bopomofo, Japanese, or Korean.
    HighlyRestrictive,
    /// Latin plus one other Recommended script except Cyrillic and Greek.
    ModeratelyRestrictive,
    /// Any mix of scripts, within the identifier profile.
    MinimallyRestrictive,
    /// Contains characters outside the identifier profile.
    Unrestricted,
}

/// Scripts present, mixed-script status and restriction level of `input`.
///
/// ```
/// use fieldguard::text::{analyze_scripts, RestrictionLevel};
/// let r = analyze_scripts("paypal");
/// assert_eq!((r.mixed_script, r.restriction_level), (false, RestrictionLevel::Ascii));
/// ```
pub fn analyze_scripts(input: &str) -> ScriptReport {
    use unicode_security::RestrictionLevel as L;
    let mut scripts: Vec<Script> = Vec::new();
    for c in input.chars() {
        let s = c.script();
        if !matches!(s, Script::Common | Script::Inherited) && !scripts.contains(&s) {
            // Few distinct scripts per string: a linear check stays O(n).
            scripts.push(s);
        }
    }
    let mut names: Vec<String> = scripts.iter().map(|s| s.short_name().to_owned()).collect();
    crate::sort::sort(&mut names);
    let restriction_level = match input.detect_restriction_level() {
        L::ASCIIOnly => RestrictionLevel::Ascii,
        L::SingleScript => RestrictionLevel::SingleScript,
        L::HighlyRestrictive => RestrictionLevel::HighlyRestrictive,
        L::ModeratelyRestrictive => RestrictionLevel::ModeratelyRestrictive,
        L::MinimallyRestrictive => RestrictionLevel::MinimallyRestrictive,
        L::Unrestricted => RestrictionLevel::Unrestricted,
    };
    ScriptReport {
        scripts: names,
        mixed_script: !input.is_single_script(),
        restriction_level,
    }
}
