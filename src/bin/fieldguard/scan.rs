//! `fieldguard scan`: find PII and secrets.
//!
//! * In text (`--text`, `--in FILE` or stdin): one JSON line per finding
//!   with byte and code point offsets, so other tools (and tests/eval/) can
//!   score or act on them.
//! * In files (`scan FILE...`): a report per file and field path — counts
//!   per type and a masked example — as a table or JSON, with `--fail-on`
//!   to gate pipelines that must not publish PII. Fields are named as
//!   policy reports name them ([`FieldPath::generalize`]: `orders[*].card`,
//!   `["a.b"]`), because both walk records with
//!   [`fieldguard::path::walk_leaves`].

use crate::args::{self, FormatArgs, OptionsArg};
use crate::io;
use clap::Args;
use fieldguard::path::{walk_leaves, FieldPath, LeafVisitor, Segment};
use fieldguard::pii::operators::{apply, Mask, Operator, OperatorContext};
use fieldguard::pii::recognize::{char_offsets, RecognizeOptions, Recognizer};
use fieldguard::pii::EntityType;
use fieldguard::stream::{self, Format};
use fieldguard::Error;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

#[derive(Args)]
#[command(mut_arg("format", |a| a.requires("inputs")))]
pub struct ScanArgs {
    /// Files to report on: records (.json, .ndjson/.jsonl, .csv) per field
    /// path, anything else line by line. Without files: text mode.
    inputs: Vec<PathBuf>,
    /// Text mode: scan this text.
    #[arg(long, conflicts_with_all = ["input", "inputs"])]
    text: Option<String>,
    /// Text mode: scan this file (stdin if neither --text nor --in).
    #[arg(long = "in", value_name = "FILE", conflicts_with = "inputs")]
    input: Option<PathBuf>,
    /// Text mode: scan each input line as its own text (plain lines or
    /// NDJSON records); findings carry a 1-based "line" and offsets within
    /// that line.
    #[arg(long, conflicts_with = "inputs")]
    lines: bool,
    /// File mode: print the report as JSON instead of a table.
    #[arg(long, requires = "inputs")]
    json: bool,
    /// File mode: exit with status 1 when PII of these types is found
    /// ("any", or names such as EMAIL_ADDRESS,CREDIT_CARD), or when a
    /// record could not be read (and so not scanned).
    #[arg(long, value_name = "TYPES", requires = "inputs")]
    fail_on: Option<String>,
    /// File mode: the record format of every file, and the CSV delimiter
    /// (default: from each extension; other files are scanned line by line).
    #[command(flatten)]
    format: FormatArgs,
    #[command(flatten)]
    options: OptionsArg,
}

/// Print `{"line"?, "type", "start", "end", "charStart", "charEnd", "score",
/// "recognizer"}` per finding: `start`/`end` are UTF-8 byte offsets,
/// `charStart`/`charEnd` code point offsets.
fn emit(
    out: &mut dyn Write,
    scanner: &Recognizer,
    text: &str,
    line: Option<u64>,
) -> Result<u64, Error> {
    let findings = scanner.try_find(text)?;
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

pub fn scan(args: ScanArgs) -> Result<ExitCode, Error> {
    let options: RecognizeOptions = args.options.parse(Map::new())?;
    let scanner = Recognizer::new(&options)?;
    if !args.inputs.is_empty() {
        return report(&args, &scanner);
    }
    let mut input: Box<dyn BufRead> = match &args.text {
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
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Findings of one file, per (field path, type): count and one masked
/// example (the smallest, so that it does not depend on scan order).
type Tally = BTreeMap<(String, EntityType), (u64, String)>;

/// One scanned file: records (or lines), records that could not be read,
/// findings.
struct FileScan {
    file: String,
    records: u64,
    unreadable: u64,
    tally: Tally,
}

fn report(args: &ScanArgs, scanner: &Recognizer) -> Result<ExitCode, Error> {
    let fail_on = match args.fail_on.as_deref() {
        None => None,
        Some("any") => Some(Vec::new()),
        Some(list) => Some(
            list.split(',')
                .map(|name| {
                    EntityType::from_name(name.trim()).ok_or_else(|| {
                        io::usage(format!(
                            "--fail-on: {} is not an entity type name",
                            name.trim()
                        ))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    args.format.delimiter()?;
    let pool = args::pool(None)?;
    let mut files = Vec::new();
    for path in &args.inputs {
        let format = args
            .format
            .format
            .map(Format::from)
            .or_else(|| Format::from_extension(path));
        let mut scanned = match format {
            Some(format) => pool.install(|| scan_records(path, format, &args.format, scanner)),
            None => scan_lines(path, scanner),
        }
        .map_err(|e| e.context(path.display()))?;
        scanned.file = path.display().to_string();
        files.push(scanned);
    }
    let flagged: u64 = files
        .iter()
        .flat_map(|f| f.tally.iter())
        .filter(|((_, t), _)| {
            fail_on
                .as_ref()
                .is_some_and(|l| l.is_empty() || l.contains(t))
        })
        .map(|(_, (n, _))| n)
        .sum();
    if args.json {
        let doc: Vec<Value> = files
            .iter()
            .map(|f| {
                let findings: Vec<Value> = f
                    .tally
                    .iter()
                    .map(|((field, t), (n, ex))| {
                        json!({"field": field, "type": t.name(), "count": n, "example": ex})
                    })
                    .collect();
                json!({"file": f.file, "records": f.records, "unreadable": f.unreadable, "findings": findings})
            })
            .collect();
        io::write_stdout(format!("{}\n", json!({ "files": doc })).as_bytes())?;
    } else {
        io::write_stdout(table(&files).as_bytes())?;
    }
    // What could not be read could not be scanned: a gate fails on it, and
    // a plain report says so on stderr as well as in its table.
    let unreadable: u64 = files.iter().map(|f| f.unreadable).sum();
    if unreadable > 0 {
        eprintln!("fieldguard: {unreadable} records could not be read and were not scanned");
    }
    if fail_on.is_some() && flagged > 0 {
        eprintln!("fieldguard: {flagged} PII values of the --fail-on types found");
        return Ok(ExitCode::FAILURE);
    }
    if fail_on.is_some() && unreadable > 0 {
        eprintln!("fieldguard: --fail-on fails on records it could not scan");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn table(files: &[FileScan]) -> String {
    let mut rows = vec![[
        "FILE".to_owned(),
        "FIELD".to_owned(),
        "TYPE".to_owned(),
        "COUNT".to_owned(),
        "EXAMPLE (masked)".to_owned(),
    ]];
    for f in files {
        let file = &f.file;
        if f.tally.is_empty() {
            rows.push([
                file.clone(),
                "-".into(),
                "(no PII found)".into(),
                "0".into(),
                String::new(),
            ]);
        }
        for ((field, t), (n, ex)) in &f.tally {
            rows.push([
                file.clone(),
                field.clone(),
                t.name().into(),
                n.to_string(),
                ex.clone(),
            ]);
        }
        if f.unreadable > 0 {
            let n = f.unreadable.to_string();
            rows.push([
                file.clone(),
                "-".into(),
                "(unreadable records, not scanned)".into(),
                n,
                String::new(),
            ]);
        }
    }
    let widths: Vec<usize> = (0..5)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// At most 40 chars, letters and digits masked but the first (for values
/// of 4 or more), the last two (for values of 8 or more), or an email's
/// domain: enough to recognize, not to use. Never the whole value: a short
/// one (`a@b.co`, `12`) is masked entirely but for an email's domain.
fn masked_example(entity_type: EntityType, value: &str) -> String {
    let alnum = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
    let mut mask = Mask {
        keep_first: usize::from(alnum(value) >= 4),
        ..Mask::default()
    };
    if entity_type == EntityType::EmailAddress {
        mask.keep_domain = true;
        let local = value.split('@').next().unwrap_or(value);
        if alnum(local) < 4 {
            mask.keep_first = 0;
        }
    } else if alnum(value) >= 8 {
        mask.keep_last = 2;
    }
    let short: String = value.chars().take(40).collect();
    let mut out = apply(&Operator::Mask(mask), &short, &OperatorContext::new()).unwrap_or_default();
    if out == short || out.is_empty() {
        // Nothing was masked (no letters or digits where the mask looks):
        // show the length only.
        out = "*".repeat(short.chars().count());
    }
    if short.len() < value.len() {
        out.push('…');
    }
    out
}

/// `key`: the value's own key, context evidence for the recognizers.
fn count(tally: &Mutex<Tally>, field: &str, key: Option<&str>, scanner: &Recognizer, text: &str) {
    let found = match key {
        Some(key) => scanner.find_in_field(text, key),
        None => scanner.find(text),
    };
    if found.is_empty() {
        return;
    }
    // Records are scanned in parallel, so "the first example seen" would
    // differ between runs: keep the smallest masked example instead, the
    // same whatever the order or --threads.
    let found: Vec<(EntityType, String)> = found
        .iter()
        .map(|f| {
            (
                f.entity_type,
                masked_example(f.entity_type, &text[f.start..f.end]),
            )
        })
        .collect();
    if let Ok(mut tally) = tally.lock() {
        for (t, example) in found {
            let entry = tally
                .entry((field.to_owned(), t))
                .or_insert_with(|| (0, example.clone()));
            entry.0 += 1;
            if example < entry.1 {
                entry.1 = example;
            }
        }
    }
}

/// Counts the findings of every string and number of a record, under the
/// name policy reports give its field.
struct Counter<'a> {
    tally: &'a Mutex<Tally>,
    scanner: &'a Recognizer,
}

impl LeafVisitor for Counter<'_> {
    type Scope = ();

    fn leaf(&mut self, at: &[Segment], value: &mut Value, (): ()) -> fieldguard::Result<()> {
        let field = FieldPath::generalize(at).to_string();
        let key = FieldPath::own_key(at);
        match value {
            Value::String(s) => count(self.tally, &field, key, self.scanner, s),
            Value::Number(n) => count(self.tally, &field, key, self.scanner, &n.to_string()),
            _ => {}
        }
        Ok(())
    }
}

fn scan_records(
    path: &Path,
    format: Format,
    format_args: &FormatArgs,
    scanner: &Recognizer,
) -> Result<FileScan, Error> {
    let tally = Mutex::new(Tally::new());
    let transform = |record: &mut Value| {
        let mut counter = Counter {
            tally: &tally,
            scanner,
        };
        walk_leaves(record, &mut Vec::new(), (), &mut counter)
    };
    // A report goes on past records it cannot read, and says how many.
    let options = format_args.stream_options(format, true)?;
    let stats = stream::process(
        io::open_input(Some(path))?,
        std::io::sink(),
        &options,
        &transform,
        &mut |_| {},
        &mut |_| {},
    )?;
    Ok(FileScan {
        file: String::new(),
        records: stats.records,
        unreadable: stats.skipped,
        tally: tally.into_inner().unwrap_or_default(),
    })
}

fn scan_lines(path: &Path, scanner: &Recognizer) -> Result<FileScan, Error> {
    let tally = Mutex::new(Tally::new());
    let mut lines = 0;
    for (index, line) in io::open_input(Some(path))?.split(b'\n').enumerate() {
        let line = line?;
        // Logs are not always UTF-8; scan what is.
        count(
            &tally,
            "(text)",
            None,
            scanner,
            &String::from_utf8_lossy(&line),
        );
        lines = index as u64 + 1;
    }
    Ok(FileScan {
        file: String::new(),
        records: lines,
        unreadable: 0,
        tally: tally.into_inner().unwrap_or_default(),
    })
}
