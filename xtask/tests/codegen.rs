//! The checked-in generated code matches the spec (so `cargo test` catches stale code), `Check`
//! catches every kind of staleness and changes nothing, `Write` repairs it, and generation is
//! deterministic. All but the first test work on a copy of the workspace in a temp dir.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use test_support::TempDir;
use xtask::{CodegenError, Mode, generate, spec, workspace_root};

/// A generated operation module of the IoT product.
const IOT_OPERATION: &str = "crates/aliyun-iot/src/generated/query_ota_firmware.rs";
/// The IoT product's generated directory.
const IOT_OUTPUT: &str = "crates/aliyun-iot/src/generated";
/// The synthetic product's operation spec and its generated module.
const SYNTHETIC_SPEC: &str = "xtask/tests/synthetic/spec/operations/DescribeWidget.yaml";
const SYNTHETIC_OPERATION: &str = "xtask/tests/synthetic/src/generated/describe_widget.rs";
const SYNTHETIC_MOD: &str = "xtask/tests/synthetic/src/generated/mod.rs";

/// Spec directories outside `spec/` that `generate` also reads.
const TEST_SPECS: &[&str] = &["xtask/tests/synthetic/spec"];

#[test]
fn generated_code_is_fresh() {
    if let Err(e) = generate(&workspace_root(), Mode::Check) {
        panic!("{e}");
    }
}

/// A copy of the workspace's specs, samples and generated code under the system temp dir,
/// removed when dropped.
struct TempRoot(TempDir);

impl TempRoot {
    fn copy_of_workspace() -> Self {
        let root = TempRoot(TempDir::new());
        let workspace = workspace_root();
        let mut spec_dirs: Vec<PathBuf> = std::fs::read_dir(workspace.join("spec"))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.path().join("product.yaml").is_file())
            .map(|e| PathBuf::from("spec").join(e.file_name()))
            .collect();
        assert!(!spec_dirs.is_empty(), "no product under spec/");
        spec_dirs.extend(TEST_SPECS.iter().map(PathBuf::from));
        for dir in &spec_dirs {
            copy_dir(&workspace, root.0.path(), dir);
            // The output directory and every sample file the spec names.
            let product = spec::load_product(&workspace, dir).unwrap_or_else(|e| panic!("{e}"));
            copy_dir(&workspace, root.0.path(), &product.output);
            let samples = product
                .error_samples
                .iter()
                .chain(product.operations.iter().flat_map(|op| &op.samples));
            for sample in samples {
                copy_file(&workspace, root.0.path(), &sample.file);
            }
        }
        root
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.0.join(relative)
    }

    fn read(&self, relative: &str) -> String {
        self.0.read(relative)
    }

    fn write(&self, relative: &str, text: &str) {
        self.0.write(relative, text);
    }

    fn generate(&self, mode: Mode) -> Result<xtask::Report, CodegenError> {
        generate(self.0.path(), mode)
    }

    /// The files `Check` reports as stale (panics if it reports anything else).
    fn stale(&self) -> Vec<PathBuf> {
        match self.generate(Mode::Check) {
            Err(CodegenError::Stale(files)) => files,
            Err(e) => panic!("expected stale files, got: {e}"),
            Ok(_) => panic!("expected stale files, Check passed"),
        }
    }

    fn assert_fresh(&self) {
        if let Err(e) = self.generate(Mode::Check) {
            panic!("expected fresh code: {e}");
        }
    }

    /// Every file under the given directories, with its bytes.
    fn snapshot(&self, dirs: &[&Path]) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        for dir in dirs {
            for entry in std::fs::read_dir(self.0.join(dir)).unwrap() {
                let entry = entry.unwrap();
                out.insert(
                    dir.join(entry.file_name()),
                    std::fs::read(entry.path()).unwrap(),
                );
            }
        }
        out
    }
}

/// Copies `from/relative` to `to/relative` recursively, as new writable files.
fn copy_dir(from: &Path, to: &Path, relative: &Path) {
    for entry in std::fs::read_dir(from.join(relative)).unwrap() {
        let entry = entry.unwrap();
        let path = relative.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(from, to, &path);
        } else {
            copy_file(from, to, &path);
        }
    }
}

fn copy_file(from: &Path, to: &Path, relative: &Path) {
    let target = to.join(relative);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    // Read and write rather than `fs::copy`, so read-only sources give writable copies.
    std::fs::write(&target, std::fs::read(from.join(relative)).unwrap()).unwrap();
}

/// A fresh copy: the workspace's code brought up to date in the copy, so these tests do not
/// depend on the workspace being fresh (`generated_code_is_fresh` checks that).
fn fresh_copy() -> TempRoot {
    let root = TempRoot::copy_of_workspace();
    root.generate(Mode::Write).unwrap_or_else(|e| panic!("{e}"));
    root.assert_fresh();
    root
}

#[test]
fn a_tampered_generated_file_is_stale_until_regenerated() {
    let root = fresh_copy();
    let original = root.read(IOT_OPERATION);
    let tampered = format!("{original}// edited by hand\n");
    root.write(IOT_OPERATION, &tampered);

    assert_eq!(root.stale(), [PathBuf::from(IOT_OPERATION)]);
    let message = root.generate(Mode::Check).unwrap_err().to_string();
    assert!(message.contains(IOT_OPERATION), "{message}");
    assert!(message.contains("run `cargo xtask codegen`"), "{message}");
    assert!(
        !message.contains("mod.rs"),
        "only the tampered file: {message}"
    );
    // Check changes nothing.
    assert_eq!(root.read(IOT_OPERATION), tampered);

    let report = root.generate(Mode::Write).unwrap();
    assert_eq!(report.changed, [PathBuf::from(IOT_OPERATION)]);
    assert_eq!(root.read(IOT_OPERATION), original);
    root.assert_fresh();
}

#[test]
fn a_spec_edit_without_regenerating_is_stale() {
    let root = fresh_copy();
    let spec_text = root.read(SYNTHETIC_SPEC);
    let from = "doc: Owner ID.";
    assert_eq!(
        spec_text.matches(from).count(),
        1,
        "{SYNTHETIC_SPEC} changed"
    );
    root.write(
        SYNTHETIC_SPEC,
        &spec_text.replace(from, "doc: The owner's ID, edited."),
    );

    let e = root.generate(Mode::Check).unwrap_err();
    assert!(
        matches!(&e, CodegenError::Stale(files) if files == &[PathBuf::from(SYNTHETIC_OPERATION)]),
        "{e:?}"
    );
    assert!(e.to_string().contains("cargo xtask codegen"), "{e}");
    assert!(!root.read(SYNTHETIC_OPERATION).contains("edited"));

    let report = root.generate(Mode::Write).unwrap();
    assert_eq!(report.changed, [PathBuf::from(SYNTHETIC_OPERATION)]);
    assert!(
        root.read(SYNTHETIC_OPERATION)
            .contains("/// `Id`: The owner's ID, edited.")
    );
    root.assert_fresh();
}

#[test]
fn a_spec_comment_changes_nothing() {
    let root = fresh_copy();
    let spec_text = root.read(SYNTHETIC_SPEC);
    root.write(SYNTHETIC_SPEC, &format!("# A new comment.\n{spec_text}"));
    root.assert_fresh();
}

#[test]
fn a_hand_written_file_in_the_output_is_refused_never_deleted() {
    let root = fresh_copy();
    let stray = format!("{IOT_OUTPUT}/notes.rs");
    root.write(&stray, "// not generated\n");
    for mode in [Mode::Check, Mode::Write] {
        let message = root.generate(mode).unwrap_err().to_string();
        assert!(
            message.contains(&stray) && message.contains("was not generated"),
            "{message}"
        );
        assert!(root.path(&stray).is_file(), "{mode:?} must not remove it");
    }
}

#[test]
fn a_stray_generated_file_is_stale_and_removed() {
    let root = fresh_copy();
    let stray = format!("{IOT_OUTPUT}/stray.rs");
    root.write(
        &stray,
        "// @generated from spec/iot/operations/Gone.yaml by `cargo xtask codegen`.\n",
    );

    assert_eq!(root.stale(), [PathBuf::from(&stray)]);
    let message = root.generate(Mode::Check).unwrap_err().to_string();
    assert!(message.contains(&stray), "{message}");
    assert!(root.path(&stray).is_file(), "Check must not remove it");

    let report = root.generate(Mode::Write).unwrap();
    assert_eq!(report.changed, [PathBuf::from(&stray)]);
    assert!(!root.path(&stray).exists());
    root.assert_fresh();
}

#[test]
fn a_deleted_generated_file_is_stale_and_rewritten() {
    let root = fresh_copy();
    let original = root.read(SYNTHETIC_MOD);
    std::fs::remove_file(root.path(SYNTHETIC_MOD)).unwrap();

    assert_eq!(root.stale(), [PathBuf::from(SYNTHETIC_MOD)]);
    assert!(!root.path(SYNTHETIC_MOD).exists(), "Check must not write");

    root.generate(Mode::Write).unwrap();
    assert_eq!(root.read(SYNTHETIC_MOD), original);
    root.assert_fresh();
}

#[test]
fn every_stale_file_is_named_in_order() {
    let root = fresh_copy();
    root.write(SYNTHETIC_OPERATION, "");
    root.write(IOT_OPERATION, "");
    let mut expected = vec![
        PathBuf::from(IOT_OPERATION),
        PathBuf::from(SYNTHETIC_OPERATION),
    ];
    expected.sort();
    assert_eq!(root.stale(), expected);
    let message = root.generate(Mode::Check).unwrap_err().to_string();
    assert!(
        message.contains(&format!("  {IOT_OPERATION}\n"))
            && message.contains(&format!("  {SYNTHETIC_OPERATION}\n")),
        "{message}"
    );
}

#[test]
fn a_spec_error_fails_both_modes_and_writes_nothing() {
    let root = fresh_copy();
    let before = root.read(SYNTHETIC_OPERATION);
    let spec_text = root.read(SYNTHETIC_SPEC);
    root.write(
        SYNTHETIC_SPEC,
        &spec_text.replacen("quota_per_second:", "quota_per_sec:", 1),
    );
    for mode in [Mode::Check, Mode::Write] {
        match root.generate(mode) {
            Err(CodegenError::Spec(e)) => {
                assert_eq!(e.file, PathBuf::from(SYNTHETIC_SPEC));
                assert!(e.message.contains("unknown field `quota_per_sec`"), "{e}");
            }
            other => panic!("expected a spec error, got {other:?}"),
        }
    }
    assert_eq!(root.read(SYNTHETIC_OPERATION), before);
}

#[test]
fn generation_is_deterministic() {
    let root = fresh_copy();
    let first = root.generate(Mode::Write).unwrap();
    assert!(first.changed.is_empty(), "{:?}", first.changed);
    let outputs: Vec<PathBuf> = first
        .files
        .keys()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(outputs.len() >= 2, "{outputs:?}");
    let dirs: Vec<&Path> = outputs.iter().map(PathBuf::as_path).collect();
    let before = root.snapshot(&dirs);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        first.files.keys().collect::<Vec<_>>()
    );

    // From scratch again: the same files, byte for byte.
    for dir in &outputs {
        std::fs::remove_dir_all(root.0.join(dir)).unwrap();
    }
    let second = root.generate(Mode::Write).unwrap();
    assert_eq!(
        second.changed.iter().collect::<Vec<_>>(),
        first.files.keys().collect::<Vec<_>>()
    );
    assert_eq!(root.snapshot(&dirs), before);
    assert_eq!(second.files, first.files);

    // And a third run has nothing to do.
    assert!(root.generate(Mode::Write).unwrap().changed.is_empty());
}
