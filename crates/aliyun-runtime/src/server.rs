//! The server side of an RPC API, for emulators and tests: what a request handler knows
//! ([`RequestContext`]) and how an operation fails ([`Failure`]). The generated `server`
//! module of an SDK (its `server` feature) decodes inputs and dispatches on top of these.

use std::fmt;

use crate::query::QueryError;
use crate::wire::{Envelope, Format};

/// One authenticated request, as the operation's handler sees it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct RequestContext {
    action: String,
    request_id: String,
    format: Format,
    access_key_id: String,
}

impl RequestContext {
    /// The context of a request for `action`, answered in `format` with `request_id`, signed by
    /// `access_key_id`.
    pub fn new(
        action: impl Into<String>,
        request_id: impl Into<String>,
        format: Format,
        access_key_id: impl Into<String>,
    ) -> Self {
        Self {
            action: action.into(),
            request_id: request_id.into(),
            format,
            access_key_id: access_key_id.into(),
        }
    }

    /// The request's `Action`.
    pub fn action(&self) -> &str {
        &self.action
    }

    /// The request ID of the answer.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The format of the answer.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The AccessKeyId that signed the request.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }
}

/// Why an operation did not succeed: a gateway error (an HTTP error status) or an in-band
/// failure (HTTP 200, `Success: false`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// Answered with an error status and the gateway's error body.
    Gateway {
        /// The HTTP status.
        status: u16,
        /// The `Code`.
        code: String,
        /// The `Message`.
        message: String,
    },
    /// Answered with HTTP 200 and `Success: false`.
    InBand {
        /// The `Code`.
        code: String,
        /// The message.
        message: String,
    },
}

impl Failure {
    /// A gateway error.
    pub fn gateway(status: u16, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Gateway {
            status,
            code: code.into(),
            message: message.into(),
        }
    }

    /// An in-band failure.
    pub fn in_band(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::InBand {
            code: code.into(),
            message: message.into(),
        }
    }

    /// The answer of an operation the server does not implement: 400
    /// `UnsupportedOperation` (not 5xx, which clients would retry).
    pub fn not_implemented(action: &str) -> Self {
        Self::gateway(
            400,
            "UnsupportedOperation",
            format!("{action} is not implemented by this server."),
        )
    }

    /// The gateway's answer to an unknown Action, or a known one with a method it refuses.
    pub fn action_not_found() -> Self {
        Self::gateway(
            404,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
        )
    }

    /// The `Code`.
    pub fn code(&self) -> &str {
        match self {
            Self::Gateway { code, .. } | Self::InBand { code, .. } => code,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Gateway {
                status,
                code,
                message,
            } => write!(f, "HTTP {status} {code}: {message}"),
            Self::InBand { code, message } => write!(f, "{code}: {message}"),
        }
    }
}

impl std::error::Error for Failure {}

impl From<QueryError> for Failure {
    /// `Missing<Name>` ("`<Name>` is mandatory for this action.") or `InvalidParameter`, as
    /// the gateway answers them (HTTP 400).
    fn from(e: QueryError) -> Self {
        match &e {
            QueryError::Missing { name } => {
                Self::gateway(400, format!("Missing{name}"), e.to_string())
            }
            QueryError::Invalid { .. } => Self::gateway(400, "InvalidParameter", e.to_string()),
        }
    }
}

/// The body of an in-band failure: the envelope with `Success: false`, `Code` and the
/// message, in the request's format (`root` is the XML root element, `<Action>Response`).
pub fn in_band_body(
    envelope: &Envelope,
    ctx: &RequestContext,
    code: &str,
    message: &str,
) -> String {
    let root = format!("{}Response", ctx.action());
    crate::wire::reply::encode_failure(
        envelope,
        ctx.request_id(),
        code,
        message,
        ctx.format(),
        &root,
    )
}
