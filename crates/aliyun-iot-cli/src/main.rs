//! `aliyun-iot`: the command-line tool of the SDK.
//!
//! - one subcommand per operation of the OTA API, generated from the spec
//!   (`aliyun-iot query-ota-firmware --firmware-id ID`, `aliyun-iot list-ota-firmware --all`):
//!   the reply as JSON in the API's field names (the aliyun CLI's way) or as a table;
//! - `aliyun-iot emulator` runs the local emulator of the OTA API;
//! - `--emulator` sends the call to an in-process emulator, with no account;
//! - `aliyun-iot ota upload|wait|rollout|watch|download` runs the release pipeline's steps.
//!
//! Exit status: 0 success, 1 service or call failure, 2 usage or configuration error,
//! 3 no usable credentials. Secrets are never printed.

mod args;
mod call;
mod error;
/// The subcommands generated from the spec.
mod generated {
    #[rustfmt::skip]
    pub mod commands;
}
mod ota;
mod serve;
mod table;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::LevelFilter;

use crate::args::{Cli, Command};
use crate::error::CliError;

fn main() -> ExitCode {
    // Usage errors exit with 2 here, `--help` and `--version` with 0.
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "error: {error}");
            if let Some(hint) = error.hint() {
                let _ = writeln!(stderr, "hint: {hint}");
            }
            ExitCode::from(error.exit_code())
        }
    }
}

/// Runs the subcommand on a Tokio runtime.
fn run(cli: Cli) -> Result<(), CliError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Other(format!("cannot start the async runtime: {e}")))?;
    match cli.command {
        Command::Operation(command) => {
            init_tracing(LevelFilter::WARN);
            let output = runtime.block_on(call::run(&cli.global, command))?;
            print_stdout(&output)
        }
        Command::Emulator(args) => {
            init_tracing(LevelFilter::INFO);
            runtime.block_on(serve::run(&args))
        }
        Command::Ota(command) => {
            init_tracing(LevelFilter::WARN);
            let output = runtime.block_on(async {
                let (client, _emulator) = call::client(&cli.global).await?;
                ota::run(&client, command, cli.global.output).await
            })?;
            print_stdout(&output)
        }
    }
}

/// Logs go to stderr, filtered by `RUST_LOG`, else at `default` and above. The runtime
/// redacts signatures, tokens and AccessKeyIds from what it logs; secrets are never logged.
fn init_tracing(default: LevelFilter) {
    let filter = EnvFilter::builder()
        .with_default_directive(default.into())
        .from_env_lossy();
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

/// Prints `text` on stdout; a closed pipe (`| head`) is not an error.
fn print_stdout(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Other(format!("cannot write to stdout: {e}"))),
    }
}
