//! File handling for the CLI: atomic output, stdin/stdout.

use fieldguard::Error;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

/// An argument error that clap cannot see (for example an existing file).
pub fn usage(message: String) -> Error {
    Error::invalid_argument(message)
}

/// Read one value from stdin, removing a single trailing newline.
pub fn read_stdin_value() -> Result<String, Error> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok(text)
}

pub fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

pub fn open_input(path: Option<&Path>) -> Result<Box<dyn BufRead>, Error> {
    Ok(match path {
        Some(path) => Box::new(BufReader::new(File::open(path).map_err(|e| {
            Error::from(e).context(format!("cannot open {}", path.display()))
        })?)),
        None => Box::new(BufReader::new(std::io::stdin())),
    })
}

/// Run `write` against the output: stdout, or a temporary file beside `path`
/// that replaces `path` only if `write` succeeds, so a failure never leaves
/// a partial or mixed file behind.
pub fn with_output<T>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<T, Error>,
) -> Result<T, Error> {
    match path {
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            let result = write(&mut out)?;
            out.flush()?;
            Ok(result)
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let temp = tempfile::Builder::new()
                .prefix(".fieldguard-")
                .tempfile_in(dir)
                .map_err(|e| {
                    Error::from(e).context(format!("cannot write in {}", dir.display()))
                })?;
            let mut out = BufWriter::new(temp);
            let result = write(&mut out)?;
            let temp = out.into_inner().map_err(|e| Error::from(e.into_error()))?;
            temp.as_file().sync_all()?;
            temp.persist(path).map_err(|e| {
                Error::from(e.error).context(format!("cannot replace {}", path.display()))
            })?;
            Ok(result)
        }
    }
}

/// Write `bytes` to `path` atomically. Files are created readable by the
/// owner only (mode 0600): keyrings and decrypted records are secrets.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    with_output(Some(path), |out| {
        out.write_all(bytes)?;
        Ok(())
    })
}
