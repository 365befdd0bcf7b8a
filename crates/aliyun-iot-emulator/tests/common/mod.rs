//! Test helpers: signing calls with `aliyun_runtime::signing` and a raw HTTP/1.1 client over
//! a Tokio `TcpStream`, so that every byte on the wire is under the test's control.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use aliyun_iot::query_ota_firmware::QueryOtaFirmwareResponse;
use aliyun_iot_emulator::{Emulator, EmulatorConfig, RunningEmulator};
use aliyun_runtime::jiff::{SignedDuration, Timestamp};
use aliyun_runtime::signing::{
    NonceSource, RandomNonce, canonical_query, format_timestamp, percent_encode, signature,
    string_to_sign,
};
use aliyun_runtime::wire::{self, Format, Node};
use aliyun_runtime::{Error, ErrorOrigin, Operation, QueryWriter, ServiceError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The seed package (from the JSON sample).
pub const SEED_ID: &str = "UfuxnwygsuSkVE0VCN****0100";
/// The XML sample's package.
pub const XML_ID: &str = "yLYuCqfqQNQ1JOqkDa****0100";

/// Starts an emulator on a free port.
pub async fn start(config: EmulatorConfig) -> RunningEmulator {
    Emulator::start(config).await.expect("the emulator starts")
}

/// Starts an emulator with the default configuration on a free port.
pub async fn start_default() -> RunningEmulator {
    start(EmulatorConfig::ephemeral()).await
}

/// A call to sign and send: parameters (in order), method, and the key to sign with.
#[derive(Clone, Debug)]
pub struct Call {
    pub method: &'static str,
    pub params: Vec<(String, String)>,
    pub secret: String,
    /// Sign as if sent with this method (defaults to `method`).
    pub sign_method: Option<&'static str>,
}

impl Call {
    /// A complete, valid QueryOTAFirmware call for the seed package as JSON, with a fresh
    /// nonce and the current time.
    pub fn new(firmware_id: &str) -> Self {
        let params = [
            ("Action", "QueryOTAFirmware"),
            ("Version", "2018-01-20"),
            ("Format", "JSON"),
            ("AccessKeyId", "testid"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureVersion", "1.0"),
            ("SignatureNonce", &RandomNonce.nonce()),
            ("Timestamp", &format_timestamp(Timestamp::now())),
            ("FirmwareId", firmware_id),
        ]
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
        Self {
            method: "GET",
            params,
            secret: "testsecret".to_owned(),
            sign_method: None,
        }
    }

    /// A complete, valid call of `action` as JSON with these operation parameters, with a
    /// fresh nonce and the current time (method GET).
    pub fn action(action: &str, params: &[(String, String)]) -> Self {
        let mut call = Self::new("unused")
            .without("FirmwareId")
            .set("Action", action);
        call.params.extend(params.iter().cloned());
        call
    }

    /// A complete, valid call of `input`'s operation: its parameters as the client writes
    /// them, sent with the first HTTP method the operation accepts.
    pub fn of<O: Operation>(input: &O) -> Self {
        let info = O::INFO;
        let method = match info.methods.first() {
            Some(aliyun_runtime::Method::Post) => "POST",
            _ => "GET",
        };
        Self::action(info.action, &operation_params(input)).method(method)
    }

    /// The parameter `name`, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets (replacing) or adds a parameter.
    pub fn set(mut self, name: &str, value: &str) -> Self {
        match self.params.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value.to_owned(),
            None => self.params.push((name.to_owned(), value.to_owned())),
        }
        self
    }

    /// Removes a parameter.
    pub fn without(mut self, name: &str) -> Self {
        self.params.retain(|(n, _)| n != name);
        self
    }

    /// A fresh nonce (for sending the "same" call again).
    pub fn renew(self) -> Self {
        self.set("SignatureNonce", &RandomNonce.nonce())
    }

    pub fn method(mut self, method: &'static str) -> Self {
        self.method = method;
        self
    }

    pub fn secret(mut self, secret: &str) -> Self {
        self.secret = secret.to_owned();
        self
    }

    pub fn timestamp_offset(self, minutes: i64) -> Self {
        let t = Timestamp::now() + SignedDuration::from_mins(minutes);
        self.set("Timestamp", &format_timestamp(t))
    }

    /// The string to sign of this call.
    pub fn string_to_sign(&self) -> String {
        let pairs: Vec<(&str, &str)> = self
            .params
            .iter()
            .filter(|(n, _)| n != "Signature")
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        string_to_sign(
            self.sign_method.unwrap_or(self.method),
            &canonical_query(&pairs),
        )
    }

    /// The parameters with `Signature` appended.
    pub fn signed(&self) -> Vec<(String, String)> {
        let mut out = self.params.clone();
        out.push((
            "Signature".to_owned(),
            signature(&self.secret, &self.string_to_sign()),
        ));
        out
    }

    /// The signed parameters, RFC 3986-encoded and joined with `&`.
    pub fn encoded(&self) -> String {
        encode(&self.signed())
    }

    /// Sends the call, every parameter in the query.
    pub async fn send(&self, addr: SocketAddr) -> Reply {
        let target = format!("/?{}", self.encoded());
        send_request(addr, self.method, &target, &[], b"").await
    }

    /// Sends the call as POST with every parameter in a form body.
    pub async fn send_form(&self, addr: SocketAddr) -> Reply {
        let body = self.encoded();
        send_request(
            addr,
            self.method,
            "/",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body.as_bytes(),
        )
        .await
    }
}

/// An operation's own parameters, as the client serializes `input`.
pub fn operation_params<O: Operation>(input: &O) -> Vec<(String, String)> {
    let mut w = QueryWriter::new();
    input.serialize(&mut w);
    w.into_pairs()
}

/// RFC 3986-encodes pairs as a query string.
pub fn encode(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(n, v)| format!("{}={}", percent_encode(n), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A response as read off the wire.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    /// Header names in lowercase.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The format of the body, from its Content-Type.
    pub fn format(&self) -> Format {
        match self.header("content-type") {
            Some(ct) if ct.contains("xml") => Format::Xml,
            Some(ct) if ct.contains("json") => Format::Json,
            other => panic!("unexpected content type {other:?}: {}", self.text()),
        }
    }

    /// The top-level `Success` flag of the body (its name matched in any case, as the
    /// runtime reads the envelope): `None` when absent or not a boolean.
    pub fn success_flag(&self) -> Option<bool> {
        let node = wire::parse_body(self.format(), &self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", self.text()));
        let Node::Map(entries) = node else {
            return None;
        };
        entries
            .into_iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("Success"))
            .and_then(|(_, value)| match value {
                Node::Bool(b) => Some(b),
                Node::Text(t) if t == "true" => Some(true),
                Node::Text(t) if t == "false" => Some(false),
                _ => None,
            })
    }

    /// The body as a successful QueryOTAFirmware response: HTTP 200 with `Success: true`,
    /// decoded by the runtime's reply decoder (envelope and payload), its RequestId that of
    /// the `x-acs-request-id` header.
    #[track_caller]
    pub fn response(&self) -> QueryOtaFirmwareResponse {
        assert_eq!(self.status, 200, "{}", self.text());
        assert_eq!(self.success_flag(), Some(true), "{}", self.text());
        let response: QueryOtaFirmwareResponse =
            wire::decode_reply(self.format(), self.status, &self.body)
                .unwrap_or_else(|e| panic!("{e}: {}", self.text()));
        assert_request_id(&response.request_id);
        assert_eq!(
            self.header("x-acs-request-id"),
            Some(response.request_id.as_str())
        );
        response
    }

    /// The body as an in-band failure: HTTP 200 with `Success: false`, which the runtime's
    /// reply decoder turns into an in-band service error with a code, a message and the
    /// RequestId of the `x-acs-request-id` header.
    #[track_caller]
    pub fn in_band(&self) -> ServiceError {
        assert_eq!(self.status, 200, "{}", self.text());
        assert_eq!(self.success_flag(), Some(false), "{}", self.text());
        let decoded =
            wire::decode_reply::<QueryOtaFirmwareResponse>(self.format(), self.status, &self.body);
        let error = match decoded {
            Err(Error::Service(error)) => *error,
            other => panic!("not an in-band error: {other:?}: {}", self.text()),
        };
        assert_eq!(error.origin, ErrorOrigin::InBand, "{}", self.text());
        assert_eq!(error.status, 200);
        assert!(!error.code.is_empty(), "{}", self.text());
        assert!(!error.message.is_empty(), "{}", self.text());
        let id = error.request_id.clone().expect("a RequestId");
        assert_request_id(&id);
        assert_eq!(self.header("x-acs-request-id"), Some(id.as_str()));
        error
    }

    /// The body as a gateway error (non-2xx expected), checked for its required fields.
    pub fn gateway_error(&self) -> ServiceError {
        assert!(self.status >= 400, "{} {}", self.status, self.text());
        let error = wire::decode_gateway_error(self.format(), self.status, &self.body);
        assert!(
            !error.code.starts_with("Http"),
            "not an error body: {}",
            self.text()
        );
        let id = error.request_id.clone().expect("a RequestId");
        assert_request_id(&id);
        assert_eq!(self.header("x-acs-request-id"), Some(id.as_str()));
        assert!(error.host_id.is_some(), "{}", self.text());
        if self.format() == Format::Json {
            assert!(error.recommend.is_some(), "{}", self.text());
        }
        error
    }

    /// Expects a gateway error with this status and code; returns it.
    #[track_caller]
    pub fn expect_error(&self, status: u16, code: &str) -> ServiceError {
        assert_eq!(self.status, status, "{}", self.text());
        let error = self.gateway_error();
        assert_eq!(error.code, code, "{}", self.text());
        error
    }
}

/// A RequestId shaped like Alibaba's: uppercase hex UUID.
pub fn assert_request_id(id: &str) {
    let groups: Vec<usize> = id.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{id}");
    assert!(
        id.chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('A'..='F').contains(&c)),
        "{id}"
    );
}

/// Sends one HTTP/1.1 request (with `Connection: close`) and reads the whole answer.
pub async fn send_request(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    let raw = exchange(addr, &bytes).await;
    parse_reply(&raw)
        .unwrap_or_else(|| panic!("not an HTTP response: {:?}", String::from_utf8_lossy(&raw)))
}

/// Writes raw bytes and reads until the server closes the connection (at most 5 s). Writing
/// and reading run concurrently, so a server that answers before reading everything is seen.
pub async fn exchange(addr: SocketAddr, bytes: &[u8]) -> Vec<u8> {
    let stream = TcpStream::connect(addr).await.expect("connect");
    let (mut reader, mut writer) = stream.into_split();
    let owned = bytes.to_vec();
    let write = tokio::spawn(async move {
        let _ = writer.write_all(&owned).await;
        let _ = writer.flush().await;
        // Keep the write half open: shutting it down would end the request early.
        writer
    });
    let mut out = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), async {
        let mut buf = [0u8; 16 * 1024];
        loop {
            match reader.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(
        read.is_ok(),
        "the server did not close the connection within 5 s"
    );
    write.abort();
    out
}

/// Parses a raw HTTP/1.1 response (Content-Length, chunked, or to the end).
pub fn parse_reply(raw: &[u8]) -> Option<Reply> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status_line = lines.next()?;
    let status: u16 = status_line.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let find = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        let mut body = Vec::new();
        let mut at = 0;
        loop {
            let line_end = at + rest[at..].windows(2).position(|w| w == b"\r\n")?;
            let size =
                usize::from_str_radix(std::str::from_utf8(&rest[at..line_end]).ok()?.trim(), 16)
                    .ok()?;
            at = line_end + 2;
            if size == 0 {
                break;
            }
            body.extend_from_slice(rest.get(at..at + size)?);
            at += size + 2;
        }
        rest = body;
    } else if let Some(len) = find("content-length").and_then(|v| v.parse::<usize>().ok()) {
        rest.truncate(len);
    }
    Some(Reply {
        status,
        headers,
        body: rest,
    })
}
