//! V3 requests (`ACS3-HMAC-SHA256`, `ACS3-HMAC-SM3`) over raw HTTP, signed in the test, stage
//! by stage or with the runtime's `Acs3Signer`: what verifies (the runtime's signer, GET and
//! POST, STS, SM3, a request signed like the official Python SDK) and every way a request is
//! refused, each with its code and without echoing a secret, a token or a signature.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use aliyun_iot_emulator::{AccessKey, EmulatorConfig, default_packages};
use aliyun_runtime::ServiceError;
use aliyun_runtime::signing::parse_server_string_to_sign;
use aliyun_runtime::signing::v3::{self, Acs3Algorithm};
use aliyun_runtime::wire::Format;
use common::{
    ResponseExt as _, SEED_ID, SignedSet, V3Call, V3Request, XML_ID, assert_no_leak, start,
    start_default,
};
use test_support::Response;

const STS_ID: &str = "STS.v3Key";
const STS_SECRET: &str = "stsV3Secret";
const STS_TOKEN: &str = "CAIS8gF1q6Ft5B2yfSjIr5bkKPnFjrpx1I2YT0v/sHUxQeVqrIXKuDz2IHtKdXRv==";

/// The SHA-256 of nothing.
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn package(id: &str) -> aliyun_iot::query_ota_firmware::FirmwareInfo {
    default_packages()
        .into_iter()
        .find(|p| p.firmware_id() == id)
        .expect("a default package")
        .firmware
}

/// An emulator with the default key and an STS key.
async fn start_with_sts() -> aliyun_iot_emulator::RunningEmulator {
    let keys = vec![
        AccessKey::default(),
        AccessKey::new(STS_ID, STS_SECRET).with_security_token(STS_TOKEN),
    ];
    start(EmulatorConfig::ephemeral().with_keys(keys)).await
}

/// A successful reply in `format` carrying the package `id` exactly as the emulator holds it.
#[track_caller]
fn assert_package(reply: &Response, id: &str, format: Format) {
    assert_eq!(reply.format(), format, "{}", reply.text());
    let response = reply.response();
    assert_eq!(response.firmware_info.as_ref(), Some(&package(id)));
}

/// A refusal with this status and code, in JSON (the V3 default), that repeats neither the
/// request's signature nor a secret nor a token.
#[track_caller]
fn refused(reply: &Response, request: &V3Request, status: u16, code: &str) -> ServiceError {
    let error = reply.expect_error(status, code);
    assert_eq!(reply.format(), Format::Json, "{}", reply.text());
    assert_no_leak(
        reply,
        &[
            &request.signature,
            "testsecret",
            STS_SECRET,
            STS_TOKEN,
            "wrongSecret",
        ],
    );
    error
}

/// Signs `call` for the emulator, sends it, expects a refusal (see [`refused`]).
async fn expect_refused(
    emu: &aliyun_iot_emulator::RunningEmulator,
    call: &V3Call,
    status: u16,
    code: &str,
) -> ServiceError {
    let request = call.sign(&emu.addr().to_string());
    let reply = request.send(emu.addr()).await;
    refused(&reply, &request, status, code)
}

// ---------------------------------------------------------------------------------------------
// The hand-made signer of these tests reproduces the reference vectors
// ---------------------------------------------------------------------------------------------

/// The reference's calls: `iot.cn-shanghai.aliyuncs.com`, fixed date and nonce, the IoT
/// document's example ids, `testid`/`testsecret`.
fn reference_call() -> V3Call {
    V3Call::new("s8SSHiKjpBfrM3BSN0z803****")
        .param("IotInstanceId", "iot_instc_pu****_c*-v64********")
        .header("x-acs-date", "2026-11-27T08:00:00Z")
        .header("x-acs-signature-nonce", "6a3f3c2e9b1d4f7e8a0b1c2d3e4f5a6b")
}

const REFERENCE_HOST: &str = "iot.cn-shanghai.aliyuncs.com";
const PYTHON_UA: &str = "AlibabaCloud (test) Python/x Core/x TeaDSL/2";

#[test]
fn the_test_signer_matches_the_reference_vectors() {
    let signed_default =
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
    // V2 `iot-get-query`.
    let get = reference_call().method("GET").sign(REFERENCE_HOST);
    assert_eq!(
        get.header("authorization"),
        Some(format!("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders={signed_default},Signature=86414c8829061c391534039fa6ef0977f435df2ed04d23fe245bf00fbde84bdf").as_str())
    );
    assert_eq!(
        get.string_to_sign,
        "ACS3-HMAC-SHA256\ndd2c1567a76526d9f2b83e59711a38e445ba1d36d0723aeab001cb39850f1c98"
    );
    // V9 `iot-post-query-sm3`.
    let sm3 = reference_call()
        .algorithm(Acs3Algorithm::HmacSm3)
        .sign(REFERENCE_HOST);
    assert_eq!(
        sm3.header("x-acs-content-sha256"),
        Some("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b")
    );
    assert_eq!(
        sm3.header("authorization"),
        Some(format!("ACS3-HMAC-SM3 Credential=testid,SignedHeaders={signed_default},Signature=6f1f3bea4426afcb0b76203e068ca5dd88fd0e4ad28e484886159fcd3545a3e6").as_str())
    );
    // V11 `sdk-capture-iot-ak`: the Python SDK signs every header it sends.
    let python = reference_call()
        .python_sdk()
        .header("user-agent", PYTHON_UA)
        .sign(REFERENCE_HOST);
    assert_eq!(
        python.header("authorization"),
        Some(
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=accept;host;user-agent;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e553d2d5b373ee2b5edfdecc70b6d27e2b777cdfeeee36f0e79c36f7d0b09d7e"
        )
    );
    // V12 `sdk-capture-iot-sts`.
    let token = "CAIS8gF1q6Ft5B2yfSjIr5bkKPnFjrpx1I2YT0v/sHUxQeVqrIXKuDz2IHtKdXRvBu8Xs/4wnmxX7f4alrMqEcEdHRKeN5MqtcoHrF/5JpLFst2J6r8JjsUNq+J8CzSdOwZ8s4k3+8XxJxtu4Y5rB4bH8o2jCi8nRGa0mS5WqvQ0n2Bq4S9ZlcN9rTMCE6O+6sH3v6nTRq3LAlHQvvdMcSKe0cHWGoAA==";
    let sts = reference_call()
        .sts("STS.NUgYrLnoC37mZZCNnAbez2mdw", "stssecret", token)
        .python_sdk()
        .header("user-agent", PYTHON_UA)
        .sign(REFERENCE_HOST);
    assert_eq!(
        sts.header("authorization"),
        Some(
            "ACS3-HMAC-SHA256 Credential=STS.NUgYrLnoC37mZZCNnAbez2mdw,SignedHeaders=accept;host;user-agent;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=1dee358df221b2d22f15ce650a0744df77e592ad49d4f0447bdf0cff00c7e65f"
        )
    );
    // The runtime's signer agrees with the stages for the default set.
    for call in [
        reference_call(),
        reference_call().method("GET"),
        reference_call().algorithm(Acs3Algorithm::HmacSm3),
        reference_call().sts(STS_ID, STS_SECRET, STS_TOKEN),
    ] {
        let by_hand = call.sign(REFERENCE_HOST);
        let by_runtime = call.sign_with_runtime(REFERENCE_HOST);
        assert_eq!(by_hand.string_to_sign, by_runtime.string_to_sign);
        assert_eq!(
            by_hand.header("authorization"),
            by_runtime.header("authorization")
        );
        assert_eq!(by_hand.query, by_runtime.query);
    }
}

// ---------------------------------------------------------------------------------------------
// What verifies
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_runtimes_signer_post_with_an_empty_body_answers_json() {
    let emu = start_default().await;
    let host = emu.addr().to_string();
    let call = V3Call::new(SEED_ID);
    let request = call.sign_with_runtime(&host);
    assert!(request.body.is_empty());
    assert_eq!(request.header("x-acs-content-sha256"), Some(EMPTY_SHA256));
    assert_eq!(
        request.query,
        "FirmwareId=UfuxnwygsuSkVE0VCN%2A%2A%2A%2A0100"
    );
    let reply = request.send(emu.addr()).await;
    assert!(
        reply
            .header("content-type")
            .is_some_and(|ct| ct.starts_with("application/json")),
        "{:?}",
        reply.headers
    );
    assert_package(&reply, SEED_ID, Format::Json);
    // The same call signed stage by stage, with a fresh nonce.
    assert_package(&call.renew().send(emu.addr()).await, SEED_ID, Format::Json);
}

#[tokio::test]
async fn get_post_and_both_algorithms_verify() {
    let emu = start_default().await;
    let host = emu.addr().to_string();
    for algorithm in [Acs3Algorithm::HmacSha256, Acs3Algorithm::HmacSm3] {
        for method in ["GET", "POST"] {
            let call = V3Call::new(SEED_ID).method(method).algorithm(algorithm);
            let request = call.sign_with_runtime(&host);
            let auth = request.header("authorization").unwrap();
            assert!(auth.starts_with(algorithm.as_str()), "{auth}");
            let reply = request.send(emu.addr()).await;
            assert_package(&reply, SEED_ID, Format::Json);
            let reply = call.renew().send(emu.addr()).await;
            assert_package(&reply, SEED_ID, Format::Json);
        }
    }
    // The package of an instance, with its instance ID.
    let call = V3Call::new(aliyun_iot_emulator::MULTI_FILE_PACKAGE_ID)
        .param("IotInstanceId", aliyun_iot_emulator::MULTI_FILE_INSTANCE);
    assert_package(
        &call.send(emu.addr()).await,
        aliyun_iot_emulator::MULTI_FILE_PACKAGE_ID,
        Format::Json,
    );
}

#[tokio::test]
async fn format_xml_in_the_query_answers_xml() {
    let emu = start_default().await;
    let host = emu.addr().to_string();
    for value in ["XML", "xml"] {
        let call = V3Call::new(XML_ID).param("Format", value);
        let reply = call.sign_with_runtime(&host).send(emu.addr()).await;
        assert!(
            reply
                .header("content-type")
                .is_some_and(|ct| ct.starts_with("text/xml")),
            "{:?}",
            reply.headers
        );
        assert!(reply.text().starts_with("<?xml"), "{}", reply.text());
        assert_package(&reply, XML_ID, Format::Xml);
    }
    // JSON asked for explicitly.
    let reply = V3Call::new(SEED_ID)
        .param("Format", "JSON")
        .send(emu.addr())
        .await;
    assert_package(&reply, SEED_ID, Format::Json);
    // Errors follow the same rule.
    let call = V3Call::new(SEED_ID)
        .param("Format", "XML")
        .secret("wrongSecret");
    let request = call.sign(&host);
    let reply = request.send(emu.addr()).await;
    assert_eq!(reply.format(), Format::Xml, "{}", reply.text());
    let error = reply.expect_error(400, "SignatureDoesNotMatch");
    assert_eq!(
        parse_server_string_to_sign(&error.message),
        Some(request.string_to_sign.as_str())
    );
}

#[tokio::test]
async fn sts_credentials_with_their_token_verify() {
    let emu = start_with_sts().await;
    let host = emu.addr().to_string();
    let call = V3Call::new(SEED_ID).sts(STS_ID, STS_SECRET, STS_TOKEN);
    let request = call.sign_with_runtime(&host);
    assert_eq!(request.header("x-acs-security-token"), Some(STS_TOKEN));
    assert_eq!(request.header("x-acs-accesskey-id"), Some(STS_ID));
    assert!(
        request
            .header("authorization")
            .unwrap()
            .contains("x-acs-security-token"),
    );
    assert_package(&request.send(emu.addr()).await, SEED_ID, Format::Json);
    // GET and SM3 too.
    let call = call.renew().method("GET").algorithm(Acs3Algorithm::HmacSm3);
    assert_package(&call.send(emu.addr()).await, SEED_ID, Format::Json);
}

#[tokio::test]
async fn a_form_body_is_covered_by_its_hash() {
    let emu = start_default().await;
    let body = format!("FirmwareId={}", SEED_ID.replace('*', "%2A"));
    let call = V3Call::new("unused").body("application/x-www-form-urlencoded", body.as_bytes());
    let call = V3Call {
        query: Vec::new(),
        ..call
    };
    let request = call.sign_with_runtime(&emu.addr().to_string());
    assert!(
        request
            .header("authorization")
            .unwrap()
            .contains("SignedHeaders=content-type;host;"),
    );
    assert_package(&request.send(emu.addr()).await, SEED_ID, Format::Json);
}

#[tokio::test]
async fn a_request_signed_like_the_python_sdk_verifies() {
    let emu = start_with_sts().await;
    let host = emu.addr().to_string();
    // An extra parameter with spaces, sent as `+` (Python's `urlencode`), signed as `%20`.
    let calls = [
        V3Call::new(SEED_ID),
        V3Call::new(SEED_ID).sts(STS_ID, STS_SECRET, STS_TOKEN),
    ];
    for call in calls {
        let call = call
            .param("Note", "two words (and * one ~star)")
            .python_sdk();
        let request = call.sign(&host);
        assert_eq!(
            request.query,
            "FirmwareId=UfuxnwygsuSkVE0VCN%2A%2A%2A%2A0100&Note=two+words+%28and+%2A+one+~star%29"
        );
        let canonical = call.canonical_request(&host);
        assert!(
            canonical.contains("&Note=two%20words%20%28and%20%2A%20one%20~star%29\n"),
            "{canonical}"
        );
        let auth = request.header("authorization").unwrap();
        assert!(
            auth.contains("SignedHeaders=accept;host;user-agent;"),
            "{auth}"
        );
        assert!(auth.contains("x-acs-credentials-provider;"), "{auth}");
        let reply = request.send(emu.addr()).await;
        assert_package(&reply, SEED_ID, Format::Json);
        // The same request with `%20` on the wire verifies as well.
        let mut call = call.renew();
        call.plus_spaces = false;
        let request = call.sign(&host);
        assert!(request.query.contains("two%20words"), "{}", request.query);
        assert_package(&request.send(emu.addr()).await, SEED_ID, Format::Json);
    }
}

// ---------------------------------------------------------------------------------------------
// Signatures that do not match
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_wrong_secret_quotes_the_clients_string_to_sign() {
    let emu = start_default().await;
    let host = emu.addr().to_string();
    for algorithm in [Acs3Algorithm::HmacSha256, Acs3Algorithm::HmacSm3] {
        let call = V3Call::new(SEED_ID)
            .algorithm(algorithm)
            .secret("wrongSecret");
        let request = call.sign_with_runtime(&host);
        let reply = request.send(emu.addr()).await;
        let error = refused(&reply, &request, 400, "SignatureDoesNotMatch");
        let theirs = parse_server_string_to_sign(&error.message).expect("a string to sign");
        // Equal to the runtime's: the client diagnoses a wrong secret.
        assert_eq!(theirs, request.string_to_sign);
        let (alg, hash) = theirs.split_once('\n').unwrap();
        assert_eq!(alg, algorithm.as_str());
        assert_eq!(hash.len(), 64);
        assert!(
            hash.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert!(
            error
                .message
                .ends_with(&format!("server string to sign is:{theirs}")),
            "{}",
            error.message
        );
        // The signature the emulator expected is not given away either.
        let expected = v3::signature(algorithm, "testsecret", theirs);
        assert_no_leak(&reply, &[&expected]);
    }
}

#[tokio::test]
async fn a_tampered_query_parameter_is_a_mismatch_with_another_string_to_sign() {
    let emu = start_default().await;
    let host = emu.addr().to_string();
    let call = V3Call::new(SEED_ID);
    let mut request = call.sign(&host);
    request.query = request.query.replace("FirmwareId=Ufux", "FirmwareId=Xfux");
    let reply = request.send(emu.addr()).await;
    let error = refused(&reply, &request, 400, "SignatureDoesNotMatch");
    let theirs = parse_server_string_to_sign(&error.message).expect("a string to sign");
    assert_ne!(theirs, request.string_to_sign);
    // What the emulator signed is the canonical form of what it received.
    let received = call.param("FirmwareId", &SEED_ID.replacen('U', "X", 1));
    assert_eq!(theirs, received.sign(&host).string_to_sign);

    // An added parameter, a changed method, a changed signed header: mismatches all.
    let call = V3Call::new(SEED_ID).renew();
    let mut request = call.sign(&host);
    request.query.push_str("&Extra=1");
    let reply = request.send(emu.addr()).await;
    refused(&reply, &request, 400, "SignatureDoesNotMatch");
    let mut request = V3Call::new(SEED_ID).sign(&host);
    request.method = "GET";
    let reply = request.send(emu.addr()).await;
    refused(&reply, &request, 400, "SignatureDoesNotMatch");
    let request = V3Call::new(SEED_ID)
        .python_sdk()
        .sign(&host)
        .set_header("user-agent", "a proxy rewrote me");
    let reply = request.send(emu.addr()).await;
    refused(&reply, &request, 400, "SignatureDoesNotMatch");
    // The signature of another request.
    let other = V3Call::new(XML_ID).sign(&host);
    let request = V3Call::new(SEED_ID)
        .sign(&host)
        .set_header("authorization", other.header("authorization").unwrap());
    let reply = request.send(emu.addr()).await;
    refused(&reply, &request, 400, "SignatureDoesNotMatch");
}

// ---------------------------------------------------------------------------------------------
// Time and nonces
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn x_acs_date_must_be_within_15_minutes() {
    let emu = start_default().await;
    for minutes in [-20, 20, -60 * 24] {
        let call = V3Call::new(SEED_ID).date_offset(minutes);
        expect_refused(&emu, &call, 400, "InvalidTimeStamp.Expired").await;
    }
    for minutes in [-10, 10] {
        let call = V3Call::new(SEED_ID).date_offset(minutes);
        assert_package(&call.send(emu.addr()).await, SEED_ID, Format::Json);
    }
}

#[tokio::test]
async fn a_malformed_x_acs_date() {
    let emu = start_default().await;
    for date in [
        "2026/11/27 08:00:00",
        "Fri, 27 Nov 2026 08:00:00 GMT",
        "yesterday",
        "2026-13-45T99:00:00Z",
    ] {
        let call = V3Call::new(SEED_ID).header("x-acs-date", date);
        let error = expect_refused(&emu, &call, 400, "InvalidTimeStamp.Format").await;
        assert!(!error.message.contains(date), "{}", error.message);
    }
}

#[tokio::test]
async fn a_replayed_nonce_is_refused() {
    let emu = start_default().await;
    let request = V3Call::new(SEED_ID).sign(&emu.addr().to_string());
    assert_package(&request.send(emu.addr()).await, SEED_ID, Format::Json);
    let reply = request.send(emu.addr()).await;
    refused(&reply, &request, 400, "SignatureNonceUsed");
    // Another request with the same nonce.
    let nonce = request.header("x-acs-signature-nonce").unwrap();
    let call = V3Call::new(XML_ID).header("x-acs-signature-nonce", nonce);
    expect_refused(&emu, &call, 400, "SignatureNonceUsed").await;
    // A refused request does not use its nonce up: signed right, it goes through.
    let call = V3Call::new(SEED_ID);
    expect_refused(
        &emu,
        &call.clone().secret("wrongSecret"),
        400,
        "SignatureDoesNotMatch",
    )
    .await;
    assert_package(&call.send(emu.addr()).await, SEED_ID, Format::Json);
}

// ---------------------------------------------------------------------------------------------
// Incomplete signatures
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_body_that_does_not_match_x_acs_content_sha256() {
    let emu = start_default().await;
    let form = "application/x-www-form-urlencoded";
    // A body sent with the hash of nothing.
    let call = V3Call::new(SEED_ID)
        .body(form, b"Extra=1")
        .content_hash(EMPTY_SHA256);
    let error = expect_refused(&emu, &call, 400, "IncompleteSignature").await;
    assert!(
        error.message.contains("x-acs-content-sha256"),
        "{}",
        error.message
    );
    // Signed with one body, sent with another.
    let mut request = V3Call::new(SEED_ID)
        .body(form, b"Extra=1")
        .sign(&emu.addr().to_string());
    request.body = b"Extra=2".to_vec();
    let reply = request.send(emu.addr()).await;
    refused(&reply, &request, 400, "IncompleteSignature");
    // SM3 with the body's SHA-256.
    let call = V3Call::new(SEED_ID)
        .algorithm(Acs3Algorithm::HmacSm3)
        .content_hash(EMPTY_SHA256);
    expect_refused(&emu, &call, 400, "IncompleteSignature").await;
    // Not a hash at all.
    let call = V3Call::new(SEED_ID).content_hash("UNSIGNED-PAYLOAD");
    expect_refused(&emu, &call, 400, "IncompleteSignature").await;
}

#[tokio::test]
async fn host_and_every_x_acs_header_must_be_signed() {
    let emu = start_with_sts().await;
    let host = emu.addr().to_string();
    let default_names = || {
        [
            "host",
            "x-acs-action",
            "x-acs-version",
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-content-sha256",
        ]
        .map(str::to_owned)
        .to_vec()
    };
    for left_out in [
        "host",
        "x-acs-action",
        "x-acs-date",
        "x-acs-signature-nonce",
        "x-acs-content-sha256",
    ] {
        let mut names = default_names();
        names.retain(|n| n != left_out);
        let call = V3Call::new(SEED_ID).signed_set(SignedSet::Only(names));
        let request = call.sign(&host);
        let auth = request.header("authorization").unwrap();
        let listed = v3::parse_authorization(auth).unwrap().signed_headers;
        assert!(!listed.contains(&left_out), "{auth}");
        let error = refused(
            &request.send(emu.addr()).await,
            &request,
            400,
            "IncompleteSignature",
        );
        assert!(
            error.message.contains(left_out),
            "{left_out}: {}",
            error.message
        );
    }
    // An x-acs-* header added after signing.
    let request = V3Call::new(SEED_ID)
        .sign(&host)
        .set_header("x-acs-credentials-provider", "static_ak");
    let error = refused(
        &request.send(emu.addr()).await,
        &request,
        400,
        "IncompleteSignature",
    );
    assert!(
        error.message.contains("x-acs-credentials-provider"),
        "{}",
        error.message
    );
    // The STS headers must be signed too.
    let mut names = default_names();
    names.push("x-acs-accesskey-id".to_owned());
    let call = V3Call::new(SEED_ID)
        .sts(STS_ID, STS_SECRET, STS_TOKEN)
        .signed_set(SignedSet::Only(names));
    expect_refused(&emu, &call, 400, "IncompleteSignature").await;
    // Other headers need not be.
    let request = V3Call::new(SEED_ID)
        .sign(&host)
        .set_header("user-agent", "unsigned")
        .set_header("accept", "application/json");
    assert_package(&request.send(emu.addr()).await, SEED_ID, Format::Json);
}

#[tokio::test]
async fn a_signed_header_missing_from_the_request() {
    let emu = start_default().await;
    let host = emu.addr().to_string();
    for name in ["accept", "user-agent", "x-acs-credentials-provider"] {
        let request = V3Call::new(SEED_ID)
            .python_sdk()
            .sign(&host)
            .remove_header(name);
        let error = refused(
            &request.send(emu.addr()).await,
            &request,
            400,
            "IncompleteSignature",
        );
        assert!(error.message.contains(name), "{name}: {}", error.message);
    }
    // Listed in SignedHeaders although never sent, or not even a header name.
    for listed in ["content-type;host;", "host;x acs;", "host;x-acs-nothing;"] {
        let request = V3Call::new(SEED_ID).sign(&host);
        let auth = request
            .header("authorization")
            .unwrap()
            .replace("SignedHeaders=host;", &format!("SignedHeaders={listed}"));
        let request = request.set_header("authorization", &auth);
        refused(
            &request.send(emu.addr()).await,
            &request,
            400,
            "IncompleteSignature",
        );
    }
}

#[tokio::test]
async fn a_malformed_authorization_header() {
    let emu = start_default().await;
    let host = emu.addr().to_string();
    let good = V3Call::new(SEED_ID).sign(&host);
    let auth = good.header("authorization").unwrap().to_owned();
    let parsed = v3::parse_authorization(&auth).unwrap();
    let signed = parsed.signed_headers.join(";");
    let sig = parsed.signature;
    for bad in [
        "ACS3-HMAC-SHA256".to_owned(),
        "ACS3-HMAC-SHA256 ".to_owned(),
        "ACS3-HMAC-SHA256 Credential=testid".to_owned(),
        format!("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders={signed}"),
        format!("ACS3-HMAC-SHA256 Credential=testid,Signature={sig}"),
        format!("ACS3-HMAC-SHA256 SignedHeaders={signed},Signature={sig}"),
        format!("ACS3-HMAC-SHA256 Credential=,SignedHeaders={signed},Signature={sig}"),
        format!("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders={signed},Signature="),
        format!("ACS3-HMAC-SHA256 Credential=testid;SignedHeaders={signed};Signature={sig}"),
        format!("ACS3-HMAC-SHA256 Credential testid,SignedHeaders={signed},Signature={sig}"),
    ] {
        let request = good.clone().set_header("authorization", &bad);
        let reply = request.send(emu.addr()).await;
        let error = refused(&reply, &request, 400, "IncompleteSignature");
        assert!(!error.message.contains(sig), "{bad}: {}", error.message);
    }
}

#[tokio::test]
async fn an_unknown_algorithm() {
    let emu = start_default().await;
    let good = V3Call::new(SEED_ID).sign(&emu.addr().to_string());
    let auth = good.header("authorization").unwrap().to_owned();
    for algorithm in [
        "ACS3-RSA-SHA256",
        "ACS3-HMAC-SHA1",
        "ACS3-HMAC-SHA512",
        "ACS3-",
    ] {
        let bad = auth.replacen("ACS3-HMAC-SHA256", algorithm, 1);
        let request = good.clone().set_header("authorization", &bad);
        let reply = request.send(emu.addr()).await;
        refused(&reply, &request, 400, "IncompleteSignature");
    }
}

// ---------------------------------------------------------------------------------------------
// Missing headers, actions, versions
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn every_required_header_is_named_when_missing() {
    let emu = start_default().await;
    let host = emu.addr().to_string();
    for name in [
        "x-acs-action",
        "x-acs-version",
        "x-acs-date",
        "x-acs-signature-nonce",
    ] {
        for call in [
            V3Call::new(SEED_ID).without_header(name),
            V3Call::new(SEED_ID).header(name, " "),
        ] {
            let error = expect_refused(&emu, &call, 400, "MissingParameter").await;
            assert!(
                error.message.contains(&format!("\"{name}\"")),
                "{name}: {}",
                error.message
            );
        }
    }
    // x-acs-content-sha256 (the test signer always adds it: taken out after signing).
    let names = [
        "host",
        "x-acs-action",
        "x-acs-version",
        "x-acs-date",
        "x-acs-signature-nonce",
    ]
    .map(str::to_owned)
    .to_vec();
    let request = V3Call::new(SEED_ID)
        .signed_set(SignedSet::Only(names))
        .sign(&host)
        .remove_header("x-acs-content-sha256");
    let error = refused(
        &request.send(emu.addr()).await,
        &request,
        400,
        "MissingParameter",
    );
    assert!(
        error.message.contains("\"x-acs-content-sha256\""),
        "{}",
        error.message
    );
    // No Authorization at all: a V1 request (answered in V1's default XML) without its
    // parameters.
    let request = V3Call::new(SEED_ID)
        .sign(&host)
        .remove_header("authorization");
    let reply = request.send(emu.addr()).await;
    assert_eq!(reply.format(), Format::Xml, "{}", reply.text());
    let error = reply.expect_error(400, "MissingParameter");
    assert!(error.message.contains("\"Action\""), "{}", error.message);
}

#[tokio::test]
async fn unknown_actions_and_versions() {
    let emu = start_default().await;
    for action in ["NoSuchAction", "queryotafirmware", "DescribeRegions"] {
        let call = V3Call::new(SEED_ID).header("x-acs-action", action);
        let error = expect_refused(&emu, &call, 404, "InvalidAction.NotFound").await;
        assert!(!error.message.contains(action), "{}", error.message);
    }
    // An operation sent with a method it does not accept (GET-only, sent as POST).
    let call = V3Call::new(SEED_ID)
        .header("x-acs-action", "ListOTAModuleByProduct")
        .param("ProductKey", "pk");
    expect_refused(&emu, &call, 404, "InvalidAction.NotFound").await;
    let call = V3Call::new(SEED_ID).header("x-acs-version", "2017-04-20");
    expect_refused(&emu, &call, 400, "InvalidVersion").await;
    // Action and Version in the query do not replace the headers.
    let call = V3Call::new(SEED_ID)
        .without_header("x-acs-action")
        .param("Action", "QueryOTAFirmware");
    expect_refused(&emu, &call, 400, "MissingParameter").await;
}

// ---------------------------------------------------------------------------------------------
// Keys and tokens
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn keys_and_tokens() {
    let emu = start_with_sts().await;
    let call = V3Call::new(SEED_ID).key("nobody", "testsecret");
    expect_refused(&emu, &call, 404, "InvalidAccessKeyId.NotFound").await;
    // The STS key without its token.
    let call = V3Call::new(SEED_ID).key(STS_ID, STS_SECRET);
    expect_refused(&emu, &call, 400, "MissingSecurityToken").await;
    let call = V3Call::new(SEED_ID)
        .key(STS_ID, STS_SECRET)
        .header("x-acs-accesskey-id", STS_ID);
    expect_refused(&emu, &call, 400, "MissingSecurityToken").await;
    // With another token.
    let call = V3Call::new(SEED_ID).sts(STS_ID, STS_SECRET, "another-token");
    let request = call.sign(&emu.addr().to_string());
    let reply = request.send(emu.addr()).await;
    refused(
        &reply,
        &request,
        400,
        "InvalidSecurityToken.MismatchWithAccessKey",
    );
    assert_no_leak(&reply, &["another-token"]);
    // A permanent key with a token.
    let call = V3Call::new(SEED_ID).sts("testid", "testsecret", STS_TOKEN);
    expect_refused(
        &emu,
        &call,
        400,
        "InvalidSecurityToken.MismatchWithAccessKey",
    )
    .await;
    // x-acs-accesskey-id naming another key than Credential (or none).
    for other in ["testid", "STS.other", "STS.v3key", ""] {
        let call = V3Call::new(SEED_ID)
            .sts(STS_ID, STS_SECRET, STS_TOKEN)
            .header("x-acs-accesskey-id", other);
        let error = expect_refused(&emu, &call, 400, "IncompleteSignature").await;
        assert!(
            error.message.contains("x-acs-accesskey-id"),
            "{}",
            error.message
        );
    }
}
