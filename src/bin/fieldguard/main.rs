//! The `fieldguard` command-line tool: a thin layer over the library.
//!
//! Exit status: 0 on success, 1 when an operation fails (the message starts
//! with the stable error code) or a check fails (`validate --json`,
//! `detect --check`), 2 for usage errors.

mod anonymize;
mod args;
mod io;
mod sanitize;
mod scan;
mod tokens;

use clap::{Parser, Subcommand};
use fieldguard::{Error, Keyring};
use std::path::PathBuf;
use std::process::ExitCode;
use tokens::{Op, TokenArgs};

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
        args: TokenArgs,
        /// Deterministic (AES-SIV) tokens: equal values give equal tokens.
        /// Leaks equality; use only for fields looked up by equality.
        #[arg(long)]
        deterministic: bool,
    },
    /// Decrypt a token (argument or stdin) or the --field tokens of records.
    Decrypt {
        #[command(flatten)]
        args: TokenArgs,
    },
    /// Re-encrypt tokens under the keyring's primary key (after `rotate`).
    Reencrypt {
        #[command(flatten)]
        args: TokenArgs,
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
    /// Apply a policy (field rules) to records (JSON, NDJSON, CSV).
    Check(sanitize::CheckArgs),
    /// Find PII and secrets: in files, a report per file and field path
    /// (table or --json, --fail-on for CI gates); in text (--text, --in,
    /// stdin), one JSON line per finding with byte and code point offsets.
    Scan(scan::ScanArgs),
    /// Turn exports (JSON, NDJSON, CSV) into safe test data: the policy's
    /// sanitize rules and PII operators, plus a PII scan of every string no rule protects (unless the policy says "scan": false);
    /// consistent pseudonyms for one keyring.
    Anonymize(anonymize::AnonymizeArgs),
}

fn main() -> ExitCode {
    io::clean_up_on_signals();
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
        Command::Scan(args) => scan::scan(args),
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
            args,
            deterministic,
        } => done(tokens::run(&args, Op::Encrypt { deterministic })),
        Command::Decrypt { args } => done(tokens::run(&args, Op::Decrypt)),
        Command::Reencrypt { args } => done(tokens::run(&args, Op::Reencrypt)),
        Command::Inspect { token } => {
            let token = match token {
                Some(t) => t,
                None => io::read_stdin_value()?,
            };
            let info = fieldguard::inspect(token.trim())?;
            io::write_stdout(
                format!(
                    "{{\"format\":\"{}\",\"key_id\":{}}}\n",
                    info.format.name(),
                    info.key_id
                )
                .as_bytes(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
