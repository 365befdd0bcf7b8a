//! `cargo xtask codegen [--check]`: regenerate the generated crates from `spec/`, or check
//! that the checked-in code is fresh.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use xtask::{Mode, generate, workspace_root};

const USAGE: &str = "usage: cargo xtask codegen [--check]\n\n  codegen          regenerate the generated code from spec/\n  codegen --check  fail if the checked-in generated code is stale";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["codegen"] => Mode::Write,
        ["codegen", "--check"] => Mode::Check,
        ["help" | "--help" | "-h"] | [] => {
            let _ = writeln!(std::io::stdout(), "{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "error: unexpected arguments {args:?}\n\n{USAGE}"
            );
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    match generate(&workspace_root(), mode) {
        Ok(report) => {
            let lines: usize = report.files.values().sum();
            let verb = if mode == Mode::Check {
                "checked"
            } else {
                "generated"
            };
            // A closed stdout (`| head`) is not a failure of the generation.
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "{verb} {} files ({lines} lines) in {:.0?}; {} changed",
                report.files.len(),
                started.elapsed(),
                report.changed.len()
            );
            for file in &report.changed {
                let _ = writeln!(out, "  wrote {}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            ExitCode::FAILURE
        }
    }
}
