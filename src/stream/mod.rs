//! Streaming record files (cargo feature `stream`): read JSON arrays,
//! NDJSON or CSV record by record, transform the records in parallel, and
//! write them in the same format and order — in memory bounded by one batch
//! of records, however large the file.
//!
//! ```
//! use fieldguard::stream::{process, Format, StreamOptions};
//! use serde_json::Value;
//!
//! let input = "name,email\nAna,ana@example.org\nBo,bo@example.net\n";
//! let mut output = Vec::new();
//! let options = StreamOptions::new(Format::Csv);
//! let upper = |record: &mut Value| -> fieldguard::Result<()> {
//!     if let Some(Value::String(name)) = record.get_mut("name") {
//!         *name = name.to_uppercase();
//!     }
//!     Ok(())
//! };
//! let stats = process(input.as_bytes(), &mut output, &options, &upper, &mut |_| {}, &mut |_| {})?;
//! assert_eq!(stats.records, 2);
//! assert_eq!(String::from_utf8(output).unwrap(), "name,email\nANA,ana@example.org\nBO,bo@example.net\n");
//! # Ok::<(), fieldguard::Error>(())
//! ```
//!
//! # Formats
//!
//! * [`Format::Ndjson`]: one JSON value per line; blank lines are skipped.
//!   Output: one compact line per record.
//! * [`Format::Json`]: a JSON array of records, split element by element
//!   without reading the whole array; or a single JSON object, which is one
//!   record. Output: the same shape, pretty-printed with two spaces.
//! * [`Format::Csv`]: RFC 4180 with a header row (delimiter configurable).
//!   Each row becomes an object of strings keyed by the header; it is
//!   written back in header order, a removed or `null` field as an empty
//!   cell, other non-strings as JSON text.
//!
//! # Errors and bad records
//!
//! A record that cannot be parsed (invalid JSON on its line or in its array
//! element, invalid UTF-8, a CSV row with the wrong number of fields), or that
//! the transform rejects, stops the run with an error naming its line and
//! never its content — unless [`StreamOptions::skip_bad`] is set, in which
//! case it is left out of the output (never copied through untransformed)
//! and counted in [`Stats::skipped`]. Damage that makes the rest of the file
//! unreadable (an unterminated array, I/O errors) always stops the run. On
//! error the output holds a prefix: write to a temporary file and keep it
//! only on success.
//!
//! # Parallelism
//!
//! Records are read in batches of [`StreamOptions::batch_size`], transformed
//! on the current rayon thread pool (run [`process`] inside
//! `ThreadPool::install` to choose the number of threads; this module never
//! starts threads of its own), and written in input order.

mod read;
mod write;

use crate::error::{Error, ErrorKind, Result};
use rayon::prelude::*;
use serde_json::Value;
use std::fmt;
use std::io::{Read, Write};

/// How records are laid out in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// A JSON array of records, or one record object.
    Json,
    /// One JSON record per line (NDJSON, JSON Lines).
    Ndjson,
    /// Comma- (or otherwise) separated values with a header row.
    Csv,
}

impl Format {
    /// The format a file name's extension implies (`.json`, `.ndjson`,
    /// `.jsonl`, `.csv`), case-insensitively.
    ///
    /// ```
    /// use fieldguard::stream::Format;
    /// assert_eq!(Format::from_extension("users.CSV".as_ref()), Some(Format::Csv));
    /// assert_eq!(Format::from_extension("notes.txt".as_ref()), None);
    /// ```
    pub fn from_extension(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "ndjson" | "jsonl" => Some(Self::Ndjson),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

/// The largest [`StreamOptions::batch_size`]: a batch is allocated up
/// front, so a size taken from a caller must not be able to ask for all of
/// memory.
pub const MAX_BATCH_SIZE: usize = 1 << 16;

/// Options of [`process`].
///
/// ```
/// use fieldguard::stream::{Format, StreamOptions};
/// let o = StreamOptions::new(Format::Csv).delimiter(b';').skip_bad(true);
/// assert_eq!((o.delimiter, o.skip_bad, o.batch_size), (b';', true, 1024));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct StreamOptions {
    /// The file format.
    pub format: Format,
    /// CSV field delimiter (an ASCII byte). Default `b','`.
    pub delimiter: u8,
    /// Leave out records that cannot be parsed or that the transform
    /// rejects, instead of stopping. Default `false`.
    pub skip_bad: bool,
    /// Records per parallel batch; memory use is bounded by one batch.
    /// Default 1024; 1 to [`MAX_BATCH_SIZE`].
    pub batch_size: usize,
}

impl StreamOptions {
    /// Defaults for `format`.
    pub fn new(format: Format) -> Self {
        Self {
            format,
            delimiter: b',',
            skip_bad: false,
            batch_size: 1024,
        }
    }

    /// Set the CSV delimiter.
    pub fn delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// Set [`skip_bad`](Self::skip_bad).
    pub fn skip_bad(mut self, skip: bool) -> Self {
        self.skip_bad = skip;
        self
    }
}

/// Where a record starts: a 1-based line of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: u64,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)
    }
}

/// A record left out with [`StreamOptions::skip_bad`]: where, and the
/// error code (never the content).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Where the record starts.
    pub at: Location,
    /// The error, with its code; its detail never quotes the record.
    pub error: Error,
}

/// Progress after each batch, for progress bars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Input bytes consumed so far.
    pub bytes: u64,
    /// Records read so far.
    pub records: u64,
}

/// What [`process`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Stats {
    /// Records read (written + skipped).
    pub records: u64,
    /// Records written.
    pub written: u64,
    /// Records left out ([`StreamOptions::skip_bad`]).
    pub skipped: u64,
    /// Input bytes read.
    pub bytes: u64,
}

/// What [`process_with`] reports back, in input order, on the calling
/// thread.
pub struct Callbacks<'a, T> {
    /// Each record written, with what `transform` returned for it.
    pub on_record: &'a mut dyn FnMut(Location, T),
    /// Each record left out with [`StreamOptions::skip_bad`].
    pub on_skip: &'a mut dyn FnMut(Skipped),
    /// After every batch.
    pub on_progress: &'a mut dyn FnMut(Progress),
}

/// Stream `input` to `output`, calling `transform` on every record in
/// parallel; `on_skip` hears about records left out, `on_progress` is called
/// after every batch. See the [module docs](self).
pub fn process(
    input: impl Read,
    output: impl Write,
    options: &StreamOptions,
    transform: &(dyn Fn(&mut Value) -> Result<()> + Sync),
    on_skip: &mut dyn FnMut(Skipped),
    on_progress: &mut dyn FnMut(Progress),
) -> Result<Stats> {
    let callbacks = Callbacks {
        on_record: &mut |_, ()| {},
        on_skip,
        on_progress,
    };
    process_with(input, output, options, transform, callbacks)
}

/// [`process`] where `transform` also returns a value per record (a policy
/// report, counts), handed to `callbacks.on_record` in input order — so
/// per-record output such as report lines stays in step with the records
/// although they are transformed in parallel.
///
/// ```
/// use fieldguard::stream::{process_with, Callbacks, Format, StreamOptions};
/// let mut lines = Vec::new();
/// let callbacks = Callbacks {
///     on_record: &mut |at, len: usize| lines.push((at.line, len)),
///     on_skip: &mut |_| {},
///     on_progress: &mut |_| {},
/// };
/// let stats = process_with(
///     "\"a\"\n\"bcd\"\n".as_bytes(), std::io::sink(), &StreamOptions::new(Format::Ndjson),
///     &|v| Ok(v.as_str().map_or(0, str::len)), callbacks)?;
/// assert_eq!((stats.records, lines), (2, vec![(1, 1), (2, 3)]));
/// # Ok::<(), fieldguard::Error>(())
/// ```
pub fn process_with<T: Send>(
    input: impl Read,
    output: impl Write,
    options: &StreamOptions,
    transform: &(dyn Fn(&mut Value) -> Result<T> + Sync),
    callbacks: Callbacks<'_, T>,
) -> Result<Stats> {
    let Callbacks {
        on_record,
        on_skip,
        on_progress,
    } = callbacks;
    if !(1..=MAX_BATCH_SIZE).contains(&options.batch_size) {
        return Err(Error::invalid_argument(format!(
            "batch_size must be 1 to {MAX_BATCH_SIZE}"
        )));
    }
    if !options.delimiter.is_ascii() || matches!(options.delimiter, b'"' | b'\n' | b'\r') {
        return Err(Error::invalid_argument(
            "the CSV delimiter must be one ASCII character other than a quote or a line break",
        ));
    }
    let counter = read::Counting::new(input);
    let bytes = counter.handle();
    let mut source = read::Source::open(counter, options)?;
    let mut sink = write::Sink::new(output, options, source.shape())?;
    let mut stats = Stats::default();
    let mut batch: Vec<(Location, Result<Value>)> = Vec::with_capacity(options.batch_size);
    loop {
        batch.clear();
        while batch.len() < options.batch_size {
            match source.next()? {
                Some(item) => batch.push(item),
                None => break,
            }
        }
        if batch.is_empty() {
            break;
        }
        // `collect` on an indexed parallel iterator keeps the input order.
        let results: Vec<(Location, Result<(Value, T)>)> = batch
            .par_drain(..)
            .map(|(at, record)| {
                let result = record.and_then(|mut value| {
                    let out = transform(&mut value)?;
                    Ok((value, out))
                });
                (at, result)
            })
            .collect();
        for (at, record) in results {
            stats.records += 1;
            match record {
                Ok((value, out)) => {
                    sink.write(&value)?;
                    stats.written += 1;
                    on_record(at, out);
                }
                Err(error) if options.skip_bad && skippable(&error) => {
                    stats.skipped += 1;
                    on_skip(Skipped { at, error });
                }
                Err(error) => return Err(error.context(at)),
            }
        }
        stats.bytes = bytes.get();
        on_progress(Progress {
            bytes: stats.bytes,
            records: stats.records,
        });
    }
    sink.finish()?;
    stats.bytes = bytes.get();
    Ok(stats)
}

/// Errors about one record — its syntax, a value a rule rejects, a field of
/// the wrong type, a token in it that does not decrypt or is not a token —
/// as opposed to the run (I/O, bad arguments, a keyring without the token's
/// key), which `skip_bad` must not hide.
fn skippable(error: &Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::RecordInvalid
            | ErrorKind::ValueInvalid
            | ErrorKind::FieldType
            | ErrorKind::InputTooLarge
            | ErrorKind::DecryptFailed
            | ErrorKind::TokenMalformed
            | ErrorKind::TokenUnknownVersion
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_size_from_a_caller_is_bounded_not_allocated() {
        for size in [0, MAX_BATCH_SIZE + 1, usize::MAX] {
            let mut options = StreamOptions::new(Format::Ndjson);
            options.batch_size = size;
            let err = process(
                "{}\n".as_bytes(),
                std::io::sink(),
                &options,
                &|_| Ok(()),
                &mut |_| {},
                &mut |_| {},
            )
            .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{size}");
        }
    }
}
