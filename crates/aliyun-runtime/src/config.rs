//! Client configuration: every default in one place, each one explicit.

use std::sync::Arc;
use std::time::Duration;

use crate::credentials::{
    CliProfileCredentials, DefaultCredentialsChain, Environment, ProvideCredentials,
};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::retry::RetryConfig;
use crate::signing::{Clock, NonceSource, RandomNonce, SignatureVersion, SystemClock};
use crate::wire::Format;

/// The environment variable naming the default region.
pub const ENV_REGION: &str = "ALIBABA_CLOUD_REGION_ID";

/// Connect timeout, as the official SDKs.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Read timeout, as the official SDKs.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest response body the client reads (the API's answers are a few KiB).
pub const DEFAULT_MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Client-side pacing of calls, so bursts are smoothed instead of throttled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Pacing {
    /// Pace each operation to its quota from the spec (20/s for QueryOTAFirmware), shared by
    /// every client of the process that uses the same AccessKeyId.
    #[default]
    Quota,
    /// Pace to this many calls per second per AccessKeyId.
    PerSecond(u32),
    /// No pacing.
    Off,
}

/// The HTTP method calls are sent with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Method {
    /// POST with every parameter in the URL query and an empty body, as the official SDKs.
    #[default]
    Post,
    /// GET with every parameter in the URL query.
    Get,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Post => "POST",
            Method::Get => "GET",
        }
    }
}

/// Everything a client needs. Build it with [`Config::builder`] or [`Config::from_env`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Config {
    /// Where calls go.
    pub endpoint: Endpoint,
    /// Where credentials come from.
    pub credentials: Arc<dyn ProvideCredentials>,
    /// The response format asked for.
    pub format: Format,
    /// Retries (on by default: 3 attempts).
    pub retry: RetryConfig,
    /// Client-side pacing (on by default: the operation's quota).
    pub pacing: Pacing,
    /// TCP/TLS connect timeout.
    pub connect_timeout: Duration,
    /// Timeout between reads of the response.
    pub read_timeout: Duration,
    /// Deadline for a whole call, retries and pacing included (none by default).
    pub call_timeout: Option<Duration>,
    /// The largest response body read.
    pub max_body_bytes: usize,
    /// The HTTP method.
    pub method: Method,
    /// The signature version; `None` (the default) uses the product's, from the spec (V3 for
    /// IoT, as the official SDKs).
    pub signature: Option<SignatureVersion>,
    /// The clock signing reads (injectable for tests).
    pub clock: Arc<dyn Clock>,
    /// Where nonces come from (injectable for tests).
    pub nonces: Arc<dyn NonceSource>,
}

impl Config {
    /// A builder with every default set except the endpoint.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// The default setup: the [`default_region`], credentials from the default chain
    /// (environment, aliyun CLI config, `~/.alibabacloud/credentials`).
    pub fn from_env() -> Result<Config, Error> {
        Config::builder().region(&default_region(None)?)?.build()
    }
}

/// The region to use when none is given: `ALIBABA_CLOUD_REGION_ID`, else the `region_id` of
/// the aliyun CLI profile (`profile`, else `ALIBABA_CLOUD_PROFILE`, else the file's current).
pub fn default_region(profile: Option<&str>) -> Result<String, Error> {
    if let Some(region) = Environment::process().var(ENV_REGION) {
        return Ok(region.trim().to_owned());
    }
    let mut cli = CliProfileCredentials::new();
    if let Some(name) = profile {
        cli = cli.with_profile(name);
    }
    let where_ = cli
        .config_path()
        .map(|p| format!(" ({})", p.display()))
        .unwrap_or_default();
    cli.region_id()?.ok_or_else(|| {
        Error::Config(format!(
            "no region: set {ENV_REGION}, or region_id in the aliyun CLI profile{where_}, or give an endpoint"
        ))
    })
}

/// Builds a [`Config`].
#[derive(Clone, Debug)]
pub struct ConfigBuilder {
    endpoint: Option<Endpoint>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    format: Format,
    retry: RetryConfig,
    pacing: Pacing,
    connect_timeout: Duration,
    read_timeout: Duration,
    call_timeout: Option<Duration>,
    max_body_bytes: usize,
    method: Method,
    signature: Option<SignatureVersion>,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        Self {
            endpoint: None,
            credentials: None,
            format: Format::Json,
            retry: RetryConfig::default(),
            pacing: Pacing::default(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            read_timeout: DEFAULT_READ_TIMEOUT,
            call_timeout: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            method: Method::default(),
            signature: None,
            clock: Arc::new(SystemClock),
            nonces: Arc::new(RandomNonce),
        }
    }
}

impl ConfigBuilder {
    /// Calls go to the region's endpoint (`cn-shanghai` → `https://iot.cn-shanghai.aliyuncs.com/`).
    pub fn region(mut self, region: &str) -> Result<Self, Error> {
        self.endpoint = Some(Endpoint::region(region)?);
        Ok(self)
    }

    /// Calls go to this URL (`http://` allowed, for the emulator and proxies).
    pub fn endpoint_url(mut self, url: &str) -> Result<Self, Error> {
        self.endpoint = Some(Endpoint::url(url)?);
        Ok(self)
    }

    /// Credentials from this provider (default: the default chain).
    pub fn credentials(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// The response format to ask for (default JSON).
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// Retry settings; [`RetryConfig::disabled`] turns retries off.
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }

    /// Client-side pacing.
    pub fn pacing(mut self, pacing: Pacing) -> Self {
        self.pacing = pacing;
        self
    }

    /// TCP/TLS connect timeout (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Read timeout (default 10 s).
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// Deadline for a whole call, retries and pacing included.
    pub fn call_timeout(mut self, timeout: Duration) -> Self {
        self.call_timeout = Some(timeout);
        self
    }

    /// The largest response body read (default 4 MiB).
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// The HTTP method (default POST, as the official SDKs).
    pub fn method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// The signature version, instead of the product's (V3 for IoT).
    pub fn signature(mut self, version: SignatureVersion) -> Self {
        self.signature = Some(version);
        self
    }

    /// The clock used for `Timestamp` (tests inject a fixed one).
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The nonce source (tests inject a fixed one).
    pub fn nonces(mut self, nonces: impl NonceSource + 'static) -> Self {
        self.nonces = Arc::new(nonces);
        self
    }

    /// The configuration, or an error when no endpoint or region was given.
    pub fn build(self) -> Result<Config, Error> {
        let endpoint = self.endpoint.ok_or_else(|| {
            Error::Config(
                "no endpoint: set a region (.region(\"cn-shanghai\")) or an endpoint URL".into(),
            )
        })?;
        Ok(Config {
            endpoint,
            credentials: self
                .credentials
                .unwrap_or_else(|| Arc::new(DefaultCredentialsChain::new())),
            format: self.format,
            retry: self.retry,
            pacing: self.pacing,
            connect_timeout: self.connect_timeout,
            read_timeout: self.read_timeout,
            call_timeout: self.call_timeout,
            max_body_bytes: self.max_body_bytes,
            method: self.method,
            signature: self.signature,
            clock: self.clock,
            nonces: self.nonces,
        })
    }
}
