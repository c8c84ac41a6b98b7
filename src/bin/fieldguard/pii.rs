//! `fieldguard scan`: find PII and secrets in text, one JSON line per
//! finding with byte and code point offsets, so other tools (and
//! tests/eval/) can score or act on them.

use crate::io;
use crate::sanitize::OptionsArg;
use clap::Args;
use fieldguard::pii::recognize::{char_offsets, ScanOptions, Scanner};
use fieldguard::Error;
use serde_json::{json, Map};
use std::io::{BufRead, Read, Write};
use std::path::PathBuf;

#[derive(Args)]
pub struct ScanArgs {
    /// The text; read from --in or stdin if omitted.
    value: Option<String>,
    /// Input file; stdin if omitted.
    #[arg(long = "in", value_name = "FILE", conflicts_with = "value")]
    input: Option<PathBuf>,
    /// Scan each input line as its own text (plain lines or NDJSON records);
    /// findings carry a 1-based "line" and offsets within that line.
    #[arg(long)]
    lines: bool,
    #[command(flatten)]
    options: OptionsArg,
}

/// Print `{"line"?, "type", "start", "end", "charStart", "charEnd", "score",
/// "recognizer"}` per finding: `start`/`end` are UTF-8 byte offsets,
/// `charStart`/`charEnd` code point offsets.
fn emit(
    out: &mut dyn Write,
    scanner: &Scanner,
    text: &str,
    line: Option<u64>,
) -> Result<u64, Error> {
    let findings = scanner.try_scan(text)?;
    for (f, (char_start, char_end)) in findings.iter().zip(char_offsets(text, &findings)) {
        let mut o = Map::new();
        if let Some(n) = line {
            o.insert("line".into(), json!(n));
        }
        o.insert("type".into(), json!(f.entity_type.name()));
        o.insert("start".into(), json!(f.start));
        o.insert("end".into(), json!(f.end));
        o.insert("charStart".into(), json!(char_start));
        o.insert("charEnd".into(), json!(char_end));
        o.insert("score".into(), json!(f.score));
        o.insert("recognizer".into(), json!(f.recognizer));
        serde_json::to_writer(&mut *out, &o).map_err(|e| Error::from(std::io::Error::from(e)))?;
        out.write_all(b"\n")?;
    }
    Ok(findings.len() as u64)
}

pub fn scan(args: ScanArgs) -> Result<(), Error> {
    let options: ScanOptions = args.options.parse(Map::new())?;
    let scanner = Scanner::new(&options)?;
    let mut input: Box<dyn BufRead> = match &args.value {
        Some(v) => Box::new(std::io::Cursor::new(v.clone().into_bytes())),
        None => io::open_input(args.input.as_deref())?,
    };
    io::with_output(None, |out| {
        if args.lines {
            for (index, line) in input.lines().enumerate() {
                let at = || format!("line {}", index + 1);
                let line = line.map_err(|e| Error::from(e).context(at()))?;
                emit(out, &scanner, &line, Some(index as u64 + 1)).map_err(|e| e.context(at()))?;
            }
        } else {
            let mut text = String::new();
            input.read_to_string(&mut text)?;
            emit(out, &scanner, &text, None)?;
        }
        Ok(())
    })
}
