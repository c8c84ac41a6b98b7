//! The arguments several commands share, defined once so they read, default
//! and fail the same way everywhere: the record format (one type, mapped to
//! [`stream::Format`]), the CSV delimiter, `--skip-bad` and what it reports,
//! `--threads` and its bound, keyring sources, and `--options` JSON.

use crate::io;
use clap::{Args, ValueEnum};
use fieldguard::stream::{Format, Skipped, StreamOptions};
use fieldguard::{Error, Keyring, KeyringSource};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

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

impl From<DataFormat> for Format {
    fn from(f: DataFormat) -> Self {
        match f {
            DataFormat::Json => Format::Json,
            DataFormat::Ndjson => Format::Ndjson,
            DataFormat::Csv => Format::Csv,
        }
    }
}

/// How record files are laid out: `--format` and `--delimiter`.
#[derive(Args)]
pub struct FormatArgs {
    /// Record format; default from the file's extension (.json,
    /// .ndjson/.jsonl, .csv), stdin: ndjson.
    #[arg(long, value_enum)]
    pub format: Option<DataFormat>,
    /// CSV field delimiter (one ASCII character).
    #[arg(long, default_value_t = ',')]
    pub delimiter: char,
}

impl FormatArgs {
    /// The format of `input`: `--format` if given, else the file extension;
    /// stdin without `--format` is NDJSON.
    pub fn format_of(&self, input: Option<&Path>) -> Result<Format, Error> {
        match (self.format, input) {
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

    /// `--delimiter` as the byte the stream takes.
    pub fn delimiter(&self) -> Result<u8, Error> {
        u8::try_from(self.delimiter)
            .ok()
            .filter(u8::is_ascii)
            .ok_or_else(|| io::usage("--delimiter must be one ASCII character".into()))
    }

    /// Stream options for `format`, with the delimiter and `skip_bad`.
    pub fn stream_options(&self, format: Format, skip_bad: bool) -> Result<StreamOptions, Error> {
        Ok(StreamOptions::new(format)
            .delimiter(self.delimiter()?)
            .skip_bad(skip_bad))
    }
}

/// How a record run goes: `--skip-bad` and `--threads`.
#[derive(Args)]
pub struct RunArgs {
    /// Leave out records that cannot be parsed or processed (counted and
    /// reported by line), instead of stopping.
    #[arg(long)]
    pub skip_bad: bool,
    /// Worker threads (default: one per core; at most 4 × the cores, at
    /// least 16 allowed, never more than 256).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

impl RunArgs {
    /// The worker pool for `--threads`; see [`pool`].
    pub fn pool(&self) -> Result<rayon::ThreadPool, Error> {
        pool(self.threads)
    }
}

/// The most worker threads a run may ask for: 4 × the available cores
/// (work is CPU-bound, so more only adds switching; 4× leaves room for
/// hosts that report fewer cores than they schedule), but at least 16 so
/// `--threads 16` from a script written on a bigger machine still runs on a
/// small CI runner, and never more than 256. `--threads 100000` once started
/// that many OS threads and stalled the whole machine.
pub fn max_threads() -> usize {
    cores().saturating_mul(4).clamp(16, 256)
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// A worker pool of `threads` threads (default: `RAYON_NUM_THREADS`, else
/// one per core), bounded by [`max_threads`] before any thread starts.
pub fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool, Error> {
    let requested = match threads {
        Some(n) => Some((n, "--threads")),
        // rayon would read this one itself, unbounded (0 means its default).
        None => std::env::var("RAYON_NUM_THREADS")
            .ok()
            .and_then(|text| text.trim().parse().ok())
            .filter(|&n| n > 0)
            .map(|n| (n, "RAYON_NUM_THREADS")),
    };
    let max = max_threads();
    let n = match requested {
        None => cores(),
        Some((0, name)) => return Err(io::usage(format!("{name} must be at least 1"))),
        Some((n, name)) if n > max => {
            return Err(io::usage(format!(
                "{name} {n} is more than the limit of {max} worker threads on this machine \
                 (4 × {} cores, at least 16, at most 256)",
                cores()
            )))
        }
        Some((n, _)) => n,
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map_err(|e| Error::invalid_argument(format!("cannot start worker threads: {e}")))
}

/// What `--skip-bad` left out of one input: lines and codes only, never
/// content; the first thousand are enough to act on.
#[derive(Default)]
pub struct SkipLog {
    pub lines: Vec<(u64, String)>,
}

impl SkipLog {
    pub fn push(&mut self, skipped: Skipped) {
        if self.lines.len() < 1000 {
            self.lines
                .push((skipped.at.line, skipped.error.code().to_owned()));
        }
    }

    /// `fieldguard: FILE: line N: skipped (CODE)` for the first 20, then
    /// how many more (of `total`).
    pub fn print(&self, file: &str, total: u64) {
        for (line, code) in self.lines.iter().take(20) {
            eprintln!("fieldguard: {file}: line {line}: skipped ({code})");
        }
        let shown = self.lines.len().min(20) as u64;
        if total > shown {
            eprintln!("fieldguard: {file}: … {} more skipped", total - shown);
        }
    }
}

/// Where the keyring comes from. Keys are never taken from the command line.
#[derive(Args)]
pub struct KeyringArgs {
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
    pub fn is_given(&self) -> bool {
        self.keyring.is_some()
            || self.keyring_env.is_some()
            || self.keyring_secret.is_some()
            || std::env::var_os("FIELDGUARD_KEYRING").is_some()
    }

    pub fn load(&self) -> Result<Keyring, Error> {
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

/// Options as a JSON object, exactly as in the JS API.
#[derive(Args)]
pub struct OptionsArg {
    /// Options as a JSON object, the same names as the JS API (see the README).
    #[arg(long, value_name = "JSON")]
    options: Option<String>,
}

impl OptionsArg {
    pub fn object(&self) -> Result<Map<String, Value>, Error> {
        match &self.options {
            None => Ok(Map::new()),
            Some(text) => match serde_json::from_str(text) {
                Ok(Value::Object(map)) => Ok(map),
                Ok(_) => Err(io::usage("--options must be a JSON object".into())),
                Err(e) => Err(io::usage(format!("--options: {e}"))),
            },
        }
    }

    pub fn parse<T: DeserializeOwned>(&self, extra: Map<String, Value>) -> Result<T, Error> {
        let mut map = self.object()?;
        map.extend(extra);
        serde_json::from_value(Value::Object(map)).map_err(|e| io::usage(format!("--options: {e}")))
    }
}
