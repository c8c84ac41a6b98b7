//! A linear pre-pass bounding how deeply the input can nest.
//!
//! Why: html5ever, like the WHATWG algorithm it implements, scans the stack
//! of open elements for most tags ("has a `p` element in button scope"), so
//! parsing costs O(tags × depth): 100 000 nested `<div>`s take minutes.
//! Browsers cap the tree depth (Chromium at 512); html5ever does not, so
//! we refuse input that could nest deeper than the limit before parsing.
//!
//! The estimate must never be *below* the real depth. It counts every
//! `<name` as a start tag and skips from there to the first `>`, which is
//! never past the real end of the tag or comment (quotes and comments only
//! make the real construct longer), so it sees every real start tag, plus
//! some that are really text (in `<script>`, comments, attribute values):
//! over-estimating only. End tags pop the model's stack down to the nearest
//! open element of the same name (as the parser's generic rule does) unless
//! a scope boundary ([`BARRIERS`]) lies in between, void elements never
//! open, and `p li dt dd tr td th option` close an open element of the same
//! name on top. Formatting elements (`b`, `i`, `a`, …) count until an end
//! tag of the same name, since the parser re-opens them after blocks. One
//! tag can make the parser create at most two implied ancestors (`<td>` →
//! `tbody`, `tr`), so the estimate is multiplied by 3 against the limit.

use std::collections::HashMap;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "image",
];
/// The formatting elements of the HTML parser's "list of active formatting
/// elements", which it re-opens after every block that closed them.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];
/// Unclosed formatting elements allowed. Each one can be re-created at
/// every later block boundary, so N of them turn `<div>x</div>` × M into
/// N × M elements (measured before this cap: 400 of them and 50 000 blocks,
/// 600 KB in, 140 MB out in two minutes). Real rich text has a handful.
pub(super) const MAX_UNCLOSED_FORMATTING: usize = 32;

const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// Elements that end-tag matching cannot cross: the parser ignores `</x>`
/// when one of these (a scope boundary) lies between `x` and the top of the
/// stack. A superset of the boundaries of every scope the parser uses, so
/// the model pops no more than the parser does.
const BARRIERS: &[&str] = &[
    "applet",
    "button",
    "caption",
    "html",
    "marquee",
    "object",
    "ol",
    "select",
    "table",
    "td",
    "template",
    "th",
    "ul",
    "svg",
    "math",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
    "title",
];

/// (estimated maximum depth, the maximum number of formatting elements open
/// at once), both never below what the parser builds (see the module docs).
pub(super) fn estimate(input: &str) -> (usize, usize) {
    let bytes = input.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    // Per name, the stack indices where it is open; indices of barriers.
    let mut positions: HashMap<String, Vec<usize>> = HashMap::new();
    let mut barriers: Vec<usize> = Vec::new();
    // Formatting start tags not yet ended by an end tag of the same name:
    // the parser keeps them in its list of active formatting elements even
    // after a block closed them, and re-opens them later.
    let mut formatting: HashMap<String, usize> = HashMap::new();
    let mut formatting_total = 0usize;
    let (mut max, mut max_formatting) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let lt = i + off;
        let end_tag = bytes.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(end_tag);
        let name_len = bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
            .unwrap_or(bytes.len() - name_start);
        let is_tag = bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic);
        // Skip to the first `>` after the name (or stop: the rest is one tag).
        let Some(gt) = bytes[name_start..].iter().position(|&b| b == b'>') else {
            if is_tag && !end_tag {
                max = max.max(stack.len() + formatting_total + 1);
            }
            break;
        };
        i = name_start + gt + 1;
        if !is_tag {
            continue;
        }
        // The name is ASCII up to a delimiter; lossy is fine for non-ASCII names.
        let name =
            String::from_utf8_lossy(&bytes[name_start..name_start + name_len]).to_ascii_lowercase();
        if FORMATTING.contains(&name.as_str()) {
            let n = formatting.entry(name.clone()).or_insert(0);
            if !end_tag {
                *n += 1;
                formatting_total += 1;
            } else if *n > 0 {
                *n -= 1;
                formatting_total -= 1;
            }
            max_formatting = max_formatting.max(formatting_total);
        }
        if end_tag {
            let Some(&pos) = positions.get(&name).and_then(|p| p.last()) else {
                continue;
            };
            if barriers.last().is_some_and(|&b| b > pos) {
                continue; // the parser ignores it: out of scope
            }
            while stack.len() > pos {
                let Some(top) = stack.pop() else { break };
                if let Some(p) = positions.get_mut(&top) {
                    p.pop();
                }
                if barriers.last() == Some(&stack.len()) {
                    barriers.pop();
                }
            }
        } else if !VOID.contains(&name.as_str()) {
            if SELF_CLOSING_SIBLINGS.contains(&name.as_str()) && stack.last() == Some(&name) {
                continue;
            }
            let index = stack.len();
            positions.entry(name.clone()).or_default().push(index);
            if BARRIERS.contains(&name.as_str()) {
                barriers.push(index);
            }
            stack.push(name);
            // Reconstructed formatting elements can sit on top of any element.
            max = max.max(stack.len() + formatting_total);
        }
    }
    (max, max_formatting)
}

#[cfg(test)]
mod tests {
    use super::estimate;

    fn estimated_depth(input: &str) -> usize {
        estimate(input).0
    }

    #[test]
    fn estimates() {
        assert_eq!(estimated_depth("plain"), 0);
        assert_eq!(estimated_depth("<p>a<p>b<p>c"), 1);
        assert_eq!(estimated_depth("<ul><li>a<li>b</ul><ul><li>c</ul>"), 2);
        assert_eq!(estimated_depth("<div><div><b></div></div>"), 4);
        // </div> cannot close across a table cell: the parser ignores it.
        assert_eq!(
            estimated_depth(&format!("<div>{}", "<table><tr><td></div>".repeat(10))),
            31
        );
        // Stray end tags of another formatting name do not hide open ones.
        assert_eq!(estimate(&"<i id=1></b>".repeat(10)).1, 10);
        assert_eq!(estimated_depth("<div></x><div></y><div>"), 3);
        assert_eq!(estimated_depth("<br><img src=x><hr/>"), 0);
        assert_eq!(estimated_depth("<a title='>'><b>"), 4);
        assert_eq!(estimated_depth(&"<div>".repeat(1000)), 1000);
        assert_eq!(estimated_depth("<é<"), 0);
        assert_eq!(estimated_depth("<a<b"), 1);
        assert_eq!(estimate("<b><i></i><b></b><u>").1, 2);
        assert_eq!(estimate("<b><i><u><s>").1, 4);
        assert_eq!(estimate("<b>x</b><i>y</i>").1, 1);
    }
}
