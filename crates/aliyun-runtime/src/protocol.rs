//! The RPC protocol: where an operation's parameters and the common ones go, by signature
//! version, before the signer adds its own.
//!
//! - V1: `Action`, `Version` and `Format` are query parameters beside the operation's
//!   (`POST` sends an empty form body, as the official SDKs); `x-acs-action` and
//!   `x-acs-version` go along unsigned.
//! - V3: the query holds the operation's parameters only; `x-acs-action` and `x-acs-version`
//!   are signed headers; the body is empty (the official IoT SDK's `QueryOTAFirmware`).
//!   `Format=XML` is added only when XML is asked for: the V3 SDKs send no `Format`, ask for
//!   JSON with `accept: application/json` and read JSON.

use crate::config::Method;
use crate::operation::OperationInfo;
use crate::signing::{SignableRequest, SignatureVersion};
use crate::wire::Format;

/// The request of one call before signing.
pub fn request(
    info: &OperationInfo,
    params: &[(String, String)],
    version: SignatureVersion,
    format: Format,
    method: Method,
    host: &str,
    path: &str,
) -> SignableRequest {
    let mut request = SignableRequest::new(method.as_str(), host, path);
    request.query.reserve(params.len() + 3);
    // Room for the signer's headers too (V3 adds up to six), so that signing does not grow it.
    request.headers.reserve(9);
    request.set_header("x-acs-action", info.action);
    request.set_header("x-acs-version", info.version);
    match version {
        SignatureVersion::V1 => {
            request.query.push(("Action".into(), info.action.into()));
            request.query.push(("Version".into(), info.version.into()));
            request
                .query
                .push(("Format".into(), format.as_str().into()));
            if method == Method::Post {
                request.set_header("content-type", "application/x-www-form-urlencoded");
            }
        }
        SignatureVersion::V3 => {
            if format == Format::Xml {
                request
                    .query
                    .push(("Format".into(), format.as_str().into()));
            }
        }
    }
    request.query.extend_from_slice(params);
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFO: OperationInfo = OperationInfo::new("Iot", "QueryOTAFirmware", "2018-01-20");

    fn params() -> Vec<(String, String)> {
        vec![("FirmwareId".into(), "f".into())]
    }

    #[test]
    fn v1_puts_the_common_parameters_in_the_query() {
        let r = request(
            &INFO,
            &params(),
            SignatureVersion::V1,
            Format::Xml,
            Method::Post,
            "h",
            "/",
        );
        let names: Vec<&str> = r.query.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["Action", "Version", "Format", "FirmwareId"]);
        assert_eq!(
            r.header("content-type"),
            Some("application/x-www-form-urlencoded")
        );
    }

    #[test]
    fn v3_puts_action_and_version_in_headers() {
        let r = request(
            &INFO,
            &params(),
            SignatureVersion::V3,
            Format::Json,
            Method::Post,
            "h",
            "/",
        );
        assert_eq!(r.query, params());
        assert_eq!(r.header("x-acs-action"), Some("QueryOTAFirmware"));
        assert_eq!(r.header("x-acs-version"), Some("2018-01-20"));
        assert_eq!(r.header("content-type"), None);
        let xml = request(
            &INFO,
            &params(),
            SignatureVersion::V3,
            Format::Xml,
            Method::Get,
            "h",
            "/",
        );
        assert_eq!(xml.query[0], ("Format".to_owned(), "XML".to_owned()));
    }
}
