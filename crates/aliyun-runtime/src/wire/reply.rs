//! From an HTTP status and body to a typed reply or a [`ServiceError`]: gateway errors
//! (4xx/5xx) and in-band failures (HTTP 200 with `Success: false`) both become errors.

use super::{Decode, DecodeError, Format, Node, Path, decode_body, excerpt};
use crate::error::{Error, ErrorOrigin, ServiceError};
use crate::signing::redact_query;

/// A response type that can report a failure in its own body. Generated for every
/// operation's response from the product's `in_band_error` spec.
pub trait Reply: Decode {
    /// The failure this body reports, if it reports one.
    fn in_band_error(&self) -> Option<ServiceError>;
    /// The request ID the body carries, for logs.
    fn request_id(&self) -> Option<&str>;
}

/// The in-band failure described by a response's fields, if any: `Success` is `false`, or
/// absent while a `Code` is present.
pub fn in_band_error(
    success: Option<bool>,
    code: Option<&str>,
    message: Option<&str>,
    request_id: Option<&str>,
) -> Option<ServiceError> {
    let failed = match success {
        Some(ok) => !ok,
        None => code.is_some_and(|c| !c.is_empty()),
    };
    if !failed {
        return None;
    }
    let mut error = ServiceError::new(
        ErrorOrigin::InBand,
        200,
        code.filter(|c| !c.is_empty()).unwrap_or("Unknown"),
        message.unwrap_or_default(),
    );
    error.request_id = request_id.map(str::to_owned);
    Some(error)
}

/// Decodes a response: a 2xx body into `T` (an in-band failure becomes
/// [`Error::Service`]), any other status into the gateway's error.
pub fn decode_reply<T: Reply>(format: Format, status: u16, body: &[u8]) -> Result<T, Error> {
    if !(200..300).contains(&status) {
        return Err(decode_gateway_error(format, status, body).into());
    }
    let reply: T = decode_body(format, body)?;
    match reply.in_band_error() {
        Some(error) => Err(error.into()),
        None => Ok(reply),
    }
}

/// A gateway error body (`{"Code","Message","RequestId","HostId","Recommend"}` or the XML
/// `<Error>` with the same children). A body that is not an error body still gives an error
/// that names the status, so a proxy's HTML page does not turn into a decode failure.
pub fn decode_gateway_error(format: Format, status: u16, body: &[u8]) -> ServiceError {
    let parsed: Result<GatewayError, DecodeError> = decode_body(format, body);
    let fields = match parsed {
        Ok(fields) if fields.code.is_some() => fields,
        _ => {
            // Not an Alibaba error body (a proxy, a load balancer): keep the status and the
            // start of the body, with any echoed signature or token redacted.
            let message = format!(
                "HTTP {status} with a body that is not an error document: {:?}",
                redact_query(&excerpt(body))
            );
            return ServiceError::new(
                ErrorOrigin::Gateway,
                status,
                format!("Http{status}"),
                message,
            );
        }
    };
    let mut error = ServiceError::new(
        ErrorOrigin::Gateway,
        status,
        fields.code.unwrap_or_default(),
        fields.message.unwrap_or_default(),
    );
    error.request_id = fields.request_id;
    error.host_id = fields.host_id;
    error.recommend = fields.recommend;
    error
}

/// The fields of a gateway error body.
#[derive(Default)]
struct GatewayError {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    host_id: Option<String>,
    recommend: Option<String>,
}

impl Decode for GatewayError {
    fn decode(node: Node, path: &Path<'_>) -> Result<Self, super::FieldError> {
        let mut out = GatewayError::default();
        for (key, value) in super::struct_entries(node, path)? {
            let slot = match key.as_str() {
                "Code" => &mut out.code,
                "Message" => &mut out.message,
                "RequestId" => &mut out.request_id,
                "HostId" => &mut out.host_id,
                "Recommend" => &mut out.recommend,
                _ => continue,
            };
            *slot = String::decode_optional(value, &path.field(&key))?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gateway_errors_in_both_formats() {
        let json = br#"{"Recommend":"https://r","Message":"Specified signature nonce was used already.","RequestId":"4B","HostId":"h","Code":"SignatureNonceUsed"}"#;
        let e = decode_gateway_error(Format::Json, 400, json);
        assert_eq!(e.code, "SignatureNonceUsed");
        assert_eq!(e.request_id.as_deref(), Some("4B"));
        assert_eq!(e.recommend.as_deref(), Some("https://r"));
        let xml = b"<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>98</RequestId><Code>InvalidAction.NotFound</Code><Message>m</Message></Error>";
        let e = decode_gateway_error(Format::Xml, 404, xml);
        assert_eq!((e.code.as_str(), e.status), ("InvalidAction.NotFound", 404));
    }

    #[test]
    fn a_proxy_page_keeps_the_status() {
        let e = decode_gateway_error(Format::Json, 502, b"<html>Bad Gateway</html>");
        assert_eq!(e.code, "Http502");
        assert!(e.is_retryable());
        assert!(e.message.contains("Bad Gateway"));
        let echo = b"<html>no route for /?AccessKeyId=k&Signature=s3cr3t&SecurityToken=t0k</html>";
        let e = decode_gateway_error(Format::Json, 502, echo);
        assert!(
            !e.message.contains("s3cr3t") && !e.message.contains("t0k"),
            "{e}"
        );
    }

    #[test]
    fn in_band_failures() {
        assert!(in_band_error(Some(true), None, None, None).is_none());
        let e = in_band_error(Some(false), Some("iot.x"), Some("m"), Some("R")).unwrap();
        assert_eq!(
            (e.code.as_str(), e.status, e.origin),
            ("iot.x", 200, ErrorOrigin::InBand)
        );
        assert!(in_band_error(None, Some("iot.x"), None, None).is_some());
        assert_eq!(
            in_band_error(Some(false), None, None, None).unwrap().code,
            "Unknown"
        );
    }
}
