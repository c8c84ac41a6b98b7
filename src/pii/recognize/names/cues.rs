//! Evidence words around a candidate, matched on the tokens before it (no
//! allocation, at most a few tokens back): titles, cue phrases, greetings,
//! sign-offs, place prepositions and residence/travel phrases.

use super::Tok;

/// Titles written with or without a dot (`Mr`, `Mr.`); the dotted form also
/// matches in lower case (`ms. Marcela`).
const TITLES_DOT: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Mme", "Mlle", "Sr", "Sra", "Srta", "Sig", "Dott", "Dhr",
    "Mevr", "Mw", "Fr", "Hr", "Hrn", "Ing", "Mgr",
];

/// Titles written as words.
const TITLES_WORD: &[&str] = &[
    "Miss", "Sir", "Dame", "Lady", "Lord", "Frau", "Herr", "Monsieur", "Madame", "Mademoiselle",
    "Don", "Doña", "Señor", "Señora", "Señorita", "Signor", "Signora", "Signorina", "Pan", "Pani",
    "meneer", "mevrouw",
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
    "kid", "son", "daughter", "wife", "husband", "partner", "friend", "brother", "sister",
    "mother", "father", "mom", "mum", "dad", "uncle", "aunt", "cousin", "colleague", "boss",
    "neighbour", "neighbor", "grandson", "granddaughter", "grandmother", "grandfather", "nephew",
    "niece", "boyfriend", "girlfriend", "fiancé", "fiancée", "coworker", "roommate",
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

/// Does `phrase` (lower-case words separated by single spaces; a final `:`
/// is punctuation after the last word) end right before token `i`? The gap
/// before the candidate must satisfy `last_gap`. Returns the index of the
/// phrase's first token.
fn phrase_before(
    text: &str,
    toks: &[Tok],
    i: usize,
    phrase: &str,
    last_gap: impl Fn(&str) -> bool,
) -> Option<usize> {
    let (phrase, colon) = match phrase.strip_suffix([':', '?']) {
        Some(p) => (p, &phrase[p.len()..]),
        None => (phrase, ""),
    };
    let mut k = i;
    let mut first = true;
    for w in phrase.rsplit(' ') {
        let p = toks.get(k.checked_sub(1)?)?;
        let gap = &text[p.e..toks[k].s];
        let ok = if first {
            if !colon.is_empty() {
                gap.strip_prefix(colon).is_some_and(|g| blank(g, true))
            } else {
                last_gap(gap)
            }
        } else {
            blank(gap, false)
        };
        if !ok || p.num || !eq_lower(&text[p.s..p.e], w) {
            return None;
        }
        first = false;
        k -= 1;
    }
    Some(k)
}

/// Is token `k` the first on its line (or of the text)?
fn line_start(text: &str, toks: &[Tok], k: usize) -> bool {
    if k == 0 {
        return !text[..toks[0].s].chars().any(char::is_alphanumeric);
    }
    let gap = &text[toks[k - 1].e..toks[k].s];
    gap.contains('\n') && gap.rsplit('\n').next().is_some_and(|t| t.trim().is_empty())
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
            || TITLES_DOT.iter().any(|t| t.len() == 2 && eq_lower(w, &t.to_ascii_lowercase()))
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
    blank(rest, false) && (TITLES_DOT.contains(&w) || TITLES_WORD.contains(&w))
}

/// Is this word a title (`Mr`, `Frau`, `Miss`)?
pub(super) fn is_title(w: &str) -> bool {
    TITLES_DOT.contains(&w) || TITLES_WORD.contains(&w)
}

/// Evidence before a name: a title, a cue phrase, a greeting at a line
/// start, a sign-off.
pub(super) fn name_lead(text: &str, toks: &[Tok], i: usize) -> bool {
    if title_before(text, toks, i) {
        return true;
    }
    let ws = |g: &str| blank(g, true);
    if CUES
        .iter()
        .any(|c| phrase_before(text, toks, i, c, ws).is_some())
    {
        return true;
    }
    // `my kid Tadzio`, `her husband Tom`.
    if i >= 2 {
        let (o, r) = (&toks[i - 2], &toks[i - 1]);
        if blank(&text[r.e..toks[i].s], false)
            && blank(&text[o.e..r.s], false)
            && RELATIONS.iter().any(|w| eq_lower(&text[r.s..r.e], w))
            && OWNERS.iter().any(|w| eq_lower(&text[o.s..o.e], w))
        {
            return true;
        }
    }
    for g in GREETINGS {
        if let Some(k) = phrase_before(text, toks, i, g, ws) {
            if line_start(text, toks, k) {
                return true;
            }
        }
    }
    // `Best,\nTom`, `Best, Tom`, `Grüße\nAnna`.
    let signoff = |g: &str| {
        let t = g.trim_start_matches([',', '!', '.']);
        blank(t, true) && (g.starts_with(',') || t.contains('\n'))
    };
    SIGNOFFS.iter().any(|s| {
        phrase_before(text, toks, i, s, signoff).is_some_and(|k| line_start(text, toks, k))
    })
}

/// A place preposition right before token `i`.
pub(super) fn place_prep(text: &str, toks: &[Tok], i: usize) -> bool {
    PLACE_PREPS
        .iter()
        .any(|p| phrase_before(text, toks, i, p, |g| blank(g, false)).is_some())
}

/// A residence or travel phrase right before token `i`.
pub(super) fn place_cue(text: &str, toks: &[Tok], i: usize) -> bool {
    PLACE_CUES
        .iter()
        .any(|p| phrase_before(text, toks, i, p, |g| blank(g, true)).is_some())
}
