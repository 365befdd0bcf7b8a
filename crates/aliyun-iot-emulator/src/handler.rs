//! One request, as the gateway and the IoT service handle it: decoding, the gateway's checks
//! (parameters, API, timestamp, key, token, signature, nonce), faults, throttling, then the
//! operation itself.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use aliyun_runtime::QueryReader;
use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::server::{Failure, RequestContext, in_band_body};
use aliyun_runtime::signing::v3::{self, Acs3Algorithm};
use aliyun_runtime::signing::{signature, string_to_sign_of};
use aliyun_runtime::wire::{self, Format, Node};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, HOST};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use http_body_util::BodyExt;
use tokio::sync::Notify;

use crate::config::{EmulatorConfig, FaultKind};
use crate::guards::{FaultPlan, NonceCheck, NonceStore, Throttle};
use crate::imds::Imds;
use crate::journal::StateError;
use crate::ota::Ota;
use crate::params::{Pair, ParamError, Params, parse_pairs, shorten, sniff_format};
use crate::storage::ObjectStore;
use crate::sts::{KeyState, Sts};

/// The largest request body read, in bytes; a larger one gets 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// How much of an oversized body is still read (and thrown away) before answering 413, so
/// that a client that writes its whole body before reading sees the answer rather than a
/// connection reset.
const MAX_DRAIN_BYTES: usize = 4 * 1024 * 1024;

/// How far a request's `Timestamp` may be from the emulator's clock, in seconds (15 minutes).
pub const TIMESTAMP_TOLERANCE_SECS: i64 = 15 * 60;

/// The header that repeats the request ID of every answer.
pub const REQUEST_ID_HEADER: &str = "x-acs-request-id";

/// The in-band code for an unknown package (from the spec's error codes).
pub const FIRMWARE_NOT_FOUND: &str = aliyun_iot::error_codes::FIRMWARE_NOT_FOUND;

/// The in-band code for a missing or wrong `IotInstanceId` (from the spec's error codes).
pub const INSTANCE_NOT_FOUND: &str = aliyun_iot::error_codes::INSTANCE_NOT_FOUND;

/// The longest Action echoed in logs.
const LOG_ACTION_CHARS: usize = 64;

/// The common parameters every call must carry besides `Action` and `Version`, in the order
/// they are checked. Kept apart from `aliyun_runtime::signing::V1_OWNED_PARAMS`, which is in
/// the signer's order and includes the optional `SecurityToken`; a test keeps the sets equal.
const REQUIRED_COMMON: [&str; 6] = [
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
];

/// The account of the emulated STS's role ARNs and caller identities.
pub const EMULATED_ACCOUNT: &str = "1234567890123456";

/// The RAM role of the emulated ECS instance (its metadata service hands out its keys).
pub const INSTANCE_ROLE: &str = "EmulatorInstanceRole";

/// Everything requests share.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: EmulatorConfig,
    /// The OTA service: its state, devices and object storage.
    pub(crate) ota: Ota,
    pub(crate) nonces: Mutex<NonceStore>,
    pub(crate) throttle: Mutex<Throttle>,
    pub(crate) faults: FaultPlan,
    /// STS: temporary keys, accepted by the IoT API until they expire.
    pub(crate) sts: Arc<Sts>,
    /// The ECS metadata service of an instance whose role's keys `sts` issues.
    pub(crate) imds: Imds,
}

impl Shared {
    /// The shared state of an emulator answering at `base_url` (`http://host:port`); fails
    /// when its state directory cannot be used.
    pub(crate) fn new(config: EmulatorConfig, base_url: String) -> Result<Self, StateError> {
        let mut config = config;
        let ota = Ota::open(&config, base_url)?;
        let clock = ota.clock.clone();
        let clock: crate::sts::Clock = Arc::new(move || clock.now_millis());
        let mut sts = Sts::new(Arc::clone(&clock), EMULATED_ACCOUNT);
        if let Some(cap) = config.sts_session_cap {
            sts = sts.with_lifetime_cap(cap);
        }
        let sts = Arc::new(sts);
        let mut imds = Imds::new(Arc::clone(&sts), clock, EMULATED_ACCOUNT, INSTANCE_ROLE);
        if config.imds_v2_only {
            imds = imds.require_v2();
        }
        // The seed is in the state now: do not keep a second copy of 100,000 devices.
        config.products = Vec::new();
        config.packages = Vec::new();
        Ok(Self {
            ota,
            nonces: Mutex::new(NonceStore::new(config.nonce_capacity)),
            throttle: Mutex::new(Throttle::default()),
            faults: FaultPlan::new(config.faults.as_ref()),
            sts,
            imds,
            config,
        })
    }
}

/// Locks a mutex even if a thread panicked while holding it (the data stays usable).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What a request handler sees: the shared state and its connection's kill switch (the
/// [`FaultKind::Drop`] fault).
#[derive(Clone, Debug)]
pub(crate) struct ConnState {
    pub(crate) shared: Arc<Shared>,
    pub(crate) kill: Arc<Notify>,
}

/// A gateway error: HTTP status, `Code`, `Message`.
#[derive(Debug)]
struct GatewayError {
    status: StatusCode,
    code: Cow<'static, str>,
    message: Cow<'static, str>,
}

impl GatewayError {
    fn new(
        status: StatusCode,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self {
            status,
            code: code.into(),
            message: message.into(),
        }
    }

    fn missing(name: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "MissingParameter",
            format!(
                "The input parameter \"{name}\" that is mandatory for processing this request is not supplied."
            ),
        )
    }

    fn invalid(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "InvalidParameter", message)
    }

    fn api_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
        )
    }

    fn service_unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "ServiceUnavailable",
            "The server is temporarily unavailable.",
        )
    }

    /// The injected [`FaultKind::ServerError`].
    fn injected(status: u16) -> Self {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if status == StatusCode::SERVICE_UNAVAILABLE {
            return Self::service_unavailable();
        }
        Self::new(
            status,
            "InternalError",
            "The request processing has failed due to some unknown error.",
        )
    }
}

impl From<Failure> for GatewayError {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Gateway {
                status,
                code,
                message,
            } => Self::new(
                StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
                code,
                message,
            ),
            other => Self::new(
                StatusCode::BAD_REQUEST,
                other.code().to_owned(),
                other.to_string(),
            ),
        }
    }
}

impl From<ParamError> for GatewayError {
    fn from(e: ParamError) -> Self {
        Self::invalid(e.to_string())
    }
}

/// What a request comes to.
enum Outcome {
    /// A gateway error.
    Gateway(GatewayError),
    /// HTTP 200 with the operation's response body, successful or (with its code) an
    /// in-band failure.
    Reply(String, Option<String>),
    /// Close the connection without answering.
    Drop,
}

/// What is known about the request while it is handled, for the answer and the log line.
struct Ctx {
    request_id: String,
    host_id: String,
    format: Format,
    action: Option<String>,
    fault: Option<FaultKind>,
}

/// A fresh request ID shaped like Alibaba's: a UUID in uppercase hex with dashes. Unique, not
/// secret: a counter hashed under random SipHash keys (no system call per request, unlike a
/// nonce).
fn new_request_id() -> String {
    use std::hash::{BuildHasher, RandomState};
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static KEYS: OnceLock<RandomState> = OnceLock::new();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let state = KEYS.get_or_init(RandomState::new);
    let bits = u128::from(state.hash_one((n, 0u8))) << 64 | u128::from(state.hash_one((n, 1u8)));
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(36);
    for i in 0..32 {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        let nibble = (bits >> (124 - 4 * i)) & 0xf;
        out.push(char::from(DIGITS[nibble as usize]));
    }
    out
}

/// The `HostId` of error bodies: the `Host` the client asked for, when it looks like one.
fn host_id(headers: &HeaderMap) -> String {
    headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && h.len() <= 255 && h.bytes().all(|b| b.is_ascii_graphic()))
        .unwrap_or("localhost")
        .to_owned()
}

/// Serves one request (every method and path comes here): the object storage under
/// [`ObjectStore::PATH`], the API on `/`.
pub(crate) async fn handle(State(conn): State<ConnState>, request: Request) -> Response {
    let method = request.method().clone();
    if let Some(rest) = request.uri().path().strip_prefix(ObjectStore::PATH)
        && (rest.is_empty() || rest.starts_with('/'))
    {
        return storage(&conn.shared.ota, request).await;
    }
    if Imds::serves(request.uri().path()) {
        return metadata(&conn.shared.imds, &request);
    }
    let mut ctx = Ctx {
        request_id: new_request_id(),
        host_id: host_id(request.headers()),
        format: aliyun_iot::DEFAULT_FORMAT,
        action: None,
        fault: None,
    };
    let outcome = process(&conn.shared, request, &mut ctx).await;
    let (status, code, response) = match outcome {
        Outcome::Drop => {
            log(&method, &ctx, None, "-");
            conn.kill.notify_one();
            // The connection task drops the connection (and this future with it).
            return std::future::pending().await;
        }
        Outcome::Gateway(error) => (
            error.status,
            error.code.to_string(),
            gateway_response(&ctx, &error),
        ),
        Outcome::Reply(body, code) => (
            StatusCode::OK,
            code.unwrap_or_else(|| "-".to_owned()),
            respond(&ctx, StatusCode::OK, body),
        ),
    };
    log(&method, &ctx, Some(status), &code);
    response
}

/// A request to the object storage: `POST /oss/` uploads, `GET`/`HEAD /oss/<key>`
/// downloads. Logged like API calls, without the query (it holds a signature).
async fn storage(ota: &Ota, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let now = ota.clock.now();
    let key = parts
        .uri
        .path()
        .strip_prefix(ObjectStore::PATH)
        .unwrap_or_default()
        .trim_start_matches('/');
    let response = match parts.method {
        Method::POST if key.is_empty() => ota.store.upload(&parts.headers, body, now).await,
        Method::GET | Method::HEAD => {
            ota.store
                .download(&parts.method, key, parts.uri.query(), &parts.headers, now)
                .await
        }
        _ => {
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
            response
        }
    };
    tracing::info!(
        method = %parts.method,
        path = %shorten(parts.uri.path(), LOG_ACTION_CHARS),
        status = %response.status().as_u16(),
        "storage"
    );
    response
}

/// A request to the instance metadata service (`/latest/…`), logged without its answer.
fn metadata(imds: &Imds, request: &Request) -> Response {
    let headers = request.headers();
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let path = request.uri().path();
    let (status, content_type, body) = imds.answer(request.method().as_str(), path, &header);
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    tracing::info!(
        method = %request.method(),
        path = %shorten(path, LOG_ACTION_CHARS),
        status,
        "metadata"
    );
    response
}

/// The one log line of a request: never a secret, a signature or a token.
fn log(method: &Method, ctx: &Ctx, status: Option<StatusCode>, code: &str) {
    if !tracing::enabled!(tracing::Level::INFO) {
        return; // nothing to format for
    }
    let action = ctx
        .action
        .as_deref()
        .map(|a| shorten(a, LOG_ACTION_CHARS))
        .unwrap_or_else(|| "-".to_owned());
    let status = status.map_or_else(|| "dropped".to_owned(), |s| s.as_u16().to_string());
    let fault = ctx.fault.map_or_else(|| "-".to_owned(), |f| f.to_string());
    tracing::info!(
        method = %method,
        action = ?action,
        status = %status,
        code = %code,
        request_id = %ctx.request_id,
        fault = %fault,
        "request"
    );
}

/// The whole pipeline of one request.
async fn process(shared: &Shared, request: Request, ctx: &mut Ctx) -> Outcome {
    let received = match receive(shared, request, ctx).await {
        Ok(received) => received,
        Err(error) => return Outcome::Gateway(error),
    };
    let (key_id, action, params) = match authenticate(shared, &received, ctx) {
        Ok(done) => done,
        Err(error) => return Outcome::Gateway(error),
    };
    if let Some(fault) = shared.faults.next() {
        ctx.fault = Some(fault);
        match fault {
            FaultKind::ServerError(status) => {
                return Outcome::Gateway(GatewayError::injected(status));
            }
            FaultKind::Delay(delay) => tokio::time::sleep(delay).await,
            FaultKind::Drop => return Outcome::Drop,
        }
    }
    let qps = shared.config.qps.unwrap_or(action.quota_per_second);
    let admitted = lock(&shared.throttle).admit(&key_id, action.action, qps, Instant::now());
    if !admitted {
        return Outcome::Gateway(GatewayError::new(
            StatusCode::BAD_REQUEST,
            "Throttling.User",
            "Request was denied due to request throttling.",
        ));
    }
    let request = RequestContext::new(action.action, &ctx.request_id, ctx.format, key_id);
    let params = QueryReader::new(params.into_pairs());
    let (answer, envelope) = if action.version == aliyun_sts::API_VERSION {
        let answer = aliyun_sts::server::dispatch(&*shared.sts, &request, &params).await;
        (answer, &aliyun_sts::ENVELOPE)
    } else {
        let answer = aliyun_iot::server::dispatch(&shared.ota, &request, &params).await;
        (answer, &aliyun_iot::ENVELOPE)
    };
    match answer {
        Ok(body) => Outcome::Reply(body, None),
        Err(Failure::InBand { code, message }) => {
            let body = in_band_body(envelope, &request, &code, &message);
            Outcome::Reply(body, Some(code))
        }
        Err(failure) => Outcome::Gateway(GatewayError::from(failure)),
    }
}

/// Why a body could not be read.
enum BodyError {
    /// Larger than the limit; holds the start of the body (for reading its `Format`).
    TooLarge(Vec<u8>),
    TimedOut,
    Broken,
}

/// Reads a body of at most `limit` bytes within `timeout`. An oversized body is still read
/// (and dropped) up to [`MAX_DRAIN_BYTES`] before giving up, so the client sees the answer.
async fn read_body(mut body: Body, limit: usize, timeout: Duration) -> Result<Vec<u8>, BodyError> {
    let deadline = tokio::time::Instant::now() + timeout;
    let mut buf = Vec::new();
    let mut seen = 0usize;
    loop {
        let frame = match tokio::time::timeout_at(deadline, body.frame()).await {
            Err(_) if seen > limit => return Err(BodyError::TooLarge(buf)),
            Err(_) => return Err(BodyError::TimedOut),
            Ok(None) => break,
            Ok(Some(Err(_))) if seen > limit => return Err(BodyError::TooLarge(buf)),
            Ok(Some(Err(_))) => return Err(BodyError::Broken),
            Ok(Some(Ok(frame))) => frame,
        };
        let Ok(data) = frame.into_data() else {
            continue;
        };
        seen = seen.saturating_add(data.len());
        if seen > limit {
            // Keep the first `limit` bytes, drop the rest.
            let room = limit.saturating_sub(buf.len()).min(data.len());
            buf.extend_from_slice(&data[..room]);
            if seen > MAX_DRAIN_BYTES {
                return Err(BodyError::TooLarge(buf));
            }
            continue;
        }
        buf.extend_from_slice(&data);
    }
    if seen > limit {
        Err(BodyError::TooLarge(buf))
    } else {
        Ok(buf)
    }
}

fn body_too_large() -> GatewayError {
    GatewayError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "InvalidParameter",
        format!("The request body is larger than {MAX_BODY_BYTES} bytes."),
    )
}

/// Reads a form body (see [`read_body`]). On failure, also returns what was read of it (the
/// start of an oversized body, else nothing), for finding its `Format`.
async fn form_body(
    parts: &Parts,
    body: Body,
    timeout: Duration,
) -> Result<Vec<u8>, (Vec<u8>, GatewayError)> {
    let declared = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_DRAIN_BYTES as u64) {
        return Err((Vec::new(), body_too_large()));
    }
    read_body(body, MAX_BODY_BYTES, timeout)
        .await
        .map_err(|error| match error {
            BodyError::TooLarge(start) => (start, body_too_large()),
            BodyError::TimedOut => (
                Vec::new(),
                GatewayError::new(
                    StatusCode::REQUEST_TIMEOUT,
                    "RequestTimeout",
                    "The request body was not received in time.",
                ),
            ),
            BodyError::Broken => (
                Vec::new(),
                GatewayError::invalid("The request body could not be read."),
            ),
        })
}

/// True for `application/x-www-form-urlencoded` (parameters such as `charset` allowed).
fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            v.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// A parameter that must be present and not empty.
fn require<'p>(params: &'p Params, name: &str) -> Result<&'p str, GatewayError> {
    params.get(name).ok_or_else(|| GatewayError::missing(name))
}

/// A signature parameter that must have its one supported value (else `IncompleteSignature`).
fn require_value(params: &Params, name: &str, supported: &str) -> Result<(), GatewayError> {
    let given = require(params, name)?;
    if given == supported {
        return Ok(());
    }
    Err(GatewayError::new(
        StatusCode::BAD_REQUEST,
        "IncompleteSignature",
        format!(
            "The request signature does not conform to Aliyun standards: {name} {:?} is not supported (use {supported}).",
            shorten(given, 32)
        ),
    ))
}

/// Equal strings, compared in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Whether a request is signed with V3 (an `Authorization: ACS3-…` header).
fn is_v3(headers: &HeaderMap) -> bool {
    headers
        .get(AUTHORIZATION)
        .is_some_and(|v| v.as_bytes().starts_with(b"ACS3-"))
}

/// A request as the gateway has read it: its head, the body it needs, and how it is signed.
struct Received {
    parts: Parts,
    /// The form or what V3 signs; empty when neither is read.
    body: Vec<u8>,
    /// Signed with V3 (an `Authorization: ACS3-…` header).
    v3: bool,
    /// The body is a form whose parameters count.
    form: bool,
}

impl Received {
    /// The answer's format when the request names none: V3 answers JSON (the official V3
    /// SDKs send no `Format`).
    fn default_format(&self) -> Format {
        if self.v3 {
            Format::Json
        } else {
            aliyun_iot::DEFAULT_FORMAT
        }
    }
}

/// The gateway's first part: the request's head and the body it needs (a form, or what V3
/// signs), with the `Format` for early errors set in `ctx`.
async fn receive(
    shared: &Shared,
    request: Request,
    ctx: &mut Ctx,
) -> Result<Received, GatewayError> {
    let (parts, body) = request.into_parts();
    let routed = parts.uri.path() == "/" && matches!(parts.method, Method::GET | Method::POST);
    let v3 = is_v3(&parts.headers);
    let form = is_form(&parts.headers);
    // V3 signs the body's hash whatever its type or method, so its body is always read; V1
    // reads a POST's form.
    let read = routed && (v3 || (parts.method == Method::POST && form));
    let (body, body_error) = if read {
        match form_body(&parts, body, shared.config.read_timeout).await {
            Ok(bytes) => (bytes, None),
            Err((start, error)) => (start, Some(error)),
        }
    } else {
        (Vec::new(), None)
    };
    let received = Received {
        parts,
        body,
        v3,
        form,
    };
    // Answer even early errors in the `Format` asked for (the query's first, as when decoded).
    let raw_query = received.parts.uri.query().unwrap_or_default().as_bytes();
    let sniffed =
        sniff_format(raw_query).or_else(|| form.then(|| sniff_format(&received.body)).flatten());
    ctx.format = sniffed.unwrap_or(received.default_format());
    if !routed {
        return Err(GatewayError::api_not_found());
    }
    if let Some(error) = body_error {
        return Err(error);
    }
    Ok(received)
}

/// The gateway's second part: decodes the parameters (borrowed from the request where they
/// hold no escape) and checks everything up to the nonce, for either signature version.
/// Returns the caller's AccessKeyId, the operation and the parameters.
fn authenticate<'a>(
    shared: &Shared,
    received: &'a Received,
    ctx: &mut Ctx,
) -> Result<(String, &'static aliyun_runtime::OperationInfo, Params<'a>), GatewayError> {
    let Received {
        parts, body, form, ..
    } = received;
    let raw_query = parts.uri.query().unwrap_or_default().as_bytes();
    let mut pairs = parse_pairs(raw_query, "query string")?;
    let query_len = pairs.len();
    if *form {
        pairs.extend(parse_pairs(body, "request body")?);
    }
    let params = Params::new(pairs);
    let default_format = received.default_format();
    ctx.format = match params.get("Format") {
        None => default_format,
        Some(value) => match Format::parse(value) {
            Some(format) => format,
            None => {
                ctx.format = default_format;
                return Err(GatewayError::invalid(format!(
                    "The specified parameter Format ({:?}) is not valid: use JSON or XML.",
                    shorten(value, 32)
                )));
            }
        },
    };
    if let Some(name) = params.duplicate() {
        return Err(GatewayError::invalid(format!(
            "The parameter \"{}\" is given more than once.",
            shorten(name, 64)
        )));
    }
    let (key_id, action, nonce) = if received.v3 {
        let view = V3View {
            parts,
            query: params.first(query_len),
            body,
        };
        verify_v3(shared, &view, ctx)?
    } else {
        verify_v1(shared, parts, &params, ctx)?
    };
    if let Some((nonce, at)) = nonce {
        remember_nonce(shared, &key_id, &nonce, at)?;
    }
    Ok((key_id, action, params))
}

/// What a verified request comes to: the caller's key ID (empty for an anonymous operation),
/// the operation, and the nonce with the request's time (none when anonymous).
type Verified = (
    String,
    &'static aliyun_runtime::OperationInfo,
    Option<(String, i64)>,
);

/// The operation named by a request, which must accept its method (404 otherwise).
/// STS's operations for its API version, IoT's for any other (whose version is then checked).
fn operation(
    name: &str,
    version: &str,
    method: &Method,
) -> Result<&'static aliyun_runtime::OperationInfo, GatewayError> {
    let found = if version == aliyun_sts::API_VERSION {
        aliyun_sts::server::operation(name)
    } else {
        aliyun_iot::server::operation(name)
    };
    found
        .filter(|info| info.methods.iter().any(|m| m.as_str() == method.as_str()))
        .ok_or_else(GatewayError::api_not_found)
}

/// Whether `action` is STS's AssumeRoleWithOIDC, which is anonymous: the OIDC token in its
/// parameters is the credential.
fn is_anonymous(action: &aliyun_runtime::OperationInfo) -> bool {
    action.version == aliyun_sts::API_VERSION && action.action == "AssumeRoleWithOIDC"
}

fn check_version(version: &str) -> Result<(), GatewayError> {
    if version == aliyun_iot::API_VERSION || version == aliyun_sts::API_VERSION {
        return Ok(());
    }
    Err(GatewayError::new(
        StatusCode::BAD_REQUEST,
        "InvalidVersion",
        "Specified parameter Version is not valid.",
    ))
}

/// A request time within [`TIMESTAMP_TOLERANCE_SECS`] of now, as epoch seconds.
fn check_time(text: &str) -> Result<i64, GatewayError> {
    let timestamp: Timestamp = text.parse().map_err(|_| {
        GatewayError::new(
            StatusCode::BAD_REQUEST,
            "InvalidTimeStamp.Format",
            "Specified time stamp or date value is not well formatted.",
        )
    })?;
    let at = timestamp.as_second();
    if (Timestamp::now().as_second() - at).abs() > TIMESTAMP_TOLERANCE_SECS {
        return Err(GatewayError::new(
            StatusCode::BAD_REQUEST,
            "InvalidTimeStamp.Expired",
            "Specified time stamp or date value is expired.",
        ));
    }
    Ok(at)
}

/// The key pair of `key_id`, checked against the security token the request carries.
/// A configured key, or a temporary one the emulator's STS issued (refused once expired).
fn key_for<'s>(
    shared: &'s Shared,
    key_id: &str,
    token: Option<&str>,
) -> Result<Cow<'s, crate::config::AccessKey>, GatewayError> {
    let key = match shared.config.keys.iter().find(|k| k.id == key_id) {
        Some(key) => Cow::Borrowed(key),
        None => match shared.sts.key(key_id) {
            Some(KeyState::Valid { secret, token }) => Cow::Owned(crate::config::AccessKey {
                id: key_id.to_owned(),
                secret,
                security_token: Some(token),
            }),
            Some(KeyState::Expired) => {
                return Err(GatewayError::new(
                    StatusCode::BAD_REQUEST,
                    "InvalidSecurityToken.Expired",
                    "Specified SecurityToken is expired.",
                ));
            }
            None => {
                return Err(GatewayError::new(
                    StatusCode::NOT_FOUND,
                    "InvalidAccessKeyId.NotFound",
                    "Specified access key is not found.",
                ));
            }
        },
    };
    match (&key.security_token, token) {
        (Some(_), None) => Err(GatewayError::new(
            StatusCode::BAD_REQUEST,
            "MissingSecurityToken",
            "SecurityToken is mandatory for this AccessKeyId (temporary STS credentials).",
        )),
        (Some(expected), Some(given)) if !same(expected.expose(), given) => Err(GatewayError::new(
            StatusCode::BAD_REQUEST,
            "InvalidSecurityToken.MismatchWithAccessKey",
            "Specified SecurityToken mismatch with the AccessKey.",
        )),
        (None, Some(_)) => Err(GatewayError::new(
            StatusCode::BAD_REQUEST,
            "InvalidSecurityToken.MismatchWithAccessKey",
            "Specified SecurityToken mismatch with the AccessKey: this AccessKeyId is a permanent key and takes no SecurityToken.",
        )),
        _ => Ok(key),
    }
}

/// `SignatureDoesNotMatch`, quoting the string the emulator signed, as the gateway does.
fn signature_mismatch(to_sign: &str) -> GatewayError {
    GatewayError::new(
        StatusCode::BAD_REQUEST,
        "SignatureDoesNotMatch",
        format!(
            "Specified signature is not matched with our calculation. server string to sign is:{to_sign}"
        ),
    )
}

fn incomplete_signature(detail: impl std::fmt::Display) -> GatewayError {
    GatewayError::new(
        StatusCode::BAD_REQUEST,
        "IncompleteSignature",
        format!("The request signature does not conform to Aliyun standards: {detail}"),
    )
}

/// RPC V1: the common parameters, then HMAC-SHA1 over every parameter but `Signature`, with
/// the request's real method. Returns the key ID, the operation, and the nonce with the
/// request's time (none for an anonymous operation, whose key ID is empty).
fn verify_v1(
    shared: &Shared,
    parts: &Parts,
    params: &Params,
    ctx: &mut Ctx,
) -> Result<Verified, GatewayError> {
    ctx.action = params.get("Action").map(str::to_owned);
    let name = require(params, "Action")?;
    let version = require(params, "Version")?;
    let action = operation(name, version, &parts.method)?;
    check_version(version)?;
    if is_anonymous(action) {
        return Ok((String::new(), action, None));
    }
    for name in REQUIRED_COMMON {
        require(params, name)?;
    }
    require_value(params, "SignatureMethod", "HMAC-SHA1")?;
    require_value(params, "SignatureVersion", "1.0")?;
    let at = check_time(require(params, "Timestamp")?)?;
    let key_id = require(params, "AccessKeyId")?;
    let key = key_for(shared, key_id, params.get("SecurityToken"))?;
    let to_sign = string_to_sign_of(parts.method.as_str(), params.signed());
    let expected = signature(key.secret.expose(), &to_sign);
    if !same(&expected, require(params, "Signature")?) {
        return Err(signature_mismatch(&to_sign));
    }
    let nonce = require(params, "SignatureNonce")?;
    Ok((key_id.to_owned(), action, Some((nonce.to_owned(), at))))
}

/// What a V3 verification reads of a request.
struct V3View<'a> {
    parts: &'a Parts,
    /// The query's pairs, decoded (`+` as a space): a form body's are covered by its hash.
    query: &'a [Pair<'a>],
    body: &'a [u8],
}

impl V3View<'_> {
    /// The header `name`, if present and text.
    fn header(&self, name: &str) -> Option<&str> {
        self.parts.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A header that must be present and not empty (`MissingParameter` naming it).
    fn require(&self, name: &str) -> Result<&str, GatewayError> {
        self.header(name)
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| GatewayError::missing(name))
    }
}

/// V3 (`ACS3-HMAC-SHA256`, `ACS3-HMAC-SM3`): the `x-acs-*` headers, then the signature over
/// the canonical request built from the headers the request declares in `SignedHeaders`
/// (which must include `host`, `content-type` when sent, and every `x-acs-*` header it
/// sends), the decoded query and
/// the body's hash. Returns the key ID, the operation, the nonce and the time.
fn verify_v3(shared: &Shared, view: &V3View<'_>, ctx: &mut Ctx) -> Result<Verified, GatewayError> {
    ctx.action = view.header("x-acs-action").map(str::to_owned);
    let auth_header = view.require("authorization")?;
    let auth = v3::parse_authorization(auth_header)
        .ok_or_else(|| incomplete_signature("the Authorization header is malformed"))?;
    let algorithm = Acs3Algorithm::parse(auth.algorithm).ok_or_else(|| {
        incomplete_signature(format_args!(
            "the algorithm {:?} is not supported (use ACS3-HMAC-SHA256 or ACS3-HMAC-SM3)",
            shorten(auth.algorithm, 32)
        ))
    })?;
    let version = view.require("x-acs-version")?;
    let action = operation(view.require("x-acs-action")?, version, &view.parts.method)?;
    check_version(version)?;
    let date = view.require("x-acs-date")?;
    let nonce = view.require("x-acs-signature-nonce")?;
    let content_hash = view.require("x-acs-content-sha256")?;
    let at = check_time(date)?;
    if let Some(id) = view.header("x-acs-accesskey-id")
        && id != auth.credential
    {
        return Err(incomplete_signature(
            "x-acs-accesskey-id differs from the Authorization's Credential",
        ));
    }
    let key = key_for(shared, auth.credential, view.header("x-acs-security-token"))?;

    // What must be signed: host and every x-acs-* header sent; what is listed must be sent.
    let signed: Vec<String> = auth
        .signed_headers
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let required = view
        .parts
        .headers
        .keys()
        .map(|name| name.as_str())
        .filter(|name| name.starts_with("x-acs-") || *name == "content-type")
        .chain(["host"]);
    for name in required {
        if !signed.iter().any(|s| s == name) {
            return Err(incomplete_signature(format_args!(
                "the header {name} is not in SignedHeaders"
            )));
        }
    }
    for name in &signed {
        if view.header(name).is_none() {
            return Err(incomplete_signature(format_args!(
                "the signed header {} is not in the request",
                shorten(name, 64)
            )));
        }
    }
    let body_hash = v3::hashed_payload(algorithm, view.body);
    if !body_hash.eq_ignore_ascii_case(content_hash.trim()) {
        return Err(incomplete_signature(
            "x-acs-content-sha256 does not match the body",
        ));
    }
    let headers: Vec<(&str, &str)> = view
        .parts
        .headers
        .iter()
        .filter(|(name, _)| name.as_str() != "host")
        .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)))
        .collect();
    let host = view.header("host").unwrap_or_default();
    let (canonical_headers, signed_list) =
        v3::canonical_headers(host, &headers, |name| signed.iter().any(|s| s == name));
    let canonical = v3::canonical_request(
        view.parts.method.as_str(),
        view.parts.uri.path(),
        &v3::canonical_query(view.query),
        &canonical_headers,
        &signed_list,
        content_hash.trim(),
    );
    let to_sign = v3::string_to_sign(algorithm, &canonical);
    let expected = v3::signature(algorithm, key.secret.expose(), &to_sign);
    if !same(&expected, auth.signature) {
        return Err(signature_mismatch(&to_sign));
    }
    Ok((
        auth.credential.to_owned(),
        action,
        Some((nonce.to_owned(), at)),
    ))
}

/// Refuses a nonce the same key already used while its request's time is in the window.
fn remember_nonce(shared: &Shared, key_id: &str, nonce: &str, at: i64) -> Result<(), GatewayError> {
    let now = Timestamp::now().as_second();
    let check = lock(&shared.nonces).check_and_remember(
        key_id,
        nonce,
        now,
        at.saturating_add(TIMESTAMP_TOLERANCE_SECS),
    );
    match check {
        NonceCheck::Fresh => Ok(()),
        NonceCheck::Used => Err(GatewayError::new(
            StatusCode::BAD_REQUEST,
            "SignatureNonceUsed",
            "Specified signature nonce was used already.",
        )),
        NonceCheck::Full => {
            tracing::warn!(
                capacity = shared.config.nonce_capacity,
                "the nonce store is full of unexpired nonces: refusing requests until some expire"
            );
            Err(GatewayError::service_unavailable())
        }
    }
}

/// An answer with `body` in `format`.
fn respond(ctx: &Ctx, status: StatusCode, body: String) -> Response {
    let content_type = if ctx.format == Format::Xml {
        "text/xml;charset=utf-8"
    } else {
        "application/json;charset=utf-8"
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(id) = HeaderValue::from_str(&ctx.request_id) {
        headers.insert(REQUEST_ID_HEADER, id);
    }
    response
}

/// A gateway error body: JSON `{"RequestId","HostId","Code","Message","Recommend"}` or XML
/// `<Error>` with `RequestId`, `HostId`, `Code` and `Message`.
fn gateway_response(ctx: &Ctx, error: &GatewayError) -> Response {
    let text = |s: &str| Node::Text(s.to_owned().into());
    let mut entries = vec![
        ("RequestId".into(), text(&ctx.request_id)),
        ("HostId".into(), text(&ctx.host_id)),
        ("Code".into(), text(&error.code)),
        ("Message".into(), text(&error.message)),
    ];
    let body = if ctx.format == Format::Xml {
        wire::to_xml("Error", &Node::Map(entries))
    } else {
        entries.push((
            "Recommend".into(),
            text(&format!(
                "https://api.aliyun.com/troubleshoot?q={}&product={}",
                error.code,
                aliyun_iot::PRODUCT
            )),
        ));
        wire::to_json(&Node::Map(entries), false)
    };
    respond(ctx, error.status, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_look_like_alibabas() {
        let id = new_request_id();
        assert_eq!(id.len(), 36);
        let groups: Vec<usize> = id.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert!(
            id.chars()
                .all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_uppercase())
        );
        assert_ne!(id, new_request_id());
    }

    #[test]
    fn constant_time_equality() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
        assert!(same("", ""));
    }

    #[test]
    fn requires_what_the_signer_sets() {
        let mut required = REQUIRED_COMMON.to_vec();
        let mut owned: Vec<&str> = aliyun_runtime::signing::V1_OWNED_PARAMS
            .into_iter()
            .filter(|&name| name != "SecurityToken")
            .collect();
        required.sort_unstable();
        owned.sort_unstable();
        assert_eq!(required, owned);
    }

    #[test]
    fn service_failures_become_gateway_errors() {
        let e = GatewayError::from(Failure::not_implemented("ListOTAFirmware"));
        assert_eq!(
            (e.status, e.code.as_ref()),
            (StatusCode::BAD_REQUEST, "UnsupportedOperation")
        );
        assert!(e.message.contains("ListOTAFirmware"), "{}", e.message);
        let e = GatewayError::from(Failure::action_not_found());
        assert_eq!(
            (e.status, e.code.as_ref()),
            (StatusCode::NOT_FOUND, "InvalidAction.NotFound")
        );
        assert_eq!(e.message, GatewayError::api_not_found().message);
        // A status HTTP cannot carry is sent as 400.
        let e = GatewayError::from(Failure::gateway(1000, "Odd", "m"));
        assert_eq!(
            (e.status, e.code.as_ref()),
            (StatusCode::BAD_REQUEST, "Odd")
        );
        let e = GatewayError::from(Failure::gateway(503, "ServiceUnavailable", "m"));
        assert_eq!(e.status, StatusCode::SERVICE_UNAVAILABLE);
    }

    #[test]
    fn parameter_errors_become_gateway_errors() {
        let missing = aliyun_runtime::query::QueryError::Missing {
            name: "FirmwareId".to_owned(),
        };
        let e = GatewayError::from(Failure::from(missing));
        assert_eq!(
            (e.status, e.code.as_ref(), e.message.as_ref()),
            (
                StatusCode::BAD_REQUEST,
                "MissingFirmwareId",
                "FirmwareId is mandatory for this action."
            )
        );
        let invalid =
            aliyun_runtime::query::QueryError::invalid("PageSize", "\"ten\" is not an integer");
        let e = GatewayError::from(Failure::from(invalid));
        assert_eq!(
            (e.status, e.code.as_ref()),
            (StatusCode::BAD_REQUEST, "InvalidParameter")
        );
        assert!(e.message.contains("PageSize"), "{}", e.message);
    }
}
