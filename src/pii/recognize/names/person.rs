//! `PERSON_NAME`: a run of capitalized words scored from the gazetteer and
//! the evidence around it (see the table in the module docs).

use std::collections::HashSet;

use super::lexicon::{BIG, CITY, COMMON, GIVEN, REGION, SURNAME, TOP, WORD};
use super::{cues, one_space, sentence_initial, spaced, street, Cx, EntityType, Tok};

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

/// Generational suffixes kept in the name (`Kevin Veitonen II`).
const SUFFIX: &[&str] = &["II", "III", "IV", "Jr", "Sr"];

/// Lowercase particles inside names (`van`, `de la`, `von der`, `ten`).
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

/// In no list at all (not a name, place or word): `Nishiyama`, `Szöllösy`.
fn unknown(f: u8) -> bool {
    f == 0
}

/// A word that can be part of a name: a listed name, or in no list.
fn namelike(f: u8) -> bool {
    f & (GIVEN | SURNAME) != 0 || f & (CITY | REGION | COMMON | WORD) == 0
}

/// `X: ` or `X:"` at a sentence start (not `fe:54`, not `E-mail:`).
fn label(text: &str, t: &Tok) -> bool {
    let after = &text[t.e..];
    t.cap
        && after.starts_with(':')
        && after[1..].starts_with([' ', '\t', '\n', '"', '“'])
        && !text[t.s..t.e].contains('-')
        && t.e - t.s >= 3
        && sentence_initial(text, t.s)
}

/// A given name as a speaker label (`Nicole: Remember me`).
fn speaker(text: &str, t: &Tok) -> bool {
    label(text, t) && t.flags & GIVEN != 0 && t.flags & COMMON == 0
}

/// Verbs after a lone name that people do (`Mehrudin shouted at`, `says`).
const DOES: &[&str] = &[
    "said",
    "says",
    "shouted",
    "asked",
    "told",
    "replied",
    "answered",
    "wrote",
    "smiled",
    "laughed",
    "cried",
    "whispered",
    "yelled",
];

/// A name found: its span, score and number of capitalized words.
pub(super) struct Found {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) score: u8,
    pub(super) parts: usize,
}

pub(super) fn person(cx: &mut Cx<'_>, toks: &[Tok], i: usize, ev: cues::Before) -> Option<Found> {
    let text = cx.text;
    let first = toks[i];
    let f = first.flags;
    let lead = ev.lead;
    // Listed places and words are no names (`Dear Customer`), except a
    // town's name after a title or cue (`says Izumi`); checked first: most
    // capitalized words (`The`, `Please`) stop here.
    if f & (GIVEN | SURNAME) == 0 {
        let town = f & (REGION | COMMON | WORD | BIG) == 0 && lead;
        if (f & (CITY | REGION | COMMON) != 0 && !town) || f & WORD != 0 {
            return None;
        }
    }
    if cues::is_title(&text[first.s..first.e]) {
        return None;
    }
    // Not the continuation of a name that started earlier.
    if let Some(p) = i.checked_sub(1).map(|k| toks[k]) {
        if p.cap
            && p.poss == 0
            && one_space(text, p.e, first.s)
            && namelike(p.flags)
            && p.flags & COMMON == 0
            && !cues::title_before(text, toks, i)
        {
            return None;
        }
    }
    let label = speaker(text, &first);
    if first.caseless && !lead && !(f & GIVEN != 0 && f & (WORD | COMMON) == 0) {
        return None;
    }
    // A street name after its house number (`159 Eleftheriou Venizelou`,
    // `Suite 084  María Albina`), a place name (`St Georges`).
    if i > 0 && toks[i - 1].num && spaced(text, toks[i - 1].e, first.s) && !lead {
        return None;
    }
    if super::place::HEADS.contains(&&text[first.s..first.e]) {
        return None;
    }
    // A street named after a person (`rue Aimé Julien`, `Calle de Pascual Marqués`).
    let mut k = i;
    if k > 0
        && matches!(
            &text[toks[k - 1].s..toks[k - 1].e],
            "de" | "del" | "di" | "du" | "des"
        )
    {
        k -= 1;
    }
    if k > 0 && street::is_prefix_word(text, &toks[k - 1]) {
        let gap = text[toks[k - 1].e..toks[k].s].trim_start_matches(['.', '/']);
        if gap.is_empty() || gap.bytes().all(|c| c == b' ') {
            return None;
        }
    }
    // Tail words: names, or words in no list; an English word only after a
    // given name that is no word itself, or a frequent surname after a given
    // name (`Jacob Hall`, `Will Smith`; not `Princess Royal`, `Japanese Border`).
    let tail_ok = |n: &Tok| {
        namelike(n.flags)
            && (n.flags & WORD == 0 || (f & GIVEN != 0 && (f & WORD == 0 || n.flags & TOP != 0)))
            && !(n.caseless && n.flags & (COMMON | WORD) != 0)
    };
    // An initial (token `k`) is part of a name only before another name word.
    let initial_then_name = |k: usize| {
        toks.get(k + 1).is_some_and(|n| {
            let g = &text[toks[k].e..n.s];
            n.cap && (g == " " || g == ". ") && n.e - n.s > 1 && tail_ok(n)
        })
    };
    let pair_at = |k: usize| {
        toks.get(k).is_some_and(|n| {
            n.cap
                && !n.num
                && one_space(text, toks[k - 1].e, n.s)
                && tail_ok(n)
                && (n.e - n.s > 1 || initial_then_name(k))
        })
    };
    // `Willemine ten Pas`: a particle between.
    let pair = first.poss == 0
        && (pair_at(i + 1)
            || toks.get(i + 1).is_some_and(|p| {
                particle(&text[p.s..p.e]) && one_space(text, first.e, p.s) && pair_at(i + 2)
            }));
    // `Tomomi is from …`, `was from`: where a person comes from.
    let is_from = |k: usize| {
        toks.get(k + 1).is_some_and(|m| {
            matches!(&text[toks[k].s..toks[k].e], "is" | "was")
                && one_space(text, toks[k].e, m.s)
                && &text[m.s..m.e] == "from"
        })
    };
    let does = toks.get(i + 1).is_some_and(|n| {
        one_space(text, first.e, n.s)
            && (DOES.iter().any(|d| text[n.s..n.e] == **d) || is_from(i + 1))
    });
    if f & (GIVEN | SURNAME) == 0 && !lead && !pair && !label && !does {
        return None;
    }
    // Extend over capitalized words, initials (`F.`, `G`) and particles.
    let mut end = first.stem_end(); // end of the last capitalized word
    let mut cursor = first.e; // end of the last word taken (particles too)
    let mut parts = 1;
    let mut last = first;
    let mut j = i + 1;
    let mut known_tail = false;
    let mut initial_seen = false;
    while first.poss == 0 && j < toks.len() && parts < 4 && j < i + 7 {
        let t = toks[j];
        if t.num {
            break;
        }
        if !one_space(text, cursor, t.s) {
            // `John F. Kennedy`: the dot of an initial.
            let dot = text[cursor..t.s] == *". " && last.e - last.s == 1 && cursor == end;
            if !(dot && t.cap) {
                break;
            }
        }
        let w = &text[t.s..t.e];
        if t.cap {
            let f = t.flags;
            if !tail_ok(&t) {
                break;
            }
            if street::is_street_word(w) || text[t.e..].starts_with(':') {
                break;
            }
            if ORG.contains(&w) {
                return None;
            }
            if t.e - t.s == 1 && !initial_then_name(j) {
                break;
            }
            initial_seen |= t.e - t.s == 1;
            known_tail |= f & SURNAME != 0 || (f & GIVEN != 0 && f & COMMON == 0);
            end = t.stem_end();
            cursor = t.e;
            parts += 1;
            last = t;
            if t.poss != 0 {
                break;
            }
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
    // `Russell Investments`, `Princess Royal`: a capitalized English word
    // right after a lone name makes it a company or a title.
    let word_after = parts == 1
        && toks.get(i + 1).is_some_and(|n| {
            n.cap && one_space(text, first.e, n.s) && n.flags & (WORD | COMMON) != 0
        });
    if parts >= 2 {
        if let Some(n) = toks.get(j) {
            let w = &text[n.s..n.e];
            if ORG.contains(&w) && spaced(text, cursor, n.s) {
                return None;
            }
            if SUFFIX.contains(&w) && one_space(text, cursor, n.s) && last.poss == 0 {
                end = n.e + usize::from(w.len() == 2 && text[n.e..].starts_with('.'));
            }
        }
    }
    let initial = sentence_initial(text, first.s);
    let mut score: i32 = if parts >= 2 {
        if f & GIVEN != 0 && known_tail {
            85
        } else if f & GIVEN != 0 {
            70
        } else if unknown(f) && known_tail {
            65 // `Jožef Albin`
        } else if f & SURNAME != 0 && known_tail {
            60
        } else if (unknown(f) || f & (SURNAME | WORD) == SURNAME) && last.e - last.s > 1 {
            // Two capitalized words no list has (neither a name nor an
            // English word): `Tomomi Nishiyama`.
            if initial {
                55
            } else {
                60
            }
        } else {
            40
        }
    } else if f & GIVEN != 0 {
        // At a sentence start the capital says nothing; a lower-case word
        // after it says the name stands in a sentence (`Scott is …`).
        // Or a comma and a lower-case word: one spoken to (`Bryce, can I …`).
        let in_sentence = toks.get(i + 1).is_some_and(|n| {
            let g = &text[first.e..n.s];
            !n.cap && !n.num && (g == " " || g == ", ")
        });
        if !initial {
            55
        } else if in_sentence {
            50
        } else {
            45
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
    } else if label && parts == 1 {
        score += 35;
    } else if does && parts == 1 {
        score += 30;
    } else if f & COMMON != 0 {
        score -= if initial { 30 } else { 15 };
    } else if f & WORD != 0 && parts == 1 {
        score -= if initial { 10 } else { 5 };
    }
    if word_after && !lead {
        score -= 20;
    }
    if parts == 1 && f & (CITY | REGION) != 0 && ev.prep {
        score -= 25;
    }
    if parts == 1 && f & (CITY | REGION) != 0 && f & BIG != 0 {
        score -= 10;
    }
    if first.caseless && (parts > 1 || f & WORD != 0) {
        score -= 10;
    }
    if first.e - first.s == 1 && parts == 1 {
        return None; // a lone initial
    }
    let score = score.clamp(0, 100) as u8;
    cx.push_scored(
        EntityType::PersonName,
        first.s,
        end,
        score,
        "person.gazetteer",
    );
    if score < cx.recognizer.min_score {
        return None; // not found: a mention elsewhere may still be
    }
    Some(Found {
        s: first.s,
        e: end,
        score,
        parts,
    })
}

/// Later and earlier mentions of a part of a full name found in the same
/// text (`Faina D. Yefremova … early Yefremova`, `Asya … Asya Godina`): 60.
pub(super) fn mentions(cx: &mut Cx<'_>, toks: &[Tok], found: &[Found]) {
    let text = cx.text;
    if !found.iter().any(|n| n.parts >= 2 && n.score >= 60) {
        return;
    }
    // `found` is in token order: one sweep marks the tokens inside a name.
    let mut parts: HashSet<&str> = HashSet::new();
    let mut inside = vec![false; toks.len()];
    let mut k = 0;
    for (j, t) in toks.iter().enumerate() {
        while k < found.len() && found[k].e <= t.s {
            k += 1;
        }
        // Names may overlap: look at the few that start before this token.
        let mut m = k;
        while m < found.len() && found[m].s <= t.s {
            if t.s < found[m].e {
                inside[j] = true;
                if found[m].parts >= 2
                    && found[m].score >= 60
                    && t.cap
                    && t.e - t.s >= 3
                    && t.flags & (COMMON | WORD) == 0
                {
                    parts.insert(&text[t.s..t.stem_end()]);
                }
            }
            m += 1;
        }
    }
    if parts.is_empty() {
        return;
    }
    for (j, t) in toks.iter().enumerate() {
        if !t.cap || inside[j] || t.e - t.s < 3 {
            continue;
        }
        if parts.contains(&text[t.s..t.stem_end()]) {
            cx.push_scored(
                EntityType::PersonName,
                t.s,
                t.stem_end(),
                60,
                "person.gazetteer",
            );
        }
    }
}

/// Words that make `X and Y` a firm's name (`Dombey and Son`, `Smith & Partners`).
const FIRM_WORDS: &[&str] = &[
    "Son",
    "Sons",
    "Partner",
    "Partners",
    "Co",
    "Company",
    "Associates",
    "Brothers",
    "Daughters",
];

/// Prepositions after which a list of surnames is a firm (`at Jones,
/// Mitchell and Williams`, `from Hawkins, Richardson and Santana`).
const FIRM_PREPS: &[&str] = &["at", "from", "for", "with", "join", "joined"];

/// Verbs of people after a list of surnames (`Marrero and Murphy were …`).
const PLURAL_VERBS: &[&str] = &[
    "were", "are", "have", "had", "said", "say", "met", "agreed", "both", "wrote", "founded",
    "waren", "sind", "haben", "sont", "ont", "son", "han", "sono", "hanno", "zijn", "hebben",
];

/// Lists of single capitalized words (`Gaetane, Hannah, Anthony and Derek`,
/// `Marrero and Murphy were …`): when two or more items are strong — given
/// names found (score ≥ 50), or listed names that are no word and no place —
/// the other items in no list (or listed surnames that are also words) are
/// names too: 55. A list of surnames only needs a verb of people after it or
/// a colon before it, and then one strong item is enough (a surname that is
/// also a small town counts). A pair needs its conjunction; an item followed
/// by a number (`Cheb 2`) is not taken; a list after `at`, `from`, …, with
/// `Sons`, `Partners`, … or before a singular verb (`… is a design agency`)
/// is a firm.
pub(super) fn lists(cx: &mut Cx<'_>, toks: &[Tok], found: &[Found]) {
    let text = cx.text;
    let conj = |w: &str| {
        matches!(
            w,
            "and" | "und" | "et" | "y" | "e" | "i" | "en" | "or" | "&"
        )
    };
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap || toks[i].num {
            i += 1;
            continue;
        }
        // A list goes on with `, X` or ` and X` (checked before allocating).
        let goes_on = toks.get(i + 1).is_some_and(|n| {
            let gap = &text[toks[i].e..n.s];
            (gap == ", " && n.cap) || ((gap == " " || gap == ", ") && conj(&text[n.s..n.e]))
        });
        if !goes_on {
            i += 1;
            continue;
        }
        // Items: token indices, one word each; `joined` counts the conjunctions.
        let mut items = vec![i];
        let mut joined = 0;
        let mut j = i;
        loop {
            let t = &toks[j];
            let Some(n) = toks.get(j + 1) else { break };
            let gap = &text[t.e..n.s];
            if gap == ", " && n.cap {
                items.push(j + 1);
                j += 1;
            } else if (gap == " " || gap == ", ") && conj(&text[n.s..n.e]) {
                match toks.get(j + 2) {
                    Some(m) if m.cap && one_space(text, n.e, m.s) => {
                        items.push(j + 2);
                        joined += 1;
                        j += 2;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        i = j + 1;
        let single = |k: usize| {
            toks.get(k + 1)
                .is_none_or(|n| !n.cap || !one_space(text, toks[k].e, n.s))
        };
        let firm = items
            .iter()
            .any(|&k| FIRM_WORDS.contains(&&text[toks[k].s..toks[k].e]))
            || items[0]
                .checked_sub(1)
                .is_some_and(|k| FIRM_PREPS.iter().any(|p| text[toks[k].s..toks[k].e] == **p));
        let pair_ok = items.len() >= 3 || joined == 1;
        if !pair_ok || firm || !items.iter().all(|&k| single(k)) {
            continue;
        }
        // `found` is sorted by start.
        let is_found = |k: usize| {
            let at = found.partition_point(|n| n.s < toks[k].s);
            found[at..]
                .iter()
                .take_while(|n| n.s == toks[k].s)
                .any(|n| n.score >= 50 && toks[k].flags & GIVEN != 0)
        };
        let numbered = |k: usize| {
            toks.get(k + 1)
                .is_some_and(|n| n.num && spaced(text, toks[k].e, n.s))
        };
        // Surnames only (`Jones, Mitchell and Williams`) are as often a
        // firm: they need people around them, a verb of people after the
        // list (`Marrero and Murphy were …`) or a colon before it (`our 3
        // founders: Kónya, Becker and Vasquez`); with one of those, one
        // strong item is enough.
        let last = items[items.len() - 1];
        let verb = toks.get(last + 1).is_some_and(|n| {
            one_space(text, toks[last].e, n.s) && PLURAL_VERBS.contains(&&text[n.s..n.e])
        });
        let colon = items[0]
            .checked_sub(1)
            .is_some_and(|k| text[toks[k].e..toks[items[0]].s].trim_end() == ":");
        let people = verb || colon;
        // A singular verb after the list: one thing (`Lopez, Santos and
        // Coleman is a design agency`).
        let one_thing = toks.get(last + 1).is_some_and(|n| {
            one_space(text, toks[last].e, n.s)
                && matches!(
                    &text[n.s..n.e],
                    "is" | "was" | "has" | "ist" | "est" | "es" | "è" | "is,"
                )
        });
        if one_thing {
            continue;
        }
        // Listed names that are no word and no place; in a list of people a
        // surname that is also a small town counts too (`Marrero`, `Murphy`).
        let listed = |f: u8| {
            f & (GIVEN | SURNAME) != 0 && f & (COMMON | WORD | CITY | REGION) == 0
                || (people && f & SURNAME != 0 && f & (COMMON | WORD | BIG | REGION) == 0)
        };
        let strong = |k: usize| !numbered(k) && (is_found(k) || listed(toks[k].flags));
        let n_strong = items.iter().filter(|&&k| strong(k)).count();
        let given = items.iter().any(|&k| is_found(k));
        if n_strong < 1 || (n_strong < 2 && !people) || (!given && !people) {
            continue;
        }
        for &k in &items {
            let t = &toks[k];
            let f = t.flags;
            // In a list of people a listed surname is one even when it is a
            // word too (`White`, `Jackson`).
            let member = (people && f & SURNAME != 0)
                || (f & (COMMON | CITY | REGION) == 0 && (f & WORD == 0 || f & SURNAME != 0));
            if !is_found(k) && !numbered(k) && t.e - t.s >= 3 && member {
                cx.push_scored(
                    EntityType::PersonName,
                    t.s,
                    t.stem_end(),
                    55,
                    "person.gazetteer",
                );
            }
        }
    }
}

/// `X:` at a sentence start, X in no list: a speaker when a given name is
/// also one in the text (`Ubul: What a wife. Nicole: Remember me`): 75.
pub(super) fn speakers(cx: &mut Cx<'_>, toks: &[Tok]) {
    let text = cx.text;
    if !toks.iter().any(|t| speaker(text, t)) {
        return;
    }
    for t in toks.iter().filter(|t| label(text, t) && unknown(t.flags)) {
        cx.push_scored(EntityType::PersonName, t.s, t.e, 75, "person.gazetteer");
    }
}
