//! Wire-level tests of the generated client against a small scripted HTTP/1.1 server of our
//! own (no emulator, no HTTP framework): what goes on the wire (method, parameters, headers,
//! signature, checked independently of the runtime's signer), how every kind of answer is
//! decoded or turned into an error, retries, pacing, and that no secret reaches a log line or
//! an error message.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use aliyun_iot::Client;
use aliyun_iot::query_ota_firmware::{FirmwareStatus, FirmwareType, QueryOtaFirmwareResponse};
use aliyun_runtime::error::SignatureDiagnosis;
use aliyun_runtime::{
    Config, ConfigBuilder, Credentials, Error, ErrorOrigin, Format, Method, Pacing, RetryConfig,
};
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SEED_JSON: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.seed.json");
const DOC_JSON: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.doc.json");
const DOC_XML: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.doc.xml");
const SAMPLE_REQUEST_ID: &str = "A01829CE-75A1-4920-B775-921146A1AB79";

const KEY_ID: &str = "testid";
const SECRET: &str = "testsecret";
const FIRMWARE_ID: &str = "s8SSHiKjpBfrM3BSN0z803****";
const INSTANCE_ID: &str = "iot_instc_pu****_c*-v64********";

// ---------------------------------------------------------------------------------------------
// A scripted HTTP/1.1 server
// ---------------------------------------------------------------------------------------------

/// One request as the server received it.
#[derive(Clone, Debug)]
struct Recorded {
    method: String,
    /// The request target, `/path?query`, as sent.
    target: String,
    /// Header names lowercased, values trimmed, in order.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// When the request head had been read.
    at: Instant,
}

impl Recorded {
    fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    fn raw_query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The query parameters, percent-decoded.
    fn params(&self) -> Vec<(String, String)> {
        decode_query(self.raw_query())
    }

    /// The decoded value of the one parameter `name` (panics if it is sent twice).
    fn param(&self, name: &str) -> Option<String> {
        let values: Vec<String> = self
            .params()
            .into_iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v)
            .collect();
        assert!(values.len() <= 1, "{name} sent {} times", values.len());
        values.into_iter().next()
    }

    /// The `Signature` value exactly as it was on the wire (still percent-encoded).
    fn raw_signature(&self) -> String {
        self.raw_query()
            .split('&')
            .find_map(|pair| pair.strip_prefix("Signature="))
            .expect("a Signature parameter")
            .to_owned()
    }
}

/// One scripted answer.
#[derive(Clone, Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::new(status, "application/json;charset=utf-8", body)
    }

    fn xml(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::new(status, "text/xml;charset=utf-8", body)
    }

    fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// What the server does with a request.
enum Action {
    Reply(Reply),
    /// Keep the connection open and never answer.
    Hang,
}

type Handler = Arc<dyn Fn(usize, &Recorded) -> Action + Send + Sync>;

struct Server {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl Server {
    /// A server that answers request number `i` (0-based, across connections) with
    /// `handler(i, &request)`.
    async fn start(handler: impl Fn(usize, &Recorded) -> Action + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Handler = Arc::new(handler);
        let recorded = Arc::clone(&requests);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve_connection(
                    stream,
                    Arc::clone(&handler),
                    Arc::clone(&recorded),
                ));
            }
        });
        Self { addr, requests }
    }

    /// A server answering the i-th request with `replies[i]`, and the last reply after that.
    async fn scripted(replies: Vec<Reply>) -> Self {
        assert!(!replies.is_empty());
        Self::start(move |i, _| Action::Reply(replies[i.min(replies.len() - 1)].clone())).await
    }

    fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    fn requests(&self) -> Vec<Recorded> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn count(&self) -> usize {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

/// Serves requests on one (keep-alive) connection until the client closes it.
async fn serve_connection(
    stream: TcpStream,
    handler: Handler,
    requests: Arc<Mutex<Vec<Recorded>>>,
) {
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let request_line = line.trim_end();
        if request_line.is_empty() {
            continue;
        }
        let mut parts = request_line.split(' ');
        let method = parts.next().unwrap_or_default().to_owned();
        let target = parts.next().unwrap_or_default().to_owned();
        let version = parts.next().unwrap_or_default();
        assert_eq!(version, "HTTP/1.1", "request line {request_line:?}");

        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').expect("a header line");
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
        let at = Instant::now();
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(
            header("transfer-encoding"),
            None,
            "the client should not send a chunked body"
        );
        let length: usize = header("content-length").map_or(0, |v| v.parse().expect("length"));
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let close = header("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let recorded = Recorded {
            method,
            target,
            headers,
            body,
            at,
        };
        let index = {
            let mut all = requests.lock().unwrap_or_else(PoisonError::into_inner);
            all.push(recorded.clone());
            all.len() - 1
        };
        match handler(index, &recorded) {
            Action::Hang => std::future::pending::<()>().await,
            Action::Reply(reply) => {
                let mut head = format!(
                    "HTTP/1.1 {} {}\r\nContent-Length: {}\r\n",
                    reply.status,
                    reason(reply.status),
                    reply.body.len()
                );
                for (name, value) in &reply.headers {
                    let _ = write!(head, "{name}: {value}\r\n");
                }
                head.push_str("\r\n");
                // One write: a head and a body written apart meet Nagle and delayed ACKs.
                let mut response = head.into_bytes();
                response.extend_from_slice(&reply.body);
                if reader.get_mut().write_all(&response).await.is_err() {
                    return;
                }
            }
        }
        if close {
            return;
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// An address nothing listens on.
fn refused_addr() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("local addr")
}

// ---------------------------------------------------------------------------------------------
// Independent V1 signature check (not the runtime's code)
// ---------------------------------------------------------------------------------------------

/// RFC 3986 encoding as the signature wants it, written out by hand.
fn rfc3986(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .expect("UTF-8 after percent-decoding")
        .into_owned()
}

fn decode_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

/// `METHOD&%2F&` + the encoded, sorted parameters (all but `Signature`) encoded again.
fn expected_string_to_sign(method: &str, params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> =
        params.iter().filter(|(n, _)| n != "Signature").collect();
    sorted.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then_with(|| a.1.as_bytes().cmp(b.1.as_bytes()))
    });
    let canonical = sorted
        .iter()
        .map(|(n, v)| format!("{}={}", rfc3986(n), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&");
    format!("{method}&%2F&{}", rfc3986(&canonical))
}

fn hmac_sha1_base64(secret: &str, string_to_sign: &str) -> String {
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(format!("{secret}&").as_bytes())
        .expect("HMAC takes any key");
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// The signature the server would compute for `request` with `secret` and `method`.
fn expected_signature(request: &Recorded, method: &str, secret: &str) -> String {
    hmac_sha1_base64(secret, &expected_string_to_sign(method, &request.params()))
}

/// Asserts that `request` carries a valid V1 signature for its own method and `secret`.
fn assert_signed(request: &Recorded, secret: &str) {
    let sent = request.param("Signature").expect("a Signature parameter");
    let expected = expected_signature(request, &request.method, secret);
    assert_eq!(
        sent,
        expected,
        "signature of {} {}",
        request.method,
        request.raw_query()
    );
    // On the wire, the signature is encoded like any other value.
    assert_eq!(request.raw_signature(), rfc3986(&sent));
}

fn owned(params: &[(&str, &str)]) -> Vec<(String, String)> {
    params
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

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
        hmac_sha1_base64(
            "testsecret",
            &expected_string_to_sign("GET", &describe_regions)
        ),
        "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
    );
    assert_eq!(
        hmac_sha1_base64(
            "testsecret",
            &expected_string_to_sign("POST", &describe_regions)
        ),
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
        hmac_sha1_base64("testsecret", &expected_string_to_sign("GET", &ota)),
        "9jiBw0IJL2MdfSpWd7y9vMXhZ9g="
    );
    assert_eq!(
        hmac_sha1_base64("testsecret", &expected_string_to_sign("POST", &ota)),
        "vOUe71MI2b0hde+2qzRhAf+v4mE="
    );
    let encoding = owned(&[("A", "a b~c*d+e/f!g'h(i)j"), ("B", "中文")]);
    assert_eq!(
        hmac_sha1_base64("testsecret", &expected_string_to_sign("GET", &encoding)),
        "QUb+VjMLuBlkdLMyVb1n8GDoKWw="
    );
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Small backoffs so retry tests stay fast.
fn fast_retries() -> RetryConfig {
    RetryConfig::default().with_initial_backoff(Duration::from_millis(5))
}

/// A config for `server` with the test credentials, no pacing and fast retries.
fn config_for(server: &Server) -> Result<ConfigBuilder, Error> {
    Ok(Config::builder()
        .endpoint_url(&server.url())?
        .credentials(Credentials::new(KEY_ID, SECRET))
        .pacing(Pacing::Off)
        .retry(fast_retries()))
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

fn service_error(error: &Error) -> &aliyun_runtime::ServiceError {
    error
        .as_service()
        .unwrap_or_else(|| panic!("expected a service error, got {error:?}"))
}

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

/// A 400 `SignatureDoesNotMatch` whose message carries the string to sign the server computed
/// from the request it received (with `method` in place of the request's own).
fn signature_mismatch(request: &Recorded, method: &str) -> Reply {
    let theirs = expected_string_to_sign(method, &request.params());
    Reply::json(
        400,
        gateway_error_json(
            "SignatureDoesNotMatch",
            &format!(
                "Specified signature is not matched with our calculation. server string to sign is:{theirs}"
            ),
            "SIG-REQ-1",
        ),
    )
}

// ---------------------------------------------------------------------------------------------
// What goes on the wire
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn post_is_signed_and_carries_every_common_parameter() -> TestResult {
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]).await;
    let client = make_client(config_for(&server)?)?;
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
    let timestamp = request.param("Timestamp").expect("Timestamp");
    assert!(is_timestamp(&timestamp), "{timestamp}");
    let sent: aliyun_iot::jiff::Timestamp = timestamp.parse()?;
    let skew = aliyun_iot::jiff::Timestamp::now().as_second() - sent.as_second();
    assert!(
        (-5..=300).contains(&skew),
        "Timestamp {timestamp} is {skew} s off"
    );

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
    assert_signed(request, SECRET);
    assert_ne!(
        request.param("Signature"),
        Some(expected_signature(request, "GET", SECRET)),
        "POST and GET must sign differently"
    );

    assert_eq!(request.header("x-acs-action"), Some("QueryOTAFirmware"));
    assert_eq!(request.header("x-acs-version"), Some("2018-01-20"));
    assert_eq!(
        request.header("user-agent"),
        Some(aliyun_runtime::client::USER_AGENT)
    );
    assert!(aliyun_runtime::client::USER_AGENT.starts_with("aliyun-iot-rs/"));
    Ok(())
}

#[tokio::test]
async fn sts_credentials_send_and_sign_the_security_token() -> TestResult {
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]).await;
    let token = "CAIS/sts+token=value";
    let client = make_client(
        config_for(&server)?.credentials(Credentials::with_security_token(
            "sts-key-id",
            "sts-secret",
            token,
        )),
    )?;
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
    assert_signed(request, "sts-secret");
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
            &expected_string_to_sign("POST", &without)
        ))
    );
    Ok(())
}

#[tokio::test]
async fn get_sends_the_parameters_in_the_query_and_signs_get() -> TestResult {
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]).await;
    let client = make_client(config_for(&server)?.method(Method::Get))?;
    let reply = query(&client).await?;
    assert_eq!(reply.request_id, SAMPLE_REQUEST_ID);
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "GET");
    assert!(request.body.is_empty());
    assert_eq!(
        request.param("FirmwareId").as_deref(),
        Some(FIRMWARE_ID),
        "{}",
        request.raw_query()
    );
    assert_signed(request, SECRET);
    assert_ne!(
        request.param("Signature"),
        Some(expected_signature(request, "POST", SECRET))
    );
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
    ])
    .await;
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
    let server = Server::scripted(vec![Reply::xml(200, DOC_XML)]).await;
    let client = make_client(config_for(&server)?.format(Format::Xml))?;
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
    assert_signed(&requests[0], SECRET);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn signature_mismatch_with_the_same_string_to_sign_means_a_wrong_secret() -> TestResult {
    let server =
        Server::start(|_, request| Action::Reply(signature_mismatch(request, "POST"))).await;
    let token = "CAIS/TOKENVALUE-7f3a9";
    let client = make_client(
        config_for(&server)?.credentials(Credentials::with_security_token(KEY_ID, SECRET, token)),
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
    let ours = expected_string_to_sign("POST", &request.params());
    for text in [&display, &debug] {
        assert!(!text.contains(&ours), "{text}");
        assert!(!text.contains("AccessKeyId%3Dtestid"), "{text}");
        assert!(!text.contains("TOKENVALUE-7f3a9"), "{text}");
        assert!(!text.contains(SECRET), "{text}");
    }
    Ok(())
}

#[tokio::test]
async fn signature_mismatch_with_another_string_to_sign_says_so() -> TestResult {
    let server =
        Server::start(|_, request| Action::Reply(signature_mismatch(request, "GET"))).await;
    let client = make_client(config_for(&server)?)?;
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
async fn any_server_string_to_sign_in_a_message_is_redacted() -> TestResult {
    // The gateway also quotes its string to sign in other signature errors.
    let server = Server::start(|_, request| {
        let theirs = expected_string_to_sign("POST", &request.params());
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
    })
    .await;
    let client = make_client(
        config_for(&server)?.credentials(Credentials::with_security_token(
            KEY_ID,
            SECRET,
            "CAIS/INCOMPLETETOKEN-51",
        )),
    )?;
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
        )])
        .await;
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
    )])
    .await;
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
    )])
    .await;
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
    )])
    .await;
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
    ])
    .await;
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
    let server = Server::scripted(vec![Reply::json(200, big)]).await;
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
    let server = Server::start(|_, _| Action::Hang).await;
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
    let server = Server::start(|_, _| Action::Hang).await;
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
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]).await;
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
    let server = Server::scripted(vec![unavailable(), Reply::json(200, SEED_JSON)]).await;
    let client = make_client(config_for(&server)?)?;
    let reply = query(&client).await?;
    assert_eq!(reply.request_id, SAMPLE_REQUEST_ID);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let nonces: Vec<String> = requests
        .iter()
        .map(|r| r.param("SignatureNonce").expect("nonce"))
        .collect();
    assert!(nonces.iter().all(|n| is_nonce(n)), "{nonces:?}");
    assert_ne!(nonces[0], nonces[1], "a retry must not reuse the nonce");
    assert_ne!(
        requests[0].param("Signature"),
        requests[1].param("Signature")
    );
    for request in &requests {
        assert_signed(request, SECRET);
        let timestamp = request.param("Timestamp").expect("Timestamp");
        assert!(is_timestamp(&timestamp), "{timestamp}");
    }
    Ok(())
}

#[tokio::test]
async fn retries_stop_after_three_attempts_by_default() -> TestResult {
    let server = Server::scripted(vec![unavailable()]).await;
    let client = make_client(config_for(&server)?)?;
    let error = query(&client).await.expect_err("always 503");
    assert_eq!(server.count(), 3);
    assert_eq!(service_error(&error).code, "ServiceUnavailable");
    assert_eq!(service_error(&error).status, 503);
    let nonces: std::collections::HashSet<String> = server
        .requests()
        .iter()
        .map(|r| r.param("SignatureNonce").expect("nonce"))
        .collect();
    assert_eq!(nonces.len(), 3);
    Ok(())
}

#[tokio::test]
async fn disabled_retries_make_one_attempt() -> TestResult {
    let server = Server::scripted(vec![unavailable(), Reply::json(200, SEED_JSON)]).await;
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
    for (code, reply) in replies {
        // The second answer would succeed: a retry would hide the error.
        let server = Server::scripted(vec![reply, Reply::json(200, SEED_JSON)]).await;
        let client = make_client(config_for(&server)?)?;
        let error = query(&client).await.expect_err(code);
        assert_eq!(error.code(), Some(code));
        assert_eq!(server.count(), 1, "{code} was retried");
    }
    Ok(())
}

#[tokio::test]
async fn the_servers_retry_after_hint_is_honoured() -> TestResult {
    let throttled = Reply::json(
        400,
        gateway_error_json(
            "Throttling.User",
            "Request was denied due to request throttling.",
            "R-T",
        ),
    )
    .with_header("x-acs-retry-after", "1");
    let server = Server::scripted(vec![throttled, Reply::json(200, SEED_JSON)]).await;
    let client = make_client(config_for(&server)?)?;
    query(&client).await?;
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let gap = requests[1].at - requests[0].at;
    // The backoff alone would be a few milliseconds.
    assert!(gap >= Duration::from_millis(990), "retried after {gap:?}");
    assert!(gap < Duration::from_secs(3), "retried after {gap:?}");
    assert_ne!(
        requests[0].param("SignatureNonce"),
        requests[1].param("SignatureNonce")
    );
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
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]).await;
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
    let server = Server::scripted(vec![Reply::json(200, SEED_JSON)]).await;
    let client = make_client(
        Config::builder()
            .endpoint_url(&server.url())?
            .credentials(Credentials::new("pacing-sequential-test-key", SECRET))
            .pacing(Pacing::PerSecond(20)),
    )?;
    for _ in 0..11 {
        query(&client).await?;
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 11);
    // Ten 50 ms intervals, less some slack for a late first arrival; unpaced, the eleven
    // calls take a few milliseconds.
    let span = requests[10].at - requests[0].at;
    assert!(span >= Duration::from_millis(400), "11 calls in {span:?}");
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
    const LEAK_SECRET: &str = "LeakSecret/4f9c+Z=";
    const LEAK_TOKEN: &str = "CAIS/LeakToken+93a1e=";
    // Markers of this test's own calls among the logs of the whole binary.
    const FIRMWARE: &str = "leak-test-firmware-7d2c";
    let capture = captured_logs();

    let credentials = Credentials::with_security_token("leak-key-id", LEAK_SECRET, LEAK_TOKEN);
    let server = Server::start(|i, request| match i {
        0 => Action::Reply(Reply::json(
            503,
            gateway_error_json(
                "ServiceUnavailable",
                "The server is temporarily unavailable.",
                "LEAK-503-REQ",
            ),
        )),
        1 => Action::Reply(Reply::json(200, SEED_JSON)),
        _ => Action::Reply(signature_mismatch(request, "POST")),
    })
    .await;
    let client = make_client(config_for(&server)?.credentials(credentials.clone()))?;
    let send = |client: Client| async move {
        client
            .query_ota_firmware()
            .firmware_id(FIRMWARE)
            .send()
            .await
    };

    let mut errors = Vec::new();
    // A call that is retried once, then succeeds.
    send(client.clone()).await?;
    // A SignatureDoesNotMatch whose message carries the server's string to sign, in which
    // the token is.
    let error = send(client.clone()).await.expect_err("signature mismatch");
    assert_eq!(
        service_error(&error).signature_diagnosis,
        Some(SignatureDiagnosis::WrongSecret)
    );
    errors.push(error);
    // A transport error, retried.
    let refused = make_client(
        Config::builder()
            .endpoint_url(&format!("http://{}/", refused_addr()))?
            .credentials(credentials)
            .pacing(Pacing::Off)
            .retry(fast_retries()),
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
        assert_signed(request, LEAK_SECRET);
        assert_eq!(request.param("SecurityToken").as_deref(), Some(LEAK_TOKEN));
        let signature = request.param("Signature").expect("Signature");
        forbidden.push(signature.trim_end_matches('=').to_owned());
        forbidden.push(request.raw_signature());
    }

    let logs = capture.text();
    // The capture works, and holds this test's calls: each attempt's request (six: three
    // answered, three refused), the retry warnings and the service errors.
    let sending = format!("FirmwareId={FIRMWARE}&");
    assert_eq!(
        logs.lines().filter(|l| l.contains(&sending)).count(),
        6,
        "{logs}"
    );
    assert!(logs.contains("LEAK-503-REQ"), "{logs}");
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
                "{what} contains {secret:?}:\n{text}"
            );
        }
    }
    Ok(())
}
