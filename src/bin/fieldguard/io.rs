//! File handling for the CLI: atomic output, stdin/stdout.
//!
//! Failing closed is the point here: a closed stdin is not an empty input,
//! a closed or full stdout is not a successful write, and a failure to
//! write the output is reported as one (naming the output), never blamed on
//! the input being read at the time.

use fieldguard::Error;
use std::cell::RefCell;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Mutex;

/// Temporary output files being written, removed by the signal handler.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The prefix of this process's temporary files: `.fieldguard-<pid>-`, so a
/// later run can tell whose they are (see [`remove_stale`]).
fn temp_prefix() -> String {
    format!(".fieldguard-{}-", std::process::id())
}

/// Call first in `main`: on SIGINT, SIGTERM or SIGHUP remove the temporary
/// output files of this run and exit with status 130. Without this a signal
/// ends the process before `Drop` can remove them, leaving hidden files of
/// up to the output's size (and their secrets) beside the destination.
pub fn clean_up_on_signals() {
    // Failing to install the handler leaves only the later-run clean-up;
    // it is not a reason to refuse to run.
    let _ = ctrlc::set_handler(|| {
        if let Ok(paths) = IN_FLIGHT.lock() {
            for path in paths.iter() {
                let _ = std::fs::remove_file(path);
            }
        }
        eprintln!("fieldguard: interrupted; no output was written");
        std::process::exit(130);
    });
}

/// Remove temporary files in `dir` left by earlier runs of this user that
/// died without cleaning up (SIGKILL, a crash, power loss): named
/// `.fieldguard-<pid>-…`, owned by us, and no process `<pid>` is alive.
/// Files of a live process, of other users, or without a pid are left.
fn remove_stale(dir: &Path) {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let me = match std::fs::metadata("/proc/self") {
            Ok(m) => m.uid(),
            Err(_) => return,
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(".fieldguard-")) else {
                continue;
            };
            let Some((pid, _)) = rest.split_once('-') else {
                continue;
            };
            if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let ours = entry.metadata().is_ok_and(|m| m.is_file() && m.uid() == me);
            if ours && !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
}

/// Which standard streams the process started with closed (`<&-`, `>&-`).
///
/// Rust's runtime puts `/dev/null` on a closed fd 0, 1 or 2 before `main`
/// runs, so afterwards `keygen >&-` would write the new key into
/// `/dev/null` and report success, and `encrypt <&-` would encrypt the
/// empty string. An ELF constructor runs before that runtime set-up and
/// records which descriptors were closed; [`with_output`] and the stdin
/// readers then refuse them. (The `/dev/null` the runtime put there also
/// keeps a file opened later from taking fd 1 and receiving stdout.)
#[cfg(target_os = "linux")]
mod closed_at_start {
    use std::os::fd::BorrowedFd;
    use std::sync::atomic::{AtomicBool, Ordering};

    pub static STDIN: AtomicBool = AtomicBool::new(false);
    pub static STDOUT: AtomicBool = AtomicBool::new(false);

    extern "C" fn record() {
        let closed = |fd| {
            // SAFETY: fd 0 and 1 are only borrowed for the duration of a
            // dup (F_DUPFD_CLOEXEC), which fails with EBADF when they are
            // not open; the duplicate is closed again at once.
            unsafe { BorrowedFd::borrow_raw(fd) }
                .try_clone_to_owned()
                .is_err()
        };
        STDIN.store(closed(0), Ordering::Relaxed);
        STDOUT.store(closed(1), Ordering::Relaxed);
    }

    // SAFETY: `record` only makes two dup syscalls and stores two atomics;
    // it needs nothing from the Rust runtime, which is not set up yet.
    #[used]
    #[unsafe(link_section = ".init_array")]
    static RECORD: extern "C" fn() = record;

    pub fn stdin() -> bool {
        STDIN.load(Ordering::Relaxed)
    }
    pub fn stdout() -> bool {
        STDOUT.load(Ordering::Relaxed)
    }
}

/// Elsewhere the runtime's substitution cannot be seen from here.
#[cfg(not(target_os = "linux"))]
mod closed_at_start {
    pub fn stdin() -> bool {
        false
    }
    pub fn stdout() -> bool {
        false
    }
}

/// An `IO` error with this message (which names no content).
fn io_error(message: &str) -> Error {
    Error::from(std::io::Error::other(message.to_owned()))
}

fn stdin_open() -> Result<(), Error> {
    if closed_at_start::stdin() {
        return Err(io_error("stdin is closed; nothing to read"));
    }
    Ok(())
}

fn stdout_open() -> Result<(), Error> {
    if closed_at_start::stdout() {
        return Err(io_error("stdout is closed; pass --out FILE or redirect it"));
    }
    Ok(())
}

/// A writer that remembers its first error, so that [`with_output`] can
/// report a failed write as a write failure whatever error the code that
/// was writing returned (a record error wrapping it, or one naming the
/// input).
struct Watched<W> {
    inner: W,
    failed: Rc<RefCell<Option<String>>>,
}

impl<W: Write> Watched<W> {
    fn note<T>(&self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result {
            let mut failed = self.failed.borrow_mut();
            if failed.is_none() {
                // io::Error messages name the OS condition, never content.
                *failed = Some(e.to_string());
            }
        }
        result
    }
}

impl<W: Write> Write for Watched<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.inner.write(buf);
        self.note(r)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
    }
}

/// An argument error that clap cannot see (for example an existing file).
pub fn usage(message: String) -> Error {
    Error::invalid_argument(message)
}

/// Read one value from stdin, removing a single trailing newline.
pub fn read_stdin_value() -> Result<String, Error> {
    stdin_open()?;
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

/// Write `bytes` to stdout; a closed, full or broken stdout is an `IO`
/// error (never a panic, as `println!` would give).
pub fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    with_output(None, |out| Ok(out.write_all(bytes)?))
}

pub fn open_input(path: Option<&Path>) -> Result<Box<dyn BufRead>, Error> {
    Ok(match path {
        Some(path) => Box::new(BufReader::new(File::open(path).map_err(|e| {
            Error::from(e).context(format!("cannot open {}", path.display()))
        })?)),
        None => {
            stdin_open()?;
            Box::new(BufReader::new(std::io::stdin()))
        }
    })
}

/// Run `write` against the output: stdout, or a temporary file beside `path`
/// that replaces `path` only if `write` succeeds, so a failure never leaves
/// a partial or mixed file behind. A failed write (a full disk, a closed
/// pipe) is reported as `IO` naming the output, whatever `write` returned.
pub fn with_output<T>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<T, Error>,
) -> Result<T, Error> {
    with_output_from(None, path, write)
}

/// [`with_output`] for a run that reads `input` (a file name or "stdin"):
/// errors from `write` name the input, except a failed write, which names
/// the output alone.
pub fn with_output_from<T>(
    input: Option<&str>,
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<T, Error>,
) -> Result<T, Error> {
    let write = |out: &mut dyn Write| {
        write(out).map_err(|e| match input {
            Some(name) => e.context(name),
            None => e,
        })
    };
    let failed = Rc::new(RefCell::new(None));
    match path {
        None => {
            stdout_open()?;
            let mut out = Watched {
                inner: BufWriter::new(std::io::stdout().lock()),
                failed: Rc::clone(&failed),
            };
            let result = write(&mut out).and_then(|r| Ok(out.flush().map(|()| r)?));
            match write_failure(&"stdout", &failed) {
                Some(e) => Err(e),
                None => result,
            }
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            remove_stale(dir);
            let temp = tempfile::Builder::new()
                .prefix(&temp_prefix())
                .tempfile_in(dir)
                .map_err(|e| {
                    Error::from(e).context(format!("cannot write in {}", dir.display()))
                })?;
            let temp_path = temp.path().to_path_buf();
            if let Ok(mut paths) = IN_FLIGHT.lock() {
                paths.push(temp_path.clone());
            }
            let result = finish_file(path, temp, write, &failed);
            if let Ok(mut paths) = IN_FLIGHT.lock() {
                paths.retain(|p| p != &temp_path);
            }
            result
        }
    }
}

/// Write the temporary file and move it over `path` on success.
fn finish_file<T>(
    path: &Path,
    temp: tempfile::NamedTempFile,
    write: impl FnOnce(&mut dyn Write) -> Result<T, Error>,
    failed: &Rc<RefCell<Option<String>>>,
) -> Result<T, Error> {
    let cannot_write =
        |e: std::io::Error| Error::from(e).context(format!("cannot write {}", path.display()));
    let mut out = Watched {
        inner: BufWriter::new(temp),
        failed: Rc::clone(failed),
    };
    let result = write(&mut out);
    if let Some(e) = write_failure(&path.display(), failed) {
        return Err(e);
    }
    let result = result?;
    let temp = out
        .inner
        .into_inner()
        .map_err(|e| cannot_write(e.into_error()))?;
    temp.as_file().sync_all().map_err(cannot_write)?;
    temp.persist(path)
        .map_err(|e| Error::from(e.error).context(format!("cannot replace {}", path.display())))?;
    Ok(result)
}

/// The error for a failed write to `dest`, if one happened.
fn write_failure(
    dest: &dyn std::fmt::Display,
    failed: &Rc<RefCell<Option<String>>>,
) -> Option<Error> {
    failed
        .borrow_mut()
        .take()
        .map(|why| io_error(&format!("cannot write {dest}: {why}")))
}

/// Write `bytes` to `path` atomically. Files are created readable by the
/// owner only (mode 0600): keyrings and decrypted records are secrets.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    with_output(Some(path), |out| {
        out.write_all(bytes)?;
        Ok(())
    })
}
