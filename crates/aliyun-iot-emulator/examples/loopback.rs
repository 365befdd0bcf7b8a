//! CPU cost of one sequential client call on loopback, the SDK against a bare reqwest loop,
//! both against the same trivial server in another process (README, "Performance").
//!
//! ```sh
//! cargo build --release -p aliyun-iot-emulator --example loopback
//! chrt -f 50 taskset -c 1 target/release/examples/loopback serve 127.0.0.1:18090 &
//! # then, alternated many times (the README's figures: 22 rounds, medians; on a machine
//! # whose speed drifts, single rounds disagree by more than the difference measured):
//! chrt -f 50 taskset -c 0 perf stat -e task-clock target/release/examples/loopback bare http://127.0.0.1:18090/ 10000
//! chrt -f 50 taskset -c 0 perf stat -e task-clock target/release/examples/loopback sdk http://127.0.0.1:18090/ 10000 [v1|v3]
//! ```
//!
//! Real-time priority keeps other processes from preempting the runs; a core each for the
//! server and the client keeps their scheduling the same for both loops.
//!
//! `serve` answers every request with the documented QueryOTAFirmware JSON body; `bare` POSTs
//! the same query in a loop with a plain reqwest client; `sdk` makes real signed
//! `QueryOTAFirmware` calls (signed, paced off, retried on failure, decoded).

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
        _ => Err("usage: loopback serve ADDR | bare URL N | sdk URL N [v1|v3]".into()),
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
    eprintln!(
        "{what}: {calls} calls in {elapsed:.2?}, {:.0} calls/s, {:.1} µs wall per call",
        f64::from(calls) / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / f64::from(calls)
    );
}
