//! End-to-end tests of every operation's subcommand: each runs the built `aliyun-iot` binary
//! with `--endpoint` pointing at a scripted HTTP/1.1 server on 127.0.0.1 (a free port), which
//! records every request and answers with the operation's documented sample
//! (`spec/iot/samples/<Action>.doc.json`) or an envelope-only body.
//!
//! Every call is checked on the wire: V3 (`ACS3-HMAC-SHA256`, the default) puts the operation's
//! parameters alone in the query and the Action in `x-acs-action`; `--signature v1` puts the
//! common parameters (`Action`, `Version`, `Format`, `Signature`...) beside them. The server
//! verifies either signature with the test secret.
//!
//! The binary runs with a clean environment: the test key pair in the environment variables, an
//! empty temporary `HOME` and configuration-file variables naming files that do not exist, so
//! no real credentials or aliyun CLI configuration are read and no call leaves the machine.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::signing::v3::{self, Acs3Algorithm};
use aliyun_runtime::signing::{canonical_query, signature, string_to_sign};
use serde_json::Value;
use test_support::{Recorded, Reply, Server, TempDir, clean_command};

const BIN: &str = env!("CARGO_BIN_EXE_aliyun-iot");
/// The API version every call sends.
const API_VERSION: &str = "2018-01-20";
/// The test key pair, in the environment of every run.
const ACCESS_KEY_ID: &str = "testid";
const ACCESS_KEY_SECRET: &str = "testsecret";
/// The body served for an operation without a documented sample.
const ENVELOPE_ONLY: &str = r#"{"RequestId":"R-1","Success":true}"#;

// ---- the spec ------------------------------------------------------------------------------

/// The `spec/iot` directory of the workspace.
fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/iot")
}

/// The Actions of the API: the file names of `spec/iot/operations/*.yaml`.
fn spec_actions() -> BTreeSet<String> {
    let dir = spec_dir().join("operations");
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".yaml").map(str::to_owned))
        .collect()
}

/// The documented JSON sample of `action`, if there is one.
fn doc_sample(action: &str) -> Option<String> {
    std::fs::read_to_string(spec_dir().join(format!("samples/{action}.doc.json"))).ok()
}

/// `QueryOTAFirmware` → `query-ota-firmware`, as the generator names subcommands.
fn kebab(action: &str) -> String {
    let chars: Vec<char> = action.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev_lower = i > 0 && !chars[i - 1].is_ascii_uppercase();
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            let prev_upper = i > 0 && chars[i - 1].is_ascii_uppercase();
            if i > 0 && (prev_lower || (prev_upper && next_lower)) {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

// ---- the scripted server -------------------------------------------------------------------

/// An answer as the API gives it: JSON, or XML when the body starts with `<`; the server
/// closes the connection after it.
fn reply(status: u16, body: impl Into<String>) -> Reply {
    let body = body.into();
    let reply = if body.starts_with('<') {
        Reply::xml(status, body)
    } else {
        Reply::json(status, body)
    };
    reply.closing()
}

/// A server answering every request with `body` (status 200).
fn answering(body: &str) -> Server {
    Server::scripted(vec![reply(200, body)])
}

/// The value of the one parameter `name` of `request`; fails when it is missing or repeated.
#[track_caller]
fn param(request: &Recorded, name: &str) -> String {
    request
        .param(name)
        .unwrap_or_else(|| panic!("no {name} in {request:?}"))
}

// ---- running the binary --------------------------------------------------------------------

/// The result of one run.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self}"))
    }

    #[track_caller]
    fn assert_code(&self, expected: i32) {
        assert_eq!(self.code, Some(expected), "{self}");
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\nstdout:\n{}\nstderr:\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `aliyun-iot --endpoint <server> <args>` with the test key pair in the environment and
/// nothing else: an empty home, no configuration files. The signature is the default one (V3).
fn call(server: &Server, args: &[&str]) -> Run {
    call_with(server, Wire::V3, args)
}

/// [`call`] signed as `wire` says.
fn call_with(server: &Server, wire: Wire, args: &[&str]) -> Run {
    let mut argv = vec!["--endpoint".to_owned(), server.url()];
    argv.extend(wire.flags().iter().map(|a| (*a).to_owned()));
    argv.extend(args.iter().map(|a| (*a).to_owned()));
    run_raw(&argv)
}

/// Runs `aliyun-iot <args>` in the clean test environment.
fn run_raw<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let home = TempDir::new();
    let missing = home.join("does-not-exist");
    let output = clean_command(BIN, home.path())
        .args(args)
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", ACCESS_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ACCESS_KEY_SECRET)
        .env("ALIBABA_CLOUD_CONFIG_FILE", missing.join("config.json"))
        .env(
            "ALIBABA_CLOUD_CREDENTIALS_FILE",
            missing.join("credentials"),
        )
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

// ---- the wire of each signature version ---------------------------------------------------

/// The signature a call is made with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wire {
    /// V3 (`ACS3-HMAC-SHA256`), the default: no `--signature` flag.
    V3,
    /// `--signature v1` (`HMAC-SHA1`).
    V1,
}

impl Wire {
    /// The global flags that pick this signature.
    fn flags(self) -> &'static [&'static str] {
        match self {
            Wire::V3 => &[],
            Wire::V1 => &["--signature", "v1"],
        }
    }
}

/// The parameters a V1 call carries besides the operation's own (`SecurityToken` only with
/// temporary credentials, which the tests do not use).
const V1_COMMON: [&str; 9] = [
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "Signature",
];

/// The headers a V3 request must sign (the Go and Java SDKs' set, `content-type` aside).
const V3_SIGNED: [&str; 6] = [
    "host",
    "x-acs-action",
    "x-acs-content-sha256",
    "x-acs-date",
    "x-acs-signature-nonce",
    "x-acs-version",
];

/// Checks what every request of `action` carries besides the operation's parameters, as
/// `wire` sends it (the signature included, verified with the test secret), and returns the
/// operation's parameters, sorted: under V3 the whole query, under V1 every parameter but the
/// common ones.
#[track_caller]
fn operation_params(request: &Recorded, action: &str, wire: Wire) -> Vec<(String, String)> {
    assert_eq!(request.path(), "/", "{request:?}");
    // Both versions send these headers; only V3 signs them.
    assert_eq!(request.header("x-acs-action"), Some(action), "{request:?}");
    assert_eq!(
        request.header("x-acs-version"),
        Some(API_VERSION),
        "{request:?}"
    );
    let mut own = match wire {
        Wire::V3 => {
            verify_v3(request);
            request.query()
        }
        Wire::V1 => {
            verify_v1(request, action);
            request
                .params()
                .into_iter()
                .filter(|(k, _)| !V1_COMMON.contains(&k.as_str()))
                .collect()
        }
    };
    own.sort();
    own
}

/// Checks a V3 request: the `x-acs-*` headers, nothing in the body, and the `Authorization`
/// header's signature over what was received.
#[track_caller]
fn verify_v3(request: &Recorded) {
    assert!(request.body.is_empty(), "{request:?}");
    assert!(
        request.header("authorization").is_some(),
        "no authorization header: {request:?}"
    );
    let date = request.header("x-acs-date").unwrap_or_default();
    assert!(
        date.len() == 20 && date.ends_with('Z') && date.parse::<Timestamp>().is_ok(),
        "x-acs-date {date:?}: {request:?}"
    );
    let nonce = request.header("x-acs-signature-nonce").unwrap_or_default();
    assert!(
        nonce.len() >= 16,
        "x-acs-signature-nonce {nonce:?}: {request:?}"
    );
    assert_eq!(
        request.header("x-acs-content-sha256"),
        Some(v3::hashed_payload(Acs3Algorithm::HmacSha256, b"").as_ref()),
        "{request:?}"
    );
    let auth = request.header("authorization").unwrap_or_default();
    let parsed = v3::parse_authorization(auth)
        .unwrap_or_else(|| panic!("a malformed authorization header: {request:?}"));
    assert_eq!(parsed.algorithm, "ACS3-HMAC-SHA256", "{request:?}");
    assert_eq!(parsed.credential, ACCESS_KEY_ID, "{request:?}");
    for name in V3_SIGNED {
        assert!(
            parsed.signed_headers.contains(&name),
            "{name} is not signed: {request:?}"
        );
    }
    // The signature, recomputed from the request as received.
    let host = request.header("host").expect("a Host header");
    let others: Vec<(String, String)> = request
        .headers
        .iter()
        .filter(|(name, _)| name != "host")
        .cloned()
        .collect();
    let (headers, signed) =
        v3::canonical_headers(host, &others, |name| parsed.signed_headers.contains(&name));
    assert_eq!(
        signed,
        parsed.signed_headers.join(";"),
        "a signed header is missing: {request:?}"
    );
    let canonical = v3::canonical_request(
        &request.method,
        request.path(),
        &v3::canonical_query(&request.query()),
        &headers,
        &signed,
        &v3::hashed_payload(Acs3Algorithm::HmacSha256, &request.body),
    );
    let to_sign = v3::string_to_sign(Acs3Algorithm::HmacSha256, &canonical);
    assert_eq!(
        parsed.signature,
        v3::signature(Acs3Algorithm::HmacSha256, ACCESS_KEY_SECRET, &to_sign),
        "the V3 signature does not match the request received:\n{canonical}"
    );
}

/// Checks a V1 request of `action`: the common parameters, no V3 header, and the `Signature`
/// over every parameter received.
#[track_caller]
fn verify_v1(request: &Recorded, action: &str) {
    assert_eq!(param(request, "Action"), action, "{request:?}");
    assert_eq!(param(request, "Version"), API_VERSION, "{request:?}");
    assert_eq!(param(request, "Format"), "JSON", "{request:?}");
    assert_eq!(param(request, "AccessKeyId"), ACCESS_KEY_ID, "{request:?}");
    assert_eq!(
        param(request, "SignatureMethod"),
        "HMAC-SHA1",
        "{request:?}"
    );
    assert_eq!(param(request, "SignatureVersion"), "1.0", "{request:?}");
    for name in ["SignatureNonce", "Timestamp", "Signature"] {
        assert!(!param(request, name).is_empty(), "{name}: {request:?}");
    }
    assert!(
        param(request, "Timestamp").parse::<Timestamp>().is_ok(),
        "{request:?}"
    );
    for name in ["authorization", "x-acs-signature-nonce", "x-acs-date"] {
        assert_eq!(request.header(name), None, "{request:?}");
    }
    if request.method == "POST" {
        assert_eq!(
            request.header("content-type"),
            Some("application/x-www-form-urlencoded"),
            "{request:?}"
        );
    }
    let params = request.params();
    let signed: Vec<(&str, &str)> = params
        .iter()
        .filter(|(k, _)| k != "Signature")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let to_sign = string_to_sign(&request.method, &canonical_query(&signed));
    assert_eq!(
        param(request, "Signature"),
        signature(ACCESS_KEY_SECRET, &to_sign),
        "the V1 signature does not match the request received: {request:?}"
    );
}

/// `[("A", "1")]` as owned, sorted pairs.
fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = expected
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    pairs.sort();
    pairs
}

// ---- one call of each operation ------------------------------------------------------------

/// One call of one operation: the flags passed, and what must reach the server and stdout.
struct Case {
    action: &'static str,
    /// The HTTP method the client must use (POST unless the operation does not accept it).
    method: &'static str,
    /// The subcommand's flags (the subcommand itself is derived from `action`).
    args: &'static [&'static str],
    /// Exactly the operation parameters the server must receive (common ones excluded).
    params: &'static [(&'static str, &'static str)],
    /// Values stdout must hold: a JSON pointer and the value as JSON text.
    payload: &'static [(&'static str, &'static str)],
}

/// The envelope fields of every reply, in the product's spelling.
const ENVELOPE: [&str; 4] = ["RequestId", "Success", "Code", "ErrorMessage"];

/// Runs the case against a server serving the operation's sample, signed as `wire` says, and
/// checks everything.
fn check(case: &Case, wire: Wire) {
    let sample = doc_sample(case.action);
    let body = sample.clone().unwrap_or_else(|| ENVELOPE_ONLY.to_owned());
    let sample_json: Value = serde_json::from_str(&body).unwrap();
    // One documented sample spells the envelope in lower case.
    let expected_request_id = sample_json
        .get("RequestId")
        .or_else(|| sample_json.get("requestId"))
        .and_then(Value::as_str)
        .expect("the sample has a request ID")
        .to_owned();
    let server = answering(&body);
    let command = kebab(case.action);
    let mut args = vec![command.as_str()];
    args.extend_from_slice(case.args);
    let run = call_with(&server, wire, &args);
    run.assert_code(0);

    // The request: one call, the right Action and method, exactly the expected parameters.
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "{requests:#?}\n{run}");
    let request = &requests[0];
    assert_eq!(request.method, case.method, "{request:?}");
    assert_eq!(
        operation_params(request, case.action, wire),
        pairs(case.params),
        "the parameters sent by `{command}` ({wire:?})"
    );

    // Stdout: the reply as pretty JSON, the envelope first (in the API's spelling, whatever
    // the sample's), then the payload.
    let envelope = format!("{{\n  \"RequestId\": \"{expected_request_id}\",\n  \"Success\": true");
    assert!(run.stdout.starts_with(&envelope), "{run}");
    assert!(run.stdout.ends_with("}\n"), "{run}");
    let json = run.json();
    let Value::Object(top) = &json else {
        panic!("not an object: {run}")
    };
    assert_eq!(json["RequestId"], expected_request_id.as_str(), "{run}");
    assert_eq!(json["Success"], true, "{run}");
    for (pointer, expected) in case.payload {
        let expected: Value = serde_json::from_str(expected).unwrap();
        assert_eq!(
            json.pointer(pointer),
            Some(&expected),
            "{pointer} of `{command}`: {run}"
        );
    }
    // Every field of the documented payload is printed, with its value.
    let mut problems = Vec::new();
    let Value::Object(sample_top) = &sample_json else {
        panic!("the sample is not an object")
    };
    for (key, value) in sample_top {
        if ENVELOPE.iter().any(|e| e.eq_ignore_ascii_case(key)) {
            continue;
        }
        match top.get(key) {
            Some(printed) => covers(value, printed, &format!("/{key}"), &mut problems),
            None => problems.push(format!("/{key} is not printed")),
        }
    }
    assert!(problems.is_empty(), "`{command}`: {problems:#?}\n{run}");
    let payload_keys = top.keys().filter(|k| !ENVELOPE.contains(&k.as_str()));
    if sample.is_none() {
        assert_eq!(payload_keys.count(), 0, "an envelope-only reply: {run}");
    }
}

/// Checks that `printed` holds every value of `documented` (a sample's), at the same place.
/// A documented single object may be printed as a list of one (a list field whose sample shows
/// one item unwrapped); `null` documents nothing.
fn covers(documented: &Value, printed: &Value, at: &str, problems: &mut Vec<String>) {
    match (documented, printed) {
        (Value::Null, _) => {}
        (Value::Object(_), Value::Array(items)) if items.len() == 1 => {
            covers(documented, &items[0], &format!("{at}/0"), problems);
        }
        (Value::Object(fields), Value::Object(printed_fields)) => {
            for (key, value) in fields {
                match printed_fields.get(key) {
                    Some(printed) => covers(value, printed, &format!("{at}/{key}"), problems),
                    None if value.is_null() => {}
                    None => problems.push(format!("{at}/{key} is not printed")),
                }
            }
        }
        (Value::Array(items), Value::Array(printed_items))
            if items.len() == printed_items.len() =>
        {
            for (i, (item, printed)) in items.iter().zip(printed_items).enumerate() {
                covers(item, printed, &format!("{at}/{i}"), problems);
            }
        }
        _ if documented == printed => {}
        _ => problems.push(format!("{at}: documented {documented}, printed {printed}")),
    }
}

/// The flags of a subcommand (its own, not the global ones), from its `-h`: each flag with its
/// description.
fn subcommand_flags(command: &str) -> Vec<(String, String)> {
    let run = run_raw(&[command, "-h"]);
    run.assert_code(0);
    let own = run
        .stdout
        .split("Global options:")
        .next()
        .unwrap_or_default();
    let mut flags: Vec<(String, String)> = Vec::new();
    for line in own.lines() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("--") {
            let name = rest.split([' ', '=']).next().unwrap_or_default();
            flags.push((format!("--{name}"), trimmed.to_owned()));
        } else if trimmed.starts_with('-') {
            // `-h, --help`.
            flags.push((trimmed.to_owned(), String::new()));
        } else if let Some((_, text)) = flags.last_mut() {
            text.push(' ');
            text.push_str(trimmed);
        }
    }
    flags.retain(|(flag, _)| flag.starts_with("--"));
    flags
}

/// The values given to `flag` in `args`.
fn values<'a>(args: &[&'a str], flag: &str) -> Vec<&'a str> {
    args.windows(2)
        .filter(|w| w[0] == flag)
        .map(|w| w[1])
        .collect()
}

/// Two `#[test]`s per case, signed with V3 (the default: `<case>`) and with `--signature v1`
/// (`signature_v1::<case>`), and `CASES`, the list of them all.
macro_rules! operation_tests {
    ($($test:ident: $case:expr;)*) => {
        const CASES: &[Case] = &[$($case),*];
        $(
            #[test]
            fn $test() {
                check(&$case, Wire::V3);
            }
        )*
        /// The cases again, signed with `--signature v1`.
        mod signature_v1 {
            use super::*;
            $(
                #[test]
                fn $test() {
                    check(&$case, Wire::V1);
                }
            )*
        }
    };
}

const INSTANCE: &str = "iot-cn-6ja1y4ss***";

operation_tests! {
    cancel_ota_strategy_by_job: Case {
        action: "CancelOTAStrategyByJob",
        method: "POST",
        args: &["--job-id", "XUbmsMHmkqv0PiAG****010001", "--iot-instance-id", INSTANCE],
        params: &[("JobId", "XUbmsMHmkqv0PiAG****010001"), ("IotInstanceId", INSTANCE)],
        payload: &[],
    };
    cancel_ota_task_by_device: Case {
        action: "CancelOTATaskByDevice",
        method: "POST",
        args: &[
            "--firmware-id", "UfuxnwygsuSkVE0VCN****0100",
            "--product-key", "a19mzPZ****",
            "--device-name", "dev-1",
            "--device-name", "dev 2",
            "--job-id", "HvKuBpuk3rdk6E92CP****0200",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("FirmwareId", "UfuxnwygsuSkVE0VCN****0100"),
            ("ProductKey", "a19mzPZ****"),
            ("DeviceName.1", "dev-1"),
            ("DeviceName.2", "dev 2"),
            ("JobId", "HvKuBpuk3rdk6E92CP****0200"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
    cancel_ota_task_by_job: Case {
        action: "CancelOTATaskByJob",
        method: "POST",
        args: &[
            "--job-id", "HvKuBpuk3rdk6E92CP****0200",
            "--cancel-scheduled-task", "true",
            "--cancel-queued-task", "false",
            "--cancel-notified-task", "true",
            "--cancel-in-progress-task", "false",
            "--cancel-unconfirmed-task", "true",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("JobId", "HvKuBpuk3rdk6E92CP****0200"),
            ("CancelScheduledTask", "true"),
            ("CancelQueuedTask", "false"),
            ("CancelNotifiedTask", "true"),
            ("CancelInProgressTask", "false"),
            ("CancelUnconfirmedTask", "true"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
    confirm_ota_task: Case {
        action: "ConfirmOTATask",
        method: "POST",
        args: &[
            "--task-id", "y3tOmCDNgpR8F9jnVEzC01****",
            "--task-id", "ZS9sNBb1ahsu6khqr9II01****",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("TaskId.1", "y3tOmCDNgpR8F9jnVEzC01****"),
            ("TaskId.2", "ZS9sNBb1ahsu6khqr9II01****"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
    create_ota_dynamic_upgrade_job: Case {
        action: "CreateOTADynamicUpgradeJob",
        method: "POST",
        args: &[
            "--firmware-id", "UfuxnwygsuSkVE0VCN****0100",
            "--product-key", "a19mzPZ****",
            "--src-version", "1.0.0",
            "--src-version", "1.0.1",
            "--group-id", "fb0c1f7aac****",
            "--group-type", "LINK_PLATFORM_DYNAMIC",
            "--dynamic-mode", "2",
            "--retry-interval", "60",
            "--retry-count", "2",
            "--timeout-in-minutes", "1440",
            "--maximum-per-minute", "1000",
            "--overwrite-mode", "2",
            "--multi-module-mode", "false",
            "--need-confirm", "true",
            "--need-push", "false",
            "--download-protocol", "MQTT",
            "--tag", r#"{"Key":"env","Value":"prod"}"#,
            "--tag", "Key=team,Value=ota & iot",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("FirmwareId", "UfuxnwygsuSkVE0VCN****0100"),
            ("ProductKey", "a19mzPZ****"),
            ("SrcVersion.1", "1.0.0"),
            ("SrcVersion.2", "1.0.1"),
            ("GroupId", "fb0c1f7aac****"),
            ("GroupType", "LINK_PLATFORM_DYNAMIC"),
            ("DynamicMode", "2"),
            ("RetryInterval", "60"),
            ("RetryCount", "2"),
            ("TimeoutInMinutes", "1440"),
            ("MaximumPerMinute", "1000"),
            ("OverwriteMode", "2"),
            ("MultiModuleMode", "false"),
            ("NeedConfirm", "true"),
            ("NeedPush", "false"),
            ("DownloadProtocol", "MQTT"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Tag.2.Key", "team"),
            ("Tag.2.Value", "ota & iot"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[
            ("/Data/JobId", r#""XUbmsMHmkqv0PiAG****010001""#),
            ("/Data/UtcCreate", r#""2019-05-10T02:18:53.000Z""#),
        ],
    };
    create_ota_firmware: Case {
        action: "CreateOTAFirmware",
        method: "POST",
        args: &[
            "--dest-version", "4.0.0",
            "--firmware-name", "t3q5rkNm",
            "--firmware-url", "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/a/ck2n****.bin",
            "--multi-files",
            r#"{"Name":"a.bin","Url":"https://x.example/a.bin","Size":1024,"SignValue":"5eb63bbbe01eeed093cb22bb8f5a****","FileMd5":"5eb63bbbe01eeed093cb22bb8f5a****"}"#,
            "--multi-files",
            "Name=b.bin,Url=https://x.example/b.bin?v=2,Size=2048,SignValue=s2,FileMd5=m2",
            "--product-key", "a19mzPZ****",
            "--firmware-desc", "Fixes Wi-Fi & BLE: 100% (v2)",
            "--firmware-sign", "3d04ab6462633508606e5f3daac8****",
            "--firmware-size", "924",
            "--sign-method", "SHA256",
            "--type", "1",
            "--src-version", "3.0.0",
            "--module-name", "WifiConfigModify",
            "--need-to-verify", "false",
            "--udi", r#"{"ota_notice":"fix = ok"}"#,
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("DestVersion", "4.0.0"),
            ("FirmwareName", "t3q5rkNm"),
            ("FirmwareUrl", "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/a/ck2n****.bin"),
            ("MultiFiles.1.Name", "a.bin"),
            ("MultiFiles.1.Url", "https://x.example/a.bin"),
            ("MultiFiles.1.Size", "1024"),
            ("MultiFiles.1.SignValue", "5eb63bbbe01eeed093cb22bb8f5a****"),
            ("MultiFiles.1.FileMd5", "5eb63bbbe01eeed093cb22bb8f5a****"),
            ("MultiFiles.2.Name", "b.bin"),
            ("MultiFiles.2.Url", "https://x.example/b.bin?v=2"),
            ("MultiFiles.2.Size", "2048"),
            ("MultiFiles.2.SignValue", "s2"),
            ("MultiFiles.2.FileMd5", "m2"),
            ("ProductKey", "a19mzPZ****"),
            ("FirmwareDesc", "Fixes Wi-Fi & BLE: 100% (v2)"),
            ("FirmwareSign", "3d04ab6462633508606e5f3daac8****"),
            ("FirmwareSize", "924"),
            ("SignMethod", "SHA256"),
            ("Type", "1"),
            ("SrcVersion", "3.0.0"),
            ("ModuleName", "WifiConfigModify"),
            ("NeedToVerify", "false"),
            ("Udi", r#"{"ota_notice":"fix = ok"}"#),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[
            ("/Data/FirmwareId", r#""s8SSHiKjpBfrM3BSN0z803****""#),
            ("/Data/UtcCreate", r#""2019-11-04T06:21:54.607Z""#),
        ],
    };
    create_ota_module: Case {
        action: "CreateOTAModule",
        method: "POST",
        args: &[
            "--product-key", "a1uctKe****",
            "--module-name", "barcodeScanner",
            "--alias-name", "扫码枪 v2",
            "--desc", "The firmware of the barcode scanner.",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("ProductKey", "a1uctKe****"),
            ("ModuleName", "barcodeScanner"),
            ("AliasName", "扫码枪 v2"),
            ("Desc", "The firmware of the barcode scanner."),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
    create_ota_static_upgrade_job: Case {
        action: "CreateOTAStaticUpgradeJob",
        method: "POST",
        args: &[
            "--firmware-id", "UfuxnwygsuSkVE0VCN****0100",
            "--product-key", "a19mzPZ****",
            "--target-selection", "GRAY",
            "--src-version", "1.0.0",
            "--src-version", "1.0.1",
            "--target-device-name", "dev-1",
            "--target-device-name", "dev-2",
            "--dn-list-file-url", "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/list.csv?a=1&b=2",
            "--gray-percent", "33.333",
            "--group-id", "fb0c1f7aac****",
            "--group-type", "LINK_PLATFORM",
            "--schedule-time", "1700000000000",
            "--schedule-finish-time", "1700003600000",
            "--retry-interval", "10",
            "--retry-count", "5",
            "--timeout-in-minutes", "60",
            "--maximum-per-minute", "10000",
            "--overwrite-mode", "1",
            "--multi-module-mode", "true",
            "--need-confirm", "false",
            "--need-push", "true",
            "--download-protocol", "HTTPS",
            "--tag", r#"{"Key":"env","Value":"prod"}"#,
            "--tag", "Key=team,Value=ota",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("FirmwareId", "UfuxnwygsuSkVE0VCN****0100"),
            ("ProductKey", "a19mzPZ****"),
            ("TargetSelection", "GRAY"),
            ("SrcVersion.1", "1.0.0"),
            ("SrcVersion.2", "1.0.1"),
            ("TargetDeviceName.1", "dev-1"),
            ("TargetDeviceName.2", "dev-2"),
            ("DnListFileUrl", "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/list.csv?a=1&b=2"),
            ("GrayPercent", "33.333"),
            ("GroupId", "fb0c1f7aac****"),
            ("GroupType", "LINK_PLATFORM"),
            ("ScheduleTime", "1700000000000"),
            ("ScheduleFinishTime", "1700003600000"),
            ("RetryInterval", "10"),
            ("RetryCount", "5"),
            ("TimeoutInMinutes", "60"),
            ("MaximumPerMinute", "10000"),
            ("OverwriteMode", "1"),
            ("MultiModuleMode", "true"),
            ("NeedConfirm", "false"),
            ("NeedPush", "true"),
            ("DownloadProtocol", "HTTPS"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Tag.2.Key", "team"),
            ("Tag.2.Value", "ota"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[("/Data/JobId", r#""wahVIzGkCMuAUE2gDERM02****""#)],
    };
    create_ota_verify_job: Case {
        action: "CreateOTAVerifyJob",
        method: "POST",
        args: &[
            "--firmware-id", "UfuxnwygsuSkVE0VCN****0100",
            "--product-key", "a19mzPZ****",
            "--target-device-name", "test-1",
            "--target-device-name", "test-2",
            "--timeout-in-minutes", "5",
            "--need-confirm", "true",
            "--need-push", "false",
            "--download-protocol", "MQTT",
            "--tag", r#"{"Key":"env","Value":"test"}"#,
            "--tag", "Key=owner,Value=qa",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("FirmwareId", "UfuxnwygsuSkVE0VCN****0100"),
            ("ProductKey", "a19mzPZ****"),
            ("TargetDeviceName.1", "test-1"),
            ("TargetDeviceName.2", "test-2"),
            ("TimeoutInMinutes", "5"),
            ("NeedConfirm", "true"),
            ("NeedPush", "false"),
            ("DownloadProtocol", "MQTT"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "test"),
            ("Tag.2.Key", "owner"),
            ("Tag.2.Value", "qa"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[("/Data/UtcCreate", r#""2019-11-04T06:22:19.566Z""#)],
    };
    delete_ota_firmware: Case {
        action: "DeleteOTAFirmware",
        method: "POST",
        args: &["--firmware-id", "UfuxnwygsuSkVE0VCN****0100", "--iot-instance-id", INSTANCE],
        params: &[("FirmwareId", "UfuxnwygsuSkVE0VCN****0100"), ("IotInstanceId", INSTANCE)],
        payload: &[],
    };
    delete_ota_module: Case {
        action: "DeleteOTAModule",
        method: "POST",
        args: &[
            "--product-key", "a1uctKe****",
            "--module-name", "barcodeScanner",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("ProductKey", "a1uctKe****"),
            ("ModuleName", "barcodeScanner"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
    generate_device_name_list_url: Case {
        action: "GenerateDeviceNameListURL",
        method: "POST",
        args: &["--iot-instance-id", INSTANCE],
        params: &[("IotInstanceId", INSTANCE)],
        payload: &[
            ("/Data/AccessKeyId", r#""cS8uRRy54Rsz****""#),
            ("/Data/ObjectStorage", r#""OSS""#),
        ],
    };
    generate_ota_upload_url: Case {
        action: "GenerateOTAUploadURL",
        method: "POST",
        args: &["--file-suffix", "tar.gz", "--iot-instance-id", INSTANCE],
        params: &[("FileSuffix", "tar.gz"), ("IotInstanceId", INSTANCE)],
        payload: &[("/Data/OSSAccessKeyId", r#""cS8uRRy54Rsz****""#)],
    };
    list_ota_firmware: Case {
        action: "ListOTAFirmware",
        method: "POST",
        args: &[
            "--current-page", "1",
            "--page-size", "10",
            "--product-key", "a19mzPZ****",
            "--dest-version", "4.0.0",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("CurrentPage", "1"),
            ("PageSize", "10"),
            ("ProductKey", "a19mzPZ****"),
            ("DestVersion", "4.0.0"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[
            ("/Total", "1"),
            ("/PageCount", "1"),
            ("/FirmwareInfo/SimpleFirmwareInfo/0/FirmwareId", r#""UfuxnwygsuSkVE0VCN****0100""#),
            ("/FirmwareInfo/SimpleFirmwareInfo/0/FirmwareSize", "924"),
        ],
    };
    list_ota_job_by_device: Case {
        action: "ListOTAJobByDevice",
        method: "POST",
        args: &[
            "--firmware-id", "FJFx8JzpnhpIsKftRjjm03****",
            "--product-key", "a19mzPZ****",
            "--device-name", "dev-1",
            "--current-page", "2",
            "--page-size", "50",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("FirmwareId", "FJFx8JzpnhpIsKftRjjm03****"),
            ("ProductKey", "a19mzPZ****"),
            ("DeviceName", "dev-1"),
            ("CurrentPage", "2"),
            ("PageSize", "50"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[("/Data/SimpleOTAJobInfo/0/JobId", r#""HvKuBpuk3rdk6E92CPQN02****""#)],
    };
    list_ota_job_by_firmware: Case {
        action: "ListOTAJobByFirmware",
        method: "POST",
        args: &[
            "--firmware-id", "UfuxnwygsuSkVE0VCN****0100",
            "--current-page", "1",
            "--page-size", "200",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("FirmwareId", "UfuxnwygsuSkVE0VCN****0100"),
            ("CurrentPage", "1"),
            ("PageSize", "200"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[(
            "/Data/SimpleOTAJobInfo/0/UtcEndTime",
            r#""2019-12-29T02:43:10.000Z""#,
        )],
    };
    list_ota_module_by_product: Case {
        action: "ListOTAModuleByProduct",
        // The operation accepts GET only.
        method: "GET",
        args: &["--product-key", "a1uctKe****", "--iot-instance-id", INSTANCE],
        params: &[("ProductKey", "a1uctKe****"), ("IotInstanceId", INSTANCE)],
        // The sample's single object is a list of one.
        payload: &[("/Data/0/ModuleName", r#""barcodeScanner""#)],
    };
    list_ota_module_versions_by_device: Case {
        action: "ListOTAModuleVersionsByDevice",
        method: "POST",
        args: &[
            "--current-page", "1",
            "--page-size", "10",
            "--iot-id", "QjIFT***000101",
            "--product-key", "a14***S",
            "--device-name", "newDevice",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("CurrentPage", "1"),
            ("PageSize", "10"),
            ("IotId", "QjIFT***000101"),
            ("ProductKey", "a14***S"),
            ("DeviceName", "newDevice"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[("/Data/SimpleOTAModuleInfo/0/ModuleVersion", r#""1.6940.1""#)],
    };
    list_ota_task_by_job: Case {
        action: "ListOTATaskByJob",
        method: "POST",
        args: &[
            "--job-id", "7glPHmaDYLAYMD1HHutT02****",
            "--current-page", "1",
            "--page-size", "10",
            "--task-status", "FAILED",
            "--device-names", "testDevice1",
            "--device-names", "testDevice2",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("JobId", "7glPHmaDYLAYMD1HHutT02****"),
            ("CurrentPage", "1"),
            ("PageSize", "10"),
            ("TaskStatus", "FAILED"),
            ("DeviceNames.1", "testDevice1"),
            ("DeviceNames.2", "testDevice2"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[
            ("/Total", "2"),
            ("/Data/SimpleOTATaskInfo/1/TaskStatus", r#""SUCCEEDED""#),
        ],
    };
    list_ota_unfinished_task_by_device: Case {
        action: "ListOTAUnfinishedTaskByDevice",
        method: "POST",
        args: &[
            "--iot-id", "SR8FiTu1R9tlUR2V1bmi00105****",
            "--product-key", "a1GUfrM****",
            "--device-name", "testDevice1",
            "--module-name", "default",
            "--task-status", "QUEUED",
            "--task-status-list", "CONFIRM",
            "--task-status-list", "IN_PROGRESS",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("IotId", "SR8FiTu1R9tlUR2V1bmi00105****"),
            ("ProductKey", "a1GUfrM****"),
            ("DeviceName", "testDevice1"),
            ("ModuleName", "default"),
            ("TaskStatus", "QUEUED"),
            ("TaskStatusList.1", "CONFIRM"),
            ("TaskStatusList.2", "IN_PROGRESS"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
    modify_ota_firmware: Case {
        action: "ModifyOTAFirmware",
        method: "POST",
        args: &[
            "--firmware-id", "UfuxnwygsuSkVE0VCN****0100",
            "--product-key", "a19mzPZ****",
            "--firmware-name", "t3q5rkNm-2",
            "--firmware-desc", "Modified: Wi-Fi module",
            "--firmware-udi", r#"{"ota_notice":"again"}"#,
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("FirmwareId", "UfuxnwygsuSkVE0VCN****0100"),
            ("ProductKey", "a19mzPZ****"),
            ("FirmwareName", "t3q5rkNm-2"),
            ("FirmwareDesc", "Modified: Wi-Fi module"),
            ("FirmwareUdi", r#"{"ota_notice":"again"}"#),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
    query_ota_firmware: Case {
        action: "QueryOTAFirmware",
        method: "POST",
        args: &["--firmware-id", "UfuxnwygsuSkVE0VCN****0100", "--iot-instance-id", INSTANCE],
        params: &[("FirmwareId", "UfuxnwygsuSkVE0VCN****0100"), ("IotInstanceId", INSTANCE)],
        payload: &[
            ("/FirmwareInfo/FirmwareId", r#""UfuxnwygsuSkVE0VCN****0100""#),
            ("/FirmwareInfo/Status", "2"),
            ("/FirmwareInfo/SrcVersion", r#""""#),
        ],
    };
    query_ota_job: Case {
        action: "QueryOTAJob",
        method: "POST",
        args: &["--job-id", "HvKuBpuk3rdk6E92CP****0200", "--iot-instance-id", INSTANCE],
        params: &[("JobId", "HvKuBpuk3rdk6E92CP****0200"), ("IotInstanceId", INSTANCE)],
        payload: &[
            ("/Data/JobStatus", r#""IN_PROGRESS""#),
            ("/Data/SrcVersions/SrcVersion", r#"["1.0.0"]"#),
        ],
    };
    reupgrade_ota_task: Case {
        action: "ReupgradeOTATask",
        method: "POST",
        args: &[
            "--job-id", "7glPHmaDYLAYMD1HHutT02****",
            "--task-id", "y3tOmCDNgpR8F9jnVEzC01****",
            "--task-id", "ZS9sNBb1ahsu6khqr9II01****",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("JobId", "7glPHmaDYLAYMD1HHutT02****"),
            ("TaskId.1", "y3tOmCDNgpR8F9jnVEzC01****"),
            ("TaskId.2", "ZS9sNBb1ahsu6khqr9II01****"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
    update_ota_job: Case {
        action: "UpdateOTAJob",
        method: "POST",
        args: &[
            "--job-id", "HvKuBpuk3rdk6E92CP****0200",
            "--maximum-per-minute", "500",
            "--target-selection", "SPECIFIC",
            "--upgrade-type", "STATIC",
            "--tags", r#"{"Key":"env","Value":"prod"}"#,
            "--tags", "Key=team,Value=ota",
            "--timeout-in-minutes", "30",
            "--src-version-list", "1.0.0",
            "--src-version-list", "1.0.1",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("JobId", "HvKuBpuk3rdk6E92CP****0200"),
            ("MaximumPerMinute", "500"),
            ("TargetSelection", "SPECIFIC"),
            ("UpgradeType", "STATIC"),
            ("Tags.1.Key", "env"),
            ("Tags.1.Value", "prod"),
            ("Tags.2.Key", "team"),
            ("Tags.2.Value", "ota"),
            ("TimeoutInMinutes", "30"),
            ("SrcVersionList.1", "1.0.0"),
            ("SrcVersionList.2", "1.0.1"),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
    update_ota_module: Case {
        action: "UpdateOTAModule",
        method: "POST",
        args: &[
            "--product-key", "a1uctKe****",
            "--module-name", "barcodeScanner",
            "--alias-name", "Barcode scanner",
            "--desc", "Updated description.",
            "--iot-instance-id", INSTANCE,
        ],
        params: &[
            ("ProductKey", "a1uctKe****"),
            ("ModuleName", "barcodeScanner"),
            ("AliasName", "Barcode scanner"),
            ("Desc", "Updated description."),
            ("IotInstanceId", INSTANCE),
        ],
        payload: &[],
    };
}

// ---- the cases cover the whole API ---------------------------------------------------------

#[test]
fn every_operation_of_the_spec_has_a_case() {
    let cased: BTreeSet<String> = CASES.iter().map(|c| c.action.to_owned()).collect();
    assert_eq!(cased.len(), CASES.len(), "an operation has two cases");
    assert_eq!(cased, spec_actions());
    assert_eq!(cased.len(), 26);
}

#[test]
fn every_case_passes_every_flag_of_its_subcommand() {
    let mut problems = Vec::new();
    for case in CASES {
        let command = kebab(case.action);
        let flags = subcommand_flags(&command);
        assert!(
            !flags.is_empty(),
            "{command}: no flags read from -h: {flags:?}"
        );
        for (flag, help) in &flags {
            if flag == "--all" {
                // Tested on its own below.
                continue;
            }
            let given = values(case.args, flag);
            if help.contains("One item per flag") {
                // A list of structures: one item as JSON, one in the short form.
                let json = given.iter().filter(|v| v.starts_with('{')).count();
                if json == 0 || json == given.len() {
                    problems.push(format!("{command} {flag}: {given:?}"));
                }
            } else if help.contains("Repeat the flag") {
                if given.len() < 2 {
                    problems.push(format!("{command} {flag}: {given:?} (a list: give two)"));
                }
            } else if given.len() != 1 {
                problems.push(format!("{command} {flag}: {given:?}"));
            }
        }
        // No flag of the case is unknown to the subcommand (clap would refuse it anyway).
        for arg in case.args.iter().filter(|a| a.starts_with("--")) {
            if !flags.iter().any(|(f, _)| f == arg) {
                problems.push(format!("{command}: {arg} is not one of its flags"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

// ---- --all ---------------------------------------------------------------------------------

/// A `ListOTAFirmware` page: `ids` as its items, 3 packages in 2 pages of 2.
fn firmware_page(page: u32, ids: &[&str]) -> String {
    let items: Vec<Value> = ids
        .iter()
        .map(|id| {
            serde_json::json!({
                "FirmwareId": id,
                "FirmwareName": format!("name-{id}"),
                "DestVersion": "4.0.0",
                "Status": 1,
                "UtcCreate": "2019-12-28T02:42:22.000Z"
            })
        })
        .collect();
    serde_json::json!({
        "RequestId": format!("R-page-{page}"),
        "Success": true,
        "CurrentPage": page,
        "PageSize": 2,
        "PageCount": 2,
        "Total": 3,
        "FirmwareInfo": {"SimpleFirmwareInfo": items}
    })
    .to_string()
}

/// A server of `ListOTAFirmware` with 2 pages; any other page is an in-band failure.
fn two_pages() -> Server {
    Server::start(|_, request| {
        let page = request
            .params()
            .into_iter()
            .find(|(k, _)| k == "CurrentPage")
            .map(|(_, v)| v);
        reply(
            200,
            match page.as_deref() {
                Some("1") => firmware_page(1, &["F-1", "F-2"]),
                Some("2") => firmware_page(2, &["F-3"]),
                other => format!(
                    r#"{{"RequestId":"R-bad","Success":false,"Code":"InvalidParameter","ErrorMessage":"page {other:?}"}}"#
                ),
            },
        )
    })
}

const LIST_ALL: &[&str] = &[
    "list-ota-firmware",
    "--all",
    "--current-page",
    "1",
    "--page-size",
    "2",
    "--product-key",
    "a19mzPZ****",
    "--iot-instance-id",
    INSTANCE,
];

#[test]
fn all_follows_every_page_and_prints_one_array() {
    // Every page is signed afresh, in either version.
    let server = two_pages();
    let v1 = call_with(&server, Wire::V1, LIST_ALL);
    v1.assert_code(0);
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    for (request, page) in requests.iter().zip(["1", "2"]) {
        assert_eq!(
            operation_params(request, "ListOTAFirmware", Wire::V1),
            pairs(&[
                ("CurrentPage", page),
                ("PageSize", "2"),
                ("ProductKey", "a19mzPZ****"),
                ("IotInstanceId", INSTANCE),
            ])
        );
    }

    let server = two_pages();
    let run = call(&server, LIST_ALL);
    run.assert_code(0);
    assert_eq!(run.stdout, v1.stdout, "{run}");
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    for (request, page) in requests.iter().zip(["1", "2"]) {
        assert_eq!(
            operation_params(request, "ListOTAFirmware", Wire::V3),
            pairs(&[
                ("CurrentPage", page),
                ("PageSize", "2"),
                ("ProductKey", "a19mzPZ****"),
                ("IotInstanceId", INSTANCE),
            ])
        );
    }
    assert_ne!(
        requests[0].header("x-acs-signature-nonce"),
        requests[1].header("x-acs-signature-nonce"),
        "{requests:#?}"
    );
    // One JSON array of every item, in order, without the envelopes.
    assert!(run.stdout.starts_with("[\n  {\n"), "{run}");
    assert!(run.stdout.ends_with("]\n"), "{run}");
    let json = run.json();
    let items = json
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {run}"));
    let ids: Vec<&str> = items
        .iter()
        .map(|i| i["FirmwareId"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ids, ["F-1", "F-2", "F-3"], "{run}");
    assert_eq!(items[2]["FirmwareName"], "name-F-3", "{run}");
    assert_eq!(items[2]["Status"], 1, "{run}");
    assert_eq!(items[2]["UtcCreate"], "2019-12-28T02:42:22.000Z", "{run}");
    assert!(!run.stdout.contains("RequestId"), "{run}");
}

#[test]
fn all_starts_at_the_given_page() {
    let server = two_pages();
    let mut args = LIST_ALL.to_vec();
    args[3] = "2";
    assert_eq!(args[2], "--current-page");
    let run = call(&server, &args);
    run.assert_code(0);
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "{requests:#?}");
    assert_eq!(param(&requests[0], "CurrentPage"), "2");
    let ids: Vec<Value> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["FirmwareId"].clone())
        .collect();
    assert_eq!(ids, ["F-3"], "{run}");
}

#[test]
fn all_as_a_table() {
    let server = two_pages();
    let mut args = LIST_ALL.to_vec();
    args.extend(["--output", "table"]);
    let run = call(&server, &args);
    run.assert_code(0);
    assert_eq!(server.requests().len(), 2);
    let lines: Vec<Vec<&str>> = run.stdout.lines().map(cells).collect();
    assert_eq!(
        lines,
        [
            vec![
                "FirmwareId",
                "FirmwareName",
                "DestVersion",
                "Status",
                "UtcCreate"
            ],
            vec!["F-1", "name-F-1", "4.0.0", "1", "2019-12-28T02:42:22.000Z"],
            vec!["F-2", "name-F-2", "4.0.0", "1", "2019-12-28T02:42:22.000Z"],
            vec!["F-3", "name-F-3", "4.0.0", "1", "2019-12-28T02:42:22.000Z"],
        ],
        "{run}"
    );
}

#[test]
fn all_stops_at_a_failed_page() {
    // Page 2 fails: nothing is printed on stdout, the failure is reported.
    let server = Server::start(|_, request| {
        if param(request, "CurrentPage") == "1" {
            reply(200, firmware_page(1, &["F-1", "F-2"]))
        } else {
            reply(
                200,
                r#"{"RequestId":"R-2","Success":false,"Code":"iot.system.SystemBusy","ErrorMessage":"busy"}"#,
            )
        }
    });
    let run = call(&server, LIST_ALL);
    run.assert_code(1);
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("iot.system.SystemBusy"), "{run}");
    assert!(run.stderr.contains("RequestId: R-2,"), "{run}");
}

#[test]
fn all_without_page_flags_where_paging_is_optional() {
    // ListOTATaskByJob's CurrentPage and PageSize are optional: `--all` alone pages from 1.
    let sample = doc_sample("ListOTATaskByJob").unwrap();
    let server = answering(&sample);
    let run = call(
        &server,
        &[
            "list-ota-task-by-job",
            "--job-id",
            "7glPHmaDYLAYMD1HHutT02****",
            "--all",
        ],
    );
    run.assert_code(0);
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        1,
        "the sample has PageCount 1: {requests:#?}"
    );
    assert_eq!(param(&requests[0], "CurrentPage"), "1");
    let json = run.json();
    let statuses: Vec<&Value> = json
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {run}"))
        .iter()
        .map(|i| &i["TaskStatus"])
        .collect();
    assert_eq!(statuses, ["FAILED", "SUCCEEDED"], "{run}");
}

// ---- --output table ------------------------------------------------------------------------

/// The cells of a table line (columns are separated by at least two spaces).
fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn table_of_a_list_operation() {
    let server = answering(&doc_sample("ListOTATaskByJob").unwrap());
    let run = call(
        &server,
        &[
            "--output",
            "table",
            "list-ota-task-by-job",
            "--job-id",
            "7glPHmaDYLAYMD1HHutT02****",
        ],
    );
    run.assert_code(0);
    let text = &run.stdout;
    assert!(
        text.starts_with(
            "RequestId    A59D3BE1-E9A3-43F3-9B50-B7C8DE165D9B\n\
             Success      true\n\
             CurrentPage  1\n\
             PageSize     10\n\
             PageCount    1\n\
             Total        2\n\
             \n\
             Data (2 items):\n"
        ),
        "{run}"
    );
    let lines: Vec<&str> = text.lines().skip(8).collect();
    assert_eq!(lines.len(), 3, "{run}");
    assert_eq!(
        cells(lines[0]),
        [
            "TaskId",
            "JobId",
            "FirmwareId",
            "IotId",
            "DeviceName",
            "ProductKey",
            "ProductName",
            "SrcVersion",
            "DestVersion",
            "TaskStatus",
            "Progress",
            "TaskDesc",
            "UtcCreate",
            "UtcModified"
        ],
        "{run}"
    );
    let first = cells(lines[1]);
    assert_eq!(first[0], "y3tOmCDNgpR8F9jnVEzC01****", "{run}");
    assert_eq!(first[9], "FAILED", "{run}");
    assert_eq!(first[11], "report version is not conform", "{run}");
    let second = cells(lines[2]);
    assert_eq!(second[4], "testDevice2", "{run}");
    assert_eq!(second[10], "100.00", "{run}");
    // An empty value is shown as `-`.
    assert_eq!(second[11], "-", "{run}");
    // The columns are aligned: every cell of a column starts at the same place.
    let starts = |line: &str, cell: &str| line.find(cell).unwrap();
    assert_eq!(starts(lines[0], "TaskStatus"), starts(lines[1], "FAILED"));
    assert_eq!(
        starts(lines[0], "TaskStatus"),
        starts(lines[2], "SUCCEEDED")
    );
    for line in text.lines() {
        assert_eq!(line, line.trim_end(), "trailing spaces: {run}");
    }
}

#[test]
fn table_of_an_object_payload() {
    let server = answering(&doc_sample("GenerateOTAUploadURL").unwrap());
    let run = call(&server, &["--output", "table", "generate-ota-upload-url"]);
    run.assert_code(0);
    for expected in [
        "RequestId            B6E77674-09C4-4647-BF85-59CB72A72E4B\n",
        "Success              true\n",
        "Data.Key             ota/65dfcda0473be29836dfde585472****/ck2nfzljo00023g7kysg0****.bin\n",
        "Data.ObjectStorage   OSS\n",
        "Data.UtcCreate       2019-11-04T06:21:54.607Z\n",
    ] {
        assert!(run.stdout.contains(expected), "{expected:?} missing: {run}");
    }
}

/// `query-ota-firmware` prints exactly what it printed before the subcommands were generated
/// (checked against the previous build), as JSON and as its dedicated table.
#[test]
fn query_ota_firmware_output_is_unchanged() {
    let server = answering(&doc_sample("QueryOTAFirmware").unwrap());
    let args = [
        "query-ota-firmware",
        "--firmware-id",
        "UfuxnwygsuSkVE0VCN****0100",
    ];
    let run_json = call(&server, &args);
    run_json.assert_code(0);
    assert_eq!(
        run_json.stdout,
        r#"{
  "RequestId": "A01829CE-75A1-4920-B775-921146A1AB79",
  "Success": true,
  "FirmwareInfo": {
    "FirmwareId": "UfuxnwygsuSkVE0VCN****0100",
    "FirmwareName": "t3q5rkNm",
    "FirmwareDesc": "modified-WiFi-module",
    "DestVersion": "4.0.0",
    "SrcVersion": "",
    "Type": 0,
    "Status": 2,
    "VerifyProgress": 0,
    "SignMethod": "MD5",
    "FirmwareSign": "3d04ab6462633508606e5f3daac8****",
    "FirmwareSize": 924,
    "FirmwareUrl": "https://ota-pre.iot-thing.cn-shanghai.aliyuncs.com/ota/572ef2fd12ca4791a5b21a9eb948****/5E962CF83DB1495E8337E9C8A4D1****.bin?Expires=1577587360&OSSAccessKeyId=cS8uRRy54Rsz****&Signature=farzC8%2FVMN4HYdEtXvdiC2OevH****",
    "ModuleName": "WifiConfigModify",
    "ProductKey": "a19mzPZ****",
    "ProductName": "MyProduct",
    "UtcCreate": "2019-12-28T02:42:22.000Z",
    "UtcModified": "2019-12-28T02:42:41.000Z"
  }
}
"#,
        "{run_json}"
    );
    let mut table_args = vec!["--output", "table"];
    table_args.extend(args);
    let run_table = call(&server, &table_args);
    run_table.assert_code(0);
    assert_eq!(
        run_table.stdout,
        "FirmwareId       UfuxnwygsuSkVE0VCN****0100
Name             t3q5rkNm
Description      modified-WiFi-module
Dest version     4.0.0
Src version      - (any version)
Type             0 (full package)
Status           2 (verifying)
Verify progress  0%
Size             924 bytes
Sign method      MD5
Signature        3d04ab6462633508606e5f3daac8****
URL              https://ota-pre.iot-thing.cn-shanghai.aliyuncs.com/ota/572ef2fd12ca4791a5b21a9eb948****/5E962CF83DB1495E8337E9C8A4D1****.bin?Expires=1577587360&OSSAccessKeyId=cS8uRRy54Rsz****&Signature=farzC8%2FVMN4HYdEtXvdiC2OevH****
Module           WifiConfigModify
Product          MyProduct (ProductKey a19mzPZ****)
Udi              -
Created          2019-12-28T02:42:22Z
Modified         2019-12-28T02:42:41Z
RequestId        A01829CE-75A1-4920-B775-921146A1AB79
",
        "{run_table}"
    );
    assert_eq!(server.requests().len(), 2);
}

// ---- --format xml --------------------------------------------------------------------------

/// The JSON pointers of every value in `value`, list indexes included.
fn shape(value: &Value, at: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(fields) => {
            for (k, v) in fields {
                shape(v, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                shape(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {
            out.insert(at.to_owned());
        }
    }
}

#[test]
fn xml_replies_print_like_json_ones() {
    let mut checked = 0;
    for case in CASES {
        let Ok(xml) =
            std::fs::read_to_string(spec_dir().join(format!("samples/{}.doc.xml", case.action)))
        else {
            continue;
        };
        let json_sample = doc_sample(case.action).expect("a JSON sample beside the XML one");
        let command = kebab(case.action);
        let mut args = vec![command.as_str()];
        args.extend_from_slice(case.args);

        let server = answering(&json_sample);
        let from_json = call(&server, &args);
        from_json.assert_code(0);

        let server = answering(&xml);
        let mut xml_args = vec!["--format", "xml"];
        xml_args.extend(&args);
        let from_xml = call(&server, &xml_args);
        from_xml.assert_code(0);
        let requests = server.requests();
        assert_eq!(requests.len(), 1);
        assert_eq!(param(&requests[0], "Format"), "XML");

        // The XML sample's request ID is printed.
        // (One sample spells the envelope in lower case.)
        let request_id = ["RequestId", "requestId"]
            .iter()
            .find_map(|tag| {
                let (_, rest) = xml.split_once(&format!("<{tag}>"))?;
                let (id, _) = rest.split_once(&format!("</{tag}>"))?;
                Some(id.trim())
            })
            .unwrap_or_else(|| panic!("no <RequestId> in the XML sample of {command}"));
        assert_eq!(from_xml.json()["RequestId"], request_id, "{from_xml}");
        // The samples' values may differ, their shapes do not.
        let (mut json_shape, mut xml_shape) = (BTreeSet::new(), BTreeSet::new());
        shape(&from_json.json(), "", &mut json_shape);
        shape(&from_xml.json(), "", &mut xml_shape);
        assert_eq!(json_shape, xml_shape, "{command}:\n{from_json}\n{from_xml}");
        checked += 1;
    }
    assert!(checked >= 20, "{checked} XML samples");
}

// ---- --signature ---------------------------------------------------------------------------

/// The names of a request's query parameters.
fn query_names(request: &Recorded) -> Vec<String> {
    request.query().into_iter().map(|(k, _)| k).collect()
}

const QUERY_FIRMWARE: [&str; 3] = [
    "query-ota-firmware",
    "--firmware-id",
    "UfuxnwygsuSkVE0VCN****0100",
];

#[test]
fn signature_v1_puts_everything_in_the_query() {
    let server = answering(&doc_sample("QueryOTAFirmware").unwrap());
    // The flag is global: before or after the subcommand, in any case.
    let mut after = QUERY_FIRMWARE.to_vec();
    after.extend(["--signature", "V1"]);
    for args in [
        [&["--signature", "v1"][..], &QUERY_FIRMWARE].concat(),
        after,
    ] {
        let run = call(&server, &args);
        run.assert_code(0);
        assert_eq!(run.json()["FirmwareInfo"]["Status"], 2, "{run}");
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    for request in &requests {
        assert_eq!(
            param(request, "SignatureMethod"),
            "HMAC-SHA1",
            "{request:?}"
        );
        assert_eq!(param(request, "SignatureVersion"), "1.0", "{request:?}");
        assert!(!param(request, "Signature").is_empty(), "{request:?}");
        assert_eq!(param(request, "Action"), "QueryOTAFirmware", "{request:?}");
        assert_eq!(request.header("authorization"), None, "{request:?}");
        assert_eq!(
            operation_params(request, "QueryOTAFirmware", Wire::V1),
            pairs(&[("FirmwareId", "UfuxnwygsuSkVE0VCN****0100")])
        );
        // `Signature` last, after what it signs (the runtime's documented order).
        assert_eq!(
            query_names(request).last().map(String::as_str),
            Some("Signature"),
            "{request:?}"
        );
    }
}

#[test]
fn signature_v3_is_the_default_and_puts_the_action_in_headers() {
    let server = answering(&doc_sample("QueryOTAFirmware").unwrap());
    for flags in [&["--signature", "v3"][..], &["--signature=V3"], &[]] {
        let run = call(&server, &[flags, &QUERY_FIRMWARE].concat());
        run.assert_code(0);
        assert_eq!(run.json()["FirmwareInfo"]["Status"], 2, "{flags:?}: {run}");
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "{requests:#?}");
    for request in &requests {
        let auth = request.header("authorization").unwrap_or_default();
        assert!(
            auth.starts_with("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;"),
            "{request:?}"
        );
        // The query holds the operation's parameters only: no Signature, Action, Format...
        assert_eq!(query_names(request), ["FirmwareId"], "{request:?}");
        assert_eq!(request.header("x-acs-action"), Some("QueryOTAFirmware"));
        assert_eq!(
            operation_params(request, "QueryOTAFirmware", Wire::V3),
            pairs(&[("FirmwareId", "UfuxnwygsuSkVE0VCN****0100")])
        );
    }
}

#[test]
fn signature_versions_with_xml() {
    let xml = std::fs::read_to_string(spec_dir().join("samples/QueryOTAFirmware.doc.xml")).unwrap();
    let server = answering(&xml);
    let mut args = vec!["--format", "xml"];
    args.extend(QUERY_FIRMWARE);
    for wire in [Wire::V3, Wire::V1] {
        let run = call_with(&server, wire, &args);
        run.assert_code(0);
        // The XML sample's package.
        assert_eq!(
            run.json()["FirmwareInfo"]["FirmwareId"],
            "yLYuCqfqQNQ1JOqkDa****0100",
            "{wire:?}: {run}"
        );
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    // V3 adds `Format=XML` to the query only when XML is asked for, and signs it.
    let mut names = query_names(&requests[0]);
    names.sort_unstable();
    assert_eq!(names, ["FirmwareId", "Format"], "{:?}", requests[0]);
    assert_eq!(param(&requests[0], "Format"), "XML");
    verify_v3(&requests[0]);
    assert_eq!(param(&requests[1], "Format"), "XML");
    assert_eq!(param(&requests[1], "SignatureMethod"), "HMAC-SHA1");
}

#[test]
fn unknown_signature_version_is_a_usage_error() {
    for value in ["v2", "V2", "hmac-sha1", ""] {
        assert_usage_error(
            &[&["--signature", value][..], &QUERY_FIRMWARE].concat(),
            &["--signature", "[possible values: v3, v1]"],
        );
    }
    assert_usage_error(
        &[&QUERY_FIRMWARE[..], &["--signature"]].concat(),
        &["--signature"],
    );
}

// ---- usage errors: nothing is sent ---------------------------------------------------------

/// Runs `args` against a server that must receive nothing, expecting a usage error that names
/// every one of `expected`.
#[track_caller]
fn assert_usage_error(args: &[&str], expected: &[&str]) {
    let server = answering(ENVELOPE_ONLY);
    let run = call(&server, args);
    run.assert_code(2);
    assert!(run.stdout.is_empty(), "{args:?}: {run}");
    assert!(run.stderr.starts_with("error: "), "{args:?}: {run}");
    for text in expected {
        assert!(
            run.stderr.contains(text),
            "{text:?} missing for {args:?}: {run}"
        );
    }
    assert!(server.requests().is_empty(), "{args:?}: a request was sent");
}

const STATIC_JOB: [&str; 7] = [
    "create-ota-static-upgrade-job",
    "--firmware-id",
    "F",
    "--product-key",
    "P",
    "--target-selection",
    "ALL",
];

/// `create-ota-static-upgrade-job` with its required flags and `extra`.
fn static_job(extra: &[&'static str]) -> Vec<&'static str> {
    let mut args = STATIC_JOB.to_vec();
    args.extend_from_slice(extra);
    args
}

#[test]
fn unknown_struct_field_is_a_usage_error_naming_it() {
    assert_usage_error(
        &static_job(&["--tag", r#"{"Kee":"x"}"#]),
        &["--tag", "unknown field \"Kee\""],
    );
    // The short form too.
    assert_usage_error(
        &static_job(&["--tag", "Key=env,Valeu=prod"]),
        &["--tag", "unknown field \"Valeu\""],
    );
    // The field names are the API's, in its case.
    assert_usage_error(
        &static_job(&["--tag", r#"{"key":"env","value":"prod"}"#]),
        &["unknown field \"key\""],
    );
    // Every list of structures checks its items.
    assert_usage_error(
        &[
            "update-ota-job",
            "--job-id",
            "J",
            "--maximum-per-minute",
            "10",
            "--target-selection",
            "ALL",
            "--upgrade-type",
            "STATIC",
            "--tags",
            "Key=a,Value=b",
            "--tags",
            "Kee=a",
        ],
        &["--tags", "\"Kee\""],
    );
}

#[test]
fn malformed_struct_items_are_usage_errors() {
    for (item, expected) in [
        (r#"{"Key":"#, "--tag"),
        ("Key", "\"Key\" is not Field=value"),
        (r#"["Key","a"]"#, "--tag"),
        (r#"{"Key":{"Nested":1}}"#, "Key: expected a string"),
    ] {
        assert_usage_error(&static_job(&["--tag", item]), &[expected]);
    }
    // A missing required field of an item, and a value of the wrong type.
    let firmware = [
        "create-ota-firmware",
        "--dest-version",
        "1",
        "--firmware-name",
        "n",
    ];
    let mut args = firmware.to_vec();
    args.extend(["--multi-files", "Name=a.bin"]);
    assert_usage_error(&args, &["--multi-files", "Url", "required"]);
    let mut args = firmware.to_vec();
    args.extend([
        "--multi-files",
        r#"{"Name":"a.bin","Url":"u","Size":"big"}"#,
    ]);
    assert_usage_error(&args, &["--multi-files", "Size", "integer"]);
}

#[test]
fn missing_required_flags_are_usage_errors() {
    assert_usage_error(&["query-ota-firmware"], &["--firmware-id"]);
    assert_usage_error(
        &[
            "create-ota-static-upgrade-job",
            "--firmware-id",
            "F",
            "--product-key",
            "P",
        ],
        &["required", "--target-selection"],
    );
    // A required list needs at least one item.
    assert_usage_error(
        &[
            "create-ota-verify-job",
            "--firmware-id",
            "F",
            "--product-key",
            "P",
        ],
        &["required", "--target-device-name"],
    );
    assert_usage_error(&["confirm-ota-task"], &["required", "--task-id"]);
    assert_usage_error(
        &[
            "update-ota-job",
            "--job-id",
            "J",
            "--target-selection",
            "ALL",
            "--upgrade-type",
            "STATIC",
        ],
        &["required", "--maximum-per-minute"],
    );
    // Paged operations need their page flags, `--all` or not.
    assert_usage_error(
        &[
            "list-ota-job-by-firmware",
            "--firmware-id",
            "F",
            "--page-size",
            "10",
        ],
        &["required", "--current-page"],
    );
}

#[test]
fn bad_scalar_values_are_usage_errors() {
    let firmware = [
        "create-ota-firmware",
        "--dest-version",
        "1",
        "--firmware-name",
        "n",
    ];
    for (extra, expected) in [
        // Booleans take `true` or `false`, as a value.
        (&["--need-to-verify"][..], "--need-to-verify"),
        (
            &["--need-to-verify", "yes"][..],
            "possible values: true, false",
        ),
        (&["--firmware-size", "1k"][..], "--firmware-size"),
        // An integer enum takes integers only.
        (&["--type", "full"][..], "is not an integer"),
        (&["--no-such-flag", "x"][..], "--no-such-flag"),
    ] {
        let mut args = firmware.to_vec();
        args.extend_from_slice(extra);
        assert_usage_error(&args, &[expected]);
    }
}

#[test]
fn enums_take_any_value() {
    // Values this build does not know are sent as given: the service may know them.
    let server = answering(&doc_sample("CreateOTAFirmware").unwrap());
    let run = call(
        &server,
        &[
            "create-ota-firmware",
            "--dest-version",
            "1",
            "--firmware-name",
            "n",
            "--sign-method",
            "SM3",
            "--type",
            "7",
        ],
    );
    run.assert_code(0);
    let requests = server.requests();
    assert_eq!(
        operation_params(&requests[0], "CreateOTAFirmware", Wire::V3),
        pairs(&[
            ("DestVersion", "1"),
            ("FirmwareName", "n"),
            ("SignMethod", "SM3"),
            ("Type", "7"),
        ])
    );
    let server = answering(ENVELOPE_ONLY);
    let run = call(
        &server,
        &[
            "list-ota-unfinished-task-by-device",
            "--task-status-list",
            "PAUSED",
            "--task-status-list",
            "queued",
        ],
    );
    run.assert_code(0);
    assert_eq!(
        operation_params(
            &server.requests()[0],
            "ListOTAUnfinishedTaskByDevice",
            Wire::V3
        ),
        pairs(&[
            ("TaskStatusList.1", "PAUSED"),
            ("TaskStatusList.2", "queued")
        ])
    );
}

// ---- service failures ----------------------------------------------------------------------

const IN_BAND_FAILURE: &str =
    r#"{"RequestId":"R","Success":false,"Code":"iot.ota.FirmwareNotFound","ErrorMessage":"m"}"#;

#[test]
fn in_band_failure_exits_1_with_the_code_and_request_id() {
    let server = answering(IN_BAND_FAILURE);
    let run = call(
        &server,
        &[
            "query-ota-firmware",
            "--firmware-id",
            "NoSuchPackage****0100",
        ],
    );
    run.assert_code(1);
    assert!(run.stdout.is_empty(), "{run}");
    assert!(
        run.stderr
            .starts_with("error: iot.ota.FirmwareNotFound: m (RequestId: R, HTTP 200)"),
        "{run}"
    );
    // Not a transient failure: not retried.
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn in_band_failure_of_every_operation() {
    for case in CASES {
        let server = answering(IN_BAND_FAILURE);
        let command = kebab(case.action);
        let mut args = vec![command.as_str()];
        args.extend_from_slice(case.args);
        let run = call(&server, &args);
        run.assert_code(1);
        assert!(run.stdout.is_empty(), "{command}: {run}");
        assert!(
            run.stderr.contains("iot.ota.FirmwareNotFound"),
            "{command}: {run}"
        );
        assert!(run.stderr.contains("(RequestId: R,"), "{command}: {run}");
        assert_eq!(server.requests().len(), 1, "{command}");
    }
}

#[test]
fn gateway_errors_and_retries() {
    let gateway = std::fs::read_to_string(spec_dir().join("samples/gateway-error.json")).unwrap();
    let server = Server::scripted(vec![reply(400, gateway)]);
    let run = call(&server, &["delete-ota-firmware", "--firmware-id", "F"]);
    run.assert_code(1);
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("SignatureNonceUsed"), "{run}");
    assert!(
        run.stderr
            .contains("RequestId: 4BC02B9F-6E54-4346-9B2C-5B9896F66540"),
        "{run}"
    );
    assert!(run.stderr.contains("HTTP 400"), "{run}");

    // A 503 is retried (3 attempts in all), unless --no-retry.
    let unavailable = r#"{"RequestId":"R-503","Code":"ServiceUnavailable","Message":"busy"}"#;
    let server = Server::scripted(vec![reply(503, unavailable)]);
    let args = ["delete-ota-firmware", "--firmware-id", "F"];
    let retried = call(&server, &args);
    retried.assert_code(1);
    assert!(retried.stderr.contains("ServiceUnavailable"), "{retried}");
    assert_eq!(server.requests().len(), 3, "{retried}");
    let mut once = vec!["--no-retry"];
    once.extend(args);
    let run = call(&server, &once);
    run.assert_code(1);
    assert_eq!(server.requests().len(), 4, "{run}");
}

// ---- the helpers themselves ----------------------------------------------------------------

#[test]
fn helpers_work() {
    assert_eq!(kebab("QueryOTAFirmware"), "query-ota-firmware");
    assert_eq!(kebab("GenerateOTAUploadURL"), "generate-ota-upload-url");
    assert_eq!(
        kebab("ListOTAModuleVersionsByDevice"),
        "list-ota-module-versions-by-device"
    );
    assert_eq!(cells("a  b c   d"), ["a", "b c", "d"]);

    let documented: Value =
        serde_json::from_str(r#"{"A":1,"B":{"C":2,"D":null},"E":{"F":"x"},"G":[1,2]}"#).unwrap();
    let mut problems = Vec::new();
    covers(
        &documented,
        &serde_json::from_str(r#"{"A":1,"B":{"C":2},"E":[{"F":"x"}],"G":[1,2],"H":0}"#).unwrap(),
        "",
        &mut problems,
    );
    assert!(problems.is_empty(), "{problems:?}");
    covers(
        &documented,
        &serde_json::from_str(r#"{"A":"1","B":{},"E":[],"G":[1]}"#).unwrap(),
        "",
        &mut problems,
    );
    assert_eq!(
        problems,
        [
            "/A: documented 1, printed \"1\"",
            "/B/C is not printed",
            "/E: documented {\"F\":\"x\"}, printed []",
            "/G: documented [1,2], printed [1]",
        ]
    );
}
