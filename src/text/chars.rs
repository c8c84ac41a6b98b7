//! Character sets used by `clean`. Ranges are listed explicitly (rather than
//! taken from a property table) so the removed sets are reviewable in one
//! place and do not move when a dependency updates its Unicode data.

/// Line breaks: LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// C0 controls, DEL and C1 controls (General_Category Cc).
pub(super) fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}')
}

/// Bidirectional formatting controls (CVE-2021-42574, "Trojan Source"):
/// ALM, LRM, RLM, the embeddings/overrides LRE RLE PDF LRO RLO and the
/// isolates LRI RLI FSI PDI.
pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Invisible characters that are always removed (with `remove_invisible`):
/// ZWSP, ZWNJ, word joiner and invisible operators, BOM/ZWNBSP, soft hyphen,
/// Mongolian vowel separator, combining grapheme joiner, Hangul fillers,
/// Khmer inherent vowels, deprecated format characters U+206A–206F,
/// default-ignorable unassigned U+2065 and U+FFF0–FFF8, shorthand format
/// controls, musical formatting controls, and the unassigned rest of the
/// default-ignorable block U+E0080–E00FF and U+E01F0–E0FFF.
///
/// Not here because they are kept in some contexts (see `clean_invisible`):
/// ZWJ, variation selectors, tag characters.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0080}'..='\u{E00FF}'
            | '\u{E01F0}'..='\u{E0FFF}'
    )
}

pub(super) const ZWJ: char = '\u{200D}';

/// Variation selectors: VS1–16, VS17–256, Mongolian free variation selectors.
pub(super) fn is_variation_selector(c: char) -> bool {
    matches!(
        c,
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{180B}'..='\u{180D}' | '\u{180F}'
    )
}

/// Tag characters (emoji tag sequences such as subdivision flags).
pub(super) fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0000}'..='\u{E007F}')
}

/// U+1F3F4 WAVING BLACK FLAG, the only base of RGI emoji tag sequences.
pub(super) const BLACK_FLAG: char = '\u{1F3F4}';

/// A combining mark (General_Category M).
pub(super) fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Whether a variation selector after `base` can be meaningful. ASCII has
/// no variation sequences except the keycap/emoji bases `0`–`9`, `#`, `*`
/// (and the standardized short-stroke zero), so after other ASCII
/// characters a selector only makes two equal-looking strings differ.
pub(super) fn takes_variation_selector(base: char) -> bool {
    if base.is_ascii() {
        return base.is_ascii_digit() || base == '#' || base == '*';
    }
    !(is_mark(base)
        || base.is_whitespace()
        || is_control(base)
        || is_bidi_control(base)
        || is_invisible(base)
        || is_tag(base)
        || base == ZWJ)
}

/// A coarse category for error details (no property tables needed, and
/// enough to tell the user what kind of character was refused).
pub(super) fn category(c: char) -> &'static str {
    if c.is_whitespace() {
        "whitespace"
    } else if c.is_control() {
        "control"
    } else if is_mark(c) {
        "mark"
    } else if c.is_alphabetic() {
        "letter"
    } else if c.is_numeric() {
        "number"
    } else if c.is_ascii_punctuation() {
        "ascii-punctuation"
    } else {
        "other"
    }
}
