//! Options of [`clean`](super::clean), presets, and how they resolve.

use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// Options of [`clean`](super::clean). Every field is optional: `None` means
/// "the preset's value, or else the default". See the [module docs](super)
/// for the step order and every preset's values.
///
/// ```
/// use fieldguard::text::{clean, CleanOptions, Preset};
/// let opts = CleanOptions { preset: Some(Preset::Username), max_length: Some(5), ..Default::default() };
/// assert_eq!(clean(" Jane_Doe ", &opts)?.value, "jane_");
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CleanOptions {
    /// A ready set of defaults; explicit options override each of its values.
    /// Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
    /// Unicode normalization form. Default [`Normalization::Nfc`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalize: Option<Normalization>,
    /// Keep line breaks (LF, CR, VT, FF, NEL, U+2028, U+2029); when false they
    /// are removed as control characters. Default true. No effect when
    /// `collapse_whitespace` is on (they become a space there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_newlines: Option<bool>,
    /// Keep tabs (U+0009); when false they are removed as control characters.
    /// Default true. No effect when `collapse_whitespace` is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_tabs: Option<bool>,
    /// Remove bidirectional formatting controls (Trojan Source). Default true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remove_bidi: Option<bool>,
    /// Remove zero-width and other invisible characters. Default true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remove_invisible: Option<bool>,
    /// Lower-case (full Unicode mapping). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lowercase: Option<bool>,
    /// Character classes to allow; `None` (and no preset) means no allowlist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow: Option<Vec<CharClass>>,
    /// Extra characters allowed besides `allow`'s classes (each character of
    /// the string). Default empty. Only used when there is an allowlist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_extra: Option<String>,
    /// Keep a `+` that comes before every other kept character (phone numbers)
    /// even when the allowlist does not allow `+`. Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_leading_plus: Option<bool>,
    /// What to do with characters outside the allowlist. Default
    /// [`Disallowed::Remove`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disallowed: Option<Disallowed>,
    /// Turn every run of whitespace into one U+0020. Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collapse_whitespace: Option<bool>,
    /// A single non-whitespace character: every run of whitespace, `_` and
    /// this character becomes one separator, and separators are trimmed from
    /// both ends (slugs). Whitespace and `_` then pass the allowlist. Default none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
    /// Trim whitespace at both ends. Default true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trim: Option<bool>,
    /// Maximum length in `length_unit`s. Default none (no limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// What `max_length` counts. Default [`LengthUnit::Graphemes`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length_unit: Option<LengthUnit>,
    /// What to do over `max_length`. Default [`OverLength::Truncate`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub over_length: Option<OverLength>,
    /// Refuse inputs longer than this many UTF-8 bytes with `INPUT_TOO_LARGE`,
    /// before any work. Default 1 MiB (1 048 576).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_input_bytes: Option<u64>,
}

/// Ready sets of defaults for common fields.
///
/// ```
/// use fieldguard::text::Preset;
/// assert_eq!(serde_json::to_string(&Preset::PhoneDigits).unwrap(), "\"phone-digits\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Preset {
    /// NFKC, lowercase, ASCII letters and digits plus `_-.` (others removed),
    /// no tabs or line breaks, at most 32 graphemes.
    Username,
    /// NFKC, lowercase, ASCII letters and digits plus `-`; runs of whitespace,
    /// `_` and `-` become one `-`, trimmed at both ends.
    Slug,
    /// NFC, Unicode letters (with their marks), whitespace and `'’-.`;
    /// whitespace collapsed, at most 100 graphemes.
    Name,
    /// NFKC (full-width digits become ASCII), ASCII digits only, a leading
    /// `+` kept.
    PhoneDigits,
}

/// Unicode normalization form.
///
/// ```
/// use fieldguard::text::Normalization;
/// assert_eq!(serde_json::to_string(&Normalization::Nfkc).unwrap(), "\"nfkc\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Normalization {
    /// Leave the text as it is.
    None,
    /// Canonical composition (the default): same text, one encoding.
    Nfc,
    /// Compatibility composition: also folds full-width forms, ligatures,
    /// superscripts, circled letters… (changes meaning for some text).
    Nfkc,
}

/// A class of characters for the allowlist.
///
/// ```
/// use fieldguard::text::CharClass;
/// assert_eq!(serde_json::to_string(&CharClass::AsciiLetters).unwrap(), "\"ascii-letters\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CharClass {
    /// Every character (turns the allowlist off; lets a caller undo a preset's).
    Any,
    /// `A`–`Z`, `a`–`z`.
    AsciiLetters,
    /// `0`–`9`.
    AsciiDigits,
    /// Unicode `Alphabetic` characters, and combining marks (General_Category
    /// M) that follow a kept letter, so decomposed "José" survives.
    Letters,
    /// Unicode General_Category N (Nd, Nl, No), as `char::is_numeric`.
    Digits,
    /// Unicode `White_Space` characters (including kept tabs and line breaks).
    Space,
}

/// What to do with a character outside the allowlist.
///
/// ```
/// use fieldguard::text::Disallowed;
/// assert_eq!(serde_json::to_string(&Disallowed::Reject).unwrap(), "\"reject\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Disallowed {
    /// Drop it and report `removed-disallowed` (the default).
    Remove,
    /// Fail with `VALUE_INVALID` (reason `DISALLOWED_CHARACTER`, index and category).
    Reject,
}

/// What `max_length` counts.
///
/// ```
/// use fieldguard::text::LengthUnit;
/// assert_eq!(serde_json::to_string(&LengthUnit::Graphemes).unwrap(), "\"graphemes\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum LengthUnit {
    /// Extended grapheme clusters (UAX #29): what a person counts as characters.
    Graphemes,
    /// Unicode scalar values (Rust `char`s; JS code points, not UTF-16 units).
    Chars,
}

/// What to do when the cleaned text is longer than `max_length`.
///
/// ```
/// use fieldguard::text::OverLength;
/// assert_eq!(serde_json::to_string(&OverLength::Truncate).unwrap(), "\"truncate\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum OverLength {
    /// Keep the first `max_length` units, never splitting a grapheme (the default).
    Truncate,
    /// Fail with `VALUE_INVALID` (reason `TOO_LONG`).
    Reject,
}

/// Options with every value decided (preset applied, defaults filled in).
#[derive(Clone, Debug)]
pub(super) struct Resolved {
    pub normalize: Normalization,
    pub keep_newlines: bool,
    pub keep_tabs: bool,
    pub remove_bidi: bool,
    pub remove_invisible: bool,
    pub lowercase: bool,
    /// `None`: no allowlist.
    pub allow: Option<Allow>,
    pub keep_leading_plus: bool,
    pub disallowed: Disallowed,
    pub collapse_whitespace: bool,
    pub separator: Option<char>,
    pub trim: bool,
    pub max_length: Option<u32>,
    pub length_unit: LengthUnit,
    pub over_length: OverLength,
    pub max_input_bytes: u64,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Allow {
    pub ascii_letters: bool,
    pub ascii_digits: bool,
    pub letters: bool,
    pub digits: bool,
    pub space: bool,
    pub extra: Vec<char>,
}

/// The default of `max_input_bytes`: 1 MiB.
///
/// ```
/// assert_eq!(fieldguard::text::DEFAULT_MAX_INPUT_BYTES, 1_048_576);
/// ```
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 1 << 20;

/// A preset's values, as a `CleanOptions` whose `Some` fields are the preset.
fn preset_values(preset: Preset) -> CleanOptions {
    use CharClass::*;
    let base = CleanOptions::default();
    match preset {
        Preset::Username => CleanOptions {
            normalize: Some(Normalization::Nfkc),
            lowercase: Some(true),
            keep_newlines: Some(false),
            keep_tabs: Some(false),
            allow: Some(vec![AsciiLetters, AsciiDigits]),
            allow_extra: Some("_-.".into()),
            max_length: Some(32),
            ..base
        },
        Preset::Slug => CleanOptions {
            normalize: Some(Normalization::Nfkc),
            lowercase: Some(true),
            allow: Some(vec![AsciiLetters, AsciiDigits]),
            allow_extra: Some("-".into()),
            separator: Some("-".into()),
            ..base
        },
        Preset::Name => CleanOptions {
            normalize: Some(Normalization::Nfc),
            allow: Some(vec![Letters, Space]),
            allow_extra: Some("'\u{2019}-.".into()),
            collapse_whitespace: Some(true),
            max_length: Some(100),
            ..base
        },
        Preset::PhoneDigits => CleanOptions {
            normalize: Some(Normalization::Nfkc),
            allow: Some(vec![AsciiDigits]),
            keep_leading_plus: Some(true),
            ..base
        },
    }
}

impl CleanOptions {
    /// Options starting from `preset`.
    ///
    /// ```
    /// use fieldguard::text::{clean, CleanOptions, Preset};
    /// assert_eq!(clean("My Post!", &CleanOptions::preset(Preset::Slug))?.value, "my-post");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn preset(preset: Preset) -> Self {
        Self {
            preset: Some(preset),
            ..Self::default()
        }
    }

    pub(super) fn resolve(&self) -> Result<Resolved> {
        let p = self.preset.map(preset_values).unwrap_or_default();
        macro_rules! pick {
            ($f:ident, $default:expr) => {
                self.$f.clone().or(p.$f.clone()).unwrap_or($default)
            };
        }
        let separator =
            match self.separator.as_ref().or(p.separator.as_ref()) {
                None => None,
                Some(s) => {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) if !c.is_whitespace() && !c.is_control() => Some(c),
                        _ => return Err(Error::with(
                            ErrorKind::InvalidArgument,
                            "separator must be exactly one character, not whitespace or a control",
                        )),
                    }
                }
            };
        let allow = match self.allow.as_ref().or(p.allow.as_ref()) {
            None => None,
            Some(classes) if classes.contains(&CharClass::Any) => None,
            Some(classes) => {
                let mut a = Allow {
                    extra: pick!(allow_extra, String::new()).chars().collect(),
                    ..Allow::default()
                };
                // Sorted for binary search: the per-character check stays
                // O(log m) however long `allow_extra` is.
                crate::sort::sort(&mut a.extra);
                a.extra.dedup();
                for class in classes {
                    match class {
                        CharClass::Any => {}
                        CharClass::AsciiLetters => a.ascii_letters = true,
                        CharClass::AsciiDigits => a.ascii_digits = true,
                        CharClass::Letters => a.letters = true,
                        CharClass::Digits => a.digits = true,
                        CharClass::Space => a.space = true,
                    }
                }
                Some(a)
            }
        };
        Ok(Resolved {
            normalize: pick!(normalize, Normalization::Nfc),
            keep_newlines: pick!(keep_newlines, true),
            keep_tabs: pick!(keep_tabs, true),
            remove_bidi: pick!(remove_bidi, true),
            remove_invisible: pick!(remove_invisible, true),
            lowercase: pick!(lowercase, false),
            allow,
            keep_leading_plus: pick!(keep_leading_plus, false),
            disallowed: pick!(disallowed, Disallowed::Remove),
            collapse_whitespace: pick!(collapse_whitespace, false),
            separator,
            trim: pick!(trim, true),
            max_length: self.max_length.or(p.max_length),
            length_unit: pick!(length_unit, LengthUnit::Graphemes),
            over_length: pick!(over_length, OverLength::Truncate),
            max_input_bytes: pick!(max_input_bytes, DEFAULT_MAX_INPUT_BYTES),
        })
    }
}
