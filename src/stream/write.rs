//! Record sinks: write records back in the layout they were read in.

use super::read::Shape;
use super::StreamOptions;
use crate::error::{Error, ErrorKind, Result};
use serde::Serialize;
use serde_json::Value;
use std::io::Write;

pub(super) enum Sink<W: Write> {
    Ndjson(W),
    JsonArray {
        out: W,
        written: u64,
    },
    JsonObject {
        out: W,
        written: bool,
    },
    // Boxed: the CSV writer carries its own buffer, much larger than the rest.
    Csv {
        out: Box<csv::Writer<W>>,
        headers: Vec<String>,
    },
}

fn io_error(e: impl std::fmt::Display) -> Error {
    Error::with(ErrorKind::Io, e.to_string())
}

/// `value` pretty-printed with two-space indentation, every line indented
/// by `indent` more (strings cannot hold a raw newline, so indenting after
/// each `\n` only touches layout).
fn pretty(value: &Value, indent: &[u8]) -> Result<Vec<u8>> {
    let mut raw = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"  ");
    let mut ser = serde_json::Serializer::with_formatter(&mut raw, formatter);
    value.serialize(&mut ser).map_err(io_error)?;
    if indent.is_empty() {
        return Ok(raw);
    }
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 8);
    out.extend_from_slice(indent);
    for &b in &raw {
        out.push(b);
        if b == b'\n' {
            out.extend_from_slice(indent);
        }
    }
    Ok(out)
}

impl<W: Write> Sink<W> {
    pub(super) fn new(out: W, options: &StreamOptions, shape: Shape) -> Result<Self> {
        Ok(match shape {
            Shape::Ndjson => Self::Ndjson(out),
            Shape::JsonArray => Self::JsonArray { out, written: 0 },
            Shape::JsonObject => Self::JsonObject {
                out,
                written: false,
            },
            Shape::Csv(headers) => {
                let mut out = csv::WriterBuilder::new()
                    .delimiter(options.delimiter)
                    .from_writer(out);
                if !headers.is_empty() {
                    out.write_record(&headers).map_err(io_error)?;
                }
                Self::Csv {
                    out: Box::new(out),
                    headers,
                }
            }
        })
    }

    pub(super) fn write(&mut self, record: &Value) -> Result<()> {
        match self {
            Self::Ndjson(out) => {
                serde_json::to_writer(&mut *out, record).map_err(io_error)?;
                out.write_all(b"\n")?;
            }
            Self::JsonArray { out, written } => {
                out.write_all(if *written == 0 { b"[\n" } else { b",\n" })?;
                out.write_all(&pretty(record, b"  ")?)?;
                *written += 1;
            }
            Self::JsonObject { out, written } => {
                out.write_all(&pretty(record, b"")?)?;
                out.write_all(b"\n")?;
                *written = true;
            }
            Self::Csv { out, headers } => {
                let cells = headers.iter().map(|h| match record.get(h) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                });
                out.write_record(cells).map_err(io_error)?;
            }
        }
        Ok(())
    }

    pub(super) fn finish(self) -> Result<()> {
        match self {
            Self::Ndjson(mut out) => out.flush()?,
            Self::JsonArray { mut out, written } => {
                out.write_all(if written == 0 { b"[]\n" } else { b"\n]\n" })?;
                out.flush()?;
            }
            // A single record that was skipped leaves nothing to write.
            Self::JsonObject { mut out, .. } => out.flush()?,
            Self::Csv { mut out, .. } => out.flush()?,
        }
        Ok(())
    }
}
