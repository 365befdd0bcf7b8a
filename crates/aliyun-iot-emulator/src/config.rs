//! What an emulator serves and how it behaves: [`EmulatorConfig`], [`AccessKey`], [`Faults`].

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use aliyun_runtime::Secret;

use crate::packages::{Package, ProductSeed, default_packages, demo_product};

/// How often simulated devices report by default (`--device-step`).
pub const DEFAULT_DEVICE_STEP: Duration = Duration::from_millis(300);

/// The largest firmware file an upload may carry by default: 1,000 MB, the service's limit.
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 1000 * 1024 * 1024;

/// The port the emulator listens on by default (on `127.0.0.1`).
pub const DEFAULT_PORT: u16 = 18080;

/// The AccessKeyId of the default key pair (`testid`, the one of Alibaba's published signature
/// examples).
pub const DEFAULT_ACCESS_KEY_ID: &str = "testid";

/// The AccessKeySecret of the default key pair (`testsecret`).
pub const DEFAULT_ACCESS_KEY_SECRET: &str = "testsecret";

/// How long a client may take to send a request's headers, and separately its body, by
/// default. Idle keep-alive connections are closed after the same time.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// How many `SignatureNonce` values are remembered at most by default (see
/// [`EmulatorConfig::nonce_capacity`]).
pub const DEFAULT_NONCE_CAPACITY: usize = 100_000;

/// An operation's quota in calls per second, from the spec (`None` for an unknown Action).
pub fn operation_quota(action: &str) -> Option<u32> {
    aliyun_iot::server::operation(action).map(|info| info.quota_per_second)
}

/// A key pair the emulator accepts.
///
/// `Debug` never shows the secret or the token.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AccessKey {
    /// The AccessKeyId, as sent in the `AccessKeyId` parameter.
    pub id: String,
    /// The AccessKeySecret the caller signs with.
    pub secret: Secret,
    /// For temporary (STS) credentials: the `SecurityToken` every call with this key must
    /// carry. A key without a token refuses calls that carry one
    /// (`InvalidSecurityToken.MismatchWithAccessKey`): a permanent key never comes with a token,
    /// so a client that sends one has mixed up its credentials.
    pub security_token: Option<Secret>,
}

impl AccessKey {
    /// A permanent key pair.
    pub fn new(id: impl Into<String>, secret: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            secret: Secret::new(secret.into()),
            security_token: None,
        }
    }

    /// The same key as temporary (STS) credentials that require `token`.
    pub fn with_security_token(mut self, token: impl Into<String>) -> Self {
        self.security_token = Some(Secret::new(token.into()));
        self
    }
}

impl Default for AccessKey {
    /// The public test pair `testid` / `testsecret`.
    fn default() -> Self {
        Self::new(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET)
    }
}

/// One injected fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FaultKind {
    /// Answer with this HTTP status and a gateway error body: `503` gives
    /// `ServiceUnavailable`, any other status `InternalError` (a status outside 100..=999
    /// is sent as 500).
    ServerError(u16),
    /// Wait this long, then handle the request normally.
    Delay(Duration),
    /// Close the connection without answering.
    Drop,
}

impl fmt::Display for FaultKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FaultKind::ServerError(status) => write!(f, "{status}"),
            FaultKind::Delay(d) => write!(f, "delay:{}ms", d.as_millis()),
            FaultKind::Drop => f.write_str("drop"),
        }
    }
}

/// Why a fault description could not be read (see [`FaultKind`]'s `FromStr`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseFaultError(String);

impl fmt::Display for ParseFaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseFaultError {}

impl FromStr for FaultKind {
    type Err = ParseFaultError;

    /// Reads `503` (an HTTP status from 400 to 599), `delay:500ms` / `delay:2s` /
    /// `delay:1.5s`, or `drop` (case-insensitive).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let lower = s.to_ascii_lowercase();
        if lower == "drop" {
            return Ok(FaultKind::Drop);
        }
        if let Some(delay) = lower.strip_prefix("delay:") {
            return parse_duration(delay.trim())
                .map(FaultKind::Delay)
                .ok_or_else(|| {
                    ParseFaultError(format!(
                        "{s:?}: expected a delay such as delay:500ms or delay:2s"
                    ))
                });
        }
        match lower.parse::<u16>() {
            Ok(status) if (400..=599).contains(&status) => Ok(FaultKind::ServerError(status)),
            _ => Err(ParseFaultError(format!(
                "{s:?}: expected an HTTP status from 400 to 599 (such as 503), delay:<time> (such as delay:500ms) or drop"
            ))),
        }
    }
}

/// Reads a duration as the command line takes them: `500ms`, `2s`, `1.5s` (a number and a
/// unit, `ms` or `s`); `None` for anything else.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let (number, millis) = if let Some(n) = text.strip_suffix("ms") {
        (n.trim(), true)
    } else if let Some(n) = text.strip_suffix('s') {
        (n.trim(), false)
    } else {
        return None;
    };
    let value: f64 = number.parse().ok()?;
    if !value.is_finite() || value < 0.0 {
        return None;
    }
    let secs = if millis { value / 1000.0 } else { value };
    Duration::try_from_secs_f64(secs).ok()
}

/// Fault injection, for testing a client's retries: a share of the authenticated requests
/// get one of `kinds` instead of (or, for [`FaultKind::Delay`], before) their answer.
///
/// The choice is deterministic so tests are reproducible: authenticated requests are
/// numbered from 1 (across all connections and keys), and request `n` is faulted when
/// `ceil(n × rate)` grows at `n`. So the first request is always faulted (when `rate > 0`),
/// then one in every `1/rate`: with `rate = 0.5`, requests 1, 3, 5, ...; with `rate = 1/3`,
/// requests 1, 4, 7, ...; with `rate = 1`, all of them. The faulted requests take `kinds` in
/// turn (the first faulted request gets `kinds[0]`, the next `kinds[1]`, ...).
///
/// Faults are applied after the signature and nonce checks (so a retry that reuses its
/// nonce still fails with `SignatureNonceUsed`) and before throttling and the operation.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Faults {
    /// The share of requests faulted, from 0 to 1 (values outside are clamped, NaN is 0).
    pub rate: f64,
    /// The faults, taken in turn; empty means no fault.
    pub kinds: Vec<FaultKind>,
}

impl Faults {
    /// One kind of fault at `rate`.
    pub fn new(rate: f64, kind: FaultKind) -> Self {
        Self {
            rate,
            kinds: vec![kind],
        }
    }

    /// Several kinds of fault at `rate`, taken in turn.
    pub fn with_kinds(rate: f64, kinds: Vec<FaultKind>) -> Self {
        Self { rate, kinds }
    }
}

/// Everything an emulator needs: where to listen, which keys and packages it knows, its
/// quota and fault injection.
///
/// Start from [`EmulatorConfig::default`] (or [`EmulatorConfig::ephemeral`]) and set fields
/// or use the `with_*` methods.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct EmulatorConfig {
    /// The address to listen on; default `127.0.0.1:18080` ([`DEFAULT_PORT`]). Port 0 picks a
    /// free port (see [`crate::RunningEmulator::addr`]).
    pub listen: SocketAddr,
    /// The accepted key pairs; default the single pair `testid` / `testsecret`.
    pub keys: Vec<AccessKey>,
    /// The packages served; default [`default_packages`].
    pub packages: Vec<Package>,
    /// Calls per second allowed per AccessKeyId and operation before `Throttling.User`;
    /// default (`None`) each operation's quota from the spec (see [`operation_quota`]).
    /// `Some(0)` turns throttling off.
    pub qps: Option<u32>,
    /// Fault injection; default none.
    pub faults: Option<Faults>,
    /// How long a client may take to send a request's headers (and, separately, its body);
    /// idle keep-alive connections are closed after it too. Default [`DEFAULT_READ_TIMEOUT`].
    pub read_timeout: Duration,
    /// How many nonces are remembered for replay detection; default
    /// [`DEFAULT_NONCE_CAPACITY`]. Each is kept until its request's timestamp leaves the
    /// 15-minute window. When the store is full of unexpired nonces, new requests are
    /// refused with 503 `ServiceUnavailable` rather than letting memory grow.
    pub nonce_capacity: usize,
    /// The products and devices of a new state; default [`demo_product`].
    pub products: Vec<ProductSeed>,
    /// Where the state is kept (`--state DIR`): every change answered with success survives
    /// a crash. Default `None`: in memory, uploaded files in a temporary directory removed
    /// when the emulator stops.
    pub state_dir: Option<PathBuf>,
    /// How often the simulated devices move their tasks on; default [`DEFAULT_DEVICE_STEP`].
    pub device_step: Duration,
    /// Seeds the IDs and the devices' progress, for reproducible runs; default the clock.
    pub seed: Option<u64>,
    /// The largest uploaded file, in bytes; default [`DEFAULT_MAX_UPLOAD_BYTES`].
    pub max_upload_bytes: u64,
    /// Whether the OTA state's clock moves only when a test says so
    /// ([`crate::RunningEmulator::advance`]); default `false` (the system clock, devices
    /// stepping on a timer).
    pub manual_clock: bool,
    /// The longest session the emulated STS grants, whatever `DurationSeconds` asks (so that
    /// tests see temporary keys expire and refresh); default none.
    pub sts_session_cap: Option<Duration>,
    /// Whether the emulated instance metadata service refuses calls without a session token
    /// (IMDSv2 enforced); default `false`.
    pub imds_v2_only: bool,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            listen: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), DEFAULT_PORT),
            keys: vec![AccessKey::default()],
            packages: default_packages(),
            qps: None,
            faults: None,
            read_timeout: DEFAULT_READ_TIMEOUT,
            nonce_capacity: DEFAULT_NONCE_CAPACITY,
            products: vec![demo_product()],
            state_dir: None,
            device_step: DEFAULT_DEVICE_STEP,
            seed: None,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            manual_clock: false,
            sts_session_cap: None,
            imds_v2_only: false,
        }
    }
}

impl EmulatorConfig {
    /// The default configuration listening on `127.0.0.1:0` (a free port), for tests.
    pub fn ephemeral() -> Self {
        Self::default().with_listen(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0))
    }

    /// Sets [`EmulatorConfig::listen`].
    pub fn with_listen(mut self, listen: SocketAddr) -> Self {
        self.listen = listen;
        self
    }

    /// Sets [`EmulatorConfig::keys`].
    pub fn with_keys(mut self, keys: Vec<AccessKey>) -> Self {
        self.keys = keys;
        self
    }

    /// Sets [`EmulatorConfig::packages`].
    pub fn with_packages(mut self, packages: Vec<Package>) -> Self {
        self.packages = packages;
        self
    }

    /// Sets [`EmulatorConfig::qps`] for every operation (0: no throttling).
    pub fn with_qps(mut self, qps: u32) -> Self {
        self.qps = Some(qps);
        self
    }

    /// Sets [`EmulatorConfig::faults`].
    pub fn with_faults(mut self, faults: Faults) -> Self {
        self.faults = Some(faults);
        self
    }

    /// Sets [`EmulatorConfig::read_timeout`].
    pub fn with_read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// Sets [`EmulatorConfig::nonce_capacity`].
    pub fn with_nonce_capacity(mut self, capacity: usize) -> Self {
        self.nonce_capacity = capacity;
        self
    }

    /// Sets [`EmulatorConfig::products`].
    pub fn with_products(mut self, products: Vec<ProductSeed>) -> Self {
        self.products = products;
        self
    }

    /// Sets [`EmulatorConfig::state_dir`].
    pub fn with_state_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.state_dir = Some(dir.into());
        self
    }

    /// Sets [`EmulatorConfig::device_step`].
    pub fn with_device_step(mut self, step: Duration) -> Self {
        self.device_step = step;
        self
    }

    /// Sets [`EmulatorConfig::seed`].
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Sets [`EmulatorConfig::max_upload_bytes`].
    pub fn with_max_upload_bytes(mut self, bytes: u64) -> Self {
        self.max_upload_bytes = bytes;
        self
    }

    /// Sets [`EmulatorConfig::manual_clock`]: the devices move only when
    /// [`crate::RunningEmulator::advance`] says so.
    pub fn with_manual_clock(mut self) -> Self {
        self.manual_clock = true;
        self
    }

    /// Sets [`EmulatorConfig::sts_session_cap`].
    pub fn with_sts_session_cap(mut self, cap: Duration) -> Self {
        self.sts_session_cap = Some(cap);
        self
    }

    /// Sets [`EmulatorConfig::imds_v2_only`].
    pub fn with_imds_v2_only(mut self) -> Self {
        self.imds_v2_only = true;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let c = EmulatorConfig::default();
        assert_eq!(c.listen.to_string(), "127.0.0.1:18080");
        assert_eq!(c.qps, None);
        assert_eq!(operation_quota("QueryOTAFirmware"), Some(20));
        assert_eq!(operation_quota("CancelOTATaskByJob"), Some(5));
        assert_eq!(c.keys.len(), 1);
        assert_eq!(c.keys[0].id, "testid");
        assert_eq!(c.keys[0].secret.expose(), "testsecret");
        assert!(c.faults.is_none());
        assert!(!format!("{c:?}").contains("testsecret"));
        assert_eq!(EmulatorConfig::ephemeral().listen.port(), 0);
    }

    #[test]
    fn every_operation_has_its_quota_from_the_spec() {
        for info in &aliyun_iot::server::OPERATIONS {
            assert_eq!(
                operation_quota(info.action),
                Some(info.quota_per_second),
                "{}",
                info.action
            );
            assert!(info.quota_per_second > 0, "{}", info.action);
        }
        assert_eq!(operation_quota("ListOTAFirmware"), Some(10));
        assert_eq!(operation_quota("NoSuchAction"), None);
        assert_eq!(operation_quota(""), None);
        assert_eq!(EmulatorConfig::default().with_qps(0).qps, Some(0));
        assert_eq!(EmulatorConfig::ephemeral().with_qps(7).qps, Some(7));
    }

    #[test]
    fn fault_kinds_parse() {
        assert_eq!("503".parse(), Ok(FaultKind::ServerError(503)));
        assert_eq!("DROP".parse(), Ok(FaultKind::Drop));
        assert_eq!(
            "delay:500ms".parse(),
            Ok(FaultKind::Delay(Duration::from_millis(500)))
        );
        assert_eq!(
            "delay: 1.5s".parse(),
            Ok(FaultKind::Delay(Duration::from_millis(1500)))
        );
        for bad in ["200", "delay:", "delay:-1s", "delay:5", "boom", "", "99999"] {
            assert!(bad.parse::<FaultKind>().is_err(), "{bad}");
        }
        assert_eq!(
            FaultKind::Delay(Duration::from_secs(2)).to_string(),
            "delay:2000ms"
        );
    }
}
