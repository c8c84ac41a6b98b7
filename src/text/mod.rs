//! Canonicalize and clean untrusted text, and UTS #39 security checks.
//!
//! [`clean`] turns what a user typed or pasted into one canonical form and
//! reports what it changed ([`Cleaned::changes`]), so a form can tell the user
//! ("2 invisible characters removed") instead of silently storing something
//! else. [`skeleton`], [`are_confusable`] and [`analyze_scripts`] implement
//! Unicode Technical Standard #39 for look-alike names ("раураl" in Cyrillic
//! versus "paypal").
//!
//! # Steps of `clean`, in this fixed order
//!
//! 0. **Size guard**: more than `max_input_bytes` UTF-8 bytes (default
//!    1 MiB) → `INPUT_TOO_LARGE`, before any work.
//! 1. **Normalization** (`normalize`, default NFC; `nfkc` or `none`). Change
//!    `normalized`, counting the grapheme clusters that were not normalized.
//! 2. **Removal**, one pass (changes `removed-control`, `removed-bidi`,
//!    `removed-invisible`, counting characters):
//!    * control characters: C0 (U+0000–001F), DEL, C1 (U+0080–009F), except
//!      tab (`keep_tabs`, default true) and line breaks LF, VT, FF, CR, NEL,
//!      and also U+2028/U+2029 (`keep_newlines`, default true; when false
//!      these are removed too). With `collapse_whitespace` tabs and line
//!      breaks are always kept here, because step 5 turns them into a space;
//!    * bidi controls (`remove_bidi`, default true): U+061C ALM, U+200E LRM,
//!      U+200F RLM, U+202A–202E embeddings/overrides, U+2066–2069 isolates;
//!    * invisible characters (`remove_invisible`, default true): U+200B ZWSP,
//!      U+200C ZWNJ, U+2060–2064 (word joiner, invisible operators), U+FEFF,
//!      U+00AD soft hyphen, U+034F CGJ, U+180E, Hangul fillers U+115F,
//!      U+1160, U+3164, U+FFA0, Khmer U+17B4/17B5, U+206A–206F, the
//!      default-ignorable unassigned U+2065, U+FFF0–FFF8, U+E0080–E00FF,
//!      U+E01F0–E0FFF, shorthand format controls U+1BCA0–1BCA3, musical
//!      formatting U+1D173–1D17A. Kept where they carry meaning:
//!      - **U+200D ZWJ** only when it joins a kept character to a following
//!        non-extending character of the same grapheme cluster, i.e. inside
//!        emoji ZWJ sequences (👩‍💻) and Indic conjuncts (UAX #29 rules GB11,
//!        GB9c); anywhere else it is removed;
//!      - **variation selectors** (U+FE00–FE0F, U+E0100–E01EF, Mongolian
//!        U+180B–180D, U+180F) only directly after a character that can take
//!        one: a non-ASCII character that is not a mark, whitespace or
//!        removed/format character, or an ASCII digit, `#` or `*` (keycap
//!        emoji). After other ASCII, after another selector or a mark they
//!        are removed: there they only make equal-looking strings differ;
//!      - **tag characters** (U+E0000–E007F) only in emoji tag sequences: a
//!        cluster starting with U+1F3F4 🏴, followed by U+E0020–E007F.
//!
//!    Removal runs after normalization because NFKC never produces these
//!    characters (the Hangul fillers it maps to are removed too); if removal
//!    leaves text un-normalized (a ZWSP between a letter and its accent), it
//!    is normalized again, silently.
//! 3. **Lower-casing** (`lowercase`, default false): full Unicode mapping,
//!    final sigma included (Rust's `str::to_lowercase`). Change `lowercased`
//!    counts characters. Renormalized if the mapping un-normalized the text.
//!    It runs before the allowlist because NFKC can produce capitals (Ⓐ → A).
//! 4. **Allowlist** (`allow` classes plus `allow_extra` characters; none by
//!    default): other characters are removed (`removed-disallowed`) or, with
//!    `disallowed: reject`, the call fails with `VALUE_INVALID` and the
//!    detail `DISALLOWED_CHARACTER at index I (category C)`, where `I` counts
//!    Unicode scalar values of the text *at this step* (after steps 1–3) and
//!    `C` is one of `whitespace`, `control`, `mark`, `letter`, `number`,
//!    `ascii-punctuation`, `other` (the character itself is never shown).
//!    Class `letters` also keeps combining marks that follow a kept letter.
//!    With `separator`, whitespace, `_` and the separator pass; with
//!    `keep_leading_plus`, a `+` before any other non-whitespace kept
//!    character passes. It runs after normalization since NFKC creates new
//!    characters (ﬁ → fi, ① → 1) that must be checked too. If a removal
//!    leaves a letter next to a mark it composes with, the text is
//!    renormalized and the composed characters are checked again.
//! 5. **Separators or whitespace**: with `separator` (slugs), each run of
//!    whitespace, `_` and the separator becomes one separator, and runs at
//!    either end are dropped (`replaced-separators`, counting changed runs);
//!    otherwise with `collapse_whitespace`, each run of Unicode whitespace
//!    becomes one U+0020 (`collapsed-whitespace`, counting runs that were not
//!    already one space). After the allowlist, so removed characters do not
//!    leave double spaces.
//! 6. **Trimming** (`trim`, default true): Unicode whitespace at both ends
//!    (`trimmed`, counting characters).
//! 7. **Length limit** (`max_length`, none by default) counted in
//!    `length_unit` (`graphemes`, the default, or `chars` = scalar values).
//!    Over the limit: `over_length: truncate` (default) keeps the longest
//!    prefix within the limit that ends on a grapheme cluster boundary (a
//!    flag, a ZWJ family or a letter with accents is never split, so with
//!    `chars` the result can be shorter than the limit), then removes
//!    whitespace (if `trim`) and separators the cut left at the end
//!    (`truncated` counts removed units, the re-trim adds to `trimmed`);
//!    `reject` fails with `VALUE_INVALID`, detail `TOO_LONG: N unit, limit M`.
//!
//! `changes` lists kinds with a non-zero count in the order of
//! [`ChangeKind`]; `changed` is whether `value` differs from the input.
//!
//! Cleaning is idempotent for the default options and every preset:
//! `clean(clean(x).value) == clean(x).value` (property-tested).
//!
//! # Presets
//!
//! A preset supplies values for options the caller leaves unset (`None` /
//! absent in JSON); every option given explicitly wins. Options a preset does
//! not list keep their defaults.
//!
//! | preset | values |
//! |---|---|
//! | `username` | `normalize: nfkc`, `lowercase: true`, `keepNewlines: false`, `keepTabs: false`, `allow: [ascii-letters, ascii-digits]`, `allowExtra: "_-."`, `maxLength: 32` |
//! | `slug` | `normalize: nfkc`, `lowercase: true`, `allow: [ascii-letters, ascii-digits]`, `allowExtra: "-"`, `separator: "-"` |
//! | `name` | `normalize: nfc`, `allow: [letters, space]`, `allowExtra: "'’-."`, `collapseWhitespace: true`, `maxLength: 100` |
//! | `phone-digits` | `normalize: nfkc`, `allow: [ascii-digits]`, `keepLeadingPlus: true` |
//!
//! To drop a preset's allowlist, pass `allow: ["any"]`.
//!
//! # Unicode versions
//!
//! Normalization (unicode-normalization 0.1.26), confusables, identifier
//! profile and script data (unicode-security 0.1.3, unicode-script 0.5.9) are
//! Unicode 18.0; grapheme clusters (unicode-segmentation 1.13) are Unicode
//! 17.0; case mapping, `Alphabetic`, `White_Space` and General_Category N
//! come from the Rust standard library of the compiler that built fieldguard
//! (Unicode 17.0 for Rust 1.95; native and wasm builds of one release use the
//! same compiler, so they agree). Characters assigned after a table's version
//! are treated as unassigned by that table (for example not `letters`).
//! [`UNICODE_VERSIONS`] states them for programs.

mod chars;
mod clean;
mod options;
mod security;

pub use options::{
    CharClass, CleanOptions, Disallowed, LengthUnit, Normalization, OverLength, Preset,
    DEFAULT_MAX_INPUT_BYTES,
};
pub use security::{
    analyze_scripts, analyze_scripts_limited, are_confusable, are_confusable_limited, skeleton,
    skeleton_limited, InputLimit, RestrictionLevel, ScriptReport,
};

use crate::{Error, ErrorKind, Result};
use serde::Serialize;

/// `INPUT_TOO_LARGE` when `input_len` (UTF-8 bytes) is over `max_input_bytes`:
/// the one size guard of `clean`, the UTS #39 functions and the PII operators.
pub(crate) fn check_input_size(input_len: usize, max_input_bytes: u64) -> Result<()> {
    if input_len as u64 > max_input_bytes {
        return Err(Error::with(
            ErrorKind::InputTooLarge,
            format!("input is {input_len} bytes, over maxInputBytes {max_input_bytes}"),
        ));
    }
    Ok(())
}

/// The Unicode version (major, minor, update) of each data table `text` uses.
///
/// ```
/// let v = fieldguard::text::UNICODE_VERSIONS;
/// assert!(v.normalization.0 >= 15 && v.security.0 >= 15 && v.segmentation.0 >= 15);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnicodeVersions {
    /// NFC/NFKC tables (unicode-normalization).
    pub normalization: (u64, u64, u64),
    /// Confusables, identifier profile and scripts (unicode-security).
    pub security: (u64, u64, u64),
    /// Grapheme cluster boundaries (unicode-segmentation).
    pub segmentation: (u64, u64, u64),
    /// Case mapping, `Alphabetic`, `White_Space`, General_Category N: the
    /// Rust standard library (`char::UNICODE_VERSION`) of the compiler.
    pub std: (u64, u64, u64),
}

/// The versions of this build; see [`UnicodeVersions`].
pub const UNICODE_VERSIONS: UnicodeVersions = {
    let (a, b, c) = unicode_normalization::UNICODE_VERSION;
    UnicodeVersions {
        normalization: (a as u64, b as u64, c as u64),
        security: unicode_security::UNICODE_VERSION,
        segmentation: unicode_segmentation::UNICODE_VERSION,
        std: {
            let (a, b, c) = char::UNICODE_VERSION;
            (a as u64, b as u64, c as u64)
        },
    }
};

/// Clean `input` per `options` (steps and presets: see the [module docs](self)).
///
/// Errors: `INVALID_ARGUMENT` for inconsistent options (a `separator` that is
/// not one non-whitespace character), `INPUT_TOO_LARGE` over
/// `max_input_bytes`, `VALUE_INVALID` for `reject` actions.
///
/// ```
/// use fieldguard::text::{clean, ChangeKind, CleanOptions};
/// let out = clean("  Zo\u{00EB}\u{200B} ", &CleanOptions::default())?;
/// assert_eq!(out.value, "Zo\u{00EB}");
/// assert_eq!(out.changes[0].kind, ChangeKind::RemovedInvisible);
/// assert_eq!(out.changes[1].kind, ChangeKind::Trimmed);
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn clean(input: &str, options: &CleanOptions) -> Result<Cleaned> {
    let resolved = options.resolve()?;
    clean::run(input, &resolved)
}

/// The result of [`clean`].
///
/// ```
/// use fieldguard::text::{clean, CleanOptions};
/// let out = clean("ok", &CleanOptions::default())?;
/// assert!(!out.changed && out.changes.is_empty());
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Cleaned {
    /// The cleaned text.
    pub value: String,
    /// Whether `value` differs from the input.
    pub changed: bool,
    /// What was changed, in step order, only kinds with a non-zero count.
    pub changes: Vec<Change>,
}

/// One kind of change and how often it happened.
///
/// ```
/// use fieldguard::text::{Change, ChangeKind};
/// let c = Change { kind: ChangeKind::Trimmed, count: 2 };
/// assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"kind":"trimmed","count":2}"#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// How often (the unit depends on the kind; see [`ChangeKind`]).
    pub count: u64,
}

/// Kinds of change, in the order `clean` reports them. The kebab-case names
/// are stable.
///
/// ```
/// use fieldguard::text::ChangeKind;
/// assert_eq!(ChangeKind::RemovedBidi.name(), "removed-bidi");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// Normalization changed the text (count: grapheme clusters changed).
    Normalized,
    /// Control characters removed (count: characters).
    RemovedControl,
    /// Bidi controls removed (count: characters).
    RemovedBidi,
    /// Invisible characters removed (count: characters).
    RemovedInvisible,
    /// Characters lower-cased (count: characters that changed).
    Lowercased,
    /// Characters outside the allowlist removed (count: characters).
    RemovedDisallowed,
    /// Separator runs replaced or dropped (count: runs).
    ReplacedSeparators,
    /// Whitespace runs collapsed to one space (count: runs).
    CollapsedWhitespace,
    /// Whitespace trimmed at the ends (count: characters).
    Trimmed,
    /// Text cut to `max_length` (count: units removed).
    Truncated,
}

impl ChangeKind {
    /// Every kind, in report order.
    ///
    /// ```
    /// use fieldguard::text::ChangeKind;
    /// assert_eq!(ChangeKind::ALL[0], ChangeKind::Normalized);
    /// ```
    pub const ALL: [ChangeKind; 10] = [
        Self::Normalized,
        Self::RemovedControl,
        Self::RemovedBidi,
        Self::RemovedInvisible,
        Self::Lowercased,
        Self::RemovedDisallowed,
        Self::ReplacedSeparators,
        Self::CollapsedWhitespace,
        Self::Trimmed,
        Self::Truncated,
    ];

    /// The stable kebab-case name, as in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Normalized => "normalized",
            Self::RemovedControl => "removed-control",
            Self::RemovedBidi => "removed-bidi",
            Self::RemovedInvisible => "removed-invisible",
            Self::Lowercased => "lowercased",
            Self::RemovedDisallowed => "removed-disallowed",
            Self::ReplacedSeparators => "replaced-separators",
            Self::CollapsedWhitespace => "collapsed-whitespace",
            Self::Trimmed => "trimmed",
            Self::Truncated => "truncated",
        }
    }
}
