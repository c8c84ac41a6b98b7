//! The sanitize subcommands: clean, escape, validate, sanitize-html, detect
//! and check (a policy over records). Options are the same JSON objects the
//! JS API takes (`--options '{"normalize":"nfkc"}'`), so a rule tried on the
//! command line behaves the same in a browser or a service.

use crate::args::{self, FormatArgs, KeyringArgs, OptionsArg};
use crate::io;
use clap::Args;
use fieldguard::escape::EscapeContext;
use fieldguard::policy::{Policy, PolicyReport};
use fieldguard::stream::{self, Callbacks};
use fieldguard::validate::Validator;
use fieldguard::{detect, text, Error};
use serde_json::{Map, Value};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A single value: an argument, or stdin with one trailing newline removed.
#[derive(Args)]
pub struct ValueArg {
    /// The value; read from stdin if omitted.
    value: Option<String>,
}

impl ValueArg {
    fn get(&self) -> Result<String, Error> {
        match &self.value {
            Some(v) => Ok(v.clone()),
            None => io::read_stdin_value(),
        }
    }
}

#[derive(Args)]
pub struct CleanArgs {
    #[command(flatten)]
    value: ValueArg,
    /// A preset: username, slug, name or phone-digits (same as "preset" in --options).
    #[arg(long)]
    preset: Option<String>,
    #[command(flatten)]
    options: OptionsArg,
    /// Print the full result as JSON (value, changed, changes) instead of the value.
    #[arg(long)]
    report: bool,
}

#[derive(Args)]
pub struct EscapeArgs {
    /// html-text, html-attribute, js-string, url-component or css-string.
    #[arg(long)]
    context: String,
    #[command(flatten)]
    value: ValueArg,
}

#[derive(Args)]
pub struct ValidateArgs {
    /// email, url, hostname, ip, uuid, date, date-time, phone, credit-card,
    /// iban, integer or decimal.
    #[arg(value_name = "TYPE")]
    kind: String,
    #[command(flatten)]
    value: ValueArg,
    #[command(flatten)]
    options: OptionsArg,
    /// Print the outcome as JSON (exit status 0 valid, 1 invalid).
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct DetectArgs {
    #[command(flatten)]
    value: ValueArg,
    #[command(flatten)]
    options: OptionsArg,
    /// Exit with status 1 when anything is found (for scripts and CI gates).
    #[arg(long)]
    check: bool,
    /// Many values: stdin holds one JSON string per line (so a value may hold
    /// newlines); prints one line per value, its findings as a JSON array, in
    /// input order. Every line is parsed before anything is printed, so a
    /// malformed line fails the run with no output.
    #[arg(long, conflicts_with = "value")]
    ndjson: bool,
}

#[derive(Args)]
pub struct SanitizeHtmlArgs {
    /// Input HTML file; stdin if omitted.
    #[arg(long = "in", value_name = "FILE")]
    input: Option<PathBuf>,
    /// Output file, written atomically; stdout if omitted.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    options: OptionsArg,
}

#[derive(Args)]
pub struct CheckArgs {
    /// The policy file (field rules; see `fieldguard::policy`).
    #[arg(long, value_name = "FILE")]
    policy: PathBuf,
    /// Input file (JSON array or object, NDJSON, CSV); stdin if omitted.
    #[arg(long = "in", value_name = "FILE")]
    input: Option<PathBuf>,
    /// Output file for the cleaned records, written atomically; stdout if omitted.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    format: FormatArgs,
    /// Write one JSON report line per record with changes or violations
    /// ({"record": N, "fields": [...]}); values never appear in it.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Do not print the summary line on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Keys for the policy's hash, pseudonymize, encrypt and date-shift
    /// operators (read only when the policy uses one).
    #[command(flatten)]
    keyring: KeyringArgs,
}

fn print_json(value: &impl serde::Serialize) -> Result<(), Error> {
    let mut text = serde_json::to_string(value)
        .map_err(|_| Error::invalid_argument("result is not representable as JSON"))?;
    text.push('\n');
    io::write_stdout(text.as_bytes())
}

fn print_line(text: &str) -> Result<(), Error> {
    io::write_stdout(format!("{text}\n").as_bytes())
}

pub fn clean(args: CleanArgs) -> Result<(), Error> {
    let mut extra = Map::new();
    if let Some(p) = args.preset {
        extra.insert("preset".into(), Value::String(p));
    }
    let options: text::CleanOptions = args.options.parse(extra)?;
    let cleaned = text::clean(&args.value.get()?, &options)?;
    if args.report {
        print_json(&cleaned)
    } else {
        print_line(&cleaned.value)
    }
}

pub fn escape(args: EscapeArgs) -> Result<(), Error> {
    let context: EscapeContext = serde_json::from_value(Value::String(args.context.clone()))
        .map_err(|_| {
            io::usage(format!(
                "unknown --context {}; use html-text, html-attribute, js-string, url-component or css-string",
                args.context
            ))
        })?;
    print_line(&fieldguard::escape::escape(&args.value.get()?, context))
}

/// Exit 0 when valid; with --json the outcome is printed and an invalid
/// value exits 1 without an error line (the JSON says why).
pub fn validate(args: ValidateArgs) -> Result<ExitCode, Error> {
    let mut extra = Map::new();
    extra.insert("type".into(), Value::String(args.kind.clone()));
    if args.options.object()?.contains_key("type") {
        return Err(io::usage(
            "give the type as the TYPE argument, not in --options".into(),
        ));
    }
    let validator: Validator = args.options.parse(extra)?;
    let result = validator.validate(&args.value.get()?);
    if args.json {
        print_json(&fieldguard::validate::outcome(&result))?;
        return Ok(if result.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    match result {
        Ok(valid) => print_line(&valid.value).map(|()| ExitCode::SUCCESS),
        Err(invalid) => Err(invalid.into()),
    }
}

/// Prints the findings as a JSON array; with --check, findings exit 1.
pub fn detect(args: DetectArgs) -> Result<ExitCode, Error> {
    let options: detect::DetectOptions = args.options.parse(Map::new())?;
    if args.ndjson {
        return detect_lines(&options, args.check);
    }
    let findings = detect::detect(&args.value.get()?, &options)?;
    print_json(&findings)?;
    Ok(if args.check && !findings.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `detect --ndjson`: the values are parsed first (a bad line is reported by
/// number, never by content), then screened in order.
fn detect_lines(options: &detect::DetectOptions, check: bool) -> Result<ExitCode, Error> {
    let input = io::read_stdin_value()?;
    let mut values = Vec::new();
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: String = serde_json::from_str(line).map_err(|_| {
            Error::invalid_argument(format!(
                "stdin line {}: expected a JSON string (one value per line with --ndjson)",
                n + 1
            ))
        })?;
        values.push(value);
    }
    let mut out = String::new();
    let mut any = false;
    for value in &values {
        let findings = detect::detect(value, options)?;
        any |= !findings.is_empty();
        out.push_str(
            &serde_json::to_string(&findings)
                .map_err(|_| Error::invalid_argument("result is not representable as JSON"))?,
        );
        out.push('\n');
        if out.len() > 1 << 16 {
            io::write_stdout(out.as_bytes())?;
            out.clear();
        }
    }
    io::write_stdout(out.as_bytes())?;
    Ok(if check && any {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

pub fn sanitize_html(args: SanitizeHtmlArgs) -> Result<(), Error> {
    let options: fieldguard::html::HtmlOptions = args.options.parse(Map::new())?;
    let sanitizer = fieldguard::html::HtmlSanitizer::from_options(&options)?;
    let mut input = String::new();
    io::open_input(args.input.as_deref())?.read_to_string(&mut input)?;
    let clean = sanitizer.sanitize(&input)?;
    io::with_output(args.out.as_deref(), |out| {
        out.write_all(clean.as_bytes())?;
        Ok(())
    })
}

pub fn check(args: CheckArgs) -> Result<(), Error> {
    let text = std::fs::read_to_string(&args.policy)
        .map_err(|e| Error::from(e).context(format!("cannot read {}", args.policy.display())))?;
    let policy = Policy::from_json(&text).map_err(|e| e.context(args.policy.display()))?;
    let keyring =
        if policy.needs_keyring() {
            Some(args.keyring.load().map_err(|e| {
                e.context("the policy pseudonymizes, hashes, encrypts or shifts dates")
            })?)
        } else {
            None
        };
    let format = args.format.format_of(args.input.as_deref())?;
    let options = args.format.stream_options(format, false)?;
    let pool = args::pool(None)?;
    let transform = |record: &mut Value| policy.apply(record, keyring.as_ref());
    let (mut index, mut changed, mut violations, mut found) = (0u64, 0u64, 0u64, 0u64);
    // Report lines go to their own atomic file as the records are written,
    // in record order: keeping them in memory would grow with the input.
    let label = args
        .input
        .as_ref()
        .map_or("stdin".to_owned(), |p| p.display().to_string());
    let mut run = |mut reports: Option<&mut dyn std::io::Write>| {
        let input = io::open_input(args.input.as_deref()).map_err(|e| e.context(&label))?;
        io::with_output_from(Some(&label), args.out.as_deref(), |output| {
            let mut failed = None;
            let callbacks = Callbacks {
                on_record: &mut |_, report: PolicyReport| {
                    violations += report.violations().count() as u64;
                    found += report.found().iter().map(|f| f.count).sum::<u64>();
                    changed += report.fields.len() as u64;
                    if let Some(out) = reports.as_mut().filter(|_| !report.is_clean()) {
                        let line = serde_json::json!({"record": index, "fields": report.fields});
                        if let Err(e) = out.write_all(format!("{line}\n").as_bytes()) {
                            failed.get_or_insert(e);
                        }
                    }
                    index += 1;
                },
                on_skip: &mut |_| {},
                on_progress: &mut |_| {},
            };
            let stats = stream::process_with(input, output, &options, &transform, callbacks)?;
            match failed {
                Some(e) => Err(Error::from(e).context("the report")),
                None => Ok(stats),
            }
        })
    };
    let stats = pool.install(|| match &args.report {
        Some(path) => io::with_output(Some(path), |reports| run(Some(reports))),
        None => run(None),
    })?;
    if !args.quiet {
        eprintln!(
            "fieldguard: checked {} records; {} fields changed, {} violations cleaned, {} PII values anonymized",
            stats.records, changed, violations, found
        );
    }
    Ok(())
}
