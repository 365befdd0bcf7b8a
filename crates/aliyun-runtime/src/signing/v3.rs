//! V3 request signature (`ACS3-HMAC-SHA256`, and `ACS3-HMAC-SM3`), in pure stages so that each
//! can be tested on its own:
//!
//! 1. [`hashed_payload`]: hex hash of the exact body bytes (`x-acs-content-sha256`);
//! 2. [`canonical_query`]: sorted, RFC 3986-encoded `name=value` pairs (also what is sent);
//! 3. [`canonical_headers`]: the signed headers, `name:value\n` sorted by name, and their list;
//! 4. [`canonical_request`]: method, path, query, headers, signed list, payload hash;
//! 5. [`string_to_sign`]: the algorithm and the hex hash of the canonical request;
//! 6. [`signature`]: hex HMAC of the string to sign under the AccessKey secret;
//! 7. [`authorization`]: the `Authorization` header.
//!
//! [`Acs3Signer`] adds `x-acs-date`, `x-acs-signature-nonce`, `x-acs-content-sha256`, with STS
//! credentials `x-acs-security-token` and `x-acs-accesskey-id`, and `Authorization`. It signs
//! `host`, `content-type` and every `x-acs-*` header (the Go and Java SDKs' choice; the Python
//! SDK signs every header, which a verifier accepts by reading `SignedHeaders`).

use std::borrow::Cow;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use sm3::Sm3;

use super::{
    SignableRequest, SignatureVersion, Signed, Signer, SigningContext, SigningKey, percent_encode,
    push_hex, to_hex,
};

/// The V3 algorithms: the hash and HMAC they use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Acs3Algorithm {
    /// `ACS3-HMAC-SHA256`: SHA-256 and HMAC-SHA256 (the default of the official SDKs).
    HmacSha256,
    /// `ACS3-HMAC-SM3`: SM3 and HMAC-SM3 (the payload hash still goes in
    /// `x-acs-content-sha256`).
    HmacSm3,
}

impl Acs3Algorithm {
    /// The name that starts the string to sign and the `Authorization` header.
    pub fn as_str(self) -> &'static str {
        match self {
            Acs3Algorithm::HmacSha256 => "ACS3-HMAC-SHA256",
            Acs3Algorithm::HmacSm3 => "ACS3-HMAC-SM3",
        }
    }

    /// The algorithm named `name`, if it is one of these.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "ACS3-HMAC-SHA256" => Some(Acs3Algorithm::HmacSha256),
            "ACS3-HMAC-SM3" => Some(Acs3Algorithm::HmacSm3),
            _ => None,
        }
    }

    /// The lowercase hex hash of `bytes` (borrowed for an empty body, as RPC calls send).
    pub fn hash_hex(self, bytes: &[u8]) -> Cow<'static, str> {
        match (self, bytes.is_empty()) {
            (Acs3Algorithm::HmacSha256, true) => Cow::Borrowed(EMPTY_SHA256),
            (Acs3Algorithm::HmacSm3, true) => Cow::Borrowed(EMPTY_SM3),
            (_, false) => {
                let mut out = String::with_capacity(64);
                self.push_hash_hex(&mut out, bytes);
                Cow::Owned(out)
            }
        }
    }

    /// Appends the lowercase hex hash of `bytes` to `out`.
    fn push_hash_hex(self, out: &mut String, bytes: &[u8]) {
        match self {
            Acs3Algorithm::HmacSha256 => push_hex(out, &Sha256::digest(bytes)),
            Acs3Algorithm::HmacSm3 => push_hex(out, &Sm3::digest(bytes)),
        }
    }

    /// The lowercase hex HMAC of `message` under `key`.
    fn hmac_hex(self, key: &[u8], message: &[u8]) -> String {
        // HMAC takes keys of any length, so these cannot fail; were they ever to, the empty
        // signature would be refused by the server rather than a panic here.
        match self {
            Acs3Algorithm::HmacSha256 => <Hmac<Sha256> as KeyInit>::new_from_slice(key)
                .map(|mac| to_hex(&mac.chain_update(message).finalize().into_bytes()))
                .unwrap_or_default(),
            Acs3Algorithm::HmacSm3 => <Hmac<Sm3> as KeyInit>::new_from_slice(key)
                .map(|mac| to_hex(&mac.chain_update(message).finalize().into_bytes()))
                .unwrap_or_default(),
        }
    }
}

/// The SHA-256 of nothing.
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// The SM3 of nothing.
const EMPTY_SM3: &str = "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b";

/// Stage 1: the hex hash of the exact body bytes (SHA-256 of nothing for an empty body).
pub fn hashed_payload(algorithm: Acs3Algorithm, body: &[u8]) -> Cow<'static, str> {
    algorithm.hash_hex(body)
}

/// Stage 2: the canonical query string: pairs sorted by name (then value) in byte order, each
/// name and value RFC 3986-encoded, joined as `name=value` with `&`. It is also the query to
/// send, so that what is signed is what goes on the wire.
pub fn canonical_query<K: AsRef<str>, V: AsRef<str>>(query: &[(K, V)]) -> String {
    let pairs = query.iter().map(|(k, v)| (k.as_ref(), v.as_ref()));
    super::v1::sorted_query(pairs.collect())
}

/// The canonical form of a path: each `/`-separated segment RFC 3986-encoded (`/` for RPC).
pub fn canonical_path(path: &str) -> Cow<'static, str> {
    if path.is_empty() || path == "/" {
        return Cow::Borrowed("/");
    }
    Cow::Owned(
        path.split('/')
            .map(percent_encode)
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// Stage 3: the canonical headers (`name:value\n` for each signed header, names lowercase,
/// values trimmed, sorted by name; repeated headers' values sorted and joined with `,`) and the
/// `SignedHeaders` list (`name;name`). `host` is the request's `Host`; `signed` picks the
/// (lowercase) names to sign; a name picked but absent is left out.
pub fn canonical_headers<N: AsRef<str>, V: AsRef<str>>(
    host: &str,
    headers: &[(N, V)],
    signed: impl Fn(&str) -> bool,
) -> (String, String) {
    let all = std::iter::once(("host", host))
        .chain(headers.iter().map(|(n, v)| (n.as_ref(), v.as_ref())));
    let mut picked: Vec<(Cow<'_, str>, &str)> = Vec::with_capacity(headers.len() + 1);
    for (name, value) in all {
        // Names are lowercase already but in hand-made requests.
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        };
        if signed(&name) {
            picked.push((name, value.trim()));
        }
    }
    // By name, then value: a repeated header's values come sorted.
    picked.sort_unstable();
    let room: usize = picked.iter().map(|(n, v)| n.len() + v.len() + 2).sum();
    let mut canonical = String::with_capacity(room);
    let mut list = String::with_capacity(room);
    let mut previous = None;
    for (name, value) in &picked {
        if previous == Some(name) {
            canonical.push(',');
        } else {
            if previous.is_some() {
                canonical.push('\n');
                list.push(';');
            }
            canonical.push_str(name);
            canonical.push(':');
            list.push_str(name);
        }
        canonical.push_str(value);
        previous = Some(name);
    }
    if previous.is_some() {
        canonical.push('\n');
    }
    (canonical, list)
}

/// The headers [`Acs3Signer`] signs: `host`, `content-type` and every `x-acs-*`.
pub fn signs_by_default(name: &str) -> bool {
    name == "host" || name == "content-type" || name.starts_with("x-acs-")
}

/// Stage 4: the canonical request.
pub fn canonical_request(
    method: &str,
    path: &str,
    canonical_query: &str,
    canonical_headers: &str,
    signed_headers: &str,
    hashed_payload: &str,
) -> String {
    let path = canonical_path(path);
    let parts = [
        method,
        &path,
        canonical_query,
        canonical_headers,
        signed_headers,
        hashed_payload,
    ];
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(part);
    }
    out
}

/// Stage 5: the string to sign, `<algorithm>\n<hex hash of the canonical request>`.
pub fn string_to_sign(algorithm: Acs3Algorithm, canonical_request: &str) -> String {
    let mut out = String::with_capacity(algorithm.as_str().len() + 1 + 64);
    out.push_str(algorithm.as_str());
    out.push('\n');
    algorithm.push_hash_hex(&mut out, canonical_request.as_bytes());
    out
}

/// Stage 6: the signature, hex HMAC of the string to sign under the AccessKey secret as it is
/// (no `&` suffix, unlike V1).
pub fn signature(algorithm: Acs3Algorithm, secret: &str, string_to_sign: &str) -> String {
    algorithm.hmac_hex(secret.as_bytes(), string_to_sign.as_bytes())
}

/// Stage 7: the `Authorization` header's value.
pub fn authorization(
    algorithm: Acs3Algorithm,
    access_key_id: &str,
    signed_headers: &str,
    signature: &str,
) -> String {
    let parts = [
        algorithm.as_str(),
        " Credential=",
        access_key_id,
        ",SignedHeaders=",
        signed_headers,
        ",Signature=",
        signature,
    ];
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    parts.iter().for_each(|part| out.push_str(part));
    out
}

/// A parsed `Authorization` header, for verifiers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authorization<'a> {
    /// The algorithm name as sent (`ACS3-HMAC-SHA256`).
    pub algorithm: &'a str,
    /// The AccessKeyId (`Credential=`).
    pub credential: &'a str,
    /// The signed header names, in the order sent.
    pub signed_headers: Vec<&'a str>,
    /// The hex signature.
    pub signature: &'a str,
}

/// Reads `<algorithm> Credential=…,SignedHeaders=…,Signature=…` (spaces after the commas
/// tolerated); `None` when a part is missing.
pub fn parse_authorization(value: &str) -> Option<Authorization<'_>> {
    let (algorithm, rest) = value.trim().split_once(' ')?;
    let (mut credential, mut signed, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (key, val) = part.trim().split_once('=')?;
        match key {
            "Credential" => credential = Some(val),
            "SignedHeaders" => signed = Some(val),
            "Signature" => signature = Some(val),
            _ => {}
        }
    }
    Some(Authorization {
        algorithm,
        credential: credential.filter(|c| !c.is_empty())?,
        signed_headers: signed?.split(';').filter(|h| !h.is_empty()).collect(),
        signature: signature.filter(|s| !s.is_empty())?,
    })
}

/// The V3 signer: ACS3-HMAC-SHA256 ([`Acs3Signer::HMAC_SHA256`]) or ACS3-HMAC-SM3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Acs3Signer {
    /// The algorithm.
    pub algorithm: Acs3Algorithm,
}

impl Acs3Signer {
    /// `ACS3-HMAC-SHA256`.
    pub const HMAC_SHA256: Acs3Signer = Acs3Signer {
        algorithm: Acs3Algorithm::HmacSha256,
    };
    /// `ACS3-HMAC-SM3`.
    pub const HMAC_SM3: Acs3Signer = Acs3Signer {
        algorithm: Acs3Algorithm::HmacSm3,
    };
}

impl Signer for Acs3Signer {
    fn sign(
        &self,
        request: &mut SignableRequest,
        key: &SigningKey<'_>,
        ctx: &SigningContext,
    ) -> Signed {
        let payload = hashed_payload(self.algorithm, &request.body);
        // What this signer sets replaces any copy, in whatever case a caller wrote its name.
        let headers = &mut request.headers;
        headers.retain(|(n, _)| {
            ![
                "x-acs-date",
                "x-acs-signature-nonce",
                "x-acs-content-sha256",
                "authorization",
                "x-acs-security-token",
                "x-acs-accesskey-id",
            ]
            .iter()
            .any(|owned| n.eq_ignore_ascii_case(owned))
        });
        headers.reserve(4 + 2 * usize::from(key.security_token.is_some()));
        let date = super::v1::format_timestamp(ctx.time);
        headers.push(("x-acs-date".into(), date.into()));
        headers.push(("x-acs-signature-nonce".into(), ctx.nonce.clone().into()));
        headers.push(("x-acs-content-sha256".into(), payload.clone()));
        if let Some(token) = key.security_token {
            let id = key.access_key_id.to_owned();
            headers.push(("x-acs-accesskey-id".into(), id.into()));
            let token = token.expose().to_owned();
            headers.push(("x-acs-security-token".into(), token.into()));
        }
        let query = canonical_query(&request.query);
        let (headers, signed) =
            canonical_headers(&request.host, &request.headers, signs_by_default);
        let canonical = canonical_request(
            &request.method,
            &request.path,
            &query,
            &headers,
            &signed,
            &payload,
        );
        let sts = string_to_sign(self.algorithm, &canonical);
        let sig = signature(self.algorithm, key.access_key_secret.expose(), &sts);
        let authorization = authorization(self.algorithm, key.access_key_id, &signed, &sig);
        request
            .headers
            .push(("authorization".into(), authorization.into()));
        Signed {
            query,
            string_to_sign: sts,
        }
    }

    fn version(&self) -> SignatureVersion {
        SignatureVersion::V3
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    #[test]
    fn empty_payloads_hash_as_documented() {
        assert_eq!(
            hashed_payload(Acs3Algorithm::HmacSha256, b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hashed_payload(Acs3Algorithm::HmacSm3, b""),
            "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b"
        );
    }

    #[test]
    fn canonical_headers_lowercase_trim_sort_and_join_repeats() {
        let headers: Vec<(&str, &str)> = [
            ("x-acs-b", " 2 "),
            ("X-Acs-A", "z"),
            ("user-agent", "not signed"),
            ("x-acs-b", "1"),
            ("content-type", "application/json"),
        ]
        .to_vec();
        let (canonical, list) = canonical_headers(" h:8080 ", &headers, signs_by_default);
        assert_eq!(
            canonical,
            "content-type:application/json\nhost:h:8080\nx-acs-a:z\nx-acs-b:1,2\n"
        );
        assert_eq!(list, "content-type;host;x-acs-a;x-acs-b");
        assert_eq!(
            canonical_headers::<&str, &str>("", &[], |_| false),
            (String::new(), String::new())
        );
    }

    #[test]
    fn authorization_round_trips() {
        let value = authorization(Acs3Algorithm::HmacSha256, "id", "host;x-acs-date", "ab12");
        assert_eq!(
            value,
            "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;x-acs-date,Signature=ab12"
        );
        let parsed = parse_authorization(&value).unwrap();
        assert_eq!(parsed.algorithm, "ACS3-HMAC-SHA256");
        assert_eq!(parsed.credential, "id");
        assert_eq!(parsed.signed_headers, ["host", "x-acs-date"]);
        assert_eq!(parsed.signature, "ab12");
        assert!(parse_authorization("ACS3-HMAC-SHA256 Credential=id").is_none());
        assert!(parse_authorization("garbage").is_none());
    }

    #[test]
    fn the_signer_sets_its_headers_and_replaces_stale_ones() {
        let secret = Secret::new("testsecret");
        let token = Secret::new("tok");
        let key = SigningKey {
            access_key_id: "STS.id",
            access_key_secret: &secret,
            security_token: Some(&token),
        };
        let mut request = SignableRequest::new("POST", "iot.cn-shanghai.aliyuncs.com", "/");
        request.set_header("authorization", "stale");
        // Pushed as written (the field is public): replaced whatever the case of its name.
        request
            .headers
            .push(("X-Acs-Security-Token".into(), "old".into()));
        request.set_header("x-acs-action", "QueryOTAFirmware");
        let ctx = SigningContext::new("2026-11-27T08:00:00Z".parse().unwrap(), "n1");
        let signed = Acs3Signer::HMAC_SHA256.sign(&mut request, &key, &ctx);
        assert_eq!(signed.query, "");
        assert_eq!(request.header("x-acs-date"), Some("2026-11-27T08:00:00Z"));
        assert_eq!(request.header("x-acs-security-token"), Some("tok"));
        assert_eq!(request.header("x-acs-accesskey-id"), Some("STS.id"));
        let auth = request.header("authorization").unwrap();
        assert!(auth.starts_with("ACS3-HMAC-SHA256 Credential=STS.id,SignedHeaders=host;x-acs-accesskey-id;x-acs-action;"), "{auth}");
        assert_eq!(
            request
                .headers
                .iter()
                .filter(|(n, _)| n == "authorization")
                .count(),
            1
        );
        assert!(
            !request.headers.iter().any(|(_, v)| v == "old"),
            "{:?}",
            request.headers
        );
        let debug = format!("{request:?}");
        assert!(!debug.contains("tok\"") && !debug.contains(auth), "{debug}");
    }
}
