//! The log line of V3 requests: it names the action, never a secret, a signature or the
//! `Authorization` header. Alone in its test binary: the log callsite's interest is global, and
//! tests on other threads without a subscriber would turn it off.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use aliyun_iot_emulator::{AccessKey, EmulatorConfig};
use aliyun_runtime::signing::v3::Acs3Algorithm;
use common::{SEED_ID, V3Call, start};

const STS_ID: &str = "STS.v3Key";
const STS_SECRET: &str = "stsV3Secret";
const STS_TOKEN: &str = "CAIS8gF1q6Ft5B2yfSjIr5bkKPnFjrpx1I2YT0v/sHUxQeVqrIXKuDz2IHtKdXRv==";

async fn start_with_sts() -> aliyun_iot_emulator::RunningEmulator {
    let keys = vec![
        AccessKey::default(),
        AccessKey::new(STS_ID, STS_SECRET).with_security_token(STS_TOKEN),
    ];
    start(EmulatorConfig::ephemeral().with_keys(keys)).await
}

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
async fn the_log_line_names_the_action_and_no_secret() {
    let sink = Sink::default();
    let writer = sink.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .finish();
    // The test runtime runs on this thread only, so the server's tasks log here.
    let _guard = tracing::subscriber::set_default(subscriber);

    let emu = start_with_sts().await;
    let host = emu.addr().to_string();
    let sts = || V3Call::new(SEED_ID).sts(STS_ID, STS_SECRET, STS_TOKEN);
    let first = sts().sign(&host);
    let requests = [
        first.clone(),
        first.clone(),
        sts().python_sdk().sign(&host),
        sts().secret("wrongSecret").sign(&host),
        sts().header("x-acs-date", "yesterday").sign(&host),
        sts()
            .method("GET")
            .algorithm(Acs3Algorithm::HmacSm3)
            .sign(&host),
        sts().header("x-acs-action", "NoSuchAction").sign(&host),
    ];
    let mut request_ids = Vec::new();
    for request in &requests {
        let reply = request.send(emu.addr()).await;
        request_ids.push(reply.header("x-acs-request-id").unwrap().to_owned());
    }
    emu.shutdown().await;

    let logs = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = logs.lines().filter(|l| l.contains(" request ")).collect();
    assert_eq!(lines.len(), requests.len(), "{logs}");
    for (line, id) in lines.iter().zip(&request_ids) {
        assert!(line.contains(&format!("request_id={id}")), "{line}");
    }
    let expected = [
        ("POST", "QueryOTAFirmware", "200", "-"),
        ("POST", "QueryOTAFirmware", "400", "SignatureNonceUsed"),
        ("POST", "QueryOTAFirmware", "200", "-"),
        ("POST", "QueryOTAFirmware", "400", "SignatureDoesNotMatch"),
        ("POST", "QueryOTAFirmware", "400", "InvalidTimeStamp.Format"),
        ("GET", "QueryOTAFirmware", "200", "-"),
        ("POST", "NoSuchAction", "404", "InvalidAction.NotFound"),
    ];
    for (line, (method, action, status, code)) in lines.iter().zip(expected) {
        assert!(line.contains(&format!("method={method} ")), "{line}");
        assert!(line.contains(&format!("action=\"{action}\"")), "{line}");
        assert!(line.contains(&format!("status={status} ")), "{line}");
        assert!(line.contains(&format!("code={code} ")), "{line}");
    }
    for secret in [STS_TOKEN, STS_SECRET, "wrongSecret", "testsecret"] {
        assert!(!logs.contains(secret), "{secret} in {logs}");
    }
    for request in &requests {
        assert!(
            !logs.contains(&request.signature),
            "{} in {logs}",
            request.signature
        );
        let auth = request.header("authorization").unwrap();
        assert!(!logs.contains(auth), "{auth} in {logs}");
    }
}
