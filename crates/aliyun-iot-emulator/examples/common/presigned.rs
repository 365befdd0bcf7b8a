//! Pre-signed `QueryOTAFirmware` requests for the seed package, shared by
//! `benches/throughput.rs` and `examples/scale.rs` (included by `#[path]`).

#![allow(dead_code)] // each includer uses part of it

use std::borrow::Cow;

use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::signing::{
    Acs3Signer, NonceSource, RandomNonce, RpcV1Signer, SignableRequest, Signer, SigningContext,
    SigningKey,
};
use aliyun_runtime::{Secret, SignatureVersion};

/// The seeded package's FirmwareId.
pub const SEED_ID: &str = "UfuxnwygsuSkVE0VCN****0100";

/// A pre-signed request: method, URL and headers.
pub struct Presigned {
    pub post: bool,
    pub url: String,
    pub headers: Vec<(Cow<'static, str>, Cow<'static, str>)>,
}

/// `n` requests for the seed package signed with `version` for the emulator at `endpoint`
/// (`host` is its `Host`), each with a fresh nonce: V1 as GET with every parameter in the
/// query, V3 as POST with the operation's parameters in the query and an empty body.
pub fn presigned(endpoint: &str, host: &str, version: SignatureVersion, n: u64) -> Vec<Presigned> {
    let secret = Secret::new("testsecret");
    let key = SigningKey {
        access_key_id: "testid",
        access_key_secret: &secret,
        security_token: None,
    };
    let now = Timestamp::now();
    (0..n)
        .map(|_| {
            let ctx = SigningContext::new(now, RandomNonce.nonce());
            let (post, mut request, signer): (bool, SignableRequest, &dyn Signer) = match version {
                SignatureVersion::V1 => {
                    let mut request = SignableRequest::new("GET", host, "/");
                    request.query = [
                        ("Action", "QueryOTAFirmware"),
                        ("Version", "2018-01-20"),
                        ("Format", "JSON"),
                        ("FirmwareId", SEED_ID),
                    ]
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect();
                    (false, request, &RpcV1Signer)
                }
                _ => {
                    let mut request = SignableRequest::new("POST", host, "/");
                    request.set_header("x-acs-action", "QueryOTAFirmware");
                    request.set_header("x-acs-version", "2018-01-20");
                    request.query = vec![("FirmwareId".to_owned(), SEED_ID.to_owned())];
                    (true, request, &Acs3Signer::HMAC_SHA256)
                }
            };
            let signed = signer.sign(&mut request, &key, &ctx);
            Presigned {
                post,
                url: format!("{endpoint}?{}", signed.query),
                headers: request.headers,
            }
        })
        .collect()
}
