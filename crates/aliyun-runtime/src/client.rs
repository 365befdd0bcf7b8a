//! The call loop every generated client uses: credentials → pacing → sign → send → decode,
//! retried with backoff, each attempt with a fresh nonce and timestamp.

use std::borrow::Cow;
use std::sync::Arc;

use reqwest::Url;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use tracing::Instrument;

use crate::config::{Config, Method};
use crate::credentials::Credentials;
use crate::error::{Error, ServiceError, SignatureDiagnosis, TransportError};
use crate::operation::Operation;
use crate::pacing::Pacer;
use crate::protocol;
use crate::query::QueryWriter;
use crate::retry::parse_retry_after;
use crate::signing::{
    Signed, SigningContext, SigningKey, parse_server_string_to_sign, redact_query,
    redact_string_to_sign,
};
use crate::wire::{self, DecodeError};

/// The User-Agent every request carries.
pub const USER_AGENT: &str = concat!(
    "aliyun-iot-rs/",
    env!("CARGO_PKG_VERSION"),
    " (Rust; aliyun-runtime)"
);

/// A client for one product's RPC API. Cheap to clone: clones share the connection pool.
#[derive(Clone, Debug)]
pub struct RpcClient {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    base_url: Url,
    /// The `Host` header reqwest sends for `base_url` (the port only when not the default),
    /// which V3 signs.
    host: String,
    http: reqwest::Client,
    pacer: Pacer,
}

impl RpcClient {
    /// A client for the product whose endpoint template is `endpoint_template`.
    pub fn new(config: Config, endpoint_template: &str) -> Result<Self, Error> {
        let base_url = config.endpoint.resolve(endpoint_template)?;
        install_crypto_provider();
        let http = reqwest::Client::builder()
            // An API answers, it does not redirect: following one would send signed headers
            // elsewhere (and costs a URL parse per call).
            .redirect(reqwest::redirect::Policy::none())
            // Retries are ours, each attempt signed anew (a resent request would reuse its
            // nonce); reqwest's own would also copy every request's headers in case.
            .retry(reqwest::retry::never().max_retries_per_request(0))
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            .user_agent(USER_AGENT)
            .build()
            .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))?;
        let host = match (base_url.host_str(), base_url.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_owned(),
            (None, _) => {
                return Err(Error::Config(format!(
                    "the endpoint {base_url} has no host"
                )));
            }
        };
        let pacer = Pacer::new(&config.pacing)?;
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                base_url,
                host,
                http,
                pacer,
            }),
        })
    }

    /// The configuration this client uses.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The base URL calls go to.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// Sends `input` and decodes the reply: retried on transient failures, paced to the
    /// operation's quota, bounded by the call timeout.
    pub async fn call<O: Operation>(&self, input: &O) -> Result<O::Output, Error> {
        let config = &self.inner.config;
        let span = tracing::info_span!("aliyun.call", operation = O::INFO.action);
        let work = self.call_with_retries(input).instrument(span);
        match config.call_timeout {
            Some(limit) => tokio::time::timeout(limit, work)
                .await
                .unwrap_or(Err(Error::Timeout {
                    what: "call",
                    after: limit,
                })),
            None => work.await,
        }
    }

    async fn call_with_retries<O: Operation>(&self, input: &O) -> Result<O::Output, Error> {
        let config = &self.inner.config;
        let credentials = config.credentials.provide().await?;
        let mut writer = QueryWriter::new();
        input.serialize(&mut writer);
        let params = writer.into_pairs();
        let max_attempts = config.retry.max_attempts().max(1);
        let mut attempt = 1;
        loop {
            // Fails only with fail-closed shared pacing, as a retryable transport error.
            let paced = self
                .inner
                .pacer
                .acquire(credentials.access_key_id(), &O::INFO)
                .await;
            let span = tracing::info_span!(
                "attempt",
                attempt,
                status = tracing::field::Empty,
                request_id = tracing::field::Empty
            );
            let result = match paced {
                Ok(()) => {
                    self.attempt::<O>(&credentials, &params)
                        .instrument(span)
                        .await
                }
                Err(error) => Err(error),
            };
            let error = match result {
                Ok(output) => return Ok(output),
                Err(error) => error,
            };
            if attempt >= max_attempts || !error.is_retryable() {
                return Err(error);
            }
            let retry_after = error.as_service().and_then(|e| e.retry_after);
            let wait = config.retry.backoff(attempt, retry_after);
            tracing::warn!(attempt, ?wait, error = %error, "retrying");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// One signed HTTP exchange, with a fresh nonce and timestamp.
    async fn attempt<O: Operation>(
        &self,
        credentials: &Credentials,
        params: &[(String, String)],
    ) -> Result<O::Output, Error> {
        let config = &self.inner.config;
        let format = config.format;
        let version = config.signature.unwrap_or(O::INFO.signature);
        let http_method = O::INFO.method_for(config.method);
        let mut request = protocol::request(
            &O::INFO,
            params,
            version,
            format,
            http_method,
            &self.inner.host,
            self.inner.base_url.path(),
        );
        let key = SigningKey {
            access_key_id: credentials.access_key_id(),
            access_key_secret: credentials.access_key_secret(),
            security_token: credentials.security_token(),
        };
        let ctx = SigningContext::new(config.clock.now(), config.nonces.nonce());
        let signed = version.signer().sign(&mut request, &key, &ctx);
        let mut url = self.inner.base_url.clone();
        // Set verbatim: what was signed is what is sent (reqwest's own encoding differs).
        url.set_query(Some(&signed.query));
        tracing::debug!(url = %redact_query(url.as_str()), method = http_method.as_str(), %version, "sending");

        let method = match http_method {
            Method::Post => reqwest::Method::POST,
            Method::Get => reqwest::Method::GET,
        };
        // Built whole rather than through a `RequestBuilder`, which would merge the headers
        // into a map of its own.
        let mut http_request = reqwest::Request::new(method, url);
        *http_request.headers_mut() = header_map(std::mem::take(&mut request.headers))?;
        if http_method == Method::Post {
            // Even empty: `Content-Length: 0`, as the official SDKs send (some proxies refuse a
            // POST without a length).
            *http_request.body_mut() = Some(std::mem::take(&mut request.body).into());
        }
        let mut response = self
            .inner
            .http
            .execute(http_request)
            .await
            .map_err(|e| transport_error(e, config))?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("x-acs-retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let body = read_body(&mut response, config).await?;
        let span = tracing::Span::current();
        span.record("status", status);

        let reply = wire::decode_reply::<O::Output>(format, status, &body);
        match reply {
            Ok(output) => {
                span.record("request_id", wire::Reply::request_id(&output));
                tracing::debug!(status, "done");
                Ok(output)
            }
            Err(Error::Service(mut service)) => {
                if let Some(id) = &service.request_id {
                    span.record("request_id", id.as_str());
                }
                service.retry_after = retry_after;
                enrich(&mut service, &signed);
                tracing::debug!(status, code = %service.code, "service error");
                Err(Error::Service(service))
            }
            Err(other) => Err(other),
        }
    }
}

/// The request's headers as reqwest takes them, without copying: the names this crate sets
/// and the values known in advance are static, the others moved.
fn header_map(headers: Vec<(Cow<'static, str>, Cow<'static, str>)>) -> Result<HeaderMap, Error> {
    let invalid = |e: Box<dyn std::error::Error + Send + Sync>| {
        Error::Transport(TransportError::new(
            "cannot send an invalid header",
            Some(e),
        ))
    };
    // Room for reqwest's own defaults (`accept`, `user-agent`) too.
    let mut map = HeaderMap::with_capacity(headers.len() + 2);
    for (name, value) in headers {
        // The `x-acs-*` names the protocol and the signers set, made at compile time (the
        // standard ones, such as `authorization`, are static in `http` already).
        let name = match &*name {
            "x-acs-action" => const { HeaderName::from_static("x-acs-action") },
            "x-acs-version" => const { HeaderName::from_static("x-acs-version") },
            "x-acs-date" => const { HeaderName::from_static("x-acs-date") },
            "x-acs-signature-nonce" => const { HeaderName::from_static("x-acs-signature-nonce") },
            "x-acs-content-sha256" => const { HeaderName::from_static("x-acs-content-sha256") },
            "x-acs-security-token" => const { HeaderName::from_static("x-acs-security-token") },
            "x-acs-accesskey-id" => const { HeaderName::from_static("x-acs-accesskey-id") },
            other => HeaderName::from_bytes(other.as_bytes()).map_err(|e| invalid(e.into()))?,
        };
        let value = match value {
            Cow::Borrowed(text) => bytes::Bytes::from_static(text.as_bytes()),
            Cow::Owned(text) => bytes::Bytes::from(text),
        };
        let value = HeaderValue::from_maybe_shared(value).map_err(|e| invalid(e.into()))?;
        map.append(name, value);
    }
    Ok(map)
}

/// Makes ring the process's TLS crypto provider unless the application installed one already.
/// reqwest is built here without a provider of its own (its default, aws-lc-rs, costs about
/// 20 s of every cold build); [`RpcClient::new`] calls this, and so must code that builds its
/// own `reqwest::Client` in a process that has created no `RpcClient` yet.
pub fn install_crypto_provider() {
    // An error only means a provider is already installed, which is what we want.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Adds what only the signer knows to a service error: for `SignatureDoesNotMatch`, a
/// diagnosis. The secrets in a string to sign quoted by the server are redacted whatever the
/// code (`IncompleteSignature` quotes one too).
fn enrich(service: &mut ServiceError, signed: &Signed) {
    let theirs = parse_server_string_to_sign(&service.message);
    if service.code == "SignatureDoesNotMatch" {
        let diagnosis = match theirs {
            Some(theirs) if theirs == signed.string_to_sign => SignatureDiagnosis::WrongSecret,
            Some(_) => SignatureDiagnosis::StringToSignDiffers,
            None => SignatureDiagnosis::Unknown,
        };
        service.signature_diagnosis = Some(diagnosis);
    }
    if theirs.is_some() || service.code == "SignatureDoesNotMatch" {
        service.message = redact_string_to_sign(&service.message);
    }
}

/// Reads a body up to the configured limit; a larger one is a decode error (not retried: the
/// same call would bring the same body), not an allocation.
async fn read_body(response: &mut reqwest::Response, config: &Config) -> Result<Vec<u8>, Error> {
    let limit = config.max_body_bytes;
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| transport_error(e, config))?
    {
        if body.len() + chunk.len() > limit {
            let message = format!("the response body is larger than the limit of {limit} bytes");
            return Err(DecodeError::new(config.format, "", message, &body).into());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn transport_error(error: reqwest::Error, config: &Config) -> Error {
    // reqwest's Display carries the URL, whose query holds the signature: drop it.
    let error = error.without_url();
    if error.is_timeout() {
        let (what, after) = if error.is_connect() {
            ("connect", config.connect_timeout)
        } else {
            ("read", config.read_timeout)
        };
        return Error::Timeout { what, after };
    }
    // What failed, in our words; reqwest's error (and its causes: refused, reset, a TLS
    // alert) kept below it as the source.
    let what = if error.is_connect() {
        "cannot connect to the endpoint"
    } else if error.is_request() {
        "cannot send the request"
    } else if error.is_body() || error.is_decode() {
        "cannot read the response"
    } else {
        "the HTTP exchange failed"
    };
    Error::Transport(TransportError::new(what, Some(Box::new(error))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::Credentials;

    #[test]
    fn an_https_client_builds_with_the_ring_provider() {
        let config = Config::builder()
            .region("cn-shanghai")
            .and_then(|b| b.credentials(Credentials::new("id", "secret")).build())
            .unwrap();
        let client = RpcClient::new(config, "https://iot.{region}.aliyuncs.com/").unwrap();
        assert_eq!(
            client.base_url().as_str(),
            "https://iot.cn-shanghai.aliyuncs.com/"
        );
    }
}
