//! `LOCATION`: the gazetteer's cities, countries and regions, and places no
//! list has when the text says so (`grew up in Remniku`, `Port Jeffrey`,
//! `Randyberg`, `OULU  Finland`); see the table in the module docs.

use super::lexicon::{lookup, BIG, CITY, COMMON, GIVEN, REGION, SURNAME, WORD};
use super::{cues, lower_into, one_space, sentence_initial, spaced, street, Cx, EntityType, Tok};

/// First words of place names (`Port Jeffrey`, `Lake Robert`, `San Marino`).
pub(super) const HEADS: &[&str] = &[
    "Port", "Lake", "Mount", "Fort", "North", "South", "East", "West", "New", "Saint", "Sainte",
    "San", "Santa", "Santo", "São", "St", "Ste", "Bad", "Villa", "Puerto", "Porto", "Monte",
    "Nieuw", "Nowy", "Nowa", "Groß", "Klein", "Sankt", "Cite", "Cité",
];

/// Endings of place names (`Randyberg`, `Kendrashire`, `Jamesfort`).
const ENDINGS: &[&str] = &[
    "shire", "ville", "berg", "burg", "burgh", "bury", "borough", "fort", "furt", "haven", "stad",
    "side", "town", "mouth", "chester", "land", "heim", "hausen", "dorf", "ingen", "wijk", "dam",
];

/// Inner parts of hyphenated place names (`Marie-sur-Mer`, `Charles-la-Forêt`).
const INNER: &[&str] = &[
    "-sur-", "-sous-", "-les-", "-lès-", "-la-", "-le-", "-en-", "-de-", "-du-", "-am-", "-an-",
    "-aan-", "-upon-", "-on-",
];

/// Capitalized words that continue a place's name after a preposition or a
/// residence phrase (`Shelly Park`, `Mill Village`, `Tokoza Ext`).
const PLACE_WORDS: &[&str] = &[
    "Park", "Village", "Beach", "Bay", "Heights", "Hills", "City", "Town", "Springs", "Falls",
    "Valley", "Harbour", "Harbor", "Point", "Creek", "Junction", "Ext", "Nord", "Sud", "Süd",
    "Ost", "Norte", "Sur", "Centre", "Center", "Island", "Islands", "Lake", "Bridge", "Green",
];

/// Lower-case words inside place names (`Frankfurt am Main`, `Villafranca del Cid`).
fn joiner(w: &str) -> bool {
    matches!(
        w,
        "am" | "an"
            | "der"
            | "im"
            | "de"
            | "del"
            | "la"
            | "le"
            | "les"
            | "sur"
            | "nad"
            | "pod"
            | "do"
            | "da"
            | "di"
            | "dos"
            | "das"
            | "en"
            | "upon"
            | "on"
            | "aan"
            | "op"
    )
}

fn ends_like_place(w: &str) -> bool {
    let b = w.as_bytes();
    ENDINGS.iter().any(|e| {
        b.len() >= e.len() + 3 && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
    }) || (w.contains('-') && INNER.iter().any(|p| w.contains(p)))
}

/// A country or region (1–3 words) starting at token `j`: its end byte.
fn region_at(text: &str, toks: &[Tok], j: usize, key: &mut String) -> Option<usize> {
    let t = toks.get(j)?;
    if !(t.cap || t.caps) {
        return None;
    }
    let mut best = None;
    let mut end = t.s;
    key.clear();
    for (k, n) in toks.iter().enumerate().skip(j).take(3) {
        if n.num || !(n.cap || n.caps) || (k > j && !one_space(text, end, n.s)) {
            break;
        }
        if k > j {
            key.push(' ');
        }
        key.extend(text[n.s..n.e].chars().flat_map(char::to_lowercase));
        end = n.e;
        let f = if k == j { n.flags } else { lookup(key) };
        if f & REGION != 0 && f & BIG != 0 {
            best = Some(n.e);
        }
    }
    best
}

/// The next token starts after a gap of spaces or `, ` and is a country or region.
fn before_region(text: &str, toks: &[Tok], j: usize, end: usize, key: &mut String) -> bool {
    let Some(n) = toks.get(j) else { return false };
    let gap = &text[end..n.s];
    let g = gap.trim_start_matches(',');
    (g.len() < gap.len() || g.len() >= 2)
        && g.bytes().all(|c| c == b' ' || c == b'\t')
        && !g.is_empty()
        && region_at(text, toks, j, key).is_some()
}

/// After a house number or unit and a break (`Harjukuja 54, SEINÄJOKI`,
/// `Apt. 946  Suwałki`, `Suite 318 > OULU`, `Apt. 050\n??? Broomfield`,
/// `Bygget 91 | ASKER`): the city line of an address.
fn block_city(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).map(|k| &toks[k]) else {
        return false;
    };
    // The number is a house or unit number after a street or unit word
    // (`Harjukuja 54`, `Apt. 946`), not the end of a card number; after an
    // English word it is a year or a count (`During 1971, Allstate …`).
    let digits = text[p.s..p.e].bytes().filter(u8::is_ascii_digit).count();
    let named = i >= 2 && {
        let q = &toks[i - 2];
        let g = &text[q.e..p.s];
        !q.num
            && (q.cap || q.caps)
            && (q.flags & WORD == 0 || street::is_street_word(&text[q.s..q.e]))
            && (g == " " || g == ". " || g == " #")
    };
    let gap = &text[p.e..toks[i].s];
    // Exported address blocks separate their lines with line breaks,
    // commas, two spaces, or a run of symbols where a bullet was lost in
    // an encoding (`???`, `|`, `•`).
    p.num
        && (1..=5).contains(&digits)
        && named
        && gap.len() <= 8
        && (gap.contains([',', '>', '\n', '|', '•']) || gap.contains("??") || gap.starts_with("  "))
        && gap.chars().all(|c| {
            matches!(
                c,
                ' ' | ',' | '>' | '\n' | '\r' | '\t' | '?' | '|' | '*' | '•' | '·' | '-'
            )
        })
}

pub(super) fn location(cx: &mut Cx<'_>, toks: &[Tok], i: usize, ev: cues::Before) {
    let text = cx.text;
    let first = toks[i];
    // Without capitals only listed places count, or a word in no list after
    // a residence or travel phrase (`my friend lives in harburg`).
    if first.caseless && first.flags & (CITY | REGION) == 0 && !(ev.place_cue && first.flags == 0) {
        return;
    }
    // A label (`Mobile: …`, `E-mail: …`); after a place phrase (`home city
    // Assen: …`) a place.
    if text[first.e..].starts_with(':') && !ev.place_cue {
        return;
    }
    // The longest gazetteer match of 1..=4 words (`New York`, `Frankfurt am Main`).
    let mut key = String::new();
    let mut best: Option<(usize, usize, u8)> = None;
    let mut end = first.s;
    for (j, &t) in toks.iter().enumerate().skip(i).take(4) {
        if t.num || (j > i && !spaced(text, end, t.s)) {
            break;
        }
        let w = &text[t.s..t.e];
        if j > i && !(t.cap || t.caps || joiner(w)) {
            break;
        }
        if j == i + 1 {
            lower_into(&text[first.s..first.e], &mut key);
        }
        if j > i {
            key.push(' ');
            if w.is_ascii() {
                key.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                key.extend(w.chars().flat_map(char::to_lowercase));
            }
        }
        end = t.e;
        let f = if j == i { t.flags } else { lookup(&key) };
        if (t.cap || t.caps) && f & (CITY | REGION) != 0 {
            best = Some((j, t.stem_end(), f));
        }
        if t.poss != 0 {
            break;
        }
    }
    let (prep, cue) = (ev.prep, ev.place_cue);
    let postcode = street::postcode_before(text, toks, i);
    let Some((mut last, mut end, f)) = best else {
        return unlisted(cx, toks, i, ev, postcode);
    };
    if prep || cue {
        while let Some(n) = toks.get(last + 1) {
            if !(one_space(text, end, n.s) && PLACE_WORDS.contains(&&text[n.s..n.e])) {
                break;
            }
            (last, end) = (last + 1, n.e);
        }
    }
    // Part of a street name (`Pennsylvania Ave`, `Berliner Straße`).
    if let Some(n) = toks.get(last + 1) {
        if spaced(text, end, n.s) && street::is_street_word(&text[n.s..n.e]) {
            return;
        }
    }
    let mut score: i32 = if f & BIG != 0 { 60 } else { 45 };
    if prep {
        score += 25;
    }
    if cue {
        score += 10;
    }
    if postcode {
        score += 30;
    }
    if f & REGION == 0 && before_region(text, toks, last + 1, end, &mut key) {
        score += 20; // `Aalborg, Denmark`, `Springfield, Illinois`
    }
    if f & COMMON != 0 || (f & WORD != 0 && last == i) {
        score -= 20;
    }
    // `Paris Hilton`, `Florence`; a country stays a place (`Poland` is
    // also a surname in the census lists).
    let country = f & REGION != 0 && f & BIG != 0;
    // The city line of an address block is a place whatever else the word
    // is (`Apt. 050 / Broomfield`: also a surname).
    let block = block_city(text, toks, i);
    if f & (GIVEN | SURNAME) != 0 && !prep && !postcode && !country && !block {
        score -= 15;
    }
    if block {
        score += 15;
    }
    // `to Alicia Patel`, `to Mary Gavrilova`: a surname (or a word in no
    // list after a given name) follows, so a person.
    if let Some(n) = toks.get(last + 1) {
        if n.cap
            && one_space(text, end, n.s)
            && (n.flags & SURNAME != 0 || (n.flags == 0 && f & GIVEN != 0 && n.e - n.s > 1))
            && n.flags & (CITY | REGION) == 0
        {
            score -= 25;
        }
    }
    if sentence_initial(text, first.s) && !prep && !postcode && !block && last == i && !country {
        score -= 10;
    }
    push_place(cx, &first, end, score);
}

/// A place no list has: only with a residence/travel phrase, a preposition
/// and a place-like shape, a postcode, or a country right after it.
fn unlisted(cx: &mut Cx<'_>, toks: &[Tok], i: usize, ev: cues::Before, postcode: bool) {
    let (prep, cue, strong_prep) = (ev.prep, ev.place_cue, ev.strong_prep);
    let text = cx.text;
    let first = toks[i];
    let f = first.flags;
    let w = &text[first.s..first.e];
    if first.e - first.s < 3 {
        return;
    }
    let head = HEADS.contains(&w) && text[first.e..].starts_with(' ');
    if f & (COMMON | WORD) != 0 && !head {
        return;
    }
    // The place's words: capitalized words and joiners, one space apart.
    let (mut end, mut last, mut words) = (first.stem_end(), i, 1);
    let mut j = i + 1;
    while first.poss == 0 && j < toks.len() && words < 4 {
        let t = toks[j];
        if t.num || !one_space(text, toks[j - 1].e, t.s) {
            break;
        }
        let tw = &text[t.s..t.e];
        let cap = (t.cap && first.cap) || (t.caps && first.caps);
        if cap {
            let place_word = PLACE_WORDS.contains(&tw) && (ev.prep || ev.place_cue);
            if !place_word
                && (t.flags & (COMMON | REGION) != 0
                    || (t.flags & WORD != 0 && t.flags & (GIVEN | SURNAME | CITY) == 0)
                    || street::is_street_word(tw)
                    || t.e - t.s == 1)
            {
                break;
            }
            end = t.stem_end();
            last = j;
            words += 1;
            if t.poss != 0 || text[t.e..].starts_with(':') {
                break;
            }
        } else if !(joiner(tw) && toks.get(j + 1).is_some_and(|n| n.cap || n.caps)) {
            break;
        }
        j += 1;
    }
    if head && last == i {
        return;
    }
    // A street name before its house number (`Koskikatu 25`); after a
    // strong preposition a 4–5-digit number that ends the phrase is the
    // place's postcode instead (`in Bjert 6091 in its mission`).
    let mut postcode_after = false;
    if let Some(n) = toks
        .get(last + 1)
        .filter(|n| n.num && spaced(text, end, n.s))
    {
        let d = &text[n.s..n.e];
        let next_lower = toks
            .get(last + 2)
            .is_none_or(|m| !(m.cap || m.caps || m.num) && spaced(text, n.e, m.s));
        postcode_after = strong_prep
            && (4..=5).contains(&d.len())
            && d.bytes().all(|b| b.is_ascii_digit())
            && next_lower;
        if !postcode_after {
            return;
        }
    }
    let mut key = String::new();
    let shape = head || ends_like_place(&text[first.s..end]);
    let region = before_region(text, toks, last + 1, end, &mut key);
    let mut score: i32 = 25;
    if cue {
        score += 40;
    } else if strong_prep {
        score += 20;
    } else if prep {
        score += 10;
    }
    if shape {
        score += 25;
    }
    if postcode || postcode_after {
        score += 30;
    }
    if region {
        score += 30;
    }
    if block_city(text, toks, i) {
        score += 25;
    }
    if first.caps && (cue || prep || region || postcode) {
        score += 10;
    }
    if f & (GIVEN | SURNAME) != 0 && !head {
        score -= 10;
    }
    push_place(cx, &first, end, score);
}

/// Report a place from `first` to `end`: a text without capitals costs 10
/// (listed and unlisted places alike), the score is clamped to 0..=100.
fn push_place(cx: &mut Cx<'_>, first: &Tok, end: usize, mut score: i32) {
    if first.caseless {
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
