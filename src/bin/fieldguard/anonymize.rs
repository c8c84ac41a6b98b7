//! `fieldguard anonymize`: turn exports (JSON, NDJSON, CSV) into safe test
//! data with the shared policy, streaming, in parallel, atomically.
//!
//! With input files, a first pass collects the values the policy protects
//! (`KnownValues`, in file and record order, so the result does not depend
//! on `--threads`), and the main pass searches every record's free text for
//! them; stdin is read once, so there only each record's own values count.

use crate::args::{FormatArgs, KeyringArgs, RunArgs, SkipLog};
use crate::io;
use clap::Args;
use fieldguard::policy::{FoundEntity, KnownValues, Policy, ScanCoverage};
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
    #[command(flatten)]
    format: FormatArgs,
    #[command(flatten)]
    run: RunArgs,
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
    skipped: SkipLog,
}

pub fn anonymize(args: AnonymizeArgs) -> Result<(), Error> {
    // What the command line alone can get wrong, before files are read.
    args.format.delimiter()?;
    let pool = args.run.pool()?;
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
    let run = |input: Option<&Path>,
               output: Option<&Path>,
               format: Format,
               known: Option<&KnownValues>| {
        let options = args.format.stream_options(format, args.run.skip_bad)?;
        let size = input
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| m.len());
        let bar = progress_bar(size, args.quiet || args.json, input);
        let label = input.map_or("stdin".to_owned(), |p| p.display().to_string());
        let result = pool.install(|| {
            let file = File {
                input,
                label: &label,
                output,
            };
            one_file(&file, &options, &policy, keyring.as_ref(), known, &bar)
        });
        bar.finish_and_clear();
        result.map(|s| (label, s))
    };

    let mut summaries = Vec::new();
    if args.inputs.is_empty() {
        let format = args.format.format_of(None)?;
        if let Some(out) = &args.out {
            return Err(io::usage(format!(
                "--out {} names a directory for input files; with stdin the output goes to stdout",
                out.display()
            )));
        }
        summaries.push(run(None, None, format, None)?);
    } else {
        let dir = args
            .out
            .as_ref()
            .ok_or_else(|| io::usage("--out DIR is required with input files".into()))?;
        let jobs = plan(&args.inputs, dir, &args.format)?;
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::from(e).context(format!("cannot create {}", dir.display())))?;
        let known = pool.install(|| collect_known(&jobs, &policy, &args.format))?;
        if known.left_out() > 0 && !args.quiet {
            eprintln!(
                "fieldguard: note: {} protected values were not searched for in other records \
                 (the run keeps at most {}); each record's own values still are",
                known.left_out(),
                fieldguard::policy::KNOWN_VALUES_RUN_CAP
            );
        }
        for (input, output, format) in &jobs {
            summaries.push(run(Some(input), Some(output), *format, Some(&known))?);
        }
    }
    report(&summaries, &args, ephemeral, &policy.scan_coverage())
}

/// Input → output path and format for every file, checked before anything
/// is written: formats known, no two outputs on one path, no output over
/// its input.
fn plan(
    inputs: &[PathBuf],
    dir: &Path,
    format: &FormatArgs,
) -> Result<Vec<(PathBuf, PathBuf, Format)>, Error> {
    let mut jobs: Vec<(PathBuf, PathBuf, Format)> = Vec::new();
    for input in inputs {
        let format = format.format_of(Some(input))?;
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

/// One input of a run, and where its output goes.
struct File<'a> {
    input: Option<&'a Path>,
    /// The input's name in messages ("stdin" without a file).
    label: &'a str,
    output: Option<&'a Path>,
}

/// The values the policy protects in every input, in file and record
/// order (so the same with any --threads), for the search in the free text
/// of all records (see `KnownValues`). Unreadable records are left to the
/// main pass, which reports them.
fn collect_known(
    jobs: &[(PathBuf, PathBuf, Format)],
    policy: &Policy,
    format_args: &FormatArgs,
) -> Result<KnownValues, Error> {
    let cap = fieldguard::policy::KNOWN_VALUES_RUN_CAP;
    let mut known = KnownValues::with_cap(cap);
    if !policy.has_known_values() {
        return Ok(known);
    }
    for (input, _, format) in jobs {
        let options = format_args.stream_options(*format, true)?;
        let label = input.display().to_string();
        let reader = io::open_input(Some(input)).map_err(|e| e.context(&label))?;
        let transform = |record: &mut Value| -> fieldguard::Result<KnownValues> {
            let mut one = KnownValues::with_cap(cap);
            policy.collect_known(record, &mut one);
            Ok(one)
        };
        let callbacks = Callbacks {
            on_record: &mut |_, one: KnownValues| known.merge(one),
            on_skip: &mut |_| {},
            on_progress: &mut |_| {},
        };
        stream::process_with(reader, std::io::sink(), &options, &transform, callbacks)
            .map_err(|e| e.context(&label))?;
    }
    Ok(known)
}

fn one_file(
    file: &File<'_>,
    options: &StreamOptions,
    policy: &Policy,
    keyring: Option<&Keyring>,
    known: Option<&KnownValues>,
    bar: &ProgressBar,
) -> Result<FileSummary, Error> {
    let transform = |record: &mut Value| -> fieldguard::Result<Vec<FoundEntity>> {
        Ok(policy.apply_with_known(record, keyring, known)?.found())
    };
    let mut found = BTreeMap::<&'static str, u64>::new();
    let mut skipped = SkipLog::default();
    let reader = io::open_input(file.input).map_err(|e| e.context(file.label))?;
    let stats = io::with_output_from(Some(file.label), file.output, |out| {
        let callbacks = Callbacks {
            on_record: &mut |_, counts: Vec<FoundEntity>| {
                for f in counts {
                    *found.entry(f.entity_type.name()).or_default() += f.count;
                }
            },
            on_skip: &mut |s: Skipped| skipped.push(s),
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

/// What the scan left out, in words for the summary (`None`: nothing).
fn unscanned_note(coverage: &ScanCoverage<'_>) -> Option<String> {
    match coverage {
        ScanCoverage::Off => Some(
            "the policy turns the PII scan off (\"scan\": false): only fields with rules were changed"
                .into(),
        ),
        ScanCoverage::Only(fields) if fields.is_empty() => {
            Some("\"scanAll\": false and no field says \"scan\": true: nothing was scanned for PII".into())
        }
        ScanCoverage::Only(fields) => Some(format!(
            "only {} scanned for PII (\"scanAll\": false)",
            fields.join(", ")
        )),
        ScanCoverage::AllBut(fields) if fields.is_empty() => None,
        ScanCoverage::AllBut(fields) => Some(format!(
            "not scanned for PII (left to their rules): {}",
            fields.join(", ")
        )),
        _ => Some("the PII scan's coverage is not known to this version".into()),
    }
}

fn report(
    summaries: &[(String, FileSummary)],
    args: &AnonymizeArgs,
    ephemeral: bool,
    coverage: &ScanCoverage<'_>,
) -> Result<(), Error> {
    let note = unscanned_note(coverage);
    if args.json {
        let files: Vec<Value> = summaries
            .iter()
            .map(|(file, s)| {
                json!({
                    "file": file,
                    "records": s.stats.records,
                    "written": s.stats.written,
                    "skipped": s.skipped.lines.iter().map(|(line, code)| json!({"line": line, "code": code})).collect::<Vec<_>>(),
                    "bytes": s.stats.bytes,
                    "anonymized": s.found,
                })
            })
            .collect();
        let unscanned = match coverage {
            ScanCoverage::Off => json!({"scan": false}),
            ScanCoverage::Only(fields) => json!({"onlyScanned": fields}),
            ScanCoverage::AllBut(fields) => json!({"notScanned": fields}),
            _ => Value::Null,
        };
        let doc = json!({"files": files, "oneTimeKey": ephemeral, "scan": unscanned});
        if args.out.is_some() {
            io::write_stdout(format!("{doc}\n").as_bytes())?;
        } else {
            eprintln!("{doc}");
        }
        return Ok(());
    }
    if args.quiet {
        return Ok(());
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
        s.skipped.print(file, s.stats.skipped);
    }
    if let Some(note) = note {
        eprintln!("fieldguard: {note}");
    }
    Ok(())
}
