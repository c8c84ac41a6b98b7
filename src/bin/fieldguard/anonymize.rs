//! `fieldguard anonymize`: turn exports (JSON, NDJSON, CSV) into safe test
//! data with the shared policy, streaming, in parallel, atomically.

use crate::{io, KeyringArgs};
use clap::{Args, ValueEnum};
use fieldguard::policy::{FoundEntity, Policy};
use fieldguard::stream::{self, Callbacks, Format, Progress, Skipped, Stats, StreamOptions};
use fieldguard::{Error, Keyring};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Without `--policy`: scan every string and number, pseudonymize every
/// finding (format-preserving, consistent for one keyring).
pub const DEFAULT_POLICY: &str =
    r#"{"version": 1, "pii": {"defaultOperator": {"op": "pseudonymize"}}}"#;

/// The record formats on the command line.
#[derive(Clone, Copy, ValueEnum)]
pub enum DataFormat {
    /// A JSON array of records (or one record object).
    Json,
    /// One JSON record per line.
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
}

/// The format of `input`: `--format` if given, else the file extension;
/// stdin without `--format` is NDJSON.
pub fn data_format(format: Option<DataFormat>, input: Option<&Path>) -> Result<Format, Error> {
    match (format, input) {
        (Some(f), _) => Ok(f.into()),
        (None, Some(path)) => Format::from_extension(path).ok_or_else(|| {
            io::usage(format!(
                "cannot tell the format of {} from its extension; pass --format json, ndjson or csv",
                path.display()
            ))
        }),
        (None, None) => Ok(Format::Ndjson),
    }
}

impl From<DataFormat> for Format {
    fn from(f: DataFormat) -> Self {
        match f {
            DataFormat::Json => Format::Json,
            DataFormat::Ndjson => Format::Ndjson,
            DataFormat::Csv => Format::Csv,
        }
    }
}

#[derive(Args)]
pub struct AnonymizeArgs {
    /// Input files (.json, .ndjson/.jsonl, .csv); stdin → stdout if none.
    inputs: Vec<PathBuf>,
    /// Output directory for the anonymized files (same names, same formats);
    /// created if missing. Required with input files.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The policy file (sanitize rules, PII operators per field, PII scan).
    /// Default: scan every string and pseudonymize every finding.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    #[command(flatten)]
    keyring: KeyringArgs,
    /// Record format; default from each file's extension (stdin: ndjson).
    #[arg(long, value_enum)]
    format: Option<DataFormat>,
    /// CSV field delimiter (one ASCII character).
    #[arg(long, default_value_t = ',')]
    delimiter: char,
    /// Leave out records that cannot be parsed or that the policy rejects
    /// (counted and reported by line), instead of stopping.
    #[arg(long)]
    skip_bad: bool,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Print nothing on stderr but errors and the one-time-key warning.
    #[arg(long, short)]
    quiet: bool,
    /// Print the summary as JSON (to stdout with --out, else stderr).
    #[arg(long)]
    json: bool,
}

/// What happened to one file.
#[derive(Default)]
struct FileSummary {
    stats: Stats,
    found: BTreeMap<&'static str, u64>,
    skipped: Vec<(u64, String)>,
}

pub fn anonymize(args: AnonymizeArgs) -> Result<(), Error> {
    let (policy_text, policy_name) = match &args.policy {
        Some(path) => (
            std::fs::read_to_string(path)
                .map_err(|e| Error::from(e).context(format!("cannot read {}", path.display())))?,
            path.display().to_string(),
        ),
        None => (DEFAULT_POLICY.to_owned(), "the default policy".to_owned()),
    };
    let policy = Policy::from_json(&policy_text).map_err(|e| e.context(&policy_name))?;
    let ephemeral = policy.needs_keyring() && !args.keyring.is_given();
    let keyring = if !policy.needs_keyring() {
        None
    } else if ephemeral {
        eprintln!(
            "fieldguard: warning: no keyring given; using a one-time key. Pseudonyms are \
             consistent within this run only: pass --keyring (or --keyring-env, \
             --keyring-secret, FIELDGUARD_KEYRING) to get the same pseudonyms in every run and service."
        );
        Some(Keyring::generate()?)
    } else {
        Some(args.keyring.load()?)
    };
    let delimiter = u8::try_from(args.delimiter)
        .ok()
        .filter(u8::is_ascii)
        .ok_or_else(|| io::usage("--delimiter must be one ASCII character".into()))?;
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        if n == 0 {
            return Err(io::usage("--threads must be at least 1".into()));
        }
        builder = builder.num_threads(n);
    }
    let pool = builder
        .build()
        .map_err(|e| Error::invalid_argument(format!("cannot start worker threads: {e}")))?;
    let run = |input: Option<&Path>, output: Option<&Path>, format: Format| {
        let options = StreamOptions::new(format)
            .delimiter(delimiter)
            .skip_bad(args.skip_bad);
        let size = input
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| m.len());
        let bar = progress_bar(size, args.quiet || args.json, input);
        let result =
            pool.install(|| one_file(input, output, &options, &policy, keyring.as_ref(), &bar));
        bar.finish_and_clear();
        let label = input.map_or("stdin".to_owned(), |p| p.display().to_string());
        result.map_err(|e| e.context(&label)).map(|s| (label, s))
    };

    let mut summaries = Vec::new();
    if args.inputs.is_empty() {
        let format = data_format(args.format, None)?;
        if let Some(out) = &args.out {
            return Err(io::usage(format!(
                "--out {} names a directory for input files; with stdin the output goes to stdout",
                out.display()
            )));
        }
        summaries.push(run(None, None, format)?);
    } else {
        let dir = args
            .out
            .as_ref()
            .ok_or_else(|| io::usage("--out DIR is required with input files".into()))?;
        let jobs = plan(&args.inputs, dir, args.format)?;
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::from(e).context(format!("cannot create {}", dir.display())))?;
        for (input, output, format) in &jobs {
            summaries.push(run(Some(input), Some(output), *format)?);
        }
    }
    report(&summaries, &args, ephemeral);
    Ok(())
}

/// Input → output path and format for every file, checked before anything
/// is written: formats known, no two outputs on one path, no output over
/// its input.
fn plan(
    inputs: &[PathBuf],
    dir: &Path,
    format: Option<DataFormat>,
) -> Result<Vec<(PathBuf, PathBuf, Format)>, Error> {
    let mut jobs: Vec<(PathBuf, PathBuf, Format)> = Vec::new();
    for input in inputs {
        let format = data_format(format, Some(input))?;
        let name = input
            .file_name()
            .ok_or_else(|| io::usage(format!("{} is not a file name", input.display())))?;
        let output = dir.join(name);
        if jobs.iter().any(|(_, o, _)| *o == output) {
            return Err(io::usage(format!(
                "two inputs would both be written to {}",
                output.display()
            )));
        }
        let same = match (input.canonicalize(), output.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same {
            return Err(io::usage(format!(
                "{} would overwrite its own input; choose another --out directory",
                output.display()
            )));
        }
        jobs.push((input.clone(), output, format));
    }
    Ok(jobs)
}

fn one_file(
    input: Option<&Path>,
    output: Option<&Path>,
    options: &StreamOptions,
    policy: &Policy,
    keyring: Option<&Keyring>,
    bar: &ProgressBar,
) -> Result<FileSummary, Error> {
    let transform = |record: &mut Value| -> fieldguard::Result<Vec<FoundEntity>> {
        let report = match keyring {
            Some(k) => policy.apply_with_keyring(record, k)?,
            None => policy.apply(record)?,
        };
        Ok(report.found())
    };
    let mut found = BTreeMap::<&'static str, u64>::new();
    let mut skipped = Vec::new();
    let reader = io::open_input(input)?;
    let stats = io::with_output(output, |out| {
        let callbacks = Callbacks {
            on_record: &mut |_, counts: Vec<FoundEntity>| {
                for f in counts {
                    *found.entry(f.entity_type.name()).or_default() += f.count;
                }
            },
            on_skip: &mut |s: Skipped| {
                // Lines and codes only; the first thousand are enough to act on.
                if skipped.len() < 1000 {
                    skipped.push((s.at.line, s.error.code().to_owned()));
                }
            },
            on_progress: &mut |p: Progress| {
                bar.set_position(p.bytes);
                bar.set_message(format!("{} records", p.records));
            },
        };
        stream::process_with(reader, out, options, &transform, callbacks)
    })?;
    Ok(FileSummary {
        stats,
        found,
        skipped,
    })
}

/// A bar on stderr when it is a terminal (never in pipes, CI logs, --quiet or --json).
fn progress_bar(size: Option<u64>, silent: bool, input: Option<&Path>) -> ProgressBar {
    if silent || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match size {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = if size.is_some() {
        "{prefix} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {msg} eta {eta}"
    } else {
        "{prefix} {spinner} {bytes} {bytes_per_sec} {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(input.map_or("stdin".into(), |p| p.display().to_string()));
    bar
}

fn report(summaries: &[(String, FileSummary)], args: &AnonymizeArgs, ephemeral: bool) {
    if args.json {
        let files: Vec<Value> = summaries
            .iter()
            .map(|(file, s)| {
                json!({
                    "file": file,
                    "records": s.stats.records,
                    "written": s.stats.written,
                    "skipped": s.skipped.iter().map(|(line, code)| json!({"line": line, "code": code})).collect::<Vec<_>>(),
                    "bytes": s.stats.bytes,
                    "anonymized": s.found,
                })
            })
            .collect();
        let doc = json!({"files": files, "oneTimeKey": ephemeral});
        if args.out.is_some() {
            println!("{doc}");
        } else {
            eprintln!("{doc}");
        }
        return;
    }
    if args.quiet {
        return;
    }
    for (file, s) in summaries {
        let total: u64 = s.found.values().sum();
        let types: Vec<String> = s.found.iter().map(|(t, n)| format!("{t} {n}")).collect();
        eprintln!(
            "fieldguard: {file}: {} records, {} written, {} skipped; {total} PII values anonymized{}",
            s.stats.records,
            s.stats.written,
            s.stats.skipped,
            if types.is_empty() {
                String::new()
            } else {
                format!(" ({})", types.join(", "))
            }
        );
        for (line, code) in s.skipped.iter().take(20) {
            eprintln!("fieldguard: {file}: line {line}: skipped ({code})");
        }
        if s.skipped.len() > 20 {
            eprintln!(
                "fieldguard: {file}: … {} more skipped",
                s.skipped.len() - 20
            );
        }
    }
}
