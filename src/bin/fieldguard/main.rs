//! The `fieldguard` command-line tool: a thin layer over the library.
//!
//! Exit status: 0 on success, 1 when an operation fails (the message starts
//! with the stable error code) or a check fails (`validate --json`,
//! `detect --check`), 2 for usage errors.

mod anonymize;
mod io;
mod pii;
mod sanitize;

use clap::{Args, Parser, Subcommand, ValueEnum};
use fieldguard::records::{transform_records, FieldSelection, RecordFormat};
use fieldguard::{Error, FieldPath, Keyring, KeyringSource};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "fieldguard",
    version,
    about = "Clean, validate and check untrusted input; encrypt, decrypt and rotate field-level tokens."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a keyring with one fresh primary key (file mode 0600).
    Keygen {
        /// Where to write the keyring; standard output if omitted.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Add a new primary key to a keyring file; old keys stay for decryption.
    Rotate {
        /// The keyring file to update in place (atomically).
        #[arg(long, env = "FIELDGUARD_KEYRING_FILE")]
        keyring: PathBuf,
    },
    /// Encrypt a value (argument or stdin) or the --field values of records.
    Encrypt {
        #[command(flatten)]
        common: Common,
        /// Deterministic (AES-SIV) tokens: equal values give equal tokens.
        /// Leaks equality; use only for fields looked up by equality.
        #[arg(long)]
        deterministic: bool,
    },
    /// Decrypt a token (argument or stdin) or the --field tokens of records.
    Decrypt {
        #[command(flatten)]
        common: Common,
    },
    /// Re-encrypt tokens under the keyring's primary key (after `rotate`).
    Reencrypt {
        #[command(flatten)]
        common: Common,
    },
    /// Show a token's format and key ID (no keyring needed, nothing decrypted).
    Inspect {
        /// The text token; read from stdin if omitted.
        token: Option<String>,
    },
    /// Canonicalize and clean a text value (normalization, invisible and
    /// bidi characters, allowlists, length limits).
    Clean(sanitize::CleanArgs),
    /// Escape a value for an HTML, JavaScript, URL or CSS context.
    Escape(sanitize::EscapeArgs),
    /// Validate a value and print its canonical form (email, url, phone, iban, …).
    Validate(sanitize::ValidateArgs),
    /// Sanitize HTML with an allowlist (safe default profile).
    SanitizeHtml(sanitize::SanitizeHtmlArgs),
    /// Report likely injection payloads in a value (a second line of defence).
    Detect(sanitize::DetectArgs),
    /// Apply a policy (field rules) to JSON/NDJSON records.
    Check(sanitize::CheckArgs),
    /// Find PII and secrets: in files, a report per file and field path
    /// (table or --json, --fail-on for CI gates); in text (--text, --in,
    /// stdin), one JSON line per finding with byte and code point offsets.
    Scan(pii::ScanArgs),
    /// Turn exports (JSON, NDJSON, CSV) into safe test data: the policy's
    /// sanitize rules and PII operators, plus a PII scan of every string;
    /// consistent pseudonyms for one keyring.
    Anonymize(anonymize::AnonymizeArgs),
}

/// Where the keyring comes from. Keys are never taken from the command line.
#[derive(Args)]
pub(crate) struct KeyringArgs {
    /// Keyring JSON file.
    #[arg(long, env = "FIELDGUARD_KEYRING_FILE", conflicts_with_all = ["keyring_env", "keyring_secret"])]
    keyring: Option<PathBuf>,
    /// Name of an environment variable holding the keyring JSON
    /// (FIELDGUARD_KEYRING is read when no source is given).
    #[arg(long, value_name = "VAR", conflicts_with = "keyring_secret")]
    keyring_env: Option<String>,
    /// Docker/Kubernetes secret name: reads /run/secrets/NAME
    /// (or NAME in $FIELDGUARD_SECRETS_DIR).
    #[arg(long, value_name = "NAME")]
    keyring_secret: Option<String>,
}

impl KeyringArgs {
    /// Whether any keyring source was named (flags, FIELDGUARD_KEYRING_FILE
    /// or FIELDGUARD_KEYRING).
    pub(crate) fn is_given(&self) -> bool {
        self.keyring.is_some()
            || self.keyring_env.is_some()
            || self.keyring_secret.is_some()
            || std::env::var_os("FIELDGUARD_KEYRING").is_some()
    }

    pub(crate) fn load(&self) -> Result<Keyring, Error> {
        if let Some(name) = &self.keyring_secret {
            if let Some(dir) = std::env::var_os("FIELDGUARD_SECRETS_DIR") {
                return Keyring::from_secret_in(dir, name);
            }
        }
        let source = if let Some(path) = &self.keyring {
            KeyringSource::File(path.clone())
        } else if let Some(var) = &self.keyring_env {
            KeyringSource::Env(var.clone())
        } else if let Some(name) = &self.keyring_secret {
            KeyringSource::Secret(name.clone())
        } else {
            KeyringSource::Env("FIELDGUARD_KEYRING".into())
        };
        Keyring::load(&source)
    }
}

#[derive(Args)]
struct Common {
    #[command(flatten)]
    keyring: KeyringArgs,
    /// Context bound to a single value's token (UTF-8). Default: empty.
    #[arg(long, conflicts_with_all = ["field", "record_id"])]
    context: Option<String>,
    /// The value or token; read from stdin (one trailing newline removed) if omitted.
    #[arg(conflicts_with_all = ["field", "input"])]
    value: Option<String>,
    /// Record mode: a field path to process (repeatable), e.g. user.email or orders[*].card.
    /// Each token's context is the canonical path (plus NUL and the record ID with --record-id).
    #[arg(long, value_name = "PATH")]
    field: Vec<String>,
    /// Record mode: bind tokens to their record through the value at this path.
    #[arg(long, value_name = "PATH", requires = "field")]
    record_id: Option<String>,
    /// Record mode: input file (JSON or NDJSON); stdin if omitted.
    #[arg(long = "in", value_name = "FILE", requires = "field")]
    input: Option<PathBuf>,
    /// Record mode: output file, written atomically; stdout if omitted.
    #[arg(long, short, value_name = "FILE", requires = "field")]
    out: Option<PathBuf>,
    /// Record mode: input format; default from the --in extension, else ndjson.
    #[arg(long, value_enum, requires = "field")]
    format: Option<Format>,
    /// Do not print the summary line on stderr.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Json,
    Ndjson,
}

#[derive(Clone, Copy)]
enum Op {
    Encrypt { deterministic: bool },
    Decrypt,
    Reencrypt,
}

impl Op {
    fn apply(self, keyring: &Keyring, value: &str, context: &[u8]) -> Result<String, Error> {
        match self {
            Op::Encrypt {
                deterministic: false,
            } => keyring.encrypt_str(value, context),
            Op::Encrypt {
                deterministic: true,
            } => keyring.encrypt_deterministic_str(value, context),
            Op::Decrypt => keyring.decrypt_str(value, context),
            Op::Reencrypt => keyring.reencrypt_str(value, context),
        }
    }

    fn past_tense(self) -> &'static str {
        match self {
            Op::Encrypt { .. } => "encrypted",
            Op::Decrypt => "decrypted",
            Op::Reencrypt => "re-encrypted",
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("fieldguard: error[{}]: {err}", err.code());
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<ExitCode, Error> {
    let done = |result: Result<(), Error>| result.map(|()| ExitCode::SUCCESS);
    match command {
        Command::Clean(args) => done(sanitize::clean(args)),
        Command::Escape(args) => done(sanitize::escape(args)),
        Command::Validate(args) => sanitize::validate(args),
        Command::SanitizeHtml(args) => done(sanitize::sanitize_html(args)),
        Command::Detect(args) => sanitize::detect(args),
        Command::Check(args) => done(sanitize::check(args)),
        Command::Scan(args) => pii::scan(args),
        Command::Anonymize(args) => done(anonymize::anonymize(args)),
        Command::Keygen { out, force } => {
            let keyring = Keyring::generate()?;
            match out {
                Some(path) => {
                    if path.exists() && !force {
                        return Err(io::usage(format!(
                            "{} exists; pass --force to replace it",
                            path.display()
                        )));
                    }
                    io::write_atomic(&path, keyring.to_json().as_bytes())?;
                    eprintln!(
                        "fieldguard: wrote keyring {} (primary key ID {})",
                        path.display(),
                        keyring.primary_id()
                    );
                }
                None => io::write_stdout(keyring.to_json().as_bytes())?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rotate { keyring: path } => {
            let mut keyring = Keyring::from_file(&path)?;
            let id = keyring.rotate()?;
            io::write_atomic(&path, keyring.to_json().as_bytes())?;
            eprintln!("fieldguard: new primary key ID {id} in {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Encrypt {
            common,
            deterministic,
        } => done(process(&common, Op::Encrypt { deterministic })),
        Command::Decrypt { common } => done(process(&common, Op::Decrypt)),
        Command::Reencrypt { common } => done(process(&common, Op::Reencrypt)),
        Command::Inspect { token } => {
            let token = match token {
                Some(t) => t,
                None => io::read_stdin_value()?,
            };
            let info = fieldguard::inspect(token.trim())?;
            println!(
                "{{\"format\":\"{}\",\"key_id\":{}}}",
                info.format.name(),
                info.key_id
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn process(common: &Common, op: Op) -> Result<(), Error> {
    let keyring = common.keyring.load()?;
    if common.field.is_empty() {
        let value = match &common.value {
            Some(v) => v.clone(),
            None => io::read_stdin_value()?,
        };
        let context = common.context.as_deref().unwrap_or("").as_bytes();
        let mut out = op.apply(&keyring, &value, context)?;
        out.push('\n');
        return io::write_stdout(out.as_bytes());
    }

    let fields = common
        .field
        .iter()
        .map(|f| f.parse::<FieldPath>())
        .collect::<Result<Vec<_>, _>>()?;
    let mut selection = FieldSelection::new(fields);
    if let Some(id) = &common.record_id {
        selection = selection.with_record_id(id.parse()?)?;
    }
    let format = record_format(common.format, common.input.as_deref())?;
    let mut apply = |value: &str, context: &[u8]| op.apply(&keyring, value, context);
    let input = io::open_input(common.input.as_deref())?;
    let stats = io::with_output(common.out.as_deref(), |output| {
        transform_records(input, output, format, &selection, &mut apply)
    })
    .map_err(|e| match &common.input {
        Some(path) => e.context(path.display()),
        None => e.context("stdin"),
    })?;
    if !common.quiet {
        eprintln!(
            "fieldguard: {} {} values in {} records",
            op.past_tense(),
            stats.values,
            stats.records
        );
    }
    Ok(())
}

/// The record format: --format, else the input file's extension, else NDJSON.
pub(crate) fn record_format(
    format: Option<Format>,
    input: Option<&std::path::Path>,
) -> Result<RecordFormat, Error> {
    Ok(match (format, input) {
        (Some(Format::Json), _) => RecordFormat::Json,
        (Some(Format::Ndjson), _) => RecordFormat::Ndjson,
        (None, Some(path)) => RecordFormat::from_extension(path).ok_or_else(|| {
            io::usage(format!(
                "cannot tell the format of {} from its extension; pass --format json or ndjson",
                path.display()
            ))
        })?,
        (None, None) => RecordFormat::Ndjson,
    })
}
