//! The project's code generator: `cargo xtask codegen` reads the YAML spec and writes the
//! generated crates; `cargo xtask codegen --check` fails when they are stale. One function,
//! [`generate`], serves both and the test that keeps `cargo test` honest.

pub mod emit;
pub mod spec;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use spec::SpecError;

/// Whether [`generate`] writes files or only compares them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Write what changed and remove generated files the spec no longer produces.
    Write,
    /// Change nothing; fail if anything would change.
    Check,
}

/// Why generation failed.
#[derive(Debug)]
pub enum CodegenError {
    /// A spec file is malformed.
    Spec(SpecError),
    /// `--check` found generated files that differ from what the spec produces.
    Stale(Vec<PathBuf>),
    /// A file could not be read or written.
    Io(String),
    /// The generator produced code that does not parse (a generator bug).
    Generator(String),
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::Spec(e) => write!(f, "{e}"),
            CodegenError::Stale(files) => {
                writeln!(
                    f,
                    "generated code is stale; these files differ from what the spec produces:"
                )?;
                for file in files {
                    writeln!(f, "  {}", file.display())?;
                }
                write!(f, "run `cargo xtask codegen` and commit the result")
            }
            CodegenError::Io(m) | CodegenError::Generator(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for CodegenError {}

impl From<SpecError> for CodegenError {
    fn from(e: SpecError) -> Self {
        CodegenError::Spec(e)
    }
}

/// Spec directories outside `spec/`: the synthetic spec that exercises every type kind.
const TEST_SPECS: &[&str] = &["xtask/tests/synthetic/spec"];

/// What one run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Every generated file with its line count, relative to the workspace root.
    pub files: BTreeMap<PathBuf, usize>,
    /// The files written or removed (always empty in [`Mode::Check`]).
    pub changed: Vec<PathBuf>,
}

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Generates every product under `root/spec/` and the test specs, writing or checking.
pub fn generate(root: &Path, mode: Mode) -> Result<Report, CodegenError> {
    let mut dirs = Vec::new();
    let spec_root = root.join("spec");
    let entries = std::fs::read_dir(&spec_root)
        .map_err(|e| CodegenError::Io(format!("cannot list {}: {e}", spec_root.display())))?;
    for entry in entries.filter_map(Result::ok) {
        if entry.path().join("product.yaml").is_file() {
            dirs.push(PathBuf::from("spec").join(entry.file_name()));
        }
    }
    dirs.sort();
    dirs.extend(TEST_SPECS.iter().map(PathBuf::from));

    let mut wanted: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut outputs = Vec::new();
    for dir in &dirs {
        let product = spec::load_product(root, dir)?;
        for (path, text) in emit::files(&product).map_err(CodegenError::Generator)? {
            wanted.insert(path, text);
        }
        outputs.push(product.output.clone());
        outputs.extend(product.cli.clone());
    }

    let mut report = Report::default();
    let mut stale = Vec::new();
    for (path, text) in &wanted {
        report.files.insert(path.clone(), text.lines().count());
        let current = std::fs::read_to_string(root.join(path)).ok();
        if current.as_deref() != Some(text.as_str()) {
            stale.push(path.clone());
        }
    }
    // Files left in an output directory that the spec no longer produces: generated ones are
    // stale; anything else was put there by hand, and is never deleted.
    for output in &outputs {
        if let Ok(entries) = std::fs::read_dir(root.join(output)) {
            for entry in entries.filter_map(Result::ok) {
                let path = output.join(entry.file_name());
                if wanted.contains_key(&path) {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                if !text.starts_with(emit::HEADER_START) {
                    return Err(CodegenError::Io(format!(
                        "{} is in a generated directory but was not generated: move it out (codegen only deletes files it wrote)",
                        path.display()
                    )));
                }
                stale.push(path);
            }
        }
    }
    stale.sort();
    match mode {
        Mode::Check if !stale.is_empty() => Err(CodegenError::Stale(stale)),
        Mode::Check => Ok(report),
        Mode::Write => {
            for path in stale {
                let full = root.join(&path);
                let result = match wanted.get(&path) {
                    Some(text) => full
                        .parent()
                        .map_or(Ok(()), std::fs::create_dir_all)
                        .and_then(|()| std::fs::write(&full, text)),
                    None => std::fs::remove_file(&full),
                };
                result.map_err(|e| {
                    CodegenError::Io(format!("cannot write {}: {e}", full.display()))
                })?;
                report.changed.push(path);
            }
            Ok(report)
        }
    }
}
