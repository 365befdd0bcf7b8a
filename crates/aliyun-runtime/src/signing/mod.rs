//! Request signing: the request as it will be sent ([`SignableRequest`]), and the signers that
//! sign it, side by side: RPC V1 (`HMAC-SHA1`, [`v1`]) and V3 (`ACS3-HMAC-SHA256` and
//! `ACS3-HMAC-SM3`, [`v3`]).
//!
//! The protocol layer (`crate::protocol`) builds the request with its common parameters or
//! headers; a [`Signer`] adds what its version adds (V1: query parameters; V3: `x-acs-*`
//! headers and `Authorization`) and returns the encoded query to send. Each version is split
//! into pure stages so that a failing vector names the stage that broke. Time and nonces come
//! from the caller ([`SigningContext`]), so signing itself is deterministic.
//!
//! Nothing here panics at run time, and no secret (AccessKeySecret, SecurityToken, signature)
//! is shown by a `Debug` implementation.

mod clock;
mod redact;
pub mod v1;
pub mod v3;

use std::fmt;

use crate::secret::Secret;

pub use clock::{Clock, FixedClock, FixedNonce, NonceSource, RandomNonce, SystemClock};
pub use redact::{parse_server_string_to_sign, redact_query, redact_string_to_sign};
pub use v1::{
    RpcV1Signer, V1_OWNED_PARAMS, canonical_query, format_timestamp, signature, string_to_sign,
};
pub use v3::{Acs3Algorithm, Acs3Signer};

/// Percent-encodes one parameter name or value as both signature versions require (RFC 3986):
/// the unreserved characters `A-Z a-z 0-9 - _ . ~` are kept, every other UTF-8 byte becomes
/// `%XY` with uppercase hex (space is `%20`, never `+`; `*` is `%2A`; `/` is `%2F`).
///
/// This is also the encoding to use for every value put on the wire, the signature included.
pub fn percent_encode(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + s.len() / 2);
    encode_into(&mut out, s);
    ascii(out)
}

/// [`percent_encode`] appended to `out` as bytes, which are all ASCII (the hot path of
/// signing: no allocation of its own, no UTF-8 work per byte).
pub(crate) fn encode_into(out: &mut Vec<u8>, s: &str) {
    for &b in s.as_bytes() {
        if UNRESERVED[usize::from(b)] {
            out.push(b);
        } else {
            let at = 3 * usize::from(b);
            out.extend_from_slice(ESCAPES.as_bytes().get(at..at + 3).unwrap_or_default());
        }
    }
}

/// Bytes that [`encode_into`] wrote (ASCII only) as a `String`.
pub(crate) fn ascii(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_default()
}

/// Which bytes RFC 3986 leaves as they are: `A-Z a-z 0-9 - _ . ~`.
static UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~');
        i += 1;
    }
    table
};

/// `%00%01…%FF`: the escape of byte `b` is at `3 * b`.
const ESCAPES: &str = "%00%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2D%2E%2F%30%31%32%33%34%35%36%37%38%39%3A%3B%3C%3D%3E%3F%40%41%42%43%44%45%46%47%48%49%4A%4B%4C%4D%4E%4F%50%51%52%53%54%55%56%57%58%59%5A%5B%5C%5D%5E%5F%60%61%62%63%64%65%66%67%68%69%6A%6B%6C%6D%6E%6F%70%71%72%73%74%75%76%77%78%79%7A%7B%7C%7D%7E%7F%80%81%82%83%84%85%86%87%88%89%8A%8B%8C%8D%8E%8F%90%91%92%93%94%95%96%97%98%99%9A%9B%9C%9D%9E%9F%A0%A1%A2%A3%A4%A5%A6%A7%A8%A9%AA%AB%AC%AD%AE%AF%B0%B1%B2%B3%B4%B5%B6%B7%B8%B9%BA%BB%BC%BD%BE%BF%C0%C1%C2%C3%C4%C5%C6%C7%C8%C9%CA%CB%CC%CD%CE%CF%D0%D1%D2%D3%D4%D5%D6%D7%D8%D9%DA%DB%DC%DD%DE%DF%E0%E1%E2%E3%E4%E5%E6%E7%E8%E9%EA%EB%EC%ED%EE%EF%F0%F1%F2%F3%F4%F5%F6%F7%F8%F9%FA%FB%FC%FD%FE%FF";

/// Lowercase hex of `bytes`.
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// The signature versions of Alibaba Cloud's RPC APIs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SignatureVersion {
    /// RPC V1: `HMAC-SHA1` over the query (`Signature=` parameter).
    V1,
    /// V3: `ACS3-HMAC-SHA256` over the whole request (`Authorization` header); what the
    /// official SDKs send by default.
    #[default]
    V3,
}

impl SignatureVersion {
    /// `v1` or `v3`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignatureVersion::V1 => "v1",
            SignatureVersion::V3 => "v3",
        }
    }

    /// Reads `v1` or `v3` (any case).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "v1" => Some(SignatureVersion::V1),
            "v3" => Some(SignatureVersion::V3),
            _ => None,
        }
    }

    /// The signer of this version (V3 with `ACS3-HMAC-SHA256`).
    pub fn signer(self) -> &'static dyn Signer {
        match self {
            SignatureVersion::V1 => &RpcV1Signer,
            SignatureVersion::V3 => &Acs3Signer::HMAC_SHA256,
        }
    }
}

impl fmt::Display for SignatureVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An HTTP request as it will be sent, in the form signers read and extend: the method, the
/// `Host` header's value, the path, the query parameters (decoded, in sending order), the
/// headers (names lowercase) and the body. Servers build the same view of a received request
/// to verify it.
#[derive(Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignableRequest {
    /// The HTTP method, uppercase (`GET`, `POST`); the methods sign differently.
    pub method: String,
    /// The `Host` header: the host, with `:port` when the port is not the scheme's default.
    pub host: String,
    /// The path, `/` for RPC APIs.
    pub path: String,
    /// Query parameters, decoded.
    pub query: Vec<(String, String)>,
    /// Headers other than `Host`, names lowercase.
    pub headers: Vec<(String, String)>,
    /// The exact body bytes.
    pub body: Vec<u8>,
}

impl SignableRequest {
    /// A request with no query, headers or body.
    pub fn new(
        method: impl Into<String>,
        host: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        Self {
            method: method.into(),
            host: host.into(),
            path: path.into(),
            ..Self::default()
        }
    }

    /// The value of header `name` (any case; the first one if repeated).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Sets header `name` (lowercased), replacing any value it had.
    pub fn set_header(&mut self, name: &str, value: impl Into<String>) {
        let name = name.to_ascii_lowercase();
        self.headers.retain(|(n, _)| *n != name);
        self.headers.push((name, value.into()));
    }
}

impl fmt::Debug for SignableRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let query: Vec<String> = self
            .query
            .iter()
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect();
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                if redact::REDACTED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
                    (name.as_str(), redact::REDACTED)
                } else {
                    (name.as_str(), value.as_str())
                }
            })
            .collect();
        f.debug_struct("SignableRequest")
            .field("method", &self.method)
            .field("host", &self.host)
            .field("path", &self.path)
            .field("query", &redact_query(&query.join("&")))
            .field("headers", &headers)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

/// The time and nonce one signing uses: fresh for every attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SigningContext {
    /// When the request is signed (`Timestamp`, `x-acs-date`).
    pub time: jiff::Timestamp,
    /// The nonce (`SignatureNonce`, `x-acs-signature-nonce`).
    pub nonce: String,
}

impl SigningContext {
    /// A context with this time and nonce.
    pub fn new(time: jiff::Timestamp, nonce: impl Into<String>) -> Self {
        Self {
            time,
            nonce: nonce.into(),
        }
    }
}

/// The key material a signer uses.
#[derive(Debug, Clone, Copy)]
pub struct SigningKey<'a> {
    /// The AccessKey ID.
    pub access_key_id: &'a str,
    /// The AccessKey secret.
    pub access_key_secret: &'a Secret,
    /// The STS security token, with temporary credentials only.
    pub security_token: Option<&'a Secret>,
}

/// What a signer produced besides the headers it added to the request.
#[derive(Clone, PartialEq, Eq)]
pub struct Signed {
    /// The query string to send, every name and value encoded with [`percent_encode`], in the
    /// order signed (V1: `Signature` last); no leading `?`.
    pub query: String,
    /// The string that was signed, kept to compare with the gateway's on
    /// `SignatureDoesNotMatch` (see [`parse_server_string_to_sign`]).
    pub string_to_sign: String,
}

impl fmt::Debug for Signed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signed")
            .field("query", &redact_query(&self.query))
            .field(
                "string_to_sign",
                &redact_string_to_sign(&self.string_to_sign),
            )
            .finish()
    }
}

/// A signature scheme: adds to a request what the scheme sends (parameters, headers) and
/// returns the query to send.
pub trait Signer: Send + Sync + fmt::Debug {
    /// Signs `request` with `key`, at the context's time and with its nonce.
    fn sign(
        &self,
        request: &mut SignableRequest,
        key: &SigningKey<'_>,
        ctx: &SigningContext,
    ) -> Signed;

    /// The version this signer implements.
    fn version(&self) -> SignatureVersion;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encode_basics() {
        assert_eq!(percent_encode(""), "");
        assert_eq!(percent_encode("a b*c~d+/"), "a%20b%2Ac~d%2B%2F");
        assert_eq!(percent_encode("中"), "%E4%B8%AD");
        // Every byte: the unreserved ones kept, the rest %XY (as the percent-encoding crate).
        const RESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'_')
            .remove(b'.')
            .remove(b'~');
        for c in (0u8..=127).map(char::from).chain(['é', '中', '😀']) {
            let s = c.to_string();
            let expected = percent_encoding::utf8_percent_encode(&s, RESERVED).to_string();
            assert_eq!(percent_encode(&s), expected, "{c:?}");
        }
        assert_eq!(to_hex(&[0x00, 0xab, 0xff]), "00abff");
    }

    #[test]
    fn versions_parse_and_pick_their_signer() {
        assert_eq!(SignatureVersion::parse("V3"), Some(SignatureVersion::V3));
        assert_eq!(SignatureVersion::parse("v1"), Some(SignatureVersion::V1));
        assert_eq!(SignatureVersion::parse("v2"), None);
        assert_eq!(
            SignatureVersion::V1.signer().version(),
            SignatureVersion::V1
        );
        assert_eq!(
            SignatureVersion::V3.signer().version(),
            SignatureVersion::V3
        );
    }

    #[test]
    fn headers_are_set_once_lowercase() {
        let mut request = SignableRequest::new("POST", "h", "/");
        request.set_header("X-Acs-Action", "A");
        request.set_header("x-acs-action", "B");
        assert_eq!(
            request.headers,
            [("x-acs-action".to_owned(), "B".to_owned())]
        );
        assert_eq!(request.header("X-ACS-ACTION"), Some("B"));
    }
}
