//! How fast the emulator serves, over loopback HTTP:
//!
//! - `emulator/signed_requests/C`: requests per second it answers with RPC V1 signature
//!   verification, from `C` concurrent keep-alive connections sending pre-signed GET requests
//!   (each with a fresh nonce: replays are refused). The connections are hyper's own HTTP/1.1
//!   client connections (`examples/common/hyper_load.rs`), opened and given their requests
//!   before the timer starts, so that the figure measures the server more than the client
//!   (`scale throughput --client reqwest` gives the figures with reqwest instead);
//! - `emulator/signed_requests_v3/C`: the same with V3 (`ACS3-HMAC-SHA256`) pre-signed POST
//!   requests (headers and `Authorization`, empty body), as the official SDKs send them;
//! - `emulator/bare_axum/C`: the yardstick for `signed_requests`: a bare axum server (no
//!   checks, no state) answering every request with the very bytes (and `Content-Type`) the
//!   emulator answers the V1 QueryOTAFirmware, under the same load: the same pre-signed
//!   GET requests (fresh nonces, same sizes) from the same `C` keep-alive connections, in the
//!   same process and run. `signed_requests/C ÷ bare_axum/C` is the emulator's share of what
//!   this HTTP stack can do on the machine;
//! - `emulator/client_calls/C`: calls per second the real client (`aliyun_iot::Client`,
//!   `Pacing::Off`, default retries, its default V3 signature) completes against it, from `C`
//!   concurrent tasks; `emulator/client_calls_v1/C` the same with V1.
//!
//! Throttling is off (`qps` 0) so it does not cap the figures, and the nonce store is large
//! enough for every request of a run. The client and the emulator share the machine's cores.
//!
//! ```text
//! cargo bench -p aliyun-iot-emulator -- --warm-up-time 1 --measurement-time 5
//! # only the verified requests and their yardstick, on 8 connections:
//! cargo bench -p aliyun-iot-emulator -- 'emulator/(signed_requests|bare_axum)/8'
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::hint::black_box;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use aliyun_iot_emulator::{Emulator, EmulatorConfig, RunningEmulator};
use aliyun_runtime::{Pacing, SignatureVersion};
use axum::body::Bytes;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tokio::runtime::Runtime;

/// The load generator.
#[path = "../examples/common/hyper_load.rs"]
mod hyper_load;
/// The seed package and its pre-signed requests.
#[path = "../examples/common/presigned.rs"]
mod presigned;

use presigned::{SEED_ID, presigned};

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

/// Sends `n` fresh requests signed with `version` to the server at `addr` over `connections`
/// keep-alive connections (each sending one request after the other) and returns the time
/// taken; signing and connecting come before the timer. Panics on any answer but 200.
fn send_all(
    rt: &Runtime,
    addr: SocketAddr,
    version: SignatureVersion,
    n: u64,
    connections: usize,
) -> Duration {
    let host = addr.to_string();
    // Origin-form targets (`/?…`): hyper's connection sends the URI as given.
    let requests = presigned("/", &host, version, n);
    let batches = hyper_load::batches(requests, &host, connections);
    rt.block_on(async {
        let open = hyper_load::connect(addr, connections).await;
        hyper_load::send_all(open, batches).await
    })
}

/// What the emulator answers one V1 pre-signed QueryOTAFirmware for the seed package: its
/// `Content-Type` and body.
fn seed_answer(
    rt: &Runtime,
    http: &reqwest::Client,
    endpoint: &str,
    host: &str,
) -> (String, Bytes) {
    let request = presigned(endpoint, host, SignatureVersion::V1, 1)
        .pop()
        .expect("a request");
    rt.block_on(async {
        let response = http.get(&request.url).send().await.expect("an answer");
        assert!(response.status().is_success(), "{}", response.status());
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/json")
            .to_owned();
        (content_type, response.bytes().await.expect("a body"))
    })
}

/// A bare axum server on a free loopback port answering every request with `content_type`
/// and `body`; its address. It stops with the runtime.
fn bare_server(rt: &Runtime, content_type: String, body: Bytes) -> SocketAddr {
    let app = axum::Router::new().fallback(move || {
        let body = body.clone();
        let content_type = content_type.clone();
        async move { ([(axum::http::header::CONTENT_TYPE, content_type)], body) }
    });
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let addr = listener.local_addr().expect("an address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        addr
    })
}

fn signed_requests(c: &mut Criterion) {
    let rt = runtime();
    let emu = emulator(&rt);
    let endpoint = emu.endpoint();
    aliyun_runtime::client::install_crypto_provider();
    let http = reqwest::Client::new();
    let addr = emu.addr();
    let (content_type, body) = seed_answer(&rt, &http, &endpoint, &addr.to_string());
    let bare = bare_server(&rt, content_type, body);
    let mut group = c.benchmark_group("emulator");
    group.throughput(Throughput::Elements(1));
    for connections in CONCURRENCY {
        group.bench_with_input(
            BenchmarkId::new("bare_axum", connections),
            &connections,
            |b, &connections| {
                b.iter_custom(|iters| {
                    send_all(&rt, bare, SignatureVersion::V1, iters, connections)
                });
            },
        );
    }
    for (name, version) in [
        ("signed_requests", SignatureVersion::V1),
        ("signed_requests_v3", SignatureVersion::V3),
    ] {
        for connections in CONCURRENCY {
            group.bench_with_input(
                BenchmarkId::new(name, connections),
                &connections,
                |b, &connections| {
                    b.iter_custom(|iters| send_all(&rt, addr, version, iters, connections));
                },
            );
        }
    }
    group.finish();
    rt.block_on(emu.shutdown());
}

fn client_calls(c: &mut Criterion) {
    let rt = runtime();
    let emu = emulator(&rt);
    let mut group = c.benchmark_group("emulator");
    group.throughput(Throughput::Elements(1));
    // The client's default signature (V3), then V1.
    for (name, version) in [
        ("client_calls", None),
        ("client_calls_v1", Some(SignatureVersion::V1)),
    ] {
        let mut config = emu
            .client_config()
            .expect("a client configuration")
            .pacing(Pacing::Off);
        if let Some(version) = version {
            config = config.signature(version);
        }
        let client =
            aliyun_iot::Client::new(config.build().expect("a configuration")).expect("a client");
        for tasks in CONCURRENCY {
            group.bench_with_input(BenchmarkId::new(name, tasks), &tasks, |b, &tasks| {
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
            });
        }
    }
    group.finish();
    rt.block_on(emu.shutdown());
}

criterion_group!(benches, signed_requests, client_calls);
criterion_main!(benches);
