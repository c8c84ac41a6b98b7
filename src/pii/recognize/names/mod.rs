//! Names, places and street addresses in free text (cargo feature `names`).
//!
//! A second linear pass over the *words* of the text (runs of Unicode
//! letters with inner `'`, `’` or `-`; digit runs for house numbers and
//! postcodes), run after the byte pass only when one of `PERSON_NAME`,
//! `LOCATION`, `STREET_ADDRESS` is enabled. Every candidate looks at a
//! bounded number of words around it (at most 8) and at most 48 bytes of
//! text before it, so the pass stays linear. The gazetteer
//! ([`lexicon`], ~0.6 MB embedded) flags given names, surnames, cities,
//! regions and common words; the score is built from evidence:
//!
//! | evidence | `PERSON_NAME` | `LOCATION` |
//! |---|---|---|
//! | given name + surname / capitalized word | 85 / 70 | |
//! | one given name, mid-sentence / sentence-initial | 55 / 45 | |
//! | one known surname or unknown capitalized word | 25 / — | |
//! | title before (`Mr`, `Dr.`, `Frau`, `Herr`, `M.`, `Mme`, `Sr.`, `Sra.`, `Sig.ra`, `Pan`, `Pani`, `Dhr.`, `Mevr.`, …) | +40, and an unknown capitalized word counts (40 + 40) | |
//! | `my name is`, `ich heiße`, `je m'appelle`, `me llamo`, `mi chiamo`, `ik heet`, `nazywam się`, … | +40, as a title | |
//! | greeting at a line start (`Hi`, `Dear`, `Hallo`, `Bonjour`, `Hola`, `Ciao`, `Beste`, `Cześć`, …) or sign-off line before (`Best,`, `Grüße`, `Cordialement`, …) | +35, as a title | |
//! | city of ≥ 100 000, country or region / smaller city | | 60 / 45 |
//! | place preposition before (`in`, `from`, `aus`, `nach`, `de`, `à`, `da`, `di`, `uit`, `w`, `z`, …) | −25 when the word is also a place | +25 |
//! | postcode before (`10115 Berlin`, `1012 AB Amsterdam`, `00-950 Warszawa`) | | +30 |
//! | also a common word (`Will`, `May`, `Rose`), or sentence-initial for a place | −30 sentence-initial, −15 elsewhere | −20 |
//! | also a given name (`Paris`, `Florence`) | | −15 without a preposition |
//!
//! Street addresses: a street-type word before the name (`rue`, `Calle`,
//! `Via`, `ul.`, …) or after it (`Street`, `Ave`, …), or a German or Dutch
//! compound ending (`…straße`, `…weg`, `…straat`, `…laan`), with a house
//! number (before or after, per the locale's layout): 75; without a house
//! number after a type-first street word: 55; a following postcode and city
//! (`, 10115 Berlin`, `, Springfield, IL 62704`) is part of the span and
//! raises it to 90. The ambiguous words are scored, never dropped: `Will
//! Smith` is a name (given + surname), `Will you` is not.

mod lexicon;
mod street;

use super::{Cx, EntityType};
use lexicon::{lookup, BIG, CITY, COMMON, GIVEN, REGION, SURNAME};

/// A word or a digit run.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    /// Digits (optionally with one trailing letter: `5a`).
    pub(super) num: bool,
    /// First char uppercase and some letter lowercase (acronyms such as `RSA`
    /// are not names), or a single capital (an initial).
    pub(super) cap: bool,
    /// Lexicon flags of the lowercased word (0 for digits).
    pub(super) flags: u8,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut key = String::new();
    while let Some((s, c)) = it.next() {
        if c.is_alphabetic() {
            let mut e = s + c.len_utf8();
            let mut upper = c.is_uppercase() as usize;
            let mut letters = 1usize;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    upper += d.is_uppercase() as usize;
                    letters += 1;
                    e = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '\'' | '’' | '-')
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                {
                    e = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // Letters glued to digits or `_` are part of a code or a base64/hex run.
            let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '_');
            let code = glued(text[..s].chars().next_back()) || glued(text[e..].chars().next());
            let cap = !code && c.is_uppercase() && (upper < letters || letters == 1);
            let flags = if cap && e - s <= 64 {
                key.clear();
                key.extend(text[s..e].chars().flat_map(char::to_lowercase));
                lookup(&key)
            } else {
                0
            };
            out.push(Tok {
                s,
                e,
                num: false,
                cap,
                flags,
            });
        } else if c.is_ascii_digit() {
            let mut e = s + 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    e = j + 1;
                    it.next();
                } else {
                    break;
                }
            }
            // `5a`, `12B`: one letter glued to the number, then no letter.
            let b = text.as_bytes();
            if b.get(e).is_some_and(u8::is_ascii_alphabetic)
                && !b.get(e + 1).is_some_and(|x| x.is_ascii_alphanumeric())
            {
                e += 1;
                it.next();
            }
            out.push(Tok {
                s,
                e,
                num: true,
                cap: false,
                flags: 0,
            });
        }
    }
    out
}

/// Run the names pass (called by [`Cx::run`] callers when a type is on).
pub(super) fn scan(cx: &mut Cx<'_>) {
    use EntityType::{Location, PersonName, StreetAddress};
    if !(cx.on(PersonName) || cx.on(Location) || cx.on(StreetAddress)) {
        return;
    }
    let text = cx.text;
    let toks = tokenize(text);
    let mut i = 0;
    while i < toks.len() {
        if cx.on(StreetAddress) {
            street::at(cx, &toks, i);
        }
        let t = toks[i];
        if t.cap {
            if cx.on(Location) {
                location(cx, &toks, i);
            }
            if cx.on(PersonName) {
                person(cx, &toks, i);
            }
        }
        i += 1;
    }
}

/// Exactly one space between `a` and `b` (parts of one name).
fn one_space(text: &str, a: usize, b: usize) -> bool {
    b == a + 1 && text.as_bytes()[a] == b' '
}

/// Company suffixes: a capitalized word before them names a company, not a person.
const ORG: &[&str] = &[
    "Inc",
    "Ltd",
    "LLC",
    "Corp",
    "Corporation",
    "Company",
    "Co",
    "GmbH",
    "AG",
    "SA",
    "SAS",
    "SARL",
    "SpA",
    "BV",
    "NV",
    "Group",
    "Holdings",
    "Bank",
    "Orchestra",
    "Band",
    "University",
];

/// Only spaces or tabs between `a` and `b`.
pub(super) fn spaced(text: &str, a: usize, b: usize) -> bool {
    a <= b && text[a..b].bytes().all(|c| c == b' ' || c == b'\t') && a < b
}

/// The (at most 48 bytes of) text before `i`, at a char boundary.
fn before(text: &str, i: usize) -> &str {
    let mut lo = i.saturating_sub(48);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    &text[lo..i]
}

/// Does `hay` end with one of `words` (compared as given) at a word start?
fn ends_with_word<'w>(hay: &str, words: &[&'w str]) -> Option<&'w str> {
    words.iter().copied().find(|w| {
        hay.ends_with(w)
            && !hay[..hay.len() - w.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Is the position at a sentence start (text start, after `.!?:` or a line break)?
fn sentence_initial(text: &str, s: usize) -> bool {
    match text[..s]
        .trim_end_matches([' ', '\t', '"', '\'', '(', '«', '“', '„'])
        .chars()
        .next_back()
    {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | ':' | '\n' | '\r' | '¡' | '¿'),
    }
}

const TITLES: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx.", "Dr", "Dr.", "Prof.", "Prof", "Sir",
    "Frau", "Herr", "Fr.", "Hr.", "M.", "Mme", "Mme.", "Mlle", "Mlle.", "Monsieur", "Madame",
    "Sr.", "Sra.", "Srta.", "Don", "Doña", "Señor", "Señora", "Sig.", "Sig.ra", "Sig.na", "Dott.",
    "Dott.ssa", "Signor", "Signora", "Pan", "Pani", "Dhr.", "Mevr.", "Mw.", "Dhr", "Mevr",
    "meneer", "mevrouw",
];

const CUES: &[&str] = &[
    "my name is",
    "name is",
    "i am",
    "i'm",
    "named",
    "called",
    "ich heiße",
    "ich heisse",
    "mein name ist",
    "ich bin",
    "je m'appelle",
    "je m’appelle",
    "je suis",
    "mon nom est",
    "me llamo",
    "mi nombre es",
    "soy",
    "mi chiamo",
    "il mio nome è",
    "sono",
    "ik heet",
    "mijn naam is",
    "ik ben",
    "nazywam się",
    "mam na imię",
    "jestem",
    "name:",
    "nome:",
    "nom:",
    "nombre:",
    "naam:",
    "imię:",
];

const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "dear",
    "hallo",
    "liebe",
    "lieber",
    "servus",
    "moin",
    "bonjour",
    "salut",
    "cher",
    "chère",
    "coucou",
    "hola",
    "estimado",
    "estimada",
    "querido",
    "querida",
    "ciao",
    "caro",
    "cara",
    "gentile",
    "salve",
    "beste",
    "hoi",
    "dag",
    "cześć",
    "witaj",
    "drogi",
    "droga",
    "szanowny",
    "szanowna",
    "good morning",
    "guten tag",
    "buongiorno",
    "buenos días",
    "dzień dobry",
    "goedemorgen",
];

const SIGNOFFS: &[&str] = &[
    "best",
    "regards",
    "best regards",
    "kind regards",
    "thanks",
    "thank you",
    "cheers",
    "sincerely",
    "yours",
    "love",
    "grüße",
    "gruß",
    "viele grüße",
    "liebe grüße",
    "lg",
    "mfg",
    "cordialement",
    "bisous",
    "amitiés",
    "saludos",
    "un saludo",
    "atentamente",
    "saluti",
    "cordiali saluti",
    "un abbraccio",
    "groeten",
    "met vriendelijke groet",
    "groetjes",
    "pozdrawiam",
    "pozdrowienia",
    "z poważaniem",
];

const PLACE_PREPS: &[&str] = &[
    "in", "from", "to", "at", "near", "of", "aus", "nach", "bei", "von", "im", "de", "à", "en",
    "près", "da", "di", "a", "uit", "te", "naar", "bij", "w", "z", "we", "ze", "do", "pod",
    "desde", "hacia", "cerca", "vicino",
];

/// Evidence before a name: a title, a cue phrase, a greeting or sign-off.
fn name_lead(text: &str, s: usize) -> bool {
    let b = before(text, s);
    let trimmed = b.trim_end_matches([' ', '\t']);
    if !b.is_empty() && !b.ends_with(char::is_whitespace) {
        return false; // glued to the previous word
    }
    if ends_with_word(trimmed, TITLES).is_some() {
        return true;
    }
    let lower: String = trimmed.chars().flat_map(char::to_lowercase).collect();
    if ends_with_word(&lower, CUES).is_some() {
        return true;
    }
    if let Some(g) = ends_with_word(&lower, GREETINGS) {
        let head = &lower[..lower.len() - g.len()];
        if head
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back()
            .is_none_or(|c| c == '\n' || c == '\r')
        {
            return true;
        }
    }
    // A sign-off line: `Best,\n` or `Grüße\n` right before the name's line.
    let line = lower.trim_end_matches([' ', '\t', '\r', '\n']);
    if line.len() < lower.len() && lower[line.len()..].contains('\n') {
        let line = line.trim_end_matches([',', '!', '.']);
        if let Some(w) = ends_with_word(line, SIGNOFFS) {
            let head = &line[..line.len() - w.len()];
            return head
                .trim_end_matches([' ', '\t'])
                .chars()
                .next_back()
                .is_none_or(|c| c == '\n');
        }
    }
    // `Best, Tom` on one line.
    if let Some(l) = lower
        .strip_suffix(',')
        .or_else(|| lower.trim_end().strip_suffix(','))
    {
        if let Some(w) = ends_with_word(l, SIGNOFFS) {
            let head = &l[..l.len() - w.len()];
            return head
                .trim_end_matches([' ', '\t'])
                .chars()
                .next_back()
                .is_none_or(|c| c == '\n');
        }
    }
    false
}

fn place_prep(text: &str, s: usize) -> bool {
    let b = before(text, s);
    let t = b.trim_end_matches([' ', '\t']);
    if t.len() == b.len() {
        return false;
    }
    let lower: String = t.chars().flat_map(char::to_lowercase).collect();
    ends_with_word(&lower, PLACE_PREPS).is_some()
}

/// Lowercase particles inside names (`van`, `de la`, `von der`).
fn particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "du"
            | "la"
            | "le"
            | "ten"
            | "ter"
            | "zu"
            | "dos"
            | "das"
            | "y"
    )
}

fn person(cx: &mut Cx<'_>, toks: &[Tok], i: usize) {
    let text = cx.text;
    let first = toks[i];
    // Not the continuation of a name that started earlier.
    if i > 0 && toks[i - 1].cap && !toks[i - 1].num && spaced(text, toks[i - 1].e, first.s) {
        let p = toks[i - 1].flags;
        if p & (GIVEN | SURNAME) != 0 && p & COMMON == 0 {
            return;
        }
    }
    let lead = name_lead(text, first.s);
    let pair = toks
        .get(i + 1)
        .is_some_and(|n| n.cap && !n.num && n.e - n.s > 1 && one_space(text, first.e, n.s));
    if first.flags & (GIVEN | SURNAME) == 0 && !lead && !pair {
        return;
    }
    if first.flags & (GIVEN | SURNAME) == 0 && first.flags & (CITY | REGION | COMMON) != 0 {
        return;
    }
    // Extend over capitalized words, initials (`F.`) and particles.
    let mut end = first.e; // end of the last capitalized word
    let mut cursor = first.e; // end of the last word taken (particles too)
    let mut parts = 1;
    let mut last = first;
    let mut j = i + 1;
    let mut known_tail = false;
    let mut initial_seen = false;
    while j < toks.len() && parts < 4 && j < i + 7 {
        let t = toks[j];
        if t.num {
            break;
        }
        if !one_space(text, cursor, t.s) {
            // `John F. Kennedy`: the dot of an initial.
            let dot = text[cursor..t.s].trim_end() == "." && last.e - last.s == 1 && cursor == end;
            if !(dot && t.cap) {
                break;
            }
        }
        let w = &text[t.s..t.e];
        if t.cap {
            let f = t.flags;
            if f & (GIVEN | SURNAME) == 0 && f & (CITY | REGION | COMMON) != 0 {
                break;
            }
            if street::is_street_word(w) || text[t.e..].starts_with(':') {
                break;
            }
            if ORG.contains(&w) {
                return;
            }
            initial_seen |= t.e - t.s == 1;
            known_tail |= f & SURNAME != 0 || (f & GIVEN != 0 && f & COMMON == 0);
            end = t.e;
            cursor = t.e;
            parts += 1;
            last = t;
        } else if particle(w)
            && toks
                .get(j + 1)
                .is_some_and(|n| n.cap && one_space(text, t.e, n.s))
        {
            cursor = t.e;
        } else {
            break;
        }
        j += 1;
    }
    let initial = sentence_initial(text, first.s);
    let f = first.flags;
    let mut score: i32 = if parts >= 2 {
        if f & GIVEN != 0 && known_tail {
            85
        } else if f & GIVEN != 0 {
            70
        } else if f & SURNAME != 0 && known_tail {
            60
        } else if f & (CITY | REGION | COMMON) == 0 && last.e - last.s > 1 && !initial {
            50 // two unknown capitalized words mid-sentence
        } else {
            40
        }
    } else if f & GIVEN != 0 {
        if initial {
            45
        } else {
            55
        }
    } else if f & SURNAME != 0 {
        25
    } else {
        40
    };
    if initial_seen && parts >= 3 {
        score += 15; // `Faina D. Yefremova`
    }
    if lead {
        score += 40;
    } else if f & COMMON != 0 {
        score -= if initial { 30 } else { 15 };
    }
    if parts == 1 && f & (CITY | REGION) != 0 && place_prep(text, first.s) {
        score -= 25;
    }
    if parts == 1 && f & (CITY | REGION) != 0 && f & BIG != 0 {
        score -= 10;
    }
    if first.e - first.s == 1 && parts == 1 {
        return; // a lone initial
    }
    // `Maclean's`: the possessive is not part of the name.
    let name = &text[first.s..end];
    let end = end
        - ["'s", "’s"]
            .iter()
            .find(|p| name.ends_with(**p))
            .map_or(0, |p| p.len());
    let score = score.clamp(0, 100) as u8;
    cx.push_scored(
        EntityType::PersonName,
        first.s,
        end,
        score,
        "person.gazetteer",
    );
}

fn location(cx: &mut Cx<'_>, toks: &[Tok], i: usize) {
    let text = cx.text;
    let first = toks[i];
    // The longest gazetteer match of 1..=4 words (`New York`, `Frankfurt am Main`).
    let mut key = String::new();
    let mut best: Option<(usize, u8)> = None;
    let mut end = first.s;
    for (j, &t) in toks.iter().enumerate().skip(i).take(4) {
        if t.num || (j > i && !spaced(text, end, t.s)) {
            break;
        }
        if j > i {
            key.push(' ');
        }
        key.extend(text[t.s..t.e].chars().flat_map(char::to_lowercase));
        end = t.e;
        let f = if j == i { t.flags } else { lookup(&key) };
        if t.cap && f & (CITY | REGION) != 0 {
            best = Some((t.e, f));
        }
    }
    let Some((end, f)) = best else { return };
    // Part of a street name (`Pennsylvania Ave`, `Berliner Straße`).
    if let Some(n) = toks.iter().skip(i).find(|t| t.s >= end) {
        if spaced(text, end, n.s) && street::is_street_word(&text[n.s..n.e]) {
            return;
        }
    }
    let mut score: i32 = if f & BIG != 0 { 60 } else { 45 };
    let prep = place_prep(text, first.s);
    let postcode = street::postcode_before(text, toks, i);
    if prep {
        score += 25;
    }
    if postcode {
        score += 30;
    }
    if f & COMMON != 0 {
        score -= 20;
    }
    if f & (GIVEN | SURNAME) != 0 && !prep && !postcode {
        score -= 15;
    }
    // `to Alicia Patel`: a surname follows, so a person.
    if let Some(n) = toks.iter().skip(i).find(|t| t.s >= end) {
        if n.cap
            && one_space(text, end, n.s)
            && n.flags & SURNAME != 0
            && n.flags & (CITY | REGION) == 0
        {
            score -= 25;
        }
    }
    if sentence_initial(text, first.s) && !prep && !postcode && end == first.e {
        score -= 10;
    }
    cx.push_scored(
        EntityType::Location,
        first.s,
        end,
        score.clamp(0, 100) as u8,
        "location.gazetteer",
    );
}

#[cfg(test)]
mod tests;
