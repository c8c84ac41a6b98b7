//! Where a keyring's JSON comes from: a file, an environment variable or a
//! Docker/Kubernetes secret (never the command line).
//!
//! This file only reads text and says where it came from; parsing and
//! validating the keyring is [`super::keyring`]. Kept apart so the I/O (and
//! its error messages, which name the source but never its content) is in
//! one place that key providers can join.

use crate::error::{Error, ErrorKind, Result};
use std::path::{Component, Path, PathBuf};
use zeroize::Zeroizing;

/// The directory Docker and Kubernetes mount secrets into.
pub const SECRETS_DIR: &str = "/run/secrets";

/// Where to load a keyring from. Keys never come from the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyringSource {
    /// A JSON file.
    File(PathBuf),
    /// An environment variable holding the JSON.
    Env(String),
    /// A Docker/Kubernetes secret: `/run/secrets/<name>`.
    Secret(String),
}

/// The text of the file at `path`, zeroized on drop.
pub(super) fn read_file(path: &Path) -> Result<Zeroizing<String>> {
    std::fs::read_to_string(path)
        .map(Zeroizing::new)
        .map_err(|e| {
            Error::with(
                ErrorKind::KeyringSource,
                format!("cannot read keyring file {}: {e}", path.display()),
            )
        })
}

/// The value of the environment variable `name`, zeroized on drop.
pub(super) fn read_env(name: &str) -> Result<Zeroizing<String>> {
    std::env::var(name).map(Zeroizing::new).map_err(|e| {
        let why = match e {
            std::env::VarError::NotPresent => "is not set",
            std::env::VarError::NotUnicode(_) => "is not valid UTF-8",
        };
        Error::with(
            ErrorKind::KeyringSource,
            format!("environment variable {name} {why}"),
        )
    })
}

/// `dir/name`, refusing names that would leave `dir` (`../x`, `a/b`, ``).
pub(super) fn secret_path(dir: &Path, name: &str) -> Result<PathBuf> {
    let single = Path::new(name).components().count() == 1
        && matches!(
            Path::new(name).components().next(),
            Some(Component::Normal(_))
        );
    if name.is_empty() || !single || name.contains(['/', '\\']) {
        return Err(Error::with(
            ErrorKind::KeyringSource,
            "a secret name is a single file name such as \"fieldguard-keyring\"",
        ));
    }
    Ok(dir.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_cannot_escape_the_directory() {
        let dir = Path::new("/run/secrets");
        assert_eq!(secret_path(dir, "kr").unwrap(), dir.join("kr"));
        for bad in ["", "..", ".", "../etc/passwd", "a/b", "/etc/passwd", "a\\b"] {
            assert_eq!(
                secret_path(dir, bad).unwrap_err().kind(),
                ErrorKind::KeyringSource,
                "{bad:?}"
            );
        }
    }
}
