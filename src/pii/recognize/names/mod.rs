//! Names, places and street addresses in free text (cargo feature `names`).
//!
//! A second linear pass over the *words* of the text (runs of Unicode
//! letters with inner `'`, `’` or `-`; digit runs for house numbers and
//! postcodes), run after the byte pass only when one of `PERSON_NAME`,
//! `LOCATION`, `STREET_ADDRESS` is enabled. Lower-case words cost one
//! comparison each; a capitalized word costs one gazetteer look-up and one
//! look-up of the word before it in an index of the evidence phrases
//! ([`cues`]), and looks at a bounded number of words around it (at most
//! 8), so the pass stays linear (the mentions, lists and speaker rules are
//! one more sweep over the words). The gazetteer ([`lexicon`], ~1.4 MB
//! embedded, found through a hash table built on first use) flags given
//! names, surnames (and the 1 000 most frequent US ones), cities, regions,
//! function words and English dictionary words (SCOWL); the score is built
//! from evidence:
//!
//! | evidence | `PERSON_NAME` | `LOCATION` |
//! |---|---|---|
//! | given name + surname (or a frequent surname that is also a word: `Will Smith`) | 85 | |
//! | given name + capitalized word in no list (`Ludwig van Beethoven`) | 70 | |
//! | word in no list + surname or given name (`Jožef Albin`) | 65 | |
//! | surname + surname | 60 | |
//! | two capitalized words in no list (neither a name nor an English word: `Tomomi Nishiyama`), or a surname + one in no list, mid-sentence / sentence-initial | 60 / 55 | |
//! | one given name, mid-sentence / sentence-initial before a lower-case word or `, ` and one (`Scott is`, `Bryce, can I`) / sentence-initial otherwise | 55 / 50 / 45 | |
//! | one known surname / one word in no list | 25 / 40 | |
//! | an initial inside (`Faina D. Yefremova`, `Ravil G Yefimov`; only before another name word), 3+ words | +15 | |
//! | title before (`Mr`, `Dr.`, `ms.`, `Frau`, `Herr`, `M.`, `Mme`, `Sr.`, `Sra.`, `Sig.ra`, `Pan`, `Pani`, `Dhr.`, `Mevr.`, …; the title is not in the span) | +40 | |
//! | cue phrase before (`my name is`, `name:`, `name?`, `I'm`, `says`, `said`, `starring`, `directed by`, `assistant to`, `ich heiße`, `je m'appelle`, `me llamo`, `mi chiamo`, `ik heet`, `nazywam się`, …) or a relation (`my son`, `her husband`, …) | +40, as a title | |
//! | greeting at a line start (`Hi`, `Dear`, `Hallo`, `Bonjour`, `Hola`, `Ciao`, `Beste`, `Cześć`, …) or sign-off before (`Best,`, `Grüße`, `Cordialement`, …) | +40, as a title | |
//! | speaker label at a sentence start (`Nicole: …`, a space or quote after the colon), a given name / a word in no list when the text has a given-name label too | +35 / 75 | |
//! | an item of a list of single words (`Gaetane, Hannah, Anthony and Derek`, `Marrero and Murphy were …`) with two strong items (given names found, listed names that are no word and no place), the item in no list or a listed surname; surnames only after a colon or before a verb of people (`were`, `are`, …), then one strong item is enough; not after `at`/`from`, with `Sons`/`Partners`, before `is`/`was` (a firm), nor an item before a number | 55 | |
//! | a verb people do after a lone name (`Mehrudin shouted`, `says`, `is from`) | +30 | |
//! | a later or earlier mention of a word of a full name found (score ≥ 60) in the same text | 60 | |
//! | a capitalized English word right after a lone name (`Russell Investments`) | −20 | |
//! | city of ≥ 100 000, country or region / smaller city | | 60 / 45 |
//! | place preposition before (`in`, `from`, `aus`, `nach`, `de`, `à`, `da`, `di`, `uit`, `w`, `z`, …) | −25 when the word is also a place | +25 |
//! | residence or travel phrase before (`lives in`, `grew up in`, `flew to`, `moved to`, `originally from`, `University of`, `Where:`, `wohnt in`, `déménagé à`, `mieszka w`, …) | | +10 |
//! | postcode before (`10115 Berlin`, `1012 AB Amsterdam`, `00-950 Warszawa`; not after an article: `a 2021 Norwegian film`) | | +30 |
//! | the city line of an address block (after a street or unit word, its 1–5 digit number and `, `, two spaces, `>`, a line break or a symbol run `???`, `\|`, `•`; not after an English word: `During 1971, …`) | | +15, and no malus for a name or a sentence start |
//! | place words after a listed place with a preposition or phrase (`Shelly Park`, `Mill Village`) | | part of the span |
//! | a country or region after it (`Aalborg, Denmark`) | | +20 |
//! | also a common word (`Will`, `May`) / an English word (`Rose`; a lone name without a lead), or sentence-initial for a place | −30 sentence-initial, −15 mid-sentence / −10, −5 | −20 (a one-word English word); sentence-initial −10 (not for countries) |
//! | also a given name or surname (`Paris`, `Florence`; not a country: `Poland` is a census surname) | | −15 without a preposition; −25 when a surname follows (`to Mary Gavrilova`) |
//! | a text without capitals (`eva kleist lives at …`): only listed names and places count | −10 (not for a lone given name) | −10 |
//!
//! A place no list has (`unlisted`) starts at 25 and needs evidence: a
//! residence or travel phrase +40 (or a preposition +20 for `in`, `from`,
//! `nach`, `à`, `w`, … / +10 for the others), a place-like shape +25
//! (`Port`, `Lake`, `North`, `San`, `Saint` … before a capitalized word;
//! `…ville`, `…berg`, `…shire`, `…stad`, `…dorf`; `-sur-`, `-la-`), a
//! postcode before +30 (or after, `in Bjert 6091 in …`, after a strong
//! preposition), a country after +30, the city line of an address block
//! +25, all capitals (4+ letters) +10 with any of those, a name in the
//! lists −10. A word before a house number (`Koskikatu 25`) is a street, not
//! a place; after a house number (`159 Eleftheriou Venizelou`) or a
//! street-type word (`rue Aimé Julien`, `Calle de Pascual Marqués`) not a
//! person; place-name first words (`Port`, `St`) start no person either.
//! An English word or listed place that is no listed name never starts a
//! name (`Dear Customer`), except a town's name after a cue (`says Izumi`).
//! A word before a colon is a label, not a place, unless a place phrase
//! precedes it (`home city Assen: …`); in a text without capitals a word in
//! no list is a place only after a residence or travel phrase.
//! A title word itself (`Miss`) is never part of the span; a possessive
//! `'s` ends the name and is left out; `I'm`/`I’ll` are pronouns, not names.
//!
//! Street addresses: a street-type word before the name (`rue`, `Calle`,
//! `Via`, `ul.`, …) or after it (`Street`, `Ave`, …), or a German or Dutch
//! compound ending (`…straße`, `…weg`, `…straat`, `…laan`), with a house
//! number (before or after, per the locale's layout): 75; without a house
//! number after a type-first street word: 55; a following postcode and city
//! (`, 10115 Berlin`, `, 75002 Paris`, `, Springfield, IL 62704`, or the
//! postcode after the city: `, WINNINDOO 3858`, `, Dąbrowa Górnicza 41-303`)
//! is part of the span and raises it to 90. Without a street word, 1–3
//! capitalized words (no English word), a house number, `, ` and such a
//! postcode-and-city tail are an address too: 85 (`Þverbraut 71, Blönduós
//! 541`, `Parmova 24, 4211 Mavčiče`). The ambiguous words are scored, never dropped: `Will
//! Smith` is a name (given + frequent surname), `Will you` is not.

mod cues;
mod field;
mod lexicon;
mod person;
mod place;
mod street;

use super::{Cx, EntityType};
use lexicon::lookup;

/// A word or a digit run.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    /// Digits (optionally with one trailing letter: `5a`).
    pub(super) num: bool,
    /// First char uppercase and some letter lowercase (acronyms such as `RSA`
    /// are not names), or a single capital (an initial); in a text without
    /// any capital (`eva kleist lives at …`), every word of 3+ letters (and
    /// lone letters before a word: initials).
    pub(super) cap: bool,
    /// All capitals, 4+ letters (`LAPPEENRANTA`): a place in an address block.
    pub(super) caps: bool,
    /// Bytes of a final possessive `'s` / `’s` (`Maclean's`), left out of the lookup.
    pub(super) poss: u8,
    /// Capitalized only because the text has no capitals at all.
    pub(super) caseless: bool,
    /// Lexicon flags of the lowercased word (0 for digits and lower-case words).
    pub(super) flags: u8,
}

impl Tok {
    /// The end without a possessive `'s`.
    pub(super) fn stem_end(&self) -> usize {
        self.e - self.poss as usize
    }
}

/// Lower-case `w` into `key` (cleared first).
fn lower_into(w: &str, key: &mut String) {
    key.clear();
    if w.is_ascii() {
        key.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
}

fn is_letter(text: &str, j: usize) -> Option<char> {
    let b = *text.as_bytes().get(j)?;
    if b.is_ascii_alphabetic() {
        return Some(b as char);
    }
    if b < 0x80 {
        return None;
    }
    text[j..].chars().next().filter(|c| c.is_alphabetic())
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut key = String::new();
    let mut any_upper = false;
    let mut j = 0;
    while j < b.len() {
        let c0 = b[j];
        if c0.is_ascii_digit() {
            let s = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            // `5a`, `12B`: one letter glued to the number, then no letter.
            if b.get(j).is_some_and(u8::is_ascii_alphabetic)
                && !b.get(j + 1).is_some_and(|x| x.is_ascii_alphanumeric())
            {
                j += 1;
            }
            out.push(Tok {
                s,
                e: j,
                num: true,
                cap: false,
                caps: false,
                poss: 0,
                caseless: false,
                flags: 0,
            });
            continue;
        }
        let Some(c) = is_letter(text, j) else {
            j += if c0 < 0x80 {
                1
            } else {
                text[j..].chars().next().map_or(1, char::len_utf8)
            };
            continue;
        };
        let s = j;
        let first_upper = c.is_uppercase();
        let mut upper = first_upper as usize;
        let mut letters = 1usize;
        j += c.len_utf8();
        loop {
            if let Some(d) = is_letter(text, j) {
                upper += d.is_uppercase() as usize;
                letters += 1;
                j += d.len_utf8();
            } else if matches!(b.get(j), Some(b'\'' | b'-')) && is_letter(text, j + 1).is_some() {
                j += 1;
            } else if text[j..].starts_with('’') && is_letter(text, j + 3).is_some() {
                j += 3;
            } else {
                break;
            }
        }
        let e = j;
        any_upper |= first_upper;
        // Letters glued to digits or `_` are part of a code or a base64/hex run.
        let glued = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_digit() || *c == b'_');
        let code = glued(s.checked_sub(1).and_then(|k| b.get(k))) || glued(b.get(e));
        let w = &text[s..e];
        let poss = if letters <= 2 {
            0
        } else if w.ends_with("'s") {
            2
        } else if w.ends_with("’s") {
            4
        } else {
            0
        };
        // `I'm`, `I’ll`: the pronoun, not a name.
        let pronoun = w.starts_with("I'") || w.starts_with("I’");
        let cap = !code && !pronoun && first_upper && (upper < letters || letters == 1);
        let caps = !code && upper == letters && letters >= 4;
        let mut t = Tok {
            s,
            e,
            num: false,
            cap,
            caps,
            poss,
            caseless: false,
            flags: 0,
        };
        // An initial's flags would be those of a word (`A`, `I`, `O`).
        if (cap || caps) && letters > 1 && e - s <= 64 {
            lower_into(&text[s..t.stem_end()], &mut key);
            t.flags = lookup(&key);
        }
        out.push(t);
    }
    // No capital anywhere (and at least 4 words): case tells nothing, so
    // every word of prose is a candidate (and needs the lexicon's support,
    // see `person` and `place`).
    if !any_upper
        && out
            .iter()
            .filter(|t| !t.num && t.e - t.s >= 3)
            .nth(3)
            .is_some()
    {
        for t in out
            .iter_mut()
            .filter(|t| !t.num && t.e - t.s <= 64 && prose(text, t))
            .filter(|t| t.e - t.s >= 3 || (t.e - t.s == 1 && initial(text, t)))
        {
            lower_into(&text[t.s..t.stem_end()], &mut key);
            t.flags = lookup(&key);
            t.cap = !glued_code(text, t);
            t.caseless = true;
        }
    }
    out
}

/// A lone letter followed by `. ` or ` ` and a letter: an initial in a text
/// without capitals (`bertram m. jørgensen`).
fn initial(text: &str, t: &Tok) -> bool {
    let rest = &text[t.e..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    rest.strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphabetic)
}

/// A word of prose, not part of an address, host or path (`bob@x.org`, `a/b`).
fn prose(text: &str, t: &Tok) -> bool {
    let b = text.as_bytes();
    let before = t.s.checked_sub(1).map(|k| b[k]);
    let after = b.get(t.e).copied();
    let next = b.get(t.e + 1).copied();
    let glued_before = matches!(
        before,
        Some(b'@' | b'.' | b'/' | b':' | b'\\' | b'#' | b'=' | b'&')
    );
    let glued_after = matches!(after, Some(b'@' | b'/' | b'\\' | b'#' | b'=' | b'&'))
        || (matches!(after, Some(b'.' | b':')) && next.is_some_and(|c| c.is_ascii_alphanumeric()));
    !(glued_before || glued_after)
}

fn glued_code(text: &str, t: &Tok) -> bool {
    let b = text.as_bytes();
    let glued = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_digit() || *c == b'_');
    glued(t.s.checked_sub(1).and_then(|k| b.get(k))) || glued(b.get(t.e))
}

/// Build the tables the pass reads (once per process; later calls return at
/// once): called when a recognizer with a names type is made, so parallel
/// scans do not wait for the first one to build them.
pub(super) fn warm() {
    let _ = lexicon::lookup("a");
    cues::warm();
}

/// Run the names pass (called by [`Cx::run`] callers when a type is on).
pub(super) fn scan(cx: &mut Cx<'_>) {
    use EntityType::{Location, PersonName, StreetAddress};
    let (pn, loc, st) = (cx.on(PersonName), cx.on(Location), cx.on(StreetAddress));
    if !(pn || loc || st) {
        return;
    }
    if cx.hint != 0 && field::whole_value(cx) {
        return;
    }
    let text = cx.text;
    let toks = tokenize(text);
    let mut found = Vec::new();
    let mut labels = false;
    for (i, t) in toks.iter().enumerate() {
        if st && (t.num || t.cap || street::may_start(text, t)) {
            street::at(cx, &toks, i);
        }
        if !(t.cap || t.caps) {
            continue;
        }
        let ev = cues::before(text, &toks, i);
        if loc {
            place::location(cx, &toks, i, ev);
        }
        if pn && t.cap {
            found.extend(person::person(cx, &toks, i, ev));
            labels |= text[t.e..].starts_with(':');
        }
    }
    if pn {
        person::mentions(cx, &toks, &found);
        person::lists(cx, &toks, &found);
        if labels {
            person::speakers(cx, &toks);
        }
    }
}

/// Exactly one space between `a` and `b` (parts of one name).
fn one_space(text: &str, a: usize, b: usize) -> bool {
    b == a + 1 && text.as_bytes()[a] == b' '
}

/// Only spaces or tabs between `a` and `b`.
pub(super) fn spaced(text: &str, a: usize, b: usize) -> bool {
    a <= b && text[a..b].bytes().all(|c| c == b' ' || c == b'\t') && a < b
}

/// Is the position at a sentence start (text start, after `.!?:` or a line break)?
fn sentence_initial(text: &str, s: usize) -> bool {
    match text[..s]
        .trim_end_matches([' ', '\t', '"', '\'', '(', '«', '“', '„', '>'])
        .chars()
        .next_back()
    {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '\n' | '\r' | '¡' | '¿' | '>' | '|'
        ),
    }
}

#[cfg(test)]
mod tests;
