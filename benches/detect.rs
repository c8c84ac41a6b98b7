//! `cargo bench --bench detect`: injection detection throughput. Prints
//! numbers; asserts nothing about speed (that depends on the machine). The
//! adversarial inputs show that the scanners stay linear: their MB/s should
//! be of the same order as ordinary prose, never collapse.

use fieldguard::detect::{detect, DetectOptions};
mod common;

use common::measure;
use std::hint::black_box;
use std::time::Duration;

/// About 1 MB of `unit` repeated.
fn rep(unit: &str) -> String {
    unit.repeat(1_000_000 / unit.len())
}

fn prose() -> String {
    let text = "Dear Mr O'Brien, please select the blue option from the menu and drop me a line; \
                the union meeting is at 3pm (room 4B). Price: $19.99, 50% off — see docs/a/b.md or \
                https://example.com/search?q=select+union&page=2. 3 < 5 and 1=1 in math. Café, naïve, 你好.\n";
    rep(text)
}

fn main() {
    let budget = Duration::from_secs(2);
    let opts = DetectOptions::default();
    println!("fieldguard detect benchmarks (default options: decode on, minConfidence 50)");
    let inputs: Vec<(&str, String)> = vec![
        ("benign prose", prose()),
        ("' x 1M", rep("'")),
        ("( x 1M", rep("(")),
        ("{{ x 500k", rep("{{")),
        ("../ repeated", rep("../")),
        ("< x 1M", rep("<")),
        ("'select ' repeated", rep("select ")),
        ("%25 repeated", rep("%25")),
        ("'\\ alternating", rep("'\\")),
        ("/* repeated", rep("/*")),
        ("%2e%2e%2f repeated", rep("%2e%2e%2f")),
        ("' or 1=1 repeated", rep("' or 1=1 ")),
    ];
    for (name, input) in &inputs {
        let ops = measure(budget, || {
            black_box(detect(black_box(input), &opts).unwrap());
        });
        let mb = input.len() as f64 / 1e6;
        println!("{name:<22} {:>6.1} MB: {:>8.1} MB/s", mb, ops * mb);
    }
    let param = "id=42&sort=name&q=blue+shoes&page=20&x=1";
    let attack = "id=1%27%20OR%201%3D1--&sort=name&page=20";
    for (name, input) in [
        ("40-byte benign param", param),
        ("40-byte attack param", attack),
    ] {
        assert_eq!(input.len(), 40);
        let ops = measure(budget, || {
            black_box(detect(black_box(input), &opts).unwrap());
        });
        println!("{name:<22} {:>4} B: {:>10.0} ops/s", input.len(), ops);
    }
}
