//! A whole `QueryOTAFirmware` call (sign, send, read, decode) against a loopback HTTP/1.1
//! server that answers the seed JSON on kept-alive connections; pacing off, so the figure is
//! the client's own cost plus loopback I/O.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::hint::black_box;

use aliyun_iot::Client;
use aliyun_runtime::{Config, Credentials, Pacing};
use criterion::{Criterion, criterion_group, criterion_main};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

const SEED_JSON: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.seed.json");

/// Answers every request on the connection with the seed JSON, until the client closes it.
async fn serve(stream: TcpStream) {
    let mut reader = BufReader::new(stream);
    let mut response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        SEED_JSON.len()
    )
    .into_bytes();
    response.extend_from_slice(SEED_JSON);
    let mut line = String::new();
    loop {
        let mut length = 0usize;
        let mut started = false;
        loop {
            line.clear();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let trimmed = line.trim_end();
            if trimmed.is_empty() {
                if started {
                    break;
                }
                continue;
            }
            started = true;
            if let Some((name, value)) = trimmed.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err()
            || reader.get_mut().write_all(&response).await.is_err()
        {
            return;
        }
    }
}

fn call(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let addr = runtime.block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("local addr");
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream));
            }
        });
        addr
    });
    let config = Config::builder()
        .endpoint_url(&format!("http://{addr}/"))
        .expect("an endpoint")
        .credentials(Credentials::new("bench-key-id", "bench-secret"))
        .pacing(Pacing::Off)
        .build()
        .expect("a config");
    let client = Client::new(config).expect("a client");
    let send = || async {
        client
            .query_ota_firmware()
            .firmware_id("s8SSHiKjpBfrM3BSN0z803****")
            .iot_instance_id("iot_instc_pu****_c*-v64********")
            .send()
            .await
    };
    // One call up front: it must succeed, and it opens the connection the loop reuses.
    let first = runtime.block_on(send()).expect("the call succeeds");
    assert!(first.firmware_info.is_some());

    c.bench_function("call/QueryOTAFirmware loopback keep-alive", |b| {
        b.iter(|| black_box(runtime.block_on(send())).expect("the call succeeds"))
    });
}

criterion_group!(benches, call);
criterion_main!(benches);
