//! Record sources: one record at a time from NDJSON, a JSON array (split
//! element by element), a single JSON object, or CSV.

use super::{Format, Location, StreamOptions};
use crate::error::{json_category, Error, ErrorKind, Result};
use serde_json::{Map, Value};
use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A reader that counts the bytes it hands out (for progress).
pub(super) struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Counting<R> {
    pub(super) fn new(inner: R) -> Self {
        Self {
            inner,
            count: Arc::new(AtomicU64::new(0)),
        }
    }

    pub(super) fn handle(&self) -> CountHandle {
        CountHandle(Arc::clone(&self.count))
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads the byte count of a [`Counting`] reader.
pub(super) struct CountHandle(Arc<AtomicU64>);

impl CountHandle {
    pub(super) fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Watches the raw CSV bytes for a quoted field that the input never
/// closes. The csv crate accepts such a field and gives it the rest of the
/// file, so `1,"a@b.co\n2,c@d.co\n` would read as one record holding the
/// second row: a silent loss of records, and a field no one meant to write.
/// The states follow RFC 4180 as the csv crate reads it (quotes doubled
/// inside a quoted field; a quote elsewhere in a field is literal).
pub(super) struct QuoteWatch<R> {
    inner: R,
    delimiter: u8,
    state: QuoteState,
    line: u64,
    /// Bytes handed to the csv reader so far.
    consumed: u64,
    /// Set at end of input when a quoted field is still open: the line it
    /// opened on.
    open_at_end: Arc<AtomicU64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    FieldStart,
    Unquoted,
    /// In a quoted field opened on `line`.
    Quoted(u64),
    /// A quote inside a quoted field: the end of the field, or the first
    /// half of a doubled quote.
    QuoteInQuoted(u64),
}

impl<R: Read> QuoteWatch<R> {
    pub(super) fn new(inner: R, delimiter: u8) -> (Self, Arc<AtomicU64>) {
        let open_at_end = Arc::new(AtomicU64::new(0));
        let watch = Self {
            inner,
            delimiter,
            state: QuoteState::FieldStart,
            line: 1,
            consumed: 0,
            open_at_end: Arc::clone(&open_at_end),
        };
        (watch, open_at_end)
    }

    fn step(&mut self, b: u8) {
        use QuoteState::*;
        let ends_field = b == self.delimiter || b == b'\n' || b == b'\r';
        self.state = match (self.state, b) {
            (FieldStart, b'"') => Quoted(self.line),
            (FieldStart | Unquoted, _) if ends_field => FieldStart,
            (FieldStart | Unquoted, _) => Unquoted,
            (Quoted(at), b'"') => QuoteInQuoted(at),
            (Quoted(at), _) => Quoted(at),
            (QuoteInQuoted(at), b'"') => Quoted(at),
            (QuoteInQuoted(_), _) if ends_field => FieldStart,
            (QuoteInQuoted(_), _) => Unquoted,
        };
        if b == b'\n' {
            self.line += 1;
        }
    }
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            if let QuoteState::Quoted(at) = self.state {
                self.open_at_end.store(at, Ordering::Relaxed);
            }
        }
        for &b in &buf[..n] {
            self.step(b);
        }
        self.consumed += n as u64;
        Ok(n)
    }
}

/// The layout the writer must reproduce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    Ndjson,
    JsonArray,
    JsonObject,
    Csv(Vec<String>),
}

pub(super) enum Source<R: Read> {
    Ndjson {
        reader: BufReader<R>,
        line: u64,
    },
    JsonArray {
        reader: BufReader<R>,
        line: u64,
        first: bool,
        done: bool,
    },
    JsonObject(Option<(Location, Result<Value>)>),
    Csv {
        reader: csv::Reader<QuoteWatch<R>>,
        headers: Vec<String>,
        record: csv::ByteRecord,
        /// The line of a quoted field left open at the end of the input
        /// (0: none), from the [`QuoteWatch`].
        open_at_end: Arc<AtomicU64>,
    },
}

fn record_invalid(detail: impl Into<String>) -> Error {
    Error::with(ErrorKind::RecordInvalid, detail.into())
}

/// Parse one record that starts on line `line` of the input; the error
/// gives the position in the file, not in the record.
fn parse_json(bytes: &[u8], line: u64) -> Result<Value> {
    serde_json::from_slice(bytes).map_err(|e| {
        let what = json_category(&e);
        if e.line() <= 1 {
            record_invalid(format!("invalid JSON: {what} at column {}", e.column()))
        } else {
            let at = line + e.line() as u64 - 1;
            record_invalid(format!(
                "invalid JSON: {what} at line {at}, column {}",
                e.column()
            ))
        }
    })
}

impl<R: Read> Source<R> {
    pub(super) fn open(input: R, options: &StreamOptions) -> Result<Self> {
        match options.format {
            Format::Ndjson => Ok(Self::Ndjson {
                reader: BufReader::with_capacity(1 << 16, input),
                line: 0,
            }),
            Format::Json => {
                let mut reader = BufReader::with_capacity(1 << 16, input);
                let mut line = 1;
                skip_whitespace(&mut reader, &mut line)?;
                match reader.fill_buf()?.first() {
                    Some(b'[') => {
                        reader.consume(1);
                        Ok(Self::JsonArray {
                            reader,
                            line,
                            first: true,
                            done: false,
                        })
                    }
                    Some(b'{') => {
                        let at = Location { line };
                        let mut bytes = Vec::new();
                        reader.read_to_end(&mut bytes)?;
                        Ok(Self::JsonObject(Some((at, parse_json(&bytes, line)))))
                    }
                    Some(_) => Err(record_invalid(
                        "a JSON input must be an array of records or one record object",
                    )),
                    None => Err(record_invalid("the JSON input is empty")),
                }
            }
            Format::Csv => {
                let (input, open_at_end) = QuoteWatch::new(input, options.delimiter);
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(options.delimiter)
                    .has_headers(true)
                    .flexible(true)
                    .from_reader(input);
                let raw = reader
                    .byte_headers()
                    .map_err(|e| csv_error(&e).context("the CSV header"))?
                    .clone();
                let mut headers = Vec::with_capacity(raw.len());
                for (i, name) in raw.iter().enumerate() {
                    let name = std::str::from_utf8(name).map_err(|_| {
                        record_invalid(format!("the CSV header: column {} is not UTF-8", i + 1))
                    })?;
                    if headers.iter().any(|h| h == name) {
                        return Err(record_invalid(format!(
                            "the CSV header: column {} repeats an earlier column name",
                            i + 1
                        )));
                    }
                    headers.push(name.to_owned());
                }
                if open_at_end.load(Ordering::Relaxed) > 0 {
                    return Err(record_invalid(
                        "the CSV header: a quoted field is never closed",
                    ));
                }
                Ok(Self::Csv {
                    reader,
                    headers,
                    record: csv::ByteRecord::new(),
                    open_at_end,
                })
            }
        }
    }

    pub(super) fn shape(&self) -> Shape {
        match self {
            Self::Ndjson { .. } => Shape::Ndjson,
            Self::JsonArray { .. } => Shape::JsonArray,
            Self::JsonObject(_) => Shape::JsonObject,
            Self::Csv { headers, .. } => Shape::Csv(headers.clone()),
        }
    }

    /// The next record: `Ok(None)` at the end; an `Err` for damage that
    /// ends the run; `Ok(Some((at, Err(_))))` for one bad record.
    pub(super) fn next(&mut self) -> Result<Option<(Location, Result<Value>)>> {
        match self {
            Self::Ndjson { reader, line } => {
                let mut bytes = Vec::new();
                loop {
                    bytes.clear();
                    if reader.read_until(b'\n', &mut bytes)? == 0 {
                        return Ok(None);
                    }
                    *line += 1;
                    if !bytes.iter().all(u8::is_ascii_whitespace) {
                        return Ok(Some((Location { line: *line }, parse_json(&bytes, *line))));
                    }
                }
            }
            Self::JsonArray {
                reader,
                line,
                first,
                done,
            } => {
                if *done {
                    return Ok(None);
                }
                skip_whitespace(reader, line)?;
                if *first && reader.fill_buf()?.first() == Some(&b']') {
                    reader.consume(1);
                    *done = true;
                    expect_end(reader)?;
                    return Ok(None);
                }
                *first = false;
                let at = Location { line: *line };
                let (bytes, last) = split_element(reader, line)?;
                if last {
                    *done = true;
                    expect_end(reader)?;
                }
                Ok(Some((at, parse_json(&bytes, at.line))))
            }
            Self::JsonObject(record) => Ok(record.take()),
            Self::Csv {
                reader,
                headers,
                record,
                open_at_end,
            } => {
                let more = reader.read_byte_record(record).map_err(|e| csv_error(&e))?;
                if !more {
                    return Ok(None);
                }
                let at = Location {
                    line: record.position().map_or(0, |p| p.line()),
                };
                // A field left open runs to the end of the input, so it is
                // in the last record: the one after which nothing is left.
                let open = open_at_end.load(Ordering::Relaxed);
                if open > 0 && at_end(reader) {
                    return Ok(Some((
                        at,
                        Err(record_invalid(format!(
                            "the quoted field opened on line {open} is never closed"
                        ))),
                    )));
                }
                Ok(Some((at, csv_record(headers, record))))
            }
        }
    }
}

/// Whether the CSV reader has nothing left: its position is past every
/// byte the input gave. (`csv::Reader::is_done` is only set by the read
/// that returns no record.)
fn at_end<R: Read>(reader: &csv::Reader<QuoteWatch<R>>) -> bool {
    reader.position().byte() >= reader.get_ref().consumed
}

/// One CSV row as an object of strings keyed by the header.
fn csv_record(headers: &[String], record: &csv::ByteRecord) -> Result<Value> {
    if record.len() != headers.len() {
        return Err(record_invalid(format!(
            "the row has {} fields, the header {}",
            record.len(),
            headers.len()
        )));
    }
    let mut object = Map::with_capacity(headers.len());
    for (i, (name, field)) in headers.iter().zip(record.iter()).enumerate() {
        let text = std::str::from_utf8(field)
            .map_err(|_| record_invalid(format!("column {} is not UTF-8", i + 1)))?;
        object.insert(name.clone(), Value::String(text.to_owned()));
    }
    Ok(Value::Object(object))
}

/// The csv crate's messages name positions, not content; still, say it in
/// our own words.
fn csv_error(error: &csv::Error) -> Error {
    match error.kind() {
        csv::ErrorKind::Io(e) => Error::with(ErrorKind::Io, e.kind().to_string()),
        _ => {
            let line = error.position().map_or(0, |p| p.line());
            record_invalid(format!("malformed CSV at line {line}"))
        }
    }
}

fn skip_whitespace(reader: &mut impl BufRead, line: &mut u64) -> Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        let n = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        *line += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        let all = n == buf.len();
        reader.consume(n);
        if !all {
            return Ok(());
        }
    }
}

/// After the closing `]`: only whitespace may follow.
fn expect_end(reader: &mut impl BufRead) -> Result<()> {
    let mut ignored = 0;
    skip_whitespace(reader, &mut ignored)?;
    if reader.fill_buf()?.is_empty() {
        Ok(())
    } else {
        Err(record_invalid(
            "unexpected data after the end of the JSON array",
        ))
    }
}

/// The bytes of one array element, up to the `,` or `]` that ends it at
/// depth 0 outside strings; `true` when it was the last (`]`). Only strings,
/// brackets and braces are tracked: whether the element is valid JSON is
/// for the parser to say.
fn split_element(reader: &mut impl BufRead, line: &mut u64) -> Result<(Vec<u8>, bool)> {
    let mut element = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Err(record_invalid(format!(
                "the JSON array is not closed (input ends in the element starting near line {})",
                *line
            )));
        }
        for (i, &b) in buf.iter().enumerate() {
            if b == b'\n' {
                *line += 1;
            }
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth > 0 => depth -= 1,
                b',' | b']' if depth == 0 => {
                    element.extend_from_slice(&buf[..i]);
                    reader.consume(i + 1);
                    return Ok((element, b == b']'));
                }
                _ => {}
            }
        }
        let n = buf.len();
        element.extend_from_slice(buf);
        reader.consume(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(format: Format, input: &str) -> Result<Vec<(u64, std::result::Result<Value, String>)>> {
        let mut source = Source::open(input.as_bytes(), &StreamOptions::new(format))?;
        let mut out = Vec::new();
        while let Some((at, r)) = source.next()? {
            out.push((at.line, r.map_err(|e| e.code().to_owned())));
        }
        Ok(out)
    }

    #[test]
    fn json_arrays_are_split_by_element_with_their_lines() {
        let got = all(
            Format::Json,
            "\n [ {\"a\": \"x,]}\\\"\"},\n  [1, {\"b\": [2]}],\n\"s\" , 3 ]\n",
        )
        .unwrap();
        let values: Vec<_> = got.iter().map(|(l, v)| (*l, v.clone().unwrap())).collect();
        assert_eq!(
            values,
            vec![
                (2, serde_json::json!({"a": "x,]}\""})),
                (3, serde_json::json!([1, {"b": [2]}])),
                (4, serde_json::json!("s")),
                (4, serde_json::json!(3)),
            ]
        );
        assert!(all(Format::Json, "[]").unwrap().is_empty());
        assert!(all(Format::Json, " [ \n ] \n").unwrap().is_empty());
    }

    #[test]
    fn damage_is_per_element_or_fatal() {
        // A bad element is one bad record; the next one is still read.
        let got = all(Format::Json, "[{\"a\": tru}, {\"b\": 1}]").unwrap();
        assert_eq!(got[0].1, Err("RECORD_INVALID".into()));
        assert!(got[1].1.is_ok());
        for fatal in ["[{\"a\": 1}", "[1] x", "\"text\"", "", "[\"unterminated]"] {
            assert!(all(Format::Json, fatal).is_err(), "{fatal:?}");
        }
    }

    #[test]
    fn ndjson_lines_and_csv_rows() {
        let got = all(Format::Ndjson, "{\"a\":1}\n\n  \nnot json\n{\"b\":2}").unwrap();
        assert_eq!(got.len(), 3);
        assert_eq!(
            (got[1].0, got[1].1.clone()),
            (4, Err("RECORD_INVALID".into()))
        );
        assert_eq!(got[2].0, 5);

        let got = all(
            Format::Csv,
            "id,note\n1,\"a, \"\"quoted\"\"\nline\"\n2\n3,x\n",
        )
        .unwrap();
        assert_eq!(
            got[0].1,
            Ok(serde_json::json!({"id": "1", "note": "a, \"quoted\"\nline"}))
        );
        assert_eq!(
            (got[1].0, got[1].1.clone()),
            (4, Err("RECORD_INVALID".into()))
        );
        assert_eq!(got[2].0, 5);
        assert!(all(Format::Csv, "a,a\n1,2\n").is_err());
    }

    #[test]
    fn a_csv_quote_never_closed_is_a_bad_record_not_the_rest_of_the_file() {
        let got = all(Format::Csv, "id,email\n1,\"a@b.co\n2,c@d.co\n").unwrap();
        assert_eq!(got, vec![(2, Err("RECORD_INVALID".into()))]);
        // The rows before it are fine.
        let got = all(Format::Csv, "id,n\n0,x\n1,\"open").unwrap();
        assert_eq!(got[0].1, Ok(serde_json::json!({"id": "0", "n": "x"})));
        assert_eq!(got[1], (3, Err("RECORD_INVALID".into())));
        // Closed quotes, doubled quotes, quotes inside unquoted fields, a
        // closed quote on the last line without a newline: all fine.
        for good in [
            "a,b\n\"x\"\"y\",\"multi\nline\"\n",
            "a,b\nx\"y,z\n",
            "a,b\n1,\"2\"",
            "a,b\n\"\",\"\"\"\"\n",
        ] {
            assert!(
                all(Format::Csv, good)
                    .unwrap()
                    .iter()
                    .all(|(_, r)| r.is_ok()),
                "{good:?}"
            );
        }
        assert!(all(Format::Csv, "\"a,b\n1,2\n").is_err());
    }
}
