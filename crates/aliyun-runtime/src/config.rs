//! Client configuration: every default in one place, each one explicit.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::credentials::ProvideCredentials;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::retry::RetryConfig;
use crate::secret::Secret;
use crate::signing::{Clock, NonceSource, RandomNonce, SignatureVersion, SystemClock};
use crate::wire::Format;

/// Connect timeout, as the official SDKs.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Read timeout, as the official SDKs.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest response body the client reads (the API's answers are a few KiB).
pub const DEFAULT_MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// The environment variable `aliyun_iot::Client::from_env` and the `aliyun-iot` command read
/// for [`Pacing::Shared`]: the URL of the Redis server the processes of an account meet at, such
/// as `redis://10.0.0.5:6379` (see [`Pacing::from_env_value`]).
pub const ENV_PACING_URL: &str = "ALIYUN_IOT_PACING_URL";

/// How long a shared-pacing round trip to Redis may take before the call is paced by its
/// process alone (a loopback round trip takes well under a millisecond).
pub const DEFAULT_SHARED_PACING_TIMEOUT: Duration = Duration::from_millis(250);

/// Client-side pacing of calls, so bursts are smoothed instead of throttled.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Pacing {
    /// Pace each operation to its quota from the spec (20/s for QueryOTAFirmware), shared by
    /// every client of the process that uses the same AccessKeyId.
    #[default]
    Quota,
    /// Pace to this many calls per second per AccessKeyId.
    PerSecond(u32),
    /// Pace each operation to its quota across every process and machine that uses the same
    /// AccessKeyId and Redis server (the quota is per account, not per process). Needs the
    /// crate's `redis` feature (module `pacing::redis`).
    Shared(SharedPacing),
    /// No pacing.
    Off,
}

impl Pacing {
    /// [`Pacing::Shared`] through the Redis server at `url`, with the defaults of
    /// [`SharedPacing::new`].
    pub fn shared(url: &str) -> Result<Pacing, Error> {
        SharedPacing::new(url).map(Pacing::Shared)
    }

    /// The pacing [`ENV_PACING_URL`] asks for, given its value: [`Pacing::Shared`] through that
    /// URL, or `None` when it is unset or blank. Errors name the variable, never its value.
    pub fn from_env_value(value: Option<&str>) -> Result<Option<Pacing>, Error> {
        let Some(url) = value.filter(|url| !url.trim().is_empty()) else {
            return Ok(None);
        };
        Pacing::shared(url).map(Some).map_err(|e| match e {
            Error::Config(message) => Error::Config(format!("{ENV_PACING_URL}: {message}")),
            other => other,
        })
    }
}

/// Where and how [`Pacing::Shared`] meets the other processes: a Redis server, and what to do
/// when it does not answer. The URL may hold a password: `Debug` and every message show it
/// with the password replaced by `****`.
#[derive(Clone, PartialEq, Eq)]
pub struct SharedPacing {
    url: Secret,
    redacted_url: String,
    fail_closed: bool,
    timeout: Duration,
}

impl SharedPacing {
    /// Pacing through the Redis server at `url`: `redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]`
    /// (no TLS: use it on a trusted network). When Redis is unreachable or takes longer than
    /// [`DEFAULT_SHARED_PACING_TIMEOUT`], calls are paced per process until it answers again.
    pub fn new(url: &str) -> Result<Self, Error> {
        // The parse error never holds the input, which may hold a password.
        let parsed = reqwest::Url::parse(url.trim()).map_err(|e| {
            Error::Config(format!(
                "the shared pacing URL is not a URL ({e}); expected redis://HOST:PORT"
            ))
        })?;
        let mut redacted = parsed.clone();
        if redacted.password().is_some() {
            let _ = redacted.set_password(Some("****"));
        }
        redacted.set_query(None);
        let redacted_url = redacted.to_string();
        if parsed.scheme() != "redis" {
            return Err(Error::Config(format!(
                "the shared pacing URL {redacted_url} is not a redis:// URL (TLS is not supported)"
            )));
        }
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err(Error::Config(format!(
                "the shared pacing URL {redacted_url} has no host"
            )));
        }
        Ok(Self {
            url: Secret::new(parsed.as_str()),
            redacted_url,
            fail_closed: false,
            timeout: DEFAULT_SHARED_PACING_TIMEOUT,
        })
    }

    /// Fail calls (with a retryable transport error) while Redis is unavailable, instead of
    /// pacing them per process: for fleets where a throttled call costs more than a delayed one.
    #[must_use]
    pub fn fail_closed(mut self) -> Self {
        self.fail_closed = true;
        self
    }

    /// How long a round trip to Redis may take before it counts as unavailable.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The URL with its password replaced by `****`, for messages.
    pub fn redacted_url(&self) -> &str {
        &self.redacted_url
    }

    /// Whether calls fail while Redis is unavailable (see [`SharedPacing::fail_closed`]).
    pub fn is_fail_closed(&self) -> bool {
        self.fail_closed
    }

    /// How long a round trip to Redis may take.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The URL itself, password included: only to connect.
    #[cfg_attr(not(feature = "redis"), allow(dead_code))]
    pub(crate) fn expose_url(&self) -> &str {
        self.url.expose()
    }
}

impl fmt::Debug for SharedPacing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedPacing")
            .field("url", &self.redacted_url)
            .field("fail_closed", &self.fail_closed)
            .field("timeout", &self.timeout)
            .finish()
    }
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

/// Everything a client needs. Build it with [`Config::builder`]; `aliyun_config::Loader` finds
/// the region and credentials the way the official SDKs do (`aliyun_iot::Client::from_env`
/// uses it).
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
    /// A builder with every default set except the endpoint and the credentials.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }
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

    /// Credentials from this provider: a [`Credentials`](crate::Credentials) value, or a chain
    /// from `aliyun-config` (required).
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

    /// The configuration, or an error when no endpoint (or region) or no credentials were given.
    pub fn build(self) -> Result<Config, Error> {
        let endpoint = self.endpoint.ok_or_else(|| {
            Error::Config(
                "no endpoint: set a region (.region(\"cn-shanghai\")) or an endpoint URL".into(),
            )
        })?;
        // The runtime reads no environment: the chain that does lives in aliyun-config.
        let credentials = self.credentials.ok_or_else(|| {
            Error::Config(
                "no credentials: set them with .credentials(...) (a Credentials value, or \
                 aliyun_config::Loader::new().load().credentials_provider() for the default \
                 chain), or build the client with aliyun_iot::Client::from_env"
                    .into(),
            )
        })?;
        Ok(Config {
            endpoint,
            credentials,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_pacing_urls_are_checked_and_their_password_never_shown() {
        let shared = SharedPacing::new("redis://:hunter2@10.0.0.5:6380/2").unwrap();
        assert_eq!(shared.redacted_url(), "redis://:****@10.0.0.5:6380/2");
        assert_eq!(shared.expose_url(), "redis://:hunter2@10.0.0.5:6380/2");
        assert!(!shared.is_fail_closed());
        assert_eq!(shared.timeout(), DEFAULT_SHARED_PACING_TIMEOUT);
        let debug = format!("{:?}", Pacing::Shared(shared.clone().fail_closed()));
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(debug.contains("fail_closed: true"), "{debug}");

        let plain = SharedPacing::new("redis://127.0.0.1:6379").unwrap();
        assert_eq!(plain.redacted_url(), "redis://127.0.0.1:6379");

        for bad in [
            "rediss://:hunter2@10.0.0.5:6380",
            "http://:hunter2@10.0.0.5",
            "redis://:hunter2@",
            "hunter2 is not a URL",
            "",
        ] {
            let Err(Error::Config(message)) = SharedPacing::new(bad) else {
                panic!("{bad:?} was accepted");
            };
            assert!(!message.contains("hunter2"), "{message}");
        }
    }

    #[test]
    fn the_pacing_variable_turns_shared_pacing_on() {
        assert_eq!(Pacing::from_env_value(None).unwrap(), None);
        assert_eq!(Pacing::from_env_value(Some(" ")).unwrap(), None);
        assert_eq!(
            Pacing::from_env_value(Some("redis://127.0.0.1:6379")).unwrap(),
            Some(Pacing::shared("redis://127.0.0.1:6379").unwrap())
        );
        let Err(Error::Config(message)) = Pacing::from_env_value(Some("rediss://:hunter2@h:1"))
        else {
            panic!("a TLS URL was accepted");
        };
        assert!(message.starts_with(ENV_PACING_URL), "{message}");
        assert!(!message.contains("hunter2"), "{message}");
    }

    #[test]
    fn a_config_needs_credentials() {
        let builder = Config::builder().region("cn-shanghai").unwrap();
        let Err(Error::Config(message)) = builder.clone().build() else {
            panic!("a config without credentials was built");
        };
        assert!(message.starts_with("no credentials"), "{message}");
        assert!(message.contains(".credentials("), "{message}");
        assert!(message.contains("aliyun_config::Loader"), "{message}");
        let config = builder
            .credentials(crate::Credentials::new("id", "secret"))
            .build()
            .unwrap();
        assert_eq!(config.endpoint, Endpoint::region("cn-shanghai").unwrap());
    }
}
