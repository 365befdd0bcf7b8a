//! Hostile input: the emulator answers 4xx (with an error body where the HTTP layer lets
//! it), never panics or hangs, and keeps answering good requests afterwards.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use aliyun_iot_emulator::EmulatorConfig;
use aliyun_runtime::wire::Format;
use common::{Call, ResponseExt as _, SEED_ID, start};
use test_support::{exchange, parse_response, send_request};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const FORM: (&str, &str) = ("Content-Type", "application/x-www-form-urlencoded");

async fn still_serves(addr: SocketAddr) {
    let reply = Call::new(SEED_ID).send(addr).await;
    reply.response();
}

fn config() -> EmulatorConfig {
    EmulatorConfig::ephemeral().with_read_timeout(Duration::from_millis(300))
}

#[tokio::test]
async fn malformed_percent_encoding_and_utf8() {
    let emu = start(config()).await;
    let addr = emu.addr();
    for (query, needle) in [
        ("Format=JSON&A=%ZZ", "malformed percent-encoding"),
        ("Format=JSON&A=%", "malformed percent-encoding"),
        ("Format=JSON&A=%4", "malformed percent-encoding"),
        ("Format=JSON&A=%FF%FE", "not valid UTF-8"),
        ("Format=JSON&%C3=1", "not valid UTF-8"),
        ("Format=JSON&=1", "empty name"),
    ] {
        let reply = send_request(addr, "GET", &format!("/?{query}"), &[], b"").await;
        // The Format is still honoured when it can be read.
        assert_eq!(reply.format(), Format::Json, "{query}");
        let error = reply.expect_error(400, "InvalidParameter");
        assert!(error.message.contains(needle), "{query}: {}", error.message);
    }
    // The same in a form body.
    let reply = send_request(addr, "POST", "/", &[FORM], b"A=%ZZ&B=%FF").await;
    let error = reply.expect_error(400, "InvalidParameter");
    assert!(error.message.contains("request body"), "{}", error.message);
    // Raw invalid UTF-8 in the body.
    let reply = send_request(addr, "POST", "/", &[FORM], b"Format=JSON&A=\xff\xfe").await;
    reply.expect_error(400, "InvalidParameter");
    still_serves(addr).await;
}

#[tokio::test]
async fn raw_garbage_in_the_request_line_and_headers() {
    let emu = start(config()).await;
    let addr = emu.addr();
    for raw in [
        &b"GET /?A=\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"[..],
        b"HELLO\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
        b"\x00\x01\x02\x03\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
    ] {
        let answer = exchange(addr, raw).await;
        if let Some(reply) = parse_response(&answer) {
            assert!((400..500).contains(&reply.status), "{raw:?}: {reply:?}");
        }
    }
    still_serves(addr).await;
}

#[tokio::test]
async fn megabyte_long_parameters() {
    let emu = start(config()).await;
    let addr = emu.addr();
    let big = "x".repeat(1024 * 1024);
    // In the query: refused by the HTTP layer (414, no body).
    let reply = send_request(addr, "GET", &format!("/?Format=JSON&A={big}"), &[], b"").await;
    assert!((400..500).contains(&reply.status), "{}", reply.status);
    // Just under the HTTP layer's URI limit: decoded, then refused by the gateway checks.
    let long = "x".repeat(60 * 1024);
    let reply = send_request(addr, "GET", &format!("/?Format=JSON&Note={long}"), &[], b"").await;
    reply.expect_error(400, "MissingParameter");
    // As a signed value just under the limit: the signature check copes.
    let reply = Call::new(SEED_ID)
        .set("Note", &"y".repeat(20 * 1024))
        .send(addr)
        .await;
    reply.response();
    let reply = Call::new(SEED_ID)
        .set("Note", &"y".repeat(20 * 1024))
        .secret("bad")
        .send(addr)
        .await;
    reply.expect_error(400, "SignatureDoesNotMatch");
    // In a body: 413 with an error body, in the Format asked.
    let body = format!("Format=JSON&A={big}");
    let reply = send_request(addr, "POST", "/", &[FORM], body.as_bytes()).await;
    assert_eq!(reply.format(), Format::Json);
    let error = reply.expect_error(413, "InvalidParameter");
    assert!(error.message.contains("65536"), "{}", error.message);
    // A megabyte-long header.
    let header = format!("GET / HTTP/1.1\r\nHost: x\r\nX-Big: {big}\r\nConnection: close\r\n\r\n");
    let answer = exchange(addr, header.as_bytes()).await;
    if let Some(reply) = parse_response(&answer) {
        assert!((400..500).contains(&reply.status), "{}", reply.status);
    }
    still_serves(addr).await;
}

#[tokio::test]
async fn huge_declared_body_is_refused_without_reading_it() {
    let emu = start(config()).await;
    let addr = emu.addr();
    let head = "POST /?Format=JSON HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000000000\r\nConnection: close\r\n\r\nA=1";
    let reply = parse_response(&exchange(addr, head.as_bytes()).await).expect("an answer");
    reply.expect_error(413, "InvalidParameter");
    still_serves(addr).await;
}

#[tokio::test]
async fn thousands_of_parameters() {
    let emu = start(config()).await;
    let addr = emu.addr();
    let many: Vec<String> = (0..5000).map(|i| format!("p{i}=v")).collect();
    let query = many.join("&");
    let reply = send_request(addr, "GET", &format!("/?Format=JSON&{query}"), &[], b"").await;
    reply.expect_error(400, "MissingParameter");
    let reply = send_request(addr, "POST", "/?Format=JSON", &[FORM], query.as_bytes()).await;
    reply.expect_error(400, "MissingParameter");
    // Thousands of copies of one name.
    let same = vec!["Action=QueryOTAFirmware"; 2000].join("&");
    let reply = send_request(addr, "POST", "/?Format=JSON", &[FORM], same.as_bytes()).await;
    reply.expect_error(400, "InvalidParameter");
    still_serves(addr).await;
}

#[tokio::test]
async fn slowloris_headers_are_cut_off() {
    let emu = start(config()).await;
    let addr = emu.addr();
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /?Format=JSON HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    // Trickle a header byte now and then; the server closes the connection anyway.
    let closed = tokio::time::timeout(Duration::from_secs(3), async {
        loop {
            tokio::select! {
                read = stream.read(&mut buf) => match read {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                },
                () = tokio::time::sleep(Duration::from_millis(50)) => {
                    if stream.write_all(b"X").await.is_err() {
                        return;
                    }
                }
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "the slow connection was not closed");
    assert!(
        started.elapsed() >= Duration::from_millis(250),
        "{:?}",
        started.elapsed()
    );
    still_serves(addr).await;
}

#[tokio::test]
async fn idle_connections_are_closed() {
    let emu = start(config()).await;
    let mut stream = TcpStream::connect(emu.addr()).await.unwrap();
    let mut buf = [0u8; 16];
    let read = tokio::time::timeout(Duration::from_secs(3), stream.read(&mut buf)).await;
    assert!(matches!(read, Ok(Ok(0)) | Ok(Err(_))), "{read:?}");
}

#[tokio::test]
async fn slow_bodies_time_out_with_408() {
    let emu = start(config()).await;
    let addr = emu.addr();
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"POST /?Format=JSON HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=Que")
        .await
        .unwrap();
    let started = Instant::now();
    let mut out = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(3), stream.read_to_end(&mut out)).await;
    assert!(read.is_ok(), "the slow body was not cut off");
    assert!(started.elapsed() >= Duration::from_millis(250));
    let reply = parse_response(&out).expect("an answer");
    reply.expect_error(408, "RequestTimeout");
    still_serves(addr).await;
}

#[tokio::test]
async fn broken_chunked_body() {
    let emu = start(config()).await;
    let addr = emu.addr();
    let raw = b"POST /?Format=JSON HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n";
    let answer = exchange(addr, raw).await;
    if let Some(reply) = parse_response(&answer) {
        assert!((400..500).contains(&reply.status), "{reply:?}");
    }
    // A chunked body that is too large.
    let mut raw = b"POST /?Format=JSON HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for _ in 0..20 {
        raw.extend_from_slice(b"2000\r\n");
        raw.extend_from_slice(&[b'a'; 0x2000]);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    let reply = parse_response(&exchange(addr, &raw).await).expect("an answer");
    reply.expect_error(413, "InvalidParameter");
    still_serves(addr).await;
}

#[tokio::test]
async fn many_connections_at_once() {
    let emu = start(config().with_qps(0)).await;
    let addr = emu.addr();
    let mut tasks = Vec::new();
    for i in 0..50 {
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                Call::new(SEED_ID).send(addr).await.status
            } else {
                send_request(addr, "GET", "/?A=%ZZ", &[], b"").await.status
            }
        }));
    }
    for (i, task) in tasks.into_iter().enumerate() {
        let status = task.await.unwrap();
        assert_eq!(status, if i % 2 == 0 { 200 } else { 400 });
    }
    still_serves(addr).await;
}
