//! How the emulator holds up at scale (README, "Performance"): durable mutations per second,
//! firmware upload and download speed, memory and start-up time of a large seed, and the cost
//! of one task page of a 100,000-task job. Each measurement prints Markdown table rows.
//!
//! ```sh
//! # The child-process measurements (transfer, seed, tasks --live) run the CLI's binary,
//! # target/release/aliyun-iot (or $ALIYUN_IOT_BIN): build it first.
//! cargo build --release -p aliyun-iot-cli
//! cargo run --release -p aliyun-iot-emulator --example scale -- throughput [--connections 1,8] [--rounds 10] [--requests 20000] [--client hyper|reqwest]
//! cargo run --release -p aliyun-iot-emulator --example scale -- fsync
//! cargo run --release -p aliyun-iot-emulator --example scale -- mutations [--op module|job|query] [--clients 1,8,32] [--seconds 3] [--devices 10] [--emu-threads 2] [--readers 0]
//! cargo run --release -p aliyun-iot-emulator --example scale -- transfer [--mb 64,256]
//! cargo run --release -p aliyun-iot-emulator --example scale -- seed [--devices 100000] [--packages 10000] [--runs 3]
//! cargo run --release -p aliyun-iot-emulator --example scale -- tasks [--devices 100000] [--calls 15] [--state] [--live 10]
//! cargo run --release -p aliyun-iot-emulator --example scale -- load-data
//! cargo run --release -p aliyun-iot-emulator --example scale -- compaction [--devices 10] [--job] [--writers 8] [--readers 4] [--compactions 2]
//! ```
//!
//! - `throughput`: the ratio of `benches/throughput.rs` (`signed_requests` ÷ `bare_axum`),
//!   measured in alternating rounds so that a machine whose load changes during the run
//!   (other processes) weighs on both sides alike: each round sends `--requests` pre-signed
//!   V1 QueryOTAFirmware GET requests (fresh nonces) over `C` keep-alive connections, each
//!   sending one request after the other, to the in-process emulator (signatures verified,
//!   throttling off), then the same number to a bare axum server answering the emulator's
//!   exact bytes, in the same runtime (the order swapped every round); requests/s of each,
//!   and the median of the per-round ratios. Also requests per CPU-second of the whole
//!   process (client and server), which other processes on the machine disturb less: on a
//!   machine of its own, requests/s would be about the cores times that. The client shares
//!   the cores, so the lighter it is, the more the figures say about the servers:
//!   `--client hyper` (the default) opens hyper's own HTTP/1.1 client connections
//!   (`examples/common/hyper_load.rs`: no pool, no URL parsing, no middleware, each
//!   connection driven in the task sending its requests) and builds every request before
//!   the timer starts; `--client reqwest` sends the URLs with reqwest (one client per
//!   connection), as a typical Rust client would: its own work (URL parsing, layers, pool)
//!   makes a round against the bare server take about 1.8 times the CPU.
//! - `fsync`: the disk's own rate of small appends each followed by `fdatasync`, the ceiling
//!   of one client's durable mutations.
//! - `mutations`: an in-process emulator (its own runtime with one worker thread per core,
//!   as the CLI's, or `--emu-threads`; manual clock, throttling off) and `N` concurrent
//!   client tasks (another 2-thread runtime, the real client, no pacing, no retries), each
//!   sending one cheap mutation after the other for `--seconds`: UpdateOTAModule of a custom
//!   module (`--op module`), CreateOTAStaticUpgradeJob SPECIFIC for one device of a package
//!   seeded with `Status` -1 (`--op job`), or, for comparison, the read QueryOTAFirmware
//!   (`--op query`). Without a state directory, then with one (a fresh temporary directory):
//!   calls/s, latency p50/p99/max, the slowest calls with the change they made (about: in
//!   the order answered), and the latency of every 10,000th change (a journal compaction).
//!   `--readers R` adds R tasks reading (QueryOTAFirmware) during each load; `--clients`
//!   may then include 0 (readers alone).
//! - `transfer`: the CLI emulator in a child process (no state, then `--state`); for each
//!   size, GenerateOTAUploadURL, a POST-policy form upload streamed from a 1 MiB pattern over
//!   a plain TCP socket (no client library: the client costs next to nothing), then
//!   CreateOTAFirmware with the file's MD5 and size (the emulator checks both against what
//!   it stored), QueryOTAFirmware, and the download of its pre-signed URL (checked: size,
//!   `ETag` = MD5, and a `Range` read in the middle compared byte for byte). The child's
//!   VmRSS is sampled every 5 ms during each transfer.
//! - `seed`: a data file of `--devices` generated devices and `--packages` packages; the CLI
//!   emulator started on it without and with `--state` (first start: writes the snapshot;
//!   restart: reads it back): time from spawn to the first HTTP answer, VmRSS and VmHWM 1 s
//!   after that, the snapshot's size. Also, in this process, how long `load_data_file` takes
//!   and where the devices' memory goes (the seeds, the state built from them).
//! - `tasks`: an in-process emulator (manual clock) with `--devices` devices and a package
//!   needing no verification: CreateOTAStaticUpgradeJob ALL, then ListOTATaskByJob pages
//!   through the client (median, min and max of `--calls` calls): the first, a middle and the
//!   last page of 100, with a `TaskStatus` that matches every task, none, or 10,000 of them,
//!   and one `DeviceNames`; and how long one device step (`RunningEmulator::advance`) takes.
//!   `--state` journals it all. `--live SECS` (default 10, 0 skips it) then runs the CLI
//!   emulator with the same seed in a data file, devices stepping every 300 ms (its
//!   default), creates the same job and times first pages for SECS seconds while the devices
//!   work through it, against the same with devices stepping every hour.
//! - `load-data`: how `load_data_file` grows with the number of packages (and devices).
//! - `compaction`: what a journal compaction (every 10,000th change) costs the requests
//!   around it: an in-process emulator with a fresh state directory, `--devices` devices and
//!   (`--job`) a CreateOTAStaticUpgradeJob ALL of them first (a task per device in the
//!   snapshot), then `--writers` clients sending UpdateOTAModule and `--readers` sending
//!   QueryOTAFirmware until `--compactions` compactions are behind: latency p50, p99 and max
//!   of each, and the longest time in which no request at all was answered (a stall) around
//!   each compaction and in the whole run (other processes on the machine cause some too).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // measurement code: a failed assumption is a failure

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use aliyun_iot::query_ota_firmware::{FirmwareInfo, FirmwareStatus, FirmwareType};
use aliyun_iot::types::{TargetSelection, TaskStatus};
use aliyun_iot_emulator::{Emulator, EmulatorConfig, Package, ProductSeed, load_data_file};
use aliyun_runtime::{Config, ConfigBuilder, Credentials, Pacing, RetryConfig, SignatureVersion};

#[path = "common/hyper_load.rs"]
mod hyper_load;
#[path = "common/presigned.rs"]
mod presigned;

use md5::{Digest, Md5};
use serde_json::json;
use tokio::runtime::Runtime;

/// The product of every seed.
const PRODUCT: &str = "a1ScaleProd";
/// The package needing no verification (`Status` -1) that jobs are created for.
const PACKAGE: &str = "scalePkgNoVerify0000000001";
/// The custom module UpdateOTAModule changes.
const MODULE: &str = "bench";
/// The size of the pattern a transferred file repeats.
const BLOCK: usize = 1 << 20;
const MIB: f64 = 1024.0 * 1024.0;

fn main() {
    let args = Args::parse();
    match args.what.as_str() {
        "throughput" => throughput(&args),
        "fsync" => fsync(),
        "mutations" => mutations(&args),
        "transfer" => transfer(&args),
        "seed" => seed(&args),
        "tasks" => tasks(&args),
        "load-data" => load_data(),
        "compaction" => compaction(&args),
        _ => {
            eprintln!(
                "usage: scale throughput | fsync | mutations | transfer | seed | tasks | load-data | compaction [--option value ...] (see the file's documentation)"
            );
            std::process::exit(2);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Arguments, runtimes, clients, statistics

struct Args {
    what: String,
    options: HashMap<String, String>,
}

impl Args {
    fn parse() -> Self {
        let mut raw = std::env::args().skip(1);
        let what = raw.next().unwrap_or_default();
        let mut options = HashMap::new();
        let rest: Vec<String> = raw.collect();
        let mut i = 0;
        while i < rest.len() {
            let name = rest[i]
                .strip_prefix("--")
                .unwrap_or_else(|| panic!("expected --option, found {:?}", rest[i]));
            match rest.get(i + 1).filter(|v| !v.starts_with("--")) {
                Some(value) => {
                    options.insert(name.to_owned(), value.clone());
                    i += 2;
                }
                None => {
                    options.insert(name.to_owned(), String::new());
                    i += 1;
                }
            }
        }
        Self { what, options }
    }

    fn get<T: std::str::FromStr>(&self, name: &str, default: T) -> T {
        match self.options.get(name) {
            Some(text) => text
                .parse()
                .unwrap_or_else(|_| panic!("--{name} {text:?} does not parse")),
            None => default,
        }
    }

    fn text(&self, name: &str, default: &str) -> String {
        self.options
            .get(name)
            .cloned()
            .unwrap_or_else(|| default.to_owned())
    }

    fn list(&self, name: &str, default: &str) -> Vec<usize> {
        self.text(name, default)
            .split(',')
            .map(|n| n.trim().parse().expect("a list of numbers"))
            .collect()
    }

    fn flag(&self, name: &str) -> bool {
        self.options.contains_key(name)
    }
}

/// A multi-thread runtime with `threads` workers.
fn runtime(threads: usize) -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .expect("a Tokio runtime")
}

/// The worker threads the CLI's runtime gets: one per core.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// A client from `builder`: no pacing, no retries (a failure is a failure), long timeouts.
fn client(builder: ConfigBuilder) -> aliyun_iot::Client {
    let config = builder
        .pacing(Pacing::Off)
        .retry(RetryConfig::disabled())
        .read_timeout(Duration::from_secs(600))
        .build()
        .expect("a client configuration");
    aliyun_iot::Client::new(config).expect("a client")
}

/// A client of the emulator at `endpoint` with the default test key pair.
fn client_at(endpoint: &str) -> aliyun_iot::Client {
    client(
        Config::builder()
            .endpoint_url(endpoint)
            .expect("an endpoint")
            .credentials(Credentials::new("testid", "testsecret")),
    )
}

/// Durations, sorted.
struct Stats(Vec<Duration>);

impl Stats {
    fn new(mut samples: Vec<Duration>) -> Self {
        assert!(!samples.is_empty(), "no sample");
        samples.sort_unstable();
        Self(samples)
    }

    fn at(&self, share: f64) -> Duration {
        let last = self.0.len() - 1;
        self.0[((last as f64) * share).round() as usize]
    }

    fn median(&self) -> Duration {
        self.at(0.5)
    }

    fn min(&self) -> Duration {
        self.0[0]
    }

    fn max(&self) -> Duration {
        self.0[self.0.len() - 1]
    }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

/// A field of `/proc/<pid>/status` in KiB (`VmRSS`, `VmHWM`).
fn proc_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Samples a process's VmRSS every 5 ms until dropped; [`RssSampler::peak`] is the highest.
struct RssSampler {
    stop: Arc<AtomicBool>,
    peak: Arc<AtomicU64>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl RssSampler {
    fn start(pid: u32) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let peak = Arc::new(AtomicU64::new(proc_kib(pid, "VmRSS")));
        let thread = {
            let (stop, peak) = (Arc::clone(&stop), Arc::clone(&peak));
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    peak.fetch_max(proc_kib(pid, "VmRSS"), Ordering::Relaxed);
                    std::thread::sleep(Duration::from_millis(5));
                }
            })
        };
        Self {
            stop,
            peak,
            thread: Some(thread),
        }
    }

    /// Stops sampling; the highest VmRSS seen, in KiB.
    fn peak(mut self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.join().expect("the sampler");
        }
        self.peak.load(Ordering::Relaxed)
    }
}

/// A package of product [`PRODUCT`], module `default`, to version `dest`.
fn firmware(id: &str, name: &str, dest: &str, status: FirmwareStatus) -> FirmwareInfo {
    let mut f = FirmwareInfo::default();
    f.firmware_id = Some(id.to_owned());
    f.firmware_name = Some(name.to_owned());
    f.dest_version = Some(dest.to_owned());
    f.src_version = Some(String::new());
    f.r#type = Some(FirmwareType::Full);
    f.status = Some(status);
    f.module_name = Some("default".to_owned());
    f.product_key = Some(PRODUCT.to_owned());
    f.product_name = Some("Scale".to_owned());
    f
}

/// The in-process seed: [`PRODUCT`] with `devices` devices `sim-…` and [`PACKAGE`].
fn config(devices: usize) -> EmulatorConfig {
    EmulatorConfig::ephemeral()
        .with_qps(0)
        .with_manual_clock()
        .with_nonce_capacity(4_000_000)
        .with_products(vec![
            ProductSeed::new(PRODUCT, "Scale").with_generated_devices(devices, "sim-"),
        ])
        .with_packages(vec![Package::new(firmware(
            PACKAGE,
            "scale-no-verify",
            "2.0.0",
            FirmwareStatus::NoVerificationRequired,
        ))])
}

/// The name of generated device `n` (from 1) of `count`.
fn device_name(n: usize, count: usize) -> String {
    let width = count.checked_ilog10().map_or(1, |l| l as usize + 1);
    format!("sim-{n:0width$}")
}

// ---------------------------------------------------------------------------------------------
// The CLI in a child process

/// The CLI's binary: `$ALIYUN_IOT_BIN`, else `aliyun-iot` next to this example's directory.
fn cli_path() -> PathBuf {
    if let Some(path) = std::env::var_os("ALIYUN_IOT_BIN") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("this executable");
    let path = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join("aliyun-iot"))
        .expect("a target directory");
    assert!(
        path.is_file(),
        "{} is missing: cargo build --release -p aliyun-iot-cli (or set ALIYUN_IOT_BIN)",
        path.display()
    );
    path
}

/// A free loopback port (free when asked; the child binds it a moment later).
fn free_port() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
}

/// `aliyun-iot emulator` running in the background; killed (SIGKILL) on drop.
struct Child {
    child: std::process::Child,
    addr: SocketAddr,
    /// From spawn to the first HTTP answer.
    startup: Duration,
}

impl Child {
    /// Starts the CLI emulator with `args` (besides `--listen`), logging warnings only, its
    /// stderr to `log`; returns once it answers HTTP.
    fn start(args: &[String], log: &Path) -> Self {
        let addr = free_port();
        let mut command = Command::new(cli_path());
        command
            .arg("emulator")
            .arg("--listen")
            .arg(addr.to_string())
            .args(args)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(File::create(log).expect("a log file"));
        let started = Instant::now();
        let mut child = command.spawn().expect("the CLI starts");
        loop {
            if let Some(status) = child.try_wait().expect("a status") {
                let log = std::fs::read_to_string(log).unwrap_or_default();
                panic!("the emulator exited ({status}):\n{log}");
            }
            if answers(addr) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(600),
                "no answer after 10 minutes"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        Self {
            child,
            addr,
            startup: started.elapsed(),
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn endpoint(&self) -> String {
        format!("http://{}/", self.addr)
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether an HTTP server at `addr` answers a request (any status).
fn answers(addr: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
        return false;
    };
    let request = format!("GET /oss/ HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    // The listener is bound before the state is built: wait for the answer itself.
    let _ = stream.set_read_timeout(Some(Duration::from_secs(600)));
    let mut first = [0u8; 12];
    matches!(stream.read(&mut first), Ok(n) if n > 0 && first.starts_with(b"HTTP/1.1 "))
}

/// A data file: [`PRODUCT`] with `devices` generated devices, [`PACKAGE`] (`Status` -1),
/// and `packages - 1` more verified single-file packages with every field a seeded package
/// has (a URL of the service's shape, signature, size, dates, description). Its size.
fn write_data(path: &Path, devices: usize, packages: usize, id_of: fn(usize) -> String) -> u64 {
    let mut list = vec![json!({"FirmwareInfo": {
        "FirmwareId": PACKAGE, "FirmwareName": "scale-no-verify", "DestVersion": "2.0.0",
        "SrcVersion": "", "Type": 0, "Status": -1, "ProductKey": PRODUCT,
        "ProductName": "Scale", "ModuleName": "default"
    }})];
    for i in 1..packages {
        let id = id_of(i);
        let digest = hex(&Md5::digest(id.as_bytes()));
        list.push(json!({"FirmwareInfo": {
            "FirmwareId": id,
            "FirmwareName": format!("fw-{i}"),
            "FirmwareDesc": format!("Scale test package {i}: full image, reboot required"),
            "DestVersion": format!("3.{i}.0"),
            "SrcVersion": "",
            "Type": 0,
            "Status": 1,
            "VerifyProgress": 100,
            "SignMethod": "MD5",
            "FirmwareSign": digest,
            "FirmwareSize": 1_048_576 + i,
            "FirmwareUrl": format!(
                "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/{digest}/{id}.bin?Expires=1893456000&OSSAccessKeyId=LTAI4FpYkRxbH2Uc****&Signature=dGVzdHNpZ25hdHVyZQ%3D%3D"
            ),
            "ProductKey": PRODUCT,
            "ProductName": "Scale",
            "ModuleName": "default",
            "UtcCreate": "2024-01-02T03:04:05.000Z",
            "UtcModified": "2024-01-02T03:04:05.000Z"
        }}));
    }
    let mut data = json!({"Packages": list});
    if devices > 0 {
        data["Products"] = json!([{
            "ProductKey": PRODUCT, "ProductName": "Scale",
            "DeviceCount": devices, "DeviceNamePrefix": "sim-"
        }]);
    }
    let bytes = serde_json::to_vec(&data).expect("JSON");
    std::fs::write(path, &bytes).expect("the data file");
    bytes.len() as u64
}

/// The ID of the `i`th extra package of a data file: 26 characters that differ from the
/// first ones on (as the service's random IDs do), ending in `03` like package IDs.
fn package_id(i: usize) -> String {
    let digest = hex(&Md5::digest(format!("package {i}").as_bytes()));
    format!("{}{i:06}03", &digest[..18])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The size of every file under `dir`.
fn dir_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => dir_bytes(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

// ---------------------------------------------------------------------------------------------
// throughput

/// `n` pre-signed V1 GET URLs of QueryOTAFirmware for the seed package, for the server at
/// `endpoint` (whose `Host` is `host`), each with a fresh nonce.
fn presigned_v1(endpoint: &str, host: &str, n: usize) -> Vec<String> {
    presigned::presigned(endpoint, host, SignatureVersion::V1, n as u64)
        .into_iter()
        .map(|request| request.url)
        .collect()
}

/// The CPU time this process (every thread) used so far, in seconds (`utime` + `stime` of
/// `/proc/self/stat`, in ticks of 1/100 s, the usual `CLK_TCK` on Linux).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (ticks(11) + ticks(12)) as f64 / 100.0
}

/// The load generator of `throughput` (`--client`).
enum LoadClient {
    /// hyper's own HTTP/1.1 connections ([`hyper_load`]), opened for each round.
    Hyper,
    /// reqwest, one client (so one pooled keep-alive connection) per connection.
    Reqwest(Vec<reqwest::Client>),
}

impl LoadClient {
    fn new(name: &str, connections: usize) -> Self {
        match name {
            "hyper" => Self::Hyper,
            "reqwest" => Self::Reqwest(
                (0..connections)
                    .map(|_| {
                        reqwest::Client::builder()
                            .pool_max_idle_per_host(1)
                            .build()
                            .expect("an HTTP client")
                    })
                    .collect(),
            ),
            other => panic!("--client {other:?}: hyper or reqwest"),
        }
    }

    /// Sends `n` fresh pre-signed V1 QueryOTAFirmware GET requests (built before the timer
    /// starts) to the server at `addr` over `connections` keep-alive connections, each sending
    /// one request after the other: requests per second, and per CPU-second of this process
    /// (client and servers together). Panics on any answer but 200.
    async fn round(&self, addr: SocketAddr, n: usize, connections: usize) -> (f64, f64) {
        let host = addr.to_string();
        let (cpu, elapsed) = match self {
            Self::Hyper => {
                let requests = presigned::presigned("/", &host, SignatureVersion::V1, n as u64);
                let batches = hyper_load::batches(requests, &host, connections);
                let open = hyper_load::connect(addr, connections).await;
                let cpu = cpu_seconds();
                (cpu, hyper_load::send_all(open, batches).await)
            }
            Self::Reqwest(clients) => {
                let urls = Arc::new(presigned_v1(&format!("http://{host}/"), &host, n));
                let cpu = cpu_seconds();
                let started = Instant::now();
                let workers: Vec<_> = clients
                    .iter()
                    .take(connections)
                    .enumerate()
                    .map(|(worker, http)| {
                        let (http, urls) = (http.clone(), Arc::clone(&urls));
                        tokio::spawn(async move {
                            for url in urls.iter().skip(worker).step_by(connections) {
                                let response = http.get(url).send().await.expect("an answer");
                                let status = response.status();
                                let body = response.bytes().await.expect("a body");
                                assert!(status.is_success(), "{status}: {body:?}");
                                std::hint::black_box(body);
                            }
                        })
                    })
                    .collect();
                for worker in workers {
                    worker.await.expect("a worker");
                }
                (cpu, started.elapsed())
            }
        };
        let cpu = (cpu_seconds() - cpu).max(0.01);
        (n as f64 / elapsed.as_secs_f64(), n as f64 / cpu)
    }
}

fn throughput(args: &Args) {
    let connections = args.list("connections", "1,8");
    let rounds: usize = args.get("rounds", 10);
    let requests: usize = args.get("requests", 20_000);
    let client_name = args.text("client", "hyper");
    let rt = runtime(cores());
    let config = EmulatorConfig::ephemeral()
        .with_qps(0)
        .with_nonce_capacity(4_000_000);
    let emulator = rt
        .block_on(Emulator::start(config))
        .expect("the emulator starts");
    aliyun_runtime::client::install_crypto_provider();
    let client = LoadClient::new(&client_name, connections.iter().copied().max().unwrap_or(1));
    let endpoint = emulator.endpoint();
    let addr = emulator.addr();
    // The emulator's answer, served as is by the bare server.
    let (content_type, body) = rt.block_on(async {
        let url = presigned_v1(&endpoint, &addr.to_string(), 1).remove(0);
        let response = reqwest::get(url).await.expect("an answer");
        assert!(response.status().is_success(), "{}", response.status());
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/json")
            .to_owned();
        (content_type, response.bytes().await.expect("a body"))
    });
    println!(
        "answer: {} bytes of {content_type}; {rounds} rounds of {requests} requests per side; client {client_name}",
        body.len()
    );
    let app = axum::Router::new().fallback(move || {
        let (body, content_type) = (body.clone(), content_type.clone());
        async move { ([(axum::http::header::CONTENT_TYPE, content_type)], body) }
    });
    let bare = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let addr = listener.local_addr().expect("an address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        addr
    });
    println!(
        "| connections | round | bare axum req/s | emulator req/s (verified) | ratio | bare req/CPU-s | emulator req/CPU-s | CPU ratio |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut summary = Vec::new();
    for &c in &connections {
        // Warm-up of both.
        rt.block_on(client.round(bare, 2000, c));
        rt.block_on(client.round(addr, 2000, c));
        let mut columns: [Vec<f64>; 6] = Default::default();
        for round in 0..rounds {
            let (b, e) = if round % 2 == 0 {
                let b = rt.block_on(client.round(bare, requests, c));
                (b, rt.block_on(client.round(addr, requests, c)))
            } else {
                let e = rt.block_on(client.round(addr, requests, c));
                (rt.block_on(client.round(bare, requests, c)), e)
            };
            let row = [b.0, e.0, e.0 / b.0, b.1, e.1, e.1 / b.1];
            println!(
                "| {c} | {round} | {:.0} | {:.0} | {:.2} | {:.0} | {:.0} | {:.2} |",
                row[0], row[1], row[2], row[3], row[4], row[5]
            );
            for (column, value) in columns.iter_mut().zip(row) {
                column.push(value);
            }
        }
        summary.push((c, columns.map(median)));
    }
    println!(
        "| connections | bare axum req/s | emulator req/s | ratio | bare req/CPU-s | emulator req/CPU-s | CPU ratio |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (c, m) in summary {
        println!(
            "| {c} | {:.0} | {:.0} | {:.2} | {:.0} | {:.0} | {:.2} |",
            m[0], m[1], m[2], m[3], m[4], m[5]
        );
    }
    println!("(medians of the rounds; ratios are medians of the per-round ratios)");
    rt.block_on(emulator.shutdown());
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

// ---------------------------------------------------------------------------------------------
// fsync

/// Appends of a 200-byte line, each followed by `fdatasync`, in a temporary directory: per
/// second and the median latency.
fn fsync_rate() -> (f64, Duration) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut file = File::create(dir.path().join("journal.jsonl")).expect("a file");
    let line = [b'x'; 200];
    let count = 500;
    let mut samples = Vec::with_capacity(count);
    let started = Instant::now();
    for _ in 0..count {
        let t = Instant::now();
        file.write_all(&line).expect("a write");
        file.sync_data().expect("a sync");
        samples.push(t.elapsed());
    }
    let rate = count as f64 / started.elapsed().as_secs_f64();
    (rate, Stats::new(samples).median())
}

fn fsync() {
    let (rate, median) = fsync_rate();
    println!(
        "| disk: 200-byte append + fdatasync, one after the other | {rate:.0}/s (median {}) |",
        ms(median)
    );
}

// ---------------------------------------------------------------------------------------------
// mutations

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Module,
    Job,
    /// QueryOTAFirmware of [`PACKAGE`]: a read.
    Query,
}

/// One call of `op`, the `i`th of `worker` of `workers` (a job targets one of `devices` in
/// turn). Panics on failure.
async fn call(
    client: &aliyun_iot::Client,
    op: Op,
    (worker, workers): (usize, usize),
    i: usize,
    devices: usize,
) {
    let result = match op {
        Op::Module => client
            .update_ota_module()
            .product_key(PRODUCT)
            .module_name(MODULE)
            .desc(format!("worker {worker} call {i}"))
            .send()
            .await
            .map(drop),
        Op::Query => client
            .query_ota_firmware()
            .firmware_id(PACKAGE)
            .send()
            .await
            .map(drop),
        Op::Job => client
            .create_ota_static_upgrade_job()
            .firmware_id(PACKAGE)
            .product_key(PRODUCT)
            .target_selection(TargetSelection::Specific)
            .target_device_name(device_name((worker + i * workers) % devices + 1, devices))
            .send()
            .await
            .map(drop),
    };
    result.unwrap_or_else(|e| panic!("call failed: {e}"));
}

/// `workers` tasks sending `op` one after the other for `seconds`: calls/s and latencies.
async fn load(
    client: &aliyun_iot::Client,
    workers: usize,
    seconds: f64,
    op: Op,
    devices: usize,
) -> (f64, Stats, Vec<(Instant, Duration)>) {
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(seconds);
    let handles: Vec<_> = (0..workers)
        .map(|worker| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut samples = Vec::new();
                let mut i = 0usize;
                while Instant::now() < deadline {
                    let t = Instant::now();
                    call(&client, op, (worker, workers), i, devices).await;
                    samples.push((Instant::now(), t.elapsed()));
                    i += 1;
                }
                samples
            })
        })
        .collect();
    let mut samples = Vec::new();
    for handle in handles {
        samples.extend(handle.await.expect("a worker"));
    }
    if samples.is_empty() {
        return (0.0, Stats::new(vec![Duration::ZERO]), samples);
    }
    let rate = samples.len() as f64 / started.elapsed().as_secs_f64();
    samples.sort_unstable();
    let stats = Stats::new(samples.iter().map(|c| c.1).collect());
    (rate, stats, samples)
}

fn mutations(args: &Args) {
    let op = match args.text("op", "module").as_str() {
        "module" => Op::Module,
        "job" => Op::Job,
        "query" => Op::Query,
        other => panic!("--op module or job, not {other:?}"),
    };
    let devices: usize = args.get("devices", 10);
    let seconds: f64 = args.get("seconds", 3.0);
    let clients = args.list("clients", "1,8,32");
    let threads: usize = args.get("emu-threads", cores());
    let readers: usize = args.get("readers", 0);
    let (rate, median) = fsync_rate();
    println!(
        "disk: {rate:.0} appends + fdatasync per second (median {})",
        ms(median)
    );
    let what = match op {
        Op::Module => "UpdateOTAModule",
        Op::Job => "CreateOTAStaticUpgradeJob SPECIFIC, 1 device",
        Op::Query => "QueryOTAFirmware",
    };
    println!(
        "| {what} ({devices} devices, emulator runtime: {threads} worker threads) | clients | calls/s | p50 | p99 | max |"
    );
    println!("|---|---|---|---|---|---|");
    let mut rates: HashMap<(bool, usize), f64> = HashMap::new();
    for durable in [false, true] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let emu_rt = runtime(threads);
        let mut config = config(devices);
        if durable {
            config = config.with_state_dir(dir.path().join("state"));
        }
        let emulator = emu_rt
            .block_on(Emulator::start(config))
            .expect("the emulator starts");
        let client_rt = runtime(2);
        let client = client(emulator.client_config().expect("a client configuration"));
        client_rt
            .block_on(
                client
                    .create_ota_module()
                    .product_key(PRODUCT)
                    .module_name(MODULE)
                    .send(),
            )
            .expect("the module");
        // Warm-up: connections open, caches warm.
        let warm_up = client_rt.block_on(load(&client, 8, 0.5, op, devices)).2;
        // Changes journaled so far: the module, then the warm-up's.
        let mut batches = 1 + warm_up.len();
        let mut slowest = Vec::new();
        for &n in &clients {
            let ((rate, stats, calls), reads) = client_rt.block_on(async {
                tokio::join!(load(&client, n, seconds, op, devices), async {
                    if readers == 0 {
                        return None;
                    }
                    Some(load(&client, readers, seconds, Op::Query, devices).await)
                })
            });
            // In the order they were answered, which is about the journal's.
            slowest.extend(
                calls
                    .iter()
                    .enumerate()
                    .map(|(rank, &(_, latency))| (latency, batches + rank + 1, n)),
            );
            batches += calls.len();
            rates.insert((durable, n), rate);
            println!(
                "| {} | {n} | {rate:.0} | {} | {} | {} |",
                if durable {
                    "state dir (journal + fdatasync)"
                } else {
                    "in memory"
                },
                ms(stats.median()),
                ms(stats.at(0.99)),
                ms(stats.max())
            );
            if let Some((rate, stats, _)) = reads {
                println!(
                    "| … meanwhile {readers} readers (QueryOTAFirmware) | {n} writers | {rate:.0} reads/s | {} | {} | {} |",
                    ms(stats.median()),
                    ms(stats.at(0.99)),
                    ms(stats.max())
                );
            }
        }
        drop(client);
        drop(client_rt);
        emu_rt.block_on(emulator.shutdown());
        if durable {
            // The journal is compacted into a snapshot at every 10,000th change: those calls
            // against the ones around them.
            let mut by_change: Vec<_> = slowest.iter().map(|&(l, batch, _)| (batch, l)).collect();
            by_change.sort_unstable();
            for (i, &(batch, latency)) in by_change.iter().enumerate() {
                if batch % 10_000 == 0 {
                    let around = &by_change[i.saturating_sub(50)..(i + 50).min(by_change.len())];
                    let typical = Stats::new(around.iter().map(|c| c.1).collect()).median();
                    println!(
                        "change #{batch} (a compaction): {} (the 100 calls around it: median {})",
                        ms(latency),
                        ms(typical)
                    );
                }
            }
        }
        slowest.sort_unstable_by(|a, b| b.cmp(a));
        let slowest: Vec<String> = slowest
            .iter()
            .take(5)
            .map(|(latency, batch, n)| format!("{} (change ≈ #{batch}, {n} clients)", ms(*latency)))
            .collect();
        println!("slowest calls: {}", slowest.join(", "));
        if durable {
            let state = dir.path().join("state");
            let snapshot = std::fs::metadata(state.join("snapshot.json")).map_or(0, |m| m.len());
            println!(
                "state dir after the run: snapshot {} KiB, the rest (journal segments) {} KiB",
                snapshot / 1024,
                (dir_bytes(&state) - snapshot) / 1024
            );
        }
    }
    for &n in &clients {
        if let (Some(d), Some(m)) = (rates.get(&(true, n)), rates.get(&(false, n)))
            && *m > 0.0
        {
            println!("{n} clients: durable / in memory = {:.2}", d / m);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// transfer

/// `url` (`http://host:port/path?query`) as the address and the path with its query.
fn split_url(url: &str) -> (SocketAddr, String) {
    let rest = url.strip_prefix("http://").expect("an http URL");
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    (host.parse().expect("host:port"), path.to_owned())
}

/// The file: `blocks` times the pattern.
fn pattern() -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    (0..BLOCK)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// Reads an HTTP/1.1 answer's head from `stream`: status, headers (names lowercase) and the
/// body bytes read past the head.
fn read_head(stream: &mut TcpStream) -> (u16, HashMap<String, String>, Vec<u8>) {
    let mut buf = Vec::with_capacity(8192);
    let mut chunk = [0u8; 8192];
    let end = loop {
        let n = stream.read(&mut chunk).expect("an answer");
        assert!(n > 0, "the connection closed before the answer's head");
        buf.extend_from_slice(&chunk[..n]);
        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
    };
    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers, buf[end + 4..].to_vec())
}

/// Uploads `blocks` × `block` with the form of `credentials` over one connection: the time
/// from connecting to the answer, and the answer's status.
fn upload(
    credentials: &aliyun_iot::generate_ota_upload_url::UploadCredentials,
    block: &[u8],
    blocks: usize,
) -> (Duration, u16) {
    const BOUNDARY: &str = "----scaleBoundary9d7e1c3b5aF00D";
    let (addr, path) = split_url(credentials.host.as_deref().expect("a host"));
    let mut head = String::new();
    for (name, value) in [
        ("key", credentials.key.as_deref()),
        ("policy", credentials.policy.as_deref()),
        ("OSSAccessKeyId", credentials.oss_access_key_id.as_deref()),
        ("Signature", credentials.signature.as_deref()),
        ("success_action_status", Some("200")),
    ] {
        let value = value.expect("a form field");
        head.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    head.push_str(&format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fw.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    ));
    let tail = format!("\r\n--{BOUNDARY}--\r\n");
    let length = head.len() + block.len() * blocks + tail.len();
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).expect("a connection");
    let _ = stream.set_nodelay(true);
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n{head}"
    );
    stream.write_all(request.as_bytes()).expect("the head");
    for _ in 0..blocks {
        stream.write_all(block).expect("the file");
    }
    stream.write_all(tail.as_bytes()).expect("the tail");
    let (status, _, _) = read_head(&mut stream);
    (started.elapsed(), status)
}

/// GETs `url` (with `range`, if any): the time to the last byte, the status, the headers, and
/// the body if `keep` (else only its length counts).
fn download(
    url: &str,
    range: Option<(u64, u64)>,
    keep: bool,
) -> (Duration, u16, HashMap<String, String>, u64, Vec<u8>) {
    let (addr, path) = split_url(url);
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).expect("a connection");
    let range = range.map_or(String::new(), |(a, b)| format!("Range: bytes={a}-{b}\r\n"));
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{range}Connection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("the request");
    let (status, headers, first) = read_head(&mut stream);
    let mut received = first.len() as u64;
    let mut body = if keep { first } else { Vec::new() };
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = stream.read(&mut buf).expect("the body");
        if n == 0 {
            break;
        }
        received += n as u64;
        if keep {
            body.extend_from_slice(&buf[..n]);
        }
    }
    (started.elapsed(), status, headers, received, body)
}

fn transfer(args: &Args) {
    let sizes = args.list("mb", "64,256");
    let block = pattern();
    let client_rt = runtime(2);
    println!(
        "| emulator | file | upload | emulator VmRSS before → peak during upload | download | VmRSS peak during download |"
    );
    println!("|---|---|---|---|---|---|");
    for durable in [false, true] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut cli_args = vec!["--qps".to_owned(), "0".to_owned()];
        if durable {
            cli_args.push("--state".to_owned());
            cli_args.push(dir.path().join("state").display().to_string());
        }
        let child = Child::start(&cli_args, &dir.path().join("emulator.stderr"));
        let client = client_at(&child.endpoint());
        for (index, &mb) in sizes.iter().enumerate() {
            let size = (mb * BLOCK) as u64;
            let mut md5 = Md5::new();
            for _ in 0..mb {
                md5.update(&block);
            }
            let md5 = hex(&md5.finalize());
            let credentials = client_rt
                .block_on(client.generate_ota_upload_url().send())
                .expect("upload credentials")
                .data
                .expect("upload credentials");
            let before = proc_kib(child.pid(), "VmRSS");
            let sampler = RssSampler::start(child.pid());
            let (up, status) = upload(&credentials, &block, mb);
            let up_peak = sampler.peak();
            assert_eq!(status, 200, "the upload's status");
            let created = client_rt
                .block_on(
                    client
                        .create_ota_firmware()
                        .firmware_name(format!("scale-{index}-{mb}mb"))
                        .dest_version(format!("9.{index}.{mb}"))
                        .firmware_url(credentials.firmware_url.clone().expect("a URL"))
                        .firmware_size(size as i64)
                        .firmware_sign(md5.clone())
                        .need_to_verify(false)
                        .send(),
                )
                .expect("the package (size and MD5 checked by the emulator)");
            let id = created.data.and_then(|d| d.firmware_id).expect("an ID");
            let url = client_rt
                .block_on(client.query_ota_firmware().firmware_id(id).send())
                .expect("the package")
                .firmware_info
                .and_then(|f| f.firmware_url)
                .expect("a download URL");
            let sampler = RssSampler::start(child.pid());
            let (down, status, headers, received, _) = download(&url, None, false);
            let down_peak = sampler.peak();
            assert_eq!(status, 200, "the download's status");
            assert_eq!(received, size, "the bytes downloaded");
            assert_eq!(
                headers.get("etag").map(String::as_str),
                Some(format!("\"{}\"", md5.to_ascii_uppercase()).as_str())
            );
            let start = size / 2 + 12_345;
            let (_, status, _, _, part) = download(&url, Some((start, start + 99_999)), true);
            assert_eq!(status, 206, "the range's status");
            let expected: Vec<u8> = (start..start + 100_000)
                .map(|i| block[(i % BLOCK as u64) as usize])
                .collect();
            assert!(part == expected, "the range's bytes");
            println!(
                "| {} | {mb} MiB | {:.0} MiB/s ({}) | {} → {} | {:.0} MiB/s ({}) | {} |",
                if durable { "--state" } else { "no state" },
                mb as f64 / up.as_secs_f64(),
                ms(up),
                mib(before),
                mib(up_peak),
                size as f64 / MIB / down.as_secs_f64(),
                ms(down),
                mib(down_peak)
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// seed

/// A start-up case: its name, start-up times, and (VmRSS, VmHWM) in KiB after each start.
type StartRow = (&'static str, Vec<Duration>, Vec<(u64, u64)>);

fn seed(args: &Args) {
    let devices: usize = args.get("devices", 100_000);
    let packages: usize = args.get("packages", 10_000);
    let runs: usize = args.get("runs", 3);
    if devices > 0 {
        // Where the devices' memory goes, in this process, before anything else is allocated
        // (making or parsing a data file would leave freed pages behind).
        let rt = runtime(cores());
        let pid = std::process::id();
        let rss0 = proc_kib(pid, "VmRSS");
        let seeds =
            vec![ProductSeed::new(PRODUCT, "Scale").with_generated_devices(devices, "sim-")];
        let rss1 = proc_kib(pid, "VmRSS");
        let config = EmulatorConfig::ephemeral()
            .with_manual_clock()
            .with_products(seeds)
            .with_packages(Vec::new());
        let emulator = rt
            .block_on(Emulator::start(config))
            .expect("the emulator starts");
        let rss2 = proc_kib(pid, "VmRSS");
        // The emulator drops its copy of the seeds once the state is built: do the pages come
        // back? Another set of seeds as large shows whether their memory is free for reuse.
        let again = ProductSeed::new(PRODUCT, "Scale").with_generated_devices(devices, "sim-");
        let rss3 = proc_kib(pid, "VmRSS");
        drop(again);
        println!(
            "in this process: {devices} DeviceSeeds (ProductSeed::with_generated_devices) +{}, \
             then the emulator's state built from them +{}; as many DeviceSeeds again once it \
             runs: +{} (the seeds' memory, freed after start, is reused but not given back)",
            mib(rss1 - rss0),
            mib(rss2 - rss1),
            mib(rss3.saturating_sub(rss2))
        );
        rt.block_on(emulator.shutdown());
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data.json");
    let size = write_data(&data, devices, packages, package_id);
    println!(
        "data file: {devices} devices, {packages} packages, {:.1} MiB",
        size as f64 / MIB
    );
    let t = Instant::now();
    let loaded = load_data_file(&data).expect("the data file loads");
    println!(
        "load_data_file in this process: {} ({} packages)",
        ms(t.elapsed()),
        loaded.packages.len()
    );
    drop(loaded);

    let data_args = vec![
        "--data".to_owned(),
        data.display().to_string(),
        "--qps".to_owned(),
        "0".to_owned(),
    ];
    let settle = Duration::from_secs(1);
    let client_rt = runtime(2);
    let mut rows: Vec<StartRow> = vec![
        ("no state", Vec::new(), Vec::new()),
        (
            "--state, first start (writes the snapshot)",
            Vec::new(),
            Vec::new(),
        ),
        (
            "--state, restart (reads the snapshot)",
            Vec::new(),
            Vec::new(),
        ),
    ];
    let mut snapshot = 0;
    let mut list_times = Vec::new();
    for run in 0..runs {
        {
            let child = Child::start(&data_args, &dir.path().join(format!("plain{run}.stderr")));
            std::thread::sleep(settle);
            rows[0].1.push(child.startup);
            rows[0].2.push((
                proc_kib(child.pid(), "VmRSS"),
                proc_kib(child.pid(), "VmHWM"),
            ));
            if run == 0 {
                let client = client_at(&child.endpoint());
                let last = if packages > 1 {
                    package_id(packages - 1)
                } else {
                    PACKAGE.to_owned()
                };
                client_rt
                    .block_on(client.query_ota_firmware().firmware_id(last).send())
                    .expect("the last package is served");
                for _ in 0..7 {
                    let t = Instant::now();
                    let page = client_rt
                        .block_on(
                            client
                                .list_ota_firmware()
                                .current_page(1)
                                .page_size(100)
                                .send(),
                        )
                        .expect("a page of packages");
                    list_times.push(t.elapsed());
                    assert_eq!(page.total, Some(packages as i64));
                }
            }
        }
        let state = dir.path().join(format!("state{run}"));
        let mut state_args = data_args.clone();
        state_args.push("--state".to_owned());
        state_args.push(state.display().to_string());
        for (row, name) in [(1, "first"), (2, "restart")] {
            let child = Child::start(&state_args, &dir.path().join(format!("{name}{run}.stderr")));
            std::thread::sleep(settle);
            rows[row].1.push(child.startup);
            rows[row].2.push((
                proc_kib(child.pid(), "VmRSS"),
                proc_kib(child.pid(), "VmHWM"),
            ));
        }
        snapshot = std::fs::metadata(state.join("snapshot.json")).map_or(0, |m| m.len());
    }
    println!(
        "| {devices} devices + {packages} packages | spawn → first answer (median of {runs}; all) | VmRSS after 1 s | VmHWM (peak) |"
    );
    println!("|---|---|---|---|");
    for (name, times, memory) in &rows {
        let all: Vec<String> = times.iter().map(|d| ms(*d)).collect();
        let rss = memory.iter().map(|m| m.0).max().unwrap_or(0);
        let hwm = memory.iter().map(|m| m.1).max().unwrap_or(0);
        println!(
            "| {name} | {} ({}) | {} | {} |",
            ms(Stats::new(times.clone()).median()),
            all.join(", "),
            mib(rss),
            mib(hwm)
        );
    }
    println!("snapshot.json: {:.1} MiB", snapshot as f64 / MIB);
    let list = Stats::new(list_times);
    println!(
        "ListOTAFirmware page 1 of 100 among {packages} packages, through the client: median {} (min {}, max {})",
        ms(list.median()),
        ms(list.min()),
        ms(list.max())
    );
}

// ---------------------------------------------------------------------------------------------
// tasks

/// Times `calls` calls of `call`: median, min, max; and the page's `Total` and item count.
async fn time_calls<F, Fut>(calls: usize, call: F) -> (Stats, i64, usize)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<
            Output = Result<
                aliyun_iot::list_ota_task_by_job::ListOtaTaskByJobResponse,
                aliyun_runtime::Error,
            >,
        >,
{
    let mut samples = Vec::with_capacity(calls);
    let mut shape = (0, 0);
    for _ in 0..calls {
        let t = Instant::now();
        let page = call().await.unwrap_or_else(|e| panic!("{e}"));
        samples.push(t.elapsed());
        shape = (page.total.unwrap_or(-1), page.data.len());
    }
    (Stats::new(samples), shape.0, shape.1)
}

/// The pages measured: (label, page, TaskStatus, DeviceNames).
fn pages(devices: usize) -> Vec<(String, i64, Option<TaskStatus>, Option<String>)> {
    let last = devices.div_ceil(100) as i64;
    let middle = (last / 2).max(1);
    vec![
        ("first page".to_owned(), 1, None, None),
        (format!("middle page ({middle})"), middle, None, None),
        (format!("last page ({last})"), last, None, None),
        (
            "TaskStatus QUEUED, first page".to_owned(),
            1,
            Some(TaskStatus::Queued),
            None,
        ),
        (
            format!("TaskStatus QUEUED, last page ({last})"),
            last,
            Some(TaskStatus::Queued),
            None,
        ),
        (
            "TaskStatus SUCCEEDED (none yet)".to_owned(),
            1,
            Some(TaskStatus::Succeeded),
            None,
        ),
        (
            "DeviceNames: one device".to_owned(),
            1,
            None,
            Some(device_name(devices / 2 + 1, devices)),
        ),
    ]
}

async fn list_page(
    client: &aliyun_iot::Client,
    job: &str,
    page: i64,
    status: Option<TaskStatus>,
    device: Option<String>,
) -> Result<aliyun_iot::list_ota_task_by_job::ListOtaTaskByJobResponse, aliyun_runtime::Error> {
    let mut call = client
        .list_ota_task_by_job()
        .job_id(job)
        .current_page(page)
        .page_size(100);
    if let Some(status) = status {
        call = call.task_status(status);
    }
    if let Some(device) = device {
        call = call.device_names(device);
    }
    call.send().await
}

fn tasks(args: &Args) {
    let devices: usize = args.get("devices", 100_000);
    let calls: usize = args.get("calls", 15);
    let durable = args.flag("state");
    let live: f64 = args.get("live", 10.0);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let emu_rt = runtime(cores());
    let own_pid = std::process::id();
    let rss_before = proc_kib(own_pid, "VmRSS");
    let mut config = config(devices);
    if durable {
        config = config.with_state_dir(dir.path().join("state"));
    }
    let t = Instant::now();
    let emulator = emu_rt
        .block_on(Emulator::start(config))
        .expect("the emulator starts");
    let started = t.elapsed();
    let rss_seeded = proc_kib(own_pid, "VmRSS");
    let client_rt = runtime(2);
    let client = client(emulator.client_config().expect("a client configuration"));
    let t = Instant::now();
    let job = client_rt
        .block_on(
            client
                .create_ota_static_upgrade_job()
                .firmware_id(PACKAGE)
                .product_key(PRODUCT)
                .target_selection(TargetSelection::All)
                .send(),
        )
        .expect("the job")
        .data
        .and_then(|d| d.job_id)
        .expect("a job ID");
    let created = t.elapsed();
    let rss_job = proc_kib(own_pid, "VmRSS");
    println!(
        "in process{}: start with {devices} devices {}; CreateOTAStaticUpgradeJob ALL ({devices} tasks) {}; this process's VmRSS (client included) {} → {} started with the seed → {} with the job",
        if durable { ", --state" } else { "" },
        ms(started),
        ms(created),
        mib(rss_before),
        mib(rss_seeded),
        mib(rss_job)
    );
    println!(
        "| ListOTATaskByJob, PageSize 100, {devices} tasks, in-process emulator | Total | items | median | min | max |"
    );
    println!("|---|---|---|---|---|---|");
    for (label, page, status, device) in pages(devices) {
        let (stats, total, items) = client_rt.block_on(time_calls(calls, || {
            list_page(&client, &job, page, status.clone(), device.clone())
        }));
        println!(
            "| {label} | {total} | {items} | {} | {} | {} |",
            ms(stats.median()),
            ms(stats.min()),
            ms(stats.max())
        );
    }
    // Device steps: the first notifies MaximumPerMinute (10,000) devices, the next ones move
    // those on until they succeed; the minute's quota is then used up (the clock is manual).
    let mut steps = Vec::new();
    for n in 1..=6 {
        let t = Instant::now();
        emulator
            .advance(Duration::from_millis(300))
            .expect("a device step");
        steps.push(t.elapsed());
        let status = match n {
            1 => TaskStatus::Notified,
            6 => TaskStatus::Succeeded,
            _ => continue,
        };
        let last = i64::try_from(10_000usize.min(devices).div_ceil(100)).unwrap_or(1);
        for page in [1, last] {
            let (stats, total, items) = client_rt.block_on(time_calls(calls, || {
                list_page(&client, &job, page, Some(status.clone()), None)
            }));
            println!(
                "| after {n} device step(s): TaskStatus {}, page {page} | {total} | {items} | {} | {} | {} |",
                status.as_str(),
                ms(stats.median()),
                ms(stats.min()),
                ms(stats.max())
            );
        }
    }
    let all: Vec<String> = steps.iter().map(|d| ms(*d)).collect();
    println!(
        "one device step over the job's {devices} tasks (RunningEmulator::advance, the state's write lock held): {}",
        all.join(", ")
    );
    println!(
        "this process's VmRSS after the steps: {}",
        mib(proc_kib(own_pid, "VmRSS"))
    );
    drop(client);
    emu_rt.block_on(emulator.shutdown());
    if durable {
        println!(
            "state dir: {:.1} MiB",
            dir_bytes(&dir.path().join("state")) as f64 / MIB
        );
    }
    if live > 0.0 {
        live_tasks(devices, live, &client_rt, dir.path());
    }
}

/// The CLI emulator with `devices` devices, one job for all of them, first pages for
/// `seconds` while the devices step every 300 ms, then every hour.
fn live_tasks(devices: usize, seconds: f64, client_rt: &Runtime, dir: &Path) {
    let data = dir.join("tasks.json");
    write_data(&data, devices, 1, package_id);
    println!(
        "| ListOTATaskByJob first page, {devices} tasks, CLI emulator | calls | p50 | p99 | max | tasks SUCCEEDED at the end | child VmRSS at the end |"
    );
    println!("|---|---|---|---|---|---|---|");
    for step in ["300ms", "3600s"] {
        let args = [
            "--data",
            &data.display().to_string(),
            "--qps",
            "0",
            "--device-step",
            step,
        ]
        .map(str::to_owned);
        let child = Child::start(&args, &dir.join(format!("live-{step}.stderr")));
        let client = client_at(&child.endpoint());
        let job = client_rt
            .block_on(
                client
                    .create_ota_static_upgrade_job()
                    .firmware_id(PACKAGE)
                    .product_key(PRODUCT)
                    .target_selection(TargetSelection::All)
                    .send(),
            )
            .expect("the job")
            .data
            .and_then(|d| d.job_id)
            .expect("a job ID");
        let deadline = Instant::now() + Duration::from_secs_f64(seconds);
        let mut samples = Vec::new();
        while Instant::now() < deadline {
            let t = Instant::now();
            client_rt
                .block_on(list_page(&client, &job, 1, None, None))
                .expect("a page");
            samples.push(t.elapsed());
        }
        let succeeded = client_rt
            .block_on(list_page(
                &client,
                &job,
                1,
                Some(TaskStatus::Succeeded),
                None,
            ))
            .expect("a page")
            .total
            .unwrap_or(-1);
        let count = samples.len();
        let stats = Stats::new(samples);
        println!(
            "| devices step every {step} | {count} | {} | {} | {} | {succeeded} | {} |",
            ms(stats.median()),
            ms(stats.at(0.99)),
            ms(stats.max()),
            mib(proc_kib(child.pid(), "VmRSS"))
        );
    }
}

// ---------------------------------------------------------------------------------------------
// load-data

fn load_data() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    println!("| data file | size | load_data_file (median of 3) |");
    println!("|---|---|---|");
    let cases = [
        (0, 2_500),
        (0, 5_000),
        (0, 10_000),
        (0, 20_000),
        (100_000, 1),
        (200_000, 1),
    ];
    let sequential: fn(usize) -> String = |i| format!("pkg-{i:020}03");
    let cases = cases
        .iter()
        .map(|&(d, p)| (d, p, "random IDs", package_id as fn(usize) -> String))
        .chain([
            (0, 5_000, "IDs pkg-0…01 (common prefix)", sequential),
            (0, 10_000, "IDs pkg-0…01 (common prefix)", sequential),
        ]);
    for (devices, packages, ids, id_of) in cases {
        let path = dir.path().join(format!("data-{devices}-{packages}.json"));
        let size = write_data(&path, devices, packages, id_of);
        let samples = (0..3)
            .map(|_| {
                let t = Instant::now();
                let data = load_data_file(&path).expect("the data file loads");
                let elapsed = t.elapsed();
                drop(data);
                elapsed
            })
            .collect();
        println!(
            "| {devices} devices, {packages} packages, {ids} | {:.1} MiB | {} |",
            size as f64 / MIB,
            ms(Stats::new(samples).median())
        );
    }
}

// ---------------------------------------------------------------------------------------------
// compaction

/// Changes after which the emulator compacts its journal.
const COMPACT_AFTER: u64 = 10_000;

fn compaction(args: &Args) {
    let devices: usize = args.get("devices", 10);
    let with_job = args.flag("job");
    let writers: usize = args.get("writers", 8);
    let readers: usize = args.get("readers", 4);
    let compactions: u64 = args.get("compactions", 2);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let emu_rt = runtime(cores());
    let config = config(devices).with_state_dir(dir.path().join("state"));
    let emulator = emu_rt
        .block_on(Emulator::start(config))
        .expect("the emulator starts");
    let client_rt = runtime(2);
    let client = client(emulator.client_config().expect("a client configuration"));
    client_rt.block_on(async {
        client
            .create_ota_module()
            .product_key(PRODUCT)
            .module_name(MODULE)
            .send()
            .await
            .expect("the module");
        if with_job {
            client
                .create_ota_static_upgrade_job()
                .firmware_id(PACKAGE)
                .product_key(PRODUCT)
                .target_selection(TargetSelection::All)
                .send()
                .await
                .expect("the job");
        }
    });
    // Past the last compaction by a few hundred changes (the changes above count too).
    let changes = compactions * COMPACT_AFTER + 500;
    let written = Arc::new(AtomicU64::new(0));
    let spawn = |write: bool, worker: usize| {
        let (client, written) = (client.clone(), Arc::clone(&written));
        client_rt.spawn(async move {
            let mut samples = Vec::new();
            for i in 0.. {
                if written.load(Ordering::Relaxed) >= changes {
                    break;
                }
                let t = Instant::now();
                let op = if write { Op::Module } else { Op::Query };
                call(&client, op, (worker, 1), i, 1).await;
                if write {
                    written.fetch_add(1, Ordering::Relaxed);
                }
                samples.push((Instant::now(), t.elapsed()));
            }
            samples
        })
    };
    let started = Instant::now();
    let writes: Vec<_> = (0..writers).map(|w| spawn(true, w)).collect();
    let reads: Vec<_> = (0..readers).map(|r| spawn(false, r)).collect();
    let collect = |handles: Vec<tokio::task::JoinHandle<Vec<(Instant, Duration)>>>| {
        client_rt.block_on(async {
            let mut all = Vec::new();
            for handle in handles {
                all.extend(handle.await.expect("a client task"));
            }
            all
        })
    };
    let (mut writes, reads) = (collect(writes), collect(reads));
    let elapsed = started.elapsed();
    let mut answered: Vec<Instant> = writes.iter().chain(&reads).map(|s| s.0).collect();
    answered.sort_unstable();
    let longest_gap = |from: Instant, to: Instant| {
        let during = answered.iter().filter(|&&t| t >= from && t <= to);
        let times: Vec<Instant> = during.copied().collect();
        times
            .windows(2)
            .map(|w| w[1] - w[0])
            .max()
            .unwrap_or_default()
    };
    // The change that triggers compaction k is the (k × 10,000)th, counting those made before
    // the load; in the order answered, which is about the journal's. Around it: the 200
    // changes before and after.
    writes.sort_unstable();
    let before_load = 1 + u64::from(with_job);
    let around: Vec<String> = (1..=compactions)
        .map(|k| {
            let rank = (k * COMPACT_AFTER - before_load) as usize;
            let from = writes[rank.saturating_sub(200)].0;
            let to = writes[(rank + 200).min(writes.len() - 1)].0;
            ms(longest_gap(from, to))
        })
        .collect();
    let stall = longest_gap(answered[0], answered[answered.len() - 1]);
    // Where it was: the change answered first after it.
    let stall_end = answered
        .windows(2)
        .find(|w| w[1] - w[0] == stall)
        .map_or(answered[0], |w| w[1]);
    let stall_change = before_load as usize + writes.partition_point(|w| w.0 < stall_end) + 1;
    let what = if with_job {
        format!("{devices} devices, a job of {devices} tasks")
    } else {
        format!("{devices} devices")
    };
    println!(
        "| {what}: {} changes in {} ({compactions} compactions) | requests | p50 | p99 | max |",
        writes.len(),
        ms(elapsed)
    );
    println!("|---|---|---|---|---|");
    for (label, samples) in [
        (format!("UpdateOTAModule ({writers} clients)"), &writes),
        (format!("QueryOTAFirmware ({readers} clients)"), &reads),
    ] {
        if samples.is_empty() {
            continue;
        }
        let stats = Stats::new(samples.iter().map(|s| s.1).collect());
        println!(
            "| {label} | {} | {} | {} | {} |",
            samples.len(),
            ms(stats.median()),
            ms(stats.at(0.99)),
            ms(stats.max())
        );
    }
    println!(
        "longest time without any answer: around each compaction {}; in the whole run {} (before change ≈ #{stall_change})",
        around.join(", "),
        ms(stall)
    );
    drop(client);
    drop(client_rt);
    emu_rt.block_on(emulator.shutdown());
}
