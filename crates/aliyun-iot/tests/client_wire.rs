//! Wire-level tests of the generated client against a small scripted HTTP/1.1 server of our
//! own (no emulator, no HTTP framework): what goes on the wire under each signature version
//! (method, parameters, headers, signature, checked independently of the runtime's signers),
//! how every kind of answer is decoded or turned into an error, retries, pacing, and that no
//! secret reaches a log line or an error message.
//!
//! Tests about one version's specifics pin it with `ConfigBuilder::signature`; tests about
//! parameters, methods and retries run under both; the rest use the default (V3, the
//! product's version from the spec).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use aliyun_iot::Client;
use aliyun_iot::jiff::Timestamp;
use aliyun_iot::query_ota_firmware::{FirmwareStatus, FirmwareType, QueryOtaFirmwareResponse};
use aliyun_runtime::error::SignatureDiagnosis;
use aliyun_runtime::signing::{Clock, FixedClock, FixedNonce};
use aliyun_runtime::{
    Config, ConfigBuilder, Credentials, Error, ErrorOrigin, Format, Method, Pacing, RetryConfig,
};
use common::{
    EMPTY_SHA256, KEY_ID, RecordedExt as _, SECRET, SignatureVersion, V3Input, VERSIONS,
    assert_signed, config_for, config_with, hmac_sha1_base64, hmac_sha256_hex, owned, rfc3986,
    sha256_hex, v1_signature, v1_string_to_sign, v3_sign,
};
use test_support::{Action, Recorded, Reply, Server, percent_decode};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SEED_JSON: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.seed.json");
const DOC_JSON: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.doc.json");
const DOC_XML: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.doc.xml");
const SAMPLE_REQUEST_ID: &str = "A01829CE-75A1-4920-B775-921146A1AB79";

const FIRMWARE_ID: &str = "s8SSHiKjpBfrM3BSN0z803****";
const INSTANCE_ID: &str = "iot_instc_pu****_c*-v64********";

const V1: SignatureVersion = SignatureVersion::V1;
const V3: SignatureVersion = SignatureVersion::V3;

/// An address nothing listens on.
fn refused_addr() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("local addr")
}

// ---------------------------------------------------------------------------------------------
// The independent verifiers (`common`, not the runtime's code) against published vectors
// ---------------------------------------------------------------------------------------------

#[test]
fn the_independent_verifier_reproduces_the_published_vectors() {
    let describe_regions = owned(&[
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ]);
    assert_eq!(
        hmac_sha1_base64("testsecret", &v1_string_to_sign("GET", &describe_regions)),
        "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
    );
    assert_eq!(
        hmac_sha1_base64("testsecret", &v1_string_to_sign("POST", &describe_regions)),
        "MxbnVAM4w6sft9xjVpe/GCKueuk="
    );
    let ota = owned(&[
        ("AccessKeyId", "testid"),
        ("Action", "QueryOTAFirmware"),
        ("FirmwareId", FIRMWARE_ID),
        ("IotInstanceId", INSTANCE_ID),
        ("Format", "JSON"),
        ("RegionId", "cn-shanghai"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2018-01-20"),
    ]);
    assert_eq!(
        hmac_sha1_base64("testsecret", &v1_string_to_sign("GET", &ota)),
        "9jiBw0IJL2MdfSpWd7y9vMXhZ9g="
    );
    assert_eq!(
        hmac_sha1_base64("testsecret", &v1_string_to_sign("POST", &ota)),
        "vOUe71MI2b0hde+2qzRhAf+v4mE="
    );
    let encoding = owned(&[("A", "a b~c*d+e/f!g'h(i)j"), ("B", "中文")]);
    assert_eq!(
        hmac_sha1_base64("testsecret", &v1_string_to_sign("GET", &encoding)),
        "QUb+VjMLuBlkdLMyVb1n8GDoKWw="
    );
}

/// The V3 date and nonce of the published IoT vectors.
const VECTOR_DATE: &str = "2026-11-27T08:00:00Z";
const VECTOR_NONCE: &str = "6a3f3c2e9b1d4f7e8a0b1c2d3e4f5a6b";

/// The headers of a published V3 vector (the algorithm's own ones, and any `extra`).
fn vector_headers(
    host: &str,
    action: &str,
    version: &str,
    date: &str,
    nonce: &str,
    extra: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut headers = owned(&[
        ("host", host),
        ("x-acs-action", action),
        ("x-acs-version", version),
        ("x-acs-date", date),
        ("x-acs-signature-nonce", nonce),
        ("x-acs-content-sha256", EMPTY_SHA256),
        // Not signed: the verifier must leave them out.
        ("user-agent", "test"),
        ("accept", "*/*"),
    ]);
    headers.extend(owned(extra));
    headers
}

#[test]
fn the_independent_v3_verifier_reproduces_the_published_vectors() {
    // The official V3 document's example (ECS RunInstances): its published hash and signature.
    let headers = vector_headers(
        "ecs.cn-shanghai.aliyuncs.com",
        "RunInstances",
        "2014-05-26",
        "2023-10-26T10:22:32Z",
        "3156853299f313e23d1673dc12e1703d",
        &[],
    );
    let doc = v3_sign(
        &V3Input {
            method: "POST",
            path: "/",
            params: owned(&[
                (
                    "ImageId",
                    "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
                ),
                ("RegionId", "cn-shanghai"),
            ]),
            headers: &headers,
            body: b"",
        },
        "YourAccessKeyId",
        "YourAccessKeySecret",
    );
    assert_eq!(
        doc.string_to_sign,
        "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
    );
    assert_eq!(
        doc.signature,
        "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
    );

    // QueryOTAFirmware as the official SDKs send it: POST, query, empty body (vector V3).
    let iot = owned(&[("IotInstanceId", INSTANCE_ID), ("FirmwareId", FIRMWARE_ID)]);
    let headers = vector_headers(
        "iot.cn-shanghai.aliyuncs.com",
        "QueryOTAFirmware",
        "2018-01-20",
        VECTOR_DATE,
        VECTOR_NONCE,
        &[],
    );
    let post = v3_sign(
        &V3Input {
            method: "POST",
            path: "/",
            params: iot.clone(),
            headers: &headers,
            body: b"",
        },
        "testid",
        "testsecret",
    );
    assert_eq!(
        post.canonical_request,
        "POST\n/\n\
         FirmwareId=s8SSHiKjpBfrM3BSN0z803%2A%2A%2A%2A&IotInstanceId=iot_instc_pu%2A%2A%2A%2A_c%2A-v64%2A%2A%2A%2A%2A%2A%2A%2A\n\
         host:iot.cn-shanghai.aliyuncs.com\n\
         x-acs-action:QueryOTAFirmware\n\
         x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n\
         x-acs-date:2026-11-27T08:00:00Z\n\
         x-acs-signature-nonce:6a3f3c2e9b1d4f7e8a0b1c2d3e4f5a6b\n\
         x-acs-version:2018-01-20\n\
         \n\
         host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n\
         e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        post.string_to_sign,
        "ACS3-HMAC-SHA256\na0568959c710ee4122c242f7e81dd7ff1a7ad744e639eadcab24cff830024821"
    );
    assert_eq!(
        post.authorization,
        "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=d0c12b822837ac3243507d47c9f80cdca29b465dd31977000dc5970ef88dca25"
    );
    // The same as GET (vector V2).
    let get = v3_sign(
        &V3Input {
            method: "GET",
            path: "/",
            params: iot.clone(),
            headers: &headers,
            body: b"",
        },
        "testid",
        "testsecret",
    );
    assert_eq!(
        get.signature,
        "86414c8829061c391534039fa6ef0977f435df2ed04d23fe245bf00fbde84bdf"
    );

    // STS: x-acs-accesskey-id and x-acs-security-token are signed (vector V5).
    let token = "CAIS8gF1q6Ft5B2yfSjIr5bkKPnFjrpx1I2YT0v/sHUxQeVqrIXKuDz2IHtKdXRvBu8Xs/4wnmxX7f4alrMqEcEdHRKeN5MqtcoHrF/5JpLFst2J6r8JjsUNq+J8CzSdOwZ8s4k3+8XxJxtu4Y5rB4bH8o2jCi8nRGa0mS5WqvQ0n2Bq4S9ZlcN9rTMCE6O+6sH3v6nTRq3LAlHQvvdMcSKe0cHWGoAA==";
    let sts_id = "STS.NUgYrLnoC37mZZCNnAbez2mdw";
    let headers = vector_headers(
        "iot.cn-shanghai.aliyuncs.com",
        "QueryOTAFirmware",
        "2018-01-20",
        VECTOR_DATE,
        VECTOR_NONCE,
        &[
            ("x-acs-security-token", token),
            ("x-acs-accesskey-id", sts_id),
        ],
    );
    let sts = v3_sign(
        &V3Input {
            method: "POST",
            path: "/",
            params: iot,
            headers: &headers,
            body: b"",
        },
        sts_id,
        "stssecret",
    );
    assert_eq!(
        sts.authorization,
        "ACS3-HMAC-SHA256 Credential=STS.NUgYrLnoC37mZZCNnAbez2mdw,SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=510b7edbe7e47eea34cfc65263f0b16f31b2c69654544fc9cc06c159139b1b35"
    );

    // The encoder: space, `*`, `~`, reserved characters, UTF-8, an empty value, and
    // case-sensitive order (vector V6).
    let headers = vector_headers(
        "iot.cn-shanghai.aliyuncs.com",
        "QueryOTAFirmware",
        "2018-01-20",
        VECTOR_DATE,
        VECTOR_NONCE,
        &[],
    );
    let encoding = v3_sign(
        &V3Input {
            method: "GET",
            path: "/",
            params: owned(&[
                ("FirmwareId", "a b*c~d"),
                ("Desc", "中文 ü"),
                ("Sym", "+/=&!'()%"),
                ("Empty", ""),
                ("Tag.1.Key", "k-_.~"),
                ("lower", "x"),
                ("Zeta", "z"),
            ]),
            headers: &headers,
            body: b"",
        },
        "testid",
        "testsecret",
    );
    assert_eq!(
        encoding.signature,
        "dfa9ca67396098031c7c08de801a271111f02aad0be9fe180dd75d41d2b44feb"
    );

    // The bare primitives.
    assert_eq!(sha256_hex(b""), EMPTY_SHA256);
    assert_eq!(
        hmac_sha256_hex("testsecret", &post.string_to_sign),
        post.signature
    );
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Small backoffs so retry tests stay fast.
fn fast_retries() -> RetryConfig {
    RetryConfig::default().with_initial_backoff(Duration::from_millis(5))
}

fn make_client(builder: ConfigBuilder) -> Result<Client, Error> {
    Client::new(builder.build()?)
}

async fn query(client: &Client) -> Result<QueryOtaFirmwareResponse, Error> {
    client
        .query_ota_firmware()
        .firmware_id(FIRMWARE_ID)
        .iot_instance_id(INSTANCE_ID)
        .send()
        .await
}

fn is_nonce(s: &str) -> bool {
    s.len() == 32
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `YYYY-MM-DDThh:mm:ssZ`, exactly.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b'T',
            13 | 16 => c == b':',
            19 => c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

/// Asserts that a `Timestamp` / `x-acs-date` is well formed and close to now.
fn assert_recent(timestamp: &str) -> TestResult {
    assert!(is_timestamp(timestamp), "{timestamp}");
    let sent: Timestamp = timestamp.parse()?;
    let skew = Timestamp::now().as_second() - sent.as_second();
    assert!((-5..=300).contains(&skew), "{timestamp} is {skew} s off");
    Ok(())
}

fn service_error(error: &Error) -> &aliyun_runtime::ServiceError {
    error
        .as_service()
        .unwrap_or_else(|| panic!("expected a service error, got {error:?}"))
}

/// A gateway error body; `message` is put in the JSON as it is (escape it first).
fn gateway_error_json(code: &str, message: &str, request_id: &str) -> Vec<u8> {
    format!(
        r#"{{"RequestId":"{request_id}","HostId":"iot.cn-shanghai.aliyuncs.com","Code":"{code}","Message":"{message}","Recommend":"https://api.aliyun.com/troubleshoot?q={code}"}}"#
    )
    .into_bytes()
}

fn in_band_error_json(code: &str, message: &str, request_id: &str) -> Vec<u8> {
    format!(
        r#"{{"RequestId":"{request_id}","Success":false,"Code":"{code}","ErrorMessage":"{message}"}}"#
    )
    .into_bytes()
}

/// The V3 signature the server computes for `request` with `secret`, as if it had been sent
/// with `method`.
fn v3_signature_as(request: &Recorded, method: &str, key_id: &str, secret: &str) -> String {
    let mut input = request.v3_input();
    input.method = method;
    v3_sign(&input, key_id, secret).authorization
}

/// The string to sign a server computes from `request` under `version`, as if it had been
/// sent with `method` (the secret plays no part in it).
fn server_string_to_sign(request: &Recorded, version: SignatureVersion, method: &str) -> String {
    match version {
        SignatureVersion::V1 => v1_string_to_sign(method, &request.params()),
        _ => {
            let mut input = request.v3_input();
            input.method = method;
            v3_sign(&input, KEY_ID, SECRET).string_to_sign
        }
    }
}

/// A 400 `SignatureDoesNotMatch` whose message ends with the string to sign the server
/// computed from the request it received under `version` (with `method` in place of the
/// request's own), as the gateway words it.
fn signature_mismatch(request: &Recorded, version: SignatureVersion, method: &str) -> Reply {
    let theirs = server_string_to_sign(request, version, method);
    Reply::json(
        400,
        gateway_error_json(
            "SignatureDoesNotMatch",
            // A V3 string to sign has a line break, escaped in the JSON string.
            &format!(
                "Specified signature is not matched with our calculation. server string to sign is:{}",
                theirs.replace('\n', "\\n")
            ),
            "SIG-REQ-1",
        ),
    )
}

/// A clock that moves on a minute each time it is read, from 2026-11-27T08:00:00Z.
#[derive(Debug, Default)]
struct SteppingClock(AtomicI64);

impl SteppingClock {
    const START: i64 = 1_795_766_400;
}

impl Clock for SteppingClock {
    fn now(&self) -> Timestamp {
        let step = self.0.fetch_add(1, Ordering::SeqCst);
        Timestamp::from_second(Self::START + 60 * step).expect("a valid time")
    }
}

// ---------------------------------------------------------------------------------------------
// What goes on the wire
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn v1_post_is_signed_and_carries_every_common_parameter() -> TestResult {
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]);
    let client = make_client(config_with(&server, V1)?)?;
    // Characters that need encoding: space, `+`, `/`, `*`, `~`, multi-byte UTF-8.
    let firmware_id = "fw 1+2/3*~中文";
    let reply = client
        .query_ota_firmware()
        .firmware_id(firmware_id)
        .iot_instance_id(INSTANCE_ID)
        .send()
        .await?;
    assert_eq!(reply.request_id, SAMPLE_REQUEST_ID);

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path(), "/");
    assert!(request.body.is_empty(), "{:?}", request.body);

    for (name, value) in [
        ("Action", "QueryOTAFirmware"),
        ("Version", "2018-01-20"),
        ("Format", "JSON"),
        ("FirmwareId", firmware_id),
        ("IotInstanceId", INSTANCE_ID),
        ("AccessKeyId", KEY_ID),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
    ] {
        assert_eq!(request.param(name).as_deref(), Some(value), "{name}");
    }
    assert_eq!(request.param("SecurityToken"), None);
    let nonce = request.param("SignatureNonce").expect("SignatureNonce");
    assert!(is_nonce(&nonce), "{nonce}");
    assert_recent(&request.param("Timestamp").expect("Timestamp"))?;

    // Every name and value is on the wire in the signature's own encoding (no `+` for space,
    // uppercase hex), so what the server decodes and re-encodes is what was signed.
    for pair in request.raw_query().split('&') {
        let (name, value) = pair.split_once('=').expect("name=value");
        assert_eq!(rfc3986(&percent_decode(name)), name);
        assert_eq!(rfc3986(&percent_decode(value)), value, "{name}");
    }
    assert!(
        request
            .raw_query()
            .contains("FirmwareId=fw%201%2B2%2F3%2A~%E4%B8%AD%E6%96%87&")
    );
    assert_signed(request, V1, KEY_ID, SECRET);
    assert_ne!(
        request.param("Signature"),
        Some(v1_signature(request, "GET", SECRET)),
        "POST and GET must sign differently"
    );

    // Sent along, unsigned, as the official SDKs do; no V3 header.
    assert_eq!(request.header("x-acs-action"), Some("QueryOTAFirmware"));
    assert_eq!(request.header("x-acs-version"), Some("2018-01-20"));
    for name in [
        "authorization",
        "x-acs-date",
        "x-acs-signature-nonce",
        "x-acs-content-sha256",
    ] {
        assert_eq!(request.header(name), None, "{name}");
    }
    assert_eq!(
        request.header("user-agent"),
        Some(aliyun_runtime::client::USER_AGENT)
    );
    assert!(aliyun_runtime::client::USER_AGENT.starts_with("aliyun-iot-rs/"));
    Ok(())
}

#[tokio::test]
async fn v1_sts_credentials_send_and_sign_the_security_token() -> TestResult {
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]);
    let token = "CAIS/sts+token=value";
    let client = make_client(config_with(&server, V1)?.credentials(
        Credentials::with_security_token("sts-key-id", "sts-secret", token),
    ))?;
    query(&client).await?;
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.param("SecurityToken").as_deref(), Some(token));
    assert_eq!(request.param("AccessKeyId").as_deref(), Some("sts-key-id"));
    assert!(
        request
            .raw_query()
            .contains("SecurityToken=CAIS%2Fsts%2Btoken%3Dvalue")
    );
    assert_eq!(request.header("x-acs-security-token"), None);
    assert_signed(request, V1, "sts-key-id", "sts-secret");
    // The token is part of what was signed: leaving it out gives another signature.
    let without: Vec<(String, String)> = request
        .params()
        .into_iter()
        .filter(|(n, _)| n != "SecurityToken")
        .collect();
    assert_ne!(
        request.param("Signature"),
        Some(hmac_sha1_base64(
            "sts-secret",
            &v1_string_to_sign("POST", &without)
        ))
    );
    Ok(())
}

#[tokio::test]
async fn v3_is_the_default_and_sends_exactly_its_headers() -> TestResult {
    assert_eq!(aliyun_iot::SIGNATURE, V3);
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]);
    // No signature version configured: the product's.
    let client = make_client(config_for(&server)?)?;
    assert_eq!(client.runtime().config().signature, None);
    // Characters that need encoding: space, `+`, `/`, `*`, `~`, multi-byte UTF-8.
    let firmware_id = "fw 1+2/3*~中文";
    let reply = client
        .query_ota_firmware()
        .firmware_id(firmware_id)
        .iot_instance_id(INSTANCE_ID)
        .send()
        .await?;
    assert_eq!(reply.request_id, SAMPLE_REQUEST_ID);

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path(), "/");
    assert!(request.body.is_empty(), "{:?}", request.body);

    // The query is the operation's parameters and nothing else (no Action, Version, Format,
    // Timestamp, nonce, key or signature), sorted and encoded as signed.
    assert_eq!(
        request.raw_query(),
        "FirmwareId=fw%201%2B2%2F3%2A~%E4%B8%AD%E6%96%87\
         &IotInstanceId=iot_instc_pu%2A%2A%2A%2A_c%2A-v64%2A%2A%2A%2A%2A%2A%2A%2A"
    );

    // The exact header set: the V3 ones, and what any HTTP client sends.
    assert_eq!(
        request.header_names(),
        [
            "accept",
            "authorization",
            "host",
            "user-agent",
            "x-acs-action",
            "x-acs-content-sha256",
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-version",
        ],
        "{:#?}",
        request.headers
    );
    assert_eq!(request.header("host"), Some(server.host().as_str()));
    assert_eq!(request.header("x-acs-action"), Some("QueryOTAFirmware"));
    assert_eq!(request.header("x-acs-version"), Some("2018-01-20"));
    assert_recent(request.header("x-acs-date").expect("x-acs-date"))?;
    let nonce = request.header("x-acs-signature-nonce").expect("nonce");
    assert!(is_nonce(nonce), "{nonce}");
    assert_eq!(request.header("x-acs-content-sha256"), Some(EMPTY_SHA256));
    assert_eq!(
        request.header("user-agent"),
        Some(aliyun_runtime::client::USER_AGENT)
    );
    let authorization = request.header("authorization").expect("authorization");
    let signature = authorization
        .strip_prefix(
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;\
             x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=",
        )
        .unwrap_or_else(|| panic!("{authorization}"));
    assert!(is_hex_64(signature), "{signature}");
    assert_signed(request, V3, KEY_ID, SECRET);
    Ok(())
}

fn is_hex_64(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[tokio::test]
async fn v3_authorization_matches_one_recomputed_from_the_received_request() -> TestResult {
    // A fixed date and nonce (those of the published vectors), so that the canonical request
    // can be written out here in full.
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]);
    let client = make_client(
        config_for(&server)?
            .clock(FixedClock(VECTOR_DATE.parse()?))
            .nonces(FixedNonce(VECTOR_NONCE.to_owned())),
    )?;
    query(&client).await?;
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.header("x-acs-date"), Some(VECTOR_DATE));
    assert_eq!(request.header("x-acs-signature-nonce"), Some(VECTOR_NONCE));

    // The published vector `iot-post-query-empty-body`, with this server's host.
    let host = server.host();
    let canonical_request = format!(
        "POST\n/\n\
         FirmwareId=s8SSHiKjpBfrM3BSN0z803%2A%2A%2A%2A&IotInstanceId=iot_instc_pu%2A%2A%2A%2A_c%2A-v64%2A%2A%2A%2A%2A%2A%2A%2A\n\
         host:{host}\n\
         x-acs-action:QueryOTAFirmware\n\
         x-acs-content-sha256:{EMPTY_SHA256}\n\
         x-acs-date:{VECTOR_DATE}\n\
         x-acs-signature-nonce:{VECTOR_NONCE}\n\
         x-acs-version:2018-01-20\n\
         \n\
         host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n\
         {EMPTY_SHA256}"
    );
    let string_to_sign = format!(
        "ACS3-HMAC-SHA256\n{}",
        sha256_hex(canonical_request.as_bytes())
    );
    let expected = format!(
        "ACS3-HMAC-SHA256 Credential={KEY_ID},SignedHeaders=host;x-acs-action;x-acs-content-sha256;\
         x-acs-date;x-acs-signature-nonce;x-acs-version,Signature={}",
        hmac_sha256_hex(SECRET, &string_to_sign)
    );
    assert_eq!(request.header("authorization"), Some(expected.as_str()));
    // The generic verifier agrees, stage by stage.
    let computed = v3_sign(&request.v3_input(), KEY_ID, SECRET);
    assert_eq!(computed.canonical_request, canonical_request);
    assert_eq!(computed.string_to_sign, string_to_sign);
    assert_signed(request, V3, KEY_ID, SECRET);

    // What would not verify: another method, another secret, another key ID.
    for (method, key_id, secret) in [
        ("GET", KEY_ID, SECRET),
        ("POST", KEY_ID, "othersecret"),
        ("POST", "otherid", SECRET),
    ] {
        assert_ne!(
            request.header("authorization"),
            Some(v3_signature_as(request, method, key_id, secret).as_str()),
            "{method} {key_id} {secret}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn v3_sts_credentials_sign_the_token_and_key_id_headers() -> TestResult {
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]);
    let key_id = "STS.sts-key-id";
    let token = "CAIS/sts+token=value";
    let client = make_client(config_with(&server, V3)?.credentials(
        Credentials::with_security_token(key_id, "sts-secret", token),
    ))?;
    query(&client).await?;
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.header("x-acs-security-token"), Some(token));
    assert_eq!(request.header("x-acs-accesskey-id"), Some(key_id));
    assert_eq!(
        request.operation_params(V3),
        owned(&[("FirmwareId", FIRMWARE_ID), ("IotInstanceId", INSTANCE_ID)])
    );
    let authorization = request.header("authorization").expect("authorization");
    assert!(
        authorization.starts_with(
            "ACS3-HMAC-SHA256 Credential=STS.sts-key-id,SignedHeaders=host;x-acs-accesskey-id;\
             x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;\
             x-acs-signature-nonce;x-acs-version,Signature="
        ),
        "{authorization}"
    );
    assert_signed(request, V3, key_id, "sts-secret");
    // Both headers are part of what was signed: leaving either out gives another signature.
    for left_out in ["x-acs-security-token", "x-acs-accesskey-id"] {
        let headers: Vec<(String, String)> = request
            .headers
            .iter()
            .filter(|(n, _)| n != left_out)
            .cloned()
            .collect();
        let mut input = request.v3_input();
        input.headers = &headers;
        assert_ne!(
            Some(authorization),
            Some(v3_sign(&input, key_id, "sts-secret").authorization.as_str()),
            "{left_out}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn get_sends_the_parameters_in_the_query_and_signs_get() -> TestResult {
    for version in VERSIONS {
        let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]);
        let client = make_client(config_with(&server, version)?.method(Method::Get))?;
        let reply = query(&client).await?;
        assert_eq!(reply.request_id, SAMPLE_REQUEST_ID);
        let requests = server.requests();
        assert_eq!(requests.len(), 1);
        let request = &requests[0];
        assert_eq!(request.method, "GET", "{version}");
        assert!(request.body.is_empty());
        assert_eq!(
            request.operation_params(version),
            owned(&[("FirmwareId", FIRMWARE_ID), ("IotInstanceId", INSTANCE_ID)]),
            "{version}: {}",
            request.raw_query()
        );
        assert_eq!(request.action(version).as_deref(), Some("QueryOTAFirmware"));
        assert_signed(request, version, KEY_ID, SECRET);
        // Signed as GET: the POST signature differs.
        if version == V1 {
            assert_ne!(
                request.param("Signature"),
                Some(v1_signature(request, "POST", SECRET))
            );
        } else {
            assert_ne!(
                request.header("authorization"),
                Some(v3_signature_as(request, "POST", KEY_ID, SECRET).as_str())
            );
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Decoding answers
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn json_answers_decode_into_the_typed_reply() -> TestResult {
    let server = Server::scripted(vec![
        Reply::json(200, DOC_JSON),
        Reply::json(200, SEED_JSON),
    ]);
    let client = make_client(config_for(&server)?)?;

    // `Success: true` in the envelope: the call is `Ok`, and the envelope leaves only its
    // request ID in the output.
    let doc = query(&client).await?;
    assert_eq!(doc.request_id, SAMPLE_REQUEST_ID);
    let info = doc.firmware_info.expect("FirmwareInfo");
    assert_eq!(
        info.firmware_id.as_deref(),
        Some("UfuxnwygsuSkVE0VCN****0100")
    );
    assert_eq!(info.dest_version.as_deref(), Some("4.0.0"));
    assert_eq!(info.src_version.as_deref(), Some(""));
    assert_eq!(info.firmware_size, Some(924));
    assert_eq!(info.r#type, Some(FirmwareType::Full));
    assert_eq!(info.status, Some(FirmwareStatus::Verifying));
    assert_eq!(info.utc_create, Some("2019-12-28T02:42:22Z".parse()?));
    assert!(
        info.firmware_url
            .as_deref()
            .is_some_and(|u| u.contains("&OSSAccessKeyId=cS8uRRy54Rsz****&"))
    );

    let seed = query(&client).await?;
    let info = seed.firmware_info.expect("FirmwareInfo");
    assert_eq!(
        info.udi_json(),
        Some(serde_json::json!({
            "ota_notice": " Upgrade the underlying camera driver to solve the problem of blurred video images. "
        }))
    );
    assert_eq!(server.count(), 2);
    Ok(())
}

#[tokio::test]
async fn xml_format_asks_for_xml_and_decodes_it() -> TestResult {
    for version in VERSIONS {
        let server = Server::scripted(vec![Reply::xml(200, DOC_XML)]);
        let client = make_client(config_with(&server, version)?.format(Format::Xml))?;
        // `<Success>true</Success>`: the call is `Ok`, with the envelope's request ID.
        let reply = query(&client).await?;
        assert_eq!(reply.request_id, SAMPLE_REQUEST_ID);
        let info = reply.firmware_info.expect("FirmwareInfo");
        assert_eq!(
            info.firmware_id.as_deref(),
            Some("yLYuCqfqQNQ1JOqkDa****0100")
        );
        assert_eq!(info.status, Some(FirmwareStatus::Unverified));
        assert_eq!(info.firmware_size, Some(924));
        assert_eq!(info.src_version.as_deref(), Some(""));
        assert!(
            info.firmware_url
                .as_deref()
                .is_some_and(|u| u.ends_with("&Signature=farzC8%2FVMN4HYdEtXvdiC2OevH****"))
        );
        let requests = server.requests();
        assert_eq!(requests[0].param("Format").as_deref(), Some("XML"));
        assert_signed(&requests[0], version, KEY_ID, SECRET);
        if version == V3 {
            // Under V3, `Format` is sent (and signed) only when XML is asked for.
            assert_eq!(
                requests[0].operation_params(V3),
                owned(&[
                    ("FirmwareId", FIRMWARE_ID),
                    ("Format", "XML"),
                    ("IotInstanceId", INSTANCE_ID),
                ])
            );
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn v1_signature_mismatch_with_the_same_string_to_sign_means_a_wrong_secret() -> TestResult {
    let server = Server::start(|_, request| Action::Reply(signature_mismatch(request, V1, "POST")));
    let token = "CAIS/TOKENVALUE-7f3a9";
    let client = make_client(
        config_with(&server, V1)?
            .credentials(Credentials::with_security_token(KEY_ID, SECRET, token)),
    )?;
    let error = query(&client).await.expect_err("must fail");
    assert_eq!(server.count(), 1, "SignatureDoesNotMatch is not retried");
    let service = service_error(&error);
    assert_eq!(service.code, "SignatureDoesNotMatch");
    assert_eq!(service.status, 400);
    assert_eq!(service.origin, ErrorOrigin::Gateway);
    assert_eq!(service.request_id.as_deref(), Some("SIG-REQ-1"));
    assert_eq!(
        service.signature_diagnosis,
        Some(SignatureDiagnosis::WrongSecret)
    );
    assert!(!error.is_retryable());

    let display = error.to_string();
    let debug = format!("{error:?}");
    assert!(display.contains("SignatureDoesNotMatch"), "{display}");
    assert!(display.contains("SIG-REQ-1"), "{display}");
    assert!(display.contains("AccessKeySecret is wrong"), "{display}");
    // The server's string to sign is kept, with the credentials in it redacted.
    assert!(
        display.contains("server string to sign is:POST&%2F&"),
        "{display}"
    );
    assert!(display.contains("AccessKeyId%3D<redacted>"), "{display}");
    assert!(display.contains("SecurityToken%3D<redacted>"), "{display}");
    let request = &server.requests()[0];
    let ours = v1_string_to_sign("POST", &request.params());
    for text in [&display, &debug] {
        assert!(!text.contains(&ours), "{text}");
        assert!(!text.contains("AccessKeyId%3Dtestid"), "{text}");
        assert!(!text.contains("TOKENVALUE-7f3a9"), "{text}");
        assert!(!text.contains(SECRET), "{text}");
    }
    Ok(())
}

#[tokio::test]
async fn v1_signature_mismatch_with_another_string_to_sign_says_so() -> TestResult {
    let server = Server::start(|_, request| Action::Reply(signature_mismatch(request, V1, "GET")));
    let client = make_client(config_with(&server, V1)?)?;
    let error = query(&client).await.expect_err("must fail");
    assert_eq!(server.count(), 1);
    let service = service_error(&error);
    assert_eq!(
        service.signature_diagnosis,
        Some(SignatureDiagnosis::StringToSignDiffers)
    );
    let display = error.to_string();
    assert!(display.contains("signed a different string"), "{display}");
    assert!(
        display.contains("server string to sign is:GET&%2F&"),
        "{display}"
    );
    assert!(!display.contains("AccessKeyId%3Dtestid"), "{display}");
    Ok(())
}

#[tokio::test]
async fn v3_signature_mismatch_with_the_clients_hash_means_a_wrong_secret() -> TestResult {
    // The server quotes `ACS3-HMAC-SHA256\n<hex SHA-256 of its canonical request>`, computed
    // here from the request received: the hash the client computed, if it signed correctly.
    let server = Server::start(|_, request| Action::Reply(signature_mismatch(request, V3, "POST")));
    let token = "CAIS/TOKENVALUE-7f3a9";
    let client = make_client(
        config_with(&server, V3)?
            .credentials(Credentials::with_security_token(KEY_ID, SECRET, token)),
    )?;
    let error = query(&client).await.expect_err("must fail");
    assert_eq!(server.count(), 1, "SignatureDoesNotMatch is not retried");
    let service = service_error(&error);
    assert_eq!(service.code, "SignatureDoesNotMatch");
    assert_eq!(service.status, 400);
    assert_eq!(service.request_id.as_deref(), Some("SIG-REQ-1"));
    assert_eq!(
        service.signature_diagnosis,
        Some(SignatureDiagnosis::WrongSecret)
    );
    assert!(!error.is_retryable());

    let request = &server.requests()[0];
    let ours = v3_sign(&request.v3_input(), KEY_ID, SECRET);
    let display = error.to_string();
    let debug = format!("{error:?}");
    assert!(display.contains("AccessKeySecret is wrong"), "{display}");
    // A V3 string to sign holds no secret: it is kept as it is.
    assert!(
        display.contains(&format!("server string to sign is:{}", ours.string_to_sign)),
        "{display}"
    );
    for text in [&display, &debug] {
        for secret in [SECRET, "TOKENVALUE-7f3a9", ours.signature.as_str()] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
    Ok(())
}

#[tokio::test]
async fn v3_signature_mismatch_with_another_hash_says_so() -> TestResult {
    // The server hashed the request as if it were a GET.
    let server = Server::start(|_, request| Action::Reply(signature_mismatch(request, V3, "GET")));
    let client = make_client(config_with(&server, V3)?)?;
    let error = query(&client).await.expect_err("must fail");
    assert_eq!(server.count(), 1);
    let service = service_error(&error);
    assert_eq!(
        service.signature_diagnosis,
        Some(SignatureDiagnosis::StringToSignDiffers)
    );
    let request = &server.requests()[0];
    let theirs = server_string_to_sign(request, V3, "GET");
    assert_ne!(theirs, server_string_to_sign(request, V3, "POST"));
    let display = error.to_string();
    assert!(display.contains("signed a different string"), "{display}");
    assert!(
        display.contains(&format!("server string to sign is:{theirs}")),
        "{display}"
    );
    Ok(())
}

#[tokio::test]
async fn v1_any_server_string_to_sign_in_a_message_is_redacted() -> TestResult {
    // The gateway also quotes its string to sign in other signature errors.
    let server = Server::start(|_, request| {
        let theirs = v1_string_to_sign("POST", &request.params());
        Action::Reply(Reply::json(
            400,
            gateway_error_json(
                "IncompleteSignature",
                &format!(
                    "The request signature does not conform to Aliyun standards. server string to sign is:{theirs}"
                ),
                "INCOMPLETE-1",
            ),
        ))
    });
    let client = make_client(config_with(&server, V1)?.credentials(
        Credentials::with_security_token(KEY_ID, SECRET, "CAIS/INCOMPLETETOKEN-51"),
    ))?;
    let error = query(&client).await.expect_err("must fail");
    assert_eq!(server.count(), 1);
    assert_eq!(error.code(), Some("IncompleteSignature"));
    let display = error.to_string();
    let debug = format!("{error:?}");
    assert!(
        display.contains("server string to sign is:POST&%2F&"),
        "{display}"
    );
    for text in [&display, &debug] {
        assert!(!text.contains("INCOMPLETETOKEN-51"), "{text}");
        assert!(!text.contains("AccessKeyId%3Dtestid"), "{text}");
    }
    Ok(())
}

#[tokio::test]
async fn gateway_errors_map_to_service_errors() -> TestResult {
    struct Case {
        status: u16,
        code: &'static str,
        message: &'static str,
        retryable: bool,
        throttling: bool,
    }
    let cases = [
        Case {
            status: 404,
            code: "InvalidAccessKeyId.NotFound",
            message: "The Access Key ID provided does not exist in our records.",
            retryable: false,
            throttling: false,
        },
        Case {
            status: 400,
            code: "MissingParameter",
            message: "The input parameter \\\"FirmwareId\\\" that is mandatory for processing this request is not supplied.",
            retryable: false,
            throttling: false,
        },
        Case {
            status: 400,
            code: "Throttling.User",
            message: "Request was denied due to request throttling.",
            retryable: true,
            throttling: true,
        },
        Case {
            status: 503,
            code: "ServiceUnavailable",
            message: "The server is temporarily unavailable.",
            retryable: true,
            throttling: false,
        },
    ];
    for case in cases {
        let request_id = format!("REQ-{}", case.code);
        let server = Server::scripted(vec![Reply::json(
            case.status,
            gateway_error_json(case.code, case.message, &request_id),
        )]);
        // Retries stay on: non-retryable codes must still be sent once only.
        let retry = if case.retryable {
            RetryConfig::disabled()
        } else {
            fast_retries()
        };
        let client = make_client(config_for(&server)?.retry(retry))?;
        let error = query(&client).await.expect_err(case.code);
        assert_eq!(server.count(), 1, "{}", case.code);
        let service = service_error(&error);
        let message = case.message.replace("\\\"", "\"");
        assert_eq!(service.status, case.status);
        assert_eq!(service.code, case.code);
        assert_eq!(service.message, message);
        assert_eq!(service.origin, ErrorOrigin::Gateway);
        assert_eq!(service.request_id.as_deref(), Some(request_id.as_str()));
        assert_eq!(
            service.host_id.as_deref(),
            Some("iot.cn-shanghai.aliyuncs.com")
        );
        assert_eq!(error.code(), Some(case.code));
        assert_eq!(error.request_id(), Some(request_id.as_str()));
        assert_eq!(error.is_retryable(), case.retryable, "{}", case.code);
        assert_eq!(error.is_throttling(), case.throttling, "{}", case.code);
        let display = error.to_string();
        for part in [case.code, message.as_str(), request_id.as_str()] {
            assert!(display.contains(part), "{display:?} lacks {part:?}");
        }
        assert!(
            display.contains(&format!("HTTP {}", case.status)),
            "{display}"
        );
        assert!(
            display.contains("see https://api.aliyun.com/troubleshoot"),
            "{display}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn in_band_failures_map_to_service_errors() -> TestResult {
    // A transient in-band failure: retryable, here with retries off.
    let server = Server::scripted(vec![Reply::json(
        200,
        in_band_error_json(
            "iot.system.SystemException",
            "A system exception occurred.",
            "INBAND-1",
        ),
    )]);
    let client = make_client(config_for(&server)?.retry(RetryConfig::disabled()))?;
    let error = query(&client).await.expect_err("in-band failure");
    assert_eq!(server.count(), 1);
    let service = service_error(&error);
    assert_eq!(service.origin, ErrorOrigin::InBand);
    assert_eq!(service.status, 200);
    assert_eq!(service.code, "iot.system.SystemException");
    assert_eq!(service.message, "A system exception occurred.");
    assert!(error.is_retryable());
    assert_eq!(
        error.to_string(),
        "iot.system.SystemException: A system exception occurred. (RequestId: INBAND-1, HTTP 200)"
    );

    // A permanent in-band failure: not retried even with retries on.
    let server = Server::scripted(vec![Reply::xml(
        200,
        "<QueryOTAFirmwareResponse><RequestId>INBAND-2</RequestId><Success>false</Success>\
         <Code>iot.system.InstanceNotFound</Code><ErrorMessage>The specified instance ID does not exist.</ErrorMessage>\
         </QueryOTAFirmwareResponse>",
    )]);
    let client = make_client(config_for(&server)?.format(Format::Xml))?;
    let error = query(&client).await.expect_err("in-band failure");
    assert_eq!(server.count(), 1, "InstanceNotFound is not retried");
    let service = service_error(&error);
    assert_eq!(service.origin, ErrorOrigin::InBand);
    assert_eq!(service.code, "iot.system.InstanceNotFound");
    assert!(!error.is_retryable());
    let display = error.to_string();
    for part in [
        "iot.system.InstanceNotFound",
        "The specified instance ID does not exist.",
        "INBAND-2",
    ] {
        assert!(display.contains(part), "{display}");
    }
    Ok(())
}

#[tokio::test]
async fn a_proxy_page_keeps_its_status() -> TestResult {
    let server = Server::scripted(vec![Reply::new(
        502,
        "text/html",
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
    )]);
    let client = make_client(config_for(&server)?.retry(RetryConfig::disabled()))?;
    let error = query(&client).await.expect_err("502");
    assert_eq!(server.count(), 1);
    let service = service_error(&error);
    assert_eq!(service.status, 502);
    assert_eq!(service.code, "Http502");
    assert_eq!(service.origin, ErrorOrigin::Gateway);
    assert!(service.message.contains("502 Bad Gateway"), "{service:?}");
    assert!(error.is_retryable());
    assert!(error.to_string().contains("HTTP 502"), "{error}");
    Ok(())
}

#[tokio::test]
async fn malformed_bodies_are_decode_errors_with_a_path() -> TestResult {
    let server = Server::scripted(vec![
        Reply::json(
            200,
            r#"{"RequestId":"R-1","Success":true,"FirmwareInfo":{"FirmwareId":"f","FirmwareSize":{"bytes":924}}}"#,
        ),
        Reply::json(200, r#"{"RequestId":"R-2","Success":true,"#),
    ]);
    let client = make_client(config_for(&server)?)?;
    let error = query(&client).await.expect_err("bad field");
    assert_eq!(server.count(), 1, "decode errors are not retried");
    let Error::Decode(decode) = &error else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_eq!(decode.format, Format::Json);
    assert_eq!(decode.path, "FirmwareInfo.FirmwareSize");
    assert!(
        error.to_string().contains("FirmwareInfo.FirmwareSize"),
        "{error}"
    );
    assert!(!error.is_retryable());

    let error = query(&client).await.expect_err("truncated");
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
    assert_eq!(server.count(), 2);
    Ok(())
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_decode_error_and_not_retried() -> TestResult {
    let mut big = br#"{"RequestId":"R","Success":true,"Pad":""#.to_vec();
    big.extend(std::iter::repeat_n(b'x', 64 * 1024));
    big.extend_from_slice(br#""}"#);
    let server = Server::scripted(vec![Reply::json(200, big)]);
    // Retries stay on: the same call would bring the same body, so it is not retried.
    let client = make_client(config_for(&server)?.max_body_bytes(1024))?;
    let error = query(&client).await.expect_err("too large");
    let Error::Decode(decode) = &error else {
        panic!("expected a decode error, got {error:?}");
    };
    assert!(decode.message.contains("1024"), "{decode}");
    assert_eq!(server.count(), 1);

    // The same body within the limit decodes.
    let client = make_client(config_for(&server)?)?;
    assert_eq!(query(&client).await?.request_id, "R");
    Ok(())
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_on_read() -> TestResult {
    let server = Server::start(|_, _| Action::Hang);
    let read_timeout = Duration::from_millis(200);
    let client = make_client(
        config_for(&server)?
            .read_timeout(read_timeout)
            .retry(RetryConfig::disabled()),
    )?;
    let start = Instant::now();
    let result = tokio::time::timeout(Duration::from_secs(5), query(&client))
        .await
        .expect("the read timeout must end the call");
    let error = result.expect_err("timeout");
    assert!(
        matches!(error, Error::Timeout { what: "read", after } if after == read_timeout),
        "{error:?}"
    );
    assert!(error.is_retryable());
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(server.count(), 1);
    assert!(error.to_string().contains("timed out"), "{error}");
    Ok(())
}

#[tokio::test]
async fn the_call_timeout_bounds_the_whole_call() -> TestResult {
    let server = Server::start(|_, _| Action::Hang);
    let limit = Duration::from_millis(300);
    let client = make_client(config_for(&server)?.call_timeout(limit))?;
    let start = Instant::now();
    let error = tokio::time::timeout(Duration::from_secs(5), query(&client))
        .await
        .expect("the call timeout must end the call")
        .expect_err("timeout");
    let elapsed = start.elapsed();
    assert!(
        matches!(error, Error::Timeout { what: "call", after } if after == limit),
        "{error:?}"
    );
    assert!(elapsed >= limit, "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    Ok(())
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() -> TestResult {
    let addr = refused_addr();
    let client = make_client(
        Config::builder()
            .endpoint_url(&format!("http://{addr}/"))?
            .credentials(Credentials::new(KEY_ID, SECRET))
            .pacing(Pacing::Off)
            .retry(RetryConfig::disabled()),
    )?;
    let error = query(&client).await.expect_err("refused");
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(error.is_retryable());
    assert!(error.to_string().starts_with("transport error:"), "{error}");
    Ok(())
}

#[tokio::test]
async fn a_missing_firmware_id_is_a_build_error_and_sends_nothing() -> TestResult {
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]);
    let client = make_client(config_for(&server)?)?;
    let error = client
        .query_ota_firmware()
        .iot_instance_id(INSTANCE_ID)
        .send()
        .await
        .expect_err("FirmwareId is required");
    let Error::Build(build) = &error else {
        panic!("expected a build error, got {error:?}");
    };
    assert_eq!(build.operation, "QueryOTAFirmware");
    assert_eq!(build.parameter, "FirmwareId");
    assert_eq!(build.setter, "firmware_id");
    let display = error.to_string();
    assert!(display.contains("FirmwareId"), "{display}");
    assert!(display.contains(".firmware_id("), "{display}");
    assert!(!error.is_retryable());
    assert_eq!(server.count(), 0);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Retries
// ---------------------------------------------------------------------------------------------

fn unavailable() -> Reply {
    Reply::json(
        503,
        gateway_error_json(
            "ServiceUnavailable",
            "The server is temporarily unavailable.",
            "R-503",
        ),
    )
}

#[tokio::test]
async fn a_transient_failure_is_retried_with_a_fresh_nonce() -> TestResult {
    for version in VERSIONS {
        let server = Server::scripted(vec![unavailable(), Reply::json(200, SEED_JSON)]);
        let client = make_client(config_with(&server, version)?)?;
        let reply = query(&client).await?;
        assert_eq!(reply.request_id, SAMPLE_REQUEST_ID);
        let requests = server.requests();
        assert_eq!(requests.len(), 2);
        let nonces: Vec<String> = requests
            .iter()
            .map(|r| r.nonce(version).expect("nonce"))
            .collect();
        assert!(nonces.iter().all(|n| is_nonce(n)), "{nonces:?}");
        assert_ne!(
            nonces[0], nonces[1],
            "{version}: a retry must not reuse the nonce"
        );
        assert_ne!(
            requests[0].signature(version),
            requests[1].signature(version)
        );
        for request in &requests {
            assert_signed(request, version, KEY_ID, SECRET);
            assert_recent(&request.date(version).expect("a date"))?;
        }
    }
    Ok(())
}

#[tokio::test]
async fn every_attempt_is_signed_afresh_with_its_own_date_and_nonce() -> TestResult {
    for version in VERSIONS {
        let server = Server::scripted(vec![
            unavailable(),
            unavailable(),
            Reply::json(200, SEED_JSON),
        ]);
        // A clock that moves on each time it is read: a date computed once per call, not per
        // attempt, would repeat.
        let client = make_client(config_with(&server, version)?.clock(SteppingClock::default()))?;
        query(&client).await?;
        let requests = server.requests();
        assert_eq!(requests.len(), 3);
        let dates: Vec<Timestamp> = requests
            .iter()
            .map(|r| r.date(version).expect("a date").parse())
            .collect::<Result<_, _>>()?;
        assert_eq!(
            dates[0],
            Timestamp::from_second(SteppingClock::START)?,
            "{version}"
        );
        assert!(
            dates.windows(2).all(|w| w[0] < w[1]),
            "{version}: {dates:?}"
        );
        let nonces: std::collections::HashSet<String> =
            requests.iter().filter_map(|r| r.nonce(version)).collect();
        assert_eq!(nonces.len(), 3, "{version}: {nonces:?}");
        let signatures: std::collections::HashSet<String> = requests
            .iter()
            .filter_map(|r| r.signature(version))
            .collect();
        assert_eq!(signatures.len(), 3, "{version}");
        for request in &requests {
            assert_signed(request, version, KEY_ID, SECRET);
        }
    }
    Ok(())
}

#[tokio::test]
async fn retries_stop_after_three_attempts_by_default() -> TestResult {
    for version in VERSIONS {
        let server = Server::scripted(vec![unavailable()]);
        let client = make_client(config_with(&server, version)?)?;
        let error = query(&client).await.expect_err("always 503");
        assert_eq!(server.count(), 3, "{version}");
        assert_eq!(service_error(&error).code, "ServiceUnavailable");
        assert_eq!(service_error(&error).status, 503);
        let nonces: std::collections::HashSet<String> = server
            .requests()
            .iter()
            .map(|r| r.nonce(version).expect("nonce"))
            .collect();
        assert_eq!(nonces.len(), 3, "{version}");
    }
    Ok(())
}

#[tokio::test]
async fn disabled_retries_make_one_attempt() -> TestResult {
    let server = Server::scripted(vec![unavailable(), Reply::json(200, SEED_JSON)]);
    let client = make_client(config_for(&server)?.retry(RetryConfig::disabled()))?;
    let error = query(&client).await.expect_err("503, not retried");
    assert_eq!(server.count(), 1);
    assert_eq!(error.code(), Some("ServiceUnavailable"));
    Ok(())
}

#[tokio::test]
async fn permanent_errors_are_not_retried() -> TestResult {
    let replies: [(&str, Reply); 3] = [
        (
            "SignatureDoesNotMatch",
            Reply::json(
                400,
                gateway_error_json(
                    "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation.",
                    "R-1",
                ),
            ),
        ),
        (
            "MissingParameter",
            Reply::json(
                400,
                gateway_error_json("MissingParameter", "FirmwareId is missing.", "R-2"),
            ),
        ),
        (
            "iot.system.InstanceNotFound",
            Reply::json(
                200,
                in_band_error_json(
                    "iot.system.InstanceNotFound",
                    "The specified instance ID does not exist.",
                    "R-3",
                ),
            ),
        ),
    ];
    for version in VERSIONS {
        for (code, reply) in replies.clone() {
            // The second answer would succeed: a retry would hide the error.
            let server = Server::scripted(vec![reply, Reply::json(200, SEED_JSON)]);
            let client = make_client(config_with(&server, version)?)?;
            let error = query(&client).await.expect_err(code);
            assert_eq!(error.code(), Some(code));
            assert_eq!(server.count(), 1, "{version}: {code} was retried");
        }
    }
    Ok(())
}

/// A throttled call with `x-acs-retry-after: 1` is retried after a second, signed afresh.
async fn retry_after_is_honoured(version: SignatureVersion) -> TestResult {
    let throttled = Reply::json(
        400,
        gateway_error_json(
            "Throttling.User",
            "Request was denied due to request throttling.",
            "R-T",
        ),
    )
    .with_header("x-acs-retry-after", "1");
    let server = Server::scripted(vec![throttled, Reply::json(200, SEED_JSON)]);
    let client = make_client(config_with(&server, version)?)?;
    query(&client).await?;
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let gap = requests[1].at - requests[0].at;
    // The backoff alone would be a few milliseconds.
    assert!(
        gap >= Duration::from_millis(990),
        "{version}: retried after {gap:?}"
    );
    assert!(
        gap < Duration::from_secs(3),
        "{version}: retried after {gap:?}"
    );
    assert_ne!(requests[0].nonce(version), requests[1].nonce(version));
    assert_signed(&requests[1], version, KEY_ID, SECRET);
    Ok(())
}

#[tokio::test]
async fn the_servers_retry_after_hint_is_honoured() -> TestResult {
    // Both versions at once: each waits a second.
    let (v1, v3) = tokio::join!(retry_after_is_honoured(V1), retry_after_is_honoured(V3));
    v1?;
    v3?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Pacing
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn default_pacing_keeps_concurrent_callers_within_the_quota() -> TestResult {
    const CALLERS: usize = 100;
    const QUOTA: usize = 20;
    // The limiter's slots are exactly 50 ms apart, so 20 of them span 950 ms and the 21st
    // starts 1 s after the first: allow up to one interval of delay between a slot and the
    // request's arrival at the server (a faster limiter is caught by the total span).
    const ARRIVAL_JITTER: Duration = Duration::from_millis(50);
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]);
    // Two clients built separately (and cloned per caller) share the account's quota. A key of
    // its own, so that no other test shares the process-wide limiter.
    let build = || -> Result<Client, Error> {
        let config = Config::builder()
            .endpoint_url(&server.url())?
            .credentials(Credentials::new("pacing-wire-test-key", SECRET))
            .build()?;
        assert_eq!(config.pacing, Pacing::Quota);
        Client::new(config)
    };
    let clients = [build()?, build()?];
    // One call per client first, so that no paced call pays for opening a connection (which
    // would delay its arrival and bunch it with the next ones). They take pacing slots too.
    for client in &clients {
        query(client).await?;
    }
    let start = Instant::now();
    let tasks: Vec<_> = (0..CALLERS)
        .map(|i| {
            let client = clients[i % 2].clone();
            tokio::spawn(async move { query(&client).await })
        })
        .collect();
    for task in tasks {
        task.await??;
    }
    let elapsed = start.elapsed();

    let mut arrivals: Vec<Instant> = server.requests().iter().map(|r| r.at).collect();
    let total = CALLERS + clients.len();
    assert_eq!(arrivals.len(), total);
    arrivals.sort();
    // 102 calls at 20/s: 101 intervals of 50 ms (5.05 s).
    let span = arrivals[total - 1] - arrivals[0];
    assert!(
        span >= Duration::from_millis(5000),
        "{total} calls in {span:?}"
    );
    assert!(elapsed < Duration::from_secs(8), "took {elapsed:?}");
    let window = Duration::from_secs(1) - ARRIVAL_JITTER;
    for (i, &first) in arrivals.iter().enumerate() {
        let in_window = arrivals[i..]
            .iter()
            .take_while(|&&t| t < first + window)
            .count();
        assert!(
            in_window <= QUOTA,
            "{in_window} requests arrived within {window:?} from request #{i}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn sequential_calls_are_paced_too() -> TestResult {
    // One call at a time: the quota must hold between calls, not only among concurrent ones.
    for version in VERSIONS {
        let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]);
        let client = make_client(
            Config::builder()
                .endpoint_url(&server.url())?
                .credentials(Credentials::new(
                    format!("pacing-sequential-test-key-{version}"),
                    SECRET,
                ))
                .pacing(Pacing::PerSecond(20))
                .signature(version),
        )?;
        for _ in 0..11 {
            query(&client).await?;
        }
        let requests = server.requests();
        assert_eq!(requests.len(), 11);
        // Ten 50 ms intervals, less some slack for a late first arrival; unpaced, the eleven
        // calls take a few milliseconds.
        let span = requests[10].at - requests[0].at;
        assert!(
            span >= Duration::from_millis(400),
            "{version}: 11 calls in {span:?}"
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------------------------

/// A `tracing` writer that appends to a shared buffer.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Capture {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(PoisonError::into_inner)).into_owned()
    }
}

/// Every log line of this test binary, at TRACE level.
///
/// A process-wide subscriber rather than a thread-local one: `tracing` caches per call site
/// whether anyone listens, and with a thread-local subscriber that cache races with the tests
/// running on other threads, so events of the test under watch could be silently skipped
/// (and a leak in them missed).
fn captured_logs() -> &'static Capture {
    static CAPTURE: OnceLock<Capture> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture = Capture::default();
        let writer = capture.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other global subscriber in this test binary");
        capture
    })
}

#[tokio::test]
async fn secrets_never_reach_logs_or_errors() -> TestResult {
    for version in VERSIONS {
        secrets_never_reach_logs_or_errors_with(version).await?;
    }
    Ok(())
}

async fn secrets_never_reach_logs_or_errors_with(version: SignatureVersion) -> TestResult {
    const LEAK_SECRET: &str = "LeakSecret/4f9c+Z=";
    const LEAK_TOKEN: &str = "CAIS/LeakToken+93a1e=";
    // Markers of this test's own calls among the logs of the whole binary.
    let firmware = format!("leak-test-firmware-7d2c-{version}");
    let unavailable_id = format!("LEAK-503-REQ-{version}");
    let capture = captured_logs();

    let credentials = Credentials::with_security_token("leak-key-id", LEAK_SECRET, LEAK_TOKEN);
    let reply_503 = Reply::json(
        503,
        gateway_error_json(
            "ServiceUnavailable",
            "The server is temporarily unavailable.",
            &unavailable_id,
        ),
    );
    let server = Server::start(move |i, request| match i {
        0 => Action::Reply(reply_503.clone()),
        1 => Action::Reply(Reply::json(200, SEED_JSON)),
        _ => Action::Reply(signature_mismatch(request, version, "POST")),
    });
    let client = make_client(config_with(&server, version)?.credentials(credentials.clone()))?;
    let send = |client: Client| {
        let firmware = firmware.clone();
        async move {
            client
                .query_ota_firmware()
                .firmware_id(firmware)
                .send()
                .await
        }
    };

    let mut errors = Vec::new();
    // A call that is retried once, then succeeds.
    send(client.clone()).await?;
    // A SignatureDoesNotMatch whose message carries the server's string to sign (under V1,
    // the token is in it).
    let error = send(client.clone()).await.expect_err("signature mismatch");
    assert_eq!(
        service_error(&error).signature_diagnosis,
        Some(SignatureDiagnosis::WrongSecret),
        "{version}"
    );
    errors.push(error);
    // A transport error, retried.
    let refused = make_client(
        Config::builder()
            .endpoint_url(&format!("http://{}/", refused_addr()))?
            .credentials(credentials)
            .pacing(Pacing::Off)
            .retry(fast_retries())
            .signature(version),
    )?;
    let error = send(refused.clone()).await.expect_err("refused");
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    errors.push(error);

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let mut forbidden = vec![
        LEAK_SECRET.to_owned(),
        rfc3986(LEAK_SECRET),
        "LeakSecret".to_owned(),
        LEAK_TOKEN.to_owned(),
        rfc3986(LEAK_TOKEN),
        "LeakToken".to_owned(),
    ];
    for request in &requests {
        assert_signed(request, version, "leak-key-id", LEAK_SECRET);
        let signature = request.signature(version).expect("a signature");
        if version == V1 {
            assert_eq!(request.param("SecurityToken").as_deref(), Some(LEAK_TOKEN));
            forbidden.push(signature.trim_end_matches('=').to_owned());
            forbidden.push(request.raw_signature());
        } else {
            assert_eq!(request.header("x-acs-security-token"), Some(LEAK_TOKEN));
            forbidden.push(signature);
            forbidden.push(
                request
                    .header("authorization")
                    .expect("authorization")
                    .to_owned(),
            );
        }
    }

    let logs = capture.text();
    // The capture works, and holds this test's calls: each attempt's request (six: three
    // answered, three refused), the retry warnings and the service errors.
    let sending = format!("FirmwareId={firmware}");
    assert_eq!(
        logs.lines().filter(|l| l.contains(&sending)).count(),
        6,
        "{version}: {logs}"
    );
    assert!(logs.contains(&unavailable_id), "{logs}");
    assert!(
        logs.lines()
            .any(|l| l.contains("retrying") && l.contains("transport error")),
        "{logs}"
    );
    assert!(logs.contains("code=SignatureDoesNotMatch"), "{logs}");
    let mut texts = vec![("logs".to_owned(), logs)];
    for error in &errors {
        texts.push(("Display".to_owned(), error.to_string()));
        texts.push(("Debug".to_owned(), format!("{error:?}")));
    }
    texts.push(("client Debug".to_owned(), format!("{client:?} {refused:?}")));
    for (what, text) in &texts {
        for secret in &forbidden {
            assert!(
                !text.contains(secret.as_str()),
                "{version}: {what} contains {secret:?}:\n{text}"
            );
        }
    }
    Ok(())
}
