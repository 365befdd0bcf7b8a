//! Request signing: Alibaba Cloud RPC signature V1 (`HMAC-SHA1`, `SignatureVersion=1.0`).
//!
//! The algorithm is split into pure stages so that each one can be tested on its own and a
//! failure names the stage that broke:
//!
//! 1. [`percent_encode`]: RFC 3986 encoding of one name or value;
//! 2. [`canonical_query`]: sorted, encoded `name=value` pairs joined with `&`;
//! 3. [`string_to_sign`]: `METHOD&%2F&` + the canonical query encoded a second time;
//! 4. [`signature`]: `Base64(HMAC-SHA1(secret + "&", string to sign))`.
//!
//! [`RpcV1Signer`] puts the stages together behind the [`Signer`] trait, so that another
//! scheme (ACS3-HMAC-SHA256, "V3") can be added later without touching callers. Time and
//! nonces come from the injectable [`Clock`] and [`NonceSource`], so that tests are
//! deterministic ([`FixedClock`], [`FixedNonce`]).
//!
//! Nothing here panics at run time, and no secret (AccessKeySecret, SecurityToken, signature)
//! is shown by a `Debug` implementation.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use sha1::{Digest, Sha1};

use crate::secret::Secret;

/// Every byte except the RFC 3986 unreserved characters `A-Z a-z 0-9 - _ . ~`.
const RFC3986_RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The value printed in place of a secret.
const REDACTED: &str = "<redacted>";

/// Query parameters whose values [`redact_query`] hides.
const REDACTED_PARAMS: [&str; 3] = ["Signature", "SecurityToken", "AccessKeyId"];

/// Header names (lowercase) whose values the `Debug` of [`SignedRequest`] hides.
const REDACTED_HEADERS: [&str; 3] = ["authorization", "x-acs-security-token", "x-acs-signature"];

/// The parameters [`RpcV1Signer`] sets itself; copies of them in the request are ignored.
/// Public so that a verifier (such as the emulator) can check it expects the same set.
pub const V1_OWNED_PARAMS: [&str; 7] = [
    "AccessKeyId",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "SecurityToken",
    "Signature",
];

/// Percent-encodes one parameter name or value as the signature requires (RFC 3986): the
/// unreserved characters `A-Z a-z 0-9 - _ . ~` are kept, every other UTF-8 byte becomes `%XY`
/// with uppercase hex (space is `%20`, never `+`; `*` is `%2A`; `/` is `%2F`).
///
/// This is also the encoding to use for every value put on the wire, the signature included.
pub fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, RFC3986_RESERVED).to_string()
}

/// Builds the canonicalized query string: the parameters sorted by name in byte order (equal
/// names then by value, so the result does not depend on the input order), each name and value
/// encoded with [`percent_encode`], joined as `name=value` with `&`. Empty values are kept.
///
/// The caller must pass every parameter that is sent (query and form body alike) **except**
/// `Signature`, which is never part of what is signed.
pub fn canonical_query(params: &[(&str, &str)]) -> String {
    let mut sorted: Vec<&(&str, &str)> = params.iter().collect();
    sorted.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then_with(|| a.1.as_bytes().cmp(b.1.as_bytes()))
    });
    let mut out = String::new();
    for (i, (name, value)) in sorted.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&percent_encode(name));
        out.push('=');
        out.push_str(&percent_encode(value));
    }
    out
}

/// Builds the V1 string to sign: `<method>&%2F&<percent_encode(canonical_query)>`.
///
/// `method` is the HTTP method actually used, in uppercase (`GET` and `POST` sign
/// differently); `canonical_query` is the output of [`canonical_query`], which gets encoded a
/// second time here (so `%3A` becomes `%253A`).
pub fn string_to_sign(method: &str, canonical_query: &str) -> String {
    format!("{method}&%2F&{}", percent_encode(canonical_query))
}

/// Computes the V1 signature: `Base64(HMAC-SHA1(key = secret + "&", string_to_sign))`, in the
/// standard alphabet with padding. The result is not yet encoded for the wire: pass it through
/// [`percent_encode`] before putting it in a query or form body.
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    let mut key = String::with_capacity(secret.len() + 1);
    key.push_str(secret);
    key.push('&');
    BASE64.encode(hmac_sha1(key.as_bytes(), string_to_sign.as_bytes()))
}

/// HMAC-SHA1 of `message` under `key`.
fn hmac_sha1(key: &[u8], message: &[u8]) -> Vec<u8> {
    // HMAC takes keys of any length, so this cannot fail; were it ever to, the empty
    // signature would be refused by the server rather than a panic here.
    <Hmac<Sha1> as KeyInit>::new_from_slice(key)
        .map(|mac| mac.chain_update(message).finalize().into_bytes().to_vec())
        .unwrap_or_default()
}

/// Formats a timestamp as the `Timestamp` parameter wants it: UTC, whole seconds (the
/// fraction is dropped), `YYYY-MM-DDThh:mm:ssZ`, e.g. `2016-02-23T12:46:24Z`.
pub fn format_timestamp(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Where the signer gets the current time from; injectable so that tests are deterministic.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current time.
    fn now(&self) -> jiff::Timestamp;
}

/// The system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> jiff::Timestamp {
        jiff::Timestamp::now()
    }
}

/// A clock stopped at a given time, for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock(pub jiff::Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> jiff::Timestamp {
        self.0
    }
}

/// Where the signer gets `SignatureNonce` values from; injectable so that tests are
/// deterministic. Every call must return a new value: a retry must not reuse a nonce, or the
/// gateway answers `SignatureNonceUsed`.
pub trait NonceSource: Send + Sync + fmt::Debug {
    /// A fresh nonce.
    fn nonce(&self) -> String;
}

/// Random nonces as the official SDKs send them: 32 lowercase hex characters from 16 bytes of
/// system randomness. If the system cannot provide randomness, it falls back to a hash of the
/// time, the process ID and a counter, which is still unique; it never panics.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomNonce;

impl NonceSource for RandomNonce {
    fn nonce(&self) -> String {
        let mut bytes = [0u8; 16];
        match getrandom::fill(&mut bytes) {
            Ok(()) => to_hex(&bytes),
            Err(_) => fallback_nonce(),
        }
    }
}

/// A nonce that is unique within the process (and very likely across processes) without
/// system randomness: the first 16 bytes of SHA-1 over the time, the process ID and a counter.
fn fallback_nonce() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let now = jiff::Timestamp::now();
    let mut hasher = Sha1::new();
    hasher.update(now.as_second().to_le_bytes());
    hasher.update(now.subsec_nanosecond().to_le_bytes());
    hasher.update(std::process::id().to_le_bytes());
    hasher.update(count.to_le_bytes());
    let digest = hasher.finalize();
    to_hex(digest.get(..16).unwrap_or(digest.as_slice()))
}

/// Lowercase hex of `bytes`.
fn to_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            // A nibble is always a valid hex digit; `char::from_digit` yields lowercase.
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    out
}

/// The same nonce every time, for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedNonce(pub String);

impl NonceSource for FixedNonce {
    fn nonce(&self) -> String {
        self.0.clone()
    }
}

/// What the signer needs to know about a call.
#[derive(Debug, Clone, Copy)]
pub struct SigningRequest<'a> {
    /// The HTTP method actually used, uppercase (`GET` or `POST`).
    pub method: &'a str,
    /// Every parameter sent, unencoded: `Action`, `Version`, `Format`, the operation's
    /// parameters, `RegionId` and so on. Not the ones the signer adds itself (for V1:
    /// `AccessKeyId`, `SignatureMethod`, `SignatureVersion`, `SignatureNonce`, `Timestamp`,
    /// `SecurityToken`, `Signature`).
    pub params: &'a [(&'a str, &'a str)],
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

/// What the signer produced.
///
/// Its `Debug` hides the values of `Signature`, `SecurityToken` and `AccessKeyId` (in the query
/// and in the string to sign) and of credential headers.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedRequest {
    /// The full percent-encoded query string to put in the URL (or the form body), `Signature`
    /// included, every name and value encoded with [`percent_encode`]; no leading `?`.
    pub query: String,
    /// Extra headers to send (empty for V1).
    pub headers: Vec<(String, String)>,
    /// The string that was signed, kept to compare with the gateway's on
    /// `SignatureDoesNotMatch` (see [`parse_server_string_to_sign`]).
    pub string_to_sign: String,
    /// The nonce that was sent (`SignatureNonce`).
    pub nonce: String,
    /// The time that was sent (`Timestamp`, as formatted by [`format_timestamp`]).
    pub timestamp: jiff::Timestamp,
}

impl fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let lower = name.to_ascii_lowercase();
                if REDACTED_HEADERS.contains(&lower.as_str()) {
                    (name.as_str(), REDACTED)
                } else {
                    (name.as_str(), value.as_str())
                }
            })
            .collect();
        f.debug_struct("SignedRequest")
            .field("query", &redact_query(&self.query))
            .field("headers", &headers)
            .field(
                "string_to_sign",
                &redact_string_to_sign(&self.string_to_sign),
            )
            .field("nonce", &self.nonce)
            .field("timestamp", &self.timestamp)
            .finish()
    }
}

/// A signature scheme: turns a call and key material into what goes on the wire. V1
/// ([`RpcV1Signer`]) is the only one today; ACS3-HMAC-SHA256 can be added behind the same
/// trait.
pub trait Signer: Send + Sync + fmt::Debug {
    /// Signs `request` with `key` at time `now` using `nonce` (both from the caller's
    /// [`Clock`] and [`NonceSource`], so that signing itself is pure).
    fn sign(
        &self,
        request: &SigningRequest<'_>,
        key: &SigningKey<'_>,
        now: jiff::Timestamp,
        nonce: &str,
    ) -> SignedRequest;
}

/// RPC signature V1 (`SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`).
///
/// Adds `AccessKeyId`, `SignatureMethod`, `SignatureVersion`, `SignatureNonce`, `Timestamp`
/// and, with temporary credentials, `SecurityToken` to the request's parameters, signs them all
/// and appends `Signature=<encoded>` to the query. Copies of those parameters (or of
/// `Signature`) in the request are ignored, so they are never sent twice.
#[derive(Debug, Clone, Copy, Default)]
pub struct RpcV1Signer;

impl Signer for RpcV1Signer {
    fn sign(
        &self,
        request: &SigningRequest<'_>,
        key: &SigningKey<'_>,
        now: jiff::Timestamp,
        nonce: &str,
    ) -> SignedRequest {
        let timestamp = format_timestamp(now);
        let mut params: Vec<(&str, &str)> = request
            .params
            .iter()
            .copied()
            .filter(|(name, _)| !V1_OWNED_PARAMS.contains(name))
            .collect();
        params.push(("AccessKeyId", key.access_key_id));
        params.push(("SignatureMethod", "HMAC-SHA1"));
        params.push(("SignatureVersion", "1.0"));
        params.push(("SignatureNonce", nonce));
        params.push(("Timestamp", &timestamp));
        if let Some(token) = key.security_token {
            params.push(("SecurityToken", token.expose()));
        }
        let canonical = canonical_query(&params);
        let sts = string_to_sign(request.method, &canonical);
        let sig = signature(key.access_key_secret.expose(), &sts);
        let mut query = canonical;
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str("Signature=");
        query.push_str(&percent_encode(&sig));
        SignedRequest {
            query,
            headers: Vec::new(),
            string_to_sign: sts,
            nonce: nonce.to_owned(),
            timestamp: now,
        }
    }
}

/// Replaces the values of `Signature`, `SecurityToken` and `AccessKeyId` in an encoded query
/// string with `<redacted>`, for logging. A full URL is accepted too: only the part after the
/// first `?` is touched.
pub fn redact_query(query: &str) -> String {
    match query.split_once('?') {
        Some((base, q)) => format!("{base}?{}", redact_pairs(q, "&", "=")),
        None => redact_pairs(query, "&", "="),
    }
}

/// Replaces the values of `Signature`, `SecurityToken` and `AccessKeyId` in a V1 string to
/// sign (where the query is encoded twice, so pairs are separated by `%26` and names from
/// values by `%3D`) with `<redacted>`, for logging.
pub fn redact_string_to_sign(string_to_sign: &str) -> String {
    // `GET&%2F&<query>`: the encoded query has no raw `&`, so it is what follows the second one.
    let mut parts = string_to_sign.splitn(3, '&');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(path), Some(query)) => {
            format!("{method}&{path}&{}", redact_pairs(query, "%26", "%3D"))
        }
        _ => redact_pairs(string_to_sign, "%26", "%3D"),
    }
}

/// Redacts the values of [`REDACTED_PARAMS`] in `pairs`, separated by `pair_sep`, each
/// `name<kv_sep>value`.
fn redact_pairs(pairs: &str, pair_sep: &str, kv_sep: &str) -> String {
    let mut out = String::with_capacity(pairs.len());
    for (i, pair) in pairs.split(pair_sep).enumerate() {
        if i > 0 {
            out.push_str(pair_sep);
        }
        match pair.split_once(kv_sep) {
            Some((name, _)) if REDACTED_PARAMS.contains(&name) => {
                out.push_str(name);
                out.push_str(kv_sep);
                out.push_str(REDACTED);
            }
            _ => out.push_str(pair),
        }
    }
    out
}

/// Finds the gateway's string to sign in a `SignatureDoesNotMatch` error message (the text
/// after `server string to sign is:`, matched case-insensitively, up to the first whitespace),
/// so that it can be compared with [`SignedRequest::string_to_sign`]. `None` if the message
/// has no such text.
pub fn parse_server_string_to_sign(message: &str) -> Option<&str> {
    const MARKER: &str = "server string to sign is:";
    // ASCII lowercasing keeps every byte offset, so an offset in `lower` is one in `message`.
    let lower = message.to_ascii_lowercase();
    let start = lower.find(MARKER)? + MARKER.len();
    let rest = message.get(start..)?.trim_start();
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let found = rest.get(..end)?;
    (!found.is_empty()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONCE_1: &str = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";

    fn ts(s: &str) -> jiff::Timestamp {
        s.parse().unwrap()
    }

    // ---- Published vector 1: ECS DescribeRegions, secret `testsecret` ----

    const V1_PARAMS: [(&str, &str); 8] = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", NONCE_1),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ];
    const V1_CANONICAL: &str = "AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26";
    const V1_STS_GET: &str = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";
    const V1_SIG_GET: &str = "OLeaidS1JvxuMvnyHOwuJ+uX5qY=";
    const V1_SIG_GET_WIRE: &str = "OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D";
    const V1_SIG_POST: &str = "MxbnVAM4w6sft9xjVpe/GCKueuk=";

    #[test]
    fn vector1_canonical_query() {
        assert_eq!(canonical_query(&V1_PARAMS), V1_CANONICAL);
        // Independent of input order.
        let mut reversed = V1_PARAMS;
        reversed.reverse();
        assert_eq!(canonical_query(&reversed), V1_CANONICAL);
    }

    #[test]
    fn vector1_string_to_sign() {
        assert_eq!(string_to_sign("GET", V1_CANONICAL), V1_STS_GET);
    }

    #[test]
    fn vector1_get_signature() {
        assert_eq!(signature("testsecret", V1_STS_GET), V1_SIG_GET);
    }

    #[test]
    fn vector1_post_signature() {
        let sts = string_to_sign("POST", V1_CANONICAL);
        assert_eq!(sts, V1_STS_GET.replacen("GET", "POST", 1));
        assert_eq!(signature("testsecret", &sts), V1_SIG_POST);
    }

    #[test]
    fn vector1_signature_on_the_wire() {
        assert_eq!(percent_encode(V1_SIG_GET), V1_SIG_GET_WIRE);
        assert_eq!(
            percent_encode(V1_SIG_POST),
            "MxbnVAM4w6sft9xjVpe%2FGCKueuk%3D"
        );
    }

    // ---- Published vector 2: SMS SendSms, Unicode, secret `testSecret` ----

    const V2_PARAMS: [(&str, &str); 14] = [
        ("AccessKeyId", "testId"),
        ("Action", "SendSms"),
        ("Format", "XML"),
        ("OutId", "123"),
        ("PhoneNumbers", "15300000001"),
        ("RegionId", "cn-hangzhou"),
        ("SignName", "阿里云短信测试专用"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
        ("SignatureVersion", "1.0"),
        ("TemplateCode", "SMS_71390007"),
        ("TemplateParam", r#"{"customer":"test"}"#),
        ("Timestamp", "2017-07-12T02:42:19Z"),
        ("Version", "2017-05-25"),
    ];

    #[test]
    fn vector2_sms_unicode() {
        let canonical = canonical_query(&V2_PARAMS);
        assert!(canonical.contains(
            "&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&"
        ));
        assert!(canonical.contains("&TemplateParam=%7B%22customer%22%3A%22test%22%7D&"));
        let sts = string_to_sign("GET", &canonical);
        assert!(sts.starts_with("GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26"));
        assert!(sts.contains("%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591"));
        assert_eq!(
            signature("testSecret", &sts),
            "zJDF+Lrzhj/ThnlvIToysFRq6t4="
        );
    }

    // ---- Computed vectors: IoT QueryOTAFirmware, secret `testsecret` ----

    const OTA_PARAMS: [(&str, &str); 11] = [
        ("AccessKeyId", "testid"),
        ("Action", "QueryOTAFirmware"),
        ("FirmwareId", "s8SSHiKjpBfrM3BSN0z803****"),
        ("IotInstanceId", "iot_instc_pu****_c*-v64********"),
        ("Format", "JSON"),
        ("RegionId", "cn-shanghai"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", NONCE_1),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2018-01-20"),
    ];
    const OTA_CANONICAL: &str = "AccessKeyId=testid&Action=QueryOTAFirmware&FirmwareId=s8SSHiKjpBfrM3BSN0z803%2A%2A%2A%2A&Format=JSON&IotInstanceId=iot_instc_pu%2A%2A%2A%2A_c%2A-v64%2A%2A%2A%2A%2A%2A%2A%2A&RegionId=cn-shanghai&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2018-01-20";
    const OTA_SIG_GET: &str = "9jiBw0IJL2MdfSpWd7y9vMXhZ9g=";
    const OTA_SIG_POST: &str = "vOUe71MI2b0hde+2qzRhAf+v4mE=";

    #[test]
    fn ota_canonical_query() {
        assert_eq!(canonical_query(&OTA_PARAMS), OTA_CANONICAL);
    }

    #[test]
    fn ota_string_to_sign() {
        let sts = string_to_sign("GET", OTA_CANONICAL);
        assert!(sts.starts_with("GET&%2F&AccessKeyId%3Dtestid%26"));
        assert!(sts.contains("FirmwareId%3Ds8SSHiKjpBfrM3BSN0z803%252A%252A%252A%252A%26"));
        assert!(sts.ends_with("%26Version%3D2018-01-20"));
    }

    #[test]
    fn ota_get_signature() {
        let sts = string_to_sign("GET", OTA_CANONICAL);
        assert_eq!(signature("testsecret", &sts), OTA_SIG_GET);
    }

    #[test]
    fn ota_post_signature() {
        let sts = string_to_sign("POST", OTA_CANONICAL);
        assert_eq!(signature("testsecret", &sts), OTA_SIG_POST);
    }

    // ---- Encoding check vector ----

    #[test]
    fn encoding_check_vector() {
        let params = [("A", "a b~c*d+e/f!g'h(i)j"), ("B", "中文")];
        let canonical = canonical_query(&params);
        assert_eq!(
            canonical,
            "A=a%20b~c%2Ad%2Be%2Ff%21g%27h%28i%29j&B=%E4%B8%AD%E6%96%87"
        );
        let sts = string_to_sign("GET", &canonical);
        assert_eq!(
            signature("testsecret", &sts),
            "QUb+VjMLuBlkdLMyVb1n8GDoKWw="
        );
    }

    #[test]
    fn percent_encode_basics() {
        assert_eq!(percent_encode(""), "");
        assert_eq!(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
        assert_eq!(percent_encode(" "), "%20");
        assert_eq!(percent_encode("*+/=&%:"), "%2A%2B%2F%3D%26%25%3A");
        assert_eq!(percent_encode("é"), "%C3%A9");
        assert_eq!(percent_encode("\u{0}\u{7f}"), "%00%7F");
    }

    #[test]
    fn canonical_query_edge_cases() {
        assert_eq!(canonical_query(&[]), "");
        // Empty values are kept; equal names are ordered by value.
        assert_eq!(
            canonical_query(&[("b", "2"), ("SignatureType", ""), ("b", "1")]),
            "SignatureType=&b=1&b=2"
        );
    }

    #[test]
    fn hmac_matches_rfc_2202() {
        assert_eq!(
            to_hex(&hmac_sha1(b"Jefe", b"what do ya want for nothing?")),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
    }

    // ---- Time and nonces ----

    #[test]
    fn timestamp_format() {
        assert_eq!(
            format_timestamp(ts("2016-02-23T12:46:24Z")),
            "2016-02-23T12:46:24Z"
        );
        assert_eq!(
            format_timestamp(ts("2016-02-23T12:46:24.999Z")),
            "2016-02-23T12:46:24Z"
        );
        assert_eq!(
            format_timestamp(ts("2016-02-23T20:46:24+08:00")),
            "2016-02-23T12:46:24Z"
        );
        assert_eq!(
            format_timestamp(jiff::Timestamp::UNIX_EPOCH),
            "1970-01-01T00:00:00Z"
        );
    }

    #[test]
    fn fixed_clock_and_nonce() {
        let clock = FixedClock(ts("2016-02-23T12:46:24Z"));
        assert_eq!(clock.now(), ts("2016-02-23T12:46:24Z"));
        let nonce = FixedNonce(NONCE_1.to_owned());
        assert_eq!(nonce.nonce(), NONCE_1);
        assert_eq!(nonce.nonce(), NONCE_1);
        let now = SystemClock.now();
        assert!(now > ts("2020-01-01T00:00:00Z"));
    }

    fn is_nonce(s: &str) -> bool {
        s.len() == 32
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    }

    #[test]
    fn random_nonce_is_32_lowercase_hex_and_fresh() {
        let a = RandomNonce.nonce();
        let b = RandomNonce.nonce();
        assert!(is_nonce(&a), "{a}");
        assert!(is_nonce(&b), "{b}");
        assert_ne!(a, b);
    }

    #[test]
    fn fallback_nonce_is_32_lowercase_hex_and_unique() {
        let nonces: std::collections::HashSet<String> =
            (0..1000).map(|_| fallback_nonce()).collect();
        assert_eq!(nonces.len(), 1000);
        assert!(nonces.iter().all(|n| is_nonce(n)));
    }

    // ---- The signer ----

    fn sign_v1(method: &str, params: &[(&str, &str)], token: Option<&Secret>) -> SignedRequest {
        let secret = Secret::new("testsecret");
        let key = SigningKey {
            access_key_id: "testid",
            access_key_secret: &secret,
            security_token: token,
        };
        let request = SigningRequest { method, params };
        let clock = FixedClock(ts("2016-02-23T12:46:24Z"));
        let nonce = FixedNonce(NONCE_1.to_owned());
        RpcV1Signer.sign(&request, &key, clock.now(), &nonce.nonce())
    }

    const V1_CALL_PARAMS: [(&str, &str); 3] = [
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("Version", "2014-05-26"),
    ];

    #[test]
    fn signer_reproduces_vector1_get() {
        let signed = sign_v1("GET", &V1_CALL_PARAMS, None);
        assert_eq!(signed.string_to_sign, V1_STS_GET);
        assert_eq!(
            signed.query,
            format!("{V1_CANONICAL}&Signature={V1_SIG_GET_WIRE}")
        );
        assert!(signed.headers.is_empty());
        assert_eq!(signed.nonce, NONCE_1);
        assert_eq!(signed.timestamp, ts("2016-02-23T12:46:24Z"));
    }

    #[test]
    fn signer_reproduces_vector1_post() {
        let signed = sign_v1("POST", &V1_CALL_PARAMS, None);
        assert_eq!(
            signed.query,
            format!("{V1_CANONICAL}&Signature=MxbnVAM4w6sft9xjVpe%2FGCKueuk%3D")
        );
    }

    #[test]
    fn signer_reproduces_ota_vectors() {
        let params = [
            ("Action", "QueryOTAFirmware"),
            ("FirmwareId", "s8SSHiKjpBfrM3BSN0z803****"),
            ("IotInstanceId", "iot_instc_pu****_c*-v64********"),
            ("Format", "JSON"),
            ("RegionId", "cn-shanghai"),
            ("Version", "2018-01-20"),
        ];
        let get = sign_v1("GET", &params, None);
        assert_eq!(
            get.query,
            format!("{OTA_CANONICAL}&Signature={}", percent_encode(OTA_SIG_GET))
        );
        let post = sign_v1("POST", &params, None);
        assert_eq!(
            post.query,
            format!("{OTA_CANONICAL}&Signature={}", percent_encode(OTA_SIG_POST))
        );
    }

    #[test]
    fn signer_ignores_params_it_owns() {
        let mut params = V1_CALL_PARAMS.to_vec();
        params.push(("Signature", "stale"));
        params.push(("AccessKeyId", "other"));
        params.push(("SignatureNonce", "reused"));
        let signed = sign_v1("GET", &params, None);
        assert_eq!(
            signed.query,
            format!("{V1_CANONICAL}&Signature={V1_SIG_GET_WIRE}")
        );
    }

    #[test]
    fn signer_adds_and_signs_security_token() {
        let token = Secret::new("CAIS/token+value=");
        let signed = sign_v1("GET", &V1_CALL_PARAMS, Some(&token));
        let mut params = V1_PARAMS.to_vec();
        params.push(("SecurityToken", "CAIS/token+value="));
        let canonical = canonical_query(&params);
        assert!(canonical.contains("&SecurityToken=CAIS%2Ftoken%2Bvalue%3D&"));
        let sts = string_to_sign("GET", &canonical);
        assert_eq!(signed.string_to_sign, sts);
        let sig = signature("testsecret", &sts);
        assert_ne!(sig, V1_SIG_GET);
        assert_eq!(
            signed.query,
            format!("{canonical}&Signature={}", percent_encode(&sig))
        );
    }

    #[test]
    fn signed_request_debug_hides_signature_and_token() {
        let token = Secret::new("TOPSECRETTOKEN");
        let mut signed = sign_v1("GET", &V1_CALL_PARAMS, Some(&token));
        signed.headers.push((
            "Authorization".to_owned(),
            "ACS3-HMAC-SHA256 secret-ish".to_owned(),
        ));
        signed
            .headers
            .push(("x-acs-action".to_owned(), "DescribeRegions".to_owned()));
        let sig = signed.query.rsplit_once("Signature=").unwrap().1.to_owned();
        let debug = format!("{signed:?}");
        assert!(!debug.contains("TOPSECRETTOKEN"), "{debug}");
        assert!(!debug.contains(&sig), "{debug}");
        assert!(!debug.contains("secret-ish"), "{debug}");
        assert!(debug.contains("Signature=<redacted>"), "{debug}");
        assert!(debug.contains("SecurityToken=<redacted>"), "{debug}");
        assert!(debug.contains("SecurityToken%3D<redacted>"), "{debug}");
        assert!(
            debug.contains("&%2F&AccessKeyId%3D<redacted>%26"),
            "{debug}"
        );
        assert!(!debug.contains("testid"), "{debug}");
        assert!(debug.contains("DescribeRegions"), "{debug}");
        // The real values are untouched.
        assert!(signed.query.contains("SecurityToken=TOPSECRETTOKEN"));
    }

    #[test]
    fn redact_query_hides_credentials() {
        let q = "AccessKeyId=testid&Action=X&SecurityToken=tok&Signature=abc%3D&Version=1";
        assert_eq!(
            redact_query(q),
            "AccessKeyId=<redacted>&Action=X&SecurityToken=<redacted>&Signature=<redacted>&Version=1"
        );
        assert_eq!(
            redact_query("https://iot.cn-shanghai.aliyuncs.com/?Signature=abc&A=b"),
            "https://iot.cn-shanghai.aliyuncs.com/?Signature=<redacted>&A=b"
        );
        assert_eq!(redact_query(""), "");
        assert_eq!(
            redact_query("flag&SignatureMethod=HMAC-SHA1"),
            "flag&SignatureMethod=HMAC-SHA1"
        );
    }

    #[test]
    fn redact_string_to_sign_hides_credentials() {
        let redacted = redact_string_to_sign(V1_STS_GET);
        assert!(
            redacted.starts_with("GET&%2F&AccessKeyId%3D<redacted>%26Action%3DDescribeRegions%26")
        );
        assert!(redacted.contains("%26SignatureMethod%3DHMAC-SHA1%26"));
    }

    #[test]
    fn parses_server_string_to_sign() {
        let msg = format!(
            "Specified signature is not matched with our calculation. server string to sign is:{V1_STS_GET}"
        );
        assert_eq!(parse_server_string_to_sign(&msg), Some(V1_STS_GET));
        let msg = format!("Server String To Sign Is: {V1_STS_GET} (check your secret)");
        assert_eq!(parse_server_string_to_sign(&msg), Some(V1_STS_GET));
        assert_eq!(
            parse_server_string_to_sign("The specified signature is invalid."),
            None
        );
        assert_eq!(
            parse_server_string_to_sign("server string to sign is:"),
            None
        );
    }
}
