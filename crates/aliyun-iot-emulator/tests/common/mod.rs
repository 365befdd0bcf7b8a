//! Test helpers: signing calls with `aliyun_runtime::signing` (V1: [`Call`]; V3: [`V3Call`]),
//! sent with the raw HTTP/1.1 client of `test_support` so that every byte on the wire is under
//! the test's control, and reading the emulator's answers ([`ResponseExt`]).

#![allow(dead_code)]

use std::net::SocketAddr;

use aliyun_iot::query_ota_firmware::QueryOtaFirmwareResponse;
use aliyun_iot_emulator::{Emulator, EmulatorConfig, RunningEmulator};
use aliyun_runtime::jiff::{SignedDuration, Timestamp};
use aliyun_runtime::signing::v3::{self, Acs3Algorithm};
use aliyun_runtime::signing::{
    Acs3Signer, NonceSource, RandomNonce, SignableRequest, Signer, SigningContext, SigningKey,
    canonical_query, format_timestamp, percent_encode, signature, string_to_sign,
};
use aliyun_runtime::wire::{self, Format, Node};
use aliyun_runtime::{Error, ErrorOrigin, Operation, QueryWriter, Secret, ServiceError};
use test_support::{Response, send_request};

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
    pub async fn send(&self, addr: SocketAddr) -> Response {
        let target = format!("/?{}", self.encoded());
        send_request(addr, self.method, &target, &[], b"").await
    }

    /// Sends the call as POST with every parameter in a form body.
    pub async fn send_form(&self, addr: SocketAddr) -> Response {
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

/// Which headers a V3 request signs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignedSet {
    /// `host`, `content-type` and every `x-acs-*` (the runtime's signer; the Go and Java SDKs).
    Default,
    /// Every header of the request (the official Python SDK).
    All,
    /// Exactly these (lowercase) names, those of them the request has.
    Only(Vec<String>),
}

impl SignedSet {
    fn signs(&self, name: &str) -> bool {
        match self {
            SignedSet::Default => v3::signs_by_default(name),
            SignedSet::All => true,
            SignedSet::Only(names) => names.iter().any(|n| n == name),
        }
    }
}

/// A V3 call to sign and send, by hand (stage by stage with `aliyun_runtime::signing::v3`) or
/// with the runtime's [`Acs3Signer`]: every input is a field so that tests can break any one.
#[derive(Clone, Debug)]
pub struct V3Call {
    pub method: &'static str,
    pub algorithm: Acs3Algorithm,
    /// The `Credential=` of `Authorization`.
    pub key_id: String,
    pub secret: String,
    /// Query parameters, decoded, in sending order.
    pub query: Vec<(String, String)>,
    /// Headers other than `Host` (names lowercase), in sending order: `x-acs-action`,
    /// `x-acs-version`, `x-acs-date`, `x-acs-signature-nonce` and whatever a test adds.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// `x-acs-content-sha256`: `None` computes it from the body with the algorithm.
    pub content_hash: Option<String>,
    pub signed_set: SignedSet,
    /// Send the query with spaces as `+` (as Python's `urlencode`) rather than `%20`.
    pub plus_spaces: bool,
}

impl V3Call {
    /// A complete, valid V3 QueryOTAFirmware call for `firmware_id` (POST, parameters in the
    /// query, empty body, ACS3-HMAC-SHA256, `testid`/`testsecret`), with a fresh nonce and the
    /// current time.
    pub fn new(firmware_id: &str) -> Self {
        let headers = [
            ("x-acs-action", "QueryOTAFirmware".to_owned()),
            ("x-acs-version", "2018-01-20".to_owned()),
            ("x-acs-date", format_timestamp(Timestamp::now())),
            ("x-acs-signature-nonce", RandomNonce.nonce()),
        ]
        .into_iter()
        .map(|(n, v)| (n.to_owned(), v))
        .collect();
        Self {
            method: "POST",
            algorithm: Acs3Algorithm::HmacSha256,
            key_id: "testid".to_owned(),
            secret: "testsecret".to_owned(),
            query: vec![("FirmwareId".to_owned(), firmware_id.to_owned())],
            headers,
            body: Vec::new(),
            content_hash: None,
            signed_set: SignedSet::Default,
            plus_spaces: false,
        }
    }

    pub fn method(mut self, method: &'static str) -> Self {
        self.method = method;
        self
    }

    pub fn algorithm(mut self, algorithm: Acs3Algorithm) -> Self {
        self.algorithm = algorithm;
        self
    }

    pub fn secret(mut self, secret: &str) -> Self {
        self.secret = secret.to_owned();
        self
    }

    /// Signs as `key_id` (the `Credential=`).
    pub fn key(mut self, key_id: &str, secret: &str) -> Self {
        self.key_id = key_id.to_owned();
        self.secret = secret.to_owned();
        self
    }

    /// STS credentials, sent as the SDKs send them: the key in `Credential=` and in
    /// `x-acs-accesskey-id`, the token in `x-acs-security-token`.
    pub fn sts(self, key_id: &str, secret: &str, token: &str) -> Self {
        self.key(key_id, secret)
            .header("x-acs-accesskey-id", key_id)
            .header("x-acs-security-token", token)
    }

    /// The header `name`, if set.
    pub fn get_header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets (replacing) or adds a header to sign and send.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let name = name.to_ascii_lowercase();
        match self.headers.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value.to_owned(),
            None => self.headers.push((name, value.to_owned())),
        }
        self
    }

    /// Removes a header (it is then neither signed nor sent).
    pub fn without_header(mut self, name: &str) -> Self {
        self.headers.retain(|(n, _)| n != name);
        self
    }

    /// Sets (replacing) or adds a query parameter.
    pub fn param(mut self, name: &str, value: &str) -> Self {
        match self.query.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value.to_owned(),
            None => self.query.push((name.to_owned(), value.to_owned())),
        }
        self
    }

    /// A fresh nonce (for sending the "same" call again).
    pub fn renew(self) -> Self {
        self.header("x-acs-signature-nonce", &RandomNonce.nonce())
    }

    /// `x-acs-date` this many minutes from now (negative: in the past).
    pub fn date_offset(self, minutes: i64) -> Self {
        let t = Timestamp::now() + SignedDuration::from_mins(minutes);
        self.header("x-acs-date", &format_timestamp(t))
    }

    pub fn body(mut self, content_type: &str, body: &[u8]) -> Self {
        self.body = body.to_vec();
        self.header("content-type", content_type)
    }

    /// Sends this `x-acs-content-sha256` rather than the body's hash.
    pub fn content_hash(mut self, hash: &str) -> Self {
        self.content_hash = Some(hash.to_owned());
        self
    }

    pub fn signed_set(mut self, set: SignedSet) -> Self {
        self.signed_set = set;
        self
    }

    /// Signs every header as the official Python SDK does, which also sends `accept`,
    /// `user-agent` and `x-acs-credentials-provider`, and writes the query with
    /// `urlencode` (spaces as `+`).
    pub fn python_sdk(self) -> Self {
        let provider = if self.get_header("x-acs-security-token").is_some() {
            "static_sts"
        } else {
            "static_ak"
        };
        let mut call = self
            .header("accept", "application/json")
            .header(
                "user-agent",
                "AlibabaCloud (Linux; x86_64) Python/3.11.2 Core/0.4.6 TeaDSL/2",
            )
            .header("x-acs-credentials-provider", provider)
            .signed_set(SignedSet::All);
        call.plus_spaces = true;
        call
    }

    /// The headers to sign and send: the call's and `x-acs-content-sha256`.
    fn all_headers(&self) -> Vec<(String, String)> {
        let hash = self
            .content_hash
            .clone()
            .unwrap_or_else(|| v3::hashed_payload(self.algorithm, &self.body).into_owned());
        let mut headers = self.headers.clone();
        headers.retain(|(n, _)| n != "x-acs-content-sha256");
        headers.push(("x-acs-content-sha256".to_owned(), hash));
        headers
    }

    /// The query as it goes on the wire, in the call's order.
    pub fn wire_query(&self) -> String {
        let pairs = encode(&self.query);
        if self.plus_spaces {
            pairs.replace("%20", "+")
        } else {
            pairs
        }
    }

    /// The canonical request for `host`.
    pub fn canonical_request(&self, host: &str) -> String {
        let headers = self.all_headers();
        let (canonical_headers, signed) =
            v3::canonical_headers(host, &headers, |name| self.signed_set.signs(name));
        let payload = headers
            .iter()
            .find(|(n, _)| n == "x-acs-content-sha256")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        v3::canonical_request(
            self.method,
            "/",
            &v3::canonical_query(&self.query),
            &canonical_headers,
            &signed,
            &payload,
        )
    }

    /// Signs stage by stage for `host` (the `Host` header the request will carry).
    pub fn sign(&self, host: &str) -> V3Request {
        let headers = self.all_headers();
        let (_, signed) = v3::canonical_headers(host, &headers, |name| self.signed_set.signs(name));
        let string_to_sign = v3::string_to_sign(self.algorithm, &self.canonical_request(host));
        let sig = v3::signature(self.algorithm, &self.secret, &string_to_sign);
        let mut headers = headers;
        headers.push((
            "authorization".to_owned(),
            v3::authorization(self.algorithm, &self.key_id, &signed, &sig),
        ));
        V3Request {
            method: self.method,
            query: self.wire_query(),
            headers,
            body: self.body.clone(),
            string_to_sign,
            signature: sig,
        }
    }

    /// Signs with the runtime's [`Acs3Signer`] for `host`: the call's query, body and headers
    /// other than those the signer sets (its date and nonce come from the call's headers, its
    /// token from `x-acs-security-token`). Only for the default signed set.
    pub fn sign_with_runtime(&self, host: &str) -> V3Request {
        assert_eq!(self.signed_set, SignedSet::Default);
        let owned = [
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-content-sha256",
            "x-acs-security-token",
            "x-acs-accesskey-id",
        ];
        let mut request = SignableRequest::new(self.method, host, "/");
        request.query = self.query.clone();
        request.body = self.body.clone();
        for (name, value) in &self.headers {
            if !owned.contains(&name.as_str()) {
                request.set_header(name.clone(), value.clone());
            }
        }
        let time: Timestamp = self
            .get_header("x-acs-date")
            .expect("x-acs-date")
            .parse()
            .expect("a time");
        let nonce = self.get_header("x-acs-signature-nonce").expect("a nonce");
        let secret = Secret::new(self.secret.clone());
        let token = self.get_header("x-acs-security-token").map(Secret::new);
        let key = SigningKey {
            access_key_id: &self.key_id,
            access_key_secret: &secret,
            security_token: token.as_ref(),
        };
        let signer = Acs3Signer {
            algorithm: self.algorithm,
        };
        let signed = signer.sign(&mut request, &key, &SigningContext::new(time, nonce));
        let auth = request.header("authorization").expect("Authorization");
        let sig = v3::parse_authorization(auth)
            .expect("a well-formed Authorization")
            .signature
            .to_owned();
        V3Request {
            method: self.method,
            query: signed.query,
            headers: request
                .headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: request.body.clone(),
            string_to_sign: signed.string_to_sign,
            signature: sig,
        }
    }

    /// Signs for `addr` and sends.
    pub async fn send(&self, addr: SocketAddr) -> Response {
        self.sign(&addr.to_string()).send(addr).await
    }
}

/// A signed V3 request as it goes on the wire, still open to tampering.
#[derive(Clone, Debug)]
pub struct V3Request {
    pub method: &'static str,
    /// The encoded query, no leading `?`.
    pub query: String,
    /// Headers other than `Host`, `Connection` and `Content-Length` (which
    /// [`send_request`] writes), `authorization` included.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// What was signed.
    pub string_to_sign: String,
    /// The hex signature of `Authorization`.
    pub signature: String,
}

impl V3Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets (replacing) or adds a header after signing.
    pub fn set_header(mut self, name: &str, value: &str) -> Self {
        match self.headers.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value.to_owned(),
            None => self.headers.push((name.to_owned(), value.to_owned())),
        }
        self
    }

    /// Removes a header after signing.
    pub fn remove_header(mut self, name: &str) -> Self {
        self.headers.retain(|(n, _)| n != name);
        self
    }

    pub async fn send(&self, addr: SocketAddr) -> Response {
        let target = if self.query.is_empty() {
            "/".to_owned()
        } else {
            format!("/?{}", self.query)
        };
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        send_request(addr, self.method, &target, &headers, &self.body).await
    }
}

/// Neither the body nor the headers of `reply` contain any of `secrets`.
#[track_caller]
pub fn assert_no_leak(reply: &Response, secrets: &[&str]) {
    let mut all = reply.text();
    for (name, value) in &reply.headers {
        all.push_str(name);
        all.push_str(value);
    }
    for secret in secrets {
        assert!(!secret.is_empty());
        assert!(!all.contains(secret), "{secret:?} leaked: {all}");
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

/// How the tests read the emulator's answers to QueryOTAFirmware.
pub trait ResponseExt {
    /// The format of the body, from its Content-Type.
    fn format(&self) -> Format;
    /// The top-level `Success` flag of the body (its name matched in any case, as the
    /// runtime reads the envelope): `None` when absent or not a boolean.
    fn success_flag(&self) -> Option<bool>;
    /// The body as a successful QueryOTAFirmware response: HTTP 200 with `Success: true`,
    /// decoded by the runtime's reply decoder (envelope and payload), its RequestId that of
    /// the `x-acs-request-id` header.
    fn response(&self) -> QueryOtaFirmwareResponse;
    /// The body as an in-band failure: HTTP 200 with `Success: false`, which the runtime's
    /// reply decoder turns into an in-band service error with a code, a message and the
    /// RequestId of the `x-acs-request-id` header.
    fn in_band(&self) -> ServiceError;
    /// The body as a gateway error (non-2xx expected), checked for its required fields.
    fn gateway_error(&self) -> ServiceError;
    /// Expects a gateway error with this status and code; returns it.
    fn expect_error(&self, status: u16, code: &str) -> ServiceError;
}

impl ResponseExt for Response {
    fn format(&self) -> Format {
        match self.header("content-type") {
            Some(ct) if ct.contains("xml") => Format::Xml,
            Some(ct) if ct.contains("json") => Format::Json,
            other => panic!("unexpected content type {other:?}: {}", self.text()),
        }
    }

    fn success_flag(&self) -> Option<bool> {
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

    #[track_caller]
    fn response(&self) -> QueryOtaFirmwareResponse {
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

    #[track_caller]
    fn in_band(&self) -> ServiceError {
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

    fn gateway_error(&self) -> ServiceError {
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

    #[track_caller]
    fn expect_error(&self, status: u16, code: &str) -> ServiceError {
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
