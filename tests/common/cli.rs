//! Running the `fieldguard` binary in the CLI tests.

use assert_cmd::Command;

/// The CLI with no keyring variables inherited from the environment.
pub fn fg() -> Command {
    let mut cmd = Command::cargo_bin("fieldguard").unwrap();
    for var in [
        "FIELDGUARD_KEYRING",
        "FIELDGUARD_KEYRING_FILE",
        "FIELDGUARD_SECRETS_DIR",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// Standard output of a finished command, as UTF-8.
pub fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}
