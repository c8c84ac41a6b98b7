//! Text offsets in other units than UTF-8 bytes: the one conversion.
//!
//! The core works in UTF-8 byte offsets. JS (`String.prototype.slice`)
//! counts UTF-16 code units and some Rust callers want code points, so
//! every span handed to them is converted here, in one walk over the text,
//! whoever produced it: recognizer findings
//! ([`crate::pii::recognize::utf16_offsets`]), anonymized items
//! ([`crate::pii::anonymize::Anonymized::with_utf16_offsets`]) and the
//! adapters on top of them. One implementation, so that the wasm API, the
//! CLI and the test oracle can never disagree on where a finding is.

/// The spans' byte offsets as UTF-16 code unit offsets.
pub(crate) fn utf16(
    text: &str,
    spans: impl IntoIterator<Item = (usize, usize)>,
) -> Vec<(usize, usize)> {
    convert(text, spans, char::len_utf16)
}

/// The spans' byte offsets as code point (Rust `char`) offsets.
pub(crate) fn chars(
    text: &str,
    spans: impl IntoIterator<Item = (usize, usize)>,
) -> Vec<(usize, usize)> {
    convert(text, spans, |_| 1)
}

/// Map every byte offset of `spans` through one walk over the text, however
/// many spans there are and in whatever order. Offsets that are not char
/// boundaries map to the next boundary; offsets past the end to the length.
fn convert(
    text: &str,
    spans: impl IntoIterator<Item = (usize, usize)>,
    units: impl Fn(char) -> usize,
) -> Vec<(usize, usize)> {
    let spans: Vec<(usize, usize)> = spans.into_iter().collect();
    let mut wanted: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    crate::sort::sort(&mut wanted);
    wanted.dedup();
    let mut map = Vec::with_capacity(wanted.len());
    let mut next = wanted.iter().peekable();
    let mut count = 0;
    for (byte, ch) in text.char_indices() {
        while let Some(&&w) = next.peek() {
            if w > byte {
                break;
            }
            map.push((w, count));
            next.next();
        }
        count += units(ch);
    }
    for &w in next {
        map.push((w, count));
    }
    let look = |b: usize| match map.binary_search_by_key(&b, |&(w, _)| w) {
        Ok(k) => map[k].1,
        Err(_) => count,
    };
    spans.iter().map(|&(s, e)| (look(s), look(e))).collect()
}

#[cfg(test)]
mod tests {
    use super::{chars, utf16};

    #[test]
    fn agrees_with_counting_each_prefix() {
        let text = "a😀é\u{301}b 𝄞z";
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        // Unsorted, overlapping and repeated spans.
        let spans: Vec<(usize, usize)> = bounds
            .iter()
            .rev()
            .flat_map(|&s| bounds.iter().map(move |&e| (s, e)))
            .collect();
        let want16: Vec<_> = spans
            .iter()
            .map(|&(s, e)| {
                let n = |b: usize| text[..b].encode_utf16().count();
                (n(s), n(e))
            })
            .collect();
        let want_chars: Vec<_> = spans
            .iter()
            .map(|&(s, e)| (text[..s].chars().count(), text[..e].chars().count()))
            .collect();
        assert_eq!(utf16(text, spans.iter().copied()), want16);
        assert_eq!(chars(text, spans.iter().copied()), want_chars);
    }

    #[test]
    fn odd_offsets_map_to_the_next_boundary_or_the_end() {
        // Byte 2 is inside the emoji (bytes 1..5); 99 is past the end.
        assert_eq!(utf16("a😀b", [(2, 99)]), vec![(3, 4)]);
        assert_eq!(chars("", [(0, 0)]), vec![(0, 0)]);
    }
}
