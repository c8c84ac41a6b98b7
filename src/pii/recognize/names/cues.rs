//! Evidence words around a candidate, matched on the tokens before it (no
//! allocation, at most a few tokens back): titles, cue phrases, greetings,
//! sign-offs, place prepositions and residence/travel phrases.

use super::Tok;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Titles written with or without a dot (`Mr`, `Mr.`); the dotted form also
/// matches in lower case (`ms. Marcela`).
const TITLES_DOT: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Mme", "Mlle", "Sr", "Sra", "Srta", "Sig", "Dott",
    "Dhr", "Mevr", "Mw", "Fr", "Hr", "Hrn", "Ing", "Mgr",
];

/// Titles written as words.
const TITLES_WORD: &[&str] = &[
    "Miss",
    "Sir",
    "Dame",
    "Lady",
    "Lord",
    "Frau",
    "Herr",
    "Monsieur",
    "Madame",
    "Mademoiselle",
    "Don",
    "Doña",
    "Señor",
    "Señora",
    "Señorita",
    "Signor",
    "Signora",
    "Signorina",
    "Pan",
    "Pani",
    "meneer",
    "mevrouw",
];

/// Cue phrases before a name (lower case; a final `:` must follow the last word).
const CUES: &[&str] = &[
    "my name is",
    "name is",
    "i am",
    "i'm",
    "i’m",
    "named",
    "called",
    "calls me",
    "call me",
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
    "name?",
    "name",
    "named him",
    "named her",
    "called him",
    "called her",
    "says",
    "said",
    "asked",
    "told",
    "shouted at",
    "starring",
    "sung by",
    "performed by",
    "arranged by",
    "recorded by",
    "painted by",
    "signed by",
    "assistant to",
    "nome:",
    "nom:",
    "nombre:",
    "naam:",
    "imię:",
    "user:",
    "signed:",
    "directed by",
    "written by",
    "by:",
    "contact:",
    "attn:",
    "author:",
];

/// People words before a name (`my kid Tadzio`, `her husband Tom`).
const RELATIONS: &[&str] = &[
    "kid",
    "son",
    "daughter",
    "wife",
    "husband",
    "partner",
    "friend",
    "brother",
    "sister",
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "uncle",
    "aunt",
    "cousin",
    "colleague",
    "boss",
    "neighbour",
    "neighbor",
    "grandson",
    "granddaughter",
    "grandmother",
    "grandfather",
    "nephew",
    "niece",
    "boyfriend",
    "girlfriend",
    "fiancé",
    "fiancée",
    "coworker",
    "roommate",
];

/// Possessives before a relation word.
const OWNERS: &[&str] = &["my", "his", "her", "our", "their", "your"];

/// Greetings before a name at a line start (lower case).
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

/// Sign-offs before a name (lower case): `Best,\nTom`, `Grüße Anna`.
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

/// Prepositions before places (lower case).
const PLACE_PREPS: &[&str] = &[
    "in", "from", "to", "at", "near", "of", "aus", "nach", "bei", "von", "im", "de", "à", "en",
    "près", "da", "di", "a", "uit", "te", "naar", "bij", "w", "z", "we", "ze", "do", "pod",
    "desde", "hacia", "cerca", "vicino",
];

/// Residence and travel phrases: a capitalized word after them is a place
/// even when no list has it (`grew up in Remniku`, `flew to LEPPEN`).
const PLACE_CUES: &[&str] = &[
    "live in",
    "lives in",
    "living in",
    "lived in",
    "grew up in",
    "born in",
    "based in",
    "located in",
    "i'm in",
    "i’m in",
    "i am in",
    "we're in",
    "we are in",
    "moved to",
    "moved here from",
    "moved from",
    "move to",
    "flew to",
    "fly to",
    "flying to",
    "travelled to",
    "traveled to",
    "trip to",
    "returned to",
    "arrived at",
    "arrived in",
    "originally from",
    "comes from",
    "come from",
    "home city",
    "city of",
    "town of",
    "village of",
    // A university is named after its place (`University of Tartu`,
    // `Universität Wien`).
    "university of",
    "université de",
    "universidad de",
    "università di",
    "universität",
    "where:",
    "wohnt in",
    "wohne in",
    "lebt in",
    "nach",
    "aus",
    "habite à",
    "j'habite à",
    "déménagé à",
    "vit à",
    "né à",
    "vive en",
    "vivo en",
    "mudó a",
    "nació en",
    "abita a",
    "vive a",
    "trasferito a",
    "trasferita a",
    "nato a",
    "nata a",
    "woont in",
    "verhuisd naar",
    "geboren in",
    "mieszka w",
    "mieszkam w",
    "urodził się w",
    "urodziła się w",
];

/// Lower-case comparison of a word with a lower-case pattern, no allocation.
pub(super) fn eq_lower(word: &str, pat: &str) -> bool {
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(pat);
    }
    word.chars().flat_map(char::to_lowercase).eq(pat.chars())
}

/// Only spaces or tabs (or, with `nl`, line breaks too) in `gap`, and at least one.
fn blank(gap: &str, nl: bool) -> bool {
    !gap.is_empty()
        && gap
            .bytes()
            .all(|c| c == b' ' || c == b'\t' || (nl && (c == b'\n' || c == b'\r')))
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Cue,
    Greeting,
    Signoff,
    Prep,
    PlaceCue,
}

/// A phrase of one of the lists: its words (last one first) and the
/// punctuation that must follow it (`name:`, `name?`).
struct Phrase {
    rev: Vec<&'static str>,
    punct: &'static str,
    kind: Kind,
}

/// FNV-1a: the keys are short words, SipHash's cost is not needed here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Index = HashMap<&'static str, Vec<Phrase>, BuildHasherDefault<Fnv>>;

/// Every phrase by its last word, built once.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = Index::default();
        for (list, kind) in [
            (CUES, Kind::Cue),
            (GREETINGS, Kind::Greeting),
            (SIGNOFFS, Kind::Signoff),
            (PLACE_PREPS, Kind::Prep),
            (PLACE_CUES, Kind::PlaceCue),
        ] {
            for &p in list {
                let (words, punct) = match p.strip_suffix([':', '?']) {
                    Some(w) => (w, &p[w.len()..]),
                    None => (p, ""),
                };
                let rev: Vec<&'static str> = words.rsplit(' ').collect();
                m.entry(rev[0])
                    .or_default()
                    .push(Phrase { rev, punct, kind });
            }
        }
        m
    })
}

/// Build the phrase index now (see `names::warm`).
pub(super) fn warm() {
    let _ = index();
}

/// Is token `k` the first on its line (or of the text)?
fn line_start(text: &str, toks: &[Tok], k: usize) -> bool {
    if k == 0 {
        return !text[..toks[0].s].chars().any(char::is_alphanumeric);
    }
    let gap = &text[toks[k - 1].e..toks[k].s];
    gap.contains('\n') && gap.rsplit('\n').next().is_some_and(|t| t.trim().is_empty())
}

/// Is this word a title (`Mr`, `Frau`, `Miss`)?
pub(super) fn is_title(w: &str) -> bool {
    TITLES_DOT.contains(&w) || TITLES_WORD.contains(&w)
}

/// A title right before token `i` (`Mr. `, `Frau `, `Sig.ra `).
pub(super) fn title_before(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    if p.num {
        return false;
    }
    let w = &text[p.s..p.e];
    let rest = &text[p.e..toks[i].s];
    if let Some(g) = rest.strip_prefix('.') {
        if !blank(g, false) {
            return false;
        }
        if TITLES_DOT.contains(&w)
            || (w.len() == 2 && TITLES_DOT.iter().any(|t| t.eq_ignore_ascii_case(w)))
            || w == "M"
        {
            return true;
        }
        // `Sig.ra`, `Sig.na`, `Dott.ssa`: the word after the dot.
        if matches!(w, "ra" | "na" | "ssa") && i >= 2 {
            let q = &toks[i - 2];
            return text[q.e..p.s] == *"." && matches!(&text[q.s..q.e], "Sig" | "Dott");
        }
        return false;
    }
    blank(rest, false) && is_title(w)
}

/// What the words right before a candidate say.
#[derive(Clone, Copy, Default)]
pub(super) struct Before {
    /// A title, cue phrase, relation word, greeting at a line start or sign-off.
    pub(super) lead: bool,
    /// A place preposition (`in`, `nach`, `à`).
    pub(super) prep: bool,
    /// One of the prepositions that mostly precede places (`in`, `from`, `nach`).
    pub(super) strong_prep: bool,
    /// A residence or travel phrase (`grew up in`, `flew to`).
    pub(super) place_cue: bool,
}

/// Prepositions after which a capitalized word is mostly a place.
const STRONG_PREPS: &[&str] = &[
    "in", "nach", "à", "en", "w", "aus", "uit", "naar", "near", "from",
];

/// The evidence before token `i`: one look-up of the previous word, then
/// only the phrases ending with it are compared.
pub(super) fn before(text: &str, toks: &[Tok], i: usize) -> Before {
    let mut b = Before {
        lead: title_before(text, toks, i),
        ..Before::default()
    };
    let Some(p) = i.checked_sub(1).map(|k| &toks[k]) else {
        return b;
    };
    if p.num || p.e - p.s > 24 {
        return b;
    }
    let w = &text[p.s..p.e];
    let mut buf = [0u8; 24];
    let key: String;
    let last: &str = if w.is_ascii() {
        let l = &mut buf[..w.len()];
        l.copy_from_slice(w.as_bytes());
        l.make_ascii_lowercase();
        std::str::from_utf8(l).unwrap_or("")
    } else {
        key = w.chars().flat_map(char::to_lowercase).collect();
        &key
    };
    // `my kid Tadzio`, `her husband Tom`.
    if i >= 2 && RELATIONS.contains(&last) {
        let o = &toks[i - 2];
        if blank(&text[p.e..toks[i].s], false)
            && blank(&text[o.e..p.s], false)
            && OWNERS.iter().any(|w| eq_lower(&text[o.s..o.e], w))
        {
            b.lead = true;
        }
    }
    let Some(phrases) = index().get(last) else {
        return b;
    };
    let gap = &text[p.e..toks[i].s];
    for ph in phrases {
        // The gap between the phrase and the candidate.
        let gap_ok = match ph.kind {
            _ if !ph.punct.is_empty() => gap.strip_prefix(ph.punct).is_some_and(|g| blank(g, true)),
            Kind::Cue | Kind::Greeting | Kind::PlaceCue => blank(gap, true),
            Kind::Prep => blank(gap, false),
            Kind::Signoff => {
                let t = gap.trim_start_matches([',', '!', '.']);
                blank(t, true) && (gap.starts_with(',') || t.contains('\n'))
            }
        };
        if !gap_ok {
            continue;
        }
        // The phrase's other words, one blank apart.
        let mut k = i - 1;
        let mut ok = true;
        for w in &ph.rev[1..] {
            let Some(q) = k.checked_sub(1).map(|j| &toks[j]) else {
                ok = false;
                break;
            };
            if q.num || !blank(&text[q.e..toks[k].s], false) || !eq_lower(&text[q.s..q.e], w) {
                ok = false;
                break;
            }
            k -= 1;
        }
        if !ok {
            continue;
        }
        match ph.kind {
            Kind::Cue => b.lead = true,
            Kind::Greeting | Kind::Signoff => b.lead |= line_start(text, toks, k),
            Kind::Prep => {
                b.prep = true;
                b.strong_prep |= STRONG_PREPS.contains(&ph.rev[0]);
            }
            Kind::PlaceCue => b.place_cue = true,
        }
    }
    b
}
