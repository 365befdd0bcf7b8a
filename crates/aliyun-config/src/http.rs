//! What the providers that call a service share: an HTTP client with the official timeouts,
//! a bounded read of an answer's body, the error of a failed exchange, and the JSON
//! credentials body of the metadata service and of credentials URIs.

use std::time::Duration;

use aliyun_runtime::credentials::{CredentialsError, CredentialsErrorKind};
use aliyun_runtime::{Credentials, jiff};
use serde::Deserialize;

/// An HTTP client that follows no redirect (credentials go to the host asked, nowhere else).
pub(crate) fn client(
    origin: &str,
    connect: Duration,
    read: Duration,
) -> Result<reqwest::Client, CredentialsError> {
    aliyun_runtime::client::install_crypto_provider();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(connect)
        .read_timeout(read)
        .user_agent(aliyun_runtime::client::USER_AGENT)
        .build()
        .map_err(|e| service(origin, format!("cannot build the HTTP client: {e}")))
}

/// The largest answer body read: credentials JSON is well under 4 KiB; anything much larger
/// is not an answer of the service asked, and is not held in memory.
pub(crate) const MAX_BODY_BYTES: usize = 64 * 1024;

/// The body of `response`, or an error past [`MAX_BODY_BYTES`] (checked on the declared length
/// first, then while reading, for answers that declare none).
pub(crate) async fn read_body(
    origin: &str,
    what: &str,
    mut response: reqwest::Response,
) -> Result<Vec<u8>, CredentialsError> {
    let too_large = || {
        service(
            origin,
            format!(
                "{what}: the answer is larger than {} KiB",
                MAX_BODY_BYTES / 1024
            ),
        )
    };
    if response
        .content_length()
        .is_some_and(|length| length > MAX_BODY_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| transport(origin, what, e))?
    {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// An error of the service behind a provider.
pub(crate) fn service(origin: &str, message: impl Into<String>) -> CredentialsError {
    CredentialsError::new(CredentialsErrorKind::Service, origin, message)
}

/// A transport failure, without the URL (a credentials URI may carry a token in its query).
pub(crate) fn transport(origin: &str, what: &str, error: reqwest::Error) -> CredentialsError {
    let error = error.without_url();
    let why = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "cannot connect"
    } else {
        "the exchange failed"
    };
    service(origin, format!("{what}: {why}"))
}

/// The credentials JSON of the ECS metadata service and of credentials URIs:
/// `{"Code": "Success", "AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}`.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct CredentialsBody {
    code: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    security_token: Option<String>,
    expiration: Option<String>,
}

/// Reads a credentials body; `Code` must be `Success` when present (Python, Java and the CLI
/// require it; we also accept a body without it, as Go does).
pub(crate) fn parse_credentials_body(
    origin: &str,
    body: &[u8],
) -> Result<Credentials, CredentialsError> {
    let parsed: CredentialsBody = serde_json::from_slice(body).map_err(|e| {
        service(
            origin,
            format!(
                "the answer is not credentials JSON (line {}, column {})",
                e.line(),
                e.column()
            ),
        )
    })?;
    if let Some(code) = parsed.code.as_deref().filter(|c| *c != "Success") {
        return Err(service(
            origin,
            format!("the answer's Code is {code:?}, not \"Success\""),
        ));
    }
    let missing = |field: &str| service(origin, format!("the answer has no {field}"));
    let id = parsed
        .access_key_id
        .filter(|v| !v.is_empty())
        .ok_or_else(|| missing("AccessKeyId"))?;
    let secret = parsed
        .access_key_secret
        .filter(|v| !v.is_empty())
        .ok_or_else(|| missing("AccessKeySecret"))?;
    let token = parsed
        .security_token
        .filter(|v| !v.is_empty())
        .ok_or_else(|| missing("SecurityToken"))?;
    let expiration = parsed.expiration.ok_or_else(|| missing("Expiration"))?;
    let expiry = expiration.parse::<jiff::Timestamp>().map_err(|_| {
        service(
            origin,
            format!("the answer's Expiration {expiration:?} is not a UTC time"),
        )
    })?;
    Ok(Credentials::with_security_token(id, secret, token).with_expiry(expiry))
}
