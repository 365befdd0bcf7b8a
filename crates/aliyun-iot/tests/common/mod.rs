//! What the wire tests share besides the test server (`test_support::Server`): what each
//! signature version reads of a request it received ([`RecordedExt`]), independent checks of
//! both signature versions (V1 `HMAC-SHA1` and V3 `ACS3-HMAC-SHA256`, written here from the
//! published rules with `sha1`/`sha2`/`hmac`, never with the runtime's signing code) and the
//! test client's configuration.
//!
//! Each test binary uses part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use aliyun_iot::Client;
pub use aliyun_runtime::SignatureVersion;
use aliyun_runtime::{Config, ConfigBuilder, Credentials, Error, Pacing, RetryConfig};
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use test_support::{Recorded, Server};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub const KEY_ID: &str = "testid";
pub const SECRET: &str = "testsecret";

/// Both signature versions, for the tests that must hold whichever is used.
pub const VERSIONS: [SignatureVersion; 2] = [SignatureVersion::V1, SignatureVersion::V3];

/// The parameters the runtime sends with every V1 call, whatever the operation.
pub const COMMON_PARAMETERS: &[&str] = &[
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "SecurityToken",
    "RegionId",
];

/// The V1 parameters that must never be in a V3 query (`Format` is one only when XML is
/// asked for, so it is checked by the tests that know the format).
pub const V1_ONLY_PARAMETERS: &[&str] = &[
    "Action",
    "Version",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "SecurityToken",
    "RegionId",
];

/// The hex SHA-256 of the empty body, as published.
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// ---------------------------------------------------------------------------------------------
// A received request, as each signature version reads it
// ---------------------------------------------------------------------------------------------

/// What the signature versions read of a request the test server received.
pub trait RecordedExt {
    /// The V1 `Signature` value exactly as it was on the wire (still percent-encoded).
    fn raw_signature(&self) -> String;
    /// The operation's own parameters, sorted by name then value: under V1 all but the common
    /// ones; under V3 the whole query, which holds nothing else.
    fn operation_params(&self, version: SignatureVersion) -> Vec<(String, String)>;
    /// The action called: the `Action` parameter (V1) or the `x-acs-action` header (V3).
    fn action(&self, version: SignatureVersion) -> Option<String>;
    /// The API version: the `Version` parameter (V1) or the `x-acs-version` header (V3).
    fn api_version(&self, version: SignatureVersion) -> Option<String>;
    /// The nonce: `SignatureNonce` (V1) or `x-acs-signature-nonce` (V3).
    fn nonce(&self, version: SignatureVersion) -> Option<String>;
    /// The signing time: `Timestamp` (V1) or `x-acs-date` (V3).
    fn date(&self, version: SignatureVersion) -> Option<String>;
    /// The signature: `Signature` (V1) or the `Signature=` of `Authorization` (V3).
    fn signature(&self, version: SignatureVersion) -> Option<String>;
    /// What the V3 verifier reads of this request.
    fn v3_input(&self) -> V3Input<'_>;
}

impl RecordedExt for Recorded {
    fn raw_signature(&self) -> String {
        self.raw_query()
            .split('&')
            .find_map(|pair| pair.strip_prefix("Signature="))
            .expect("a Signature parameter")
            .to_owned()
    }

    fn operation_params(&self, version: SignatureVersion) -> Vec<(String, String)> {
        let mut params: Vec<(String, String)> = self
            .params()
            .into_iter()
            .filter(|(n, _)| {
                version != SignatureVersion::V1 || !COMMON_PARAMETERS.contains(&n.as_str())
            })
            .collect();
        params.sort();
        params
    }

    fn action(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("Action"),
            _ => self.header("x-acs-action").map(str::to_owned),
        }
    }

    fn api_version(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("Version"),
            _ => self.header("x-acs-version").map(str::to_owned),
        }
    }

    fn nonce(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("SignatureNonce"),
            _ => self.header("x-acs-signature-nonce").map(str::to_owned),
        }
    }

    fn date(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("Timestamp"),
            _ => self.header("x-acs-date").map(str::to_owned),
        }
    }

    fn signature(&self, version: SignatureVersion) -> Option<String> {
        match version {
            SignatureVersion::V1 => self.param("Signature"),
            _ => self
                .header("authorization")?
                .rsplit_once("Signature=")
                .map(|(_, s)| s.to_owned()),
        }
    }

    fn v3_input(&self) -> V3Input<'_> {
        V3Input {
            method: &self.method,
            path: self.path(),
            params: self.params(),
            headers: &self.headers,
            body: &self.body,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Queries (independent of the runtime's code)
// ---------------------------------------------------------------------------------------------

/// RFC 3986 encoding as both signatures want it, written out by hand.
pub fn rfc3986(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The parameters sorted by name then value (bytes), each encoded, joined as `n=v&n=v`.
fn sorted_encoded_query<'a>(params: impl Iterator<Item = &'a (String, String)>) -> String {
    let mut sorted: Vec<&(String, String)> = params.collect();
    sorted.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then_with(|| a.1.as_bytes().cmp(b.1.as_bytes()))
    });
    sorted
        .iter()
        .map(|(n, v)| format!("{}={}", rfc3986(n), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// V1 (HMAC-SHA1), independent of the runtime's code
// ---------------------------------------------------------------------------------------------

/// `METHOD&%2F&` + the encoded, sorted parameters (all but `Signature`) encoded again.
pub fn v1_string_to_sign(method: &str, params: &[(String, String)]) -> String {
    let canonical = sorted_encoded_query(params.iter().filter(|(n, _)| n != "Signature"));
    format!("{method}&%2F&{}", rfc3986(&canonical))
}

/// `Base64(HMAC-SHA1(secret + "&", string to sign))`.
pub fn hmac_sha1_base64(secret: &str, string_to_sign: &str) -> String {
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(format!("{secret}&").as_bytes())
        .expect("HMAC takes any key");
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// The V1 signature the server would compute for `request` with `secret` and `method`.
pub fn v1_signature(request: &Recorded, method: &str, secret: &str) -> String {
    hmac_sha1_base64(secret, &v1_string_to_sign(method, &request.params()))
}

// ---------------------------------------------------------------------------------------------
// V3 (ACS3-HMAC-SHA256), independent of the runtime's code
// ---------------------------------------------------------------------------------------------

/// What a V3 verifier reads of a request.
#[derive(Clone, Debug)]
pub struct V3Input<'a> {
    pub method: &'a str,
    pub path: &'a str,
    /// Decoded query parameters.
    pub params: Vec<(String, String)>,
    /// Every header received, `host` included (names lowercase).
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// Every stage of a V3 signature as a verifier computes it.
#[derive(Clone, Debug)]
pub struct V3Computed {
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signed_headers: String,
    pub signature: String,
    pub authorization: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hmac_sha256_hex(key: &str, message: &str) -> String {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(message.as_bytes());
    hex(&mac.finalize().into_bytes())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// The headers a V3 client signs (the Go and Java SDKs' rule): `host`, `content-type` and
/// every `x-acs-*`.
pub fn v3_signs(name: &str) -> bool {
    name == "host" || name == "content-type" || name.starts_with("x-acs-")
}

/// The `ACS3-HMAC-SHA256` signature of `input` (signing [`v3_signs`] headers), stage by stage:
/// canonical request, string to sign, signature and `Authorization` value.
pub fn v3_sign(input: &V3Input<'_>, key_id: &str, secret: &str) -> V3Computed {
    let query = sorted_encoded_query(input.params.iter());
    let mut signed: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (name, value) in input.headers {
        let name = name.to_ascii_lowercase();
        if v3_signs(&name) {
            signed.entry(name).or_default().push(value.trim());
        }
    }
    let mut canonical_headers = String::new();
    for (name, values) in &mut signed {
        values.sort_unstable();
        let _ = writeln!(canonical_headers, "{name}:{}", values.join(","));
    }
    let signed_headers = signed.keys().cloned().collect::<Vec<_>>().join(";");
    let canonical_request = format!(
        "{}\n{}\n{query}\n{canonical_headers}\n{signed_headers}\n{}",
        input.method,
        input.path,
        sha256_hex(input.body)
    );
    let string_to_sign = format!(
        "ACS3-HMAC-SHA256\n{}",
        sha256_hex(canonical_request.as_bytes())
    );
    let signature = hmac_sha256_hex(secret, &string_to_sign);
    let authorization = format!(
        "ACS3-HMAC-SHA256 Credential={key_id},SignedHeaders={signed_headers},Signature={signature}"
    );
    V3Computed {
        canonical_request,
        string_to_sign,
        signed_headers,
        signature,
        authorization,
    }
}

// ---------------------------------------------------------------------------------------------
// Signature checks
// ---------------------------------------------------------------------------------------------

/// Asserts that `request` is signed with `version` and nothing of the other version, with a
/// valid signature for its own method, `key_id` and `secret`:
///
/// - V1: the `Signature` parameter is the HMAC-SHA1 of the sorted, encoded parameters, sent in
///   the same encoding as any value; `AccessKeyId` is `key_id`; no `Authorization` and no
///   `x-acs-date`.
/// - V3: `Authorization` is exactly the one recomputed here from the request received (every
///   `host`, `content-type` and `x-acs-*` header signed); `x-acs-content-sha256` is the hash
///   of the body; no V1 parameter in the query.
pub fn assert_signed(request: &Recorded, version: SignatureVersion, key_id: &str, secret: &str) {
    match version {
        SignatureVersion::V1 => {
            let sent = request.param("Signature").expect("a Signature parameter");
            let expected = v1_signature(request, &request.method, secret);
            assert_eq!(
                sent,
                expected,
                "V1 signature of {} {}",
                request.method,
                request.raw_query()
            );
            // On the wire, the signature is encoded like any other value.
            assert_eq!(request.raw_signature(), rfc3986(&sent));
            assert_eq!(request.param("AccessKeyId").as_deref(), Some(key_id));
            assert_eq!(request.header("authorization"), None, "V1 and V3 mixed");
            assert_eq!(request.header("x-acs-date"), None, "V1 and V3 mixed");
        }
        SignatureVersion::V3 => {
            for name in V1_ONLY_PARAMETERS {
                assert_eq!(
                    request.param(name),
                    None,
                    "V3 request with the V1 parameter {name}: {}",
                    request.raw_query()
                );
            }
            assert_eq!(
                request.header("x-acs-content-sha256"),
                Some(sha256_hex(&request.body).as_str()),
                "x-acs-content-sha256"
            );
            let expected = v3_sign(&request.v3_input(), key_id, secret);
            assert_eq!(
                request.header("authorization"),
                Some(expected.authorization.as_str()),
                "V3 Authorization of {} {} (canonical request:\n{})",
                request.method,
                request.raw_query(),
                expected.canonical_request
            );
        }
        other => panic!("no check for signature {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------------

/// A config for `server`: explicit test credentials (nothing read from the environment or the
/// home directory), no pacing, retries with short backoffs; the product's signature version.
pub fn config_for(server: &Server) -> Result<ConfigBuilder, Error> {
    Ok(Config::builder()
        .endpoint_url(&server.url())?
        .credentials(Credentials::new(KEY_ID, SECRET))
        .pacing(Pacing::Off)
        .retry(RetryConfig::default().with_initial_backoff(std::time::Duration::from_millis(5))))
}

/// [`config_for`], signing with `version`.
pub fn config_with(server: &Server, version: SignatureVersion) -> Result<ConfigBuilder, Error> {
    Ok(config_for(server)?.signature(version))
}

/// A client of [`config_for`] (the product's signature version, V3).
pub fn client_for(server: &Server) -> Result<Client, Error> {
    Client::new(config_for(server)?.build()?)
}

/// A client of [`config_for`] signing with `version`.
pub fn client_with(server: &Server, version: SignatureVersion) -> Result<Client, Error> {
    Client::new(config_with(server, version)?.build()?)
}
