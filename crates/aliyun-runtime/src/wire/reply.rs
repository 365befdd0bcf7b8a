//! From an HTTP status and body to a typed reply or a [`ServiceError`]: gateway errors
//! (4xx/5xx) and in-band failures (HTTP 200 with `Success: false`) both become errors.

use std::borrow::Cow;

use super::{
    Decode, DecodeError, EncodeFields, Format, Node, Path, Writer, decode_body, excerpt, parse_body,
};
use crate::error::{Error, ErrorOrigin, ServiceError};
use crate::signing::redact_query;

/// The wire names of the fields every response of a product carries, declared once per
/// product in the spec. Read from the top level of every reply, names matched without regard
/// to ASCII case (one documented IoT sample writes `requestId`, `success`, `errorMessage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The request ID (`RequestId`).
    pub request_id: &'static str,
    /// The success flag (`Success`).
    pub success: &'static str,
    /// The error code (`Code`).
    pub code: &'static str,
    /// The error message (`ErrorMessage`).
    pub message: &'static str,
}

/// The envelope fields of one reply.
#[derive(Debug, Default)]
struct EnvelopeFields {
    request_id: Option<String>,
    success: Option<bool>,
    code: Option<String>,
    message: Option<String>,
}

impl Envelope {
    /// Takes the envelope fields out of a reply's top level, leaving the payload (in place:
    /// the payload keeps the top level's allocation).
    fn split<'a>(&self, node: Node<'a>) -> Result<(EnvelopeFields, Node<'a>), super::FieldError> {
        let Node::Map(mut entries) = node else {
            return Ok((EnvelopeFields::default(), node));
        };
        let mut fields = EnvelopeFields::default();
        let root = Path::root();
        let mut error = None;
        entries.retain_mut(|(key, value)| {
            let is = |name: &str| key.eq_ignore_ascii_case(name);
            let mut taken = || std::mem::replace(value, Node::Null);
            let read = if is(self.request_id) && fields.request_id.is_none() {
                String::decode_optional(taken(), &root.field(self.request_id))
                    .map(|v| fields.request_id = v)
            } else if is(self.success) && fields.success.is_none() {
                bool::decode_optional(taken(), &root.field(self.success))
                    .map(|v| fields.success = v)
            } else if is(self.code) && fields.code.is_none() {
                String::decode_optional(taken(), &root.field(self.code)).map(|v| fields.code = v)
            } else if is(self.message) && fields.message.is_none() {
                String::decode_optional(taken(), &root.field(self.message))
                    .map(|v| fields.message = v)
            } else {
                return true;
            };
            if let Err(e) = read {
                error.get_or_insert(e);
            }
            false
        });
        match error {
            Some(e) => Err(e),
            None => Ok((fields, Node::Map(entries))),
        }
    }

    /// The top level of a successful reply: the envelope (`RequestId`, `Success: true`), then
    /// the payload's fields.
    pub fn wrap<'a>(&self, request_id: &str, payload: Node<'a>) -> Node<'a> {
        let mut entries = vec![
            (
                Cow::Borrowed(self.request_id),
                Node::Text(Cow::Owned(request_id.to_owned())),
            ),
            (Cow::Borrowed(self.success), Node::Bool(true)),
        ];
        match payload {
            Node::Map(fields) => entries.extend(fields),
            Node::Null => {}
            other => entries.push((Cow::Borrowed("Data"), other)),
        }
        Node::Map(entries)
    }

    /// The top level of an in-band failure: `RequestId`, `Success: false`, `Code` and the
    /// message.
    pub fn failure(&self, request_id: &str, code: &str, message: &str) -> Node<'static> {
        let text = |s: &str| Node::Text(Cow::Owned(s.to_owned()));
        Node::Map(vec![
            (Cow::Borrowed(self.request_id), text(request_id)),
            (Cow::Borrowed(self.success), Node::Bool(false)),
            (Cow::Borrowed(self.code), text(code)),
            (Cow::Borrowed(self.message), text(message)),
        ])
    }
}

/// An operation's output: the payload of a reply, plus the request ID from the envelope.
/// Generated for every operation's response.
pub trait Reply: Decode + EncodeFields {
    /// The product's envelope.
    const ENVELOPE: Envelope;
    /// The request ID the reply carried.
    fn request_id(&self) -> &str;
    /// Sets the request ID (the runtime does, from the envelope).
    fn set_request_id(&mut self, request_id: String);
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
    let node = parse_body(format, body)?;
    let at_body = |e: super::FieldError| DecodeError::new(format, e.path, e.message, body);
    let (envelope, payload) = T::ENVELOPE.split(node).map_err(at_body)?;
    if let Some(error) = in_band_error(
        envelope.success,
        envelope.code.as_deref(),
        envelope.message.as_deref(),
        envelope.request_id.as_deref(),
    ) {
        return Err(error.into());
    }
    let mut reply = T::decode(payload, &Path::root()).map_err(at_body)?;
    let request_id = envelope.request_id.ok_or_else(|| {
        at_body(
            Path::root()
                .field(T::ENVELOPE.request_id)
                .error("required field is missing"),
        )
    })?;
    reply.set_request_id(request_id);
    Ok(reply)
}

/// A successful reply as a body in `format`, envelope included; `root` is the XML root
/// element (such as `QueryOTAFirmwareResponse`).
pub fn encode_reply<T: Reply>(reply: &T, format: Format, root: &str) -> String {
    let mut w = Writer::new(format);
    w.document(root, |w| {
        w.field(T::ENVELOPE.request_id, reply.request_id());
        w.field(T::ENVELOPE.success, &true);
        reply.encode_fields(w);
    });
    w.into_string()
}

/// An in-band failure as a body in `format`: the envelope with `Success: false`, `Code` and
/// the message; `root` is the XML root element.
pub(crate) fn encode_failure(
    envelope: &Envelope,
    request_id: &str,
    code: &str,
    message: &str,
    format: Format,
    root: &str,
) -> String {
    let mut w = Writer::new(format);
    w.document(root, |w| {
        w.field(envelope.request_id, request_id);
        w.field(envelope.success, &false);
        w.field(envelope.code, code);
        w.field(envelope.message, message);
    });
    w.into_string()
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
    fn decode(node: Node<'_>, path: &Path<'_>) -> Result<Self, super::FieldError> {
        let mut out = GatewayError::default();
        for (key, value) in super::struct_entries(node, path)? {
            let slot = match &*key {
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

    /// A payload of one optional text field, `Name`.
    #[derive(Debug, Default)]
    struct Named {
        request_id: String,
        name: Option<String>,
    }

    impl Decode for Named {
        fn decode(node: Node<'_>, path: &Path<'_>) -> Result<Self, super::super::FieldError> {
            let mut out = Named::default();
            for (key, value) in super::super::struct_entries(node, path)? {
                if key == "Name" {
                    crate::codegen::decode_into(&mut out.name, value, &path.field("Name"))?;
                }
            }
            Ok(out)
        }
    }

    impl EncodeFields for Named {
        fn encode_fields(&self, w: &mut Writer) {
            w.field_opt("Name", &self.name);
        }
    }

    impl Reply for Named {
        const ENVELOPE: Envelope = Envelope {
            request_id: "RequestId",
            success: "Success",
            code: "Code",
            message: "ErrorMessage",
        };
        fn request_id(&self) -> &str {
            &self.request_id
        }
        fn set_request_id(&mut self, request_id: String) {
            self.request_id = request_id;
        }
    }

    #[test]
    fn the_envelope_is_read_once_in_any_case() {
        let ok: Named = decode_reply(
            Format::Json,
            200,
            br#"{"requestId":"R1","success":true,"code":"","errorMessage":null,"Name":"n"}"#,
        )
        .unwrap();
        assert_eq!(
            (ok.request_id.as_str(), ok.name.as_deref()),
            ("R1", Some("n"))
        );
        let failed = decode_reply::<Named>(
            Format::Xml,
            200,
            b"<R><RequestId>R2</RequestId><Success>false</Success><Code>iot.x</Code><ErrorMessage>m</ErrorMessage></R>",
        )
        .unwrap_err();
        assert_eq!(
            (failed.code(), failed.request_id()),
            (Some("iot.x"), Some("R2"))
        );
        let missing = decode_reply::<Named>(Format::Json, 200, br#"{"Success":true}"#).unwrap_err();
        assert!(
            missing
                .to_string()
                .contains("RequestId: required field is missing"),
            "{missing}"
        );
        let wrong =
            decode_reply::<Named>(Format::Json, 200, br#"{"RequestId":"R","Success":"maybe"}"#)
                .unwrap_err();
        assert!(wrong.to_string().contains("at Success"), "{wrong}");
    }

    #[test]
    fn replies_encode_with_their_envelope() {
        let reply = Named {
            request_id: "R3".into(),
            name: Some("n".into()),
        };
        assert_eq!(
            encode_reply(&reply, Format::Json, "X"),
            r#"{"RequestId":"R3","Success":true,"Name":"n"}"#
        );
        let xml = encode_reply(&reply, Format::Xml, "XResponse");
        assert!(xml.contains("<XResponse><RequestId>R3</RequestId><Success>true</Success><Name>n</Name></XResponse>"), "{xml}");
        let back: Named = decode_reply(Format::Xml, 200, xml.as_bytes()).unwrap();
        assert_eq!(back.name.as_deref(), Some("n"));
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
