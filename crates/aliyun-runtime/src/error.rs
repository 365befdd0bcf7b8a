//! The one error type of every call: [`Error`], and the service's own errors ([`ServiceError`]).

use std::fmt;
use std::time::Duration;

use crate::credentials::CredentialsError;
use crate::wire::DecodeError;

/// Where a service error came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorOrigin {
    /// The API gateway refused the call: HTTP 4xx/5xx, with `Code` and `Message`.
    Gateway,
    /// The service answered HTTP 200 with `Success: false`, `Code` and `ErrorMessage`.
    InBand,
}

/// How our signature compares with the one the server computed, for `SignatureDoesNotMatch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureDiagnosis {
    /// The server signed the same string we did: the AccessKeySecret is wrong.
    WrongSecret,
    /// The server signed a different string: something between us and it changed the request
    /// (a proxy, an encoding), or the signer disagrees with the gateway.
    StringToSignDiffers,
    /// The server did not say what it signed.
    Unknown,
}

/// An error the service returned, from the gateway or in band.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ServiceError {
    /// The HTTP status (200 for in-band failures).
    pub status: u16,
    /// The service's error code, such as `Throttling.User` or `iot.system.SystemException`.
    pub code: String,
    /// The service's message.
    pub message: String,
    /// The request ID, for support tickets.
    pub request_id: Option<String>,
    /// The gateway host that answered, when sent.
    pub host_id: Option<String>,
    /// The gateway's troubleshooting link, when sent.
    pub recommend: Option<String>,
    /// Gateway or in band.
    pub origin: ErrorOrigin,
    /// For `SignatureDoesNotMatch`: what differs between our signing and the server's.
    pub signature_diagnosis: Option<SignatureDiagnosis>,
    /// How long the server asked us to wait before retrying (`x-acs-retry-after`).
    pub retry_after: Option<Duration>,
}

impl ServiceError {
    /// A service error with the given origin, status, code and message; the rest unset.
    pub fn new(
        origin: ErrorOrigin,
        status: u16,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            status,
            code: code.into(),
            message: message.into(),
            request_id: None,
            host_id: None,
            recommend: None,
            origin,
            signature_diagnosis: None,
            retry_after: None,
        }
    }

    /// True for throttling codes (`Throttling`, `Throttling.User`, `Throttling.Api`, ...).
    pub fn is_throttling(&self) -> bool {
        self.code == "Throttling" || self.code.starts_with("Throttling.")
    }

    /// True when the same call may succeed if sent again (with a fresh nonce).
    pub fn is_retryable(&self) -> bool {
        self.is_throttling()
            || self.status >= 500
            || matches!(
                self.code.as_str(),
                "ServiceUnavailable" | "InternalError" | "iot.system.SystemException"
            )
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        match &self.request_id {
            Some(id) => write!(f, " (RequestId: {id}")?,
            None => f.write_str(" (no RequestId")?,
        }
        write!(f, ", HTTP {})", self.status)?;
        match self.signature_diagnosis {
            Some(SignatureDiagnosis::WrongSecret) => f.write_str(
                "; the server signed the same string we did, so the AccessKeySecret is wrong",
            )?,
            Some(SignatureDiagnosis::StringToSignDiffers) => f.write_str(
                "; the server signed a different string than we did: the request was changed on the way or signed differently",
            )?,
            _ => {}
        }
        if let Some(link) = &self.recommend {
            write!(f, "; see {link}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ServiceError {}

/// A required request parameter was not set.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BuildError {
    /// The operation, such as `QueryOTAFirmware`.
    pub operation: &'static str,
    /// The missing parameter's wire name, such as `FirmwareId`.
    pub parameter: &'static str,
    /// The builder method that sets it, such as `firmware_id`.
    pub setter: &'static str,
}

impl BuildError {
    /// The error for a missing required parameter (called by generated builders).
    pub fn missing(operation: &'static str, parameter: &'static str, setter: &'static str) -> Self {
        Self {
            operation,
            parameter,
            setter,
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: the required parameter {} is not set (call .{}(...))",
            self.operation, self.parameter, self.setter
        )
    }
}

impl std::error::Error for BuildError {}

/// Everything that can go wrong with a call.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The service answered with an error (gateway or in band). Boxed: it is the largest
    /// variant and errors travel through every `Result` of a call.
    Service(Box<ServiceError>),
    /// The response body could not be decoded.
    Decode(DecodeError),
    /// A required parameter was missing.
    Build(BuildError),
    /// No credentials could be found or read.
    Credentials(Box<CredentialsError>),
    /// The client is misconfigured (a bad endpoint URL, a bad region, ...).
    Config(String),
    /// The request could not be sent or its response not read (connection refused, reset, TLS).
    Transport(TransportError),
    /// A paginator stopped because the service answered another page than the one asked for
    /// (it ignores the page number, or repeats a page): the items so far are not all of them.
    Pagination(String),
    /// The call took longer than allowed.
    Timeout {
        /// What timed out: `connect`, `read` or the whole `call`.
        what: &'static str,
        /// The limit that was exceeded.
        after: Duration,
    },
}

impl Error {
    /// The service error, if the service answered with one.
    pub fn as_service(&self) -> Option<&ServiceError> {
        match self {
            Error::Service(e) => Some(e.as_ref()),
            _ => None,
        }
    }

    /// The service's error code, if any.
    pub fn code(&self) -> Option<&str> {
        self.as_service().map(|e| e.code.as_str())
    }

    /// The request ID of the failed call, if the service sent one.
    pub fn request_id(&self) -> Option<&str> {
        self.as_service().and_then(|e| e.request_id.as_deref())
    }

    /// True when the service throttled the call.
    pub fn is_throttling(&self) -> bool {
        self.as_service().is_some_and(ServiceError::is_throttling)
    }

    /// True when sending the call again may succeed: transport errors, timeouts, 5xx,
    /// throttling and the service's transient codes. Never signature, credential or
    /// parameter errors.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Service(e) => e.is_retryable(),
            Error::Transport(_) => true,
            // The whole-call deadline has passed: another attempt cannot fit in it.
            Error::Timeout { what, .. } => *what != "call",
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Service(e) => e.fmt(f),
            Error::Decode(e) => e.fmt(f),
            Error::Build(e) => e.fmt(f),
            Error::Credentials(e) => write!(f, "no usable credentials: {e}"),
            Error::Config(m) => write!(f, "invalid configuration: {m}"),
            Error::Transport(e) => write!(f, "transport error: {e}"),
            Error::Pagination(m) => write!(f, "pagination stopped: {m}"),
            Error::Timeout { what, after } => {
                write!(f, "timed out: the {what} took longer than {after:?}")
            }
        }
    }
}

/// `source()` is the cause below what `Display` already says: for a transport error, the I/O
/// or TLS error underneath (so chain-walking reporters print each cause once); the service's
/// and decoding errors are their own message. Reach those with [`Error::as_service`] or by
/// matching.
impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) => e.source(),
            Error::Credentials(e) => e.source(),
            _ => None,
        }
    }
}

/// Why a request could not be sent or its response not read. `Display` is the transport's
/// own message (URL removed: its query holds the signature); `source()` the cause underneath
/// (connection refused, reset, a TLS alert), kept as an error rather than flattened into text.
#[derive(Debug)]
pub struct TransportError {
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl TransportError {
    /// A transport error with this message and cause.
    pub fn new(
        message: impl Into<String>,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Self {
            message: message.into(),
            source,
        }
    }

    /// The message and every cause, joined with `: ` (for logs that print one line).
    pub fn chain(&self) -> String {
        let mut out = self.message.clone();
        let mut next = std::error::Error::source(self);
        while let Some(cause) = next {
            out.push_str(": ");
            out.push_str(&cause.to_string());
            next = cause.source();
        }
        out
    }

    /// Whether the message or a cause contains `text`.
    pub fn contains(&self, text: &str) -> bool {
        self.chain().contains(text)
    }
}

impl From<&str> for TransportError {
    fn from(message: &str) -> Self {
        Self::new(message, None)
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<ServiceError> for Error {
    fn from(e: ServiceError) -> Self {
        Error::Service(Box::new(e))
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(e)
    }
}

impl From<BuildError> for Error {
    fn from(e: BuildError) -> Self {
        Error::Build(e)
    }
}

impl From<CredentialsError> for Error {
    fn from(e: CredentialsError) -> Self {
        Error::Credentials(Box::new(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_code_message_and_request_id() {
        let mut e = ServiceError::new(
            ErrorOrigin::InBand,
            200,
            "iot.system.SystemException",
            "A system exception occurred.",
        );
        e.request_id = Some("A0-1".into());
        assert_eq!(
            Error::from(e).to_string(),
            "iot.system.SystemException: A system exception occurred. (RequestId: A0-1, HTTP 200)"
        );
    }

    #[test]
    fn retry_predicates() {
        let svc = |status, code: &str| ServiceError::new(ErrorOrigin::Gateway, status, code, "m");
        assert!(svc(400, "Throttling.User").is_retryable());
        assert!(svc(400, "Throttling.User").is_throttling());
        assert!(svc(503, "ServiceUnavailable").is_retryable());
        assert!(svc(200, "iot.system.SystemException").is_retryable());
        assert!(!svc(400, "SignatureDoesNotMatch").is_retryable());
        assert!(!svc(400, "MissingParameter").is_retryable());
        assert!(!svc(404, "InvalidAccessKeyId.NotFound").is_retryable());
        assert!(Error::Transport("reset".into()).is_retryable());
        // The cause is kept, not flattened.
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "peer reset");
        let e = Error::Transport(TransportError::new(
            "error sending request",
            Some(Box::new(io)),
        ));
        assert_eq!(e.to_string(), "transport error: error sending request");
        let cause = std::error::Error::source(&e).map(ToString::to_string);
        assert_eq!(cause.as_deref(), Some("peer reset"));
        if let Error::Transport(t) = &e {
            assert_eq!(t.chain(), "error sending request: peer reset");
        }
        assert!(!Error::Config("x".into()).is_retryable());
    }
}
