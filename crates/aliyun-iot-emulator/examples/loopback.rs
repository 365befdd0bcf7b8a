//! CPU cost of one sequential client call on loopback, the SDK against a bare reqwest loop,
//! both against the same trivial server in another process (README, "Performance").
//!
//! ```sh
//! cargo build --release -p aliyun-iot-emulator --example loopback
//! chrt -f 50 taskset -c 1 target/release/examples/loopback serve 127.0.0.1:18090 &
//! # 22 rounds, each running the bare loop, the SDK with V3 and with V1 in turn, 10,000 calls
//! # each, every loop in a process of its own (the README's figures):
//! chrt -f 50 taskset -c 0 target/release/examples/loopback rounds http://127.0.0.1:18090/ 10000 22
//! # or one loop at a time:
//! chrt -f 50 taskset -c 0 target/release/examples/loopback bare http://127.0.0.1:18090/ 10000
//! chrt -f 50 taskset -c 0 target/release/examples/loopback sdk http://127.0.0.1:18090/ 10000 [v1|v3]
//! ```
//!
//! Real-time priority keeps other processes from preempting the runs; a core each for the
//! server and the client keeps their scheduling the same for both loops. On a machine whose
//! speed drifts, single runs disagree by more than the difference measured: `rounds` prints
//! the medians and the spread of the per-round ratios.
//!
//! `serve` answers every request with the documented QueryOTAFirmware JSON body; `bare` POSTs
//! the same query in a loop with a plain reqwest client; `sdk` makes real signed
//! `QueryOTAFirmware` calls (signed, paced off, retried on failure, decoded). Each loop reports
//! the CPU time (user + sys) its process has spent when its loop ends.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::time::Instant;

use aliyun_runtime::{Config, Credentials, Pacing, SignatureVersion};

const BODY: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.doc.json");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["serve", addr] => runtime.block_on(serve(addr)),
        ["bare", url, calls] => runtime.block_on(bare(url, calls.parse()?)),
        ["sdk", url, calls] => runtime.block_on(sdk(url, calls.parse()?, SignatureVersion::V3)),
        ["sdk", url, calls, version] => {
            let version = SignatureVersion::parse(version).ok_or("v1 or v3")?;
            runtime.block_on(sdk(url, calls.parse()?, version))
        }
        ["rounds", url, calls, count] => rounds(url, calls, count.parse()?),
        _ => Err(
            "usage: loopback serve ADDR | bare URL N | sdk URL N [v1|v3] | rounds URL N ROUNDS"
                .into(),
        ),
    }
}

async fn serve(addr: &str) -> Result<(), Box<dyn std::error::Error>> {
    let app = axum::Router::new().fallback(|| async {
        (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            BODY,
        )
    });
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}

async fn bare(url: &str, calls: u32) -> Result<(), Box<dyn std::error::Error>> {
    aliyun_runtime::client::install_crypto_provider();
    let client = reqwest::Client::new();
    let url = format!("{url}?FirmwareId=UfuxnwygsuSkVE0VCN%2A%2A%2A%2A0100");
    let started = Instant::now();
    for _ in 0..calls {
        let body = client.post(&url).send().await?.bytes().await?;
        assert_eq!(body.len(), BODY.len());
    }
    report("bare reqwest", calls, started);
    Ok(())
}

async fn sdk(
    url: &str,
    calls: u32,
    version: SignatureVersion,
) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::builder()
        .endpoint_url(url)?
        .credentials(Credentials::new("testid", "testsecret"))
        .pacing(Pacing::Off)
        .signature(version)
        .build()?;
    let client = aliyun_iot::Client::new(config)?;
    let started = Instant::now();
    for _ in 0..calls {
        let reply = client
            .query_ota_firmware()
            .firmware_id("UfuxnwygsuSkVE0VCN****0100")
            .send()
            .await?;
        assert!(reply.firmware_info.is_some());
    }
    report(&format!("sdk {version}"), calls, started);
    Ok(())
}

fn report(what: &str, calls: u32, started: Instant) {
    let elapsed = started.elapsed();
    let cpu = match cpu_nanos() {
        Ok(nanos) => format!("cpu_ns={nanos}"),
        Err(e) => format!("CPU time unknown: {e}"),
    };
    eprintln!(
        "{what}: {calls} calls in {elapsed:.2?}, {:.0} calls/s, {:.1} µs wall per call, {cpu}",
        f64::from(calls) / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / f64::from(calls)
    );
}

/// The CPU time (user + sys) all of this process's threads have used, in nanoseconds.
fn cpu_nanos() -> Result<u128, Box<dyn std::error::Error>> {
    let mut total = 0;
    for task in std::fs::read_dir("/proc/self/task")? {
        let stat = std::fs::read_to_string(task?.path().join("schedstat"))?;
        let first = stat.split_whitespace().next().ok_or("an empty schedstat")?;
        total += first.parse::<u128>()?;
    }
    Ok(total)
}

/// Runs the three loops in turn, each in a process of its own, `rounds` times; prints each
/// loop's CPU per call (medians) and the SDK's ratios to the bare loop.
fn rounds(url: &str, calls: &str, rounds: u32) -> Result<(), Box<dyn std::error::Error>> {
    let exe = std::env::current_exe()?;
    let loops: [(&str, Vec<&str>); 3] = [
        ("bare reqwest", vec!["bare", url, calls]),
        ("sdk v3", vec!["sdk", url, calls, "v3"]),
        ("sdk v1", vec!["sdk", url, calls, "v1"]),
    ];
    // A loop's CPU nanoseconds over this are microseconds per call.
    let nanos_per_micro_call = f64::from(calls.parse::<u32>()?) * 1e3;
    let mut spent: [Vec<f64>; 3] = Default::default();
    for _ in 0..rounds {
        for ((name, args), spent) in loops.iter().zip(&mut spent) {
            let out = std::process::Command::new(&exe).args(args).output()?;
            let stderr = String::from_utf8_lossy(&out.stderr);
            if !out.status.success() {
                return Err(format!("{name} failed: {stderr}").into());
            }
            let nanos: f64 = stderr
                .split_once("cpu_ns=")
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .ok_or_else(|| format!("{name} reported no CPU time: {stderr}"))?
                .parse()?;
            spent.push(nanos / nanos_per_micro_call);
        }
    }
    let bare = median(&spent[0]);
    println!("{rounds} rounds, CPU per call (median):");
    println!("  bare reqwest: {bare:.1} µs");
    for ((name, _), times) in loops.iter().zip(&spent).skip(1) {
        let ratios: Vec<f64> = times.iter().zip(&spent[0]).map(|(s, b)| s / b).collect();
        let low = ratios.iter().copied().fold(f64::MAX, f64::min);
        let high = ratios.iter().copied().fold(f64::MIN, f64::max);
        println!(
            "  {name}: {:.1} µs, {:.2}× bare (ratio of the medians); per round {:.2}× (median), {low:.2}–{high:.2}×",
            median(times),
            median(times) / bare,
            median(&ratios)
        );
    }
    Ok(())
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}
