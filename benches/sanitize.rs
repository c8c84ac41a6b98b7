//! `cargo bench --bench sanitize`: throughput of text cleaning, UTS #39
//! checks, escaping, validation, HTML sanitizing and policies. Prints
//! numbers; asserts nothing about speed (that depends on the machine).
//!
//! Every adversarial input is measured at 100 kB and at 1 MB: linear-time
//! code shows about the same MB/s for both, while a quadratic step would be
//! ten times slower at 1 MB. (`cargo bench --bench detect` does the same for
//! injection detection.)

mod common;

use common::measure;
use fieldguard::escape::{escape, EscapeContext};
use fieldguard::policy::Policy;
use fieldguard::text::{analyze_scripts, clean, skeleton, CleanOptions, Preset};
use fieldguard::validate::Validator;
use std::hint::black_box;
use std::time::Duration;

/// About `bytes` of `unit` repeated.
fn rep(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// Print MB/s for `f` over `unit` repeated to 100 kB and to 1 MB.
fn linear(name: &str, unit: &str, f: impl Fn(&str)) {
    let mut rates = Vec::new();
    for bytes in [100_000, 1_000_000] {
        let input = rep(unit, bytes);
        let mb = input.len() as f64 / 1e6;
        let ops = measure(Duration::from_millis(600), || f(black_box(&input)));
        rates.push(ops * mb);
    }
    println!(
        "{name:<44} {:>8.1} MB/s at 100 kB {:>8.1} MB/s at 1 MB  (ratio {:.2})",
        rates[0],
        rates[1],
        rates[1] / rates[0]
    );
}

fn main() {
    println!("fieldguard sanitize benchmarks (best batch; linear code keeps the ratio near 1)");
    let prose =
        "Zoë O'Brien wrote: the quick brown fox — naïve café, 12 € — jumps over the lazy dog. ";
    let defaults = CleanOptions::default();
    let name = CleanOptions::preset(Preset::Name);
    let slug = CleanOptions::preset(Preset::Slug);
    let limited = CleanOptions {
        max_length: Some(100),
        max_input_bytes: Some(4 << 20),
        ..CleanOptions::default()
    };
    let big = |o: &CleanOptions| CleanOptions {
        max_input_bytes: Some(4 << 20),
        ..o.clone()
    };
    let (defaults, name, slug) = (big(&defaults), big(&name), big(&slug));

    println!("\n-- clean");
    linear("clean, defaults, prose", prose, |s| {
        black_box(clean(s, &defaults).unwrap());
    });
    linear("clean, name preset, prose", prose, |s| {
        black_box(clean(s, &name).unwrap());
    });
    linear("clean, slug preset, prose", prose, |s| {
        black_box(clean(s, &slug).unwrap());
    });
    linear(
        "clean, defaults, combining marks (a + 1M U+0301)",
        "\u{301}",
        |s| {
            black_box(clean(s, &defaults).unwrap());
        },
    );
    linear("clean, maxLength 100, one giant grapheme", "\u{301}", |s| {
        black_box(clean(s, &limited).unwrap());
    });
    linear(
        "clean, defaults, ZWJ emoji sequences",
        "👩\u{200D}👩\u{200D}👧",
        |s| {
            black_box(clean(s, &defaults).unwrap());
        },
    );
    linear(
        "clean, defaults, bidi + zero-width soup",
        "\u{202E}\u{2066}\u{200B}x\u{FEFF}",
        |s| {
            black_box(clean(s, &defaults).unwrap());
        },
    );
    linear(
        "clean, defaults, NFKC-expanding ligatures",
        "\u{FB03}\u{FDFA}",
        |s| {
            black_box(clean(s, &defaults).unwrap());
        },
    );

    println!("\n-- UTS #39");
    linear("skeleton, mixed Cyrillic/Latin", "раураl ", |s| {
        black_box(skeleton(s));
    });
    linear(
        "analyzeScripts, mixed Cyrillic/Latin",
        "раураl ",
        |s| {
            black_box(analyze_scripts(s));
        },
    );

    println!("\n-- escape");
    for (label, context) in [
        ("html-text", EscapeContext::HtmlText),
        ("html-attribute", EscapeContext::HtmlAttribute),
        ("js-string", EscapeContext::JsString),
        ("url-component", EscapeContext::UrlComponent),
        ("css-string", EscapeContext::CssString),
    ] {
        linear(
            &format!("escape {label}, hostile characters"),
            "<\"'&\\/\u{2028}é😀",
            |s| {
                black_box(escape(s, context));
            },
        );
    }

    println!("\n-- validate (inputs over a length limit are refused before parsing)");
    let decimal: Validator = serde_json::from_str(r#"{"type":"decimal"}"#).unwrap();
    linear("decimal, 1 MB of digits", "1234567890", |s| {
        let _ = black_box(decimal.validate(s));
    });
    for (kind, value) in [
        ("email", "Alice.Smith+news@Example.COM"),
        ("url", "https://example.com/a/b?q=1#x"),
        ("phone", "+44 20 7946 0958"),
        ("iban", "GB82 WEST 1234 5698 7654 32"),
        ("credit-card", "4111 1111 1111 1111"),
        ("date-time", "2024-02-29T12:30:00Z"),
    ] {
        let v: Validator = serde_json::from_str(&format!(r#"{{"type":"{kind}"}}"#)).unwrap();
        let ops = measure(Duration::from_millis(400), || {
            let _ = black_box(v.validate(black_box(value)));
        });
        println!("{:<44} {:>10.0} ops/s", format!("validate {kind}"), ops);
    }

    #[cfg(feature = "html")]
    {
        use fieldguard::html::sanitize_html;
        println!("\n-- sanitizeHtml (default profile)");
        let rich = "<p>Hello <b>world</b>, see <a href=\"https://example.com\">this</a> <img src=x onerror=alert(1)></p>\n";
        linear("rich text with one payload per line", rich, |s| {
            black_box(sanitize_html(s));
        });
        linear(
            "nested <div>: refused by the depth pre-pass",
            "<div>",
            |s| {
                black_box(sanitize_html(s));
            },
        );
        linear(
            "unclosed tags with long attributes",
            "<a title='xxxxxxxx",
            |s| {
                black_box(sanitize_html(s));
            },
        );
    }

    println!("\n-- policy");
    let policy = Policy::from_json(
        r#"{"version":1,"fields":{
            "name":{"clean":{"preset":"name"},"onViolation":"clean"},
            "email":{"validate":{"type":"email"}},
            "comment":{"clean":{},"detect":{}},
            "age":{"validate":{"type":"integer","min":0,"max":150}}}}"#,
    )
    .unwrap();
    let record = serde_json::json!({"name": " Zoë  O'Brien ", "email": "zoe@Example.com",
        "comment": "Great product, would buy again!", "age": 42});
    let ops = measure(Duration::from_millis(600), || {
        let mut r = record.clone();
        black_box(policy.apply(&mut r, None).unwrap());
    });
    println!("{:<44} {:>10.0} records/s", "policy.apply, 4 fields", ops);
}
