//! The HTML sanitizer (`fieldguard::html`, feature `html`) on untrusted
//! markup.
//!
//! The mode byte picks the sanitizer: 0 the default profile
//! (`sanitize_html`), 1 a wider profile (extra tags, classes, comments
//! kept, `rel` untouched), 2 a narrow one (no relative URLs, a shallow
//! nesting limit); any other mode reads the payload as `HtmlOptions` JSON,
//! a NUL byte and the markup. Checked besides "no panic": sanitizing is
//! idempotent — the sanitized output, sanitized again with the same
//! options, is unchanged (or refused, when it is over the input limits) (what the sanitizer emits is already within its
//! own allowlist, so storing sanitized HTML and sanitizing it again on
//! output never alters it).
#![no_main]

use fieldguard::html::{sanitize_html, sanitize_html_with, HtmlOptions, HtmlSanitizer};
use fieldguard_fuzz::{split_first, split_nul, text};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn fixed() -> &'static [HtmlSanitizer] {
    static FIXED: OnceLock<Vec<HtmlSanitizer>> = OnceLock::new();
    FIXED.get_or_init(|| {
        let wide = HtmlSanitizer::new()
            .add_tags(["section", "figure", "figcaption", "details", "summary"])
            .allowed_classes("p", ["lead", "note"])
            .allowed_classes("code", ["lang-rust", "x"])
            .strip_comments(false)
            .link_rel(None)
            .build()
            .expect("the wide profile builds");
        let narrow = HtmlSanitizer::new()
            .relative_urls(false)
            .url_schemes(["https"])
            .max_nesting_depth(24)
            .build()
            .expect("the narrow profile builds");
        vec![wide, narrow]
    })
}

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = split_first(data);
    match mode {
        0 => {
            let input = text(payload);
            let once = sanitize_html(&input);
            let default = HtmlOptions::default();
            assert_eq!(
                sanitize_html_with(&input, &default).unwrap_or_default(),
                once
            );
            // `sanitize_html` gives "" for input over the limits; output over
            // them is refused, so compare only what is accepted again.
            if let Ok(twice) = sanitize_html_with(&once, &default) {
                assert_eq!(twice, once, "default sanitizing is idempotent");
            }
        }
        1 | 2 => {
            let sanitizer = &fixed()[usize::from(mode - 1)];
            let Ok(once) = sanitizer.sanitize(&text(payload)) else {
                return;
            };
            // Output over the input limits (it can be longer, and implied
            // `tbody`s add depth) is refused: nothing to compare then.
            if let Ok(twice) = sanitizer.sanitize(&once) {
                assert_eq!(twice, once, "sanitizing is idempotent");
            }
        }
        _ => {
            let (json, markup) = split_nul(payload);
            let Ok(options) = serde_json::from_str::<HtmlOptions>(&text(json)) else {
                return;
            };
            let Ok(sanitizer) = HtmlSanitizer::from_options(&options) else {
                return;
            };
            let Ok(once) = sanitizer.sanitize(&text(markup)) else {
                return;
            };
            // Output over the input limits (it can be longer, and implied
            // `tbody`s add depth) is refused: nothing to compare then.
            if let Ok(twice) = sanitizer.sanitize(&once) {
                assert_eq!(twice, once, "sanitizing is idempotent");
            }
        }
    }
});
