//! Street addresses in each locale's layout: `1600 Pennsylvania Ave NW`,
//! `12 rue de la Paix`, `Calle Mayor 3`, `Via Roma 10`, `ul. Marszałkowska 1`,
//! `Hauptstraße 5`, `Kalverstraat 92`, optionally followed by a postcode and
//! a city (`, 10115 Berlin`, `, 75002 Paris`, `, Springfield, IL 62704`).

use super::lexicon::{CITY, COMMON, GIVEN, SURNAME, WORD};
use super::{spaced, Cx, Tok};
use crate::pii::EntityType;

/// Street types written after the name (English).
const SUFFIXES: &[&str] = &[
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Av",
    "Road",
    "Rd",
    "Boulevard",
    "Blvd",
    "Lane",
    "Ln",
    "Drive",
    "Dr",
    "Court",
    "Ct",
    "Way",
    "Place",
    "Pl",
    "Terrace",
    "Ter",
    "Highway",
    "Hwy",
    "Parkway",
    "Pkwy",
    "Circle",
    "Cir",
    "Square",
    "Sq",
    "Trail",
    "Trl",
    "Crescent",
    "Close",
    "Row",
    "Alley",
    "Plaza",
    "Loop",
    "Gardens",
    "Mews",
    "Grove",
    "Hill",
    "Park",
    "Pike",
    "Expressway",
    "Freeway",
    "Turnpike",
    "Walk",
    "Green",
    "Ridge",
    "View",
    "Point",
    "Crossing",
];

/// More USPS Publication 28 street suffixes, accepted only after a house number
/// (`18340 Martinez Spur`); as words they are too common to end a name.
const NUMBERED_SUFFIXES: &[&str] = &[
    "Spur",
    "Plains",
    "Springs",
    "Heights",
    "Junction",
    "Landing",
    "Meadows",
    "Mill",
    "Mills",
    "Ranch",
    "Route",
    "Run",
    "Shoals",
    "Station",
    "Stream",
    "Summit",
    "Track",
    "Union",
    "Valley",
    "Village",
    "Ville",
    "Vista",
    "Well",
    "Wells",
    "Extension",
    "Fork",
    "Forks",
    "Forge",
    "Harbor",
    "Haven",
    "Island",
    "Isle",
    "Key",
    "Knoll",
    "Lake",
    "Lakes",
    "Light",
    "Lock",
    "Manor",
    "Mount",
    "Mountain",
    "Oval",
    "Pass",
    "Path",
    "Pine",
    "Pines",
    "Prairie",
    "Rapid",
    "Rest",
    "Shore",
    "Skyway",
    "Spring",
    "Squares",
    "Throughway",
    "Underpass",
    "Viaduct",
    "Views",
    "Bypass",
    "Camp",
    "Canyon",
    "Cape",
    "Causeway",
    "Center",
    "Club",
    "Common",
    "Corner",
    "Corners",
    "Course",
    "Cove",
    "Creek",
    "Crest",
    "Curve",
    "Dale",
    "Dam",
    "Divide",
    "Estate",
    "Estates",
    "Falls",
    "Ferry",
    "Field",
    "Fields",
    "Flat",
    "Flats",
    "Ford",
    "Forest",
    "Fort",
    "Freeway",
    "Garden",
    "Gateway",
    "Glen",
    "Greens",
    "Harbors",
    "Hills",
    "Hollow",
    "Inlet",
    "Islands",
    "Junctions",
    "Keys",
    "Knolls",
    "Lodge",
    "Lights",
    "Mall",
    "Meadow",
    "Mission",
    "Motorway",
    "Neck",
    "Orchard",
    "Overpass",
    "Parks",
    "Passage",
    "Plain",
    "Port",
    "Ports",
    "Radial",
    "Ramp",
    "Rapids",
    "Ridges",
    "River",
    "Roads",
    "Shores",
    "Stravenue",
    "Streets",
    "Trace",
    "Trafficway",
    "Tunnel",
    "Unions",
    "Valleys",
    "Villages",
    "Wall",
    "Ways",
    "Branch",
    "Bridge",
    "Brook",
    "Brooks",
    "Burg",
    "Burgs",
    "Bluff",
    "Bluffs",
    "Bottom",
    "Bend",
    "Beach",
];

/// Street types written before the name (fr, es, it, pl, and `Rue` capitalized).
/// Their first letters are listed in `prefix`.
#[cfg_attr(not(test), allow(dead_code))]
pub(super) const PREFIXES: &[&str] = &[
    "rue",
    "avenue",
    "av",
    "boulevard",
    "bd",
    "bld",
    "place",
    "chemin",
    "allée",
    "impasse",
    "quai",
    "route",
    "cours",
    "square",
    "passage",
    "calle",
    "c",
    "avenida",
    "avda",
    "plaza",
    "paseo",
    "camino",
    "carrer",
    "ronda",
    "travesía",
    "carretera",
    "via",
    "viale",
    "piazza",
    "piazzale",
    "corso",
    "largo",
    "vicolo",
    "strada",
    "contrada",
    "ul",
    "ulica",
    "al",
    "aleja",
    "pl",
    "plac",
    "os",
    "osiedle",
];

/// Endings of German and Dutch street names written as one word.
const COMPOUND: &[&str] = &[
    "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer",
    "chaussee", "steig", "pfad", "markt", "straat", "laan", "gracht", "plein", "kade", "singel",
    "dijk", "dreef", "hof", "steeg", "pad",
];

/// Separate German/Dutch street-type words (`Berliner Straße`, `Lange Voorhout`).
const GERMANIC_WORDS: &[&str] = &[
    "Straße", "Strasse", "Str", "Weg", "Gasse", "Platz", "Allee", "Ring", "Damm", "Ufer",
    "Chaussee", "Markt",
];

/// Abbreviated types that must carry their dot.
fn needs_dot(w: &str) -> bool {
    matches!(w, "ul" | "al" | "pl" | "os" | "av" | "avda" | "bd")
}

const UNITS: &[&str] = &[
    "Apt",
    "Apartment",
    "Suite",
    "Ste",
    "Unit",
    "Flat",
    "Fl",
    "Floor",
];

const DIRECTIONS: &[&str] = &["N", "S", "E", "W", "NE", "NW", "SE", "SW"];

/// A street-type word (it ends a person's name).
pub(super) fn is_street_word(w: &str) -> bool {
    SUFFIXES.contains(&w) || GERMANIC_WORDS.contains(&w) || UNITS.contains(&w) || compound(w)
}

fn compound(w: &str) -> bool {
    let b = w.as_bytes();
    COMPOUND
        .iter()
        .any(|c| b.len() > c.len() + 2 && b[b.len() - c.len()..].eq_ignore_ascii_case(c.as_bytes()))
}

fn prefix(text: &str, t: &Tok) -> bool {
    let w = &text[t.s..t.e];
    if w.len() > 10 || t.num {
        return false;
    }
    // One `match` on the lower-cased bytes (compiled to a switch on the
    // length and bytes), not a loop over the list.
    let mut buf = [0u8; 10];
    let l = &mut buf[..w.len()];
    l.copy_from_slice(w.as_bytes());
    l.make_ascii_lowercase();
    if !is_prefix(l) {
        return false;
    }
    let Ok(l) = std::str::from_utf8(l) else {
        return false;
    };
    let dot = text[t.e..].starts_with('.');
    let slash = text[t.e..].starts_with('/');
    match l {
        "c" => slash && w == "C",
        l if needs_dot(l) => dot,
        _ => true,
    }
}

/// Is `l` (lower case) one of [`PREFIXES`]? (The same list as a `match`;
/// a unit test checks that the two agree.)
pub(super) fn is_prefix(l: &[u8]) -> bool {
    matches!(
        l,
        b"rue"
            | b"avenue"
            | b"av"
            | b"boulevard"
            | b"bd"
            | b"bld"
            | b"place"
            | b"chemin"
            | b"all\xc3\xa9e"
            | b"impasse"
            | b"quai"
            | b"route"
            | b"cours"
            | b"square"
            | b"passage"
            | b"calle"
            | b"c"
            | b"avenida"
            | b"avda"
            | b"plaza"
            | b"paseo"
            | b"camino"
            | b"carrer"
            | b"ronda"
            | b"traves\xc3\xada"
            | b"carretera"
            | b"via"
            | b"viale"
            | b"piazza"
            | b"piazzale"
            | b"corso"
            | b"largo"
            | b"vicolo"
            | b"strada"
            | b"contrada"
            | b"ul"
            | b"ulica"
            | b"al"
            | b"aleja"
            | b"pl"
            | b"plac"
            | b"os"
            | b"osiedle"
    )
}

/// A street-type word written before the name (`rue`, `Calle`, `Via`, `ul.`).
pub(super) fn is_prefix_word(text: &str, t: &Tok) -> bool {
    prefix(text, t)
}

/// Can a street start at this lower-case word (`rue`, `via`, `ul.`)?
pub(super) fn may_start(text: &str, t: &Tok) -> bool {
    t.e - t.s <= 10 && prefix(text, t)
}

fn digits(text: &str, t: &Tok) -> usize {
    text[t.s..t.e]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count()
}

/// A house number: 1–5 digits (with an optional letter), `12 bis`.
fn house(text: &str, t: &Tok) -> bool {
    t.num && (1..=5).contains(&digits(text, t)) && !text[t.s..].starts_with('0')
}

/// Words after a type-first street word: capitalized words, particles,
/// numbers inside names are not taken. Returns the index after the last word.
fn name_words(text: &str, toks: &[Tok], mut j: usize, mut cursor: usize) -> Option<usize> {
    let start = j;
    let mut last_cap = None;
    while j < toks.len() && j < start + 6 {
        let t = toks[j];
        let gap = &text[cursor..t.s];
        if t.num
            || !(gap.trim_matches([' ', '\t']).is_empty() || gap.trim() == ".")
            || gap.contains('\n')
        {
            break;
        }
        let w = &text[t.s..t.e];
        if t.cap {
            last_cap = Some(j);
        } else if !matches!(
            w,
            "de" | "la"
                | "del"
                | "della"
                | "dei"
                | "degli"
                | "delle"
                | "di"
                | "du"
                | "des"
                | "le"
                | "les"
                | "da"
                | "do"
                | "dos"
                | "das"
                | "el"
                | "y"
                | "e"
                | "et"
                | "von"
                | "der"
        ) && !w.starts_with("l'")
            && !w.starts_with("d'")
            && !w.starts_with("l’")
            && !w.starts_with("d’")
        {
            break;
        }
        cursor = t.e;
        j += 1;
    }
    last_cap.map(|k| k + 1)
}

/// Articles: a number after one is no postcode (`a 2021 Norwegian film`).
const ARTICLES: &[&str] = &[
    "a", "an", "the", "A", "An", "The", "ein", "eine", "einem", "einer", "der", "die", "das",
    "dem", "den", "un", "une", "le", "les", "el", "los", "las", "il", "lo", "gli", "een", "het",
];

/// Is there a postcode right before token `i` (`10115 Berlin`, `1012 AB`, `00-950`)?
pub(super) fn postcode_before(text: &str, toks: &[Tok], i: usize) -> bool {
    postcode_end(text, toks, i).is_some()
}

/// The index of the first token of a postcode that ends right before `i`.
fn postcode_end(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let p = toks.get(i.checked_sub(1)?)?;
    if !spaced(text, p.e, toks[i].s) {
        return None;
    }
    let w = &text[p.s..p.e];
    if p.num && (digits(text, p) == 5 || digits(text, p) == 4) && w.len() == digits(text, p) {
        // After an article the number is a year or a count (`a 2021
        // Norwegian film`, `the 1990 Census`), not a postcode.
        let article = i >= 2 && {
            let q = toks[i - 2];
            spaced(text, q.e, p.s) && ARTICLES.contains(&&text[q.s..q.e])
        };
        return (!article).then_some(i - 1);
    }
    if p.num && w.len() == 3 && i >= 2 {
        let q = toks[i - 2];
        if q.num && q.e - q.s == 2 && &text[q.e..p.s] == "-" {
            return Some(i - 2);
        }
    }
    if !p.num && w.len() == 2 && w.bytes().all(|c| c.is_ascii_uppercase()) && i >= 2 {
        let q = toks[i - 2];
        if q.num && q.e - q.s == 4 && spaced(text, q.e, p.s) {
            return Some(i - 2);
        }
    }
    None
}

/// A postcode written after the city starting at token `k` (`3858`, `07170`,
/// `5040-033`, `80-148`, `541`): the end byte of the postcode.
fn postcode_after_city(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let p = toks.get(k)?;
    let d = digits(text, p);
    if !p.num || d != p.e - p.s {
        return None;
    }
    // `5040-033` (PT, BR), `80-148` (PL): digits, a hyphen, three digits.
    if let Some(n) = toks.get(k + 1) {
        if (d == 2 || d == 4 || d == 5) && &text[p.e..n.s] == "-" && n.num && n.e - n.s == 3 {
            return Some(n.e);
        }
    }
    (3..=5).contains(&d).then_some(p.e)
}

/// After a street ending at token `j` (exclusive), an optional `, postcode City`,
/// `, City, ST 12345` or `, City postcode` (`Grundingen 6, OSLO 0250`): the
/// new end byte.
fn tail(text: &str, toks: &[Tok], j: usize, end: usize) -> Option<usize> {
    let t = toks.get(j)?;
    let gap = &text[end..t.s];
    let g = gap.trim_matches([' ', '\t']);
    if !(g.is_empty() || g == "," || g == "\n" || g == ",\n") || gap.len() > 4 {
        return None;
    }
    // postcode first
    if t.num {
        let k;
        let d = digits(text, t);
        let hyphen = d == 2
            && toks
                .get(j + 1)
                .is_some_and(|n| n.num && &text[t.e..n.s] == "-");
        let letters = d == 4
            && toks.get(j + 1).is_some_and(|n| {
                !n.num && n.e - n.s == 2 && text[n.s..n.e].bytes().all(|c| c.is_ascii_uppercase())
            });
        if hyphen || letters {
            k = j + 2;
        } else if d == 4 || d == 5 {
            k = j + 1;
        } else {
            return None;
        }
        let c = toks.get(k)?;
        if !c.cap || !spaced(text, toks[k - 1].e, c.s) {
            return None;
        }
        let mut e = c.e;
        let mut m = k + 1;
        while m < toks.len() && m < k + 3 && toks[m].cap && spaced(text, e, toks[m].s) {
            e = toks[m].e;
            m += 1;
        }
        return Some(e);
    }
    // `City[ City], ST 12345` (US), `City[ City] postcode`
    if !(t.cap || t.caps) {
        return None;
    }
    let mut e = t.e;
    let mut m = j + 1;
    while m < toks.len()
        && m < j + 3
        && (toks[m].cap || toks[m].caps)
        && spaced(text, e, toks[m].s)
        && toks[m].e - toks[m].s > 2
    {
        e = toks[m].e;
        m += 1;
    }
    // The postcode after the city needs the comma before the city (a
    // number after a capitalized word alone is a year or a count).
    if g.starts_with(',') && toks.get(m).is_some_and(|p| p.num && spaced(text, e, p.s)) {
        if let Some(pe) = postcode_after_city(text, toks, m) {
            return Some(pe);
        }
    }
    let st = toks.get(m)?;
    let zip = toks.get(m + 1)?;
    let sw = &text[st.s..st.e];
    if text[e..st.s].trim_matches([' ']) == ","
        && sw.len() == 2
        && sw.bytes().all(|c| c.is_ascii_uppercase())
        && zip.num
        && digits(text, zip) == 5
        && spaced(text, st.e, zip.s)
    {
        let mut ze = zip.e;
        if let Some(plus4) = toks.get(m + 2) {
            if plus4.num && digits(text, plus4) == 4 && &text[zip.e..plus4.s] == "-" {
                ze = plus4.e;
            }
        }
        return Some(ze);
    }
    None
}

fn push(cx: &mut Cx<'_>, toks: &[Tok], start: usize, j: usize, end: usize, base: u8) {
    let (end, score) = match tail(cx.text, toks, j, end) {
        Some(e) => (e, 90),
        None => (end, base),
    };
    cx.push_scored(
        EntityType::StreetAddress,
        start,
        end,
        score,
        "street_address.layout",
    );
}

/// A street address starting at token `i`, in any of the layouts.
pub(super) fn at(cx: &mut Cx<'_>, toks: &[Tok], i: usize) {
    let text = cx.text;
    let t = toks[i];
    // 1. House number first: `12 rue de la Paix`, `1600 Pennsylvania Ave NW`.
    if house(text, &t) {
        let Some(n) = toks.get(i + 1) else { return };
        let gap = &text[t.e..n.s];
        if !(gap == " " || gap == ", " || gap == " bis " || gap == " ter ") {
            return;
        }
        if prefix(text, n) {
            let c = n.e + usize::from(text[n.e..].starts_with('.'));
            if let Some(j) = name_words(text, toks, i + 2, c) {
                push(cx, toks, t.s, j, toks[j - 1].e, 75);
            }
            return;
        }
        // English: 1–4 capitalized words, then a suffix.
        let mut j = i + 1;
        let mut cursor = t.e;
        while j < toks.len() && j < i + 6 {
            let w = toks[j];
            if !w.cap || !spaced(text, cursor, w.s) {
                break;
            }
            let word = &text[w.s..w.e];
            if j > i + 1 && (SUFFIXES.contains(&word) || NUMBERED_SUFFIXES.contains(&word)) {
                let mut end = w.e + usize::from(text[w.e..].starts_with('.'));
                let mut k = j + 1;
                if let Some(d) = toks.get(k) {
                    if DIRECTIONS.contains(&&text[d.s..d.e]) && spaced(text, end, d.s) {
                        end = d.e + usize::from(text[d.e..].starts_with('.'));
                        k += 1;
                    }
                }
                // `Apt. 864`, `Suite 200`, `#12`
                if let (Some(u), Some(num)) = (toks.get(k), toks.get(k + 1)) {
                    let g = text[end..u.s].trim_matches([' ', ',']);
                    if g.is_empty() && UNITS.contains(&&text[u.s..u.e]) && num.num {
                        let between = text[u.e..num.s].trim_matches([' ', '.', '#']);
                        if between.is_empty() && num.s - u.e <= 3 {
                            end = num.e;
                            k += 2;
                        }
                    }
                }
                push(cx, toks, t.s, k, end, 75);
                return;
            }
            cursor = w.e;
            j += 1;
        }
        return;
    }
    // 2. Type first: `Calle Mayor 3`, `Via Roma 10`, `ul. Marszałkowska 1`.
    if !t.num && prefix(text, &t) && (t.cap || text[t.s..t.e].len() <= 2) {
        let c = t.e + usize::from(text[t.e..].starts_with(['.', '/']));
        let Some(j) = name_words(text, toks, i + 1, c) else {
            return;
        };
        let end = toks[j - 1].e;
        if let Some(n) = toks.get(j) {
            let gap = &text[end..n.s];
            if house(text, n)
                && (gap == " " || gap == ", " || gap == ", n. " || gap == " n. " || gap == " nº ")
            {
                return push(cx, toks, t.s, j + 1, n.e, 75);
            }
        }
        let strong = text[t.s..t.e].chars().count() > 2 || text[t.e..].starts_with('.');
        if strong && j > i + 1 {
            push(cx, toks, t.s, j, end, 55);
        }
        return;
    }
    // 3. German/Dutch: `Hauptstraße 5`, `Kalverstraat 92`, `Berliner Straße 12a`.
    if t.cap && !t.num {
        let (mut j, mut end) = (i + 1, t.e);
        let w = &text[t.s..t.e];
        let mut ok = compound(w);
        if !ok {
            if let Some(n) = toks.get(i + 1) {
                let nw = &text[n.s..n.e];
                if GERMANIC_WORDS.contains(&nw) && spaced(text, t.e, n.s) {
                    ok = true;
                    j = i + 2;
                    end = n.e;
                }
            }
        }
        if !ok {
            return any_name(cx, toks, i);
        }
        if text[end..].starts_with('.')
            && end >= 3
            && text
                .get(end - 3..end)
                .is_some_and(|x| x.eq_ignore_ascii_case("str"))
        {
            end += 1;
        }
        if let Some(n) = toks.get(j) {
            if house(text, n) && spaced(text, end, n.s) {
                return push(cx, toks, t.s, j + 1, n.e, 75);
            }
        }
        if i == 0 || !super::sentence_initial(text, t.s) {
            cx.push_scored(
                EntityType::StreetAddress,
                t.s,
                end,
                50,
                "street_address.layout",
            );
        }
    }
}

/// Layout 4: a street name of any language before its house number, when
/// a city and a postcode follow after a comma (`Þverbraut 71, Blönduós
/// 541`, `Östra Förstadsgatan 43, KNIVSTA 74192`, `Parmova 24, 4211
/// Mavčiče`): the whole layout is the evidence, so the name needs no street
/// word; neither the name nor the city may be an English word (`Chapter 5,
/// Office 2019`).
fn any_name(cx: &mut Cx<'_>, toks: &[Tok], i: usize) {
    let text = cx.text;
    let plain = |t: &Tok| (t.cap || t.caps) && !t.num && t.flags & (WORD | COMMON) == 0;
    if !plain(&toks[i]) || (i > 0 && plain(&toks[i - 1]) && spaced(text, toks[i - 1].e, toks[i].s))
    {
        return; // the name starts at the first of its words
    }
    let mut j = i + 1;
    while j < toks.len() && j < i + 3 && plain(&toks[j]) && spaced(text, toks[j - 1].e, toks[j].s) {
        j += 1;
    }
    // A lone given name before a number is a person's (`Tomasz 5, Berlin 2020`).
    let f = toks[i].flags;
    if j == i + 1 && f & GIVEN != 0 && f & (SURNAME | CITY) == 0 {
        return;
    }
    let Some(n) = toks.get(j) else { return };
    if !house(text, n) || !spaced(text, toks[j - 1].e, n.s) || !text[n.e..].starts_with(", ") {
        return;
    }
    let Some(c) = toks.get(j + 1) else { return };
    let city_ok = if c.num {
        true
    } else {
        plain(c) || c.flags & CITY != 0
    };
    if !city_ok {
        return;
    }
    if let Some(e) = tail(text, toks, j + 1, n.e) {
        cx.push_scored(
            EntityType::StreetAddress,
            toks[i].s,
            e,
            85,
            "street_address.layout",
        );
    }
}
