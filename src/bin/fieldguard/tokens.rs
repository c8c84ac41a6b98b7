//! `fieldguard encrypt`, `decrypt` and `reencrypt`: one value, or the
//! `--field` values of record files. Record files go through
//! [`fieldguard::stream`] like `anonymize` and `check` — JSON arrays
//! element by element, NDJSON, CSV, in parallel, `--skip-bad`, output
//! replaced atomically. Which context each token is bound to (the value's
//! location for randomized tokens, its field for deterministic ones, the
//! field as a fallback for tokens of earlier releases) is decided by
//! [`ValueContexts`], so the CLI and the library cannot disagree.

use crate::args::{FormatArgs, KeyringArgs, RunArgs, SkipLog};
use crate::io;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use clap::Args;
use fieldguard::path::{FieldSelection, ValueContexts};
use fieldguard::stream::{self, Callbacks, Skipped};
use fieldguard::{decode_text, encode_text, Error, FieldPath, Keyring};
use serde_json::Value;
use std::path::PathBuf;

/// The arguments of the three token commands. The record-mode flags shared
/// with other commands (`--format`, `--delimiter`, `--skip-bad`,
/// `--threads`) require `--field` here, as the record-mode flags always did.
#[derive(Args)]
#[command(
    mut_arg("format", |a| a.requires("field")),
    mut_arg("delimiter", |a| a.requires("field")),
    mut_arg("skip_bad", |a| a.requires("field")),
    mut_arg("threads", |a| a.requires("field"))
)]
pub struct TokenArgs {
    #[command(flatten)]
    keyring: KeyringArgs,
    /// Context bound to a single value's token (UTF-8). Default: empty.
    #[arg(long, conflicts_with_all = ["field", "record_id"])]
    context: Option<String>,
    /// The value or token; read from stdin (one trailing newline removed) if omitted.
    #[arg(conflicts_with_all = ["field", "input"])]
    value: Option<String>,
    /// Record mode: a field path to process (repeatable), e.g. user.email or orders[*].card.
    /// Randomized tokens are bound to each value's location (orders[1].card), deterministic
    /// ones to the path (orders[*].card); then NUL and the record ID with --record-id.
    #[arg(long, value_name = "PATH")]
    field: Vec<String>,
    /// Plaintexts are bytes written as base64 (standard alphabet, padded): encrypt decodes
    /// each value first; decrypt prints each plaintext so, UTF-8 or not.
    #[arg(long)]
    base64: bool,
    /// Record mode: bind tokens to their record through the value at this path.
    #[arg(long, value_name = "PATH", requires = "field")]
    record_id: Option<String>,
    /// Record mode: input file (JSON array or object, NDJSON, CSV); stdin if omitted.
    #[arg(long = "in", value_name = "FILE", requires = "field")]
    input: Option<PathBuf>,
    /// Record mode: output file, written atomically; stdout if omitted.
    #[arg(long, short, value_name = "FILE", requires = "field")]
    out: Option<PathBuf>,
    #[command(flatten)]
    format: FormatArgs,
    #[command(flatten)]
    run: RunArgs,
    /// Do not print the summary line on stderr.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy)]
pub enum Op {
    Encrypt { deterministic: bool },
    Decrypt,
    Reencrypt,
}

impl Op {
    fn apply(
        self,
        keyring: &Keyring,
        value: &str,
        contexts: &ValueContexts,
        base64: bool,
    ) -> Result<String, Error> {
        match self {
            Op::Encrypt { deterministic } => {
                let plaintext = zeroize::Zeroizing::new(if base64 {
                    STANDARD.decode(value).map_err(|_| {
                        Error::invalid_argument("--base64: the value is not standard padded base64")
                    })?
                } else {
                    value.as_bytes().to_vec()
                });
                Ok(encode_text(&contexts.encrypt(
                    keyring,
                    &plaintext,
                    deterministic,
                )?))
            }
            Op::Decrypt => {
                let plaintext =
                    zeroize::Zeroizing::new(contexts.decrypt(keyring, &decode_text(value)?)?);
                if base64 {
                    return Ok(STANDARD.encode(&*plaintext));
                }
                match std::str::from_utf8(&plaintext) {
                    Ok(text) => Ok(text.to_owned()),
                    Err(_) => Err(Error::invalid_argument(
                        "the plaintext is bytes, not UTF-8 text: decrypt with --base64 \
                         to print it as base64",
                    )),
                }
            }
            Op::Reencrypt => {
                let again = contexts.reencrypt(keyring, &decode_text(value)?)?;
                Ok(encode_text(&again))
            }
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

pub fn run(args: &TokenArgs, op: Op) -> Result<(), Error> {
    if args.base64 && matches!(op, Op::Reencrypt) {
        // reencrypt never looks at the plaintext's encoding.
        return Err(io::usage("--base64 applies to encrypt and decrypt".into()));
    }
    if args.field.is_empty() {
        let keyring = args.keyring.load()?;
        let value = match &args.value {
            Some(v) => v.clone(),
            None => io::read_stdin_value()?,
        };
        let context = args.context.as_deref().unwrap_or("").as_bytes();
        let contexts = ValueContexts::single(context);
        let mut out = op.apply(&keyring, &value, &contexts, args.base64)?;
        out.push('\n');
        return io::write_stdout(out.as_bytes());
    }

    // Everything the command line alone can get wrong, before the keyring
    // is read or a thread started.
    let fields = args
        .field
        .iter()
        .map(|f| f.parse::<FieldPath>())
        .collect::<Result<Vec<_>, _>>()?;
    let mut selection = FieldSelection::new(fields);
    if let Some(id) = &args.record_id {
        selection = selection.with_record_id(id.parse()?)?;
    }
    let format = args.format.format_of(args.input.as_deref())?;
    let options = args.format.stream_options(format, args.run.skip_bad)?;
    let pool = args.run.pool()?;
    let keyring = args.keyring.load()?;

    let transform = |record: &mut Value| {
        selection.apply(record, &mut |value, contexts| {
            op.apply(&keyring, value, contexts, args.base64)
        })
    };
    let (mut values, mut skipped) = (0u64, SkipLog::default());
    let label = args
        .input
        .as_ref()
        .map_or("stdin".to_owned(), |p| p.display().to_string());
    let stats = pool.install(|| {
        let input = io::open_input(args.input.as_deref()).map_err(|e| e.context(&label))?;
        io::with_output_from(Some(&label), args.out.as_deref(), |output| {
            let callbacks = Callbacks {
                on_record: &mut |_, n: u64| values += n,
                on_skip: &mut |s: Skipped| skipped.push(s),
                on_progress: &mut |_| {},
            };
            stream::process_with(input, output, &options, &transform, callbacks)
        })
    })?;
    if !args.quiet {
        let skip_note = if stats.skipped > 0 {
            format!("; {} skipped", stats.skipped)
        } else {
            String::new()
        };
        eprintln!(
            "fieldguard: {} {values} values in {} records{skip_note}",
            op.past_tense(),
            stats.written,
        );
        skipped.print(&label, stats.skipped);
    }
    Ok(())
}
