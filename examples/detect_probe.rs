//! Print every injection finding (at any confidence) for each line of a
//! file: a tool for looking at the rules while tuning them, not a check.
//!
//! `cargo run --example detect_probe -- lines.txt`

use fieldguard::detect::{detect, DetectOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or("usage: detect_probe FILE (one input per line)")?;
    let text = std::fs::read_to_string(path)?;
    let options = DetectOptions::default().min_confidence(0);
    for line in text.lines() {
        let found: Vec<String> = detect(line, &options)?
            .iter()
            .map(|f| format!("{}({}) {:?}", f.rule, f.confidence, f.fragment))
            .collect();
        println!("{line}\n    => {}", found.join(" | "));
    }
    Ok(())
}
