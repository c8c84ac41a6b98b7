//! Native tests of `fieldguard::html` beyond the shared vectors: the XSS
//! corpus (no panics, no dangerous output, and a snapshot the wasm run in
//! Chromium compares against) and adversarial input sizes and depths.
#![cfg(feature = "html")]

use fieldguard::html::{sanitize_html, HtmlSanitizer};
use serde_json::{json, Value};
use std::time::Instant;

const CORPUS: &str = "tests/data/xss/payloads.json";
const SNAPSHOT: &str = "tests/data/xss/sanitized.json";

fn payloads() -> Vec<String> {
    let corpus: Value = serde_json::from_str(&std::fs::read_to_string(CORPUS).unwrap()).unwrap();
    corpus["payloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["payload"].as_str().unwrap().to_owned())
        .collect()
}

/// Crude string checks on the serialized output; the browser test checks the
/// parsed DOM and actual execution.
fn dangerous(out: &str) -> Option<&'static str> {
    let lower = out.to_ascii_lowercase();
    let tag = |t: &str| lower.contains(&format!("<{t}")) && !lower.contains(&format!("&lt;{t}"));
    for t in [
        "script", "iframe", "object", "embed", "base", "meta", "form", "style", "svg", "math",
        "link", "input", "button", "textarea", "template", "frame",
    ] {
        if tag(t) {
            return Some("forbidden element");
        }
    }
    // Attribute names are serialized as ` name="`: no on*, style or srcdoc.
    let bytes = lower.as_bytes();
    for (i, _) in lower.match_indices(" on") {
        let rest = &bytes[i + 3..];
        let name_end = rest
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if rest.get(name_end) == Some(&b'=') && in_tag(&lower, i) {
            return Some("event handler attribute");
        }
    }
    for attr in [" style=\"", " srcdoc=\""] {
        if lower.match_indices(attr).any(|(i, _)| in_tag(&lower, i)) {
            return Some("style/srcdoc attribute");
        }
    }
    for scheme in ["javascript:", "vbscript:", "data:"] {
        for attr in ["href=\"", "src=\"", "cite=\""] {
            if lower.contains(&format!("{attr}{scheme}")) {
                return Some("dangerous URL");
            }
        }
    }
    None
}

/// Whether byte `i` is inside a tag (after a `<` with no `>` since) and
/// outside a (double-quoted, as the serializer writes them) attribute value.
fn in_tag(s: &str, i: usize) -> bool {
    let before = &s[..i];
    let lt = match (before.rfind('<'), before.rfind('>')) {
        (Some(lt), Some(gt)) if lt > gt => lt,
        (Some(lt), None) => lt,
        _ => return false,
    };
    before[lt..].matches('"').count() % 2 == 0
}

#[test]
fn xss_corpus_is_neutralized_and_matches_the_snapshot() {
    let payloads = payloads();
    assert!(payloads.len() >= 150);
    let outputs: Vec<String> = payloads.iter().map(|p| sanitize_html(p)).collect();
    let bad: Vec<_> = payloads
        .iter()
        .zip(&outputs)
        .filter_map(|(p, o)| dangerous(o).map(|why| format!("{why}: {p:?} -> {o:?}")))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // Sanitizing is idempotent on the corpus: the output is a fixed point.
    for o in &outputs {
        assert_eq!(&sanitize_html(o), o);
    }
    let snapshot = json!({
        "description": "sanitize_html (default profile) of each payload in payloads.json, in order. Written by tests/html.rs when FIELDGUARD_UPDATE_SNAPSHOTS=1; the Chromium test checks the wasm build gives the same strings.",
        "outputs": outputs,
    });
    let text = serde_json::to_string_pretty(&snapshot).unwrap() + "\n";
    if std::env::var_os("FIELDGUARD_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(SNAPSHOT, &text).unwrap();
    }
    let stored = std::fs::read_to_string(SNAPSHOT).expect("run with FIELDGUARD_UPDATE_SNAPSHOTS=1");
    assert_eq!(
        stored, text,
        "outputs changed: review, then FIELDGUARD_UPDATE_SNAPSHOTS=1"
    );
}

/// Time this thread has run on a CPU (`/proc/thread-self/schedstat`, in ns).
fn thread_cpu() -> Option<std::time::Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = stat.split_whitespace().next()?.parse().ok()?;
    Some(std::time::Duration::from_nanos(ns))
}

fn timed(label: &str, input: &str) -> String {
    let s = HtmlSanitizer::new()
        .max_input_bytes(2 << 20)
        .build()
        .unwrap();
    let (start, cpu_start) = (Instant::now(), thread_cpu());
    let out = s.sanitize(input).unwrap();
    // CPU time of this thread where Linux gives it: the machine is shared,
    // and wall time measures the neighbours as much as the sanitizer.
    let took = match (cpu_start, thread_cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => start.elapsed(),
    };
    eprintln!(
        "{label}: {} bytes in, {} bytes out, {took:?}",
        input.len(),
        out.len()
    );
    // Generous: debug builds. Quadratic behaviour on 1 MB would take
    // minutes of CPU, not seconds.
    assert!(took.as_secs() < 60, "{label} took {took:?}");
    out
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    // html5ever does not cap depth and its cost is O(tags x depth): 100k
    // nested <div>s took 324 s (debug build) before the depth limit.
    let n = 100_000;
    let input = "<div>".repeat(n) + "x" + &"</div>".repeat(n);
    let s = HtmlSanitizer::new().build().unwrap();
    let start = Instant::now();
    assert_eq!(s.sanitize(&input).unwrap_err().code(), "INPUT_TOO_LARGE");
    assert!(start.elapsed().as_secs() < 5);
    for input in [
        "<b><i><a href=/x>".repeat(40_000),
        "<ul><li>".repeat(60_000),
        "<table><tr><td>".repeat(40_000),
        "<div></x>".repeat(100_000),
        // End tags the parser ignores (out of scope) must not lower the estimate.
        format!("<div>{}", "<table><tr><td></div>".repeat(30_000)),
        "<ul><li><div></li>".repeat(50_000),
    ] {
        assert_eq!(s.sanitize(&input).unwrap_err().code(), "INPUT_TOO_LARGE");
    }
}

#[test]
fn nesting_at_the_limit_does_not_overflow_the_stack() {
    // 512 levels (the default limit), repeated to ~1 MB: the tree builder, the
    // cleaner, the serializer and the DOM's drop are all iterative.
    let block = "<div>".repeat(512) + "x" + &"</div>".repeat(512);
    let input = block.repeat(1_000_000 / block.len());
    let out = timed("512-deep divs x 180", &input);
    assert!(out.contains('x'));
    // Sloppy but benign: 100k unclosed <p> and <li> are siblings, not nested.
    timed("100k unclosed p", &"<p>para".repeat(100_000));
    timed(
        "100k unclosed li",
        &format!("<ul>{}</ul>", "<li>item".repeat(100_000)),
    );
}

#[test]
fn formatting_elements_within_the_limit() {
    // Misnested formatting elements (adoption agency algorithm) repeated.
    let out = timed("misnested b/i", &"<b>1<i>2</b>3</i>".repeat(60_000));
    assert!(!out.contains("<script"));
    // Formatting elements reopened after every block: the active formatting
    // list is bounded by the depth limit, so each reopening is too.
    let open: String = (0..400).map(|i| format!("<b id={i}>")).collect();
    let s = HtmlSanitizer::new().build().unwrap();
    let input = format!("<div>{open}</div>") + &"<div>x</div>".repeat(50_000);
    // Was 140 MB of output after two minutes before the cap.
    assert_eq!(s.sanitize(&input).unwrap_err().code(), "INPUT_TOO_LARGE");
    // Stray end tags of other formatting names do not hide open ones.
    let open: String = (0..400).map(|i| format!("<i id={i}></b>")).collect();
    let input = format!("<div>{open}</div>") + &"<div>x</div>".repeat(50_000);
    assert_eq!(s.sanitize(&input).unwrap_err().code(), "INPUT_TOO_LARGE");
    let open: String = (0..30).map(|i| format!("<b id={i}>")).collect();
    timed(
        "30 formatting elements reopened",
        &(format!("<div>{open}</div>") + &"<div>x</div>".repeat(50_000)),
    );
}

#[test]
fn huge_attribute_and_many_attributes() {
    let big = "a".repeat(1_000_000);
    let out = timed(
        "1 MB attribute",
        &format!("<a title=\"{big}\" onclick=x>y</a>"),
    );
    assert!(out.len() > 1_000_000 && !out.contains("onclick"));
    let many: String = (0..50_000).map(|i| format!(" data-{i}=v")).collect();
    let out = timed("50k attributes", &format!("<p{many}>z</p>"));
    assert_eq!(out, "<p>z</p>");
    timed("1 MB of '<'", &"<".repeat(1_000_000));
    timed(
        "1 MB unterminated comment",
        &format!("<!--{}", "-".repeat(1_000_000)),
    );
}

#[test]
fn over_the_limit_is_an_error_not_work() {
    let s = HtmlSanitizer::new().build().unwrap();
    let input = "a".repeat((1 << 20) + 1);
    assert_eq!(s.sanitize(&input).unwrap_err().code(), "INPUT_TOO_LARGE");
    assert_eq!(sanitize_html(&input), "");
}
