//! Fault injection, data files, start and shutdown.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::time::{Duration, Instant};

use aliyun_iot_emulator::{Emulator, EmulatorConfig, FaultKind, Faults, load_data_file};
use common::{Call, ResponseExt as _, SEED_ID, XML_ID, start, start_default};
use test_support::{TempDir, exchange};

#[tokio::test]
async fn server_errors_hit_a_deterministic_share() {
    let config =
        EmulatorConfig::ephemeral().with_faults(Faults::new(0.5, FaultKind::ServerError(503)));
    let emu = start(config).await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(Call::new(SEED_ID).send(emu.addr()).await.status);
    }
    assert_eq!(statuses, [503, 200, 503, 200]);
    let error = Call::new(SEED_ID)
        .send(emu.addr())
        .await
        .expect_error(503, "ServiceUnavailable");
    assert!(error.is_retryable());
    // A retry that reuses the nonce of a faulted request is refused: a fresh one works.
    let call = Call::new(SEED_ID);
    assert_eq!(call.send(emu.addr()).await.status, 200);
    let retry = Call::new(SEED_ID);
    retry
        .send(emu.addr())
        .await
        .expect_error(503, "ServiceUnavailable");
    retry
        .send(emu.addr())
        .await
        .expect_error(400, "SignatureNonceUsed");
    assert_eq!(retry.renew().send(emu.addr()).await.status, 200);
    // Unauthenticated requests do not consume the plan.
    let emu = start(
        EmulatorConfig::ephemeral().with_faults(Faults::new(1.0, FaultKind::ServerError(500))),
    )
    .await;
    Call::new(SEED_ID)
        .secret("bad")
        .send(emu.addr())
        .await
        .expect_error(400, "SignatureDoesNotMatch");
    Call::new(SEED_ID)
        .set("Format", "XML")
        .send(emu.addr())
        .await
        .expect_error(500, "InternalError");
}

#[tokio::test]
async fn dropped_connections_get_no_answer() {
    let config = EmulatorConfig::ephemeral().with_faults(Faults::new(0.5, FaultKind::Drop));
    let emu = start(config).await;
    let call = Call::new(SEED_ID);
    let request = format!(
        "GET /?{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        call.encoded()
    );
    let answer = exchange(emu.addr(), request.as_bytes()).await;
    assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
    Call::new(SEED_ID).send(emu.addr()).await.response();
    // A real client sees a transport error, then succeeds on the next attempt.
    aliyun_runtime::client::install_crypto_provider();
    let client = reqwest::Client::new();
    let url = format!("{}?{}", emu.endpoint(), Call::new(SEED_ID).encoded());
    let error = client.get(url).send().await.unwrap_err();
    assert!(!error.is_status(), "{error}");
    let url = format!("{}?{}", emu.endpoint(), Call::new(SEED_ID).encoded());
    assert_eq!(client.get(url).send().await.unwrap().status().as_u16(), 200);
}

#[tokio::test]
async fn delays_then_answers() {
    let delay = Duration::from_millis(300);
    let config = EmulatorConfig::ephemeral().with_faults(Faults::new(1.0, FaultKind::Delay(delay)));
    let emu = start(config).await;
    let started = Instant::now();
    let reply = Call::new(SEED_ID).send(emu.addr()).await;
    assert!(started.elapsed() >= delay, "{:?}", started.elapsed());
    reply.response();
}

#[tokio::test]
async fn fault_kinds_take_turns() {
    let faults = Faults::with_kinds(
        1.0,
        vec![FaultKind::ServerError(502), "delay:10ms".parse().unwrap()],
    );
    let emu = start(EmulatorConfig::ephemeral().with_faults(faults)).await;
    let first = Call::new(SEED_ID).send(emu.addr()).await;
    first.expect_error(502, "InternalError");
    assert_eq!(Call::new(SEED_ID).send(emu.addr()).await.status, 200);
    assert_eq!(Call::new(SEED_ID).send(emu.addr()).await.status, 502);
}

#[tokio::test]
async fn serves_the_packages_of_a_data_file() {
    let dir = TempDir::new();
    let file = dir.write(
        "packages.json",
        r#"{"Packages":[
            {"FirmwareInfo":{"FirmwareId":"fileOnly****","FirmwareName":"from a file","Type":0,
             "Status":1,"FirmwareSize":"2048","UtcCreate":"2024-01-02T03:04:05.000Z"}},
            {"IotInstanceId":"iot-cn-0pp1n8t****","FirmwareInfo":{"FirmwareId":"inst****"}}
        ]}"#,
    );
    let packages = load_data_file(&file).unwrap().packages;
    drop(dir);
    let emu = start(EmulatorConfig::ephemeral().with_packages(packages)).await;
    let info = Call::new("fileOnly****")
        .send(emu.addr())
        .await
        .response()
        .firmware_info
        .unwrap();
    assert_eq!(info.firmware_name.as_deref(), Some("from a file"));
    assert_eq!(info.firmware_size, Some(2048));
    let reply = Call::new("inst****")
        .set("IotInstanceId", "iot-cn-0pp1n8t****")
        .set("Format", "XML")
        .send(emu.addr())
        .await;
    reply.response();
    // The built-in packages are not served any more.
    let error = Call::new(SEED_ID).send(emu.addr()).await.in_band();
    assert_eq!(error.code, aliyun_iot_emulator::FIRMWARE_NOT_FOUND);
}

#[tokio::test]
async fn shutdown_stops_listening() {
    let emu = start_default().await;
    let addr = emu.addr();
    assert_eq!(Call::new(XML_ID).send(addr).await.status, 200);
    emu.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn dropping_stops_listening_too() {
    let emu = start_default().await;
    let addr = emu.addr();
    drop(emu);
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            break;
        }
        assert!(Instant::now() < deadline, "still listening after drop");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn shutdown_lets_the_request_in_flight_finish() {
    let config = EmulatorConfig::ephemeral().with_faults(Faults::new(
        1.0,
        FaultKind::Delay(Duration::from_millis(300)),
    ));
    let emu = start(config).await;
    let addr = emu.addr();
    let request = tokio::spawn(async move { Call::new(SEED_ID).send(addr).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    emu.shutdown().await;
    assert!(started.elapsed() < Duration::from_secs(3));
    let reply = request.await.unwrap();
    reply.response();
}

#[tokio::test]
async fn run_until_a_signal() {
    let emu = start_default().await;
    let addr = emu.addr();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(emu.run_until(async {
        let _ = rx.await;
    }));
    assert_eq!(Call::new(SEED_ID).send(addr).await.status, 200);
    tx.send(()).unwrap();
    server.await.unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn a_busy_address_is_an_error() {
    let emu = start_default().await;
    let result = Emulator::start(EmulatorConfig::default().with_listen(emu.addr())).await;
    assert!(result.is_err());
}

#[tokio::test]
async fn a_delay_longer_than_the_read_timeout_is_still_answered() {
    let config = EmulatorConfig::ephemeral()
        .with_read_timeout(Duration::from_millis(100))
        .with_faults(Faults::new(
            1.0,
            FaultKind::Delay(Duration::from_millis(400)),
        ));
    let emu = start(config).await;
    let reply = Call::new(SEED_ID).send(emu.addr()).await;
    reply.response();
    // Also over a kept-alive connection, twice.
    aliyun_runtime::client::install_crypto_provider();
    let client = reqwest::Client::new();
    for _ in 0..2 {
        let url = format!("{}?{}", emu.endpoint(), Call::new(SEED_ID).encoded());
        assert_eq!(client.get(url).send().await.unwrap().status().as_u16(), 200);
    }
}
