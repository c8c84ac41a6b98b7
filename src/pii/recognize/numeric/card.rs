//! Payment card numbers in a parsed digit run ([`card`]) and lists of
//! cards in a run too long for one number ([`card_sequence`]).

use super::{iban_tail, is_word, Cx, EntityType, Run};
use crate::checks::luhn;
use crate::validate::{card_brand, CardBrand};

pub(super) fn card(cx: &mut Cx, run: &Run) {
    if !cx.on(EntityType::CreditCard) || run.parens {
        return;
    }
    let d = &run.digits;
    if d.len() > 19 {
        card_sequence(cx, run.start);
        return;
    }
    if run.groups.len() > 1 && (run.uniform(b" -").is_none() || run.lens().any(|l| l < 3)) {
        return;
    }
    if let Some(base) = card_base(d) {
        cx.push(
            EntityType::CreditCard,
            run.start,
            run.end,
            base,
            "credit_card.luhn",
        );
    }
}

/// The base score of a card number (digits only), `None` if it is none:
/// 12–19 digits, not all the same, Luhn. 90 when the IIN is a network's
/// and the network issues that length; 50 for other lengths 15–19 (cards
/// of unlisted networks, such as UATP's 15-digit `1…` numbers). At 13 and
/// 14 digits only Visa and Diners issue cards, so any other 13/14-digit
/// number (a millisecond timestamp such as `1711234567890`) scores 40, as
/// does a 12-digit Maestro number: those need a card word (+10).
fn card_base(d: &[u8]) -> Option<u8> {
    if !(12..=19).contains(&d.len()) || d.iter().all(|&c| c == d[0]) || !luhn::is_valid(d) {
        return None;
    }
    let issued = card_brand(d).is_some_and(|b| brand_length(b, d.len()));
    match (issued, d.len()) {
        (true, 12) | (false, 13 | 14) => Some(40),
        (true, _) => Some(90),
        (false, 12) => None,
        (false, _) => Some(50),
    }
}

/// Does the brand issue numbers of this length? (`244042370916007` starts
/// in the Mastercard 2-series but has 15 digits: not a Mastercard.)
fn brand_length(brand: CardBrand, len: usize) -> bool {
    match brand {
        CardBrand::Amex => len == 15,
        CardBrand::Visa => matches!(len, 13 | 16 | 19),
        CardBrand::Mastercard => len == 16,
        CardBrand::Diners => (14..=19).contains(&len),
        CardBrand::Maestro => (12..=19).contains(&len),
        _ => (16..=19).contains(&len),
    }
}

/// At most this many bytes of digit groups are read as a list of cards.
const MAX_CARD_LIST: usize = 200;

/// Several cards in one run of digit groups (`4012888888881881
/// 4012-8888-8888-1881 4012 8888 8888 1881`): too long for one number,
/// the run is split at spaces into cards, each one layout (one group, or
/// groups of ≥ 3 digits with one separator kind) passing [`card_base`].
/// Only a split that uses every group counts, so a card followed by
/// another number (`4111 1111 1111 1111 2025`) stays nothing, as before.
pub(super) fn card_sequence(cx: &mut Cx, start: usize) {
    if !cx.on(EntityType::CreditCard)
        || !cx.at(start).is_ascii_digit()
        || iban_tail(cx, start)
        || !free_left(cx, start)
    {
        return;
    }
    // The groups: digits, single ` ` or `-` between them.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut i = start;
    loop {
        let g = i;
        while cx.at(i).is_ascii_digit() && i - start <= MAX_CARD_LIST {
            i += 1;
        }
        if i - start > MAX_CARD_LIST || i - g > 19 {
            return;
        }
        groups.push((g, i));
        if matches!(cx.at(i), b' ' | b'-') && cx.at(i + 1).is_ascii_digit() {
            i += 1;
        } else {
            break;
        }
    }
    let end = i;
    if is_word(cx.at(end))
        || (matches!(cx.at(end), b'.' | b'-' | b':' | b',' | b'/')
            && cx.at(end + 1).is_ascii_digit())
    {
        return;
    }
    // cut[j]: groups[..j] split into cards, the last one starting at group
    // cut[j]. Each card holds at most 19 digits, so at most 7 groups: the
    // search is linear in the number of groups.
    let n = groups.len();
    let mut cut: Vec<Option<(usize, u8)>> = vec![None; n + 1];
    let mut digits: Vec<u8> = Vec::with_capacity(19);
    for k in 0..n {
        if k > 0 && (cut[k].is_none() || cx.b[groups[k].0 - 1] != b' ') {
            continue;
        }
        digits.clear();
        for j in k..n {
            let (s, e) = groups[j];
            if digits.len() + (e - s) > 19 {
                break;
            }
            digits.extend_from_slice(&cx.b[s..e]);
            let sep = |g: usize| cx.b[groups[g].0 - 1];
            let layout = j == k
                || ((k..=j).all(|g| groups[g].1 - groups[g].0 >= 3)
                    && (k + 1..=j).all(|g| sep(g) == sep(k + 1)));
            if layout && cut[j + 1].is_none() {
                if let Some(base) = card_base(&digits) {
                    cut[j + 1] = Some((k, base));
                }
            }
        }
    }
    let mut j = n;
    let mut cards = Vec::new();
    while j > 0 {
        let Some((k, base)) = cut[j] else {
            return;
        };
        cards.push((groups[k].0, groups[j - 1].1, base));
        j = k;
    }
    if cards.len() < 2 {
        return;
    }
    for (s, e, base) in cards.into_iter().rev() {
        cx.push(EntityType::CreditCard, s, e, base, "credit_card.luhn");
    }
}

/// Not a continuation on the left (the rule [`super::parse`] applies): `v1.2`,
/// `-5`, `12:30` are other things, `Card:4111…` a label and a value.
fn free_left(cx: &Cx, start: usize) -> bool {
    if start == 0 {
        return true;
    }
    let before = cx.at(start - 1);
    let label = before == b':' && start >= 2 && cx.at(start - 2).is_ascii_alphabetic();
    !is_word(before) && (!matches!(before, b'.' | b'-' | b'/' | b':' | b'$' | b'#') || label)
}
