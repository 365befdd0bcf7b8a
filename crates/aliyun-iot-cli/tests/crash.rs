//! Crash test of the emulator's durable state (`aliyun-iot emulator --state DIR`): mutations
//! in flight, `kill -9`, restart with the same directory: nothing answered with success is
//! lost.
//!
//! The binary runs with a clean environment (`PATH` and a temporary `HOME`) on 127.0.0.1 and
//! a temporary state directory; every process is killed on drop, and every call goes to it.
//!
//! 1. A data file seeds product `a1CrashProd` (300 generated devices `sim-001`…`sim-300`) and
//!    two packages needing no verification (`Status` -1): the devices' versions cycle
//!    between them, so that one of the two always has a candidate device.
//! 2. Concurrent clients (no retries, no pacing; `--qps 0`) create static update jobs for
//!    their own devices, create and update OTA modules, and upload files (GenerateOTAUploadURL,
//!    then an OSS form POST, then CreateOTAFirmware), recording every change answered with
//!    success; the simulated devices journal their progress meanwhile (`--device-step 50ms`).
//! 3. After a while under load the emulator gets SIGKILL, then restarts on the same
//!    directory (with a data file that must now be ignored): every recorded job, module and
//!    package is there, unchanged, each uploaded file downloads byte for byte, and no job
//!    appeared beyond the calls left without an answer.
//! 4. A second emulator on the same directory is refused while the first runs.
//! 5. A damaged journal (a digit flipped in its first line, which only the checksum catches;
//!    garbage in its middle line) is an error naming the file and the line, never a silent
//!    start, and the file is left as it was.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use aliyun_iot::create_ota_static_upgrade_job::TargetSelection;
use aliyun_runtime::{Config, Credentials, Error, Pacing, RetryConfig};
use md5::{Digest, Md5};
use serde_json::json;
use test_support::{TempDir, clean_command};

const BIN: &str = env!("CARGO_BIN_EXE_aliyun-iot");
const PRODUCT: &str = "a1CrashProd";
/// The two packages of the data file: devices go 1.0.0 → 2.0.0 → 3.0.0 → 2.0.0 …
const PACKAGES: [&str; 2] = ["crashPkg0000000000000000001", "crashPkg0000000000000000002"];
/// The package of the data file given at the restart, which must not be served.
const IGNORED_PACKAGE: &str = "ignoredPkg00000000000000001";
const DEVICES: usize = 300;
/// Clients creating jobs, each for its own devices.
const JOB_WORKERS: usize = 8;
/// Custom modules created (a product has at most 10).
const MODULES: usize = 8;
/// Files uploaded at most (an instance holds at most 500 packages).
const MAX_UPLOADS: usize = 60;
/// How long the load runs before the kill (at least).
const LOAD: Duration = Duration::from_millis(1500);
/// How long the load may run at most, waiting for [`MIN_JOBS`] jobs and an upload.
const MAX_LOAD: Duration = Duration::from_secs(10);
/// Jobs acknowledged before the kill, at least.
const MIN_JOBS: usize = 20;
/// How long a process may take to print its banner or to exit.
const PATIENCE: Duration = Duration::from_secs(20);
/// The answer of CreateOTAStaticUpgradeJob when every named device is on the target version.
const NO_DEVICE: &str = "iot.ota.NoDeviceMatched";
const BOUNDARY: &str = "----aliyun-iot-crash-test-3f9c1e7a5b";

// ---------------------------------------------------------------------------------------------
// The emulator process.

/// A temporary directory: the state, data files, logs and `HOME` of the processes.
struct Dirs {
    root: TempDir,
    home: PathBuf,
    state: PathBuf,
    data: PathBuf,
}

impl Dirs {
    fn new() -> Self {
        let root = TempDir::new();
        let home = root.join("home");
        std::fs::create_dir(&home).unwrap();
        Self {
            state: root.join("state"),
            data: root.join("data.json"),
            home,
            root,
        }
    }

    /// The arguments of `aliyun-iot emulator` on this state directory and data file.
    fn emulator_args(&self) -> Vec<OsString> {
        let mut args: Vec<OsString> = ["emulator", "--listen", "127.0.0.1:0", "--state"]
            .iter()
            .map(OsString::from)
            .collect();
        args.push(self.state.clone().into_os_string());
        args.push("--data".into());
        args.push(self.data.clone().into_os_string());
        for arg in ["--seed", "7", "--device-step", "50ms", "--qps", "0"] {
            args.push(arg.into());
        }
        args
    }

    /// The command with `args`, a clean environment, stdout and stderr to files named `name`.
    fn command(&self, args: &[OsString], name: &str) -> (Command, PathBuf, PathBuf) {
        let out = self.root.join(format!("{name}.stdout"));
        let err = self.root.join(format!("{name}.stderr"));
        let mut cmd = clean_command(BIN, &self.home);
        cmd.args(args)
            .stdout(File::create(&out).unwrap())
            .stderr(File::create(&err).unwrap());
        (cmd, out, err)
    }

    /// Runs a process that must exit by itself (within [`PATIENCE`]): its status and stderr.
    fn run_to_exit(&self, args: &[OsString], name: &str) -> (ExitStatus, String) {
        let (mut cmd, out, err) = self.command(args, name);
        let mut child = Reaped(cmd.spawn().unwrap());
        let started = Instant::now();
        loop {
            if let Some(status) = child.0.try_wait().unwrap() {
                return (status, read(&err));
            }
            if started.elapsed() > PATIENCE {
                panic!(
                    "{name} still runs after {PATIENCE:?} (it should have refused to start)\n\
                     stdout:\n{}\nstderr:\n{}",
                    read(&out),
                    read(&err)
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A child process killed (SIGKILL) and reaped on drop.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn read(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned()
}

/// `aliyun-iot emulator` running in the background; killed on drop.
struct Emulator {
    child: Reaped,
    endpoint: String,
    stderr: PathBuf,
}

impl Emulator {
    /// Starts the emulator of `dirs` and waits for the address line of its banner.
    fn start(dirs: &Dirs, name: &str) -> Self {
        let (mut cmd, _, stderr) = dirs.command(&dirs.emulator_args(), name);
        cmd.stdout(Stdio::piped());
        let mut child = Reaped(cmd.spawn().unwrap());
        let stdout = child.0.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        // Reads the banner, then drains stdout until the process ends.
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            if let Some(Ok(line)) = lines.next() {
                let _ = tx.send(line);
            }
            for _ in lines {}
        });
        let line = match rx.recv_timeout(PATIENCE) {
            Ok(line) => line,
            Err(e) => {
                let status = child.0.try_wait();
                panic!(
                    "{name}: no banner ({e}); status {status:?}; stderr:\n{}",
                    read(&stderr)
                )
            }
        };
        let endpoint = line
            .strip_prefix("aliyun-iot emulator listening on ")
            .unwrap_or_else(|| panic!("{name}: unexpected banner line {line:?}"))
            .trim()
            .to_owned();
        assert!(
            endpoint.starts_with("http://127.0.0.1:"),
            "{name}: {endpoint}"
        );
        Self {
            child,
            endpoint,
            stderr,
        }
    }

    /// `kill -9`, and the exit status (which must say SIGKILL).
    fn kill9(mut self) -> String {
        // `Child::kill` sends SIGKILL on Unix.
        self.child.0.kill().unwrap();
        let status = self.child.0.wait().unwrap();
        assert_eq!(status.signal(), Some(9), "not killed by SIGKILL: {status}");
        read(&self.stderr)
    }

    fn is_running(&mut self) -> bool {
        self.child.0.try_wait().unwrap().is_none()
    }
}

/// Fails if an emulator's log shows a panic.
fn assert_no_panic(name: &str, log: &str) {
    assert!(
        !log.contains("panicked"),
        "{name} panicked; its stderr:\n{log}"
    );
}

// ---------------------------------------------------------------------------------------------
// Clients.

fn client(endpoint: &str) -> aliyun_iot::Client {
    let config = Config::builder()
        .endpoint_url(endpoint)
        .unwrap()
        .credentials(Credentials::new("testid", "testsecret"))
        .pacing(Pacing::Off)
        .retry(RetryConfig::disabled())
        .read_timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    aliyun_iot::Client::new(config).unwrap()
}

fn http() -> reqwest::Client {
    aliyun_runtime::client::install_crypto_provider();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// What became of a change asked for.
enum Outcome<T> {
    /// Answered with success: it must survive.
    Acked(T),
    /// Refused by the service with this code: nothing changed.
    Refused(String),
    /// No answer (the process died, or a transport error): it may or may not have happened.
    Unknown(String),
}

fn outcome<T>(result: Result<T, Error>) -> Outcome<T> {
    match result {
        Ok(value) => Outcome::Acked(value),
        Err(e) => match e.as_service() {
            Some(s) => Outcome::Refused(format!("{} (HTTP {}): {}", s.code, s.status, s.message)),
            None => Outcome::Unknown(e.to_string()),
        },
    }
}

/// What the clients share: whether the emulator was killed, and what was acknowledged so far.
#[derive(Default)]
struct Shared {
    killed: AtomicBool,
    jobs: AtomicUsize,
    uploads: AtomicUsize,
    module_changes: AtomicUsize,
}

/// What one client saw.
#[derive(Default)]
struct Log {
    /// Jobs answered with success: (JobId, FirmwareId).
    jobs: Vec<(String, String)>,
    /// Job creations left without an answer, per FirmwareId.
    jobs_unknown: HashMap<String, usize>,
    /// Changes refused as expected.
    refused: usize,
    /// Why changes got no answer (one per change).
    unknown: Vec<String>,
    /// What should not have happened (refusals other than the expected ones, transport
    /// errors before the kill).
    unexpected: Vec<String>,
}

impl Log {
    /// Records `what` that got no answer: expected once the emulator is killed.
    fn no_answer(&mut self, shared: &Shared, what: &str, error: &str) {
        self.unknown.push(format!("{what}: {error}"));
        if !shared.killed.load(Ordering::SeqCst) {
            self.unexpected
                .push(format!("{what}: no answer before the kill: {error}"));
        }
    }
}

/// Creates jobs for the devices `sim-NNN` with NNN ≡ `worker` (mod [`JOB_WORKERS`]), in turn,
/// until the emulator stops answering.
async fn create_jobs(client: aliyun_iot::Client, worker: usize, shared: Arc<Shared>) -> Log {
    let devices: Vec<String> = (1..=DEVICES)
        .filter(|n| n % JOB_WORKERS == worker)
        .map(|n| format!("sim-{n:03}"))
        .collect();
    // The package each device gets next: switched when it already runs that one's version.
    let mut package = vec![0usize; devices.len()];
    let mut log = Log::default();
    for i in 0.. {
        let d = i % devices.len();
        let firmware_id = PACKAGES[package[d]];
        let result = client
            .create_ota_static_upgrade_job()
            .firmware_id(firmware_id)
            .product_key(PRODUCT)
            .target_selection(TargetSelection::Specific)
            .target_device_name(devices[d].clone())
            .send()
            .await;
        match outcome(result) {
            Outcome::Acked(reply) => {
                let job_id = reply.data.and_then(|data| data.job_id);
                let job_id = job_id.expect("a created job has a JobId");
                log.jobs.push((job_id, firmware_id.to_owned()));
                shared.jobs.fetch_add(1, Ordering::SeqCst);
            }
            Outcome::Refused(code) if code.starts_with(NO_DEVICE) => {
                log.refused += 1;
                package[d] ^= 1;
            }
            Outcome::Refused(code) => {
                log.unexpected
                    .push(format!("CreateOTAStaticUpgradeJob {}: {code}", devices[d]));
            }
            Outcome::Unknown(error) => {
                *log.jobs_unknown.entry(firmware_id.to_owned()).or_default() += 1;
                log.no_answer(&shared, "CreateOTAStaticUpgradeJob", &error);
                break;
            }
        }
    }
    log
}

/// The modules' descriptions as acknowledged, and the change in flight when the emulator died.
#[derive(Default)]
struct Modules {
    /// Per module: the last description answered with success (`None`: not created yet).
    acked: Vec<Option<String>>,
    /// The module and description of the change left without an answer.
    in_flight: Option<(usize, String)>,
    /// Changes (creations and updates) answered with success.
    changes: usize,
    log: Log,
}

fn module_name(i: usize) -> String {
    format!("crash-mod-{i}")
}

/// Creates [`MODULES`] modules, then updates their descriptions in turn until the emulator
/// stops answering.
async fn change_modules(client: aliyun_iot::Client, shared: Arc<Shared>) -> Modules {
    let mut modules = Modules {
        acked: vec![None; MODULES],
        ..Modules::default()
    };
    for n in 0.. {
        let i = n % MODULES;
        let desc = format!("change {n}");
        let (what, result) = if n < MODULES {
            let call = client
                .create_ota_module()
                .product_key(PRODUCT)
                .module_name(module_name(i))
                .alias_name(format!("Crash module {i}"))
                .desc(desc.clone());
            ("CreateOTAModule", call.send().await.map(|_| ()))
        } else {
            let call = client
                .update_ota_module()
                .product_key(PRODUCT)
                .module_name(module_name(i))
                .desc(desc.clone());
            ("UpdateOTAModule", call.send().await.map(|_| ()))
        };
        match outcome(result) {
            Outcome::Acked(()) => {
                modules.acked[i] = Some(desc);
                modules.changes += 1;
                shared.module_changes.fetch_add(1, Ordering::SeqCst);
            }
            Outcome::Refused(code) => {
                modules
                    .log
                    .unexpected
                    .push(format!("{what} {}: {code}", module_name(i)));
                break;
            }
            Outcome::Unknown(error) => {
                modules.in_flight = Some((i, desc));
                modules.log.no_answer(&shared, what, &error);
                break;
            }
        }
    }
    modules
}

/// A package created from an uploaded file, answered with success.
struct Upload {
    firmware_id: String,
    name: String,
    bytes: Vec<u8>,
}

/// `len` pseudo-random bytes (xorshift64*), different for each `seed`.
fn file_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

fn md5_hex(bytes: &[u8]) -> String {
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A `multipart/form-data` body: the text `fields`, then `file` (last, as OSS requires).
fn multipart(fields: &[(&str, &str)], file: &[u8]) -> Vec<u8> {
    let mut body = Vec::with_capacity(file.len() + 2048);
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fw.bin\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Uploads files and creates a package of each, until the emulator stops answering.
async fn upload_packages(client: aliyun_iot::Client, shared: Arc<Shared>) -> (Vec<Upload>, Log) {
    let http = http();
    let mut uploads = Vec::new();
    let mut log = Log::default();
    for n in 0..MAX_UPLOADS {
        let form = match outcome(client.generate_ota_upload_url().send().await) {
            Outcome::Acked(reply) => reply.data.expect("GenerateOTAUploadURL answers Data"),
            Outcome::Refused(code) => {
                log.unexpected.push(format!("GenerateOTAUploadURL: {code}"));
                break;
            }
            Outcome::Unknown(error) => {
                log.no_answer(&shared, "GenerateOTAUploadURL", &error);
                break;
            }
        };
        let len = 1 + (n * 7919 + 1000) % 150_000;
        let bytes = file_bytes(n as u64 + 1, len);
        assert!(
            !bytes
                .windows(BOUNDARY.len())
                .any(|w| w == BOUNDARY.as_bytes()),
            "the file holds the boundary"
        );
        let key = form.key.clone().unwrap();
        let policy = form.policy.clone().unwrap();
        let access_key_id = form.oss_access_key_id.clone().unwrap();
        let signature = form.signature.clone().unwrap();
        let body = multipart(
            &[
                ("key", &key),
                ("policy", &policy),
                ("OSSAccessKeyId", &access_key_id),
                ("Signature", &signature),
                ("success_action_status", "200"),
            ],
            &bytes,
        );
        let sent = http
            .post(form.host.clone().unwrap())
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body)
            .send()
            .await;
        match sent {
            Ok(response) if response.status().as_u16() == 200 => {}
            Ok(response) => {
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                log.unexpected
                    .push(format!("upload of {key}: HTTP {status}: {text}"));
                break;
            }
            Err(e) => {
                log.no_answer(&shared, "upload", &e.to_string());
                break;
            }
        }
        let name = format!("crash-up-{n}");
        let created = client
            .create_ota_firmware()
            .firmware_name(name.clone())
            .dest_version(format!("9.{n}.0"))
            .product_key(PRODUCT)
            .firmware_url(form.firmware_url.clone().unwrap())
            .firmware_size(i64::try_from(bytes.len()).unwrap())
            .firmware_sign(md5_hex(&bytes))
            .need_to_verify(false)
            .send()
            .await;
        match outcome(created) {
            Outcome::Acked(reply) => {
                let firmware_id = reply.data.and_then(|d| d.firmware_id);
                uploads.push(Upload {
                    firmware_id: firmware_id.expect("a created package has a FirmwareId"),
                    name,
                    bytes,
                });
                shared.uploads.fetch_add(1, Ordering::SeqCst);
            }
            Outcome::Refused(code) => {
                log.unexpected
                    .push(format!("CreateOTAFirmware {name}: {code}"));
                break;
            }
            Outcome::Unknown(error) => {
                log.no_answer(&shared, "CreateOTAFirmware", &error);
                break;
            }
        }
    }
    (uploads, log)
}

// ---------------------------------------------------------------------------------------------
// Checks after the restart.

/// Every acknowledged job answers QueryOTAJob with its package; no more jobs exist than were
/// acknowledged plus those left without an answer. Returns how many of those exist.
async fn check_jobs(client: &aliyun_iot::Client, logs: &[Log]) -> usize {
    let mut checks = tokio::task::JoinSet::new();
    for log in logs {
        let client = client.clone();
        let jobs = log.jobs.clone();
        checks.spawn(async move {
            for (job_id, firmware_id) in jobs {
                let reply = client.query_ota_job().job_id(job_id.clone()).send().await;
                let reply = reply.unwrap_or_else(|e| {
                    panic!("job {job_id} (answered with success before the kill) is lost: {e}")
                });
                let info = reply.data.expect("QueryOTAJob answers Data");
                assert_eq!(info.job_id.as_deref(), Some(job_id.as_str()));
                assert_eq!(
                    info.firmware_id.as_deref(),
                    Some(firmware_id.as_str()),
                    "job {job_id}"
                );
                assert_eq!(info.product_key.as_deref(), Some(PRODUCT), "job {job_id}");
            }
        });
    }
    while let Some(done) = checks.join_next().await {
        done.unwrap();
    }
    let mut applied = 0;
    for firmware_id in PACKAGES {
        let acked = logs
            .iter()
            .flat_map(|l| &l.jobs)
            .filter(|(_, f)| f == firmware_id)
            .count();
        let unknown: usize = logs
            .iter()
            .filter_map(|l| l.jobs_unknown.get(firmware_id))
            .sum();
        let reply = client
            .list_ota_job_by_firmware()
            .firmware_id(firmware_id)
            .current_page(1)
            .page_size(1)
            .send()
            .await
            .unwrap();
        let total = usize::try_from(reply.total.unwrap()).unwrap();
        assert!(
            (acked..=acked + unknown).contains(&total),
            "{firmware_id}: {total} jobs after the restart; {acked} were answered with success \
             and {unknown} got no answer"
        );
        applied += total - acked;
    }
    applied
}

/// Every module holds its last acknowledged description (or the one in flight at the kill).
async fn check_modules(client: &aliyun_iot::Client, modules: &Modules) {
    let reply = client
        .list_ota_module_by_product()
        .product_key(PRODUCT)
        .send()
        .await
        .unwrap();
    let found: BTreeMap<String, Option<String>> = reply
        .data
        .into_iter()
        .map(|m| (m.module_name.unwrap_or_default(), m.desc))
        .collect();
    for (i, acked) in modules.acked.iter().enumerate() {
        let name = module_name(i);
        let in_flight = modules
            .in_flight
            .as_ref()
            .filter(|(m, _)| *m == i)
            .map(|(_, d)| d.as_str());
        let Some(acked) = acked else {
            // Never acknowledged: present only if its creation was the call in flight.
            if let Some(desc) = found.get(&name) {
                assert_eq!(desc.as_deref(), in_flight, "module {name}");
            }
            continue;
        };
        let desc = found
            .get(&name)
            .unwrap_or_else(|| panic!("module {name} (created with success) is lost: {found:?}"));
        assert!(
            desc.as_deref() == Some(acked.as_str()) || desc.as_deref() == in_flight,
            "module {name}: description {desc:?}, last answered with success {acked:?}, \
             in flight {in_flight:?}"
        );
    }
}

/// Every acknowledged package has its file's size and MD5, and its URL serves the file.
async fn check_uploads(client: &aliyun_iot::Client, uploads: &[Upload]) {
    let http = http();
    for upload in uploads {
        let id = &upload.firmware_id;
        let reply = client.query_ota_firmware().firmware_id(id).send().await;
        let reply = reply.unwrap_or_else(|e| {
            panic!("package {id} (created with success before the kill) is lost: {e}")
        });
        let info = reply
            .firmware_info
            .expect("QueryOTAFirmware answers FirmwareInfo");
        assert_eq!(
            info.firmware_name.as_deref(),
            Some(upload.name.as_str()),
            "{id}"
        );
        assert_eq!(
            info.firmware_size,
            Some(i64::try_from(upload.bytes.len()).unwrap()),
            "{id}"
        );
        let md5 = md5_hex(&upload.bytes);
        assert_eq!(
            info.firmware_sign.map(|s| s.to_ascii_lowercase()),
            Some(md5),
            "{id}"
        );
        let url = info
            .firmware_url
            .expect("a single-file package has a FirmwareUrl");
        let response = http.get(&url).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "GET {url}");
        let body = response.bytes().await.unwrap();
        assert!(
            body.as_ref() == upload.bytes.as_slice(),
            "{id}: {url} serves {} bytes, not the {} uploaded",
            body.len(),
            upload.bytes.len()
        );
    }
}

// ---------------------------------------------------------------------------------------------

fn write_data_file(path: &Path, product: &str, packages: &[(&str, &str)]) {
    let packages: Vec<_> = packages
        .iter()
        .map(|(id, version)| {
            json!({"FirmwareInfo": {
                "FirmwareId": id, "FirmwareName": format!("fw-{version}"),
                "DestVersion": version, "Status": -1, "ProductKey": product,
                "ModuleName": "default", "Type": 0
            }})
        })
        .collect();
    let data = json!({
        "Products": [{
            "ProductKey": product, "ProductName": "Crash",
            "DeviceCount": DEVICES, "DeviceNamePrefix": "sim-"
        }],
        "Packages": packages,
    });
    std::fs::write(path, serde_json::to_vec_pretty(&data).unwrap()).unwrap();
}

/// The byte ranges of the complete lines of `text` (newline excluded).
fn lines_of(text: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            lines.push(start..i);
            start = i + 1;
        }
    }
    lines
}

/// A damage to a journal: the damaged text, and the number of the line damaged.
type Damage = fn(&[u8]) -> (Vec<u8>, usize);

/// Bit rot that keeps the JSON valid: a digit of the first line's first `"at"` changed, which
/// only its checksum catches.
fn flip_a_digit(text: &[u8]) -> (Vec<u8>, usize) {
    let line = lines_of(text).first().cloned().expect("a complete line");
    let at = text[line.clone()]
        .windows(5)
        .position(|w| w == b"\"at\":")
        .expect("the first line has an \"at\"")
        + line.start
        + 5;
    let mut damaged = text.to_vec();
    damaged[at] = if damaged[at] == b'1' { b'2' } else { b'1' };
    (damaged, 1)
}

/// Garbage inserted in the middle of the middle line of the journal.
fn insert_garbage(text: &[u8]) -> (Vec<u8>, usize) {
    let lines = lines_of(text);
    let n = lines.len() / 2;
    let middle = (lines[n].start + lines[n].end) / 2;
    let mut damaged = text.to_vec();
    damaged.splice(middle..middle, b"}\x00garbage{\"".iter().copied());
    (damaged, n + 1)
}

#[test]
fn acknowledged_changes_survive_kill_9() {
    let started = Instant::now();
    let dirs = Dirs::new();
    write_data_file(
        &dirs.data,
        PRODUCT,
        &[(PACKAGES[0], "2.0.0"), (PACKAGES[1], "3.0.0")],
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap();

    // Load, then kill -9 with calls in flight.
    let emulator = Emulator::start(&dirs, "first");
    let shared = Arc::new(Shared::default());
    let load = client(&emulator.endpoint);
    let jobs: Vec<_> = (0..JOB_WORKERS)
        .map(|w| runtime.spawn(create_jobs(load.clone(), w, Arc::clone(&shared))))
        .collect();
    let modules = runtime.spawn(change_modules(load.clone(), Arc::clone(&shared)));
    let uploads = runtime.spawn(upload_packages(load.clone(), Arc::clone(&shared)));
    let load_started = Instant::now();
    std::thread::sleep(LOAD);
    // On a slow machine, a little longer: enough jobs, a module change and an upload.
    while (shared.jobs.load(Ordering::SeqCst) < MIN_JOBS
        || shared.uploads.load(Ordering::SeqCst) == 0
        || shared.module_changes.load(Ordering::SeqCst) == 0)
        && load_started.elapsed() < MAX_LOAD
    {
        std::thread::sleep(Duration::from_millis(10));
    }
    shared.killed.store(true, Ordering::SeqCst);
    let first_log = emulator.kill9();
    let killed_at = Instant::now();
    let load_time = killed_at - load_started;
    let (job_logs, modules, (uploads, upload_log)) = runtime.block_on(async {
        let mut logs = Vec::new();
        for job in jobs {
            logs.push(job.await.unwrap());
        }
        (logs, modules.await.unwrap(), uploads.await.unwrap())
    });
    assert!(
        killed_at.elapsed() < Duration::from_secs(10),
        "the clients took {:?} to notice the kill",
        killed_at.elapsed()
    );
    assert_no_panic("the first emulator", &first_log);
    let all_logs: Vec<&Log> = job_logs.iter().chain([&modules.log, &upload_log]).collect();
    let unexpected: Vec<&String> = all_logs.iter().flat_map(|l| &l.unexpected).collect();
    assert!(unexpected.is_empty(), "unexpected answers: {unexpected:#?}");
    let acked_jobs: usize = job_logs.iter().map(|l| l.jobs.len()).sum();
    let refused: usize = job_logs.iter().map(|l| l.refused).sum();
    let unanswered: Vec<&String> = all_logs.iter().flat_map(|l| &l.unknown).collect();
    // Sent after the kill: the connection was refused. The others were in flight.
    let after_kill = unanswered
        .iter()
        .filter(|e| e.to_ascii_lowercase().contains("refused"))
        .count();
    assert!(
        acked_jobs >= MIN_JOBS,
        "only {acked_jobs} jobs before the kill"
    );
    assert!(modules.changes > 0, "no module change before the kill");
    assert!(!uploads.is_empty(), "no package uploaded before the kill");

    // Restart on the same directory; the data file, now different, must be ignored.
    write_data_file(&dirs.data, "a1IgnoredProd", &[(IGNORED_PACKAGE, "7.0.0")]);
    let mut emulator = Emulator::start(&dirs, "restarted");
    let check = client(&emulator.endpoint);
    let applied = runtime.block_on(async {
        let applied = check_jobs(&check, &job_logs).await;
        check_modules(&check, &modules).await;
        check_uploads(&check, &uploads).await;
        let ignored = check
            .query_ota_firmware()
            .firmware_id(IGNORED_PACKAGE)
            .send()
            .await;
        let error = ignored.expect_err("the data file of the restart is ignored");
        assert_eq!(error.code(), Some("iot.ota.FirmwareNotFound"), "{error}");
        for firmware_id in PACKAGES {
            check
                .query_ota_firmware()
                .firmware_id(firmware_id)
                .send()
                .await
                .unwrap();
        }
        applied
    });

    // The directory is locked against a second emulator.
    let (status, second_stderr) = dirs.run_to_exit(&dirs.emulator_args(), "second");
    assert!(
        !status.success(),
        "a second emulator started on the same state directory"
    );
    assert!(
        second_stderr.contains(&dirs.state.display().to_string()),
        "the error does not name the directory {}:\n{second_stderr}",
        dirs.state.display()
    );
    assert!(emulator.is_running(), "the first emulator stopped");
    let restarted_log = emulator.kill9();
    assert_no_panic("the restarted emulator", &restarted_log);

    // A damaged journal is an error naming the file and the line, never a silent start.
    // The newest segment of the journal (`journal.<first batch, 20 digits>.jsonl`).
    let mut segments: Vec<PathBuf> = std::fs::read_dir(&dirs.state)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.starts_with("journal.") && name.ends_with(".jsonl")
        })
        .collect();
    segments.sort();
    let journal = segments.pop().expect("a journal segment");
    let intact = std::fs::read(&journal).unwrap();
    let journal_lines = lines_of(&intact).len();
    assert!(journal_lines >= 3, "{journal_lines} journal lines");
    let mut damage_errors = Vec::new();
    for (name, damage) in [
        ("flipped", flip_a_digit as Damage),
        ("garbage", insert_garbage as Damage),
    ] {
        let (damaged, line) = damage(&intact);
        std::fs::write(&journal, &damaged).unwrap();
        let (status, stderr) = dirs.run_to_exit(&dirs.emulator_args(), name);
        assert!(!status.success(), "started on a damaged journal:\n{stderr}");
        let names_it = stderr.contains(&format!("{}: at line {line},", journal.display()))
            || stderr.contains(&format!("{}: at line {line}:", journal.display()));
        assert!(
            names_it,
            "the error does not name {} and line {line}:\n{stderr}",
            journal.display()
        );
        assert_no_panic("the emulator on a damaged journal", &stderr);
        // Refused, and left as it was for a person to look at.
        assert_eq!(std::fs::read(&journal).unwrap(), damaged);
        damage_errors.push(stderr.lines().last().unwrap_or_default().to_owned());
    }

    eprintln!(
        "{:.1?} of load, then kill -9. Answered with success before it: {acked_jobs} jobs, \
         {} module changes, {} packages of uploaded files (all found intact after the \
         restart); {refused} job creations refused (devices already on the version); {} calls \
         without an answer ({} in flight at the kill, {after_kill} sent after it), {applied} of \
         them applied anyway.\nSecond emulator on the same directory: {}\nDamaged journal \
         ({journal_lines} lines): {}\n({:.1?} in all)",
        load_time,
        modules.changes,
        uploads.len(),
        unanswered.len(),
        unanswered.len() - after_kill,
        second_stderr.lines().last().unwrap_or_default(),
        damage_errors.join("\n  "),
        started.elapsed()
    );
}
