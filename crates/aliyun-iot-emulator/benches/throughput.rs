//! How fast the emulator serves, over loopback HTTP:
//!
//! - `emulator/signed_requests/C`: requests per second it answers with signature verification,
//!   from `C` concurrent keep-alive connections sending pre-signed requests (each with a fresh
//!   nonce: replays are refused);
//! - `emulator/client_calls/C`: calls per second the real client (`aliyun_iot::Client`,
//!   `Pacing::Off`, default retries) completes against it, from `C` concurrent tasks.
//!
//! Throttling is off (`qps` 0) so it does not cap the figures, and the nonce store is large
//! enough for every request of a run. The client and the emulator share the machine's cores.
//!
//! ```text
//! cargo bench -p aliyun-iot-emulator -- --warm-up-time 1 --measurement-time 5
//! ```

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aliyun_iot_emulator::{Emulator, EmulatorConfig, RunningEmulator};
use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::signing::{
    NonceSource, RandomNonce, RpcV1Signer, Signer, SigningKey, SigningRequest,
};
use aliyun_runtime::{Pacing, Secret};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tokio::runtime::Runtime;

/// The seed package.
const SEED_ID: &str = "UfuxnwygsuSkVE0VCN****0100";

/// Concurrent connections (raw requests) or tasks (client calls).
const CONCURRENCY: [usize; 2] = [1, 8];

/// Nonces are remembered for 15 minutes: room for every request of a run.
const NONCE_CAPACITY: usize = 4_000_000;

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime")
}

fn emulator(rt: &Runtime) -> RunningEmulator {
    let config = EmulatorConfig::ephemeral()
        .with_qps(0)
        .with_nonce_capacity(NONCE_CAPACITY);
    rt.block_on(Emulator::start(config))
        .expect("the emulator starts")
}

/// `n` signed GET URLs for the seed package, each with a fresh nonce.
fn signed_urls(endpoint: &str, n: u64) -> Vec<String> {
    let params = [
        ("Action", "QueryOTAFirmware"),
        ("Version", "2018-01-20"),
        ("Format", "JSON"),
        ("FirmwareId", SEED_ID),
    ];
    let secret = Secret::new("testsecret");
    let key = SigningKey {
        access_key_id: "testid",
        access_key_secret: &secret,
        security_token: None,
    };
    let request = SigningRequest {
        method: "GET",
        params: &params,
    };
    let now = Timestamp::now();
    (0..n)
        .map(|_| {
            let signed = RpcV1Signer.sign(&request, &key, now, &RandomNonce.nonce());
            format!("{endpoint}?{}", signed.query)
        })
        .collect()
}

/// Sends `urls` over `connections` keep-alive connections (one HTTP client each, sending one
/// request after the other) and returns the time taken. Panics on any answer but 200.
async fn send_all(clients: &[reqwest::Client], urls: Vec<String>, connections: usize) -> Duration {
    let urls = Arc::new(urls);
    let started = Instant::now();
    let tasks: Vec<_> = clients
        .iter()
        .take(connections)
        .enumerate()
        .map(|(worker, http)| {
            let http = http.clone();
            let urls = Arc::clone(&urls);
            tokio::spawn(async move {
                for url in urls.iter().skip(worker).step_by(connections) {
                    let response = http.get(url).send().await.expect("an answer");
                    let status = response.status();
                    let body = response.bytes().await.expect("a body");
                    assert!(
                        status.is_success(),
                        "{status}: {}",
                        String::from_utf8_lossy(&body)
                    );
                    black_box(body);
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("a worker");
    }
    started.elapsed()
}

fn signed_requests(c: &mut Criterion) {
    let rt = runtime();
    let emu = emulator(&rt);
    let endpoint = emu.endpoint();
    aliyun_runtime::client::install_crypto_provider();
    let clients: Vec<reqwest::Client> = (0..CONCURRENCY.iter().copied().max().unwrap_or(1))
        .map(|_| {
            reqwest::Client::builder()
                .pool_max_idle_per_host(1)
                .build()
                .expect("an HTTP client")
        })
        .collect();
    let mut group = c.benchmark_group("emulator");
    group.throughput(Throughput::Elements(1));
    for connections in CONCURRENCY {
        group.bench_with_input(
            BenchmarkId::new("signed_requests", connections),
            &connections,
            |b, &connections| {
                b.iter_custom(|iters| {
                    let urls = signed_urls(&endpoint, iters);
                    rt.block_on(send_all(&clients, urls, connections))
                });
            },
        );
    }
    group.finish();
    rt.block_on(emu.shutdown());
}

fn client_calls(c: &mut Criterion) {
    let rt = runtime();
    let emu = emulator(&rt);
    let config = emu
        .client_config()
        .expect("a client configuration")
        .pacing(Pacing::Off)
        .build()
        .expect("a configuration");
    let client = aliyun_iot::Client::new(config).expect("a client");
    let mut group = c.benchmark_group("emulator");
    group.throughput(Throughput::Elements(1));
    for tasks in CONCURRENCY {
        group.bench_with_input(
            BenchmarkId::new("client_calls", tasks),
            &tasks,
            |b, &tasks| {
                b.iter_custom(|iters| {
                    rt.block_on(async {
                        let started = Instant::now();
                        let workers: Vec<_> = (0..tasks as u64)
                            .map(|worker| {
                                let client = client.clone();
                                // Iterations split as evenly as possible over the tasks.
                                let calls =
                                    iters / tasks as u64 + u64::from(worker < iters % tasks as u64);
                                tokio::spawn(async move {
                                    for _ in 0..calls {
                                        let reply = client
                                            .query_ota_firmware()
                                            .firmware_id(SEED_ID)
                                            .send()
                                            .await
                                            .unwrap_or_else(|e| panic!("{e}"));
                                        black_box(reply);
                                    }
                                })
                            })
                            .collect();
                        for worker in workers {
                            worker.await.expect("a worker");
                        }
                        started.elapsed()
                    })
                });
            },
        );
    }
    group.finish();
    rt.block_on(emu.shutdown());
}

criterion_group!(benches, signed_requests, client_calls);
criterion_main!(benches);
