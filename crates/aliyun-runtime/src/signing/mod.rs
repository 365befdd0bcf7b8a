//! Request signing: the request as it will be sent ([`SignableRequest`]), and the signers that
//! sign it, side by side: RPC V1 (`HMAC-SHA1`, [`v1`]) and V3 (`ACS3-HMAC-SHA256` and
//! `ACS3-HMAC-SM3`, [`v3`]).
//!
//! The protocol layer (`crate::protocol`) builds the request with its common parameters or
//! headers; a [`Signer`] signs it with what its version adds (V1: query parameters, which go
//! in the returned query only; V3: `x-acs-*` headers and `Authorization`, added to the
//! request) and returns the encoded query to send. Each version is split into pure stages so
//! that a failing vector names the stage that broke. Time and nonces come from the caller
//! ([`SigningContext`]), so signing itself is deterministic.
//!
//! Nothing here panics at run time, and no secret (AccessKeySecret, SecurityToken, signature)
//! is shown by a `Debug` implementation.

mod clock;
mod redact;
pub mod v1;
pub mod v3;

use std::borrow::Cow;
use std::fmt;

use crate::secret::Secret;

pub use clock::{Clock, FixedClock, FixedNonce, NonceSource, RandomNonce, SystemClock};
pub use redact::{parse_server_string_to_sign, redact_query, redact_string_to_sign};
pub use v1::{
    RpcV1Signer, V1_OWNED_PARAMS, canonical_query, format_timestamp, signature, string_to_sign,
    string_to_sign_of,
};
pub use v3::{Acs3Algorithm, Acs3Signer};

/// Percent-encodes one parameter name or value as both signature versions require (RFC 3986):
/// the unreserved characters `A-Z a-z 0-9 - _ . ~` are kept, every other UTF-8 byte becomes
/// `%XY` with uppercase hex (space is `%20`, never `+`; `*` is `%2A`; `/` is `%2F`).
///
/// This is also the encoding to use for every value put on the wire, the signature included.
pub fn percent_encode(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + s.len() / 2);
    encode_into(&mut out, s.as_bytes());
    ascii(out)
}

/// [`percent_encode`] appended to `out` as bytes, which are all ASCII (the hot path of
/// signing: 8 bytes at a time when none needs an escape, as most names and values; nothing
/// allocated but room in `out`).
pub(crate) fn encode_into(out: &mut Vec<u8>, s: &[u8]) {
    for chunk in s.chunks(8) {
        match chunk.first_chunk::<8>() {
            Some(word) if all_kept(word) => out.extend_from_slice(word),
            _ => {
                for &b in chunk {
                    match ESCAPES[usize::from(b)] {
                        Some(escape) => out.extend_from_slice(&escape),
                        None => out.push(b),
                    }
                }
            }
        }
    }
}

/// [`encode_into`] `once`, and the same encoded a second time into `twice` (where `%XY`
/// becomes `%25XY`), in one pass: V1's query and string to sign.
pub(crate) fn encode_twice_into(once: &mut Vec<u8>, twice: &mut Vec<u8>, s: &[u8]) {
    for chunk in s.chunks(8) {
        match chunk.first_chunk::<8>() {
            Some(word) if all_kept(word) => {
                once.extend_from_slice(word);
                twice.extend_from_slice(word);
            }
            _ => {
                for &b in chunk {
                    match ESCAPES[usize::from(b)] {
                        Some([percent, hi, lo]) => {
                            once.extend_from_slice(&[percent, hi, lo]);
                            twice.extend_from_slice(&[percent, b'2', b'5', hi, lo]);
                        }
                        None => {
                            once.push(b);
                            twice.push(b);
                        }
                    }
                }
            }
        }
    }
}

/// Whether none of the 8 bytes of `word` needs an escape, checked for all at once (SWAR: with
/// every byte below 0x80, adding `0x80 - c` to each sets its top bit exactly when it is at
/// least `c`, and never carries into the next byte).
fn all_kept(word: &[u8; 8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x80 * ONES;
    let word = u64::from_le_bytes(*word);
    let at_least = |x: u64, c: u8| x.wrapping_add(u64::from(0x80 - c) * ONES);
    let between = |x: u64, lo: u8, hi: u8| at_least(x, lo) & !at_least(x, hi + 1);
    // Letters of either case: `| 0x20` folds A-Z onto a-z, and nothing else onto them.
    let kept = between(word | (0x20 * ONES), b'a', b'z')
        | between(word, b'0', b'9')
        | between(word, b'-', b'.')
        | between(word, b'_', b'_')
        | between(word, b'~', b'~');
    word & TOPS == 0 && kept & TOPS == TOPS
}

/// Bytes that [`encode_into`] wrote (ASCII) or copied from a `str` whole, as a `String`.
pub(crate) fn ascii(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_default()
}

/// The percent-encoding of each byte: `%XY` (uppercase hex), or `None` for the bytes RFC 3986
/// leaves as they are, `A-Z a-z 0-9 - _ . ~`.
static ESCAPES: [Option<[u8; 3]>; 256] = {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut table = [None; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')) {
            table[i] = Some([b'%', HEX[i >> 4], HEX[i & 0x0f]]);
        }
        i += 1;
    }
    table
};

/// Lowercase hex of `bytes`.
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    push_hex(&mut out, bytes);
    out
}

/// Appends the lowercase hex of `bytes` to `out`.
pub(crate) fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
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
    /// Headers other than `Host`, names lowercase. Names and values the protocol knows in
    /// advance are borrowed for the program's life, so that they are never copied.
    pub headers: Vec<(Cow<'static, str>, Cow<'static, str>)>,
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
            .map(|(_, v)| &**v)
    }

    /// Sets header `name` (lowercased), replacing any value it had.
    pub fn set_header(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Cow<'static, str>>,
    ) {
        let mut name = name.into();
        if name.bytes().any(|b| b.is_ascii_uppercase()) {
            name = Cow::Owned(name.to_ascii_lowercase());
        }
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
                    (&**name, redact::REDACTED)
                } else {
                    (&**name, &**value)
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

/// A signature scheme: signs a request with what the scheme sends (parameters, headers) and
/// returns the query to send. Headers are added to the request; parameters are in the
/// returned query only.
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

    /// What RFC 3986 encodes, for the percent-encoding crate (the reference).
    const RESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');

    #[test]
    fn percent_encode_basics() {
        assert_eq!(percent_encode(""), "");
        assert_eq!(percent_encode("a b*c~d+/"), "a%20b%2Ac~d%2B%2F");
        assert_eq!(percent_encode("中"), "%E4%B8%AD");
        // Every byte: the unreserved ones kept, the rest %XY (as the percent-encoding crate).
        for c in (0u8..=127).map(char::from).chain(['é', '中', '😀']) {
            let s = c.to_string();
            let expected = percent_encoding::utf8_percent_encode(&s, RESERVED).to_string();
            assert_eq!(percent_encode(&s), expected, "{c:?}");
        }
        assert_eq!(to_hex(&[0x00, 0xab, 0xff]), "00abff");
    }

    #[test]
    fn words_are_kept_exactly_when_each_byte_is() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"aZ09-_.~";
                word[at] = b;
                assert_eq!(
                    all_kept(&word),
                    ESCAPES[usize::from(b)].is_none(),
                    "{b} at {at}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Strings of every length around the 8-byte words, with bytes of every kind.
        #[test]
        fn encoding_once_and_twice_agrees_with_the_rfc(s in "[a-zA-Z0-9._~*:/ %&=+中-]{0,40}") {
            let reference = percent_encoding::utf8_percent_encode(&s, RESERVED).to_string();
            proptest::prop_assert_eq!(percent_encode(&s), reference.as_str());
            let (mut once, mut twice) = (Vec::new(), Vec::new());
            encode_twice_into(&mut once, &mut twice, s.as_bytes());
            proptest::prop_assert_eq!(ascii(once), reference.as_str());
            proptest::prop_assert_eq!(ascii(twice), percent_encode(&reference));
        }
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
        assert_eq!(request.headers, [("x-acs-action".into(), "B".into())]);
        assert_eq!(request.header("X-ACS-ACTION"), Some("B"));
    }
}
