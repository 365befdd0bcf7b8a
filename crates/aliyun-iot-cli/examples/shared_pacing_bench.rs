//! Figures of pacing shared through Redis, on loopback (the README's "Shared pacing across
//! processes" section):
//!
//! 1. acquire latency: 10,000 acquisitions one after the other at a rate so high that none
//!    waits, so each is one round trip (the script) to a `redis-server` of its own;
//! 2. aggregate rate: 8 clients, each on a runtime of its own, 40 QueryOTAFirmware calls each,
//!    against the emulator at its 20 calls/s quota: calls admitted per second and throttled.
//!
//! `cargo run --release -p aliyun-iot-cli --example shared_pacing_bench` (needs `redis-server`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark: a failed assumption is a failure

#[path = "../tests/redis_server/mod.rs"]
mod redis_server;

use std::time::Instant;

use aliyun_iot_emulator::{Emulator, EmulatorConfig};
use aliyun_runtime::config::SharedPacing;
use aliyun_runtime::pacing::redis::RedisLimiter;
use aliyun_runtime::{OperationInfo, Pacing, RetryConfig};
use redis_server::RedisServer;

const ACQUISITIONS: usize = 10_000;
const CLIENTS: usize = 8;
const CALLS: usize = 40;

fn main() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let shared = SharedPacing::new(&redis.url()).unwrap();
    acquire_latency(&shared);
    aggregate_rate(&shared);
}

fn acquire_latency(shared: &SharedPacing) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let limiter = RedisLimiter::new(shared).unwrap();
    // 1,000,000 calls/s: slots 1.05 µs apart, far closer than a round trip, so none waits.
    let info = OperationInfo::new("Iot", "LatencyBench", "2018-01-20").quota_per_second(1_000_000);
    let mut latencies = runtime.block_on(async {
        for _ in 0..100 {
            limiter.acquire("bench", &info).await.unwrap(); // connect, load the script
        }
        let mut latencies = Vec::with_capacity(ACQUISITIONS);
        for _ in 0..ACQUISITIONS {
            let start = Instant::now();
            limiter.acquire("bench", &info).await.unwrap();
            latencies.push(start.elapsed());
        }
        latencies
    });
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    println!(
        "acquire latency over {ACQUISITIONS}: median {:?}, p99 {:?}, max {:?}",
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

fn aggregate_rate(shared: &SharedPacing) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let emulator = runtime
        .block_on(Emulator::start(EmulatorConfig::ephemeral()))
        .unwrap();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let config = emulator
                .client_config()
                .unwrap()
                .pacing(Pacing::Shared(shared.clone()))
                .retry(RetryConfig::disabled())
                .build()
                .unwrap();
            std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                let client = aliyun_iot::Client::new(config).unwrap();
                runtime.block_on(async {
                    let mut done = Vec::new();
                    for _ in 0..CALLS {
                        let reply = client
                            .query_ota_firmware()
                            .firmware_id("UfuxnwygsuSkVE0VCN****0100")
                            .send()
                            .await;
                        done.push((Instant::now(), reply.is_err_and(|e| e.is_throttling())));
                    }
                    done
                })
            })
        })
        .collect();
    let mut done: Vec<(Instant, bool)> = clients
        .into_iter()
        .flat_map(|client| client.join().unwrap())
        .collect();
    done.sort_by_key(|(at, _)| *at);
    let throttled = done.iter().filter(|(_, throttled)| *throttled).count();
    let span = done[done.len() - 1].0 - done[0].0;
    let rate = (done.len() - 1) as f64 / span.as_secs_f64();
    println!(
        "aggregate: {CLIENTS} clients x {CALLS} calls in {:.2} s: {rate:.2} calls/s against a quota of 20 ({:.1} %), {throttled} throttled",
        span.as_secs_f64(),
        rate / 20.0 * 100.0
    );
    runtime.block_on(emulator.shutdown());
}
