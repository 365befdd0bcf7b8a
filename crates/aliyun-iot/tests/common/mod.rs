//! What the wire tests share: a request as a server received it ([`Recorded`]), a scripted
//! HTTP/1.1 server on a free loopback port (the approach of `client_wire.rs`, trimmed to what
//! the operation and pagination tests need), query decoding, independent checks of both
//! signature versions (V1 `HMAC-SHA1` and V3 `ACS3-HMAC-SHA256`, written here from the
//! published rules with `sha1`/`sha2`/`hmac`, never with the runtime's signing code) and the
//! test client's configuration.
//!
//! Each test binary uses part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use aliyun_iot::Client;
pub use aliyun_runtime::SignatureVersion;
use aliyun_runtime::{Config, ConfigBuilder, Credentials, Error, Pacing, RetryConfig};
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub const KEY_ID: &str = "testid";
pub const SECRET: &str = "testsecret";

/// Both signature versions, for the tests that must hold whichever is used.
pub const VERSIONS: [SignatureVersion; 2] = [SignatureVersion::V1, SignatureVersion::V3];

/// The parameters the runtime sends with every V1 call, whatever the operation.
pub const COMMON_PARAMETERS: &[&str] = &[
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "SecurityToken",
    "RegionId",
];

/// The V1 parameters that must never be in a V3 query (`Format` is one only when XML is
/// asked for, so it is checked by the tests that know the format).
pub const V1_ONLY_PARAMETERS: &[&str] = &[
    "Action",
    "Version",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "SecurityToken",
    "RegionId",
];

/// The hex SHA-256 of the empty body, as published.
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// ---------------------------------------------------------------------------------------------
// A received request
// ---------------------------------------------------------------------------------------------

/// One request as the server received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// The request target, `/path?query`, as sent.
    pub target: String,
    /// Header names lowercased, values trimmed, in order (`host` included).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When the request head had been read.
    pub at: Instant,
}

impl Recorded {
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    pub fn raw_query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }

    /// The value of header `name` (lowercase; the first one if repeated).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The header names, sorted.
    pub fn header_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names
    }

    /// The query parameters, percent-decoded, in the order sent.
    pub fn params(&self) -> Vec<(String, String)> {
        decode_query(self.raw_query())
    }

    /// The decoded value of the one parameter `name` (panics if it is sent twice).
    pub fn param(&self, name: &str) -> Option<String> {
        let values: Vec<String> = self
            .params()
            .into_iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v)
            .collect();
        assert!(values.len() <= 1, "{name} sent {} times", values.len());
        values.into_iter().next()
    }

    /// The V1 `Signature` value exactly as it was on the wire (still percent-encoded).
    pub fn raw_signature(&self) -> String {
        self.raw_query()
            .split('&')
            .find_map(|pair| pair.strip_prefix("Signature="))
            .expect("a Signature parameter")
            .to_owned()
    }

    /// The operation's own parameters, sorted by name then value: under V1 all but the common
    /// ones; under V3 the whole query, which holds nothing else.
    pub fn operation_params(&self, version: SignatureVersion) -> Vec<(String, String)> {
        let mut params: Vec<(String, String)> = self
            .params()
            .into_iter()
            .filter(|(n, _)| {
                version != SignatureVersion::V1 || !COMMON_PARAMETERS.contains(&n.as_str())
            })
            .collect();
        params.sort();
        params
    }

    /// The action called: the `Action` parameter (V1) or the `x-acs-action` header (V3).
    pub fn action(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("Action"),
            _ => self.header("x-acs-action").map(str::to_owned),
        }
    }

    /// The API version: the `Version` parameter (V1) or the `x-acs-version` header (V3).
    pub fn api_version(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("Version"),
            _ => self.header("x-acs-version").map(str::to_owned),
        }
    }

    /// The nonce: `SignatureNonce` (V1) or `x-acs-signature-nonce` (V3).
    pub fn nonce(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("SignatureNonce"),
            _ => self.header("x-acs-signature-nonce").map(str::to_owned),
        }
    }

    /// The signing time: `Timestamp` (V1) or `x-acs-date` (V3).
    pub fn date(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("Timestamp"),
            _ => self.header("x-acs-date").map(str::to_owned),
        }
    }

    /// The signature: `Signature` (V1) or the `Signature=` of `Authorization` (V3).
    pub fn signature(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("Signature"),
            _ => self
                .header("authorization")?
                .rsplit_once("Signature=")
                .map(|(_, s)| s.to_owned()),
        }
    }

    /// What the V3 verifier reads of this request.
    pub fn v3_input(&self) -> V3Input<'_> {
        V3Input {
            method: &self.method,
            path: self.path(),
            params: self.params(),
            headers: &self.headers,
            body: &self.body,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The scripted server
// ---------------------------------------------------------------------------------------------

/// One scripted answer.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            content_type: "application/json;charset=utf-8".into(),
            body: body.into(),
        }
    }

    /// A 200 answer with this JSON value as its body.
    pub fn ok(value: &serde_json::Value) -> Self {
        Self::json(200, value.to_string())
    }
}

type Handler = Arc<dyn Fn(usize, &Recorded) -> Reply + Send + Sync>;

pub struct Server {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl Server {
    /// A server that answers request number `i` (0-based, across connections) with
    /// `handler(i, &request)`.
    pub async fn start(
        handler: impl Fn(usize, &Recorded) -> Reply + Send + Sync + 'static,
    ) -> Self {
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
    pub async fn scripted(replies: Vec<Reply>) -> Self {
        assert!(!replies.is_empty());
        Self::start(move |i, _| replies[i.min(replies.len() - 1)].clone()).await
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn count(&self) -> usize {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

/// Reads one request head (request line and headers) and its body from `reader`; `None` when
/// the client closed the connection.
pub async fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Recorded> {
    let request_line = loop {
        let mut line = String::new();
        match reader.read_line(&mut line).await {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        let line = line.trim_end().to_owned();
        if !line.is_empty() {
            break line;
        }
    };
    let mut parts = request_line.split(' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default().to_owned();
    let version = parts.next().unwrap_or_default();
    assert_eq!(version, "HTTP/1.1", "request line {request_line:?}");

    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line).await {
            Ok(0) | Err(_) => return None,
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
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(
        header("transfer-encoding"),
        None,
        "the client should not send a chunked body"
    );
    let length: usize = header("content-length").map_or(0, |v| v.parse().expect("length"));
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await.ok()?;
    Some(Recorded {
        method,
        target,
        headers,
        body,
        at,
    })
}

/// Serves requests on one (keep-alive) connection until the client closes it.
async fn serve_connection(
    stream: TcpStream,
    handler: Handler,
    requests: Arc<Mutex<Vec<Recorded>>>,
) {
    let mut reader = BufReader::new(stream);
    while let Some(recorded) = read_request(&mut reader).await {
        let close = recorded
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let index = {
            let mut all = requests.lock().unwrap_or_else(PoisonError::into_inner);
            all.push(recorded.clone());
            all.len() - 1
        };
        let reply = handler(index, &recorded);
        let mut response = format!(
            "HTTP/1.1 {} {}\r\nContent-Length: {}\r\nContent-Type: {}\r\n\r\n",
            reply.status,
            if reply.status == 200 { "OK" } else { "Status" },
            reply.body.len(),
            reply.content_type,
        )
        .into_bytes();
        // One write: a head and a body written apart meet Nagle and delayed ACKs.
        response.extend_from_slice(&reply.body);
        if reader.get_mut().write_all(&response).await.is_err() || close {
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Queries (independent of the runtime's code)
// ---------------------------------------------------------------------------------------------

pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .expect("UTF-8 after percent-decoding")
        .into_owned()
}

pub fn decode_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

/// RFC 3986 encoding as both signatures want it, written out by hand.
pub fn rfc3986(s: &str) -> String {
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

/// The parameters sorted by name then value (bytes), each encoded, joined as `n=v&n=v`.
fn sorted_encoded_query<'a>(params: impl Iterator<Item = &'a (String, String)>) -> String {
    let mut sorted: Vec<&(String, String)> = params.collect();
    sorted.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then_with(|| a.1.as_bytes().cmp(b.1.as_bytes()))
    });
    sorted
        .iter()
        .map(|(n, v)| format!("{}={}", rfc3986(n), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// V1 (HMAC-SHA1), independent of the runtime's code
// ---------------------------------------------------------------------------------------------

/// `METHOD&%2F&` + the encoded, sorted parameters (all but `Signature`) encoded again.
pub fn v1_string_to_sign(method: &str, params: &[(String, String)]) -> String {
    let canonical = sorted_encoded_query(params.iter().filter(|(n, _)| n != "Signature"));
    format!("{method}&%2F&{}", rfc3986(&canonical))
}

/// `Base64(HMAC-SHA1(secret + "&", string to sign))`.
pub fn hmac_sha1_base64(secret: &str, string_to_sign: &str) -> String {
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(format!("{secret}&").as_bytes())
        .expect("HMAC takes any key");
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// The V1 signature the server would compute for `request` with `secret` and `method`.
pub fn v1_signature(request: &Recorded, method: &str, secret: &str) -> String {
    hmac_sha1_base64(secret, &v1_string_to_sign(method, &request.params()))
}

// ---------------------------------------------------------------------------------------------
// V3 (ACS3-HMAC-SHA256), independent of the runtime's code
// ---------------------------------------------------------------------------------------------

/// What a V3 verifier reads of a request.
#[derive(Clone, Debug)]
pub struct V3Input<'a> {
    pub method: &'a str,
    pub path: &'a str,
    /// Decoded query parameters.
    pub params: Vec<(String, String)>,
    /// Every header received, `host` included (names lowercase).
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// Every stage of a V3 signature as a verifier computes it.
#[derive(Clone, Debug)]
pub struct V3Computed {
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signed_headers: String,
    pub signature: String,
    pub authorization: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hmac_sha256_hex(key: &str, message: &str) -> String {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(message.as_bytes());
    hex(&mac.finalize().into_bytes())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// The headers a V3 client signs (the Go and Java SDKs' rule): `host`, `content-type` and
/// every `x-acs-*`.
pub fn v3_signs(name: &str) -> bool {
    name == "host" || name == "content-type" || name.starts_with("x-acs-")
}

/// The `ACS3-HMAC-SHA256` signature of `input` (signing [`v3_signs`] headers), stage by stage:
/// canonical request, string to sign, signature and `Authorization` value.
pub fn v3_sign(input: &V3Input<'_>, key_id: &str, secret: &str) -> V3Computed {
    let query = sorted_encoded_query(input.params.iter());
    let mut signed: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (name, value) in input.headers {
        let name = name.to_ascii_lowercase();
        if v3_signs(&name) {
            signed.entry(name).or_default().push(value.trim());
        }
    }
    let mut canonical_headers = String::new();
    for (name, values) in &mut signed {
        values.sort_unstable();
        let _ = writeln!(canonical_headers, "{name}:{}", values.join(","));
    }
    let signed_headers = signed.keys().cloned().collect::<Vec<_>>().join(";");
    let canonical_request = format!(
        "{}\n{}\n{query}\n{canonical_headers}\n{signed_headers}\n{}",
        input.method,
        input.path,
        sha256_hex(input.body)
    );
    let string_to_sign = format!(
        "ACS3-HMAC-SHA256\n{}",
        sha256_hex(canonical_request.as_bytes())
    );
    let signature = hmac_sha256_hex(secret, &string_to_sign);
    let authorization = format!(
        "ACS3-HMAC-SHA256 Credential={key_id},SignedHeaders={signed_headers},Signature={signature}"
    );
    V3Computed {
        canonical_request,
        string_to_sign,
        signed_headers,
        signature,
        authorization,
    }
}

// ---------------------------------------------------------------------------------------------
// Signature checks
// ---------------------------------------------------------------------------------------------

/// Asserts that `request` is signed with `version` and nothing of the other version, with a
/// valid signature for its own method, `key_id` and `secret`:
///
/// - V1: the `Signature` parameter is the HMAC-SHA1 of the sorted, encoded parameters, sent in
///   the same encoding as any value; `AccessKeyId` is `key_id`; no `Authorization` and no
///   `x-acs-date`.
/// - V3: `Authorization` is exactly the one recomputed here from the request received (every
///   `host`, `content-type` and `x-acs-*` header signed); `x-acs-content-sha256` is the hash
///   of the body; no V1 parameter in the query.
pub fn assert_signed(request: &Recorded, version: SignatureVersion, key_id: &str, secret: &str) {
    match version {
        SignatureVersion::V1 => {
            let sent = request.param("Signature").expect("a Signature parameter");
            let expected = v1_signature(request, &request.method, secret);
            assert_eq!(
                sent,
                expected,
                "V1 signature of {} {}",
                request.method,
                request.raw_query()
            );
            // On the wire, the signature is encoded like any other value.
            assert_eq!(request.raw_signature(), rfc3986(&sent));
            assert_eq!(request.param("AccessKeyId").as_deref(), Some(key_id));
            assert_eq!(request.header("authorization"), None, "V1 and V3 mixed");
            assert_eq!(request.header("x-acs-date"), None, "V1 and V3 mixed");
        }
        SignatureVersion::V3 => {
            for name in V1_ONLY_PARAMETERS {
                assert_eq!(
                    request.param(name),
                    None,
                    "V3 request with the V1 parameter {name}: {}",
                    request.raw_query()
                );
            }
            assert_eq!(
                request.header("x-acs-content-sha256"),
                Some(sha256_hex(&request.body).as_str()),
                "x-acs-content-sha256"
            );
            let expected = v3_sign(&request.v3_input(), key_id, secret);
            assert_eq!(
                request.header("authorization"),
                Some(expected.authorization.as_str()),
                "V3 Authorization of {} {} (canonical request:\n{})",
                request.method,
                request.raw_query(),
                expected.canonical_request
            );
        }
        other => panic!("no check for signature {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------------

/// A config for `server`: explicit test credentials (nothing read from the environment or the
/// home directory), no pacing, retries with short backoffs; the product's signature version.
pub fn config_for(server: &Server) -> Result<ConfigBuilder, Error> {
    Ok(Config::builder()
        .endpoint_url(&server.url())?
        .credentials(Credentials::new(KEY_ID, SECRET))
        .pacing(Pacing::Off)
        .retry(RetryConfig::default().with_initial_backoff(std::time::Duration::from_millis(5))))
}

/// A client of [`config_for`] (the product's signature version, V3).
pub fn client_for(server: &Server) -> Result<Client, Error> {
    Client::new(config_for(server)?.build()?)
}

/// A client of [`config_for`] signing with `version`.
pub fn client_with(server: &Server, version: SignatureVersion) -> Result<Client, Error> {
    Client::new(config_for(server)?.signature(version).build()?)
}
