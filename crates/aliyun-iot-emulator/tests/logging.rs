//! One log line per request, and never a secret in it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use aliyun_iot_emulator::{AccessKey, EmulatorConfig, FaultKind, Faults};
use common::{Call, ResponseExt as _, SEED_ID, start};
use test_support::send_request;

/// A log sink shared with the test.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn one_line_per_request_without_secrets() {
    let sink = Sink::default();
    let writer = sink.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .finish();
    // The test runtime runs on this thread only, so the server's tasks log here.
    let _guard = tracing::subscriber::set_default(subscriber);

    let keys = vec![
        AccessKey::default(),
        AccessKey::new("STS.key", "TOPSECRETKEY").with_security_token("TOPSECRETTOKEN"),
    ];
    let faults = Faults::new(0.25, FaultKind::ServerError(503));
    let emu = start(
        EmulatorConfig::ephemeral()
            .with_keys(keys)
            .with_faults(faults),
    )
    .await;
    let sts = || {
        Call::new(SEED_ID)
            .set("AccessKeyId", "STS.key")
            .set("SecurityToken", "TOPSECRETTOKEN")
            .secret("TOPSECRETKEY")
    };
    let calls = [
        sts(),
        sts(),
        sts().set("Format", "XML"),
        sts().secret("wrong"),
        Call::new("nope"),
    ];
    let mut signatures = Vec::new();
    let mut request_ids = Vec::new();
    for call in &calls {
        let reply = call.send(emu.addr()).await;
        request_ids.push(reply.header("x-acs-request-id").unwrap().to_owned());
        signatures.push(call.signed().last().unwrap().1.clone());
    }
    send_request(emu.addr(), "PUT", "/?A=%ZZ", &[], b"").await;
    emu.shutdown().await;

    let logs = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = logs.lines().filter(|l| l.contains(" request ")).collect();
    assert_eq!(lines.len(), calls.len() + 1, "{logs}");
    for (line, id) in lines.iter().zip(&request_ids) {
        assert!(line.contains(&format!("request_id={id}")), "{line}");
        assert!(line.contains("action=\"QueryOTAFirmware\""), "{line}");
        assert!(line.contains("method=GET"), "{line}");
    }
    assert!(lines[0].contains("status=503") && lines[0].contains("code=ServiceUnavailable"));
    assert!(lines[0].contains("fault=503"), "{}", lines[0]);
    assert!(lines[1].contains("status=200") && lines[1].contains("code=-"));
    assert!(
        lines[3].contains("code=SignatureDoesNotMatch"),
        "{}",
        lines[3]
    );
    assert!(
        lines[4].contains("code=iot.ota.FirmwareNotFound"),
        "{}",
        lines[4]
    );
    assert!(lines[5].contains("method=PUT") && lines[5].contains("status=404"));
    for secret in ["TOPSECRETKEY", "TOPSECRETTOKEN", "testsecret"] {
        assert!(!logs.contains(secret), "{secret} in {logs}");
    }
    for signature in &signatures {
        assert!(!logs.contains(signature.as_str()), "{signature} in {logs}");
        let encoded = aliyun_runtime::signing::percent_encode(signature);
        assert!(!logs.contains(&encoded), "{encoded} in {logs}");
    }
}

#[tokio::test]
async fn dispatch_errors_are_logged_with_their_action_and_code() {
    let sink = Sink::default();
    let writer = sink.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let emu = start(EmulatorConfig::ephemeral()).await;
    let list = Call::action(
        "ListOTAFirmware",
        &[
            ("CurrentPage".into(), "1".into()),
            ("PageSize".into(), "1000".into()),
        ],
    );
    // An in-band error: HTTP 200, logged with the service's Code.
    let reply = list.send(emu.addr()).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.success_flag(), Some(false), "{}", reply.text());
    Call::action("ConfirmOTATask", &[("TaskId.1".into(), "t1".into())])
        .send(emu.addr())
        .await
        .expect_error(404, "InvalidAction.NotFound");
    Call::new(SEED_ID)
        .without("FirmwareId")
        .send(emu.addr())
        .await
        .expect_error(400, "MissingFirmwareId");
    emu.shutdown().await;

    let logs = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = logs.lines().filter(|l| l.contains(" request ")).collect();
    assert_eq!(lines.len(), 3, "{logs}");
    for (line, action, status, code) in [
        (
            lines[0],
            "ListOTAFirmware",
            200,
            "iot.common.InvalidPageParams",
        ),
        (lines[1], "ConfirmOTATask", 404, "InvalidAction.NotFound"),
        (lines[2], "QueryOTAFirmware", 400, "MissingFirmwareId"),
    ] {
        assert!(line.contains(&format!("action=\"{action}\"")), "{line}");
        assert!(line.contains(&format!("status={status}")), "{line}");
        assert!(line.contains(&format!("code={code}")), "{line}");
    }
    assert!(!logs.contains("testsecret"), "{logs}");
}
