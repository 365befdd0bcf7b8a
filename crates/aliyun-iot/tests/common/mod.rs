//! What the wire tests of operations and pagination share: a scripted HTTP/1.1 server on a
//! free loopback port (the approach of `client_wire.rs`, trimmed to what they need), query
//! decoding, an independent check of the V1 signature and the test client's configuration.
//!
//! Each test binary uses part of it.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use aliyun_iot::Client;
use aliyun_runtime::{Config, ConfigBuilder, Credentials, Error, Pacing, RetryConfig};
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub const KEY_ID: &str = "testid";
pub const SECRET: &str = "testsecret";

/// The parameters the runtime sends with every call, whatever the operation.
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

// ---------------------------------------------------------------------------------------------
// The scripted server
// ---------------------------------------------------------------------------------------------

/// One request as the server received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// The request target, `/path?query`, as sent.
    pub target: String,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn raw_query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
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

    /// The operation's own parameters (all but the common ones), sorted by name then value.
    pub fn operation_params(&self) -> Vec<(String, String)> {
        let mut params: Vec<(String, String)> = self
            .params()
            .into_iter()
            .filter(|(n, _)| !COMMON_PARAMETERS.contains(&n.as_str()))
            .collect();
        params.sort();
        params
    }
}

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

        let mut length = 0usize;
        let mut close = false;
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
            let (name, value) = (name.trim(), value.trim());
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse().expect("a Content-Length");
            } else if name.eq_ignore_ascii_case("connection") {
                close = value.eq_ignore_ascii_case("close");
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let recorded = Recorded {
            method,
            target,
            body,
        };
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
// Queries and signatures (independent of the runtime's code)
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

/// Asserts that `request` carries a valid V1 signature (HMAC-SHA1 of `METHOD&%2F&` and the
/// sorted, encoded parameters) for the method it was sent with.
pub fn assert_signed(request: &Recorded, secret: &str) {
    let params = request.params();
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
    let string_to_sign = format!("{}&%2F&{}", request.method, rfc3986(&canonical));
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(format!("{secret}&").as_bytes())
        .expect("HMAC takes any key");
    mac.update(string_to_sign.as_bytes());
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    assert_eq!(
        request.param("Signature"),
        Some(expected),
        "signature of {} {}",
        request.method,
        request.raw_query()
    );
}

pub fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------------

/// A config for `server`: explicit test credentials (nothing read from the environment or the
/// home directory), no pacing, retries with short backoffs.
pub fn config_for(server: &Server) -> Result<ConfigBuilder, Error> {
    Ok(Config::builder()
        .endpoint_url(&server.url())?
        .credentials(Credentials::new(KEY_ID, SECRET))
        .pacing(Pacing::Off)
        .retry(RetryConfig::default().with_initial_backoff(std::time::Duration::from_millis(5))))
}

pub fn client_for(server: &Server) -> Result<Client, Error> {
    Client::new(config_for(server)?.build()?)
}
