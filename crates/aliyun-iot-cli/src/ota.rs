//! `aliyun-iot ota …`: the release pipeline, one command per step, over the library's
//! workflows (`aliyun_iot::workflow`): `upload`, `wait`, `rollout`, `watch`, `download`.
//!
//! Progress goes to stderr: bars on a terminal, else a plain line per change (per tenth of a
//! file). The result goes to stdout, as JSON with `--output json` (the default) or as a line
//! of text with `--output table`. A download interrupted by Ctrl-C leaves only its temporary
//! `.part` file (the next run resumes from it), never a partial file at the destination.
//!
//! Exit status: 0 done; 1 a step failed (the service's error, a digest mismatch, a failed
//! verification, the `--deadline` passed); 2 a usage error; 3 no usable credentials.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use aliyun_iot::Client;
use aliyun_iot::types::SignMethod;
use aliyun_iot::workflow::{ErrorKind, JobProgress, Polling, Step, WorkflowError};
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use crate::args::Output;
use crate::error::CliError;

/// The steps of the release pipeline.
#[derive(Debug, Subcommand)]
pub enum OtaCommand {
    /// Upload files and create a package from them (one file, or several for a multi-file
    /// package); optionally start its verification and wait for it.
    Upload(UploadArgs),
    /// Wait until a package is verified.
    Wait(WaitArgs),
    /// Create an update job for a package; optionally watch it to its end.
    Rollout(RolloutArgs),
    /// Watch a job until it is completed or canceled.
    Watch(WatchArgs),
    /// Download a package's files and verify their size and digest.
    Download(DownloadArgs),
}

/// How long a waiting step may take.
#[derive(Debug, Args)]
pub struct Deadline {
    /// Give up waiting after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 3600)]
    deadline: u64,
}

impl Deadline {
    fn polling(&self) -> Polling {
        Polling::default().with_deadline(Some(Duration::from_secs(self.deadline)))
    }
}

/// The flags of `ota upload`.
#[derive(Debug, Args)]
pub struct UploadArgs {
    /// The files of the package.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The product the package is for.
    #[arg(long, value_name = "KEY")]
    product_key: String,
    /// The version devices are updated to.
    #[arg(long, value_name = "VERSION")]
    dest_version: String,
    /// The OTA module (default: the product's `default` module).
    #[arg(long, value_name = "MODULE")]
    module: Option<String>,
    /// The package's name (default: the first file's name and the version).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Make a delta package that updates from this version.
    #[arg(long, value_name = "VERSION")]
    delta_from: Option<String>,
    /// The digest the package is signed with.
    #[arg(long, value_enum, default_value_t = Sign::Md5)]
    sign_method: Sign,
    /// The package needs no verification before update jobs.
    #[arg(long, conflicts_with = "verify_on")]
    no_verify: bool,
    /// Start verifying the package on these test devices.
    #[arg(long, value_name = "DEVICE", num_args = 1..)]
    verify_on: Vec<String>,
    /// Wait until the package is verified (with --verify-on).
    #[arg(long, requires = "verify_on")]
    wait: bool,
    #[command(flatten)]
    deadline: Deadline,
}

/// `--sign-method`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Sign {
    /// MD5.
    Md5,
    /// SHA-256.
    Sha256,
}

/// The flags of `ota wait`.
#[derive(Debug, Args)]
pub struct WaitArgs {
    /// The package.
    firmware_id: String,
    #[command(flatten)]
    deadline: Deadline,
}

/// The flags of `ota rollout`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["device", "all", "gray"])))]
pub struct RolloutArgs {
    /// The package.
    firmware_id: String,
    /// Update these devices.
    #[arg(long, value_name = "DEVICE", num_args = 1..)]
    device: Vec<String>,
    /// Update every device of the product.
    #[arg(long)]
    all: bool,
    /// Update this share of the devices, in percent.
    #[arg(long, value_name = "PERCENT")]
    gray: Option<f64>,
    /// The package's product (default: read from the package).
    #[arg(long, value_name = "KEY")]
    product_key: Option<String>,
    /// Notify at most this many devices a minute.
    #[arg(long, value_name = "N")]
    rate: Option<u32>,
    /// Fail a device's task not done within this many minutes.
    #[arg(long, value_name = "MINUTES")]
    timeout_minutes: Option<u32>,
    /// A tag sent to devices with the update, as KEY=VALUE (repeatable).
    #[arg(long, value_name = "KEY=VALUE", value_parser = parse_tag)]
    tag: Vec<(String, String)>,
    /// Watch the job until it ends.
    #[arg(long)]
    watch: bool,
    #[command(flatten)]
    deadline: Deadline,
}

/// The flags of `ota watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The job.
    job_id: String,
    #[command(flatten)]
    deadline: Deadline,
}

/// The flags of `ota download`.
#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// The package.
    firmware_id: String,
    /// Where to put the file (or, for a multi-file package, the directory); default the
    /// current directory.
    #[arg(short = 'o', long, value_name = "PATH")]
    dest: Option<PathBuf>,
}

fn parse_tag(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .filter(|(key, _)| !key.is_empty())
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .ok_or_else(|| format!("{text:?} is not KEY=VALUE"))
}

/// Runs the step; what to print on stdout.
pub async fn run(client: &Client, command: OtaCommand, output: Output) -> Result<String, CliError> {
    let (json, text) = match command {
        OtaCommand::Upload(args) => upload(client, args).await?,
        OtaCommand::Wait(args) => {
            let info = wait(client, &args.firmware_id, &args.deadline).await?;
            let status = info.status.map(|s| s.value());
            (
                json!({"FirmwareId": args.firmware_id, "Status": status}),
                format!("package {} verified", args.firmware_id),
            )
        }
        OtaCommand::Rollout(args) => rollout(client, args).await?,
        OtaCommand::Watch(args) => {
            let done = watch(client.watch_job(&args.job_id), &args.deadline).await?;
            (job_json(&done), done.to_string())
        }
        OtaCommand::Download(args) => download(client, args).await?,
    };
    Ok(match output {
        Output::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        ),
        Output::Table => format!("{text}\n"),
    })
}

async fn upload(
    client: &Client,
    args: UploadArgs,
) -> Result<(serde_json::Value, String), CliError> {
    let mut upload = client
        .upload_package(&args.product_key)
        .files(&args.files)
        .dest_version(&args.dest_version)
        .sign_method(match args.sign_method {
            Sign::Md5 => SignMethod::Md5,
            Sign::Sha256 => SignMethod::Sha256,
        })
        .verify_on(args.verify_on.clone())
        .on_progress(byte_progress(|p: &aliyun_iot::workflow::UploadProgress| {
            (format!("upload {}", p.file_name), p.sent, p.total)
        }));
    if let Some(module) = &args.module {
        upload = upload.module_name(module);
    }
    if let Some(name) = &args.name {
        upload = upload.firmware_name(name);
    }
    if let Some(from) = &args.delta_from {
        upload = upload.delta_from(from);
    }
    if args.no_verify {
        upload = upload.need_to_verify(false);
    }
    let package = upload.send().await.map_err(failed)?;
    let mut text = format!("package {} created", package.firmware_id);
    if let Some(job) = &package.verify_job_id {
        text.push_str(&format!(", verification job {job}"));
    }
    let mut status = None;
    if args.wait {
        let info = wait(client, &package.firmware_id, &args.deadline).await?;
        status = info.status.map(|s| s.value());
        text.push_str(", verified");
    }
    let json = json!({
        "FirmwareId": package.firmware_id,
        "FirmwareName": package.firmware_name,
        "VerifyJobId": package.verify_job_id,
        "Status": status,
        "Files": package.files.iter().map(|f| json!({
            "Name": f.name, "Size": f.size, "Md5": f.md5, "Sign": f.sign,
        })).collect::<Vec<_>>(),
    });
    Ok((json, text))
}

async fn download(
    client: &Client,
    args: DownloadArgs,
) -> Result<(serde_json::Value, String), CliError> {
    let mut download = client
        .download_package(&args.firmware_id)
        .on_progress(byte_progress(
            |p: &aliyun_iot::workflow::DownloadProgress| {
                let label = format!("download {}", p.file_name);
                (label, p.received, p.total.unwrap_or(0))
            },
        ));
    if let Some(path) = &args.dest {
        download = download.to(path);
    }
    let files = download.send().await.map_err(failed)?;
    let json = json!({
        "FirmwareId": args.firmware_id,
        "Files": files.iter().map(|f| json!({
            "Name": f.name,
            "Path": f.path.display().to_string(),
            "Size": f.size,
            "Digests": f.digests.iter().map(|(a, hex)| json!({"Method": a, "Value": hex})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    let text = files
        .iter()
        .map(|f| format!("{} ({} bytes, verified)", f.path.display(), f.size))
        .collect::<Vec<_>>()
        .join("\n");
    Ok((json, text))
}

async fn wait(
    client: &Client,
    firmware_id: &str,
    deadline: &Deadline,
) -> Result<aliyun_iot::query_ota_firmware::FirmwareInfo, CliError> {
    client
        .wait_verified(firmware_id)
        .polling(deadline.polling())
        .on_progress(step_progress({
            let id = firmware_id.to_owned();
            move |p: &aliyun_iot::workflow::VerifyProgress| {
                let percent = u64::try_from(p.percent).unwrap_or(0);
                (format!("package {id}: {p}"), percent, 100)
            }
        }))
        .wait()
        .await
        .map_err(failed)
}

async fn rollout(
    client: &Client,
    args: RolloutArgs,
) -> Result<(serde_json::Value, String), CliError> {
    let mut rollout = client.rollout(&args.firmware_id);
    rollout = if args.all {
        rollout.all()
    } else if let Some(percent) = args.gray {
        rollout.gray(percent)
    } else {
        rollout.devices(args.device.clone())
    };
    if let Some(key) = &args.product_key {
        rollout = rollout.product_key(key);
    }
    if let Some(rate) = args.rate {
        rollout = rollout.rate_per_minute(rate);
    }
    if let Some(minutes) = args.timeout_minutes {
        rollout = rollout.timeout_minutes(minutes);
    }
    for (key, value) in &args.tag {
        rollout = rollout.tag(key, value);
    }
    let started = rollout.start().await.map_err(failed)?;
    eprintln!("job {} created", started.job_id);
    if !args.watch {
        return Ok((
            json!({"JobId": started.job_id}),
            format!("job {}", started.job_id),
        ));
    }
    let done = watch(started.watch(), &args.deadline).await?;
    Ok((job_json(&done), done.to_string()))
}

async fn watch(
    watcher: aliyun_iot::workflow::JobWatcher,
    deadline: &Deadline,
) -> Result<JobProgress, CliError> {
    watcher
        .polling(deadline.polling())
        .on_progress(step_progress(|p: &JobProgress| {
            (p.to_string(), p.tasks.finished(), p.tasks.total())
        }))
        .wait()
        .await
        .map_err(failed)
}

fn job_json(done: &JobProgress) -> serde_json::Value {
    let t = &done.tasks;
    json!({
        "JobId": done.job_id,
        "JobStatus": done.status.as_str(),
        "Tasks": {
            "Total": t.total(), "Succeeded": t.succeeded, "Failed": t.failed,
            "Canceled": t.canceled, "InProgress": t.in_progress, "Notified": t.notified,
            "Queued": t.queued, "Confirm": t.confirm,
        },
    })
}

/// A progress callback.
type Report<T> = Box<dyn Fn(&T) + Send + Sync>;

/// Byte progress (`read` gives a label, the bytes done and the total): a bar on a terminal,
/// else a line on stderr at each tenth of a file.
fn byte_progress<T>(read: impl Fn(&T) -> (String, u64, u64) + Send + Sync + 'static) -> Report<T> {
    if std::io::stderr().is_terminal() {
        let bars = Bars::new("{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}");
        return Box::new(move |progress| {
            let (label, done, total) = read(progress);
            bars.show(label, done, total);
        });
    }
    let shown = AtomicU64::new(u64::MAX);
    Box::new(move |progress| {
        let (label, done, total) = read(progress);
        let tenth = done.saturating_mul(10).checked_div(total).unwrap_or(10);
        if shown.swap(tenth, Ordering::Relaxed) != tenth {
            eprintln!("{label}: {done}/{total} bytes");
        }
    })
}

/// Step progress (`read` gives a line, a position and a length): a bar on a terminal, else
/// the line on stderr whenever it changes.
fn step_progress<T>(read: impl Fn(&T) -> (String, u64, u64) + Send + Sync + 'static) -> Report<T> {
    if std::io::stderr().is_terminal() {
        let bars = Bars::new("[{bar:30}] {pos}/{len} {msg}");
        return Box::new(move |progress| {
            let (line, position, length) = read(progress);
            bars.show(line, position, length);
        });
    }
    let last = Mutex::new(String::new());
    Box::new(move |progress| {
        let (line, _, _) = read(progress);
        let mut last = last.lock().unwrap_or_else(PoisonError::into_inner);
        if *last != line {
            eprintln!("{line}");
            *last = line;
        }
    })
}

/// Progress bars on stderr, one after the other: a full bar is finished (drawn whole) and the
/// next update starts a new one (the next file, a restarted transfer).
struct Bars {
    style: ProgressStyle,
    current: Mutex<Option<ProgressBar>>,
}

impl Bars {
    /// Bars in `template` (the default style if the template is refused).
    fn new(template: &str) -> Self {
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        Self {
            style,
            current: Mutex::new(None),
        }
    }

    fn show(&self, message: String, position: u64, length: u64) {
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        let bar = match current.take() {
            Some(bar) if !bar.is_finished() => bar,
            _ => ProgressBar::new(length).with_style(self.style.clone()),
        };
        bar.set_message(message);
        bar.set_length(length);
        bar.set_position(position);
        if length > 0 && position >= length {
            bar.finish();
        }
        *current = Some(bar);
    }
}

/// A workflow's failure: exit status 2 for what was asked wrongly, 3 for missing credentials
/// (with the usual hint), else 1.
fn failed(error: WorkflowError) -> CliError {
    if error.step() == Step::Prepare {
        return CliError::Config(error.to_string());
    }
    if let ErrorKind::Api(aliyun_runtime::Error::Credentials(_)) = error.kind() {
        return match error.into_kind() {
            ErrorKind::Api(credentials) => CliError::Sdk(credentials),
            other => CliError::Other(other.to_string()),
        };
    }
    CliError::Other(error_chain(&error))
}

/// The error and each of its causes, on one line.
fn error_chain(error: &WorkflowError) -> String {
    let mut text = error.to_string();
    let mut cause = std::error::Error::source(error).and_then(std::error::Error::source);
    while let Some(c) = cause {
        text.push_str(&format!(": {c}"));
        cause = c.source();
    }
    text
}
