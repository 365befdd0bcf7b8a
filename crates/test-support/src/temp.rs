//! Temporary directories, and programs run with one as their home.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A new, empty directory under the system's temporary directory (a `tempfile::TempDir` with
/// a unique name), removed with everything in it when dropped.
#[derive(Debug)]
pub struct TempDir(tempfile::TempDir);

impl TempDir {
    /// Creates the directory.
    pub fn new() -> Self {
        Self(
            tempfile::Builder::new()
                .prefix("aliyun-iot-test-")
                .tempdir()
                .expect("a temporary directory"),
        )
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// The path of `relative` in it.
    pub fn join(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.path().join(relative)
    }

    /// Writes the file `relative`, and the directories above it; returns its path.
    pub fn write(&self, relative: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
        }
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        path
    }

    /// The text of the file `relative`.
    pub fn read(&self, relative: impl AsRef<Path>) -> String {
        let path = self.join(relative);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

impl Default for TempDir {
    fn default() -> Self {
        Self::new()
    }
}

/// The variable that keeps the default credentials chain away from the ECS metadata service
/// (100.100.100.200): [`clean_command`] sets it to `true`.
pub const ECS_METADATA_DISABLED: &str = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";

/// `program` in a clean environment, so that a run reads and writes nothing of the real
/// home directory and never asks the ECS metadata service: `PATH` (this process's), `HOME`
/// (`home`, a [`TempDir`] say) and [`ECS_METADATA_DISABLED`]`=true` only, and no standard input.
/// A test of the metadata provider removes that variable and points
/// `ALIBABA_CLOUD_ECS_METADATA_ENDPOINT` at a loopback server.
pub fn clean_command(program: impl AsRef<OsStr>, home: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env(ECS_METADATA_DISABLED, "true")
        .stdin(Stdio::null());
    command
}
