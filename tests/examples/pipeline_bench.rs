//! Measures the release pipeline of `aliyun_iot::workflow` on loopback: upload and download
//! throughput, the client's peak memory (so that it can be seen to stay flat with the file's
//! size), and the CPU time of watching a 1,000-device rollout.
//!
//! ```text
//! cargo run --release -p workspace-tests --example pipeline_bench -- 1024
//! ```
//!
//! The argument is the file size in MiB (default 1024). The emulator runs in a child process
//! (this binary again, `serve`), so that what is measured is the client alone; devices step
//! every 100 ms on the system clock. Files go to a temporary directory, removed at the end.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark: a failure is a failure

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use aliyun_iot::workflow::Polling;
use aliyun_iot_emulator::{DeviceSeed, Emulator, EmulatorConfig, ProductSeed};
use aliyun_runtime::{Config, Credentials};

const PRODUCT: &str = "a1BenchProd";
const DEVICES: usize = 1000;
const MIB: u64 = 1 << 20;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    if args.get(1).map(String::as_str) == Some("serve") {
        runtime.block_on(serve());
        return;
    }
    let mib: u64 = args.get(1).map_or(1024, |a| a.parse().unwrap());
    runtime.block_on(bench(mib));
}

/// The child: an emulator on a free port, its endpoint on stdout, until stdin closes.
async fn serve() {
    let product = ProductSeed::new(PRODUCT, "Bench")
        .with_generated_devices(DEVICES, "sim-")
        .with_device(DeviceSeed::new("tester-1"))
        .with_device(DeviceSeed::new("tester-2"));
    let config = EmulatorConfig::ephemeral()
        .with_products(vec![product])
        .with_device_step(Duration::from_millis(100))
        .with_max_upload_bytes(5 << 30)
        .with_qps(0);
    let emulator = Emulator::start(config).await.unwrap();
    println!("{}", emulator.endpoint());
    tokio::task::spawn_blocking(|| {
        let _ = std::io::stdin().read_to_end(&mut Vec::new());
    })
    .await
    .unwrap();
    eprintln!("emulator peak RSS: {} MiB", peak_rss_kib() / 1024);
    emulator.shutdown().await;
}

async fn bench(mib: u64) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .arg("serve")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut endpoint = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut endpoint)
        .unwrap();
    let config = Config::builder()
        .endpoint_url(endpoint.trim())
        .unwrap()
        .credentials(Credentials::new("testid", "testsecret"))
        .build()
        .unwrap();
    let client = aliyun_iot::Client::new(config).unwrap();
    let dir = test_support::TempDir::new();
    let source = dir.path().join("bench.bin");
    write_file(&source, mib * MIB);
    println!(
        "file: {mib} MiB; client RSS before: {} MiB",
        rss_kib() / 1024
    );

    let started = Instant::now();
    let package = client
        .upload_package(PRODUCT)
        .file(&source)
        .dest_version("2.0.0")
        .verify_on(["tester-1", "tester-2"])
        .send()
        .await
        .unwrap();
    let upload = started.elapsed();
    println!(
        "upload: {:.1} s, {:.0} MiB/s; client peak RSS so far: {} MiB",
        upload.as_secs_f64(),
        mib as f64 / upload.as_secs_f64(),
        peak_rss_kib() / 1024
    );

    let polling = Polling::new(Duration::from_millis(200), Duration::from_secs(1));
    client
        .wait_verified(&package.firmware_id)
        .polling(polling)
        .wait()
        .await
        .unwrap();
    let rollout = client
        .rollout(&package.firmware_id)
        .all()
        .start()
        .await
        .unwrap();
    let (cpu, wall) = (cpu_time(), Instant::now());
    let polls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let done = rollout
        .watch()
        .polling(polling)
        .on_progress({
            let polls = polls.clone();
            move |_| {
                polls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        })
        .wait()
        .await
        .unwrap();
    println!(
        "watch: {done}; {} polls in {:.1} s, client CPU {:.0} ms",
        polls.load(std::sync::atomic::Ordering::Relaxed),
        wall.elapsed().as_secs_f64(),
        (cpu_time() - cpu).as_secs_f64() * 1000.0
    );

    let dest = dir.path().join("copy.bin");
    let started = Instant::now();
    client
        .download_package(&package.firmware_id)
        .to(&dest)
        .send()
        .await
        .unwrap();
    let download = started.elapsed();
    println!(
        "download: {:.1} s, {:.0} MiB/s",
        download.as_secs_f64(),
        mib as f64 / download.as_secs_f64()
    );
    assert!(same_bytes(&source, &dest));
    println!(
        "bytes equal; client peak RSS: {} MiB",
        peak_rss_kib() / 1024
    );
    drop(child.stdin.take());
    child.wait().unwrap();
}

/// Writes `len` bytes that are not all alike, a MiB at a time.
fn write_file(path: &Path, len: u64) {
    let mut file = std::fs::File::create(path).unwrap();
    let mut chunk: Vec<u8> = (0..MIB)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let mut at = 0;
    while at < len {
        chunk[..8].copy_from_slice(&at.to_le_bytes());
        let n = MIB.min(len - at) as usize;
        file.write_all(&chunk[..n]).unwrap();
        at += n as u64;
    }
}

fn same_bytes(a: &Path, b: &Path) -> bool {
    let (mut a, mut b) = (
        std::fs::File::open(a).unwrap(),
        std::fs::File::open(b).unwrap(),
    );
    let (mut x, mut y) = (vec![0; MIB as usize], vec![0; MIB as usize]);
    loop {
        let n = a.read(&mut x).unwrap();
        if n == 0 {
            return b.read(&mut y).unwrap() == 0;
        }
        b.read_exact(&mut y[..n]).unwrap();
        if x[..n] != y[..n] {
            return false;
        }
    }
}

/// A field of `/proc/self/status`, in KiB.
fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn rss_kib() -> u64 {
    status_kib("VmRSS:")
}

fn peak_rss_kib() -> u64 {
    status_kib("VmHWM:")
}

/// The process's user and system CPU time (`/proc/self/stat`, in clock ticks of 10 ms).
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    Duration::from_millis(ticks * 10)
}
